"""Find the concrete page model that implements a mixin.

Readers (feeds, QR, API, listings) work with mixins, never with concrete classes, so a project
with a custom base page can provide its own concrete pages.
"""

from functools import cache

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured


@cache
def page_model(mixin: type) -> type:
    """The one installed, concrete, non-proxy model that subclasses ``mixin``."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, mixin) and not model._meta.proxy and not model._meta.abstract
    ]
    # Prefer the most general model when an integrator subclasses a concrete page.
    found = [m for m in found if not any(m is not o and issubclass(m, o) for o in found)]
    if len(found) != 1:
        raise ImproperlyConfigured(
            f"wagtail-baucu needs exactly one concrete page model built on {mixin.__name__}; "
            f"found {[m._meta.label for m in found]}."
        )
    return found[0]

"""``manage.py check`` warnings for settings that would let files out past the package."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_document_serving(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Documents must go through Wagtail's serve view, where the package refuses files that no
    public page uses; "direct" links and "redirect" answers hand out the storage URL instead."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "serve_view":
        return []
    return [
        checks.Warning(
            f"WAGTAILDOCS_SERVE_METHOD is {method!r}: documents of drafts and withdrawn pages "
            "can be downloaded by anyone who has their storage URL.",
            hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" and do not let the web server '
            "serve MEDIA_ROOT/documents/ (see docs/installation.md, section Files).",
            id="wagtail_baucu.W001",
        )
    ]

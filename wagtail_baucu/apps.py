from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBaucuConfig(AppConfig):
    """Core app: agencies, categories, Vietnamese helpers, templates and public URLs."""

    name = "wagtail_baucu"
    label = "wagtail_baucu"
    verbose_name = _("Election portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks as django_checks

        from . import checks, signals  # noqa: F401  (registers checks; connects receivers)
        from .language import check_middleware

        django_checks.register(check_middleware)

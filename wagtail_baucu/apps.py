from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailBaucuConfig(AppConfig):
    """Core app: agencies, categories, Vietnamese helpers, templates and public URLs."""

    name = "wagtail_baucu"
    label = "wagtail_baucu"
    verbose_name = _("Election portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from . import signals  # noqa: F401  (connects cache invalidation and search text)
        from .language import check_middleware

        checks.register(check_middleware)

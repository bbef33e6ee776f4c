from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaucuElectionsConfig(AppConfig):
    """Elections, their levels and bodies, polling areas and timeline; the unit and candidate
    pages are built from ``wagtail_baucu.elections.mixins``."""

    name = "wagtail_baucu.elections"
    label = "baucu_elections"
    verbose_name = _("Elections")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_baucu.elections import checks, signals

        signals.connect()
        checks.register()

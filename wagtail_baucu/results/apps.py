from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaucuResultsConfig(AppConfig):
    """Results per electoral unit, moderated and published with a public history of changes."""

    name = "wagtail_baucu.results"
    label = "baucu_results"
    verbose_name = _("Election results")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_baucu.elections.imports import register_kind
        from wagtail_baucu.results import signals
        from wagtail_baucu.results.imports import RESULTS_KIND

        signals.connect()
        register_kind("results", RESULTS_KIND)

from django.apps import AppConfig


class AdminLocaleConfig(AppConfig):
    name = "wagtail_baucu.admin_locale"
    label = "wagtail_baucu_admin_locale"
    verbose_name = "Wagtail admin in Vietnamese"

    def ready(self) -> None:
        # Wagtail's admin views and forms import models: only once the app registry is ready.
        from .choosers import label_the_link_fields
        from .search import name_the_search_results

        label_the_link_fields()
        name_the_search_results()

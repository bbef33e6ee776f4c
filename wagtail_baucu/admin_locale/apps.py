from django.apps import AppConfig


class AdminLocaleConfig(AppConfig):
    name = "wagtail_baucu.admin_locale"
    label = "wagtail_baucu_admin_locale"
    verbose_name = "Wagtail admin in Vietnamese"

    def ready(self) -> None:
        # Wagtail's admin views import models: only once the app registry is ready.
        from .search import name_the_search_results

        name_the_search_results()

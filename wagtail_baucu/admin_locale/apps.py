from django.apps import AppConfig


class AdminLocaleConfig(AppConfig):
    name = "wagtail_baucu.admin_locale"
    label = "wagtail_baucu_admin_locale"
    verbose_name = "Wagtail admin in Vietnamese"

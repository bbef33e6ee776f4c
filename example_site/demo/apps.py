from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "example_site.demo"
    label = "baucu_demo"
    verbose_name = "Demo content"

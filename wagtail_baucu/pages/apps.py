from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaucuPagesConfig(AppConfig):
    """The concrete election page types, built on Wagtail's default ``Page``.

    Leave this app out of ``INSTALLED_APPS`` when the project sets ``WAGTAIL_PAGE_MODEL`` and
    build the pages from ``wagtail_baucu.pages.mixins`` instead.
    """

    name = "wagtail_baucu.pages"
    label = "baucu_pages"
    verbose_name = _("Election pages")
    default_auto_field = "django.db.models.BigAutoField"

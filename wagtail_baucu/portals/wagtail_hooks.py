"""Admin hooks of the portals: the creation view and its menu item, for superusers."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_baucu.portals.views import CreatePortalView, may_create_portals


@hooks.register("register_admin_urls")
def portal_urls():
    return [
        path("baucu/create-portal/", CreatePortalView.as_view(), name="wagtail_baucu_create_portal")
    ]


class CreatePortalMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_create_portals(request.user)


@hooks.register("register_settings_menu_item")
def portal_menu_item():
    return CreatePortalMenuItem(
        _("Create an election portal"),
        reverse("wagtail_baucu_create_portal"),
        icon_name="site",
        order=605,
    )

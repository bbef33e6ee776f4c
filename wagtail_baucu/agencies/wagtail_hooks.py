"""Admin hooks of the agencies: the onboarding view and its menu item, for moderators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_baucu.agencies.views import ONBOARD_PERMISSION, OnboardAgencyView


@hooks.register("register_admin_urls")
def onboarding_urls():
    return [
        path(
            "baucu/onboard-agency/",
            OnboardAgencyView.as_view(),
            name="wagtail_baucu_onboard_agency",
        )
    ]


class OnboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(ONBOARD_PERMISSION)


@hooks.register("register_admin_menu_item")
def onboarding_menu_item():
    return OnboardMenuItem(
        _("Onboard an agency"),
        reverse("wagtail_baucu_onboard_agency"),
        icon_name="group",
        order=305,
    )

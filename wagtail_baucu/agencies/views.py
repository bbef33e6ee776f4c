"""The moderators' admin view that onboards an agency; the work is in ``AgencyOnboarding``."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_baucu.agencies.forms import OnboardAgencyForm
from wagtail_baucu.agencies.onboarding import AgencyOnboarding, OnboardingError

ONBOARD_PERMISSION = "wagtail_baucu.add_agency"


class OnboardAgencyView(WagtailAdminTemplateMixin, FormView):
    """Agency, group, space, collection, rights, workflow and contributors in one form."""

    form_class = OnboardAgencyForm
    template_name = "wagtail_baucu/admin/onboard_agency.html"
    page_title = _("Onboard an agency")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ONBOARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("wagtail_baucu_onboard_agency"),
            submit_button_label=_("Onboard"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        onboarding = AgencyOnboarding()
        try:
            with transaction.atomic():
                result = onboarding.onboard(
                    data["code"],
                    data["name"],
                    kind=data["kind"],
                    short_name=data["short_name"],
                    portal=data["portal"],
                )
                for username in data["usernames"]:
                    onboarding.add_user(result.agency.code, username)
        except OnboardingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Agency %(code)s is ready: its contributors write under %(path)s.")
            % {"code": result.agency.code, "path": result.section.url},
        )
        return redirect("wagtailsnippets_wagtail_baucu_agency:list")

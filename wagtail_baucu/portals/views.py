"""The superuser's admin view that creates an election portal; the work is in ``creation``."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_baucu.portals.creation import PortalError, PortalSpec, create_portal
from wagtail_baucu.portals.forms import CreatePortalForm


def may_create_portals(user) -> bool:
    # A portal moves Sites and may delete a page: the same power as Wagtail's Sites settings.
    return user.is_active and user.is_superuser


class CreatePortalView(WagtailAdminTemplateMixin, FormView):
    form_class = CreatePortalForm
    template_name = "wagtail_baucu/admin/create_portal.html"
    page_title = _("Create an election portal")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_create_portals(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("wagtail_baucu_create_portal"),
            submit_button_label=pgettext_lazy("portal form", "Create"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            result = create_portal(PortalSpec(**form.cleaned_data))
        except PortalError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if result.changed:
            messages.success(
                self.request,
                _("The portal “%(title)s” is ready at %(url)s.")
                % {"title": result.portal.title, "url": result.portal.get_full_url()},
            )
        else:
            messages.info(self.request, _("The portal is already there: nothing changed."))
        return redirect("wagtailadmin_explore", result.portal.pk)

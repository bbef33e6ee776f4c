"""Admin screens for elections, their bodies and polling areas (units and candidates are pages),
and the import of the committee's spreadsheets, grouped under one menu item."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_baucu.elections import import_views
from wagtail_baucu.elections.models import Body, Election, PollingArea
from wagtail_baucu.elections.permissions import PollingAreaPermissionPolicy
from wagtail_baucu.elections.timeline.service import portal_context

# Registered first: Wagtail refuses a policy once it made a fallback one for the model.
register_permission_policy(PollingArea, PollingAreaPermissionPolicy(PollingArea))


class ElectionViewSet(SnippetViewSet):
    model = Election
    icon = "date"
    menu_label = pgettext_lazy("admin menu", "Elections held")
    list_display = ["title", "election_day", "portal"]


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    menu_label = pgettext_lazy("admin menu", "Elected bodies")
    list_display = ["name", "kind", "level", "election"]
    list_filter = ["kind", "election"]


class PollingAreaIndexView(snippet_views.IndexView):
    """Lists only the areas the user may edit (a commune's committee: its own)."""

    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class PollingAreaEditView(snippet_views.EditView):
    """Wagtail's edit view checks the model permission; this one checks the area too."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "change", self.object
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PollingAreaViewSet(SnippetViewSet):
    model = PollingArea
    menu_label = pgettext_lazy("admin menu", "Polling areas")
    index_view_class = PollingAreaIndexView
    edit_view_class = PollingAreaEditView
    icon = "site"
    list_display = ["commune", "number", "place_name", "live"]
    list_filter = ["election", "live"]
    search_fields = ["search_text"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(import_views.IMPORT_PERMISSION)


class ImportViewSet(ViewSet):
    """Upload a spreadsheet, read its dry run, apply it; download the template files."""

    name = "baucu_elections_import"
    url_prefix = "baucu/nhap-bau-cu"
    icon = "upload"
    menu_label = _("Import units and candidates")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", import_views.ImportFormView.as_view(), name="form"),
            path("<int:pk>/", import_views.ImportRunView.as_view(), name="run"),
            path("<int:pk>/apply/", import_views.ImportApplyView.as_view(), name="apply"),
            path("<int:pk>/status/", import_views.ImportStatusView.as_view(), name="status"),
            path(
                "mau/<slug:kind>.<slug:fmt>",
                import_views.ImportTemplateView.as_view(),
                name="template",
            ),
        ]


class ElectionsGroup(ViewSetGroup):
    items = (ElectionViewSet, BodyViewSet, PollingAreaViewSet, ImportViewSet)
    menu_icon = "date"
    menu_label = pgettext_lazy("admin menu", "Elections")
    menu_order = 320


register_snippet(ElectionsGroup)


# The timeline on the portal home (``ElectionPortalMixin.get_context`` calls this hook).
hooks.register("baucu_portal_context", portal_context)

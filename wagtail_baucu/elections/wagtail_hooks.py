"""Admin screens for elections, their bodies and polling areas (units and candidates are pages)."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_baucu.elections.models import Body, Election, PollingArea
from wagtail_baucu.elections.timeline.service import portal_context


class ElectionViewSet(SnippetViewSet):
    model = Election
    icon = "date"
    list_display = ["title", "election_day", "portal"]


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    list_display = ["name", "kind", "level", "election"]
    list_filter = ["kind", "election"]


class PollingAreaViewSet(SnippetViewSet):
    model = PollingArea
    icon = "site"
    list_display = ["commune", "number", "place_name", "live"]
    list_filter = ["election", "live"]
    search_fields = ["search_text"]


class ElectionsGroup(ViewSetGroup):
    items = (ElectionViewSet, BodyViewSet, PollingAreaViewSet)
    menu_icon = "date"
    menu_label = "Bầu cử"
    menu_order = 320


register_snippet(ElectionsGroup)


# The timeline on the portal home (``ElectionPortalMixin.get_context`` calls this hook).
hooks.register("baucu_portal_context", portal_context)

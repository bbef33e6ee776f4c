"""Admin screens for results: a snippet with its votes inline, moderated like the pages."""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_baucu.results.forms import UnitResultForm
from wagtail_baucu.results.models import UnitResult


class UnitResultViewSet(SnippetViewSet):
    model = UnitResult
    icon = "tasks"
    menu_label = "Kết quả bầu cử"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["__str__", "voters_who_voted", "decision_reference", "live"]
    list_filter = ["body", "round", "live"]
    edit_handler = ObjectList(UnitResult.panels, base_form_class=UnitResultForm)


register_snippet(UnitResultViewSet)

"""Results in templates: ``{% load baucu_results %}``.

``{% unit_report page as report %}`` gives a unit page's published result (or ``None``),
``{% candidate_elected page as elected %}`` whether a candidate was elected,
``{% results_overviews election as bodies %}`` the bodies with their overview URLs;
``|so`` and ``|phan_tram`` write numbers the Vietnamese way; ``|change_label`` names a line
of the history.
"""

from __future__ import annotations

from django import template
from django.urls import reverse

from wagtail_baucu.elections.models import Body
from wagtail_baucu.results.models import UnitResult
from wagtail_baucu.results.reading import unit_report
from wagtail_baucu.text.numbers import number_vi, percent_vi

register = template.Library()


@register.simple_tag(name="unit_report")
def unit_report_of(page):
    return unit_report(page) if page is not None else None


@register.simple_tag
def candidate_elected(page) -> bool:
    unit = getattr(page, "unit", None)
    if unit is None:
        return False
    report = unit_report(unit)
    return report is not None and any(p.pk == page.pk for p in report.elected)


@register.simple_tag
def results_overviews(election) -> list[tuple[Body, str]]:
    if election is None:
        return []
    return [
        (body, reverse("wagtail_baucu:results_overview", args=[election.pk, body.code]))
        for body in Body.objects.filter(election=election)
    ]


@register.filter
def so(value) -> str:
    return number_vi(value)


@register.filter
def phan_tram(value) -> str:
    return percent_vi(value)


@register.filter
def change_label(change: dict, candidates: dict) -> str:
    """The label of one changed figure: the field's name, or the candidate's."""
    name = change.get("field", "")
    if name.startswith("votes:"):
        page = candidates.get(int(name.split(":", 1)[1]))
        return page.title if page is not None else "–"
    try:
        return str(UnitResult._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # a field since removed: its name rather than an error
        return name

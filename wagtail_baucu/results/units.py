"""The unit pages and candidate pages a result refers to, found by body and unit number."""

from __future__ import annotations

from django.db.models import Q

from wagtail_baucu.elections.mixins import CandidateMixin, ElectoralUnitMixin
from wagtail_baucu.pages.registry import page_model


def unit_pages(pairs) -> dict[tuple[int, int], object]:
    """The unit page (any state) of each ``(body_id, unit_number)``, in one query."""
    pairs = set(pairs)
    if not pairs:
        return {}
    match = Q()
    for body_id, number in pairs:
        match |= Q(body_id=body_id, number=number)
    model = page_model(ElectoralUnitMixin)
    return {(u.body_id, u.number): u for u in model.objects.filter(match).select_related("body")}


def candidates_of(units) -> dict[int, dict[int, object]]:
    """The candidate pages (any state) under each unit page, by unit key then page key."""
    units = list(units)
    found: dict[int, dict[int, object]] = {unit.pk: {} for unit in units}
    if not units:
        return found
    model = page_model(CandidateMixin)
    within = Q()
    for unit in units:
        within |= Q(path__startswith=unit.path, depth=unit.depth + 1)
    by_path = {unit.path: unit.pk for unit in units}
    for page in model.objects.filter(within):
        found[by_path[page.path[: -model.steplen]]][page.pk] = page
    return found


def candidate_choices():
    """Every candidate page, in tree order (the inline's list)."""
    return page_model(CandidateMixin).objects.order_by("path")

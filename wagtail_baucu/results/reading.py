"""What the public sees of results: published minutes of public units, with the rules applied.

The one place the results' readers (unit and candidate pages, the overview, feeds, the API,
the CSV) ask "what is public": a result shows only once published (``live``), and only while
its unit page is public (``wagtail_baucu.public``); candidates are named only from their
public pages. A fixed number of queries however many units, candidates and corrections.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min, Prefetch, Q

from wagtail_baucu.elections.mixins import CandidateMixin, ElectoralUnitMixin
from wagtail_baucu.elections.models import Body
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages
from wagtail_baucu.results.models import FIGURES, ResultPublication, ResultRound, UnitResult
from wagtail_baucu.results.rules import ImpossibleFigures, Minutes, Outcome, Round, Votes, decide
from wagtail_baucu.results.units import candidates_of

logger = logging.getLogger(__name__)

ROUND_ORDER = {ResultRound.FIRST: 0, ResultRound.REPEAT: 1, ResultRound.FURTHER: 2}


@dataclass(frozen=True)
class RoundReport:
    result: UnitResult
    outcome: Outcome
    publications: tuple[ResultPublication, ...]  # newest first
    rows: tuple = ()  # (public candidate page, Standing), by votes

    @property
    def first_published_at(self):
        return self.publications[-1].published_at if self.publications else None

    @property
    def corrected(self) -> bool:
        return len(self.publications) > 1


@dataclass(frozen=True)
class UnitReport:
    """A unit's published rounds (first, repeat, further) and who they elected."""

    unit: object
    rounds: tuple[RoundReport, ...]
    candidates: dict  # page key -> public candidate page

    @property
    def latest(self) -> RoundReport:
        return self.rounds[-1]

    @property
    def elected(self) -> tuple:
        """The public candidate pages elected in any published round, by votes."""
        keys = [v.key for r in self.rounds for v in r.outcome.winners]
        return tuple(self.candidates[k] for k in keys if k in self.candidates)

    @property
    def seats_filled(self) -> int:
        return sum(r.outcome.seats_filled for r in self.rounds)

    @property
    def updated_at(self):
        return max(r.publications[0].published_at for r in self.rounds if r.publications)


def public_units(bodies) -> list:
    model = page_model(ElectoralUnitMixin)
    return list(
        public_pages(model.objects.filter(body__in=list(bodies)))
        .select_related("body", "body__election")
        .order_by("body__sort_order", "body_id", "number")
    )


def soonest_expiry(bodies):
    """When the first public unit page of ``bodies`` expires (no event says so), or ``None``."""
    model = page_model(ElectoralUnitMixin)
    found = public_pages(model.objects.filter(body__in=list(bodies))).aggregate(
        soonest=Min("expire_at")
    )
    return found["soonest"]


def public_candidates(units) -> dict[int, dict[int, object]]:
    """The public candidate pages under each unit, by unit key then page key (one query)."""
    units = list(units)
    found: dict[int, dict[int, object]] = {unit.pk: {} for unit in units}
    if not units:
        return found
    model = page_model(CandidateMixin)
    within = Q()
    for unit in units:
        within |= Q(path__startswith=unit.path, depth=unit.depth + 1)
    by_path = {unit.path: unit.pk for unit in units}
    for page in public_pages(model.objects.filter(within)):
        found[by_path[page.path[: -model.steplen]]][page.pk] = page
    return found


def unit_reports(units) -> dict[int, UnitReport]:
    """The report of each public unit page that has a published result, in six queries."""
    units = list(units)
    if not units:
        return {}
    # Whoever asks, a unit page that is not public (itself or an ancestor) reports nothing.
    model = page_model(ElectoralUnitMixin)
    public = set(
        public_pages(model.objects.filter(pk__in=[u.pk for u in units])).values_list(
            "pk", flat=True
        )
    )
    units = [unit for unit in units if unit.pk in public]
    match = Q()
    for unit in units:
        match |= Q(body_id=unit.body_id, unit_number=unit.number)
    if not units:
        return {}
    results = (
        UnitResult.objects.filter(match, live=True)
        .select_related("body")
        .prefetch_related(
            "votes",
            Prefetch(
                "publications",
                queryset=ResultPublication.objects.order_by("-published_at", "-pk"),
            ),
        )
    )
    by_unit: dict[tuple[int, int], list[UnitResult]] = {}
    for result in results:
        by_unit.setdefault((result.body_id, result.unit_number), []).append(result)
    reported = [u for u in units if (u.body_id, u.number) in by_unit]
    # The rules count every candidate's votes; only public pages are named.
    everyone = candidates_of(reported)
    shown = public_candidates(reported)
    reports = {}
    for unit in reported:
        found = sorted(by_unit[(unit.body_id, unit.number)], key=lambda r: ROUND_ORDER[r.round])
        rounds = []
        for result in found:
            try:
                outcome = result.outcome(unit.seats, everyone[unit.pk])
            except ImpossibleFigures:
                # Published, then the unit's seats or list changed: shown once corrected.
                logger.warning("Result %s no longer fits unit %s", result.pk, unit.pk)
                continue
            rows = tuple(
                (shown[unit.pk][s.candidate.key], s)
                for s in outcome.standings
                if s.candidate.key in shown[unit.pk]
            )
            rounds.append(RoundReport(result, outcome, tuple(result.publications.all()), rows))
        if rounds:
            reports[unit.pk] = UnitReport(
                unit=unit, rounds=tuple(rounds), candidates=shown[unit.pk]
            )
    return reports


def unit_report(unit) -> UnitReport | None:
    return unit_reports([unit]).get(unit.pk)


@dataclass(frozen=True)
class BodyOverview:
    """Where a body's count stands: units reported, seats filled, turnout so far."""

    body: Body
    units: tuple  # (unit page, report or None), in unit order
    units_total: int
    units_reported: int
    seats_total: int
    seats_filled: int
    voters_on_list: int
    voters_who_voted: int

    @property
    def turnout(self) -> Decimal | None:
        if not self.voters_on_list:
            return None
        share = Decimal(self.voters_who_voted) * 100 / Decimal(self.voters_on_list)
        return share.quantize(Decimal("0.01"))

    @property
    def reports(self) -> list[UnitReport]:
        return [report for _unit, report in self.units if report is not None]


def body_overview(body: Body) -> BodyOverview:
    """The overview of one body over its public units, in a fixed number of queries."""
    units = public_units([body])
    reports = unit_reports(units)
    latest = [reports[u.pk].latest.result for u in units if u.pk in reports]
    return BodyOverview(
        body=body,
        units=tuple((unit, reports.get(unit.pk)) for unit in units),
        units_total=len(units),
        units_reported=len(reports),
        seats_total=sum(unit.seats for unit in units),
        seats_filled=sum(report.seats_filled for report in reports.values()),
        voters_on_list=sum(r.voters_on_list for r in latest),
        voters_who_voted=sum(r.voters_who_voted for r in latest),
    )


def figures_outcome(result: UnitResult, figures: dict, seats: int, candidates: dict):
    """The outcome of a published snapshot of ``result``'s figures; ``None`` if it cannot be."""
    rows = []
    for key, count in figures.get("votes", {}).items():
        page = candidates.get(int(key))
        if page is not None:
            rows.append(Votes(page.pk, page.title, page.date_of_birth, count))
    try:
        return decide(
            Minutes(
                seats=seats,
                **{name: figures.get(name, 0) for name in FIGURES},
                votes=tuple(rows),
                round=Round(result.round),
                council=result.body.kind == "peoples_council",
            )
        )
    except ImpossibleFigures:
        return None


@dataclass(frozen=True)
class PublicationEntry:
    """One publication of a public unit's result, with the outcome as then published."""

    publication: ResultPublication
    result: UnitResult
    unit: object
    outcome: Outcome | None
    candidates: dict  # page key -> public candidate page

    @property
    def correction(self) -> bool:
        return bool(self.publication.changes) or bool(self.publication.correction_note)


def publication_entries(body: Body, unit_number: int | None = None, limit: int = 50) -> list:
    """The newest publications of ``body``'s public units (or one unit), in five queries."""
    filters = {} if unit_number is None else {"number": unit_number}
    model = page_model(ElectoralUnitMixin)
    units = {
        (u.body_id, u.number): u
        for u in public_pages(model.objects.filter(body=body, **filters)).select_related("body")
    }
    if not units:
        return []
    match = Q()
    for body_id, number in units:
        match |= Q(result__body_id=body_id, result__unit_number=number)
    found = list(
        ResultPublication.objects.filter(match, result__live=True)
        .select_related("result", "result__body")
        .order_by("-published_at", "-pk")[:limit]
    )
    used = {(p.result.body_id, p.result.unit_number) for p in found}
    everyone = candidates_of([units[k] for k in used])
    shown = public_candidates([units[k] for k in used])
    entries = []
    for publication in found:
        unit = units[(publication.result.body_id, publication.result.unit_number)]
        entries.append(
            PublicationEntry(
                publication=publication,
                result=publication.result,
                unit=unit,
                outcome=figures_outcome(
                    publication.result, publication.figures, unit.seats, everyone[unit.pk]
                ),
                candidates=shown[unit.pk],
            )
        )
    return entries

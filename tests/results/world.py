"""Results of an election in a portal, for the tests: units, candidates and their minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.elections.world import ElectionWorld
from wagtail_baucu.results.models import UnitResult

DECIDED_BY = "Ban bầu cử đại biểu Quốc hội đơn vị số 1"
REFERENCE = "Biên bản xác định kết quả bầu cử ngày 24/5/2021"


@dataclass
class ResultsWorld:
    elections: ElectionWorld
    unit: object  # Quốc hội, đơn vị số 1, 2 seats
    candidates: list  # An (1960), Bình (1970), Chi (1985)

    def result(self, unit=None, *, publish: bool = True, votes=(600, 500, 300), **figures):
        """The minutes of ``unit`` (default: unit 1) with ``votes`` for its candidates in order."""
        unit = unit or self.unit
        fields = dict(
            voters_on_list=1200,
            voters_who_voted=1000,
            valid_ballots=980,
            invalid_ballots=20,
            decided_by=DECIDED_BY,
            decision_reference=REFERENCE,
        )
        fields.update(figures)
        result = UnitResult(body=unit.body, unit_number=unit.number, **fields)
        candidates = self.candidates if unit is self.unit else list(unit.get_children().specific())
        for page, count in zip(candidates, votes, strict=False):
            result.votes.add(result.votes.model(candidate=page, votes=count))
        result.save()
        if publish:
            result.save_revision().publish()
        else:
            UnitResult.objects.filter(pk=result.pk).update(live=False)
        result.refresh_from_db()
        return result

    def correct(self, result, *, note: str, reference: str, **figures):
        """Publish a correction of ``result``: new figures, a new decision."""
        result = result.get_latest_revision_as_object()
        for name, value in figures.items():
            setattr(result, name, value)
        result.decision_reference = reference
        result.correction_note = note
        result.save_revision().publish()
        result.refresh_from_db()
        return result


def make_results(elections: ElectionWorld) -> ResultsWorld:
    unit = elections.unit(elections.assembly, 1, seats=2)
    candidates = [
        elections.candidate(unit, "Nguyễn Văn An", date(1960, 1, 1)),
        elections.candidate(unit, "Trần Thị Bình", date(1970, 6, 15)),
        elections.candidate(unit, "Lê Minh Chi", date(1985, 3, 3)),
    ]
    return ResultsWorld(elections, unit, candidates)

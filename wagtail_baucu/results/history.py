"""The public history of a unit's result: one ``ResultPublication`` per publication.

Pure where it can be: ``changes`` compares two snapshots of the figures (plain dicts).
"""

from __future__ import annotations

from django.utils import timezone

from wagtail_baucu.results.models import FIGURES, ResultPublication, UnitResult


def changes(before: dict | None, after: dict) -> list[dict]:
    """What differs between two snapshots: ``[{"field", "before", "after"}]``; ``[]`` at first."""
    if not before:
        return []
    found = [
        {"field": name, "before": before.get(name), "after": after.get(name)}
        for name in FIGURES
        if before.get(name) != after.get(name)
    ]
    old, new = before.get("votes", {}), after.get("votes", {})
    for key in sorted(set(old) | set(new), key=lambda k: int(k)):
        if old.get(key) != new.get(key):
            found.append({"field": f"votes:{key}", "before": old.get(key), "after": new.get(key)})
    return found


def record_publication(result: UnitResult) -> ResultPublication:
    """Add the publication of ``result`` (as it now stands) to its public history."""
    previous = result.publications.order_by("-published_at", "-pk").first()
    figures = result.snapshot()
    return ResultPublication.objects.create(
        result=result,
        published_at=result.last_published_at or timezone.now(),
        decided_by=result.decided_by,
        decision_reference=result.decision_reference,
        correction_note=result.correction_note,
        figures=figures,
        changes=changes(previous.figures if previous else None, figures),
    )

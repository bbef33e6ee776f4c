"""Fill an election's empty timeline with the milestones the law sets (editors adjust them)."""

from __future__ import annotations

from django.db import transaction

from wagtail_baucu.elections.milestones import law_for, propose_milestones
from wagtail_baucu.elections.models import Election, Milestone
from wagtail_baucu.freshness import invalidate


def fill_timeline(election: Election, law: str | None = None) -> int:
    """Add the law's milestones to ``election`` if its timeline is empty; how many were added.

    Idempotent: a timeline that has any milestone (proposed or typed by an editor) is left as
    it is. ``law`` defaults to the law in force on election day.
    """
    proposed = propose_milestones(election.election_day, law or law_for(election.election_day))
    with transaction.atomic():
        # Lock the election's row so two runs at once cannot both find the timeline empty.
        Election.objects.select_for_update().filter(pk=election.pk).first()
        if election.milestones.exists():
            return 0
        Milestone.objects.bulk_create(
            Milestone(
                election=election,
                sort_order=position,
                key=item.key,
                name=item.name,
                starts_on=item.starts_on,
                ends_on=item.ends_on,
                legal_basis=item.legal_basis,
            )
            for position, item in enumerate(proposed)
        )
        # bulk_create sends no post_save: renew the portal's cached calendar and API here.

        invalidate(election.portal_id)
    return len(proposed)

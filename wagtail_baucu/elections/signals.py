"""Keep what is cached from the election's data current: polling areas, bodies, levels and
elections are snippets, not pages, so the page signals of ``wagtail_baucu.feeds.signals`` do
not see them. A change replaces the portal's generation token in the same transaction."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from wagtail_baucu.elections.models import (
    Body,
    Election,
    Level,
    Milestone,
    PollingArea,
    PollingAreaUnit,
)
from wagtail_baucu.freshness import invalidate


def _portal_pk(instance) -> int | None:
    try:
        if isinstance(instance, Election):
            return instance.portal_id
        election = getattr(instance, "election", None)
        if election is None and hasattr(instance, "area"):
            election = instance.area.election
        return election.portal_id if election is not None else None
    except Exception:  # a half-deleted election: everything afresh instead
        return None


def election_data_changed(sender, instance, **kwargs) -> None:
    invalidate(_portal_pk(instance))


def connect() -> None:
    for model in (Election, Milestone, Level, Body, PollingArea, PollingAreaUnit):
        for signal in (post_save, post_delete):
            signal.connect(
                election_data_changed,
                sender=model,
                dispatch_uid=f"baucu_elections_{signal is post_save}_{model._meta.label}",
            )

"""On a result's publication: its public history, and every reader fresh on the next request.

Signals, not admin hooks, so the import command and scripts are covered too. The generation
token is renewed in the publication's transaction (``wagtail_baucu.freshness``).
"""

from __future__ import annotations

from wagtail.signals import published, unpublished

from wagtail_baucu import freshness
from wagtail_baucu.results.history import record_publication
from wagtail_baucu.results.models import UnitResult


def _renew(result: UnitResult) -> None:
    freshness.invalidate(result.body.election.portal_id)


def result_published(sender, instance, **kwargs) -> None:
    record_publication(instance)
    _renew(instance)


def result_unpublished(sender, instance, **kwargs) -> None:
    _renew(instance)


def connect() -> None:
    """Connect the receivers (called from the app's ``ready()``)."""
    published.connect(result_published, sender=UnitResult, dispatch_uid="baucu_result_published")
    unpublished.connect(
        result_unpublished, sender=UnitResult, dispatch_uid="baucu_result_unpublished"
    )

"""An election's edits renew what is cached from its portal (the calendar file, the API)."""

from django.db.models.signals import post_delete, post_save

from wagtail_baucu.elections.models import Election, Milestone
from wagtail_baucu.freshness import invalidate


def _election_changed(sender, instance: Election, **kwargs) -> None:
    invalidate(instance.portal_id)


def _milestone_changed(sender, instance: Milestone, **kwargs) -> None:
    portal_id = (
        Election.objects.filter(pk=instance.election_id).values_list("portal_id", flat=True).first()
    )
    # An election deleted with its milestones: its own receiver renewed the portal's token.
    if portal_id is not None:
        invalidate(portal_id)


def connect() -> None:
    """Connect the receivers (called from the app's ``ready()``)."""
    for model, receiver in ((Election, _election_changed), (Milestone, _milestone_changed)):
        uid = f"baucu_timeline_{model.__name__}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(receiver, sender=model, dispatch_uid=uid + "_delete")

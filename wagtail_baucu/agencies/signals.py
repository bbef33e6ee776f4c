"""Keep an agency's contributors' rights in step with the agency, however it is edited."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail_baucu.agencies.models import Agency


@receiver(post_save, sender=Agency, dispatch_uid="baucu_agency_rights")
def apply_agency_rights(sender, instance: Agency, raw: bool = False, **kwargs) -> None:
    # Unticking "active" in the admin takes the rights at once; ticking it gives them back.
    if raw or not instance.group_id:
        return
    from wagtail_baucu.agencies.onboarding import AgencyOnboarding

    AgencyOnboarding().apply_permissions(instance)

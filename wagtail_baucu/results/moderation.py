"""Results go through the package's moderation workflow: one person enters, a moderator publishes.

``ensure_results_moderation`` attaches the workflow the moderators already run for pages
(``MODERATION_WORKFLOW``) to the results snippet, gives the moderators the right to publish
results, and gives the group that enters them (``RESULTS_GROUP``, made if missing) and any
other groups given the right to add and edit (never to publish). Running it again changes
nothing. The portals' moderation setup (``AgencyOnboarding.ensure_moderators``, run by
``manage.py baucu_portal create`` and by every agency's onboarding) calls it when this app is
installed.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import WorkflowContentType

from wagtail_baucu.agencies.onboarding import AgencyOnboarding
from wagtail_baucu.conf import get_setting
from wagtail_baucu.results.models import UnitResult

ENTER = ("add", "change")
MODERATE = ("add", "change", "delete", "publish", "lock", "unlock")


def _grant(group: Group, actions) -> None:
    content_type = ContentType.objects.get_for_model(UnitResult)
    codenames = [f"{action}_{UnitResult._meta.model_name}" for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type=content_type, codename__in=codenames)
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))


def results_group() -> Group:
    """The group of the committee's staff who enter results (``RESULTS_GROUP``)."""
    group, _created = Group.objects.get_or_create(name=get_setting("RESULTS_GROUP"))
    return group


@transaction.atomic
def ensure_results_moderation(*entering_groups: Group, workflow=None) -> None:
    """The moderation workflow on results, the moderators' rights, and the enterers' rights."""
    onboarding = AgencyOnboarding()
    workflow = workflow or onboarding.workflow()
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(UnitResult),
        defaults={"workflow": workflow},
    )
    _grant(onboarding.moderators_group(), MODERATE)
    for group in (results_group(), *entering_groups):
        _grant(group, ENTER)

"""Who edits polling areas: moderators all of them, a commune's committee those it keeps.

Moderators (and the election committee's staff given the same model permissions) hold
Django's model permissions on ``PollingArea``. A commune's committee is an agency: the
contributors of the agency named as an area's keeper may view and change that area, and submit
it for moderation; they never publish or delete it, nor see the other communes' areas. The
policy is Wagtail's, so the snippet views, their action menus and the workflow all follow it.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from wagtail_baucu.agencies.models import Agency

# What an area's keeper may do with it; publishing stays with the moderators.
KEEPER_ACTIONS = frozenset({"change", "view"})


def kept_by(user) -> set[int]:
    """The active agencies whose contributors' group ``user`` is in (cached on the user)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if not hasattr(user, "_baucu_keeper_agencies"):
        user._baucu_keeper_agencies = set(
            Agency.objects.filter(is_active=True, group__in=user.groups.all()).values_list(
                "pk", flat=True
            )
        )
    return user._baucu_keeper_agencies


class PollingAreaPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus change and view for the contributors of an area's keeper."""

    def _model_allows(self, user, action) -> bool:
        return ModelPermissionPolicy.user_has_permission(self, user, action)

    def _keeps_some(self, user) -> bool:
        agencies = kept_by(user)
        return bool(agencies) and self.model._default_manager.filter(agency__in=agencies).exists()

    def user_has_permission(self, user, action) -> bool:
        if self._model_allows(user, action):
            return True
        return action in KEEPER_ACTIONS and self._keeps_some(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_allows(user, action):
            return True
        return action in KEEPER_ACTIONS and instance.agency_id in kept_by(user)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        manager = self.model._default_manager
        if any(self._model_allows(user, a) for a in actions):
            return manager.all()
        if set(actions) & KEEPER_ACTIONS:
            return manager.filter(agency__in=kept_by(user))
        return manager.none()

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

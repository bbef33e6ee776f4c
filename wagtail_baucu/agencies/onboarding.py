"""Onboarding agencies in one step, idempotently: used by ``baucu_agency``, the admin and demos.

``onboard_agency("SVHTT", "Sở Văn hóa và Thể thao")`` makes (or repairs) the agency, its
contributors' group, its space in the page tree (an agency page under the portal's agency index,
so its articles are at ``/co-quan/svhtt/<slug>/`` and still listed portal-wide), its collection,
their permissions, and the portal's moderation workflow. Running it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from wagtail_baucu.agencies import permissions
from wagtail_baucu.agencies.models import Agency, validate_agency_code
from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections.models import PollingArea
from wagtail_baucu.pages.mixins import AgencyIndexMixin, AgencyPageMixin, ElectionPortalMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.text.integers import parse_bounded_int

# Snippets that go through the moderation workflow, as the portals' pages do.
MODERATED_SNIPPETS = (PollingArea,)


class OnboardingError(Exception):
    """Bad input for onboarding: the message says what to fix; nothing was changed."""


@dataclass
class OnboardingResult:
    agency: Agency
    group: Group
    section: object
    collection: Collection
    created: bool


def portals():
    """Every election portal in the site tree."""
    return page_model(ElectionPortalMixin).objects.all().order_by("path")


def find_portal(reference: str | int | None = None):
    """The portal with this id or slug; with none given, the only portal there is."""
    model = page_model(ElectionPortalMixin)
    if reference in (None, ""):
        found = list(portals()[:2])
        if not found:
            raise OnboardingError(_("There is no election portal yet: create one first."))
        if len(found) > 1:
            raise OnboardingError(
                _("There are several election portals: choose one by its id or slug.")
            )
        return found[0]
    reference = str(reference).strip()
    portal = model.objects.filter(slug=reference).first()
    pk = parse_bounded_int(reference)
    if portal is None and pk is not None:
        portal = model.objects.filter(pk=pk).first()
    if portal is None:
        raise OnboardingError(_("No election portal has the id or slug “%s”.") % reference)
    return portal


def get_agency(code: str) -> Agency:
    """The agency with exactly this code, or a clear error."""
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise OnboardingError(_("No agency has the code “%s”.") % code)
    return agency


def check_code(code: str) -> str:
    """The code as given if it is valid (capitals, no spaces); never silently corrected."""
    try:
        validate_agency_code(code)
    except ValidationError as error:
        raise OnboardingError(" ".join(error.messages)) from error
    return code


class AgencyOnboarding:
    """The idempotent setup of agencies and moderators; every public method is atomic."""

    def moderators_group(self) -> Group:
        group, _created = Group.objects.get_or_create(name=get_setting("MODERATORS_GROUP"))
        return group

    def workflow(self) -> Workflow:
        """The moderation workflow: one approval task for the moderators' group."""
        moderators = self.moderators_group()
        task = GroupApprovalTask.objects.filter(name=get_setting("MODERATION_TASK")).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=get_setting("MODERATION_TASK"))
        task.groups.add(moderators)
        workflow, _created = Workflow.objects.get_or_create(name=get_setting("MODERATION_WORKFLOW"))
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task)
        return workflow

    @transaction.atomic
    def ensure_moderators(self, portal=None) -> Group:
        """The moderators' group with its rights on ``portal`` (default: every portal), and the
        moderation workflow attached to those portals (an integrator's own workflow is kept)."""
        group = self.moderators_group()
        permissions.grant_model_permissions(group, permissions.MODERATOR_MODEL_PERMISSIONS)
        root_collection = Collection.get_first_root_node()
        for model in permissions.media_models():
            for action in permissions.MODERATOR_COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permissions.collection_permission(model, action),
                )
        workflow = self.workflow()
        for page in [portal] if portal is not None else portals():
            for permission_type in permissions.MODERATOR_PAGE_PERMISSIONS:
                permissions.grant_page_permissions(group, page, (permission_type,), exact=False)
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        for model in MODERATED_SNIPPETS:
            WorkflowContentType.objects.get_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": workflow},
            )
        if apps.is_installed("wagtail_baucu.results"):
            # Results have their own module (it needs this one); their enterers' group too.
            from wagtail_baucu.results.moderation import ensure_results_moderation

            ensure_results_moderation(workflow=workflow)
        return group

    @transaction.atomic
    def onboard(
        self,
        code: str,
        name: str,
        *,
        kind: str | None = None,
        short_name: str = "",
        portal=None,
    ) -> OnboardingResult:
        """Create or repair agency ``code`` with all it needs; ``portal`` is a page, an id, a
        slug or ``None`` (the only portal)."""
        code = check_code(code)
        name = (name or "").strip()
        if not name:
            raise OnboardingError(_("An agency needs a name."))
        if kind and kind not in Agency.Kind.values:
            raise OnboardingError(
                _("Unknown kind “%(kind)s”; use one of: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(Agency.Kind.values)}
            )
        if portal is None or isinstance(portal, str | int):
            portal = find_portal(portal)
        agency = Agency.objects.filter(code=code).first()
        created = agency is None
        if agency is None:
            agency = Agency(code=code, name=name, kind=kind or Agency.Kind.OTHER)
            agency.short_name = short_name
        elif agency.name != name:
            raise OnboardingError(
                _("The code %(code)s already belongs to “%(name)s”; choose another code.")
                % {"code": code, "name": agency.name}
            )
        elif kind and agency.kind != kind:
            agency.kind = kind
        if agency.section_id and not agency.section.is_descendant_of(portal):
            raise OnboardingError(
                _("Agency %(code)s already has its space in another portal, at %(path)s.")
                % {"code": code, "path": agency.section.url_path}
            )
        agency.is_active = True
        agency.full_clean(exclude=["group", "section"])
        agency.save()
        self.ensure_moderators(portal)
        agency.group = self.contributors_group(agency)
        agency.section = self.agency_space(agency, portal)
        Agency.objects.filter(pk=agency.pk).update(group=agency.group, section=agency.section)
        collection = self.apply_permissions(agency)
        return OnboardingResult(agency, agency.group, agency.section, collection, created)

    def contributors_group(self, agency: Agency) -> Group:
        if agency.group_id:
            return agency.group
        name = get_setting("CONTRIBUTORS_GROUP").format(code=agency.code, name=agency.name)
        group, _created = Group.objects.get_or_create(name=name)
        return group

    def agency_space(self, agency: Agency, portal):
        """The agency's page under the portal's agency index, made and published if missing."""
        if agency.section_id:
            return agency.section
        model = page_model(AgencyPageMixin)
        existing = model.objects.descendant_of(portal).filter(agency=agency).first()
        if existing is not None:
            return existing
        index = page_model(AgencyIndexMixin).objects.child_of(portal).first()
        if index is None:
            raise OnboardingError(
                _("The portal “%s” has no agency index page to hold agencies' spaces.")
                % portal.title
            )
        page = model(title=agency.name, slug=agency.code.lower(), agency=agency, live=False)
        index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def agency_collection(self, agency: Agency) -> Collection:
        """The agency's collection: the one its group has rights on, else found or made by name."""
        if agency.group_id:
            linked = (
                Collection.objects.filter(group_permissions__group=agency.group)
                .exclude(depth=1)
                .first()
            )
            if linked is not None:
                return linked
        root = Collection.get_first_root_node()
        name = get_setting("AGENCY_COLLECTION").format(code=agency.code, name=agency.name)
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def apply_permissions(self, agency: Agency) -> Collection | None:
        """Set the agency group's rights from the agency's state: exactly the contributors'
        rights if it is active, none if it is not. Returns the agency's collection."""
        if not agency.group_id:
            return None
        group = agency.group
        if not agency.is_active or not agency.section_id:
            collection = self.agency_collection(agency)
            permissions.revoke_all(group)
            return collection
        collection = self.agency_collection(agency)
        permissions.grant_model_permissions(group, permissions.CONTRIBUTOR_MODEL_PERMISSIONS)
        permissions.grant_page_permissions(
            group, agency.section, permissions.CONTRIBUTOR_PAGE_PERMISSIONS, exact=True
        )
        permissions.grant_collection_permissions(
            group, collection, permissions.CONTRIBUTOR_COLLECTION_PERMISSIONS, exact=True
        )
        return collection

    @transaction.atomic
    def add_user(self, code: str, username: str):
        """Put an existing user in agency ``code``'s contributors' group."""
        agency = get_agency(code)
        if not agency.group_id:
            raise OnboardingError(
                _("Agency %s has not been onboarded yet: run “add” first.") % code
            )
        if not agency.is_active:
            raise OnboardingError(_("Agency %s is inactive.") % code)
        user = (
            get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        )
        if user is None:
            raise OnboardingError(_("No user has the username “%s”.") % username)
        user.groups.add(agency.group)
        return user

    @transaction.atomic
    def deactivate(self, code: str) -> Agency:
        """Mark agency ``code`` inactive and take its contributors' rights; pages stay online."""
        agency = get_agency(code)
        agency.is_active = False
        agency.save(update_fields=["is_active"])
        self.apply_permissions(agency)
        return agency

    @transaction.atomic
    def sync(self) -> list[Agency]:
        """Repair every onboarded agency's and the moderators' rights; returns the agencies."""
        if portals().exists():
            self.ensure_moderators()
        agencies = list(Agency.objects.filter(group__isnull=False).select_related("group"))
        for agency in agencies:
            self.apply_permissions(agency)
        return agencies


def onboard_agency(code: str, name: str, **options) -> OnboardingResult:
    """Create or repair an agency with its group, space, collection, rights and workflow."""
    return AgencyOnboarding().onboard(code, name, **options)


def ensure_moderators(portal=None) -> Group:
    """The moderators' group, with its rights and the moderation workflow on the portal(s)."""
    return AgencyOnboarding().ensure_moderators(portal)


def add_contributor(code: str, username: str):
    """Add the user ``username`` to agency ``code``'s contributors."""
    return AgencyOnboarding().add_user(code, username)


def deactivate_agency(code: str) -> Agency:
    return AgencyOnboarding().deactivate(code)


def sync_permissions() -> list[Agency]:
    return AgencyOnboarding().sync()

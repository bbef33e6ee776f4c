"""What each role may do, as Wagtail group, page and collection permissions.

The roles are data here so ``docs/permissions.md``, the onboarding and ``baucu_agency sync`` agree:

- an agency's contributors may add pages in their agency's space and edit every page there (their
  colleagues' drafts too), but not publish: Wagtail then offers "Submit for moderation" only, and
  they can delete or move only unpublished pages, and only to places where they may add;
- moderators may do everything in each election portal, manage agencies, the election's data
  (bodies, polling areas) and import the committee's spreadsheets.
"""

from __future__ import annotations

import swapper
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Model, Q
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from wagtail_baucu.references import (
    list_items,
    rich_text_references,
    stream_items,
    stream_references,
    value_references,
)

# Holding this model permission shows a page's "source agency" field in the admin; without it the
# field is left out of the form, so a forged POST value is ignored.
SET_PAGE_AGENCY = "wagtail_baucu.change_agency"

CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")
CONTRIBUTOR_COLLECTION_PERMISSIONS = ("add", "change", "choose")
CONTRIBUTOR_MODEL_PERMISSIONS = ("wagtailadmin.access_admin",)

MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MODERATOR_COLLECTION_PERMISSIONS = ("add", "change", "choose", "delete")
MODERATOR_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "wagtail_baucu.add_agency",
    "wagtail_baucu.change_agency",
    "wagtail_baucu.delete_agency",
    "wagtail_baucu.add_category",
    "wagtail_baucu.change_category",
    "wagtail_baucu.delete_category",
    # The election's data: elections, bodies, polling areas (moderated like pages), imports.
    "baucu_elections.add_election",
    "baucu_elections.change_election",
    "baucu_elections.add_body",
    "baucu_elections.change_body",
    "baucu_elections.delete_body",
    "baucu_elections.add_pollingarea",
    "baucu_elections.change_pollingarea",
    "baucu_elections.delete_pollingarea",
    "baucu_elections.publish_pollingarea",
    "baucu_elections.lock_pollingarea",
    "baucu_elections.unlock_pollingarea",
    "baucu_elections.add_importrun",
)


def model_permission(dotted: str) -> Permission:
    """The ``Permission`` named ``"app_label.codename"``."""
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(permission_type: str) -> Permission:
    """A page permission (``add``, ``publish``...) of the base page model, custom or not."""
    page_model = swapper.load_model("wagtailcore", "Page")
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(page_model),
        codename=f"{permission_type}_{page_model._meta.model_name}",
    )


def media_models() -> list[type[Model]]:
    """The image and document models whose collection permissions the roles use."""
    return [get_image_model(), get_document_model()]


def collection_permission(model: type[Model], action: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(model),
        codename=f"{action}_{model._meta.model_name}",
    )


def grant_model_permissions(group: Group, dotted_names: tuple[str, ...]) -> None:
    """Add the model permissions to ``group`` (others it has are kept)."""
    group.permissions.add(*[model_permission(name) for name in dotted_names])


def grant_page_permissions(group: Group, page, types: tuple[str, ...], *, exact: bool) -> None:
    """Give ``group`` the page permission ``types`` on ``page``; ``exact`` removes any other
    page permission the group has anywhere."""
    wanted = {page_permission(t).pk for t in types}
    if exact:
        GroupPagePermission.objects.filter(group=group).exclude(
            page=page, permission_id__in=wanted
        ).delete()
    for permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission_id=permission_id
        )


def grant_collection_permissions(
    group: Group, collection: Collection, actions: tuple[str, ...], *, exact: bool
) -> None:
    """Give ``group`` the image and document ``actions`` on ``collection``; ``exact`` removes any
    other collection permission the group has anywhere."""
    wanted = {collection_permission(m, a).pk for m in media_models() for a in actions}
    if exact:
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=collection, permission_id__in=wanted
        ).delete()
    for permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission_id=permission_id
        )


def revoke_all(group: Group) -> None:
    """Take every model, page and collection permission from ``group``; members stay in it."""
    group.permissions.clear()
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()


def limit_media_choices(form) -> None:
    """Refuse, in an admin form, images and files the user may not choose (a forged id in a POST
    gets "not one of the available choices"); the value already on the page is kept."""
    from wagtail.permissions import policy_registry

    user = getattr(form, "for_user", None)
    if user is None or user.is_superuser:
        return
    for name, field in form.fields.items():
        model = getattr(getattr(field, "queryset", None), "model", None)
        if model not in media_models():
            continue
        policy = policy_registry.get_by_type(model)
        allowed = policy.instances_user_has_any_permission_for(user, ["choose"]).values("pk")
        current = getattr(form.instance, f"{name}_id", None)
        field.queryset = model.objects.filter(Q(pk__in=allowed) | Q(pk=current))


def _model_of(kind: str) -> type[Model]:
    return get_image_model() if kind == "image" else get_document_model()


def _refused_error() -> ValidationError:
    return ValidationError(
        _("You may not use this item: choose one from your agency's collection.")
    )


def _error_at(block, raw, paths: set[tuple]) -> ValidationError:
    """A validation error shaped like ``block``, on each block that ``paths`` lead to."""
    if () in paths or not any(paths):
        return _refused_error()
    children: dict = {}
    for path in paths:
        children.setdefault(path[0], set()).add(path[1:])
    if isinstance(block, blocks.BaseStreamBlock):
        items = stream_items(raw)
        errors = {
            index: _error_at(
                block.child_blocks[items[index]["type"]], items[index].get("value"), rest
            )
            for index, rest in children.items()
        }
        return blocks.StreamBlockValidationError(block_errors=errors)
    if isinstance(block, blocks.BaseStructBlock):
        errors = {
            name: _error_at(block.child_blocks[name], (raw or {}).get(name), rest)
            for name, rest in children.items()
        }
        return blocks.StructBlockValidationError(block_errors=errors)
    if isinstance(block, blocks.ListBlock):
        items = list_items(raw)
        errors = {
            index: _error_at(block.child_block, items[index], rest)
            for index, rest in children.items()
        }
        return blocks.ListBlockValidationError(block_errors=errors)
    return _refused_error()


def _refused(user, used: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """The (kind, pk) in ``used`` that ``user`` may not choose."""
    from wagtail.permissions import policy_registry

    refused = set()
    for kind in {kind for kind, _pk in used}:
        model = _model_of(kind)
        wanted = [pk for used_kind, pk in used if used_kind == kind]
        allowed = set(
            policy_registry.get_by_type(model)
            .instances_user_has_any_permission_for(user, ["choose"])
            .filter(pk__in=wanted)
            .values_list("pk", flat=True)
        )
        refused |= {(kind, pk) for pk in wanted if pk not in allowed}
    return refused


def refuse_unchoosable_media_in_streams(form) -> None:
    """The StreamField and rich-text side of ``limit_media_choices``, for a form's ``clean()``.

    An image or file chosen inside a block (at any depth), linked or embedded in rich text must
    be one the user may choose: a forged id in a POST gets an error on that block or field, and
    the form comes back with everything the editor wrote. References already on the page are
    kept (a moderator may have put them there).
    """
    user = getattr(form, "for_user", None)
    if user is None or user.is_superuser:
        return
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value is None:
            continue
        current = getattr(form.instance, name, None) if form.instance.pk else None
        if isinstance(field, BlockField):
            raw = field.block.get_prep_value(value)
            found = list(stream_references(field.block, raw))
            used = {(ref.kind, ref.pk) for ref in found}
            if current is not None:
                used -= {(ref.kind, ref.pk) for ref in value_references(field.block, current)}
            refused = _refused(user, used)
            paths = {ref.path for ref in found if (ref.kind, ref.pk) in refused}
            if paths:
                form.add_error(name, _error_at(field.block, raw, paths))
        elif _is_rich_text_field(form, name) and isinstance(value, str):
            used = set(rich_text_references(value))
            used -= set(rich_text_references(current if isinstance(current, str) else ""))
            if _refused(user, used):
                form.add_error(name, _refused_error())


def _is_rich_text_field(form, name: str) -> bool:
    try:
        return isinstance(form.instance._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        return False

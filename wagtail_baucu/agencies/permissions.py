"""What each role may do, as Wagtail group, page and collection permissions.

The roles are data here so ``docs/permissions.md``, the onboarding and ``baucu_agency sync`` agree:

- an agency's contributors may add pages in their agency's space and edit every page there (their
  colleagues' drafts too), but not publish: Wagtail then offers "Submit for moderation" only, and
  they can delete or move only unpublished pages, and only to places where they may add;
- moderators may do everything in each election portal and manage agencies.
"""

from __future__ import annotations

from collections.abc import Iterator

import swapper
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Model, Q
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

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


def _media_in(block, value) -> Iterator[tuple[type[Model], int]]:
    """(model, pk) of every image and file chosen in a block's value, at any depth."""
    if value is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        if block.target_model in media_models():
            yield block.target_model, value.pk
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _media_in(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _media_in(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _media_in(child.block, child.value)


def _refusals(block, value, refused: set) -> ValidationError | None:
    """The validation error, shaped like the block, for each refused choice in ``value``."""
    if value is None:
        return None
    if isinstance(block, blocks.ChooserBlock):
        if (block.target_model, getattr(value, "pk", None)) in refused:
            return ValidationError(
                _("You may not use this item: choose one from your agency's collection.")
            )
        return None
    if isinstance(block, blocks.StructBlock):
        errors = {
            name: error
            for name, child in block.child_blocks.items()
            if (error := _refusals(child, value.get(name), refused))
        }
        return blocks.StructBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, blocks.ListBlock):
        errors = {
            index: error
            for index, item in enumerate(value)
            if (error := _refusals(block.child_block, item, refused))
        }
        return blocks.ListBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, blocks.StreamBlock):
        errors = {
            index: error
            for index, child in enumerate(value)
            if (error := _refusals(child.block, child.value, refused))
        }
        return blocks.StreamBlockValidationError(block_errors=errors) if errors else None
    return None


def refuse_unchoosable_media_in_streams(form) -> None:
    """The StreamField side of ``limit_media_choices``, for a form's ``clean()``.

    An image or file chosen inside a block must be one the user may choose: a forged id in a
    POST gets an error on that block, and the form comes back with everything the editor wrote.
    Choices already on the page are kept (a moderator may have put them there).
    """
    from wagtail.permissions import policy_registry

    user = getattr(form, "for_user", None)
    if user is None or user.is_superuser:
        return
    for name, field in form.fields.items():
        if not isinstance(field, BlockField) or form.cleaned_data.get(name) is None:
            continue
        value = form.cleaned_data[name]
        used = set(_media_in(field.block, value))
        if form.instance.pk:
            used -= set(_media_in(field.block, getattr(form.instance, name, None)))
        refused = set()
        for model in {model for model, _pk in used}:
            policy = policy_registry.get_by_type(model)
            wanted = [pk for used_model, pk in used if used_model is model]
            allowed = set(
                policy.instances_user_has_any_permission_for(user, ["choose"])
                .filter(pk__in=wanted)
                .values_list("pk", flat=True)
            )
            refused |= {(model, pk) for pk in wanted if pk not in allowed}
        if refused:
            form.add_error(name, _refusals(field.block, value, refused))

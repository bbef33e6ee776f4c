"""Which files anonymous visitors may download: those a public page uses, and no other.

A document or image is "used" by a page when one of the page's foreign keys points to it (lead
image, a directive's file...) or its live content names it (a chooser block at any depth, a
file link or an image embed in rich text, read by ``wagtail_baucu.references``). Drafts,
revisions in moderation and withdrawn pages do not count: their files stay with the editors.
"""

from __future__ import annotations

import posixpath

from django.db.models import ForeignKey, Model, Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

from wagtail_baucu.public import public_pages
from wagtail_baucu.references import rich_text_references, stream_references


def _page_models() -> list[type[Page]]:
    # Wagtail's list, so a project's own base page (WAGTAIL_PAGE_MODEL) is covered too.
    return [model for model in get_page_models() if not model._meta.proxy]


def _own_fields(model: type[Page], field_type) -> list:
    # Fields of the concrete page type only: the base page's are seen through it too.
    return [f for f in model._meta.get_fields() if isinstance(f, field_type) and f.model is model]


def _named_in_text(name: str, pk: int) -> Q:
    """A cheap SQL pre-filter on the stored text of a field; the walker then decides.

    StreamField JSON holds a chooser as ``"image": 5`` (SQLite and PostgreSQL's jsonb both write
    ``": "``) and rich text as ``id="5"`` (escaped inside JSON).
    """
    return (
        Q(**{f"{name}__contains": f": {pk}"})
        | Q(**{f"{name}__contains": f'id="{pk}"'})
        | Q(**{f"{name}__contains": f'id=\\"{pk}\\"'})
    )


def _content_names(page: Page, kind: str, pk: int) -> bool:
    for field in _own_fields(type(page), StreamField):
        value = getattr(page, field.name)
        raw = list(value.raw_data) if value else []
        if any(
            (ref.kind, ref.pk) == (kind, pk) for ref in stream_references(field.stream_block, raw)
        ):
            return True
    for field in _own_fields(type(page), RichTextField):
        if (kind, pk) in set(rich_text_references(getattr(page, field.name) or "")):
            return True
    return False


def used_by_public_page(obj: Model, kind: str) -> bool:
    """Whether a live, public, unexpired page uses the image or document ``obj`` (``kind`` is
    ``"image"`` or ``"document"``). The pages' rows hold their published content, so a newer
    draft that adds or removes the file does not change the answer until it is published."""
    for model in _page_models():
        links = [
            Q(**{field.name: obj})
            for field in _own_fields(model, ForeignKey)
            if issubclass(type(obj), field.related_model)
        ]
        if links:
            query = links[0]
            for link in links[1:]:
                query |= link
            if public_pages(model.objects.filter(query)).exists():
                return True
        text_fields = _own_fields(model, StreamField) + _own_fields(model, RichTextField)
        if not text_fields:
            continue
        casts = {f"_text_{f.name}": Cast(f.name, TextField()) for f in text_fields}
        prefilter = Q()
        for alias in casts:
            prefilter |= _named_in_text(alias, obj.pk)
        candidates = public_pages(model.objects.annotate(**casts).filter(prefilter))
        if any(_content_names(page, kind, obj.pk) for page in candidates.iterator()):
            return True
    return False


def may_manage(user, obj: Model) -> bool:
    """Whether ``user`` may edit or choose ``obj`` in the admin (then they may download it)."""
    # Imported here: wagtail.permissions builds its registry from the installed models.
    from wagtail.permissions import policy_registry

    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], obj)


def may_download(user, obj: Model, kind: str) -> bool:
    """The one rule for documents and original images: editors who may change or choose the
    file, and anyone while a public page uses it."""
    return may_manage(user, obj) or used_by_public_page(obj, kind)


def original_filename(image) -> str:
    return posixpath.basename(image.file.name)


def original_image_url(image) -> str:
    """Where the package serves ``image``'s original (``wagtail_baucu.files.views``), relative
    to the site: the API's ``download_url``."""
    return reverse("wagtail_baucu:original_image", args=[image.pk, original_filename(image)])

"""A portal with onboarded agencies, their contributors and a moderator, for the agencies' tests.

SVHTT and STTTT are active agencies; SGDDT was onboarded, wrote a draft, then was deactivated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests import factories
from wagtail_baucu.agencies.models import Agency
from wagtail_baucu.agencies.onboarding import (
    AgencyOnboarding,
    add_contributor,
    deactivate_agency,
    ensure_moderators,
    onboard_agency,
)
from wagtail_baucu.pages.mixins import NewsArticleMixin
from wagtail_baucu.pages.registry import page_model

AGENCIES = {
    "SVHTT": "Sở Văn hóa và Thể thao",
    "STTTT": "Sở Thông tin và Truyền thông",
    "SGDDT": "Sở Giáo dục và Đào tạo",
}
# username → agency code (None: a moderator)
PEOPLE = {
    "svhtt.lan": "SVHTT",
    "svhtt.minh": "SVHTT",
    "stttt.hoa": "STTTT",
    "sgddt.an": "SGDDT",
    "bbt.thu": None,
}
PASSWORD = "mat-khau-thu"


@dataclass
class World:
    tree: factories.Portal
    moderators: Group
    users: dict = field(default_factory=dict)

    def agency(self, code: str) -> Agency:
        return Agency.objects.get(code=code)

    def space(self, code: str):
        return self.agency(code).section.specific

    def collection(self, code: str) -> Collection:
        return AgencyOnboarding().agency_collection(self.agency(code))

    def client(self, username: str) -> Client:
        client = Client()
        client.force_login(self.users[username])
        return client

    def article(self, code: str | None, owner: str, *, live: bool = False, title: str = ""):
        """An article in agency ``code``'s space (in the news index for ``None``)."""
        title = title or f"Tin của {owner} số {_next()}"
        if code is None:
            page = self.tree.article(title, live=live, owner=self.users[owner])
        else:
            page = self.tree.article(
                title,
                agency=self.agency(code),
                in_agency_space=True,
                live=live,
                owner=self.users[owner],
            )
        return page

    def image(self, code: str, title: str):
        image = factories.make_image(title)
        image.collection = self.collection(code)
        image.save()
        return image

    def document(self, code: str, title: str):
        document = factories.make_file(title)
        document.collection = self.collection(code)
        document.save()
        return document


_counter = [0]


def _next() -> int:
    _counter[0] += 1
    return _counter[0]


def build_world(tree: factories.Portal) -> World:
    """Onboard the agencies through the package's public functions, as the demo does."""
    moderators = ensure_moderators()
    world = World(tree=tree, moderators=moderators)
    for code, name in AGENCIES.items():
        result = onboard_agency(code, name, kind=Agency.Kind.DEPARTMENT)
        tree.agency_pages[code] = result.section.specific
    for username, code in PEOPLE.items():
        world.users[username] = factories.make_user(username, password=PASSWORD)
        if code is None:
            world.users[username].groups.add(moderators)
        else:
            add_contributor(code, username)
    world.sgddt_draft = world.article("SGDDT", "sgddt.an", title="Bản nháp của Sở Giáo dục")
    deactivate_agency("SGDDT")
    return world


def article_type() -> tuple[str, str]:
    meta = page_model(NewsArticleMixin)._meta
    return meta.app_label, meta.model_name


def add_article_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=(*article_type(), parent.pk))


def article_form(page=None, **changes) -> dict:
    """POST data of the article edit form: the page's current values, then ``changes``."""
    data = {
        "title": page.title if page else "Bài viết mới",
        "slug": page.slug if page else "",
        "lead": page.lead if page else "Tóm tắt bài viết.",
        "body": streamfield([]),
        "source_name": "",
        "source_url": "",
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def body_with_document(document) -> dict:
    """POST data of an article body: ``document`` in a document block."""
    return streamfield([("document", {"document": document.pk, "title": ""})])


def body_with_document_link(document) -> dict:
    """POST data of an article body: a paragraph linking to ``document``, as Draftail posts it."""
    html = f'<p>Xem <a linktype="document" id="{document.pk}">tệp đính kèm</a>.</p>'
    return streamfield([("paragraph", rich_text(html))])


def image_embed(image) -> str:
    """Draftail's POST value of a rich text field holding ``image`` embedded."""
    return rich_text(
        f'<p>Ảnh:</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Ảnh"/>'
    )


def agency_page_form(page, **changes) -> dict:
    """POST data of an agency page's edit form: its current values, then ``changes``."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "agency": page.agency_id,
        "intro": rich_text(page.intro or ""),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def body_with_image(image, text: str = "Nội dung bài viết về bầu cử.") -> dict:
    """POST data of an article body: a paragraph, then ``image`` in an image block."""
    return streamfield(
        [
            ("paragraph", rich_text(f"<p>{text}</p>")),
            ("image", {"image": image.pk, "caption": "Ảnh minh họa", "alt_text": ""}),
        ]
    )

"""The permission matrix, role × action, through Wagtail's real admin views over HTTP.

Each action is one helper that performs it as a logged-in user through the admin and returns
whether it took effect, read back from the database. ``MATRIX`` is the table of
``docs/permissions.md``; a test checks the two agree.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.agencies.world import (
    World,
    add_article_url,
    agency_page_form,
    article_form,
    body_with_document,
    body_with_document_link,
    body_with_image,
    build_world,
    image_embed,
)
from tests.elections.world import make_election
from wagtail_baucu.agencies.models import Agency
from wagtail_baucu.elections.mixins import ElectoralUnitMixin
from wagtail_baucu.elections.models import ImportRun, PollingArea, PollingAreaUnit
from wagtail_baucu.pages.mixins import NewsArticleMixin
from wagtail_baucu.pages.registry import page_model

OTHER = "STTTT"


@dataclass(frozen=True)
class Role:
    label: str
    username: str
    home: str  # the agency whose space is "own" for this role
    colleague: str  # someone else whose drafts are in ``home``


ROLES = {
    "contributor": Role("Contributor (SVHTT)", "svhtt.lan", "SVHTT", "svhtt.minh"),
    "moderator": Role("Moderator", "bbt.thu", "SVHTT", "svhtt.lan"),
    "former": Role("Contributor of a deactivated agency", "sgddt.an", "SGDDT", "bbt.thu"),
}


@pytest.fixture
def world(site_tree) -> World:
    return build_world(site_tree)


def ok(response) -> None:
    # Refusals are redirects or 403s, never server errors.
    assert response.status_code < 500, response.status_code


def articles_in(parent):
    return page_model(NewsArticleMixin).objects.child_of(parent)


def latest(page):
    return page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()


def png(name: str = "anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# One helper per action: (world, role) → did it take effect?


def create_own(w: World, role: Role) -> bool:
    parent = w.space(role.home)
    ok(w.client(role.username).post(add_article_url(parent), article_form(title="Tin tạo mới")))
    return articles_in(parent).filter(title="Tin tạo mới").exists()


def create_other(w: World, role: Role) -> bool:
    parent = w.space(OTHER)
    ok(w.client(role.username).post(add_article_url(parent), article_form(title="Tin tạo mới")))
    return articles_in(parent).filter(title="Tin tạo mới").exists()


def edit(w: World, role: Role, page) -> bool:
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, title="Tiêu đề đã sửa")))
    return latest(page).title == "Tiêu đề đã sửa"


def edit_own_draft(w: World, role: Role) -> bool:
    own = w.sgddt_draft if role.home == "SGDDT" else w.article(role.home, role.username)
    return edit(w, role, own)


def edit_colleague_draft(w: World, role: Role) -> bool:
    return edit(w, role, w.article(role.home, role.colleague))


def edit_other_agency(w: World, role: Role) -> bool:
    return edit(w, role, w.article(OTHER, "stttt.hoa"))


def submit(w: World, role: Role) -> bool:
    page = w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, **{"action-submit": "1"})))
    return WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def in_moderation(w: World, role: Role):
    """A colleague's article submitted for moderation, and its current task state."""
    page = w.article(role.home, role.colleague)
    page.get_workflow().start(page, w.users[role.colleague])
    return page, page.current_workflow_task_state


def approve(w: World, role: Role) -> bool:
    page, task_state = in_moderation(w, role)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    ok(w.client(role.username).post(url, {"comment": ""}))
    page.refresh_from_db()
    return page.live


def reject(w: World, role: Role) -> bool:
    page, task_state = in_moderation(w, role)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    ok(w.client(role.username).post(url, {"comment": "Cần ghi rõ nguồn."}))
    task_state.refresh_from_db()
    return task_state.status == task_state.STATUS_REJECTED


def publish(w: World, role: Role) -> bool:
    page = w.sgddt_draft if role.home == "SGDDT" else w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, **{"action-publish": "1"})))
    page.refresh_from_db()
    return page.live


def unpublish(w: World, role: Role) -> bool:
    page = w.article(role.home, role.colleague, live=True)
    ok(w.client(role.username).post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,))))
    page.refresh_from_db()
    return not page.live


def delete(w: World, role: Role, page) -> bool:
    ok(w.client(role.username).post(reverse("wagtailadmin_pages:delete", args=(page.pk,))))
    return not type(page).objects.filter(pk=page.pk).exists()


def delete_published(w: World, role: Role) -> bool:
    return delete(w, role, w.article(role.home, role.colleague, live=True))


def delete_own_draft(w: World, role: Role) -> bool:
    own = w.sgddt_draft if role.home == "SGDDT" else w.article(role.home, role.username)
    return delete(w, role, own)


def move(w: World, role: Role) -> bool:
    page = w.article(role.home, role.username)
    destination = w.space(OTHER)
    url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
    ok(w.client(role.username).post(url))
    page.refresh_from_db()
    return page.get_parent().pk == destination.pk


def upload(w: World, role: Role, code: str) -> bool:
    collection = w.collection(code)
    data = {"title": "Ảnh tải lên", "file": png(), "collection": collection.pk}
    ok(w.client(role.username).post(reverse("wagtailimages:add"), data))
    return get_image_model().objects.filter(title="Ảnh tải lên", collection=collection).exists()


def upload_own(w: World, role: Role) -> bool:
    return upload(w, role, role.home)


def upload_other(w: World, role: Role) -> bool:
    return upload(w, role, OTHER)


def choose(w: World, role: Role, code: str) -> bool:
    image = w.image(code, f"Ảnh của {code}")
    url = reverse("wagtailimages_chooser:chosen", args=(image.pk,))
    response = w.client(role.username).get(url)
    ok(response)
    return response.status_code == 200 and f"Ảnh của {code}" in response.json()["result"]["title"]


def choose_own(w: World, role: Role) -> bool:
    return choose(w, role, role.home)


def choose_other(w: World, role: Role) -> bool:
    return choose(w, role, OTHER)


def forge_other_image(w: World, role: Role) -> bool:
    image = w.image(OTHER, f"Ảnh của {OTHER}")
    page = w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, lead_image=image.pk)))
    return latest(page).lead_image_id == image.pk


def forge_other_image_in_body(w: World, role: Role) -> bool:
    image = w.image(OTHER, f"Ảnh của {OTHER}")
    page = w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, body=body_with_image(image))))
    return any(block.block_type == "image" for block in latest(page).body)


def forge_other_document_in_body(w: World, role: Role) -> bool:
    document = w.document(OTHER, f"Tệp của {OTHER}")
    page = w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, article_form(page, body=body_with_document(document))))
    return any(
        block.block_type == "document" and block.value["document"] == document
        for block in latest(page).body
    )


def forge_other_document_link(w: World, role: Role) -> bool:
    document = w.document(OTHER, f"Tệp của {OTHER}")
    page = w.article(role.home, role.username)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    body = body_with_document_link(document)
    ok(w.client(role.username).post(url, article_form(page, body=body)))
    return f'linktype="document" id="{document.pk}"' in latest(page).body.raw_data[0]["value"]


def forge_other_image_in_rich_text(w: World, role: Role) -> bool:
    image = w.image(OTHER, f"Ảnh của {OTHER}")
    page = w.space(role.home)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ok(w.client(role.username).post(url, agency_page_form(page, intro=image_embed(image))))
    return f'id="{image.pk}"' in latest(page).intro


def set_agency(w: World, role: Role, page) -> bool:
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    forged = w.agency(OTHER).pk
    ok(w.client(role.username).post(url, article_form(page, agency=forged)))
    return latest(page).agency_id == forged


def change_agency_in_space(w: World, role: Role) -> bool:
    return set_agency(w, role, w.article(role.home, role.username))


def set_agency_outside(w: World, role: Role) -> bool:
    return set_agency(w, role, w.article(None, role.colleague))


def manage_agencies(w: World, role: Role) -> bool:
    agency = w.agency(OTHER)
    url = reverse("wagtailsnippets_wagtail_baucu_agency:edit", args=(agency.pk,))
    data = {"name": "Tên mới", "code": agency.code, "kind": agency.kind, "is_active": "on"}
    ok(w.client(role.username).post(url, data))
    return Agency.objects.get(pk=agency.pk).name == "Tên mới"


def onboard(w: World, role: Role) -> bool:
    data = {"code": "SNV", "name": "Sở Nội vụ", "kind": "department", "portal": w.tree.portal.pk}
    ok(w.client(role.username).post(reverse("wagtail_baucu_onboard_agency"), data))
    return Agency.objects.filter(code="SNV", section__isnull=False).exists()


def polling_area(w: World, keeper: str):
    """A published polling area of the world's election, kept by agency ``keeper``."""
    if not hasattr(w, "election"):
        w.election = make_election(w.tree)
    unit = w.election.unit(w.election.assembly, 1) if not hasattr(w, "unit") else w.unit
    w.unit = unit
    number = PollingArea.objects.count() + 1
    return w.election.area("Phường Minh Khai", number, [unit], agency=w.agency(keeper))


def area_form(area, **changes) -> dict:
    unit = PollingAreaUnit.objects.get(area=area)
    data = {
        "election": area.election_id,
        "agency": area.agency_id,
        "number": area.number,
        "commune": area.commune,
        "covers": area.covers,
        "place_name": area.place_name,
        "address": area.address,
        "opens_at": "07:00",
        "closes_at": "19:00",
        "early_voting_date": "",
        "latitude": "",
        "longitude": "",
        # The area's unit as an initial form, as the admin renders it.
        "units": inline_formset(
            [{"id": unit.pk, "body": unit.body_id, "unit_number": unit.unit_number}], initial=1
        ),
        **changes,
    }
    return nested_form_data(data)


def edit_area(w: World, role: Role, keeper: str) -> bool:
    area = polling_area(w, keeper)
    url = reverse("wagtailsnippets_baucu_elections_pollingarea:edit", args=(area.pk,))
    ok(w.client(role.username).post(url, area_form(area, place_name="Trường học mới")))
    area.refresh_from_db()
    return area.latest_revision.as_object().place_name == "Trường học mới"


def edit_own_area(w: World, role: Role) -> bool:
    return edit_area(w, role, role.home)


def edit_other_area(w: World, role: Role) -> bool:
    return edit_area(w, role, OTHER)


def publish_own_area(w: World, role: Role) -> bool:
    area = polling_area(w, role.home)
    url = reverse("wagtailsnippets_baucu_elections_pollingarea:edit", args=(area.pk,))
    form = area_form(area, place_name="Trường học mới", **{"action-publish": "action-publish"})
    ok(w.client(role.username).post(url, form))
    return PollingArea.objects.get(pk=area.pk).place_name == "Trường học mới"


def hand_area_on(w: World, role: Role) -> bool:
    area = polling_area(w, role.home)
    url = reverse("wagtailsnippets_baucu_elections_pollingarea:edit", args=(area.pk,))
    ok(w.client(role.username).post(url, area_form(area, agency=w.agency(OTHER).pk)))
    area.refresh_from_db()
    return area.latest_revision.as_object().agency_id == w.agency(OTHER).pk


def import_candidates(w: World, role: Role) -> bool:
    if not hasattr(w, "election"):
        w.election = make_election(w.tree)
    units = "co_quan,so_don_vi,so_dai_bieu,dia_ban\nquoc-hoi,7,3,Quận Lê Chân\n"
    data = {
        "kind": "units",
        "election": w.election.election.pk,
        "file": SimpleUploadedFile("don-vi.csv", units.encode()),
    }
    response = w.client(role.username).post(reverse("baucu_elections_import:form"), data)
    ok(response)
    if ImportRun.objects.filter(file_name="don-vi.csv", status="checked").exists():
        run = ImportRun.objects.get(file_name="don-vi.csv")
        ok(w.client(role.username).post(reverse("baucu_elections_import:apply", args=(run.pk,))))
    return page_model(ElectoralUnitMixin).objects.filter(number=7).exists()


Y, N = True, False
# action label, helper, expected for (contributor, moderator, former contributor)
MATRIX = [
    ("Create an article in own agency's space", create_own, (Y, Y, N)),
    ("Create an article in another agency's space", create_other, (N, Y, N)),
    ("Edit own draft", edit_own_draft, (Y, Y, N)),
    ("Edit a colleague's draft (same agency)", edit_colleague_draft, (Y, Y, N)),
    ("Edit another agency's page", edit_other_agency, (N, Y, N)),
    ("Submit own draft for moderation", submit, (Y, Y, N)),
    ("Approve a page in moderation (publishes it)", approve, (N, Y, N)),
    ("Reject a page in moderation, with a comment", reject, (N, Y, N)),
    ("Publish without moderation", publish, (N, Y, N)),
    ("Unpublish a published article", unpublish, (N, Y, N)),
    ("Delete a published article", delete_published, (N, Y, N)),
    ("Delete own unpublished draft", delete_own_draft, (Y, Y, N)),
    ("Move own draft to another agency's space", move, (N, Y, N)),
    ("Upload an image to own agency's collection", upload_own, (Y, Y, N)),
    ("Upload an image to another agency's collection", upload_other, (N, Y, N)),
    ("Choose an image of own agency", choose_own, (Y, Y, N)),
    ("Choose an image of another agency", choose_other, (N, Y, N)),
    ("Post another agency's image id as lead image (forged)", forge_other_image, (N, Y, N)),
    (
        "Post another agency's image id in the article body (forged)",
        forge_other_image_in_body,
        (N, Y, N),
    ),
    (
        "Post another agency's file id in a document block of the body (forged)",
        forge_other_document_in_body,
        (N, Y, N),
    ),
    (
        "Post a link to another agency's file in rich text (forged)",
        forge_other_document_link,
        (N, Y, N),
    ),
    (
        "Post another agency's image id embedded in rich text (forged)",
        forge_other_image_in_rich_text,
        (N, Y, N),
    ),
    ("Change the agency of a page in an agency's space", change_agency_in_space, (N, N, N)),
    ("Set the agency of a page outside agencies' spaces", set_agency_outside, (N, Y, N)),
    ("Manage agencies (edit an agency)", manage_agencies, (N, Y, N)),
    ("Onboard an agency (admin)", onboard, (N, Y, N)),
    ("Edit a polling area kept by own agency (a commune's committee)", edit_own_area, (Y, Y, N)),
    ("Edit a polling area kept by another agency", edit_other_area, (N, Y, N)),
    ("Publish a polling area kept by own agency", publish_own_area, (N, Y, N)),
    ("Hand a polling area on to another agency", hand_area_on, (N, Y, N)),
    ("Import electoral units and candidates (admin)", import_candidates, (N, Y, N)),
]
CASES = [
    pytest.param(role_key, helper, expected[index], id=f"{role_key}-{helper.__name__}")
    for label, helper, expected in MATRIX
    for index, role_key in enumerate(ROLES)
]


@pytest.mark.django_db
@pytest.mark.parametrize("role_key, action, allowed", CASES)
def test_permission_matrix(world, role_key, action, allowed):
    assert action(world, ROLES[role_key]) is allowed


def matrix_markdown() -> str:
    """The matrix as the Markdown table in ``docs/permissions.md``."""
    header = "| Action | " + " | ".join(role.label for role in ROLES.values()) + " |"
    rule = "|---" * (len(ROLES) + 1) + "|"
    rows = [
        f"| {label} | " + " | ".join("yes" if e else "no" for e in expected) + " |"
        for label, _helper, expected in MATRIX
    ]
    return "\n".join([header, rule, *rows])


def test_docs_show_the_tested_matrix():
    docs = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
    assert matrix_markdown() in docs.read_text(encoding="utf-8")

"""Onboarding: one step makes everything, twice changes nothing, bad input changes nothing.

Messages are read in Vietnamese, the language of the test site (``LANGUAGE_CODE = "vi"``).
"""

from io import StringIO

import pytest
import swapper
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, WorkflowPage

from tests import factories
from tests.agencies.world import PASSWORD, build_world
from wagtail_baucu.agencies.models import Agency
from wagtail_baucu.agencies.permissions import page_permission

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Counts of everything onboarding may create or change."""
    return {
        "agencies": list(Agency.objects.values_list("code", "name", "is_active")),
        "groups": Group.objects.count(),
        "group_members": Group.user_set.through.objects.count(),
        "model_permissions": Group.permissions.through.objects.count(),
        "collections": Collection.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "pages": swapper.load_model("wagtailcore", "Page").objects.count(),
    }


def run(*args) -> str:
    out = StringIO()
    call_command("baucu_agency", *args, stdout=out)
    return out.getvalue()


def page_rights(group) -> set[tuple[str, str]]:
    rows = GroupPagePermission.objects.filter(group=group).select_related("page", "permission")
    return {(p.page.url_path, p.permission.codename.split("_")[0]) for p in rows}


def test_add_makes_everything(site_tree):
    output = run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao", "--kind=department")
    agency = Agency.objects.get(code="SVHTT")
    assert "Đã tạo SVHTT (Sở Văn hóa và Thể thao)." in output
    assert "  mục: /co-quan/svhtt/" in output
    assert agency.kind == "department" and agency.is_active
    assert agency.group.name == "Cộng tác viên SVHTT"
    space = agency.section.specific
    assert space.live and space.agency == agency
    assert space.get_parent().specific == site_tree.agency_index
    assert space.url == "/co-quan/svhtt/"
    assert page_rights(agency.group) == {(space.url_path, "add"), (space.url_path, "change")}
    collection = Collection.objects.get(name="Sở Văn hóa và Thể thao (SVHTT)")
    assert {
        p.permission.codename for p in GroupCollectionPermission.objects.filter(group=agency.group)
    } == {f"{a}_{m}" for a in ("add", "change", "choose") for m in ("image", "document")}
    assert GroupCollectionPermission.objects.filter(collection=collection).count() == 6
    assert site_tree.portal.get_workflow().name == "Kiểm duyệt tin bài bầu cử"
    task = site_tree.portal.get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Ban biên tập"]


def test_add_twice_changes_nothing(site_tree):
    run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao")
    before = snapshot()
    output = run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao")
    assert "đã có, đã sửa lại" in output
    assert snapshot() == before


def test_portal_by_slug_or_id(site_tree):
    second = factories.make_portal("bau-cu-2026.example", slug="bau-cu-2026", title="Bầu cử 2026")
    with pytest.raises(CommandError, match="Có nhiều cổng bầu cử"):
        run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao")
    run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao", "--portal", "bau-cu-2026")
    run("add", "--code", "STTTT", "--name", "Sở TTTT", "--portal", str(site_tree.portal.pk))
    assert Agency.objects.get(code="SVHTT").section.is_descendant_of(second.portal)
    assert Agency.objects.get(code="STTTT").section.is_descendant_of(site_tree.portal)


@pytest.mark.parametrize(
    "args, message",
    [
        (("add", "--code", "svhtt", "--name", "Sở VHTT"), "chữ in hoa"),
        (("add", "--code", "SV HTT", "--name", "Sở VHTT"), "chữ in hoa"),
        (("add", "--code", "SVHTT", "--name", "Sở Nội vụ"), "đã thuộc về"),
        (
            ("add", "--code", "SNV", "--name", "Sở Nội vụ", "--portal", "khong-co"),
            "Không có cổng bầu cử",
        ),
        (("add", "--code", "SNV", "--name", "Sở Nội vụ", "--kind", "bogus"), "invalid choice"),
        (("add", "--code", "SNV", "--name", " "), "phải có tên"),
        (("add-user", "KHONGCO", "svhtt.lan"), "Không có cơ quan nào có mã"),
        (("add-user", "SVHTT", "khong.co"), "Không có người dùng nào có tên đăng nhập"),
        (("add-user", "SGDDT", "svhtt.lan"), "tạm ngừng hoạt động"),
        (("deactivate", "KHONGCO"), "Không có cơ quan nào có mã"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(site_tree, args, message):
    build_world(site_tree)
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert snapshot() == before


def test_missing_portal_is_refused(db):
    before = snapshot()
    with pytest.raises(CommandError, match="Chưa có cổng bầu cử"):
        run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao")
    assert snapshot() == before


def test_add_user_gives_the_rights(site_tree, client):
    run("add", "--code", "SVHTT", "--name", "Sở Văn hóa và Thể thao")
    user = factories.make_user("lan.nguyen")
    assert client.login(username="lan.nguyen", password=PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert "lan.nguyen → SVHTT" in run("add-user", "SVHTT", "lan.nguyen")
    assert user.groups.get() == Agency.objects.get(code="SVHTT").group
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_deactivate_takes_rights_and_keeps_content_online(site_tree, client):
    world = build_world(site_tree)
    article = world.article("SVHTT", "svhtt.lan", live=True, title="Lịch tuyên truyền")
    output = run("deactivate", "SVHTT")
    assert "vẫn ở trên cổng" in output
    group = world.agency("SVHTT").group
    assert snapshot_of(group) == (0, 0, 0)
    assert world.users["svhtt.lan"] in group.user_set.all()
    assert client.get(article.url).status_code == 200
    assert world.client("svhtt.lan").get(reverse("wagtailadmin_home")).status_code == 302


def snapshot_of(group) -> tuple[int, int, int]:
    return (
        group.permissions.count(),
        GroupPagePermission.objects.filter(group=group).count(),
        GroupCollectionPermission.objects.filter(group=group).count(),
    )


def test_reactivating_in_the_admin_gives_rights_back(site_tree):
    world = build_world(site_tree)
    agency = world.agency("SGDDT")
    assert snapshot_of(agency.group) == (0, 0, 0)
    url = reverse("wagtailsnippets_wagtail_baucu_agency:edit", args=(agency.pk,))
    data = {"name": agency.name, "code": agency.code, "kind": agency.kind, "is_active": "on"}
    world.client("bbt.thu").post(url, data)
    assert snapshot_of(agency.group) == (1, 2, 6)


def test_sync_repairs_drift_and_keeps_moderators_extras(site_tree):
    world = build_world(site_tree)
    contributors = world.agency("SVHTT").group
    GroupPagePermission.objects.filter(group=contributors, permission__codename="add_page").delete()
    GroupPagePermission.objects.create(
        group=contributors, page=site_tree.portal, permission=page_permission("publish")
    )
    extra = Permission.objects.get(codename="add_redirect")
    world.moderators.permissions.add(extra)
    WorkflowPage.objects.all().delete()
    inactive = world.agency("SGDDT").group
    inactive.permissions.add(Permission.objects.get(codename="access_admin"))

    assert "3 cơ quan" in run("sync")

    space = world.space("SVHTT").url_path
    assert page_rights(contributors) == {(space, "add"), (space, "change")}
    assert extra in world.moderators.permissions.all()
    assert site_tree.portal.get_workflow().name == "Kiểm duyệt tin bài bầu cử"
    assert snapshot_of(inactive) == (0, 0, 0)
    before = snapshot()
    run("sync")
    assert snapshot() == before


class TestAdminOnboarding:
    @property
    def url(self) -> str:
        return reverse("wagtail_baucu_onboard_agency")

    def test_moderator_onboards_with_contributors(self, site_tree):
        world = build_world(site_tree)
        factories.make_user("nv.binh")
        client = world.client("bbt.thu")
        assert client.get(self.url).status_code == 200
        data = {
            "code": "SNV",
            "name": "Sở Nội vụ",
            "kind": "department",
            "portal": site_tree.portal.pk,
            "usernames": "nv.binh",
        }
        response = client.post(self.url, data)
        assert response.status_code == 302
        agency = Agency.objects.get(code="SNV")
        assert agency.section.url == "/co-quan/snv/"
        assert list(agency.group.user_set.values_list("username", flat=True)) == ["nv.binh"]

    @pytest.mark.parametrize(
        "changes, message",
        [
            ({"code": "snv"}, "chữ in hoa"),
            ({"code": "SVHTT"}, "đã thuộc về"),
            ({"usernames": "nv.binh khong.co"}, "khong.co"),
        ],
    )
    def test_bad_input_shows_an_error_and_changes_nothing(self, site_tree, changes, message):
        world = build_world(site_tree)
        factories.make_user("nv.binh")
        before = snapshot()
        data = {"code": "SNV", "name": "Sở Nội vụ", "kind": "department"}
        data |= {"portal": site_tree.portal.pk, "usernames": "nv.binh", **changes}
        response = world.client("bbt.thu").post(self.url, data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert snapshot() == before

    def test_menu_item_only_for_moderators(self, site_tree):
        world = build_world(site_tree)
        home = reverse("wagtailadmin_home")
        assert self.url in world.client("bbt.thu").get(home).content.decode()
        assert self.url not in world.client("svhtt.lan").get(home).content.decode()

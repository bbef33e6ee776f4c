"""Portal creation: one command makes a working portal, twice changes nothing, bad input
changes nothing; the admin's form does the same for a superuser only.

Messages are read in Vietnamese, the language of the test site (``LANGUAGE_CODE = "vi"``).
"""

from io import StringIO

import pytest
import swapper
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import GroupPagePermission, Site, WorkflowContentType, WorkflowPage

from wagtail_baucu.conf import get_setting
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model

pytestmark = pytest.mark.django_db

TITLE = "Bầu cử đại biểu Quốc hội khóa XVI"
ARGS = ["--title", TITLE, "--election-day", "2026-03-15", "--hostname", "127.0.0.1"]


def Page():
    return swapper.load_model("wagtailcore", "Page")


def snapshot() -> dict:
    return {
        "pages": sorted(Page().objects.values_list("url_path", "live")),
        "sites": sorted(
            Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")
        ),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "workflow_types": WorkflowContentType.objects.count(),
        "group_permissions": Group.permissions.through.objects.count(),
    }


def run(*args) -> str:
    out = StringIO()
    call_command("baucu_portal", "create", *args, stdout=out)
    return out.getvalue()


def test_create_makes_a_working_portal_at_the_sites_host_and_port(client):
    output = run(*ARGS, "--port", "8123", "--remove-home-page")
    portal = page_model(mixins.ElectionPortalMixin).objects.get()
    assert portal.live and portal.get_parent().is_root()
    assert str(portal.election_day) == "2026-03-15" and portal.election_name == TITLE
    children = {p.slug: type(p.specific) for p in portal.get_children().live()}
    assert set(children) == {"tin-tuc", "van-ban-chi-dao", "co-quan", "don-vi-bau-cu"}
    assert children["tin-tuc"] is page_model(mixins.NewsIndexMixin)
    # The template's welcome page is gone and the only Site shows the portal.
    assert not Page().objects.filter(slug="home").exists()
    site = Site.objects.get()
    assert (site.hostname, site.port, site.root_page_id) == ("127.0.0.1", 8123, portal.pk)
    assert "Cổng: http://127.0.0.1:8123/" in output
    assert "đã tạo cổng “Bầu cử đại biểu Quốc hội khóa XVI”" in output
    # Moderation as onboarding sets it.
    moderators = Group.objects.get(name=get_setting("MODERATORS_GROUP"))
    assert GroupPagePermission.objects.filter(group=moderators, page=portal).exists()
    assert WorkflowPage.objects.get(page=portal).workflow.name == get_setting("MODERATION_WORKFLOW")
    # Served at the root of the site, with absolute URLs on its host and port.
    response = client.get("/tin-tuc/", HTTP_HOST="127.0.0.1:8123")
    assert response.status_code == 200
    assert 'href="http://127.0.0.1:8123/tin-tuc/' in response.content.decode()
    for path in ("/", "/van-ban-chi-dao/", "/co-quan/", "/don-vi-bau-cu/", "/nguon-tin-bao-chi/"):
        assert client.get(path, HTTP_HOST="127.0.0.1:8123").status_code == 200, path


def test_a_second_run_changes_nothing():
    run(*ARGS, "--port", "8000")
    before = snapshot()
    output = run(*ARGS, "--port", "8000")
    assert snapshot() == before
    assert "Cổng đã có: không có gì thay đổi." in output


def test_a_new_portal_has_results_moderation_the_one_who_enters_and_the_moderator():
    from wagtail_baucu.results.models import UnitResult

    run(*ARGS)
    link = WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(UnitResult)
    )
    assert link.workflow.name == get_setting("MODERATION_WORKFLOW") and link.workflow.active
    enterers = Group.objects.get(name=get_setting("RESULTS_GROUP"))
    moderators = Group.objects.get(name=get_setting("MODERATORS_GROUP"))
    enterer = get_user_model().objects.create_user("nhap.ketqua")
    enterer.groups.add(enterers)
    moderator = get_user_model().objects.create_user("duyet.ketqua")
    moderator.groups.add(moderators)
    label = "baucu_results"
    assert enterer.has_perms([f"{label}.add_unitresult", f"{label}.change_unitresult"])
    assert enterer.has_perm("wagtailadmin.access_admin")
    assert not enterer.has_perm(f"{label}.publish_unitresult")
    assert moderator.has_perm(f"{label}.publish_unitresult")
    # The workflow's only task is the moderators'.
    [task] = [t.specific for t in link.workflow.tasks]
    assert list(task.groups.all()) == [moderators]


def test_the_home_page_is_kept_unless_asked_and_can_be_removed_later():
    run(*ARGS)
    assert Page().objects.filter(slug="home").exists()
    output = run(*ARGS, "--remove-home-page")
    assert not Page().objects.filter(slug="home").exists()
    assert "đã xóa trang chủ" in output


def test_a_new_site_leaves_the_default_site_alone():
    default = Site.objects.get(is_default_site=True)
    run(*ARGS, "--port", "8001", "--new-site")
    default.refresh_from_db()
    assert (default.hostname, default.port) == ("localhost", 80)
    new = Site.objects.get(port=8001)
    assert not new.is_default_site and new.root_page.specific.title == TITLE


@pytest.mark.parametrize(
    "args, message",
    [
        (["--title", " ", "--hostname", "x.vn"], "Cổng cần có tiêu đề."),
        (["--title", "A", "--hostname", "http://x.vn/"], "không phải tên máy chủ"),
        (["--title", "A", "--hostname", "x.vn", "--port", "99999"], "không phải cổng mạng"),
        (["--title", "A", "--hostname", "x.vn", "--port", "８０"], "không phải cổng mạng"),
        (["--title", "A", "--hostname", "x.vn", "--election-day", "31/02/2026"], "không phải ngày"),
        (["--title", "A", "--hostname", "x.vn", "--slug", "Bầu cử"], "không phải slug"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(args, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert snapshot() == before


def test_a_refusal_after_the_portal_was_made_rolls_everything_back():
    # The home page has a child: removing it is refused after the portal and Site were made.
    home = Page().objects.get(slug="home")
    home.add_child(instance=Page()(title="Con", slug="con"))
    before = snapshot()
    with pytest.raises(CommandError, match="có trang con"):
        run(*ARGS, "--remove-home-page")
    assert snapshot() == before


def test_another_portal_on_the_default_site_is_not_replaced():
    run(*ARGS, "--port", "8000")
    before = snapshot()
    with pytest.raises(CommandError, match="đang hiển thị cổng"):
        run("--title", "Cổng khác", "--hostname", "baucu.example.vn")
    assert snapshot() == before
    run("--title", "Cổng khác", "--hostname", "baucu.example.vn", "--new-site")
    assert page_model(mixins.ElectionPortalMixin).objects.count() == 2


def test_a_changed_title_for_an_existing_slug_is_refused():
    run(*ARGS, "--slug", "bau-cu")
    with pytest.raises(CommandError, match="có tiêu đề"):
        run("--title", "Khác", "--hostname", "127.0.0.1", "--slug", "bau-cu")


def admin_user(superuser: bool):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser("root", "root@example.invalid", "x")
    user = User.objects.create_user("staff", "staff@example.invalid", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_admin_form_creates_the_portal_for_a_superuser(client):
    client.force_login(admin_user(superuser=True))
    url = reverse("wagtail_baucu_create_portal")
    page = client.get(url)
    assert page.status_code == 200 and "Tạo cổng thông tin bầu cử" in page.content.decode()
    data = {"title": TITLE, "hostname": "127.0.0.1", "port": "8000", "election_day": "15/03/2026"}
    response = client.post(url, {**data, "remove_home_page": "on"})
    portal = page_model(mixins.ElectionPortalMixin).objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "wagtailadmin_explore", args=[portal.pk]
    )
    assert Site.objects.get().root_page_id == portal.pk


def test_the_admin_form_keeps_what_was_typed_with_a_vietnamese_error(client):
    client.force_login(admin_user(superuser=True))
    before = snapshot()
    data = {
        "title": TITLE,
        "hostname": "https://baucu.vn",
        "port": "8000",
        "election_day": "hôm nay",
    }
    response = client.post(reverse("wagtail_baucu_create_portal"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "không phải tên máy chủ" in html and 'value="Bầu cử đại biểu Quốc hội khóa XVI"' in html
    assert snapshot() == before


def test_the_admin_form_is_refused_to_other_users(client):
    client.force_login(admin_user(superuser=False))
    url = reverse("wagtail_baucu_create_portal")
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
    assert client.get(url).url == reverse("wagtailadmin_home")
    client.post(url, {"title": TITLE, "hostname": "127.0.0.1", "port": "8000"})
    assert not page_model(mixins.ElectionPortalMixin).objects.exists()

"""An alias shows its source's content: it is public only while the source is public too.

The source is an article in an agency's space; its alias, made with Wagtail's own
``create_alias``, sits in the news index. Hiding the source in each way below must hide the
alias on every surface that lists, finds, links or encodes it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

MARK = "Zebra"  # in the title, lead and body of the source, and so of its alias
LIST_SURFACES = [
    "/",
    "/tin-tuc/",
    "/feed/rss/",
    "/feed/atom/",
    "/feed/json/",
    "/tin-tuc/feed/rss/",
    "/tin-tuc/feed/atom/",
    "/tin-tuc/feed/json/",
    "/tim-kiem/?q=zebra",
    "/tim-kiem/?q=hom+phieu",
    "/api/v2/news/?search=zebra",
    "/api/v2/news/",
    "/api/v2/pages/",
    "/api/v2/pages/?search=zebra",
    "/sitemap.xml",
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(site_tree, agencies):
    agency = agencies["UBBC"]
    space = site_tree.agency_page(agency)
    source = site_tree.article(
        f"Tin {MARK} về hòm phiếu",
        agency=agency,
        in_agency_space=True,
        lead=f"Lời dẫn {MARK}.",
        body=[("paragraph", f"<p>Nội dung {MARK} về hòm phiếu.</p>")],
    )
    alias = source.create_alias(parent=site_tree.news_index, update_slug="tin-bi-danh")
    reader = site_tree.article("Tin công khai khác")
    site_tree.space, site_tree.source, site_tree.alias, site_tree.reader = (
        space,
        source,
        alias,
        reader,
    )
    return site_tree


def hide_source(world, how: str) -> None:
    """Hide the alias's source through Wagtail's own models and actions."""
    source = world.source
    if how == "password":
        factories.restrict(source, PageViewRestriction.PASSWORD)
    elif how == "login":
        factories.restrict(source, PageViewRestriction.LOGIN)
    elif how == "group":
        from django.contrib.auth.models import Group

        restriction = factories.restrict(source, PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="Ban bầu cử"))
    elif how == "private parent":
        factories.restrict(world.space, PageViewRestriction.PASSWORD)
    elif how == "moved under a private parent":
        private = factories.model("AgencyPage")(
            title="Không gian riêng", slug="rieng", agency=factories.make_agency("SNV")
        )
        world.agency_index.add_child(instance=private)
        factories.publish(private)
        factories.restrict(private)
        source.refresh_from_db()
        source.move(private, pos="last-child")
    elif how == "expired":
        factories.expire(source, timezone.now() - timedelta(minutes=1))
    elif how == "unpublished":
        source.refresh_from_db()
        source.unpublish()
    else:
        raise ValueError(how)


HOW = [
    "password",
    "login",
    "group",
    "private parent",
    "moved under a private parent",
    "expired",
    "unpublished",
]


def test_a_public_alias_is_shown(world, client):
    """The checks below can fail: while the source is public, its alias shows everywhere."""
    shown = [path for path in LIST_SURFACES if MARK.encode() in client.get(path).content]
    assert "/tin-tuc/" in shown and "/feed/rss/" in shown and "/api/v2/news/?search=zebra" in shown
    assert "/tim-kiem/?q=zebra" in shown
    alias_path = world.alias.get_url_parts()[2]
    assert client.get(alias_path + "qr.svg").status_code == 200
    assert client.get(f"/p/{world.alias.pk}/").status_code == 302
    assert world.alias.full_url.encode() in client.get("/sitemap.xml").content


@pytest.mark.parametrize("how", HOW)
def test_an_alias_of_a_hidden_page_is_hidden_everywhere(world, client, how):
    hide_source(world, how)
    world.alias.refresh_from_db()
    alias_path = world.alias.get_url_parts()[2]

    for path in LIST_SURFACES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert MARK.encode() not in response.content, path
    assert world.alias.full_url.encode() not in client.get("/sitemap.xml").content

    other_news = client.get(world.reader.get_url_parts()[2])
    assert MARK.encode() not in other_news.content  # "Tin khác"

    for suffix in ("qr.svg", "qr.png"):
        assert client.get(alias_path + suffix).status_code == 404, suffix
    assert client.get(f"/p/{world.alias.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{world.alias.pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": alias_path}).status_code == 404

    # Not found, or Wagtail's password or login form: never the content.
    for path in (alias_path, alias_path + "print/"):
        response = client.get(path)
        assert response.status_code in (200, 302, 404), path
        assert MARK.encode() not in response.content, path

"""``<page URL>qr.svg``, ``qr.png`` and ``/p/<id>/`` over HTTP, decoded by zbar."""

import io
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from PIL import Image
from wagtail.models import PageViewRestriction, Revision

from tests.factories import make_portal, publish
from tests.qr.scan import decode_png, decode_svg
from tests.shared_cache import redis_available, redis_cache, renew_connections
from wagtail_baucu.qr import render, service, urls_for

pytestmark = pytest.mark.django_db


def scan(client, page_url: str, fmt: str, **extra) -> str:
    """Fetch a page's code over HTTP and return the text zbar reads from it."""
    response = client.get(f"{page_url}qr.{fmt}", **extra)
    assert response.status_code == 200, response.content[:200]
    if fmt == "svg":
        assert response["Content-Type"] == "image/svg+xml"
        return decode_svg(response.content)
    assert response["Content-Type"] == "image/png"
    return decode_png(response.content)


def assert_not_found(client, page_id: int, url: str):
    for path in (f"{url}qr.svg", f"{url}qr.png", f"/p/{page_id}/"):
        assert client.get(path).status_code == 404, path


@pytest.fixture
def short_codes(settings):
    settings.WAGTAIL_BAUCU = {**settings.WAGTAIL_BAUCU, "QR_TARGET": "short"}


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_ascii_title(client, site_tree, fmt):
    article = site_tree.article("Election day announced")
    assert article.full_url == "http://testserver/tin-tuc/election-day-announced/"
    assert scan(client, article.url, fmt) == article.full_url


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_vietnamese_title(client, site_tree, fmt):
    article = site_tree.article("Tăng cường thông tin về bầu cử đại biểu Quốc hội")
    assert scan(client, article.url, fmt) == article.full_url
    assert "tang-cuong-thong-tin-ve-bau-cu" in article.full_url


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_unicode_slug_is_percent_encoded(client, site_tree, fmt):
    # Slugs are ASCII when saved through the package; older content may hold Unicode ones.
    article = site_tree.article("Bầu cử")
    type(article).objects.filter(pk=article.pk).update(
        slug="bầu-cử", url_path=site_tree.news_index.url_path + "bầu-cử/"
    )
    article.refresh_from_db()
    assert scan(client, article.url, fmt) == iri_to_uri(article.full_url)
    assert iri_to_uri(article.full_url).endswith("/tin-tuc/b%E1%BA%A7u-c%E1%BB%AD/")


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_every_page_type(client, site_tree, agencies, fmt):
    for page in site_tree.one_page_of_each_type(agencies["UBBC"]):
        assert scan(client, page.url, fmt) == page.full_url


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_page_under_another_site_host_and_port(client, site_tree, fmt):
    other = make_portal(hostname="baucu.hanoi.example.vn", port=8080, slug="bau-cu-ha-noi")
    article = other.article("Danh sách cử tri")
    url = "http://baucu.hanoi.example.vn:8080/tin-tuc/danh-sach-cu-tri/"
    assert article.get_full_url() == url
    text = scan(
        client,
        "/tin-tuc/danh-sach-cu-tri/",
        fmt,
        HTTP_HOST="baucu.hanoi.example.vn:8080",
        SERVER_PORT="8080",
    )
    assert text == url
    # The default site has no such page.
    assert client.get(f"/tin-tuc/danh-sach-cu-tri/qr.{fmt}").status_code == 404


def test_slug_change_gives_a_new_code(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    old_url = article.url
    assert scan(client, old_url, "svg") == article.full_url
    article.slug = "lich-bau-cu-moi"
    publish(article)
    assert client.get(old_url + "qr.svg").status_code == 404
    assert scan(client, article.url, "svg") == "http://testserver/tin-tuc/lich-bau-cu-moi/"
    assert scan(client, article.url, "png") == "http://testserver/tin-tuc/lich-bau-cu-moi/"


def test_site_host_change_gives_a_new_code(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    assert scan(client, article.url, "svg") == "http://testserver/tin-tuc/lich-bau-cu/"
    site_tree.site.port = 8000
    site_tree.site.save()
    assert scan(client, article.url, "svg", SERVER_PORT="8000") == (
        "http://testserver:8000/tin-tuc/lich-bau-cu/"
    )


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_short_link_code_redirects_to_the_page_and_survives_a_slug_change(
    client, site_tree, short_codes, fmt
):
    article = site_tree.article("Lịch bầu cử")
    short = f"http://testserver/p/{article.pk}/"
    assert scan(client, article.url, fmt) == short
    response = client.get(short)
    assert response.status_code == 302
    assert response["Location"] == article.full_url

    article.slug = "lich-bau-cu-moi"
    publish(article)
    assert scan(client, article.url, fmt) == short
    assert client.get(short)["Location"] == "http://testserver/tin-tuc/lich-bau-cu-moi/"
    assert client.get(short, follow=True).status_code == 200


def test_short_link_follows_a_move(client, site_tree, agencies):
    article = site_tree.article("Lịch bầu cử")
    assert scan(client, article.url, "svg") == "http://testserver/tin-tuc/lich-bau-cu/"
    space = site_tree.agency_page(agencies["UBBC"])
    article.move(space, pos="last-child")
    assert client.get(f"/p/{article.pk}/")["Location"] == (
        "http://testserver/co-quan/ubbc/lich-bau-cu/"
    )
    assert client.get("/tin-tuc/lich-bau-cu/qr.svg").status_code == 404
    moved = "http://testserver/co-quan/ubbc/lich-bau-cu/"
    assert scan(client, "/co-quan/ubbc/lich-bau-cu/", "svg") == moved


def test_short_link_on_another_site(client, site_tree):
    other = make_portal(hostname="baucu.hanoi.example.vn", port=8080, slug="bau-cu-ha-noi")
    article = other.article("Danh sách cử tri")
    assert urls_for(article)["short"] == f"http://baucu.hanoi.example.vn:8080/p/{article.pk}/"


def test_urls_for(site_tree, rf):
    article = site_tree.article("Lịch bầu cử")
    assert urls_for(article, rf.get("/")) == {
        "page": "http://testserver/tin-tuc/lich-bau-cu/",
        "target": "http://testserver/tin-tuc/lich-bau-cu/",
        "short": f"http://testserver/p/{article.pk}/",
        "svg": "http://testserver/tin-tuc/lich-bau-cu/qr.svg",
        "png": "http://testserver/tin-tuc/lich-bau-cu/qr.png",
    }


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="bi-mat")


def schedule(page):
    page.go_live_at = timezone.now() + timezone.timedelta(days=2)
    page.save_revision().publish()


TRANSITIONS = {
    "unpublished": lambda tree, page: page.unpublish(),
    "view restriction on the page": lambda tree, page: make_private(page),
    "view restriction on the parent": lambda tree, page: make_private(tree.news_index),
    "deleted": lambda tree, page: page.delete(),
}


@pytest.mark.parametrize("transition", TRANSITIONS)
def test_no_code_after_the_page_stops_being_public(client, site_tree, transition):
    article = site_tree.article("Lịch bầu cử")
    url, pk = article.url, article.pk
    assert client.get(url + "qr.svg").status_code == 200
    assert client.get(url + "qr.png").status_code == 200
    assert client.get(f"/p/{pk}/").status_code == 302
    TRANSITIONS[transition](site_tree, article)
    assert_not_found(client, pk, url)


def test_no_code_once_the_expiry_time_passes_without_any_event(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    soon = timezone.now() + timezone.timedelta(seconds=1)
    article.expire_at = soon
    publish(article)  # an editor sets the expiry and publishes again
    url, pk = article.url, article.pk
    for fmt in ("svg", "png"):  # the second request is answered from the cache
        assert client.get(f"{url}qr.{fmt}").status_code == 200
        assert client.get(f"{url}qr.{fmt}").status_code == 200
    while timezone.now() <= soon:
        time.sleep(0.1)
    assert_not_found(client, pk, url)


def test_no_code_for_a_draft_never_published(client, site_tree):
    article = site_tree.article("Bản nháp", live=False)
    assert_not_found(client, article.pk, "/tin-tuc/ban-nhap/")


def test_no_code_before_go_live_at(client, site_tree):
    article = site_tree.article("Sắp đăng", live=False)
    schedule(article)
    article.refresh_from_db()
    assert not article.live
    assert_not_found(client, article.pk, "/tin-tuc/sap-dang/")


def test_no_code_for_pages_outside_the_package_or_unknown_paths(client, site_tree):
    root = site_tree.portal.get_parent()
    assert client.get(f"/p/{root.pk}/").status_code == 404
    assert client.get("/khong-co/qr.svg").status_code == 404
    assert client.get("/p/999999/").status_code == 404


def test_parameters_cannot_change_what_is_encoded(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    query = "?url=http://evil.example/&text=x&data=y&target=short&ec=L"
    response = client.get(article.url + "qr.svg" + query)
    assert decode_svg(response.content) == article.full_url
    response = client.get(article.url + "qr.png" + query + "&size=200")
    assert decode_png(response.content) == article.full_url


BAD_SIZES = ["abc", "-5", "10", "63", "2049", "99999999999999999999", "1e3", "200px"]


@pytest.mark.parametrize("size", BAD_SIZES)
def test_png_size_out_of_range_is_400(client, site_tree, size):
    article = site_tree.article("Lịch bầu cử")
    assert client.get(article.url + "qr.png", {"size": size}).status_code == 400


def test_png_size_within_range(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    default = client.get(article.url + "qr.png?size=")
    assert Image.open(io.BytesIO(default.content)).width <= 300
    for size in (64, 200, 2048):
        response = client.get(article.url + "qr.png", {"size": size})
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.content)).width <= size
        assert decode_png(response.content) == article.full_url


def test_etag_cache_control_and_304(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    for fmt in ("svg", "png"):
        response = client.get(article.url + f"qr.{fmt}")
        assert "max-age=3600" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        etag = response["ETag"]
        again = client.get(article.url + f"qr.{fmt}", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        other = client.get(article.url + f"qr.{fmt}", HTTP_IF_NONE_MATCH='"other"')
        assert other.status_code == 200


def test_only_safe_methods(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    assert client.post(article.url + "qr.svg").status_code == 405
    assert client.head(article.url + "qr.svg").status_code == 200


def test_query_counts_and_second_request_does_no_encoding(
    client, site_tree, django_assert_num_queries
):
    article = site_tree.article("Lịch bầu cử")
    client.get("/")  # warms Wagtail's cache of site root paths, as any earlier request would
    before = render.counts.copy()
    # Site, page, its portal, the generation tokens, whether it is public (read again after
    # the tokens).
    with django_assert_num_queries(5):
        assert client.get(article.url + "qr.svg").status_code == 200
    with django_assert_num_queries(5):
        assert client.get(article.url + "qr.png").status_code == 200
    assert render.counts["encode"] - before["encode"] == 1
    assert render.counts["png"] - before["png"] == 1
    # Repeats: the generation tokens (one indexed query, so a change made by any process counts)
    # and the cache entry of the address.
    for fmt in ("svg", "png", "svg", "png"):
        with django_assert_num_queries(1):
            assert client.get(article.url + f"qr.{fmt}").status_code == 200
    # A publish elsewhere in the portal renews the token: visibility is read again, the code
    # itself is not encoded again.
    site_tree.article("Bài khác")
    for fmt in ("svg", "png"):
        with django_assert_num_queries(5):
            assert client.get(article.url + f"qr.{fmt}").status_code == 200
    assert render.counts["encode"] - before["encode"] == 1
    assert render.counts["png"] - before["png"] == 1
    with django_assert_num_queries(2):
        assert client.get(f"/p/{article.pk}/").status_code == 302


def test_the_title_is_in_the_page_language_whatever_the_request_asks(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    for language in ("vi", "en", "en", "fr;q=abc"):  # the repeats come from the cache
        response = client.get(article.url + "qr.svg", HTTP_ACCEPT_LANGUAGE=language)
        title = response.content.decode().split("<title>")[1].split("</title>")[0]
        assert title == f"Mã QR của {article.full_url}"


@pytest.mark.skipif(not redis_available(), reason="no Redis on localhost")
def test_a_repeat_from_the_shared_cache_sees_an_unpublish_from_another_process(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    url = article.url + "qr.svg"
    with override_settings(CACHES=redis_cache("baucu-qr-test")):
        try:
            first = client.get(url)
            assert first.status_code == 200
            renew_connections()  # as another worker process: only what Redis holds
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url)["ETag"] == first["ETag"]
            assert len(queries) == 1  # the generation tokens
            article.unpublish()
            renew_connections()
            assert client.get(url).status_code == 404
        finally:
            caches["default"].clear()
            renew_connections()


def test_generating_codes_never_saves_or_publishes(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    live_revision = article.live_revision_id
    article.title = "Bản nháp chưa duyệt"
    article.save_revision()
    revisions = Revision.objects.count()
    article.refresh_from_db()
    modified = article.latest_revision_created_at
    for path in ("qr.svg", "qr.png", "", "print/"):
        assert client.get(article.url + path).status_code == 200
    assert client.get(f"/p/{article.pk}/").status_code == 302
    article.refresh_from_db()
    assert Revision.objects.count() == revisions
    assert article.live_revision_id == live_revision
    assert article.has_unpublished_changes
    assert article.title == "Lịch bầu cử"
    assert article.latest_revision_created_at == modified


def test_cache_is_shared_through_djangos_cache(site_tree):
    url = "http://testserver/tin-tuc/lich-bau-cu/"
    first = service.svg_for(url)
    render.counts.clear()  # as in another process: nothing in memory, only the shared cache
    assert service.svg_for(url) == first
    assert render.counts["encode"] == 0


def test_an_address_no_code_can_hold_is_404_not_500(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    site_tree.site.hostname = "đ" * 70 + ".vn"  # a label IDNA rejects (over 63 characters)
    site_tree.site.save()
    # The default site still answers for "testserver"; its pages' URLs use the bad host.
    assert client.get(article.url + "qr.svg").status_code == 404
    assert client.get(article.url + "qr.png").status_code == 404
    page = client.get(article.url)
    assert page.status_code == 200
    assert b"<svg" not in page.content
    assert b"baucu-share" not in page.content

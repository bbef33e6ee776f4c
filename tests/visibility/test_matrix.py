"""Every state on every surface, through HTTP: a page that is not public shows nowhere.

One scene (``tests.visibility.scene``) holds every state, built once for the module inside a
transaction rolled back at the end; each cell of ``MATRIX`` is one test.
"""

from __future__ import annotations

import json

import lxml.html
import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from tests import factories
from tests.visibility.matrix import MATRIX, SURFACES
from tests.visibility.scene import STATES, build_scene
from wagtail_baucu.files import original_image_url

pytestmark = pytest.mark.django_db

API = "/api/v2/"
# Feeds that would carry an article or a directive of the scene.
CARRYING = {
    "article": ["/", "/tin-tuc/", "/tin-tuc/chuyen-muc/tuyen-truyen/", "/co-quan/ubbc/"],
    "directive": ["/", "/van-ban-chi-dao/", "/van-ban-chi-dao/loai/kh/"],
    "question": ["/hoi-dap/"],
}
# The private agency space's feeds: closed, and never carrying anything either.
ALL_FEEDS = sorted({base for bases in CARRYING.values() for base in bases} | {"/co-quan/bimat/"})
FORMATS = {"RSS": "rss", "Atom": "atom", "JSON Feed": "json"}
LISTS = {
    "article": ["/", "/tin-tuc/", "/co-quan/ubbc/"],
    "directive": ["/van-ban-chi-dao/"],
    "question": ["/hoi-dap/"],
}
ENDPOINT_KINDS = {
    "pages": {"article", "directive", "question"},
    "news": {"article"},
    "directives": {"directive"},
}


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            agencies = {"UBBC": factories.make_agency("UBBC", "Ủy ban bầu cử thành phố")}
            yield build_scene(agencies)
            transaction.set_rollback(True)
        # Cached answers name ids the rollback frees for the next tests.
        cache.clear()


def text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def get(client, url: str, status: int | None = 200):
    response = client.get(url)
    if status is not None:
        assert response.status_code == status, (url, response.status_code)
    return response


def assert_nothing_of(item, html: str, where: str):
    """Neither the text of ``item``'s hidden pages or drafts nor a link to them."""
    for marker in item.absent_markers:
        assert marker not in html, (where, marker)
    for page in item.hidden:
        assert page.full_url not in html, (where, page.full_url)
        assert f'"{page.path}"' not in html, (where, page.path)


def answer_of_own_url(client, item, expectation, suffix: str):
    for page in item.visible:
        html = text(get(client, page.path + suffix))
        assert page.marker in html
        assert_nothing_of(item, html, page.path + suffix)
    for page in item.hidden:
        response = client.get(page.path + suffix)
        # The password form sends the visitor back to the URL they asked for, slug and all.
        html = text(response).replace(page.path, "")
        assert_nothing_of(item, html, page.path + suffix)
        if expectation == "password form":
            assert response.status_code == 200
            assert 'name="password"' in html
        elif expectation == "login page":
            assert response.status_code == 302
            assert "login" in response["Location"]
        else:
            assert response.status_code == 404


def check_page(client, scene, item, expectation):
    answer_of_own_url(client, item, expectation, "")


def check_print(client, scene, item, expectation):
    answer_of_own_url(client, item, expectation, "print/")


def check_qr(fmt, media_type):
    def check(client, scene, item, expectation):
        for page in item.visible:
            response = get(client, f"{page.path}qr.{fmt}")
            assert response["Content-Type"].startswith(media_type)
        for page in item.hidden:
            get(client, f"{page.path}qr.{fmt}", 404)

    return check


def check_short_link(client, scene, item, expectation):
    for page in item.visible:
        assert get(client, f"/p/{page.pk}/", 302)["Location"] == page.full_url
    for page in item.hidden:
        get(client, f"/p/{page.pk}/", 404)


def check_find(client, scene, item, expectation):
    for page in item.visible:
        get(client, f"{API}pages/find/?html_path={page.path}", 302)
    for page in item.hidden:
        get(client, f"{API}pages/find/?html_path={page.path}", 404)


def check_feeds(paths_of):
    def check(client, scene, item, expectation):
        for path in paths_of(ALL_FEEDS):
            response = client.get(path)
            assert response.status_code in (200, 302), path
            assert_nothing_of(item, text(response), path)
        for page in item.visible:
            for path in paths_of(CARRYING[page.kind]):
                html = text(get(client, path))
                assert page.marker in html and page.full_url in html, path

    return check


def check_format(name):
    return check_feeds(lambda bases: [f"{base}feed/{FORMATS[name]}/" for base in bases])


def check_archives(client, scene, item, expectation):
    month = timezone.localtime().strftime("%Y-%m")
    check_feeds(
        lambda bases: [
            f"{base}feed/{fmt}/archive/{month}/"
            for base in bases
            if base != "/co-quan/bimat/"
            for fmt in FORMATS.values()
        ]
    )(client, scene, item, expectation)


def listed(client, url: str) -> tuple[set[int], str]:
    html = text(get(client, url + ("&" if "?" in url else "?") + "limit=100"))
    return {entry["id"] for entry in json.loads(html)["items"]}, html


def check_api(endpoint):
    kinds = ENDPOINT_KINDS[endpoint]

    def check(client, scene, item, expectation):
        for url in [f"{API}{endpoint}/", f"{API}{endpoint}/?search={item.marker}"]:
            ids, html = listed(client, url)
            assert_nothing_of(item, html, url)
            assert not {page.pk for page in item.hidden} & ids, url
        for page in item.hidden:
            get(client, f"{API}{endpoint}/{page.pk}/", 404)
        for page in item.visible:
            if page.kind not in kinds:
                continue
            ids, _ = listed(client, f"{API}{endpoint}/?search={page.marker}")
            assert page.pk in ids
            html = text(get(client, f"{API}{endpoint}/{page.pk}/"))
            assert page.marker in html
            assert_nothing_of(item, html, f"{endpoint}/{page.pk}/")

    return check


def check_agencies(client, scene, item, expectation):
    html = text(get(client, f"{API}agencies/?limit=100"))
    assert "UBBC" in html
    assert_nothing_of(item, html, "agencies/")


def check_api_media(endpoint, objects_of):
    def check(client, scene, item, expectation):
        ids, html = listed(client, f"{API}{endpoint}/")
        assert_nothing_of(item, html, endpoint)
        for obj in objects_of(item):
            if item.visible:
                assert obj.pk in ids
                get(client, f"{API}{endpoint}/{obj.pk}/")
            else:
                assert obj.pk not in ids
                get(client, f"{API}{endpoint}/{obj.pk}/", 404)

    return check


def links(html: str) -> str:
    """The texts and targets of a page's links: what it lists, not what it repeats of a query."""
    tree = lxml.html.fromstring(html)
    return " ".join(f'"{a.get("href")}" {a.text_content()}' for a in tree.iter("a"))


# Where each kind is searched: the portal's search, and the Q&A index's own.
SEARCH = {"article": "/tim-kiem/", "directive": "/tim-kiem/", "question": "/hoi-dap/"}


def check_search(client, scene, item, expectation):
    for search in sorted(set(SEARCH.values())):
        for marker in item.absent_markers:
            assert_nothing_of(item, links(text(get(client, f"{search}?q={marker}"))), "search")
    for page in item.visible:
        search = SEARCH[page.kind]
        assert page.marker in links(text(get(client, f"{search}?q={page.marker}")))


def check_sitemap(client, scene, item, expectation):
    html = text(get(client, "/sitemap.xml"))
    assert_nothing_of(item, html, "sitemap")
    for page in item.visible:
        assert f"<loc>{page.full_url}</loc>" in html


def check_lists(client, scene, item, expectation):
    for url in sorted({url for urls in LISTS.values() for url in urls}):
        assert_nothing_of(item, text(get(client, url)), url)
    for page in item.visible:
        for url in LISTS[page.kind]:
            assert page.marker in text(get(client, url)), url


def check_other_news(client, scene, item, expectation):
    tree = lxml.html.fromstring(text(get(client, scene.reader.url)))
    (aside,) = tree.xpath("//aside[contains(@class, 'baucu-other-news')]")
    html = lxml.html.tostring(aside, encoding="unicode")
    assert_nothing_of(item, html, "Tin khác")
    for page in item.visible:
        if page.kind == "article":
            assert page.marker in html


def check_press(client, scene, item, expectation):
    html = text(get(client, scene.tree.portal.url + "nguon-tin-bao-chi/"))
    assert "/co-quan/ubbc/feed/rss/" in html
    assert_nothing_of(item, html, "press page")


def check_files(url_of, objects_of):
    def check(client, scene, item, expectation):
        for obj in objects_of(item):
            response = client.get(url_of(obj))
            # Read to the end: the test client then closes the file as a server would.
            text_or_bytes = response.streaming_content if response.streaming else []
            b"".join(text_or_bytes)
            assert response.status_code == (200 if expectation == "served" else 404)

    return check


def images(item):
    return item.images


def files(item):
    return item.files


CHECKS = {
    "page": check_page,
    "print view": check_print,
    "qr.svg": check_qr("svg", "image/svg+xml"),
    "qr.png": check_qr("png", "image/png"),
    "/p/<id>/": check_short_link,
    "RSS": check_format("RSS"),
    "Atom": check_format("Atom"),
    "JSON Feed": check_format("JSON Feed"),
    "monthly archives": check_archives,
    "API pages/": check_api("pages"),
    "API news/": check_api("news"),
    "API directives/": check_api("directives"),
    "API agencies/": check_agencies,
    "API images/": check_api_media("images", images),
    "API documents/": check_api_media("documents", files),
    "API find/": check_find,
    "search": check_search,
    "sitemap": check_sitemap,
    "home and index lists": check_lists,
    "Tin khác": check_other_news,
    "press page": check_press,
    "document file": check_files(lambda document: document.url, files),
    "original image": check_files(original_image_url, images),
}


def test_every_surface_has_a_check():
    assert list(CHECKS) == SURFACES


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("state", STATES)
def test_cell(scene, client, state, surface):
    CHECKS[surface](client, scene, scene.states[state], MATRIX[state][surface])

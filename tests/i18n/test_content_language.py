"""Public surfaces speak the content's language, whatever the browser's Accept-Language says."""

from __future__ import annotations

import gzip
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation
from lxml import etree, html
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

from tests import factories
from tests.elections.world import make_election
from wagtail_baucu import language

LANGUAGES = ["en", "vi", "en-US,en;q=0.9", "fr-FR,fr;q=0.8", "xx-garbage;;q=abc", "*", ""]


@pytest.fixture(autouse=True)
def fresh_state():
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()


def visible_text(response) -> str:
    """What a reader sees: the title and the text of the body (HTML), or every text node (XML,
    SVG), or the JSON text itself; spaces collapsed."""
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    content_type = response["Content-Type"]
    if "html" in content_type:
        # Decoded by the response's charset: not every page repeats it in a <meta> tag.
        tree = html.fromstring(body.decode(response.charset or "utf-8"))
        parts = tree.xpath("//title//text()") + tree.xpath("//body//text()[not(parent::script)]")
        parts += tree.xpath("//@placeholder | //@aria-label | //@alt | //html/@lang")
    elif "xml" in content_type:
        parts = etree.fromstring(body).xpath("//text()")
    else:
        parts = [body.decode()]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def texts_for(client, url: str, **extra) -> dict[str, str]:
    """The visible text of ``url`` for every Accept-Language, each fetched with a cold cache."""
    found = {}
    for accept in LANGUAGES:
        cache.clear()
        headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
        response = client.get(url, **headers, **extra)
        found[accept] = (response.status_code, visible_text(response))
    return found


@pytest.fixture
def portal(site_tree, agencies):
    agency = agencies["UBBC"]
    category = factories.make_category("Tuyên truyền")
    pages = site_tree.one_page_of_each_type(agency)
    article = site_tree.article(
        "Thông báo về ngày bầu cử",
        agency=agency,
        categories=[category],
        source_name="Báo Đà Nẵng",
        source_url="https://baodanang.example.org/bau-cu",
    )
    factories.make_social_channels(
        site_tree.site, [("Fanpage Facebook", "https://www.facebook.com/example")]
    )
    private = site_tree.article("Tài liệu nội bộ")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    return site_tree, pages + [private, article]


def public_urls(site_tree, pages) -> list[str]:
    article, document, agency_page = pages[-1], pages[-3], pages[4]
    portal = site_tree.portal
    # The private article's URL is its password form.
    urls = [page.url for page in pages]
    urls += [article.url + "print/", document.url + "print/"]
    urls += [portal.url + "tim-kiem/?q=bau+cu", portal.url + "nguon-tin-bao-chi/"]
    category = site_tree.news_index.url + "chuyen-muc/tuyen-truyen/"
    document_type = site_tree.document_index.url + "loai/cv/"
    urls += [category, document_type]
    sources = (portal.url, site_tree.news_index.url, site_tree.document_index.url)
    sources += (agency_page.url, category, document_type)
    for source in sources:
        urls += [source + f"feed/{fmt}/" for fmt in ("rss", "atom", "json")]
    urls += [article.url + "qr.svg"]
    urls += ["/api/v2/news/?published_from=hom-qua", "/api/v2/news/?limit=-1"]
    urls += ["/khong-co-trang-nay/", portal.url + "tin-tuc/khong-co/"]
    return urls


def test_every_public_surface_shows_the_same_text_for_every_browser_language(client, portal):
    site_tree, pages = portal
    for url in public_urls(site_tree, pages):
        found = texts_for(client, url)
        assert len(set(found.values())) == 1, (url, found)
        status, text = found["en"]
        assert status in (200, 400, 404), (url, status)
        assert text, url


def test_every_election_surface_shows_the_same_text_for_every_browser_language(client, portal):
    """The election's pages: the units' index, "where do I vote?", a unit and its poster, a
    candidate and the biography sheet."""
    site_tree, pages = portal
    world = make_election(site_tree)
    unit = world.unit(world.assembly, 1)
    candidate = world.candidate(unit, "Nguyễn Văn An")
    world.area("Phường Hoàng Văn Thụ", 1, [unit])
    site_tree.article("Lịch tiếp xúc cử tri", when=factories.local(2021, 5, 13, 9, 0))
    urls = [world.index.url, world.index.url + "tim-noi-bo-phieu/?q=hoang+van+thu"]
    urls += [unit.url, unit.url + "print/", candidate.url, candidate.url + "print/"]
    urls += [site_tree.news_index.url + "feed/atom/archive/2021-05/"]
    for url in urls:
        found = texts_for(client, url)
        assert len(set(found.values())) == 1, (url, found)
        assert found["en"][0] == 200, url


def test_the_error_pages_show_the_same_text_for_every_browser_language(portal):
    """The 400 and 500 templates, each produced by a real request."""
    site_tree, pages = portal
    client = Client(raise_request_exception=False)
    too_many_fields = "&".join(f"f{i}=1" for i in range(1001))
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        requests = [
            # More query fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django's SuspiciousOperation.
            (400, site_tree.portal.url + "tim-kiem/?" + too_many_fields, {}),
            # A host the site does not serve.
            (400, site_tree.portal.url, {"HTTP_HOST": "khong-phai.example.org"}),
        ]
        for status, url, extra in requests:
            found = texts_for(client, url, **extra)
            assert len(set(found.values())) == 1, (url, found)
            assert found["en"][0] == status, url
            assert "Yêu cầu không hợp lệ" in found["en"][1]
    # A misconfigured time zone fails every date the article shows.
    with override_settings(WAGTAIL_BAUCU={"TIME_ZONE": "Khong/Co"}):
        found = texts_for(client, pages[-1].url)
    assert len(set(found.values())) == 1, found
    assert found["en"][0] == 500
    assert "Lỗi máy chủ" in found["en"][1]


def test_the_password_form_is_vietnamese(client, portal):
    site_tree, pages = portal
    text = visible_text(client.get(pages[-2].url, HTTP_ACCEPT_LANGUAGE="en"))
    assert "Cần mật khẩu" in text and "Password required" not in text


def test_the_shared_text_is_vietnamese(client, portal):
    site_tree, pages = portal
    article = pages[-1]
    response = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="vi">' in response.content.decode()
    page = visible_text(response)
    for words in ["Chuyển đến nội dung chính", "Ngày bầu cử", "Nguồn tin", "Gốc", "Tin khác"]:
        assert words in page
    for english in ["Skip to content", "Election day", "Other news", "Scan to open this page"]:
        assert english not in page

    qr = client.get(article.url + "qr.svg", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"<title>Mã QR của {article.full_url}</title>" in qr

    api = client.get("/api/v2/news/?published_from=hom-qua", HTTP_ACCEPT_LANGUAGE="en")
    assert api.status_code == 400
    assert api.json()["message"].startswith("published_from phải là ngày hoặc ngày giờ")

    missing = client.get("/khong-co-trang-nay/", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in visible_text(missing)


def test_the_admin_keeps_the_user_language(admin_client, admin_user, site_tree):
    profile = UserProfile.get_for_user(admin_user)
    for preferred, accept in [("en", "vi"), ("vi", "en")]:
        profile.preferred_language = preferred
        profile.save()
        response = admin_client.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE=accept)
        assert f'<html lang="{preferred}"' in response.content.decode()


@pytest.fixture
def two_locales(site_tree, agencies):
    """The Vietnamese portal at testserver and an English one at en.testserver."""
    english = Locale.objects.create(language_code="en")
    with override_settings(
        WAGTAIL_I18N_ENABLED=True,
        WAGTAIL_CONTENT_LANGUAGES=[("vi", "Tiếng Việt"), ("en", "English")],
        ALLOWED_HOSTS=["*"],
    ):
        english_portal = factories.make_portal(
            "en.testserver", slug="election-2026", title="Election portal", locale=english
        )
        for portal in (site_tree, english_portal):
            portal.article("Older", when=factories.local(2021, 4, 1, 9, 0))
            portal.article(
                "Newest",
                source_url="https://example.org/source",
                when=factories.local(2021, 4, 2, 9, 0),
            )
        yield site_tree, english_portal


def test_each_portal_speaks_its_own_locale(client, two_locales):
    vietnamese, english = two_locales
    for portal, host, expected, absent in [
        (vietnamese, "testserver", ["Tin khác", "Gốc", "Ngày bầu cử", "Mã QR"], "Other news"),
        (english, "en.testserver", ["Other news", "Original", "Election day", "QR"], "Tin khác"),
    ]:
        article = portal.news_index.get_children().live().order_by("-pk").first().specific
        assert article.locale.language_code == ("vi" if portal is vietnamese else "en")
        for url in [article.url, article.url + "print/", article.url + "qr.svg"]:
            found = texts_for(client, url, HTTP_HOST=host)
            assert len(set(found.values())) == 1, (url, found)
        response = client.get(article.url, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="vi")
        assert f'<html lang="{article.locale.language_code}">' in response.content.decode()
        page = visible_text(response)
        for words in expected:
            assert words in page, (host, words)
        assert absent not in page
        feed = texts_for(client, portal.portal.url + "feed/atom/", HTTP_HOST=host)
        assert len(set(feed.values())) == 1
        # A private page's password form speaks its page's language too.
        private = portal.article("Private" if portal is english else "Riêng tư")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
        )
        found = texts_for(client, private.url, HTTP_HOST=host)
        assert len(set(found.values())) == 1, found
        heading = "Password required" if portal is english else "Cần mật khẩu"
        assert heading in found["en"][1]
        # After a wrong password, Wagtail's own view shows the form again: still the page's.
        restriction = PageViewRestriction.objects.get(page=private)
        url = f"/_util/authenticate_with_password/{restriction.pk}/{private.pk}/"
        wrong = {}
        for accept in LANGUAGES:
            response = client.post(
                url,
                {"password": "sai", "return_url": private.url},
                HTTP_HOST=host,
                HTTP_ACCEPT_LANGUAGE=accept,
            )
            wrong[accept] = (response.status_code, visible_text(response))
        assert len(set(wrong.values())) == 1, wrong
        status, text = wrong["en"]
        error = (
            "The password you have entered is not correct"
            if portal is english
            else "Mật khẩu bạn điền vào là không chính xác"
        )
        assert status == 200 and heading in text and error in text, text
        assert ("Cần mật khẩu" if portal is english else "Password required") not in text


def editor_with_admin_language(language: str):
    user = get_user_model().objects.create_superuser(f"bientap-{language}", "", "x")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def previews(client, page, host: str = "testserver") -> dict[str, str]:
    """The visible text of ``page``'s previews: the edit form's preview (the form as the
    editor's browser sends it, which the preview panel and the new tab show) and the draft."""
    headers = {"HTTP_HOST": host, "HTTP_ACCEPT_LANGUAGE": "fr"}
    edit = client.get(f"/admin/pages/{page.pk}/edit/", **headers)
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
    # The StreamField's inputs are made by the admin's JavaScript: its value is sent as they are.
    paragraphs = [("paragraph", rich_text(block.value.source)) for block in page.body]
    data.update(nested_form_data({"body": streamfield(paragraphs)}))
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data, **headers).json() == {"is_valid": True, "is_available": True}
    found = {}
    for name, path in [("edit", url), ("draft", f"/admin/pages/{page.pk}/view_draft/")]:
        response = client.get(path, **headers)
        assert response.status_code == 200, name
        found[name] = visible_text(response)
    return found


def test_a_preview_speaks_the_page_language_not_the_editors(client, portal):
    """A preview is what readers will see: an editor whose admin is in English previews a
    Vietnamese article in Vietnamese."""
    site_tree, pages = portal
    article = pages[-1]
    client.force_login(editor_with_admin_language("en"))
    assert '<html lang="en"' in client.get("/admin/").content.decode()
    for name, text in previews(client, article).items():
        for words in ["Chuyển đến nội dung chính", "Ngày bầu cử", "Nguồn tin", "Gốc"]:
            assert words in text, (name, words)
        for english in ["Skip to content", "Election day", "Source", "Original"]:
            assert english not in text, (name, english)


def test_an_english_page_previews_in_english_for_a_vietnamese_editor(client, two_locales):
    vietnamese, english = two_locales
    client.force_login(editor_with_admin_language("vi"))
    article = english.news_index.get_children().live().order_by("-pk").first().specific
    for name, text in previews(client, article, host="en.testserver").items():
        for words in ["Other news", "Original", "Election day"]:
            assert words in text, (name, words)
        for vietnamese_words in ["Tin khác", "Gốc", "Ngày bầu cử"]:
            assert vietnamese_words not in text, (name, vietnamese_words)


def test_the_system_check_asks_for_the_middleware():
    locale = language.LOCALE_MIDDLEWARE_PATH
    ours = language.MIDDLEWARE_PATH
    common = "django.middleware.common.CommonMiddleware"
    cases = {
        (common, ours): [],
        (locale, common, ours): [],
        (ours, locale): ["wagtail_baucu.W003"],
        (locale, common): ["wagtail_baucu.W003"],
        (common,): ["wagtail_baucu.W004"],
    }
    for middleware, expected in cases.items():
        with override_settings(MIDDLEWARE=list(middleware)):
            assert [m.id for m in language.check_middleware()] == expected, middleware


def test_the_example_site_passes_the_check():
    call_command("check", "--fail-level", "WARNING")

"""Odd content never breaks a feed, and nothing executable gets through."""

from __future__ import annotations

import json
import os

import pytest
from lxml import etree

from tests import factories
from tests.feeds.conftest import FORMATS, body, fetch, parse

pytestmark = pytest.mark.django_db

NASTY_HTML = (
    '<p onclick="steal()">Bấm <a href="javascript:alert(1)">đây</a>'
    '<a href=" JaVaScRiPt:alert(2)">hai</a><a href="data:text/html,x">ba</a></p>'
    "<script>alert('x')</script><style>p{}</style>"
    '<p><img src="/media/x.png" onerror="steal()"><iframe src="http://evil.example/"></iframe></p>'
    # PostgreSQL refuses to store NUL itself; every other control character gets through.
    '<p style="color:red" class="x">Chữ 🗳️ ✅ \x01\x08\x0b\x0c\x1f\ufffe thường</p>'
)


def assert_clean(raw: bytes):
    text = raw.decode("utf-8")
    lowered = text.lower()
    for bad in (
        "<script",
        "&lt;script",
        "javascript:",
        "onclick",
        "onerror",
        "<iframe",
        "&lt;iframe",
    ):
        assert bad not in lowered, bad
    assert not any(c in text for c in "\x01\x02\x08\x0b\x0c\x1f\ufffe")


def all_formats(client, base: str = "/tin-tuc/"):
    for fmt in FORMATS:
        raw = body(fetch(client, f"{base}feed/{fmt}/"))
        assert_clean(raw)
        if fmt == "json":
            json.loads(raw)
        else:
            etree.fromstring(raw)  # well-formed XML
            parse(client, f"{base}feed/{fmt}/")


def test_control_characters_emoji_and_scripts(site_tree, agencies, client):
    site_tree.article(
        "Tiêu đề \x01có\x1f ký tự điều khiển 🗳️",
        lead="Sapo \x0b với \x02 ký tự lạ ✅",
        agency=agencies["UBBC"],
        body=[("paragraph", NASTY_HTML), ("quote", {"text": "Trích \x02 dẫn", "attribution": ""})],
    )
    all_formats(client)
    entry = parse(client, "/tin-tuc/feed/atom/").entries[0]
    assert entry.title == "Tiêu đề có ký tự điều khiển 🗳️"
    content = entry.content[0].value
    assert "Chữ 🗳️ ✅  thường" in content or "Chữ 🗳️ ✅ thường" in content
    assert "http://testserver/media/x.png" in content
    assert "đây" in content  # the link text stays, without its link


def test_a_very_long_article(site_tree, agencies, client):
    words = " ".join(["bầu cử"] * 10_000)  # 20,000 words
    site_tree.article(
        "Bài rất dài", agency=agencies["UBBC"], body=[("paragraph", f"<p>{words}</p>")]
    )
    all_formats(client)
    entry = parse(client, "/tin-tuc/feed/rss/").entries[0]
    assert len(entry.content[0].value.split()) >= 20_000


def test_a_missing_image_file_and_a_deleted_image(site_tree, agencies, client):
    gone_file = factories.make_image("Ảnh mất tệp")
    os.remove(gone_file.file.path)
    deleted = factories.make_image("Ảnh bị xóa")
    site_tree.article(
        "Bài mất ảnh",
        agency=agencies["UBBC"],
        lead_image=gone_file,
        body=[("image", {"image": deleted, "caption": "Đã xóa"}), ("paragraph", "<p>Còn chữ.</p>")],
    )
    deleted.delete()
    all_formats(client)
    entry = parse(client, "/tin-tuc/feed/atom/").entries[0]
    assert "Còn chữ." in entry.content[0].value
    assert "media_content" not in entry


def test_a_deleted_agency(site_tree, agencies, client):
    agency = factories.make_agency("SNV", "Sở Nội vụ")
    site_tree.article("Bài của cơ quan đã xóa", agency=agency)
    site_tree.document("12/KH-SNV", issuer=agency, agency=agency)
    fetch(client, "/feed/atom/")
    agency.delete()
    all_formats(client, "/")
    for entry in parse(client, "/feed/atom/").entries:
        assert entry.author == site_tree.portal.title  # the portal stands in


def test_rich_text_links_to_deleted_pages_and_files(site_tree, agencies, client):
    site_tree.article(
        "Liên kết hỏng",
        agency=agencies["UBBC"],
        body=[
            (
                "paragraph",
                '<p><a linktype="page" id="999999">trang</a> <a linktype="document" id="999999">'
                "tệp</a></p>",
            )
        ],
    )
    all_formats(client)
    content = parse(client, "/tin-tuc/feed/atom/").entries[0].content[0].value
    assert "trang" in content and "tệp" in content

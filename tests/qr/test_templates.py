"""Codes placed in pages: beside each page, on its print view, and the social channels."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests.factories import make_portal, make_social_channels
from tests.qr.scan import decode_svg, inline_svgs
from wagtail_baucu.qr import render

pytestmark = pytest.mark.django_db

CHANNELS = [
    ("Fanpage Facebook", "https://www.facebook.com/baucu.hanoi"),
    ("Zalo OA", "https://zalo.me/1234567890"),
]


def codes_in(html: str) -> list[str]:
    return [decode_svg(svg) for svg in inline_svgs(html)]


def test_every_page_type_shows_its_code(client, site_tree, agencies):
    for page in site_tree.one_page_of_each_type(agencies["UBBC"]):
        html = client.get(page.url).content.decode()
        assert codes_in(html) == [page.full_url], page.url
        assert f'<a class="baucu-url" href="{page.full_url}">{page.full_url}</a>' in html
        assert f'href="{page.full_url}qr.png" download' in html


def test_print_view_has_the_code_and_its_url_beside_it(client, site_tree):
    for page in (site_tree.article("Lịch bầu cử"), site_tree.document("34/UBBC-TCTTT")):
        html = client.get(page.url + "print/").content.decode()
        assert codes_in(html) == [page.full_url]
        caption = re.search(
            r'<figure class="baucu-qr-figure baucu-qr-print">.*?</figure>', html, re.S
        )
        assert f'<span class="baucu-url">{page.full_url}</span>' in caption.group(0)


def test_print_view_with_short_links(client, site_tree, settings):
    settings.WAGTAIL_BAUCU = {**settings.WAGTAIL_BAUCU, "QR_TARGET": "short"}
    article = site_tree.article("Lịch bầu cử")
    html = client.get(article.url + "print/").content.decode()
    short = f"http://testserver/p/{article.pk}/"
    assert codes_in(html) == [short]
    assert f'<span class="baucu-url">{short}</span>' in html


def test_social_channels_in_the_footer_and_in_an_articles_reader_tools(client, site_tree):
    make_social_channels(site_tree.site, CHANNELS)
    home = client.get("/").content.decode()
    footer = home[home.index('<footer class="baucu-footer"') :]
    assert codes_in(footer) == [url for _name, url in CHANNELS]
    article = site_tree.article("Lịch bầu cử", source_url="https://baodanang.example.org/tin")
    html = client.get(article.url).content.decode()
    # Once on an article: in its reader tools, beside the page's own code, not in the footer.
    assert codes_in(html) == [article.full_url] + [url for _name, url in CHANNELS]
    tools = html[html.index('<aside class="baucu-reader-tools"') : html.index("</aside>")]
    assert codes_in(tools) == [article.full_url] + [url for _name, url in CHANNELS]
    assert "Chúng tôi trên Mạng Xã hội" in tools
    assert '<a class="baucu-original" href="https://baodanang.example.org/tin"' in tools
    for name, url in CHANNELS:
        assert f'<a href="{url}" rel="noopener">{name}</a>' in tools
    assert "baucu-social" not in html[html.index('<footer class="baucu-footer"') :]
    # Every code is named by its own title, and no code adds an id the page could repeat.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert len(re.findall(r'<svg [^>]*role="img"><title>', html)) == 3


def test_social_channels_belong_to_their_site(client, site_tree):
    other = make_portal(hostname="baucu.hanoi.example.vn", port=8080, slug="bau-cu-ha-noi")
    make_social_channels(other.site, CHANNELS)
    assert "baucu-social" not in client.get("/").content.decode()
    html = client.get("/", HTTP_HOST="baucu.hanoi.example.vn:8080", SERVER_PORT="8080")
    assert 'class="baucu-social"' in html.content.decode()


def test_no_social_section_without_channels(client, site_tree):
    assert "baucu-social" not in client.get("/").content.decode()


def test_rendering_pages_again_does_no_encoding(client, site_tree):
    make_social_channels(site_tree.site, CHANNELS)
    article = site_tree.article("Lịch bầu cử")
    client.get(article.url)
    before = render.counts["encode"]
    client.get(article.url)
    client.get(article.url + "print/")
    assert render.counts["encode"] == before


def test_template_tags_in_an_integrators_template(site_tree):
    article = site_tree.article("Lịch bầu cử")
    template = Template(
        "{% load baucu_qr %}{% baucu_qr page %}{% baucu_qr_url 'https://zalo.me/1234567890' %}"
        "{% baucu_qr_urls page as qr %}{{ qr.svg }} {% baucu_qr_url '' %}"
    )
    request = RequestFactory().get("/")
    html = template.render(Context({"page": article, "request": request}))
    assert codes_in(html) == [article.full_url, "https://zalo.me/1234567890"]
    assert html.endswith("http://testserver/tin-tuc/lich-bau-cu/qr.svg ")
    assert html.count('role="img"><title>') == 2

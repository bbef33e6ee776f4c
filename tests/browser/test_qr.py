"""QR codes as a browser draws them, in dark mode, read back from screenshots by zbar."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from tests.factories import make_portal, make_social_channels
from tests.qr.scan import decode_png

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def portal(live_server):
    """A portal served by the live server, so pages' full URLs are the server's."""
    Site.objects.all().delete()
    port = urlsplit(live_server.url).port
    return make_portal(hostname="localhost", port=port)


def test_codes_stay_readable_on_a_dark_page(browser, live_server, portal):
    make_social_channels(portal.site, [("Zalo OA", "https://zalo.me/1234567890")])
    article = portal.article("Tăng cường thông tin về bầu cử")
    context = browser.new_context(color_scheme="dark", locale="vi-VN")
    page = context.new_page()
    page.goto(article.full_url)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 18, 18)"  # the stylesheet's dark mode is on
    share = page.locator(".baucu-share .baucu-qr")
    assert decode_png(share.screenshot()) == article.full_url
    social = page.locator(".baucu-social .baucu-qr")
    assert decode_png(social.screenshot()) == "https://zalo.me/1234567890"

    page.goto(article.full_url + "print/")
    page.emulate_media(media="print")
    assert decode_png(page.locator(".baucu-qr-print .baucu-qr").screenshot()) == article.full_url
    context.close()

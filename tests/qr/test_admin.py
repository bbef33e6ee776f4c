"""Editors manage a site's social channels in Wagtail's settings menu."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.qr.scan import decode_svg, inline_svgs
from wagtail_baucu.qr.models import SocialChannels

pytestmark = pytest.mark.django_db


def test_an_editor_adds_channels_and_the_footer_shows_their_codes(client, site_tree):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "x")
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["wagtail_baucu", "socialchannels"])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    edit_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    assert client.get(edit_url).status_code == 200
    data = {
        "channels-TOTAL_FORMS": "2",
        "channels-INITIAL_FORMS": "0",
        "channels-MIN_NUM_FORMS": "0",
        "channels-MAX_NUM_FORMS": "1000",
        "channels-0-name": "Fanpage Facebook",
        "channels-0-kind": "facebook",
        "channels-0-url": "https://www.facebook.com/baucu.haiphong",
        "channels-0-ORDER": "1",
        "channels-1-name": "Zalo OA",
        "channels-1-kind": "zalo",
        "channels-1-url": "không phải địa chỉ",
        "channels-1-ORDER": "2",
    }
    response = client.post(edit_url, data)
    assert response.status_code == 200  # the form comes back with an error, not a 500
    assert not SocialChannels.objects.filter(channels__isnull=False).exists()

    data["channels-1-url"] = "https://zalo.me/1234567890"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    setting = SocialChannels.objects.get(site=site_tree.site)
    assert [(c.name, c.kind) for c in setting.channels.all()] == [
        ("Fanpage Facebook", "facebook"),
        ("Zalo OA", "zalo"),
    ]

    client.logout()
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="baucu-footer"') :]
    assert [decode_svg(svg) for svg in inline_svgs(footer)] == [
        "https://www.facebook.com/baucu.haiphong",
        "https://zalo.me/1234567890",
    ]

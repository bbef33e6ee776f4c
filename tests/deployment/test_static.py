"""The example site's static files configuration: collected with hashed names and served by
WhiteNoise from gunicorn, compressed and cached for long."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

PRODUCTION_STATIC = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collected_static_files_are_served_compressed_and_cached_for_long(tmp_path, db):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STATIC):
        call_command("collectstatic", "--no-input", verbosity=0)
        url = static("wagtail_baucu/feeds/logo.png")
        css = static("wagtailadmin/css/core.css")
        assert url != "/static/wagtail_baucu/feeds/logo.png"  # a hashed name
        client = Client()  # a new handler: WhiteNoise indexes STATIC_ROOT when it starts
        image = client.get(url)
        assert image.status_code == 200
        assert image["Content-Type"] == "image/png"
        assert "immutable" in image["Cache-Control"]
        compressed = client.get(css, HTTP_ACCEPT_ENCODING="gzip, br")
        assert compressed.status_code == 200
        assert compressed["Content-Encoding"] in ("gzip", "br")

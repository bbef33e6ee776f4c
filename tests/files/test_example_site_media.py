"""The example site in development serves renditions from MEDIA_URL, and neither documents nor
original images, whose names come from their titles."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client
from django.urls import clear_url_caches

import example_site.urls
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    settings.DEBUG = True
    settings.ROOT_URLCONF = "example_site.urls"
    importlib.reload(example_site.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(example_site.urls)
    clear_url_caches()


def test_renditions_are_served_and_originals_and_documents_are_not(site_tree, debug_urls):
    image = factories.make_image("Ảnh cổ động")
    rendition = image.get_rendition("width-40")
    document = factories.make_file()
    client = Client()
    assert rendition.url.startswith("/media/images/")
    assert client.get(rendition.url).status_code == 200
    assert image.file.url.startswith("/media/original_images/")
    assert client.get(image.file.url).status_code == 404
    assert document.file.url.startswith("/media/documents/")
    assert client.get(document.file.url).status_code == 404

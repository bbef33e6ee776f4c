"""Helpers shared by the page tests: parsed HTML and admin URLs."""

import lxml.html
from django.urls import reverse


def parse(response) -> lxml.html.HtmlElement:
    """The response's HTML as an lxml tree."""
    return lxml.html.fromstring(response.content)


def texts(response, xpath: str) -> list[str]:
    """The whitespace-normalised text of every element matching ``xpath``."""
    return [" ".join(element.text_content().split()) for element in parse(response).xpath(xpath)]


def titles_listed(response) -> list[str]:
    """Article titles shown as cards (news index, portal home, search, agency page)."""
    return texts(response, "//*[contains(@class, 'baucu-card-title')]")


def numbers_listed(response) -> list[str]:
    """Reference numbers shown in document tables."""
    return texts(response, "//table[contains(@class, 'baucu-documents')]//tbody//th")


def add_page_url(page_class, parent) -> str:
    """The admin URL that creates a ``page_class`` page under ``parent``."""
    meta = page_class._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])

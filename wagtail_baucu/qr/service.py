"""QR codes of pages and URLs, generated once and kept in Django's cache.

The cache is Django's default cache, so several worker processes (with Redis or Memcached) share
one copy of each code. Cache keys hold the encoded text and the options, so a new URL (slug
change, move, new site host) gets a new code on its next request and the old one ages out.

A public page's code is also kept under the address it was asked at, with the generation token
of ``wagtail_baucu.freshness`` and the page's expiry time: a repeat request is answered from
that one entry and the token (one indexed query), until a publish, unpublish, move, deletion
or view restriction replaces the token or the page expires.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import swapper
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from wagtail_baucu.cachekeys import entry_key, site_of_request
from wagtail_baucu.conf import get_setting
from wagtail_baucu.freshness import generation
from wagtail_baucu.language import content_language
from wagtail_baucu.pages.mixins import BaucuPageMixin
from wagtail_baucu.public import (
    absolute_url,
    is_public,
    is_public_afresh,
    make_absolute,
    page_at,
    site_root_url,
)
from wagtail_baucu.qr import render
from wagtail_baucu.qr.payload import ascii_url
from wagtail_baucu.resilient_cache import cache
from wagtail_baucu.text.integers import parse_bounded_int

CACHE_KIND = "qr:v3"  # a new version when what is stored changes shape


class InvalidSize(ValueError):
    """A PNG size that is not a whole number within the configured limits."""


def _key(kind: str, *parts: object) -> str:
    return entry_key(f"{CACHE_KIND}:{kind}", *parts)


def modules_for(url: str) -> render.Modules:
    """The modules of ``url``'s code (payload in ASCII), from the cache or freshly encoded."""
    text = ascii_url(url)
    level = get_setting("QR_ERROR_CORRECTION")
    key = _key("modules", level, text)
    cached = cache.get(key)
    if cached is not None:
        return tuple(cached.split("\n"))
    modules = render.encode(text, level)
    cache.set(key, "\n".join(modules), get_setting("QR_CACHE_TIMEOUT"))
    return modules


def code_title(url: str) -> str:
    """What screen readers say for a code."""
    return _("QR code of %(url)s") % {"url": url}


def svg_for(url: str, *, width: int | None = None) -> str:
    """An SVG document of ``url``'s code, from the cache or freshly drawn.

    The title is in the active language, so the language is part of the key.
    """
    key = _key("svg", get_setting("QR_ERROR_CORRECTION"), width, get_language(), url)
    cached = cache.get(key)
    if cached is not None:
        return cached
    svg = render.svg(modules_for(url), title=code_title(url), width=width)
    cache.set(key, svg, get_setting("QR_CACHE_TIMEOUT"))
    return svg


def png_size(raw: str | None) -> int:
    """The PNG width asked for by ``?size=``: the default when absent, else a bounded integer."""
    if raw is None or raw == "":
        return get_setting("QR_PNG_SIZE")
    low, high = get_setting("QR_PNG_MIN_SIZE"), get_setting("QR_PNG_MAX_SIZE")
    pixels = parse_bounded_int(raw, low, high)
    if pixels is None:
        raise InvalidSize(
            _("size must be a whole number from %(low)d to %(high)d") % {"low": low, "high": high}
        )
    return pixels


def png_for(url: str, size: int) -> bytes:
    """A PNG of ``url``'s code about ``size`` pixels wide, from the cache or freshly drawn."""
    text = ascii_url(url)
    key = _key("png", get_setting("QR_ERROR_CORRECTION"), size, text)
    cached = cache.get(key)
    if cached is not None:
        return cached
    data = render.png(modules_for(url), size=size)
    cache.set(key, data, get_setting("QR_CACHE_TIMEOUT"))
    return data


def short_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """The page's permanent short link, ``<site root>/p/<id>/``, or ``None`` if unroutable."""
    root = site_root_url(page, request)
    if root is None:
        return None
    return make_absolute(reverse("wagtail_baucu:qr_short_link", args=[page.pk]), root)


def target_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """The URL a page's code carries: canonical or short, as ``QR_TARGET`` says."""
    if get_setting("QR_TARGET") == "short":
        return short_url(page, request)
    return absolute_url(page, request)


def urls_for(page: Page, request: HttpRequest | None = None) -> dict[str, str] | None:
    """Absolute URLs about a page's code, for links from templates, feeds and the API.

    ``{"page": ..., "target": <what the code carries>, "short": ..., "svg": ..., "png": ...}``,
    or ``None`` if the page has no URL. It does not check visibility: pass public pages.
    """
    page_url = absolute_url(page, request)
    if page_url is None:
        return None
    return {
        "page": page_url,
        "target": target_url(page, request),
        "short": short_url(page, request),
        "svg": page_url + "qr.svg",
        "png": page_url + "qr.png",
    }


def _base_page_model() -> type[Page]:
    return swapper.load_model("wagtailcore", "Page")


def _public_package_page(page: Page | None) -> Page | None:
    if page is None:
        return None
    model = page.specific_class
    if model is None or not issubclass(model, BaucuPageMixin) or not is_public(page):
        return None
    # The base fields are loaded; the page type's own fields load only if a URL method asks.
    return page.specific_deferred


def _page_at(request: HttpRequest, path: str) -> Page | None:
    return page_at(request, path)


def find_public_page_by_id(page_id: int) -> Page | None:
    """The public package page with this id, else ``None``."""
    return _public_package_page(_base_page_model().objects.filter(pk=page_id).first())


class Code(NamedTuple):
    """A generated code ready to send: body, media type and a validator for caches."""

    body: bytes
    content_type: str
    etag: str

    @classmethod
    def of(cls, body: bytes, content_type: str) -> Code:
        return cls(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def _code(page: Page, request: HttpRequest, fmt: str, pixels: int | None) -> Code | None:
    """The page's code as SVG or PNG; ``None`` if the page has no URL, or one no QR code can
    hold (a host IDNA rejects)."""
    url = target_url(page, request)
    if url is None:
        return None
    try:
        if pixels is not None:
            return Code.of(png_for(url, pixels), "image/png")
        return Code.of(svg_for(url).encode(), "image/svg+xml")
    except ValueError:
        return None


def code_at(request: HttpRequest, path: str, fmt: str, size: str | None = None) -> Code | None:
    """The code of the public package page at ``path``, for ``<page URL>qr.svg`` / ``qr.png``.

    ``None`` if no public package page is there; ``InvalidSize`` for a bad ``?size=``. A repeat
    request is one cache entry and a token check, without the database.
    """
    pixels = png_size(size) if fmt == "png" else None
    key = _key(
        "at",
        site_of_request(request),
        path,
        fmt,
        pixels,
        get_setting("QR_TARGET"),
        get_setting("QR_ERROR_CORRECTION"),
    )
    # (portal pk, generation token, expiry time or None, body, media type, ETag): a plain
    # tuple, the cheapest thing to unpickle on the hot path of a printed code.
    known = cache.get(key)
    if known is not None:
        portal_pk, token, stale_at, body, content_type, etag = known
        if (stale_at is None or timezone.now() < stale_at) and generation(portal_pk) == token:
            return Code(body, content_type, etag)

    page = _page_at(request, path)
    if page is None or not issubclass(page.specific_class or Page, BaucuPageMixin):
        return None
    page = page.specific_deferred
    portal = page.portal
    portal_pk = portal.pk if portal is not None else None
    # The token is read before the rows that decide visibility are read again: a change
    # committed in between replaces the token, so the entry stored below is never served.
    token = generation(portal_pk)
    if not is_public_afresh(page):
        return None
    # The code's title is in the page's language, whatever the browser asks for.
    with translation.override(content_language(page)):
        code = _code(page, request, fmt, pixels)
    if code is None:
        return None
    timeout = get_setting("QR_CACHE_TIMEOUT")
    if page.expire_at is not None:
        until_expiry = max(1, int((page.expire_at - timezone.now()).total_seconds()))
        timeout = until_expiry if timeout is None else min(timeout, until_expiry)
    known = (portal_pk, token, page.expire_at, code.body, code.content_type, code.etag)
    cache.set(key, known, timeout)
    return code

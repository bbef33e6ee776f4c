"""QR codes of pages and URLs, generated once and kept in Django's cache.

The cache is Django's default cache, so several worker processes (with Redis or Memcached) share
one copy of each code. Cache keys hold the encoded text and the options, so a new URL (slug
change, move, new site host) gets a new code on its next request and the old one ages out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import swapper
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from wagtail_baucu.conf import get_setting
from wagtail_baucu.pages.mixins import BaucuPageMixin
from wagtail_baucu.public import absolute_url, is_public, make_absolute, site_root_url
from wagtail_baucu.qr import render
from wagtail_baucu.qr.payload import ascii_url

CACHE_PREFIX = "wagtail_baucu:qr:v1"


class InvalidSize(ValueError):
    """A PNG size that is not a whole number within the configured limits."""


def _key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"{CACHE_PREFIX}:{kind}:{digest}"


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
    """An SVG document of ``url``'s code."""
    return render.svg(modules_for(url), title=code_title(url), width=width)


def png_size(raw: str | None) -> int:
    """The PNG width asked for by ``?size=``: the default when absent, else a bounded integer."""
    if raw is None or raw == "":
        return get_setting("QR_PNG_SIZE")
    low, high = get_setting("QR_PNG_MIN_SIZE"), get_setting("QR_PNG_MAX_SIZE")
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise InvalidSize(
            _("size must be a whole number from %(low)d to %(high)d") % {"low": low, "high": high}
        )
    return int(raw)


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


def find_public_page(request: HttpRequest, path: str) -> Page | None:
    """The public package page at ``path`` (relative to the request's site root), else ``None``.

    Looked up by ``url_path`` in one query rather than by ``route()``, which would also answer
    for a routable page's sub-routes (``tim-kiem/``) and costs a query per level.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    url_path = root.url_path + path
    page = (
        _base_page_model()
        .objects.filter(depth=root.depth + path.count("/"), url_path=url_path)
        .first()
    )
    return _public_package_page(page)


def find_public_page_by_id(page_id: int) -> Page | None:
    """The public package page with this id, else ``None``."""
    return _public_package_page(_base_page_model().objects.filter(pk=page_id).first())


@dataclass(frozen=True)
class Code:
    """A generated code ready to send: body, media type and a validator for caches."""

    body: bytes
    content_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def page_code(page: Page, request: HttpRequest, fmt: str, size: str | None = None) -> Code | None:
    """The page's code as SVG or PNG (``size`` is the raw ``?size=``; ``InvalidSize`` if bad).

    ``None`` if the page has no URL, or one no QR code can hold (a host IDNA rejects).
    """
    pixels = png_size(size) if fmt == "png" else None
    url = target_url(page, request)
    if url is None:
        return None
    try:
        if pixels is not None:
            return Code(png_for(url, pixels), "image/png")
        return Code(svg_for(url).encode(), "image/svg+xml")
    except ValueError:
        return None

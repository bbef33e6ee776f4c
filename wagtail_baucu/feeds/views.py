"""The HTTP side of feeds: formats, conditional requests, caching headers and compression."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from wagtail_baucu.conf import get_setting
from wagtail_baucu.feeds.cache import RenderedFeed, cached_for_path, get_or_render
from wagtail_baucu.feeds.items import FORMATS, parse_month


def _etag_value(etag: str) -> str:
    # GZipMiddleware weakens ETags (W/"..."): compare the opaque part only (weak comparison).
    return etag[2:] if etag.startswith("W/") else etag


def is_not_modified(request: HttpRequest, feed: RenderedFeed) -> bool:
    """Whether ``If-None-Match`` / ``If-Modified-Since`` say the client's copy is current.

    Malformed headers count as absent: the client then gets the feed, never an error.
    """
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        etags = parse_etags(if_none_match)
        if "*" in etags:
            return True
        return _etag_value(feed.etag) in {_etag_value(tag) for tag in etags}
    if_modified_since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE") or "")
    if if_modified_since is not None:
        return int(feed.last_modified.timestamp()) <= if_modified_since
    return False


def _headers(response: HttpResponse, feed: RenderedFeed) -> HttpResponse:
    response["ETag"] = feed.etag
    response["Last-Modified"] = http_date(feed.last_modified.timestamp())
    max_age = get_setting("FEED_ARCHIVE_MAX_AGE" if feed.closed else "FEED_MAX_AGE")
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def respond(request: HttpRequest, feed: RenderedFeed) -> HttpResponse:
    """The response for a rendered feed: 304 when the client's copy is current, else gzip."""
    if request.method in ("GET", "HEAD") and is_not_modified(request, feed):
        return _headers(HttpResponseNotModified(), feed)
    response = _headers(HttpResponse(feed.body, content_type=feed.content_type), feed)
    # Compressed even where the project has no GZipMiddleware (it skips encoded responses).
    return GZipMiddleware(lambda r: response).process_response(request, response)


def feed_or_page(request: HttpRequest, path: str) -> HttpResponse:
    """A feed URL answered from the cache before Wagtail routes it, else served by Wagtail.

    Only URLs a public feed was rendered for are known here, and any change that could alter
    the feed or its page's visibility makes the entry miss: see ``cache``.
    """
    from wagtail.views import serve

    feed = cached_for_path(request) if request.method in ("GET", "HEAD") else None
    if feed is None:
        return serve(request, path)
    return respond(request, feed)


def serve_feed(request: HttpRequest, source, fmt: str, month: str | None = None) -> HttpResponse:
    """Answer a request for ``source`` in ``fmt`` (and an archive ``month``, ``YYYY-MM``)."""
    if fmt not in FORMATS:
        raise Http404("Unknown feed format")
    parsed_month = None
    if month is not None:
        parsed_month = parse_month(month)
        if parsed_month is None:
            raise Http404("Unknown archive month")
    feed = get_or_render(source, fmt, request, parsed_month)
    if feed is None:
        raise Http404("No archive for this month")
    return respond(request, feed)

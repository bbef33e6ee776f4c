"""Thin views: a page's code at ``<page URL>qr.svg`` / ``qr.png`` and the short link."""

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from wagtail_baucu.conf import get_setting
from wagtail_baucu.public import absolute_url
from wagtail_baucu.qr import service

_CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)


@require_safe
def page_code(request: HttpRequest, path: str, fmt: str) -> HttpResponse:
    """The QR code of the public page at ``path``; 404 for anything not public."""
    try:
        size = request.GET.get("size") if fmt == "png" else None
        code = service.code_at(request, path, fmt, size)
    except service.InvalidSize as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if code is None:
        raise Http404
    # The hot path of a printed code: conditional headers are looked at only when sent, and
    # the headers are set whole rather than patched, since the response is new.
    response = None
    if any(header in request.META for header in _CONDITIONAL_HEADERS):
        response = get_conditional_response(request, etag=code.etag)
    if response is None:
        response = HttpResponse(code.body, content_type=code.content_type)
    response["ETag"] = code.etag
    response["Cache-Control"] = f"public, max-age={get_setting('QR_MAX_AGE')}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def short_link(request: HttpRequest, page_id: int) -> HttpResponse:
    """``/p/<id>/``: a temporary redirect to the public page's current URL, so it follows moves."""
    page = service.find_public_page_by_id(page_id)
    url = absolute_url(page, request) if page is not None else None
    if url is None:
        raise Http404
    return HttpResponseRedirect(url)

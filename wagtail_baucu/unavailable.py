"""What a request gets while a service behind the portal is down, and what a traceback hides.

A database that is restarting or unreachable answers the requests in flight with a clean
``503 Service Unavailable`` and ``Retry-After``, in Vietnamese, never a 500 with a traceback;
with ``CONN_HEALTH_CHECKS`` the next requests reconnect. The message is built without templates
or the database, which may be what failed.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.utils.html import escape
from django.views.debug import SafeExceptionReporterFilter
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
MESSAGE = "Hệ thống đang tạm gián đoạn, xin vui lòng thử lại sau ít phút."
DATABASE_ERRORS = (OperationalError, InterfaceError)


def unavailable_response(message: str = MESSAGE) -> HttpResponse:
    """A 503 that tells clients and load balancers when to come back."""
    body = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        "<title>Tạm gián đoạn</title></head><body><main><h1>Tạm gián đoạn</h1>"
        f"<p>{escape(message)}</p></main></body></html>"
    )
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def is_oversized_number(error: BaseException) -> bool:
    """A number longer than Python converts (``int()`` refuses more than 4,300 digits): what a
    view that hands a URL's id to the ORM meets with a hostile URL, e.g. Wagtail's document
    serve view, whose pattern takes any run of digits. No object has such an id."""
    for candidate in (error, error.__cause__):
        if isinstance(candidate, ValueError) and "int_max_str_digits" in str(candidate):
            return True
    return False


class DatabaseUnavailableMiddleware:
    """Turns a database connection error raised by a view into ``unavailable_response``, and an
    id too long to be a number into a 404.

    Put it first in ``MIDDLEWARE``; errors raised outside views reach ``server_error``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable for %s: %r", request.path, exception)
            return unavailable_response()
        if is_oversized_number(exception):
            raise Http404("no object has this id") from exception
        return None


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """``handler500``: a database connection error anywhere is a 503, the rest Django's 500."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return unavailable_response()
    if error is not None and is_oversized_number(error):
        return HttpResponseNotFound()
    return django_server_error(request, template_name)


class SecretsHidingFilter(SafeExceptionReporterFilter):
    """Django's filter, also hiding cache locations and URL-valued settings with credentials
    (``CACHES["default"]["LOCATION"] = "redis://:password@host"`` is not hidden by default)."""

    def cleanse_setting(self, key, value):
        if isinstance(key, str) and key.upper() in ("LOCATION", "SERVER", "SERVERS", "URL"):
            return self.cleansed_substitute
        if isinstance(value, str) and "://" in value and "@" in value:
            return self.cleansed_substitute
        return super().cleanse_setting(key, value)

"""Middleware of the production suite only: names the worker process in each response
(``X-Worker``), and lets proof 5 publish as a site with no WebSub hub in the same run."""

import os

from django.conf import settings
from django.test.utils import override_settings

NO_HUB_HEADER = "X-Suite-No-Hub"


def worker_pid(get_response):
    def middleware(request):
        response = get_response(request)
        response["X-Worker"] = str(os.getpid())
        return response

    return middleware


def no_hub(get_response):
    """A request sent with ``X-Suite-No-Hub: 1`` runs as if ``WEBSUB_HUB`` were empty, so the
    publish time of a site without a hub is measured beside the others, on the same workers."""

    def middleware(request):
        if request.headers.get(NO_HUB_HEADER) != "1":
            return get_response(request)
        with override_settings(WAGTAIL_BAUCU={**settings.WAGTAIL_BAUCU, "WEBSUB_HUB": ""}):
            return get_response(request)

    return middleware

"""``limit`` and ``offset``, capped by the ``API_MAX_LIMIT`` setting."""

from collections import OrderedDict

from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from wagtail_baucu.api.filters import parse_count
from wagtail_baucu.conf import get_setting

# Deeper than this, a client should narrow the query instead of paging.
MAX_OFFSET = 1_000_000


class LimitedPagination(BasePagination):
    """Wagtail's ``meta.total_count`` / ``items`` answer, with strict, capped parameters."""

    def paginate_queryset(self, queryset, request, view=None):
        maximum = get_setting("API_MAX_LIMIT")
        default = min(get_setting("API_DEFAULT_LIMIT"), maximum)
        limit = parse_count(request.GET.get("limit"), "limit", default=default, maximum=maximum)
        offset = parse_count(request.GET.get("offset"), "offset", default=0, maximum=MAX_OFFSET)
        self.total_count = queryset.count()
        return list(queryset[offset : offset + limit])

    def get_paginated_response(self, data):
        return Response(
            OrderedDict(
                [("meta", OrderedDict([("total_count", self.total_count)])), ("items", data)]
            )
        )

"""``/api/v2/results/``: the published results of the site's public electoral units.

One item per published round of a unit's result (first round, repeat election, further
round), with the law's outcome, the candidates' votes and the public history of corrections.
Filters: ``?election=<id>``, ``?body=<code>``, ``?unit=<number>``. Only results published
(``live``) for units whose page is public on the site answering the request.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet

from wagtail_baucu.api.filters import parse_count
from wagtail_baucu.api.pagination import LimitedPagination
from wagtail_baucu.api.views import StrictParametersMixin, site_public_pages
from wagtail_baucu.elections.mixins import ElectoralUnitMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.results.export import round_data
from wagtail_baucu.results.models import UnitResult
from wagtail_baucu.results.reading import unit_reports
from wagtail_baucu.text.integers import MAX_INTEGER


class ResultsEndpoint(StrictParametersMixin, BaseAPIViewSet):
    """Published results per unit and round, newest publication first."""

    model = UnitResult
    pagination_class = LimitedPagination
    known_query_parameters = frozenset(["limit", "offset", "format", "_"])
    named_parameters = frozenset(["election", "body", "unit"])
    name = "results"

    def field_filter_names(self, model) -> list[str]:
        return []

    def get_queryset(self):
        units = site_public_pages(self.request, page_model(ElectoralUnitMixin))
        public_unit = units.filter(body_id=OuterRef("body_id"), number=OuterRef("unit_number"))
        queryset = UnitResult.objects.filter(live=True).filter(Exists(public_unit))
        return queryset.select_related("body").order_by("-last_published_at", "-pk")

    def filter_queryset(self, queryset):
        params = self.request.GET
        if "election" in params:
            queryset = queryset.filter(
                body__election_id=parse_count(params["election"], "election", default=0)
            )
        if "body" in params:
            queryset = queryset.filter(body__code=params["body"][:40])
        if "unit" in params:
            queryset = queryset.filter(unit_number=parse_count(params["unit"], "unit", default=0))
        return queryset

    def _data(self, results) -> list[dict]:
        if not results:
            return []
        match = Q()
        for result in results:
            match |= Q(body_id=result.body_id, number=result.unit_number)
        units = site_public_pages(self.request, page_model(ElectoralUnitMixin)).filter(match)
        reports = {(r.unit.body_id, r.unit.number): r for r in unit_reports(units).values()}
        items = []
        for result in results:
            report = reports.get((result.body_id, result.unit_number))
            round_ = next(
                (r for r in (report.rounds if report else ()) if r.result.pk == result.pk), None
            )
            if round_ is None:
                continue  # no longer fits its unit: shown once corrected
            data = round_data(report, round_, self.request)
            detail = reverse("wagtail_baucu_api:results:detail", args=[result.pk])
            meta = {
                "type": "baucu_results.UnitResult",
                "detail_url": self.request.build_absolute_uri(detail),
                "html_url": data["unit"]["html_url"] + "#ket-qua",
            }
            items.append({"id": result.pk, "meta": meta, **data})
        return items

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        results = self.paginate_queryset(self.filter_queryset(queryset))
        return self.get_paginated_response(self._data(results))

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        pk = int(pk)
        result = self.get_queryset().filter(pk=pk).first() if 0 <= pk <= MAX_INTEGER else None
        data = self._data([result]) if result is not None else []
        if not data:
            raise Http404(_("not found"))
        return Response(data[0])

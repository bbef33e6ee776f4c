"""Public results views: thin, over ``reading`` and ``feed``. Unknown or private: 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Site

from wagtail_baucu.cachekeys import entry_key, site_of_request
from wagtail_baucu.elections.mixins import ElectoralUnitMixin
from wagtail_baucu.elections.models import Body, Election
from wagtail_baucu.feeds.items import FORMATS
from wagtail_baucu.feeds.views import respond
from wagtail_baucu.freshness import generation
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import is_public, public_pages
from wagtail_baucu.resilient_cache import cache
from wagtail_baucu.results.export import write_csv
from wagtail_baucu.results.feed import cache_timeout, render_feed
from wagtail_baucu.results.reading import body_overview


def election_and_body(request: HttpRequest, election_id: int, body_code: str):
    """The election (its portal public and served by this site) and one of its bodies."""
    election = Election.objects.select_related("portal").filter(pk=election_id).first()
    if election is None:
        raise Http404
    portal = election.portal.specific
    site = Site.find_for_request(request)
    parts = portal.get_url_parts(request)
    if site is None or parts is None or parts[0] != site.pk or not is_public(portal):
        raise Http404
    body = Body.objects.filter(election=election, code=body_code).first()
    if body is None:
        raise Http404
    return election, portal, body


def overview(request: HttpRequest, election_id: int, body_code: str) -> HttpResponse:
    """Where the count of one body stands: units reported, seats filled, turnout."""
    election, portal, body = election_and_body(request, election_id, body_code)
    # Kept under the portal's generation token: a publication renews it, so the next request
    # in any process computes the overview afresh; between publications, one query.
    key = entry_key("results-overview", generation(portal.pk), site_of_request(request), body.pk)
    html = cache.get(key)
    if html is None:
        html = render(
            request,
            "wagtail_baucu/results/overview.html",
            {
                "election": election,
                "portal": portal,
                "body": body,
                "overview": body_overview(body),
                "bodies": Body.objects.filter(election=election),
                "feed_formats": FORMATS,
            },
        ).content
        cache.set(key, html, timeout=cache_timeout(body, "LISTING_COUNT_CACHE_TIMEOUT"))
    return HttpResponse(html)


def results_csv(request: HttpRequest, election_id: int, body_code: str) -> HttpResponse:
    """The body's published results, one row per candidate and round (``export.CSV_COLUMNS``)."""
    election, _portal, body = election_and_body(request, election_id, body_code)
    response = HttpResponse(
        write_csv(body_overview(body).reports), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="ket-qua-{body.code}.csv"'
    return response


def body_feed(request: HttpRequest, election_id: int, body_code: str, fmt: str) -> HttpResponse:
    election, _portal, body = election_and_body(request, election_id, body_code)
    if fmt not in FORMATS:
        raise Http404
    return respond(request, render_feed(request, election, body, fmt))


def unit_feed(
    request: HttpRequest, election_id: int, body_code: str, number: int, fmt: str
) -> HttpResponse:
    election, _portal, body = election_and_body(request, election_id, body_code)
    if fmt not in FORMATS:
        raise Http404
    unit = public_pages(page_model(ElectoralUnitMixin).objects.filter(body=body, number=number))
    unit = unit.first()
    if unit is None:
        raise Http404
    return respond(request, render_feed(request, election, body, fmt, unit))

"""The election's endpoints: ``elections/``, ``units/``, ``candidates/``, ``polling-areas/``, and
the CSV and JSON downloads of the three lists (``<endpoint>/download.csv`` and ``.json``).

Registered by ``wagtail_baucu.api.urls`` when ``wagtail_baucu.elections`` is installed. Only
public data: units and candidates through ``wagtail_baucu.public`` (a candidate also needs a
public unit), polling areas only published (``live``) and of an election whose portal is
public on the site, candidates' biographies limited to ``ELECTION_CANDIDATE_PUBLIC_FIELDS``.
A candidate who left the official list is in ``candidates/`` only when asked for with
``status=withdrawn``, ``removed`` or ``all``, with the date and the reason: the law keeps the
record of a change, the current list does not show them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from django.db.models import Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import path
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError, get_full_url, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.images import get_image_model

from wagtail_baucu.api import fields, filters
from wagtail_baucu.api.links import feed_urls
from wagtail_baucu.api.pagination import LimitedPagination
from wagtail_baucu.api.serializers import RichTextHtmlField
from wagtail_baucu.api.views import (
    COMMON_PARAMETERS,
    PagesEndpoint,
    StrictParametersMixin,
    site_public_pages,
)
from wagtail_baucu.cachekeys import entry_key, site_of_request
from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections import opendata
from wagtail_baucu.elections.mixins import (
    CandidateMixin,
    CandidateStatus,
    ElectoralUnitIndexMixin,
    ElectoralUnitMixin,
    public_biography_fields,
)
from wagtail_baucu.elections.models import Body, Election, Level, PollingArea, PollingAreaUnit
from wagtail_baucu.elections.ordering import name_sort_key
from wagtail_baucu.feeds.cache import RenderedFeed
from wagtail_baucu.feeds.views import respond
from wagtail_baucu.freshness import generations
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import absolute_url
from wagtail_baucu.resilient_cache import cache
from wagtail_baucu.text.folding import fold, query_terms

_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
STATUS_ALL = "all"
ELECTION_PARAMETERS = frozenset(["election", "body", "level", "unit", "commune", "status"])
# What a download ignores of a listing: it is the whole list, every column.
DOWNLOAD_REFUSED = frozenset(["limit", "offset", "fields"])
DOWNLOAD_FORMATS = {
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json; charset=utf-8",
}


def unit_model():
    return page_model(ElectoralUnitMixin)


def candidate_model():
    return page_model(CandidateMixin)


# Parameters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElectionQuery:
    """The election filters of a request, checked before any query runs on the list."""

    election: int | None = None
    body: str | None = None
    level: str | None = None
    unit: int | None = None
    commune: tuple[str, ...] = ()
    status: str = CandidateStatus.ON_LIST
    search: tuple[str, ...] = field(default=())


def _code(raw: str, name: str) -> str:
    if not _CODE.match(raw):
        raise BadRequestError(_("%(name)s must be a code such as quoc-hoi") % {"name": name})
    return raw


def _words(raw: str | None, name: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    checked = filters.parse_search(raw)
    if checked is None:
        raise BadRequestError(_("%(name)s must contain at least one word") % {"name": name})
    return tuple(query_terms(checked))


def parse_election_query(request, *, statuses: bool = False) -> ElectionQuery:
    """The election filters of ``request``: a 400 with a message for any bad or unknown one."""
    get = request.GET
    election = None
    if "election" in get:
        election = filters.parse_count(get["election"], "election", default=0)
        # An election whose portal is a draft or private is as unknown as one that is not.
        portals = site_public_pages(request).values("pk")
        if not Election.objects.filter(pk=election, portal__in=portals).exists():
            raise BadRequestError(_("unknown election '%(id)s'") % {"id": election})
    body = None
    if "body" in get:
        body = _code(get["body"], "body")
        bodies = Body.objects.filter(code=body)
        if election is not None:
            bodies = bodies.filter(election_id=election)
        if not bodies.exists():
            raise BadRequestError(_("unknown body '%(code)s'") % {"code": body})
    level = None
    if "level" in get:
        level = _code(get["level"], "level")
        levels = Level.objects.filter(code=level)
        if election is not None:
            levels = levels.filter(election_id=election)
        if not levels.exists():
            raise BadRequestError(_("unknown level '%(code)s'") % {"code": level})
    unit = filters.parse_count(get["unit"], "unit", default=0) if "unit" in get else None
    status = CandidateStatus.ON_LIST
    if "status" in get:
        if not statuses:
            raise BadRequestError(_("status applies to candidates only"))
        status = filters.parse_choice(
            get["status"], "status", [*CandidateStatus.values, STATUS_ALL]
        )
    return ElectionQuery(
        election=election,
        body=body,
        level=level,
        unit=unit,
        commune=_words(get.get("commune"), "commune"),
        status=status,
    )


# Querysets ----------------------------------------------------------------------------------


def live_polling_areas(request) -> QuerySet:
    """Published polling areas of the elections whose portal is public on the request's site."""
    portals = site_public_pages(request).values("pk")
    return PollingArea.objects.filter(live=True, election__portal__in=portals)


def _terms_match(text: str, terms: tuple[str, ...]) -> bool:
    folded = fold(text)
    return all(term in folded for term in terms)


def areas_in_commune(areas: QuerySet, terms: tuple[str, ...]) -> QuerySet:
    """Areas whose commune or ward holds every word, accents or not (one query to decide)."""
    names = areas.values_list("pk", "commune")
    return areas.filter(pk__in=[pk for pk, commune in names if _terms_match(commune, terms)])


def filter_units(queryset: QuerySet, query: ElectionQuery, request) -> QuerySet:
    if query.election is not None:
        queryset = queryset.filter(body__election_id=query.election)
    if query.body is not None:
        queryset = queryset.filter(body__code=query.body)
    if query.level is not None:
        queryset = queryset.filter(body__level__code=query.level)
    if query.unit is not None:
        queryset = queryset.filter(pk=query.unit)
    if query.commune:
        areas = areas_in_commune(live_polling_areas(request), query.commune)
        links = PollingAreaUnit.objects.filter(area__in=areas).values_list("body_id", "unit_number")
        served = Q(pk__in=[])
        for body_id, number in set(links):
            served |= Q(body_id=body_id, number=number)
        named = Q()
        for term in query.commune:
            named &= Q(search_text__contains=term)
        queryset = queryset.filter(served | named)
    return queryset


def public_units(request) -> QuerySet:
    return site_public_pages(request, unit_model()).select_related(
        "locale", "body", "body__level", "body__election"
    )


def with_parent_path(queryset: QuerySet) -> QuerySet:
    model = queryset.model
    return queryset.annotate(parent_path=Substr("path", 1, Length("path") - model.steplen))


def filter_candidates(queryset: QuerySet, query: ElectionQuery, request) -> QuerySet:
    """Candidates of the public units the query selects, in the statuses it asks for.

    ``queryset`` carries ``parent_path`` (``with_parent_path``)."""
    units = filter_units(public_units(request), query, request)
    queryset = queryset.filter(parent_path__in=units.values("path"))
    if query.status != STATUS_ALL:
        queryset = queryset.filter(status=query.status)
    return queryset


def filter_polling_areas(queryset: QuerySet, query: ElectionQuery, request) -> QuerySet:
    if query.election is not None:
        queryset = queryset.filter(election_id=query.election)
    if query.body is not None:
        queryset = queryset.filter(units__body__code=query.body)
    if query.level is not None:
        queryset = queryset.filter(units__body__level__code=query.level)
    if query.unit is not None:
        unit = public_units(request).filter(pk=query.unit).first()
        if unit is None:
            return queryset.none()
        queryset = queryset.filter(units__body_id=unit.body_id, units__unit_number=unit.number)
    if query.commune:
        queryset = areas_in_commune(queryset, query.commune)
    return queryset.distinct()


def units_by_path(request, paths) -> dict[str, object]:
    """Public units at ``paths``, with their bodies, in one query."""
    return {unit.path: unit for unit in public_units(request).filter(path__in=set(paths))}


def changed_on_by_unit(units) -> dict[str, object]:
    """The last date a public candidate left each unit's list, by unit path, in one query."""
    if not units:
        return {}
    model = candidate_model()
    depth = next(iter(units)).depth + 1
    rows = (
        with_parent_path(model.objects.live().filter(depth=depth))
        .filter(parent_path__in=[unit.path for unit in units])
        .exclude(status=CandidateStatus.ON_LIST)
        .order_by()
        .values("parent_path")
        .annotate(last=Max("status_changed_on"))
        .values_list("parent_path", "last")
    )
    return dict(rows)


# Filter backends ----------------------------------------------------------------------------


class ElectionFilter(BaseFilterBackend):
    """The election filters of the endpoint's kind (units, candidates or polling areas)."""

    def filter_queryset(self, request, queryset, view):
        return view.apply_election_query(queryset, view.election_query())


class PollingAreaSearchFilter(BaseFilterBackend):
    """Polling areas whose commune, streets, place or address hold every word of ``search``."""

    def filter_queryset(self, request, queryset, view):
        search = filters.parse_search(request.GET.get("search"))
        if search is None:
            return queryset
        for term in query_terms(search):
            queryset = queryset.filter(search_text__contains=term)
        return queryset


# Serializer fields --------------------------------------------------------------------------


def body_data(body) -> dict:
    return {
        "id": body.pk,
        "code": body.code,
        "name": body.name,
        "kind": body.kind,
        "level": {"code": body.level.code, "name": body.level.name} if body.level_id else None,
        "election": body.election_id,
    }


class BodyField(fields._InstanceField):
    def to_representation(self, page):
        unit = page if isinstance(page, ElectoralUnitMixin) else unit_of(page, self.request)
        return body_data(unit.body) if unit is not None else None


class ElectionSummaryField(fields._InstanceField):
    def to_representation(self, page):
        election = page.body.election
        return {
            "id": election.pk,
            "title": election.title,
            "election_day": election.election_day.isoformat(),
        }


class ListChangedOnField(fields._InstanceField):
    """The last date a candidate left the unit's published list, or ``None``."""

    def to_representation(self, unit):
        changed = fields.request_cache(self.request).get("list_changed_on", {})
        return fields.iso_date(changed.get(unit.path))


def unit_of(candidate, request):
    return fields.request_cache(request).get("units", {}).get(candidate.path[: -candidate.steplen])


class CandidateUnitField(fields._InstanceField):
    def to_representation(self, candidate):
        unit = unit_of(candidate, self.request)
        if unit is None:
            return None
        data = {
            "id": unit.pk,
            "title": unit.title,
            "number": unit.number,
            "html_url": absolute_url(unit, self.request),
        }
        if self.router is not None:
            data["detail_url"] = get_object_detail_url(
                self.router, self.request, type(unit), unit.pk
            )
        return data


class StatusField(fields._InstanceField):
    def to_representation(self, candidate):
        return {"code": candidate.status, "name": str(candidate.get_status_display())}


class BiographyField(fields._InstanceField):
    """The public biography fields (``ELECTION_CANDIDATE_PUBLIC_FIELDS``), in the form's order."""

    def to_representation(self, candidate):
        names = public_biography_fields()
        return {name: opendata.plain(getattr(candidate, name)) for name in names}


UNIT_FIELDS = [
    *PagesEndpoint.body_fields,
    APIField("published_at", serializer=fields.DateTimeField()),
    APIField("updated_at", serializer=fields.DateTimeField()),
    APIField("election", serializer=ElectionSummaryField()),
    APIField("body", serializer=BodyField()),
    "number",
    "seats",
    "area_covered",
    "board_name",
    "voter_count",
    APIField("list_published_on", serializer=fields.DateField()),
    APIField("list_changed_on", serializer=ListChangedOnField()),
    APIField("links", serializer=fields.PageLinksField()),
]

CANDIDATE_FIELDS = [
    *PagesEndpoint.body_fields,
    APIField("unit", serializer=CandidateUnitField()),
    APIField("body", serializer=BodyField()),
    APIField("status", serializer=StatusField()),
    APIField("status_changed_on", serializer=fields.DateField()),
    "status_reason",
    "is_example",
    APIField("biography", serializer=BiographyField()),
    APIField("photo", serializer=fields.ImageField()),
    APIField("programme", serializer=RichTextHtmlField()),
    APIField("programme_file", serializer=fields.FileField()),
    APIField("links", serializer=fields.PageLinksField()),
]


def page_summary_or_none(page, request, router=None) -> dict | None:
    return fields.page_summary(page, request, router) if page is not None else None


# Downloads ----------------------------------------------------------------------------------


class DownloadsMixin:
    """``download.csv`` and ``download.json`` of the endpoint's list, with the same filters.

    Cached under the generation tokens of every election portal, so a change anywhere is in the
    next download from any process; ETag and Last-Modified answer conditional requests.
    """

    download_name = ""

    @classmethod
    def get_urlpatterns(cls):
        return super().get_urlpatterns() + [
            path("download.<str:fmt>", cls.as_view({"get": "download_view"}), name="download"),
        ]

    def download_columns(self) -> tuple[str, ...]:
        raise NotImplementedError

    def download_rows(self, queryset) -> list[dict]:
        raise NotImplementedError

    def _download_key(self, request, fmt: str) -> str:
        portals = Election.objects.values_list("portal_id", flat=True)
        parameters = sorted((name, request.GET.getlist(name)) for name in request.GET)
        return entry_key(
            "download",
            generations(portals),
            site_of_request(request),
            self.download_name,
            fmt,
            parameters,
            ",".join(public_biography_fields()),
        )

    def download_view(self, request, fmt: str):
        if fmt not in DOWNLOAD_FORMATS:
            raise Http404(_("unknown format; use csv or json"))
        refused = DOWNLOAD_REFUSED & set(request.GET)
        if refused:
            raise BadRequestError(
                _("a download holds the whole list: %(names)s not allowed")
                % {"names": ", ".join(sorted(refused))}
            )
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        key = self._download_key(request, fmt)
        rendered = cache.get(key)
        if rendered is None or rendered.is_stale():
            rendered = self.render_download(request, self.filter_queryset(queryset), fmt)
            timeout = get_setting("FEED_CACHE_TIMEOUT")
            if rendered.stale_at is not None:
                until_stale = (rendered.stale_at - timezone.now()).total_seconds()
                timeout = max(1, min(timeout, int(until_stale) + 1))
            cache.set(key, rendered, timeout=timeout)
        response = respond(request, rendered)
        election = request.GET.get("election")
        suffix = f"-election-{int(election)}" if election and election.isdigit() else ""
        response["Content-Disposition"] = (
            f'attachment; filename="{self.download_name}{suffix}.{fmt}"'
        )
        return response

    def perform_content_negotiation(self, request, force=False):
        # A download is CSV or JSON whatever the client accepts.
        return super().perform_content_negotiation(
            request, force or getattr(self, "action", None) == "download_view"
        )

    def render_download(self, request, queryset, fmt: str) -> RenderedFeed:
        rows = self.download_rows(queryset)
        columns = self.download_columns()
        if fmt == "csv":
            body = opendata.write_csv(columns, rows)
        else:
            body = opendata.write_json(self.download_name, columns, rows)
        expiries = [e for e in getattr(self, "_expiries", []) if e is not None]
        return RenderedFeed(
            body=body,
            content_type=DOWNLOAD_FORMATS[fmt],
            etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            # The moment of rendering: a withdrawal shortens the list without any row in it
            # getting newer, and the entry is replaced on every change.
            last_modified=timezone.now().replace(microsecond=0),
            archive=False,
            closed=False,
            stale_at=min(expiries) if expiries else None,
        )


# Endpoints ----------------------------------------------------------------------------------


class ElectionPagesEndpoint(DownloadsMixin, PagesEndpoint):
    """Units or candidates: public pages of one type, with the election filters."""

    filter_backends = [
        filters.FieldsFilter,
        ElectionFilter,
        filters.PageFilter,
        filters.OrderingFilter,
    ]
    known_query_parameters = PagesEndpoint.known_query_parameters - {
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
    }
    named_parameters = PagesEndpoint.named_parameters | ELECTION_PARAMETERS
    own_filters = ELECTION_PARAMETERS
    api_fields: list = []

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.api_fields)

    def requested_models(self) -> list[type]:
        return [self.model]

    def election_query(self) -> ElectionQuery:
        if not hasattr(self, "_election_query"):
            self._election_query = parse_election_query(self.request, statuses=self.statuses)
        return self._election_query

    statuses = False

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        self.election_query()


class UnitsEndpoint(ElectionPagesEndpoint):
    """Public electoral units, by election, body and number."""

    api_fields = UNIT_FIELDS
    listing_default_fields = PagesEndpoint.listing_default_fields + [
        "election",
        "body",
        "number",
        "seats",
        "area_covered",
        "list_published_on",
        "list_changed_on",
        "links",
    ]
    orderings = PagesEndpoint.orderings | {"number": "number", "seats": "seats"}
    default_ordering = ("body__election_id", "body__sort_order", "body_id", "number")
    download_name = "units"
    name = "units"

    @classproperty
    def model(cls):
        return unit_model()

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._queryset = public_units(self.request)
        return self._queryset

    def apply_election_query(self, queryset, query):
        return filter_units(queryset, query, self.request)

    def prepare_items(self, items) -> None:
        fields.request_cache(self.request)["list_changed_on"] = changed_on_by_unit(list(items))

    def download_columns(self):
        return opendata.UNIT_COLUMNS

    def download_rows(self, queryset):
        units = list(queryset)
        self._expiries = [unit.expire_at for unit in units]
        return [opendata.unit_row(unit, absolute_url(unit, self.request)) for unit in units]


class OfficialOrderPagination(LimitedPagination):
    """Without ``order=``, candidates unit by unit, each unit's in the official order."""

    def paginate_queryset(self, queryset, request, view=None):
        if request.GET.get("order"):
            return super().paginate_queryset(queryset, request, view)
        maximum = get_setting("API_MAX_LIMIT")
        default = min(get_setting("API_DEFAULT_LIMIT"), maximum)
        limit = filters.parse_count(
            request.GET.get("limit"), "limit", default=default, maximum=maximum
        )
        offset = filters.parse_count(request.GET.get("offset"), "offset", default=0)
        keys = official_keys(queryset)
        self.total_count = len(keys)
        chosen = keys[offset : offset + limit]
        found = queryset.in_bulk(chosen)
        return [found[pk] for pk in chosen if pk in found]


def official_keys(queryset: QuerySet) -> list[int]:
    """The candidates' ids in list order (unit by unit, then the official order), one query."""
    rows = queryset.order_by().values_list("pk", "title", "parent_path", "body_order", "number")
    ordered = sorted(rows, key=lambda r: (r[3], r[4], r[2], name_sort_key(r[1]), r[0]))
    return [row[0] for row in ordered]


class CandidatesEndpoint(ElectionPagesEndpoint):
    """Public candidates of public units; those who left the list only with ``status=``."""

    api_fields = CANDIDATE_FIELDS
    pagination_class = OfficialOrderPagination
    listing_default_fields = PagesEndpoint.listing_default_fields + [
        "unit",
        "body",
        "status",
        "status_changed_on",
        "biography",
        "photo",
        "links",
    ]
    statuses = True
    download_name = "candidates"
    name = "candidates"

    @classproperty
    def model(cls):
        return candidate_model()

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            specs = get_setting("API_IMAGE_RENDITIONS").values()
            images = get_image_model().objects.prefetch_renditions(*specs)
            units = unit_model().objects.filter(path=OuterRef("parent_path"))
            queryset = (
                with_parent_path(site_public_pages(self.request, self.model))
                .filter(parent_path__in=public_units(self.request).values("path"))
                .annotate(
                    body_order=Subquery(units.values("body__sort_order")[:1]),
                    number=Subquery(units.values("number")[:1]),
                )
                .select_related("locale", "programme_file")
                .prefetch_related(Prefetch("photo", queryset=images))
            )
            self._queryset = queryset
        return self._queryset

    def apply_election_query(self, queryset, query):
        return filter_candidates(queryset, query, self.request)

    def prepare_items(self, items) -> None:
        cache = fields.request_cache(self.request)
        cache["units"] = units_by_path(self.request, [c.path[: -c.steplen] for c in items])

    def download_columns(self):
        return opendata.candidate_columns()

    def download_rows(self, queryset):
        keys = official_keys(queryset)
        found = queryset.in_bulk(keys)
        candidates = [found[pk] for pk in keys if pk in found]
        units = units_by_path(self.request, [c.path[: -c.steplen] for c in candidates])
        self._expiries = [c.expire_at for c in candidates] + [u.expire_at for u in units.values()]
        rows = []
        for candidate in candidates:
            unit = units.get(candidate.path[: -candidate.steplen])
            if unit is not None:
                url = absolute_url(candidate, self.request)
                rows.append(opendata.candidate_row(candidate, unit, url))
        return rows


class PollingAreaUnitsField(fields._InstanceField):
    """The unit of each body on the area's ballot, with its page when it is public."""

    def to_representation(self, area):
        units = fields.request_cache(self.request).get("area_units", {})
        result = []
        for link in area.units.all():
            unit = units.get((link.body_id, link.unit_number))
            result.append(
                {
                    "body": body_data(link.body),
                    "unit_number": link.unit_number,
                    "unit": page_summary_or_none(unit, self.request, self.router),
                }
            )
        return result


class TimeField(fields.DateTimeField):
    def to_representation(self, value):
        return value.isoformat(timespec="minutes") if value else None


class PollingAreasEndpoint(DownloadsMixin, StrictParametersMixin, BaseAPIViewSet):
    """Published polling areas: place, address, hours, early voting, the units on the ballot."""

    filter_backends = [
        filters.FieldsFilter,
        ElectionFilter,
        PollingAreaSearchFilter,
        filters.OrderingFilter,
    ]
    known_query_parameters = COMMON_PARAMETERS
    named_parameters = ELECTION_PARAMETERS - {"status"}
    body_fields = [
        "id",
        "election",
        "commune",
        "number",
        "covers",
        "place_name",
        "address",
        APIField("opens_at", serializer=TimeField()),
        APIField("closes_at", serializer=TimeField()),
        APIField("early_voting_date", serializer=fields.DateField()),
        "latitude",
        "longitude",
        APIField("units", serializer=PollingAreaUnitsField()),
    ]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "election",
        "commune",
        "number",
        "place_name",
        "address",
        "opens_at",
        "closes_at",
        "early_voting_date",
        "units",
    ]
    nested_default_fields = ["id", "type", "detail_url", "commune", "number"]
    orderings = {"commune": "commune", "number": "number", "id": "id"}
    default_ordering = ("election_id", "commune", "number")
    download_name = "polling-areas"
    name = "polling-areas"
    model = PollingArea

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            links = PollingAreaUnit.objects.select_related("body", "body__level")
            areas = live_polling_areas(self.request).select_related("election")
            self._queryset = areas.prefetch_related(
                Prefetch("units", queryset=links.order_by("body__sort_order", "body_id"))
            )
        return self._queryset

    def election_query(self) -> ElectionQuery:
        if not hasattr(self, "_election_query"):
            self._election_query = parse_election_query(self.request)
        return self._election_query

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        self.election_query()

    def apply_election_query(self, queryset, query):
        return filter_polling_areas(queryset, query, self.request)

    def field_filter_names(self, model) -> list[str]:
        # Values are filtered through the named filters only (commune without accents, ...).
        return []

    def prepare_items(self, items) -> None:
        wanted = {(link.body_id, link.unit_number) for area in items for link in area.units.all()}
        match = Q(pk__in=[])
        for body_id, number in wanted:
            match |= Q(body_id=body_id, number=number)
        units = public_units(self.request).filter(match) if wanted else []
        fields.request_cache(self.request)["area_units"] = {
            (unit.body_id, unit.number): unit for unit in units
        }

    def download_columns(self):
        return opendata.POLLING_AREA_COLUMNS

    def download_rows(self, queryset):
        self._expiries = []
        return [opendata.polling_area_row(area) for area in queryset]


class ElectionBodiesField(fields._InstanceField):
    def to_representation(self, election):
        return [body_data(body) for body in election.bodies.all()]


class ElectionLevelsField(fields._InstanceField):
    def to_representation(self, election):
        return [{"code": level.code, "name": level.name} for level in election.levels.all()]


class ElectionPortalField(fields._InstanceField):
    def to_representation(self, election):
        return page_summary_or_none(election.portal, self.request, self.router)


class ElectionListsField(fields._InstanceField):
    """The election's lists in the API, their downloads and the election's feeds."""

    def to_representation(self, election):
        data = {}
        for name in ("units", "candidates", "polling-areas"):
            base = get_full_url(self.request, f"{self.api_root}{name}/")
            data[name] = {
                "api": f"{base}?election={election.pk}",
                "csv": f"{base}download.csv?election={election.pk}",
                "json": f"{base}download.json?election={election.pk}",
            }
        index = fields.request_cache(self.request).get("unit_indexes", {}).get(election.portal_id)
        if index is not None:
            data["feeds"] = feed_urls(index, self.request)
            data["index"] = absolute_url(index, self.request)
        return data

    @property
    def api_root(self) -> str:
        path = self.request.path
        return path[: path.index("elections/")] if "elections/" in path else "/"


class ElectionsEndpoint(StrictParametersMixin, BaseAPIViewSet):
    """The elections whose portal is public on the site, with their levels and bodies."""

    filter_backends = [filters.FieldsFilter, filters.OrderingFilter]
    known_query_parameters = COMMON_PARAMETERS - {"search"}
    body_fields = [
        "id",
        "title",
        APIField("election_day", serializer=fields.DateField()),
        APIField("portal", serializer=ElectionPortalField()),
        APIField("levels", serializer=ElectionLevelsField()),
        APIField("bodies", serializer=ElectionBodiesField()),
        APIField("lists", serializer=ElectionListsField()),
    ]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "title",
        "election_day",
        "portal",
        "levels",
        "bodies",
        "lists",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    orderings = {"election_day": "election_day", "title": "title", "id": "id"}
    default_ordering = ("-election_day",)
    name = "elections"
    model = Election

    def field_filter_names(self, model) -> list[str]:
        return []

    def get_queryset(self):
        portals = site_public_pages(self.request).values("pk")
        bodies = Body.objects.select_related("level").order_by("sort_order", "pk")
        return (
            Election.objects.filter(portal__in=portals)
            .select_related("portal")
            .prefetch_related("levels", Prefetch("bodies", queryset=bodies))
        )

    def prepare_items(self, items) -> None:
        portals = {election.portal_id: election.portal for election in items}
        indexes = {}
        if portals:
            model = page_model(ElectoralUnitIndexMixin)
            under = Q(pk__in=[])
            for portal in portals.values():
                under |= Q(path__startswith=portal.path, depth=portal.depth + 1)
            found = site_public_pages(self.request, model).filter(under)
            for index in found.order_by("path"):
                for pk, portal in portals.items():
                    if index.path.startswith(portal.path):
                        indexes.setdefault(pk, index)
        fields.request_cache(self.request)["unit_indexes"] = indexes

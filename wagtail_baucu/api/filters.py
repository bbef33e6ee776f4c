"""Query parameters of the API: parsed strictly, so a bad value is a 400 with a message.

The parsers are pure functions; the filter backends apply them to a queryset.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.models import AbstractPage

from wagtail_baucu.conf import get_setting
from wagtail_baucu.documents.numbers import DOCUMENT_TYPES, OFFICIAL_LETTER
from wagtail_baucu.pages.mixins import (
    AgencyContentMixin,
    BaucuPageMixin,
    DirectiveDocumentMixin,
    DocumentLevel,
    NewsArticleMixin,
    known_issuer,
    search_pages,
)
from wagtail_baucu.text.folding import QueryOutOfBounds, bounded_query, fold, query_terms
from wagtail_baucu.text.integers import parse_bounded_int

MIN_YEAR, MAX_YEAR = 1900, 2100
_CODE = re.compile(r"^[A-Za-zĐđ0-9][A-Za-zĐđ0-9-]{0,39}$")
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,255}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


# Parsers -------------------------------------------------------------------------------------


def parse_count(raw: str | None, name: str, *, default: int, maximum: int | None = None) -> int:
    """A non-negative integer no larger than ``maximum``, or ``default`` when absent."""
    if raw is None:
        return default
    value = parse_bounded_int(raw)
    if value is None:
        raise BadRequestError(_("%(name)s must be a positive integer") % {"name": name})
    if maximum is not None and value > maximum:
        raise BadRequestError(
            _("%(name)s cannot be higher than %(maximum)d") % {"name": name, "maximum": maximum}
        )
    return value


def parse_year(raw: str) -> int:
    """A four-digit year between 1900 and 2100."""
    year = parse_bounded_int(raw, MIN_YEAR, MAX_YEAR) if len(raw) == 4 else None
    if year is None:
        raise BadRequestError(
            _("year must be a year between %(min)d and %(max)d, e.g. 2021")
            % {"min": MIN_YEAR, "max": MAX_YEAR}
        )
    return year


def parse_date(raw: str, name: str) -> date | datetime:
    """An ISO 8601 day (``2021-03-30``) or moment (``2021-03-30T08:00:00+07:00``).

    A moment without an offset is in the package's time zone.
    """
    value: date | datetime | None = None
    text = raw.strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            value = date.fromisoformat(text)
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9:]+)?", text):
            value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None:
        raise BadRequestError(
            _(
                "%(name)s must be an ISO 8601 date or date-time, e.g. 2021-03-30 or "
                "2021-03-30T08:00:00+07:00 (write + as %%2B)"
            )
            % {"name": name}
        )
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise BadRequestError(
            _("%(name)s must be between the years %(min)d and %(max)d")
            % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = value.replace(tzinfo=ZoneInfo(get_setting("TIME_ZONE")))
    return value


def moment_bounds(value: date | datetime, *, end: bool) -> datetime:
    """The first moment of a day (``end=False``) or the first moment after it (``end=True``)."""
    if isinstance(value, datetime):
        return value + timedelta(microseconds=1) if end else value
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(get_setting("TIME_ZONE")))


def parse_search(raw: str | None) -> str | None:
    """The search text, or ``None`` for none; 400 for control characters, too long, no words."""
    if raw is None or not raw.strip():
        return None
    if _CONTROL.search(raw):
        raise BadRequestError(_("search must not contain control characters"))
    try:
        bounded_query(raw)
    except QueryOutOfBounds as error:
        if error.bound == "length":
            raise BadRequestError(
                _("search cannot be longer than %(max)d characters") % {"max": error.limit}
            ) from None
        raise BadRequestError(
            _("search cannot have more than %(max)d different words") % {"max": error.limit}
        ) from None
    if not query_terms(raw):
        raise BadRequestError(_("search must contain at least one word"))
    return raw


def parse_code(raw: str, name: str) -> str:
    """An agency or issuer code such as ``UBBC`` or ``NĐ-CP``."""
    if not _CODE.match(raw.strip()):
        raise BadRequestError(_("%(name)s must be a code such as UBBC") % {"name": name})
    return raw.strip()


def parse_choice(raw: str, name: str, choices: list[str]) -> str:
    if raw not in choices:
        raise BadRequestError(
            _("unknown %(name)s '%(value)s'; one of: %(choices)s")
            % {"name": name, "value": raw[:50], "choices": ", ".join(choices)}
        )
    return raw


def parse_ordering(raw: str | None, orderings: dict[str, str]) -> list[str] | None:
    """``order=-published_at,title`` as database orderings; 400 for an unknown name."""
    if raw is None or not raw.strip():
        return None
    result = []
    for item in raw.split(","):
        descending = item.startswith("-")
        name = item[1:] if descending else item
        if name not in orderings:
            raise BadRequestError(
                _("cannot order by '%(name)s'; one of: %(choices)s")
                % {"name": item[:50], "choices": ", ".join(orderings)}
            )
        result.append(("-" if descending else "") + orderings[name])
    return result


# Named filters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NamedFilter:
    """A query parameter, the page types it applies to, and how it filters a queryset."""

    name: str
    applies_to: tuple[type, ...]
    apply: Callable[[QuerySet, str], QuerySet]


def _agency(queryset: QuerySet, raw: str) -> QuerySet:
    from wagtail_baucu.agencies.models import Agency

    code = parse_code(raw, "agency")
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise BadRequestError(_("unknown agency '%(code)s'") % {"code": code})
    return queryset.filter(agency=agency)


def _category(queryset: QuerySet, raw: str) -> QuerySet:
    from wagtail_baucu.agencies.models import Category

    category = Category.objects.filter(slug=raw).first() if _SLUG.match(raw) else None
    if category is None:
        raise BadRequestError(_("unknown category '%(slug)s'") % {"slug": raw[:50]})
    return queryset.filter(categories=category)


def _document_type(queryset: QuerySet, raw: str) -> QuerySet:
    choices = list(dict.fromkeys([OFFICIAL_LETTER, *DOCUMENT_TYPES]))
    return queryset.filter(document_type=parse_choice(raw, "document_type", choices))


def _issuer(queryset: QuerySet, raw: str) -> QuerySet:
    code = parse_code(raw, "issuer")
    # An issuer named only by a draft or private document is as unknown as one nobody names.
    if not known_issuer(code):
        raise BadRequestError(_("unknown issuer '%(code)s'") % {"code": code})
    return queryset.filter(Q(issuer__code=code) | Q(issuer_code=code))


def _level(queryset: QuerySet, raw: str) -> QuerySet:
    return queryset.filter(level=parse_choice(raw, "level", list(DocumentLevel.values)))


def _year(queryset: QuerySet, raw: str) -> QuerySet:
    year = parse_year(raw)
    if issubclass(queryset.model, DirectiveDocumentMixin):
        return queryset.filter(issue_date__year=year)
    start = moment_bounds(date(year, 1, 1), end=False)
    return queryset.filter(
        first_published_at__gte=start, first_published_at__lt=start.replace(year=year + 1)
    )


def _published_from(queryset: QuerySet, raw: str) -> QuerySet:
    bound = moment_bounds(parse_date(raw, "published_from"), end=False)
    return queryset.filter(first_published_at__gte=bound)


def _published_to(queryset: QuerySet, raw: str) -> QuerySet:
    bound = moment_bounds(parse_date(raw, "published_to"), end=True)
    return queryset.filter(first_published_at__lt=bound)


def _as_day(raw: str, name: str) -> date:
    value = parse_date(raw, name)
    return value.date() if isinstance(value, datetime) else value


def _issued_from(queryset: QuerySet, raw: str) -> QuerySet:
    return queryset.filter(issue_date__gte=_as_day(raw, "issued_from"))


def _issued_to(queryset: QuerySet, raw: str) -> QuerySet:
    return queryset.filter(issue_date__lte=_as_day(raw, "issued_to"))


PAGE_FILTERS = [
    NamedFilter("agency", (AgencyContentMixin,), _agency),
    NamedFilter("category", (NewsArticleMixin,), _category),
    NamedFilter("document_type", (DirectiveDocumentMixin,), _document_type),
    NamedFilter("issuer", (DirectiveDocumentMixin,), _issuer),
    NamedFilter("level", (DirectiveDocumentMixin,), _level),
    NamedFilter("year", (AbstractPage,), _year),
    NamedFilter("published_from", (AbstractPage,), _published_from),
    NamedFilter("published_to", (AbstractPage,), _published_to),
    NamedFilter("issued_from", (DirectiveDocumentMixin,), _issued_from),
    NamedFilter("issued_to", (DirectiveDocumentMixin,), _issued_to),
]


def baucu_page_models() -> list[type]:
    """The installed concrete page models built on ``BaucuPageMixin``."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaucuPageMixin) and not model._meta.proxy
    ]


def search_any_page(queryset: QuerySet, raw: str) -> QuerySet:
    """Search without diacritics, on a queryset of one page type or of all pages."""
    if issubclass(queryset.model, BaucuPageMixin):
        return search_pages(queryset, raw)
    matches = Q(pk__in=[])
    for model in baucu_page_models():
        matches |= Q(pk__in=search_pages(model.objects.all(), raw).values("pk"))
    return queryset.filter(matches)


class PageFilter(BaseFilterBackend):
    """The package's named filters (agency, category, document type, ...) and search."""

    def filter_queryset(self, request, queryset, view):
        # An endpoint's own filters of the same name (``level`` of the units) come first.
        own = getattr(view, "own_filters", frozenset())
        for named in PAGE_FILTERS:
            raw = request.GET.get(named.name)
            if raw is None or named.name in own:
                continue
            if not issubclass(queryset.model, named.applies_to):
                raise BadRequestError(
                    _("%(name)s does not apply to %(model)s; use the news or directives endpoint")
                    % {"name": named.name, "model": queryset.model._meta.verbose_name_plural}
                )
            queryset = named.apply(queryset, raw)
        _check_date_range(request, "published_from", "published_to")
        _check_date_range(request, "issued_from", "issued_to")
        search = parse_search(request.GET.get("search"))
        if search is not None:
            queryset = search_any_page(queryset, search)
        return queryset


def _check_date_range(request, start: str, end: str) -> None:
    if start in request.GET and end in request.GET:
        low = moment_bounds(parse_date(request.GET[start], start), end=False)
        high = moment_bounds(parse_date(request.GET[end], end), end=True)
        if low >= high:
            raise BadRequestError(
                _("%(start)s must be before %(end)s") % {"start": start, "end": end}
            )


class AgencyFilter(BaseFilterBackend):
    """Agencies by kind and by a search of their names and code, with or without accents."""

    def filter_queryset(self, request, queryset, view):
        from wagtail_baucu.agencies.models import Agency

        kind = request.GET.get("kind")
        if kind is not None:
            queryset = queryset.filter(kind=parse_choice(kind, "kind", list(Agency.Kind.values)))
        search = parse_search(request.GET.get("search"))
        if search is not None:
            terms = query_terms(search)
            names = Agency.objects.values_list("pk", "name", "short_name", "code")
            matching = [
                pk for pk, *texts in names if all(term in fold(" ".join(texts)) for term in terms)
            ]
            queryset = queryset.filter(pk__in=matching)
        return queryset


class TitleSearchFilter(BaseFilterBackend):
    """Images and documents by title, with or without accents, never through the search backend
    (SQLite's answers some inputs with an error)."""

    def filter_queryset(self, request, queryset, view):
        search = parse_search(request.GET.get("search"))
        if search is None:
            return queryset
        terms = query_terms(search)
        titles = queryset.values_list("pk", "title")
        return queryset.filter(
            pk__in=[pk for pk, title in titles if all(term in fold(title) for term in terms)]
        )


class OrderingFilter(BaseFilterBackend):
    """``order=`` from the endpoint's list of names, always ending with a unique key."""

    def filter_queryset(self, request, queryset, view):
        ordering = parse_ordering(request.GET.get("order"), view.orderings)
        if ordering is None:
            ordering = list(view.default_ordering)
        return queryset.order_by(*ordering, "-pk")


# Wagtail-style field filters (``?slug=...``) -------------------------------------------------

_FILTERABLE = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.DateField,
    models.ForeignKey,
)


def filterable_field(model, name: str):
    """The model field ``name`` if the API lets clients filter on it by value, else ``None``."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    if not isinstance(field, _FILTERABLE) or not getattr(field, "concrete", False):
        return None
    # Rich text and stream fields are stored as text, but equality on them means nothing.
    if type(field).__module__.startswith("wagtail.fields"):
        return None
    return field


def clean_field_value(field, raw: str):
    """The value a client gave for a field, as the database needs it; 400 when it cannot be."""
    if _CONTROL.search(raw):
        raise BadRequestError(
            _("field filter error. control characters are not allowed for %(name)s")
            % {"name": field.name}
        )
    try:
        if isinstance(field, models.BooleanField):
            return parse_boolean(raw)
        target = field.target_field if isinstance(field, models.ForeignKey) else field
        if isinstance(target, models.IntegerField | models.AutoField):
            return parse_count(raw, field.name, default=0)
        if isinstance(target, models.DateField):
            value = parse_date(raw, field.name)
            if isinstance(target, models.DateTimeField) and not isinstance(value, datetime):
                value = moment_bounds(value, end=False)
            return value
        return target.to_python(raw)
    except (ValidationError, ValueError) as error:
        raise BadRequestError(
            _("field filter error. '%(value)s' is not a valid value for %(name)s")
            % {"value": raw[:50], "name": field.name}
        ) from error


class FieldsFilter(BaseFilterBackend):
    """Filters such as ``?slug=tin-tuc`` on the fields an endpoint lists, values checked first."""

    def filter_queryset(self, request, queryset, view):
        for name in view.field_filter_names(queryset.model):
            if name in request.GET:
                field = filterable_field(queryset.model, name)
                queryset = queryset.filter(**{name: clean_field_value(field, request.GET[name])})
        return queryset

"""Feeds of the election's lists: the publication of a unit's official list, and every change
to it (a candidate withdrawn or removed is news).

Items, one ``FeedItem`` model written as RSS, Atom and JSON Feed by ``wagtail_baucu.feeds``:

- **the list** of a public unit with a publication date: its id names the unit
  (``tag:<host>,<date of the list>:unit-list/<unit id>``), published on that date, updated
  whenever the unit or one of its candidates is published again; its content is the list as
  it stands, in the official order, so a withdrawn candidate leaves it on the next request;
- **a change**, for each public candidate who left the list, with the date and the reason:
  ``tag:<host>,<date of the change>:candidate-status/<candidate id>/<status>``, published on
  the date of the change. A candidate put back on the list and withdrawn again on another
  day gets a new item; the record of the earlier change is the candidate's page.

Feeds live at ``<index of units>/feed/<format>/`` (the election) and ``<unit>/feed/<format>/``
(one unit), with the monthly archives of every feed; cached under the portal's generation
tokens, so a withdrawal is in them on the next request, from any process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from html import escape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections.mixins import (
    CandidateMixin,
    CandidateStatus,
    ElectoralUnitMixin,
    official_order,
)
from wagtail_baucu.feeds.items import FeedCategory, FeedItem, tag_uri
from wagtail_baucu.feeds.sources import FeedSource, _month_range
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages, site_root_url
from wagtail_baucu.text.dates import format_date_vi


def _moment(day) -> datetime:
    # A list or a change is dated by the committee's day, not by the moment an editor published.
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(get_setting("TIME_ZONE")))


@dataclass
class ListChangesSource(FeedSource):
    """The lists of the units under ``page`` (an index of units), or of ``page`` (a unit)."""

    news: bool = False
    documents: bool = False

    def units(self) -> list:
        model = page_model(ElectoralUnitMixin)
        if isinstance(self.page, ElectoralUnitMixin):
            queryset = model.objects.filter(pk=self.page.pk)
        else:
            queryset = model.objects.child_of(self.page)
        queryset = public_pages(queryset).select_related("body")
        return list(queryset.order_by("body__sort_order", "body_id", "number"))

    def candidates(self, units: list) -> dict[str, list]:
        """The public candidates of each unit (every status), by unit path, in one query."""
        if not units:
            return {}
        model = page_model(CandidateMixin)
        queryset = (
            public_pages(model.objects.filter(depth=units[0].depth + 1))
            .annotate(parent_path=Substr("path", 1, Length("path") - model.steplen))
            .filter(parent_path__in=[unit.path for unit in units])
        )
        found: dict[str, list] = {unit.path: [] for unit in units}
        for candidate in queryset:
            found[candidate.parent_path].append(candidate)
        return found

    def all_items(self, request: HttpRequest | None) -> list[FeedItem]:
        units = self.units()
        candidates = self.candidates(units)
        root_url = site_root_url(self.page, request) or ""
        authority = get_setting("FEED_ID_AUTHORITY") or (urlsplit(root_url).hostname or "localhost")
        expiries = [self.page.expire_at] + [u.expire_at for u in units]
        items: list[FeedItem] = []
        for unit in units:
            of_unit = candidates.get(unit.path, [])
            expiries += [c.expire_at for c in of_unit]
            if unit.list_published_on:
                items.append(self.list_item(unit, of_unit, request, authority))
            for candidate in of_unit:
                if not candidate.on_list and candidate.status_changed_on:
                    items.append(self.change_item(unit, candidate, request, authority))
        expiries = [moment for moment in expiries if moment is not None]
        self.expires_at = min(expiries) if expiries else None
        items.sort(key=lambda item: (item.published, item.id), reverse=True)
        return items

    def category(self, unit, request) -> FeedCategory:
        scheme = (unit.get_parent().get_full_url(request) or "") + "#co-quan"
        return FeedCategory(term=unit.body.code, label=unit.body.name, scheme=scheme)

    def list_item(self, unit, candidates: list, request, authority: str) -> FeedItem:
        on_list = official_order([c for c in candidates if c.on_list])
        published = _moment(unit.list_published_on)
        moments = [published, unit.last_published_at] + [c.last_published_at for c in candidates]
        updated = max(m for m in moments if m is not None).replace(microsecond=0)
        names = "".join(
            f'<li><a href="{escape(c.get_full_url(request) or "")}">{escape(c.title)}</a></li>'
            for c in on_list
        )
        summary = _("%(count)d candidates for %(seats)d seats") % {
            "count": len(on_list),
            "seats": unit.seats,
        }
        return FeedItem(
            id=tag_uri(authority, unit.list_published_on, f"unit-list/{unit.pk}"),
            title=_("Official list of candidates: %(unit)s, %(body)s")
            % {"unit": unit.title, "body": unit.body.name},
            link=unit.get_full_url(request) or "",
            published=published,
            updated=updated,
            summary=summary,
            content_html=f"<p>{escape(summary)}.</p><ol>{names}</ol>",
            categories=(self.category(unit, request),),
        )

    def change_item(self, unit, candidate, request, authority: str) -> FeedItem:
        day = candidate.status_changed_on
        values = {"name": candidate.title, "unit": unit.title, "body": unit.body.name}
        if candidate.status == CandidateStatus.WITHDRAWN:
            title = _("%(name)s withdrew from the list of %(unit)s, %(body)s") % values
        else:
            title = _("%(name)s was removed from the list of %(unit)s, %(body)s") % values
        when = _("On %(date)s.") % {"date": format_date_vi(day)}
        reason = candidate.status_reason.strip()
        summary = f"{when} {reason}".strip()
        published = _moment(day)
        updated = max(published, candidate.last_published_at or published).replace(microsecond=0)
        return FeedItem(
            id=tag_uri(authority, day, f"candidate-status/{candidate.pk}/{candidate.status}/{day}"),
            title=title,
            link=candidate.get_full_url(request) or "",
            published=published,
            updated=updated,
            summary=summary,
            content_html=f"<p>{escape(when)}</p>" + (f"<p>{escape(reason)}</p>" if reason else ""),
            categories=(self.category(unit, request),),
        )

    def items(self, request: HttpRequest | None, month=None) -> list[FeedItem]:
        items = self.all_items(request)
        self._months = sorted({(i.published.year, i.published.month) for i in items})
        if month is None:
            return items[: get_setting("FEED_SIZE")]
        start, end = _month_range(*month)
        return [item for item in items if start <= item.published < end]

    def neighbour_months(self, month):
        months = getattr(self, "_months", None)
        if months is None:
            self.items(None)
            months = self._months
        if month is None:
            return (months[-1] if months else None), None
        before = [m for m in months if m < month]
        after = [m for m in months if m > month]
        return (before[-1] if before else None), (after[0] if after else None)


def election_lists_source(index) -> ListChangesSource:
    """The election's feed, on its index of units."""
    return ListChangesSource(
        page=index,
        key="election-lists",
        title=index.title,
        description=_("Publication of the candidate lists of %(portal)s and every change to them")
        % {"portal": (index.portal or index).title},
    )


def unit_list_source(unit) -> ListChangesSource:
    """One unit's feed: its list and every change to it."""
    return ListChangesSource(
        page=unit,
        key="unit-list",
        title=unit.title,
        description=_("The candidate list of %(unit)s and every change to it")
        % {"unit": unit.title},
    )

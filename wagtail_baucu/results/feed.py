"""Results feeds: each publication of a unit's result is an item, per body and per unit.

Written by the package's feed machinery (``wagtail_baucu.feeds``): one item model
(``FeedItem``), its RSS, Atom and JSON Feed writers, its conditional responses. A rendered
feed is cached under the portal's generation token, which a result's publication renews in
its transaction, so every process serves the new item from its next request on.
"""

from __future__ import annotations

import hashlib
from html import escape

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail_baucu.cachekeys import site_of_request
from wagtail_baucu.conf import get_setting
from wagtail_baucu.feeds.cache import RenderedFeed
from wagtail_baucu.feeds.items import (
    CONTENT_TYPES,
    FeedAuthor,
    FeedItem,
    FeedMeta,
    newest_update,
    tag_uri,
)
from wagtail_baucu.feeds.writers import write_feed
from wagtail_baucu.freshness import generation
from wagtail_baucu.language import content_language
from wagtail_baucu.public import make_absolute, site_root_url
from wagtail_baucu.resilient_cache import cache
from wagtail_baucu.results.reading import PublicationEntry, publication_entries, soonest_expiry
from wagtail_baucu.text.numbers import percent_vi


def _host(root_url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(root_url).hostname or "localhost"


def entry_summary(entry: PublicationEntry) -> str:
    """One line: turnout and who was elected, or why no one was."""
    outcome = entry.outcome
    if outcome is None:
        return _("The published figures are being checked.")
    parts = [_("Turnout %(turnout)s.") % {"turnout": percent_vi(outcome.turnout)}]
    if outcome.repeat_needed:
        parts.append(_("Not more than half of the voters voted: the unit votes again."))
    names = [entry.candidates[v.key].title for v in outcome.winners if v.key in entry.candidates]
    if names:
        parts.append(_("Elected: %(names)s.") % {"names": ", ".join(names)})
    if outcome.undecided_seats:
        parts.append(
            _("%(seats)s seat(s) tied between candidates born the same day, for the committee.")
            % {"seats": outcome.undecided_seats}
        )
    if outcome.counts and outcome.seats_unfilled:
        parts.append(_("%(seats)s seat(s) not filled.") % {"seats": outcome.seats_unfilled})
    return " ".join(parts)


def entry_html(entry: PublicationEntry) -> str:
    publication = entry.publication
    rows = "".join(
        f"<li>{escape(entry.candidates[s.candidate.key].title)}: {s.candidate.votes}"
        + (f" ({escape(_('elected'))})" if s.elected else "")
        + "</li>"
        for s in (entry.outcome.standings if entry.outcome else ())
        if s.candidate.key in entry.candidates
    )
    text = f"<p>{escape(entry_summary(entry))}</p>"
    if rows:
        text += f"<ul>{rows}</ul>"
    text += "<p>" + escape(
        _("By decision of %(by)s: %(reference)s.")
        % {"by": publication.decided_by, "reference": publication.decision_reference}
    )
    if publication.correction_note:
        text += " " + escape(publication.correction_note)
    return text + "</p>"


def entry_item(entry: PublicationEntry, authority: str, request) -> FeedItem:
    publication = entry.publication
    title = (
        _("Corrected result: %(unit)s, %(body)s")
        if entry.correction
        else _("Result: %(unit)s, %(body)s")
    ) % {"unit": entry.unit.title, "body": entry.result.body.name}
    return FeedItem(
        id=tag_uri(
            authority, publication.published_at.date(), f"result-publication/{publication.pk}"
        ),
        title=title,
        link=(entry.unit.get_full_url(request) or "") + "#ket-qua",
        published=publication.published_at,
        updated=publication.published_at,
        summary=entry_summary(entry),
        content_html=entry_html(entry),
    )


def feed_path(election, body, fmt: str, unit_number: int | None = None) -> str:
    if unit_number is None:
        return reverse("wagtail_baucu:results_body_feed", args=[election.pk, body.code, fmt])
    return reverse(
        "wagtail_baucu:results_unit_feed", args=[election.pk, body.code, unit_number, fmt]
    )


def render_feed(request: HttpRequest, election, body, fmt: str, unit=None) -> RenderedFeed:
    """The results feed of ``body`` (or of one of its units) in ``fmt``, from the cache."""
    portal = election.portal
    number = unit.number if unit is not None else None
    key = "baucu:results-feed:{}:{}".format(
        generation(portal.pk),
        hashlib.sha256(f"{site_of_request(request)}:{body.pk}:{number}:{fmt}".encode()).hexdigest()[
            :32
        ],
    )
    found = cache.get(key)
    if found is not None:
        return found
    root_url = site_root_url(portal, request) or ""
    authority = get_setting("FEED_ID_AUTHORITY") or _host(root_url)
    with translation.override(content_language(portal)):
        entries = publication_entries(body, number, limit=get_setting("FEED_SIZE"))
        items = [entry_item(entry, authority, request) for entry in entries]
        if unit is None:
            title = _("Results: %(body)s") % {"body": body.name}
            html_url = make_absolute(
                reverse("wagtail_baucu:results_overview", args=[election.pk, body.code]),
                root_url,
            )
        else:
            title = _("Results: %(unit)s, %(body)s") % {"unit": unit.title, "body": body.name}
            html_url = unit.get_full_url(request) or ""
        specific = f"results/{body.pk}" + (f"/{number}" if number is not None else "")
        meta = FeedMeta(
            id=tag_uri(authority, election.election_day, specific),
            title=f"{title} – {portal.title}",
            subtitle=_("Each publication and correction of a unit's result."),
            self_url=make_absolute(feed_path(election, body, fmt, number), root_url),
            html_url=html_url,
            author=FeedAuthor(name=portal.title, uri=portal.get_full_url(request) or ""),
            rights=get_setting("FEED_RIGHTS") or f"© {portal.title}",
            hub_url=get_setting("WEBSUB_HUB") or "",
        )
        body_bytes = write_feed(fmt, meta, items)
    rendered = RenderedFeed(
        body=body_bytes,
        content_type=CONTENT_TYPES[fmt],
        etag='"' + hashlib.sha256(body_bytes).hexdigest()[:32] + '"',
        last_modified=newest_update(items),
        archive=False,
        closed=False,
    )
    cache.set(key, rendered, timeout=cache_timeout(body, "FEED_CACHE_TIMEOUT"))
    return rendered


def cache_timeout(body, setting: str) -> int:
    """The setting's timeout, cut to the first expiry of a unit page of ``body``: an expiry
    changes what is public with no event to renew the token."""
    timeout = get_setting(setting)
    soonest = soonest_expiry([body])
    if soonest is not None:
        timeout = max(1, min(timeout, int((soonest - timezone.now()).total_seconds()) + 1))
    return timeout

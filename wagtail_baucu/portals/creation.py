"""Creating an election portal in one step, idempotently: used by ``baucu_portal``, the admin
and the demo loader.

``create_portal(PortalSpec(title="Bầu cử 2026", hostname="127.0.0.1", port=8000))`` makes (or
finds) the portal page under the tree's root with its indexes (news, directive documents,
agencies, electoral units), makes it the root of the Site at that host and port (the default
Site, moved there, or a new one), removes the project template's home page if asked, and sets
the moderators' group and the moderation workflow on it. Bad input changes nothing; a second
run with the same input changes nothing either.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import Site

from wagtail_baucu.agencies.onboarding import ensure_moderators
from wagtail_baucu.elections.mixins import ElectoralUnitIndexMixin
from wagtail_baucu.pages import mixins
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.text.integers import parse_bounded_int
from wagtail_baucu.text.slugs import vietnamese_slugify

# The slug of the page Wagtail's first migration and ``wagtail start``'s ``home`` app make.
TEMPLATE_HOME_SLUG = "home"
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


class PortalError(Exception):
    """Bad input for a portal: the message says what to fix; nothing was changed."""


def _index_types() -> list[tuple[type, str, str]]:
    """The portal's indexes: (mixin, title, introduction), titles in the content's language."""
    indexes = [
        (
            mixins.NewsIndexMixin,
            pgettext("page title", "News"),
            _("News from the election committee and the agencies and localities."),
        ),
        (
            mixins.DocumentIndexMixin,
            pgettext("page title", "Directive documents"),
            _("Directives and guidance of the central and local authorities on the election."),
        ),
        (
            mixins.AgencyIndexMixin,
            pgettext("page title", "Agencies"),
            _("The agencies and units that provide information on the election."),
        ),
    ]
    if apps.is_installed("wagtail_baucu.elections"):
        indexes.append((ElectoralUnitIndexMixin, pgettext("page title", "Electoral units"), ""))
    return indexes


@dataclass(frozen=True)
class PortalSpec:
    """What a portal is made from; strings as typed (the command's and the form's input)."""

    title: str
    hostname: str
    port: int | str = 80
    election_day: date | str | None = None
    election_name: str = ""  # default: the title
    slug: str = ""  # default: the title's slug
    introduction: str = ""
    new_site: bool = False  # a new Site at hostname:port instead of moving the default one
    remove_home_page: bool = False  # delete the project template's home page


@dataclass
class PortalResult:
    portal: object
    site: Site
    # What this run made or changed, in words, in order; empty when nothing changed.
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def base_url(self) -> str:
        return self.site.root_url


def parse_hostname(raw: str) -> str:
    """A host name or IP address as a Site holds it (lower case, no scheme, port or path)."""
    hostname = (raw or "").strip().lower().rstrip(".")
    if not hostname:
        raise PortalError(_("A portal needs a host name, e.g. 127.0.0.1 or baucu.example.vn."))
    try:
        ipaddress.ip_address(hostname)
        return hostname
    except ValueError:
        pass
    labels = hostname.split(".")
    if len(hostname) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise PortalError(
            _(
                "“%s” is not a host name: give only the name, without http://, a port or a "
                "path, e.g. baucu.example.vn."
            )
            % raw
        )
    return hostname


def parse_port(raw: int | str) -> int:
    port = raw if isinstance(raw, int) else parse_bounded_int(str(raw).strip(), 1, 65535)
    if port is None or not 1 <= port <= 65535:
        raise PortalError(_("“%s” is not a port: give a whole number from 1 to 65535.") % raw)
    return port


def parse_election_day(raw: date | str | None) -> date | None:
    """A date as 2026-03-15 or 15/03/2026; none is allowed."""
    if raw is None or isinstance(raw, date):
        return raw
    text = raw.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise PortalError(
        _("“%s” is not a date: write the election day as 2026-03-15 or 15/03/2026.") % raw
    )


class PortalCreation:
    """The idempotent making of a portal, its indexes, its Site and its moderation."""

    def __init__(self, spec: PortalSpec):
        self.spec = spec
        self.changes: list[str] = []

    def create(self) -> PortalResult:
        spec = self.spec
        title = (spec.title or "").strip()
        if not title:
            raise PortalError(_("A portal needs a title."))
        if len(title) > 255:
            raise PortalError(_("The title is longer than 255 characters."))
        hostname = parse_hostname(spec.hostname)
        port = parse_port(spec.port)
        election_day = parse_election_day(spec.election_day)
        slug = (spec.slug or "").strip() or vietnamese_slugify(title)
        if slug != vietnamese_slugify(slug) or not slug:
            raise PortalError(
                _("“%s” is not a slug: use lower-case letters without accents, digits and -.")
                % spec.slug
            )
        # Content is written in the site's language, whoever asks (a user's admin language).
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            portal = self.portal(title, slug, election_day)
            site = self.site(portal, hostname, port)
            if spec.remove_home_page:
                self.remove_home_page(portal)
            self.indexes(portal)
            ensure_moderators(portal)
        return PortalResult(portal, site, self.changes)

    def portal(self, title: str, slug: str, election_day: date | None):
        model = page_model(mixins.ElectionPortalMixin)
        root = model.base_page_model.get_first_root_node()
        existing = root.get_children().filter(slug=slug).first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, mixins.ElectionPortalMixin):
                raise PortalError(
                    _("The page “%(title)s” already has the slug “%(slug)s”; choose another.")
                    % {"title": existing.title, "slug": slug}
                )
            if existing.title != title:
                raise PortalError(
                    _(
                        "The portal at “%(slug)s” is titled “%(title)s”; give that title, or "
                        "another slug for a new portal."
                    )
                    % {"slug": slug, "title": existing.title}
                )
            return existing
        portal = model(
            title=title,
            slug=slug,
            election_name=(self.spec.election_name or "").strip() or title,
            election_day=election_day,
            introduction=self.spec.introduction,
            live=False,
        )
        root.add_child(instance=portal)
        portal.save_revision().publish()
        portal.refresh_from_db()
        self.changes.append(_("portal “%s” created") % title)
        return portal

    def site(self, portal, hostname: str, port: int) -> Site:
        site = Site.objects.filter(hostname=hostname, port=port).first()
        if site is None and not self.spec.new_site:
            site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=portal,
                site_name=portal.title,
                is_default_site=not Site.objects.filter(is_default_site=True).exists(),
            )
            self.changes.append(_("site %s created") % site.root_url)
            return site
        shown = site.root_page.specific
        if shown.pk != portal.pk and isinstance(shown, mixins.ElectionPortalMixin):
            raise PortalError(
                _(
                    "The site %(site)s shows the portal “%(title)s”; give the host name and "
                    "port of another site, or ask for a new site."
                )
                % {"site": site.root_url, "title": shown.title}
            )
        if (site.hostname, site.port, site.root_page_id) != (hostname, port, portal.pk):
            self.previous_root_id = site.root_page_id
            site.hostname, site.port, site.root_page = hostname, port, portal
            site.site_name = site.site_name or portal.title
            site.save()
            self.changes.append(_("site %s now shows the portal") % site.root_url)
        return site

    def remove_home_page(self, portal) -> None:
        """Delete the page the Site showed before, or the template's ``home`` page, when it
        is not a portal, has no pages under it and no Site shows it."""
        base = page_model(mixins.ElectionPortalMixin).base_page_model
        siblings = base.objects.child_of(portal.get_parent()).exclude(pk=portal.pk)
        previous = getattr(self, "previous_root_id", None)
        for page in siblings.filter(slug=TEMPLATE_HOME_SLUG) | siblings.filter(pk=previous):
            if isinstance(page.specific, mixins.BaucuPageMixin):
                continue
            if page.sites_rooted_here.exists():
                raise PortalError(
                    _("The page “%s” is another site's home page; it was not removed.") % page.title
                )
            if page.get_children().exists():
                raise PortalError(
                    _("The page “%s” has pages under it; move them first, or keep the home page.")
                    % page.title
                )
            page.delete()
            self.changes.append(_("home page “%s” removed") % page.title)

    def indexes(self, portal) -> None:
        for mixin, title, intro in _index_types():
            model = page_model(mixin)
            if model.objects.child_of(portal).exists():
                continue
            slug = vietnamese_slugify(title)
            if portal.get_children().filter(slug=slug).exists():
                raise PortalError(
                    _("The portal already has a page at “%(slug)s” that is not its %(index)s.")
                    % {"slug": slug, "index": title}
                )
            index = model(title=title, slug=slug, live=False)
            if intro and hasattr(index, "intro"):
                index.intro = f"<p>{intro}</p>"
            portal.add_child(instance=index)
            index.save_revision().publish()
            self.changes.append(_("index “%s” created") % title)


def create_portal(spec: PortalSpec) -> PortalResult:
    """Create or complete an election portal from ``spec``; see the module's docstring."""
    return PortalCreation(spec).create()

"""The one answer to "what is public on this site", and the one way to make URLs absolute.

Every public surface (pages, print views, QR codes, feeds, the API, search, sitemaps,
"other news" lists) asks these functions, so a rule about visibility changes in one place.
"""

from urllib.parse import urljoin

import swapper
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site


def not_expired_q() -> Q:
    """Pages whose expiry time has passed are hidden before ``publish_scheduled`` runs."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


# An alias of an alias of an alias...: sources are followed this many steps, and an alias
# whose chain is longer is hidden rather than shown unchecked.
MAX_ALIAS_DEPTH = 3


def _restricted(path_field: str) -> Exists:
    """A view restriction on the page whose path is ``path_field``, or on one of its ancestors."""
    return Exists(
        PageViewRestriction.objects.filter(StartsWith(OuterRef(path_field), F("page__path")))
    )


def sources_public_q() -> Q:
    """Pages that are no alias, or whose source (and its source...) is public where it stands.

    An alias shows its source's content, so the source's own state and place count: live, not
    expired, no view restriction on it or its ancestors. Wagtail's ``live()`` and ``public()``
    look at the alias's own row and place only.
    """
    q = Q(**{"__".join(["alias_of"] * MAX_ALIAS_DEPTH) + "__isnull": True})
    for depth in range(MAX_ALIAS_DEPTH, 0, -1):
        source = "__".join(["alias_of"] * depth)
        source_public = (
            Q(**{f"{source}__live": True, f"{source}__expired": False})
            & (
                Q(**{f"{source}__expire_at__isnull": True})
                | Q(**{f"{source}__expire_at__gt": timezone.now()})
            )
            & ~_restricted(f"{source}__path")
        )
        q = Q(**{f"{source}__isnull": True}) | (source_public & q)
    return q


def public_pages(queryset: QuerySet, *, within: Page | None = None) -> QuerySet:
    """Restrict a page queryset to what anonymous visitors may see.

    Live, not expired, no view restriction on the page or any ancestor; for an alias, the same
    of its source; and (if ``within`` is given) inside that page's subtree.
    """
    queryset = queryset.live().public().filter(not_expired_q()).filter(sources_public_q())
    if within is not None:
        queryset = queryset.descendant_of(within)
    return queryset


def _view_restrictions(page: Page) -> QuerySet:
    """View restrictions on the page or any of its ancestors."""
    return PageViewRestriction.objects.filter(
        page__path__in=[
            page.path[:i] for i in range(page.steplen, len(page.path) + 1, page.steplen)
        ]
    )


def is_public(page: Page) -> bool:
    """Whether ``page`` may be shown to anonymous visitors."""
    if not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    if page.alias_of_id is not None:
        # One query for the page's place and its sources' state and places.
        return public_pages(type(page)._default_manager.filter(pk=page.pk)).exists()
    return not _view_restrictions(page).exists()


def is_public_afresh(page: Page) -> bool:
    """``is_public`` read again from the database in one query, for a page loaded earlier.

    For callers that must not act on rows read before a change committed. The page must still
    be at its ``url_path``; its ``expire_at`` is refreshed. An alias's sources are read too.
    """
    row = (
        type(page)
        ._default_manager.filter(pk=page.pk, url_path=page.url_path, live=True, expired=False)
        .filter(not_expired_q())
        .filter(~Exists(_view_restrictions(page)))
        .filter(sources_public_q())
        .values_list("expire_at")
        .first()
    )
    if row is None:
        return False
    page.expire_at = row[0]
    return True


def page_at(request: HttpRequest, path: str) -> Page | None:
    """The page at ``path`` (``a/b/``) under the request's site root, public or not, as the base
    page model.

    Looked up by ``url_path`` in one query rather than by ``route()``, which would also answer
    for a routable page's sub-routes (``tim-kiem/``) and costs a query per level.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return (
        swapper.load_model("wagtailcore", "Page")
        .objects.filter(depth=root.depth + path.count("/"), url_path=root.url_path + path)
        .first()
    )


def site_root_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """The scheme, host and port of the site ``page`` belongs to (from Wagtail's ``Site``)."""
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return None
    _site_id, root_url, _path = url_parts
    return root_url


def absolute_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """The page's canonical absolute URL, or ``None`` if it is not routable."""
    return page.get_full_url(request)


def make_absolute(url: str, base: str) -> str:
    """Resolve ``url`` (relative or absolute) against ``base`` (a site root URL or a page URL)."""
    return urljoin(base if base.endswith("/") else base + "/", url)


def default_root_url(request: HttpRequest | None = None) -> str:
    """The root URL of the site serving ``request``, or of the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def alias_withheld(page: Page, request: HttpRequest) -> bool:
    """Whether an alias must not be served to ``request`` because of its source.

    Wagtail's own check applies the view restrictions of the source page only, not those of
    the source's ancestors, and never looks at whether the source is live. Restrictions Wagtail
    already asks for (its password or login form) are left to it.
    """
    if page.alias_of_id is None or is_public(page):
        return False
    handled = set(page.get_view_restrictions().values_list("pk", flat=True))
    source = page
    for _step in range(MAX_ALIAS_DEPTH):
        if source.alias_of_id is None:
            return False
        source = type(source)._default_manager.filter(pk=source.alias_of_id).first()
        if source is None or not source.live or source.expired:
            return True
        if source.expire_at is not None and source.expire_at <= timezone.now():
            return True
        for restriction in _view_restrictions(source).exclude(pk__in=handled):
            if not restriction.accept_request(request):
                return True
    return source.alias_of_id is not None

"""System checks (``manage.py check``) for what the package cannot make right by itself.

Installation (``E010``-``E019``, ``W010``-``W019``): the apps it needs and their order, the page
types, the sitemap's URL, ``WAGTAILADMIN_BASE_URL`` against the default Site.

Every cache backend is correct across processes (the generation tokens live in the database),
so no cache is refused. What the package cannot fix: files handed out past its serve hook, and a
Redis client without timeouts (a hung Redis would hold every worker for the TCP timeout).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.apps import apps as django_apps
from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.urls import Resolver404, resolve
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Site

from wagtail_baucu import setup
from wagtail_baucu.pages.mixins import ElectionPortalMixin


@checks.register(checks.Tags.security)
def check_document_serving(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Documents must go through Wagtail's serve view, where the package refuses files that no
    public page uses; "direct" links and "redirect" answers hand out the storage URL instead."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "serve_view":
        return []
    return [
        checks.Warning(
            f"WAGTAILDOCS_SERVE_METHOD is {method!r}: documents of drafts and withdrawn pages "
            "can be downloaded by anyone who has their storage URL.",
            hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" and do not let the web server '
            "serve MEDIA_ROOT/documents/ (see docs/installation.md, section Files).",
            id="wagtail_baucu.W001",
        )
    ]


REDIS_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "wagtail_baucu.resilient_cache.RedisCache",
    "django_redis.cache.RedisCache",
)
TIMEOUTS = ("socket_connect_timeout", "socket_timeout")  # django-redis spells them in capitals


@checks.register(checks.Tags.caches)
def redis_timeouts(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    found = []
    for alias, config in getattr(settings, "CACHES", {}).items():
        if config.get("BACKEND") not in REDIS_BACKENDS:
            continue
        options = {key.lower(): value for key, value in config.get("OPTIONS", {}).items()}
        if not all(options.get(name) for name in TIMEOUTS):
            found.append(
                checks.Warning(
                    f"The Redis cache {alias!r} has no client timeouts: a hung Redis would "
                    "hold every worker.",
                    hint=(
                        'Set "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}'
                        " (django-redis: SOCKET_CONNECT_TIMEOUT, SOCKET_TIMEOUT); see "
                        "docs/deployment.md."
                    ),
                    id="wagtail_baucu.W002",
                )
            )
    return found


@checks.register()
def check_installed_apps(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The apps the package needs are installed, its own before Wagtail's, and some app gives
    the concrete page types."""
    return app_messages(list(settings.INSTALLED_APPS), has_portal_model=_has_portal_model())


def app_messages(apps: list[str], *, has_portal_model: bool) -> list[checks.CheckMessage]:
    """What is wrong with ``apps`` as INSTALLED_APPS (a plain list: testable without
    reloading the app registry)."""
    found = []
    missing = [app for app in setup.REQUIRED_APPS if app not in apps]
    if missing:
        found.append(
            checks.Error(
                "wagtail-baucu needs these apps in INSTALLED_APPS: " + ", ".join(missing) + ".",
                hint="Build INSTALLED_APPS with wagtail_baucu.setup.add_apps(INSTALLED_APPS), "
                "which adds them in their place (see docs/installation.md).",
                id="wagtail_baucu.E010",
            )
        )
    first_wagtail = next((i for i, a in enumerate(apps) if setup.is_wagtail_app(a)), len(apps))
    late = [a for a in setup.PACKAGE_APPS if a in apps and apps.index(a) > first_wagtail]
    if late:
        found.append(
            checks.Warning(
                f"{', '.join(late)} come after {apps[first_wagtail]!r} in INSTALLED_APPS: "
                "Django then takes a translation or template that both ship from Wagtail.",
                hint="List the package's apps before Wagtail's, as "
                "wagtail_baucu.setup.add_apps() does.",
                id="wagtail_baucu.W011",
            )
        )
    if setup.PAGES_APP not in apps and not has_portal_model:
        found.append(
            checks.Error(
                f"No page model is built on ElectionPortalMixin: {setup.PAGES_APP!r} is not in "
                "INSTALLED_APPS and no app of the project gives the page types.",
                hint=f"Add {setup.PAGES_APP!r} (add_apps() does), or with a custom base page "
                "build the page types from the package's mixins (docs/installation.md).",
                id="wagtail_baucu.E011",
            )
        )
    return found


def _has_portal_model() -> bool:
    return any(
        issubclass(model, ElectionPortalMixin) and not model._meta.proxy
        for model in django_apps.get_models()
    )


@checks.register(checks.Tags.urls)
def check_sitemap_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """``/sitemap.xml`` answers with Wagtail's sitemap, which lists the portals' public pages."""
    try:
        view = resolve("/sitemap.xml").func
    except Resolver404:
        view = None
    if view is sitemap:
        return []
    return [
        checks.Warning(
            "/sitemap.xml is not Wagtail's sitemap: search engines do not get the portals' pages.",
            hint='Add path("sitemap.xml", wagtail.contrib.sitemaps.views.sitemap) to urlpatterns '
            "before Wagtail's page URLs (see docs/installation.md).",
            id="wagtail_baucu.W012",
        )
    ]


@checks.register(checks.Tags.database)
def check_admin_base_url(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """``WAGTAILADMIN_BASE_URL`` names the default Site's host and port: links in notification
    e-mails and the admin's "view live" then lead where the portal answers. A database check,
    as Django's are: run by ``check --database default`` and ``migrate``."""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", None)
    if not base_url or "default" not in (databases or ()):
        return []
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # before migrate: nothing to compare yet
        return []
    if site is None or (site.hostname, site.port) == ((parts.hostname or "").lower(), port):
        return []
    return [
        checks.Warning(
            f"WAGTAILADMIN_BASE_URL is {base_url!r} but the default site answers at "
            f"{site.root_url}: links in the admin's e-mails lead elsewhere.",
            hint=f'Set WAGTAILADMIN_BASE_URL = "{site.root_url}", or give the site that host '
            "and port (manage.py baucu_portal create --hostname ... --port ...).",
            id="wagtail_baucu.W013",
        )
    ]

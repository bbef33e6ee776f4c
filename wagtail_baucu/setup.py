"""What a project's settings add for wagtail-baucu, taken from here so it never drifts.

In the project's settings, after its own ``INSTALLED_APPS`` and ``MIDDLEWARE``::

    from wagtail_baucu.setup import add_apps, add_middleware

    INSTALLED_APPS = add_apps(INSTALLED_APPS)
    MIDDLEWARE = add_middleware(MIDDLEWARE)

``manage.py check`` says what is missing or misplaced when a project lists them by hand
(``wagtail_baucu.E010``, ``W011``; see ``docs/installation.md``).
"""

from __future__ import annotations

from collections.abc import Iterable

# The package's apps, in this order, before Wagtail's. A new app of the package is one line here.
PACKAGE_APPS = [
    "wagtail_baucu",
    "wagtail_baucu.pages",  # the concrete page types; left out with a custom base page
    "wagtail_baucu.elections",
    "wagtail_baucu.results",
    "wagtail_baucu.questions",
    "wagtail_baucu.admin_locale",  # Vietnamese for the admin strings Wagtail's catalogue lacks
]
PAGES_APP = "wagtail_baucu.pages"
ADMIN_LOCALE_APP = "wagtail_baucu.admin_locale"

# Apps the package needs besides its own: those ``wagtail start`` lists, and the ones it lacks
# (marked), each where add_apps() puts it when missing.
WAGTAIL_APPS = [
    "wagtail.contrib.routable_page",  # added: print/, tim-kiem/ and feed routes
    "wagtail.contrib.table_block",  # added: tables in article bodies
    "wagtail.contrib.settings",  # added: the portal's social channels
    "wagtail.contrib.sitemaps",  # added: /sitemap.xml
    "wagtail.api.v2",  # added: the headless API
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
]
OTHER_APPS = [
    "modelcluster",
    "taggit",
    "rest_framework",  # added: the headless API
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # added: the sitemap's templates
]
REQUIRED_APPS = WAGTAIL_APPS + OTHER_APPS

# The package's middleware, last (after LocaleMiddleware if the project keeps it).
PACKAGE_MIDDLEWARE = ["wagtail_baucu.language.ContentLanguageMiddleware"]


def is_wagtail_app(name: str) -> bool:
    return name == "wagtail" or name.startswith("wagtail.")


def package_apps(*, pages: bool = True, admin_locale: bool = True) -> list[str]:
    """The package's apps to install: without the concrete pages for a project with its own
    base page (``pages=False``), without the admin's Vietnamese if not wanted."""
    left_out = set() if pages else {PAGES_APP}
    if not admin_locale:
        left_out.add(ADMIN_LOCALE_APP)
    return [app for app in PACKAGE_APPS if app not in left_out]


def add_apps(
    installed_apps: Iterable[str], *, pages: bool = True, admin_locale: bool = True
) -> list[str]:
    """``installed_apps`` with what the package needs: its own apps before the first of
    Wagtail's, the Wagtail apps it needs among Wagtail's, the others at the end. Apps already
    listed keep their place; nothing is listed twice."""
    apps = list(installed_apps)
    ours = [app for app in package_apps(pages=pages, admin_locale=admin_locale) if app not in apps]
    first_wagtail = next((i for i, app in enumerate(apps) if is_wagtail_app(app)), len(apps))
    apps[first_wagtail:first_wagtail] = ours
    missing_wagtail = [app for app in WAGTAIL_APPS if app not in apps]
    first_wagtail = next((i for i, app in enumerate(apps) if is_wagtail_app(app)), len(apps))
    apps[first_wagtail:first_wagtail] = missing_wagtail
    apps += [app for app in OTHER_APPS if app not in apps]
    return apps


def add_middleware(middleware: Iterable[str]) -> list[str]:
    """``middleware`` with the package's added at the end, unless already there."""
    found = list(middleware)
    return found + [name for name in PACKAGE_MIDDLEWARE if name not in found]

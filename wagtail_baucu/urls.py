"""Public URLs of the package. Include them before Wagtail's own::

    path("", include("wagtail_baucu.urls")),
    path("", include(wagtail_urls)),

Wagtail's page URLs only match paths ending in "/", so endpoints such as ``<page URL>qr.svg``
need patterns of their own.
"""

from django.apps import apps
from django.urls import include, path

from wagtail_baucu.health import healthz

app_name = "wagtail_baucu"

urlpatterns: list = [
    path("healthz/", healthz, name="healthz"),
]
if apps.is_installed("wagtail_baucu.results"):
    # Before the page feeds, whose patterns would take ".../feed/<format>/" for a page's.
    urlpatterns.append(path("", include("wagtail_baucu.results.urls")))
urlpatterns += [
    path("", include("wagtail_baucu.qr.urls")),
    path("", include("wagtail_baucu.files.urls")),
    # Cached feeds answered before Wagtail's page routing; the rest falls through to Wagtail.
    path("", include("wagtail_baucu.feeds.urls")),
]

# The election's calendar file (<portal>/lich-bau-cu.ics), when the elections app is installed;
# imported only then, as the app's models need it in INSTALLED_APPS.
if apps.is_installed("wagtail_baucu.elections"):
    from wagtail_baucu.elections.urls import urlpatterns as election_patterns

    urlpatterns += election_patterns

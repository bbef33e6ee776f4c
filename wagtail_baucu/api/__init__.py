"""The headless API: the portal's pages, news, directive documents and agencies as JSON.

Built on Wagtail's API v2. Integrators add one include, before Wagtail's page URLs::

    path("api/v2/", include("wagtail_baucu.api.urls")),

Endpoints, fields and filters are described in ``docs/api.md``.
"""

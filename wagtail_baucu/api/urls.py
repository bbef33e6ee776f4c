"""The API's URLs. One include in the project's ``urls.py``, before Wagtail's page URLs::

path("api/v2/", include("wagtail_baucu.api.urls")),
"""

from django.apps import apps
from wagtail.api.v2.router import WagtailAPIRouter

from wagtail_baucu.api import views

api_router = WagtailAPIRouter("wagtail_baucu_api")
# Pages first: the router gives every page the ``pages/<id>/`` detail URL.
api_router.register_endpoint("pages", views.PagesEndpoint)
api_router.register_endpoint("news", views.NewsEndpoint)
api_router.register_endpoint("directives", views.DirectivesEndpoint)
api_router.register_endpoint("agencies", views.AgenciesEndpoint)
api_router.register_endpoint("images", views.ImagesEndpoint)
api_router.register_endpoint("documents", views.DocumentsEndpoint)
if apps.is_installed("wagtail_baucu.elections"):
    # Imported only here: the elections app is optional.
    from wagtail_baucu.api import elections
    from wagtail_baucu.api.timeline import TimelineEndpoint

    api_router.register_endpoint("timeline", TimelineEndpoint)

    api_router.register_endpoint("elections", elections.ElectionsEndpoint)
    api_router.register_endpoint("units", elections.UnitsEndpoint)
    api_router.register_endpoint("candidates", elections.CandidatesEndpoint)
    api_router.register_endpoint("polling-areas", elections.PollingAreasEndpoint)

if apps.is_installed("wagtail_baucu.results"):
    from wagtail_baucu.api.results import ResultsEndpoint

    api_router.register_endpoint("results", ResultsEndpoint)

urlpatterns, app_name, _namespace = api_router.urls

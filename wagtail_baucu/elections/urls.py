"""Public URLs of the elections app. Include them before Wagtail's own page URLs::

path("", include("wagtail_baucu.elections.urls")),
"""

from django.urls import re_path

from wagtail_baucu.elections import views

app_name = "baucu_elections"

urlpatterns = [
    # Wagtail's page URLs end in "/": the calendar file needs a pattern of its own.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)lich-bau-cu\.ics$",
        views.timeline_calendar,
        name="timeline_calendar",
    ),
]

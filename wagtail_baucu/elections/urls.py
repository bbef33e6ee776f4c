"""Public URLs of the elections app, part of ``wagtail_baucu.urls`` when the app is installed."""

from django.urls import re_path

from wagtail_baucu.elections import views

urlpatterns = [
    # Wagtail's page URLs end in "/": the calendar file needs a pattern of its own.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)lich-bau-cu\.ics$",
        views.timeline_calendar,
        name="timeline_calendar",
    ),
]

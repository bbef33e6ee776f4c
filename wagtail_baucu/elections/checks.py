"""System checks of the elections app."""

from __future__ import annotations

from django.core import checks
from django.urls import NoReverseMatch, reverse


def timeline_calendar_routed(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The timeline's calendar file needs the package's URLs, before Wagtail's page URLs."""
    try:
        reverse("wagtail_baucu:timeline_calendar", kwargs={"path": ""})
    except NoReverseMatch:
        return [
            checks.Warning(
                "The package's URLs are not included: <portal>/lich-bau-cu.ics, the "
                "election's calendar file, answers 404.",
                hint='Add path("", include("wagtail_baucu.urls")) before Wagtail\'s '
                "URLs (see docs/installation.md).",
                id="wagtail_baucu.W040",
            )
        ]
    return []


def register() -> None:
    """Register the checks (called from the app's ``ready()``)."""
    checks.register(timeline_calendar_routed, checks.Tags.urls)

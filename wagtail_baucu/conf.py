"""The package's settings, read at call time from ``settings.WAGTAIL_BAUCU``.

Every name, its default and its meaning are listed in ``docs/settings.md``.
"""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Dates on pages are shown in this zone, whatever TIME_ZONE the project uses.
    "TIME_ZONE": "Asia/Ho_Chi_Minh",
    # News index page size.
    "NEWS_PER_PAGE": 10,
    # Document index page size.
    "DOCUMENTS_PER_PAGE": 20,
    # How many items "Tin khác" shows under an article.
    "OTHER_NEWS_COUNT": 6,
    # How many news items and documents the portal home shows.
    "PORTAL_LATEST_COUNT": 6,
}


def get_setting(name: str) -> Any:
    """Return the package setting ``name``: the project's value, else the documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown wagtail-baucu setting: {name}")
    return getattr(settings, "WAGTAIL_BAUCU", {}).get(name, DEFAULTS[name])

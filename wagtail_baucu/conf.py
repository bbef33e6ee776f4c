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
    # "Tin khác" picks among this many newest articles of the portal, so its cost stays bounded.
    "OTHER_NEWS_WINDOW": 200,
    # Seconds a listing's number of items, and a portal's menu and indexes, stay cached
    # (content changes renew them anyway).
    "LISTING_COUNT_CACHE_TIMEOUT": 3600,
    # How many news items and documents the portal home shows.
    "PORTAL_LATEST_COUNT": 6,
    # API: items per response when ``limit`` is not given, and the most a client may ask for.
    "API_DEFAULT_LIMIT": 20,
    "API_MAX_LIMIT": 100,
    # API: the renditions given for every image (name: Wagtail filter spec).
    "API_IMAGE_RENDITIONS": {"thumbnail": "fill-480x270", "large": "max-1200x1200"},
    # The group that moderates (approves, publishes) everything in the portals.
    "MODERATORS_GROUP": "Ban biên tập",
    # Each agency's contributors' group; {code} and {name} are the agency's.
    "CONTRIBUTORS_GROUP": "Cộng tác viên {code}",
    # Each agency's image and document collection, a child of the root collection.
    "AGENCY_COLLECTION": "{name} ({code})",
    # The moderation workflow attached to every election portal, and its approval task.
    "MODERATION_WORKFLOW": "Kiểm duyệt tin bài bầu cử",
    "MODERATION_TASK": "Ban biên tập duyệt",
    # The group of the committee's staff who enter election results (never publish them).
    "RESULTS_GROUP": "Tổ nhập kết quả bầu cử",
    # What page QR codes carry: "canonical" (the page's URL) or "short" (/p/<id>/, survives moves).
    "QR_TARGET": "canonical",
    # QR error correction level: "L", "M", "Q" or "H" (H survives more damage, makes bigger codes).
    "QR_ERROR_CORRECTION": "M",
    # PNG width in pixels when ?size= is absent, and the range ?size= may ask for.
    "QR_PNG_SIZE": 300,
    "QR_PNG_MIN_SIZE": 64,
    "QR_PNG_MAX_SIZE": 2048,
    # Seconds browsers and proxies may keep a code (responses also carry an ETag).
    "QR_MAX_AGE": 3600,
    # Seconds a generated code stays in Django's cache (None: until the cache evicts it).
    "QR_CACHE_TIMEOUT": 60 * 60 * 24 * 30,
    # Feeds: items in a subscription feed (older ones are in the monthly archives).
    "FEED_SIZE": 50,
    # Feeds: the rights statement; "" gives "© <portal title>".
    "FEED_RIGHTS": "",
    # Feeds: logo (2:1) and icon (1:1) as static paths or absolute URLs; "" leaves them out.
    "FEED_LOGO": "wagtail_baucu/feeds/logo.png",
    "FEED_ICON": "wagtail_baucu/feeds/icon.png",
    # Feeds: the authority in item ids (tag:<authority>,<date>:page/<id>); "" uses the site's
    # host name. Set it before a domain change so ids survive it.
    "FEED_ID_AUTHORITY": "",
    # Feeds: seconds browsers and proxies may keep a live feed, and a finished month's archive.
    "FEED_MAX_AGE": 300,
    "FEED_ARCHIVE_MAX_AGE": 60 * 60 * 24 * 7,
    # Feeds: seconds a rendered feed stays in Django's cache (publishing invalidates it anyway).
    "FEED_CACHE_TIMEOUT": 60 * 60 * 24,
    # Seconds the cache is left alone after a call to it failed (it is unreachable or timed
    # out): meanwhile everything is answered from the database.
    "CACHE_RETRY_INTERVAL": 5,
    # WebSub: the hub to ping when feeds change ("" for none), and its timeout in seconds.
    "WEBSUB_HUB": "",
    "WEBSUB_TIMEOUT": 3,
    # WebSub, with a task backend that defers: seconds before the first retry of the feeds the
    # hub did not take (doubled at each attempt), and how many attempts in all.
    "WEBSUB_RETRY_DELAY": 30,
    "WEBSUB_MAX_ATTEMPTS": 6,
    # Elections: the candidates' biography fields shown to the public (full name, photo, unit
    # and action programme always are). The default stays within the posted list's short
    # biography and leaves out the residence and other names.
    "ELECTION_CANDIDATE_PUBLIC_FIELDS": (
        "sex",
        "date_of_birth",
        "place_of_origin",
        "ethnicity",
        "religion",
        "general_education",
        "professional_education",
        "academic_title",
        "political_theory",
        "foreign_languages",
        "occupation",
        "workplace",
        "party_joined_on",
        "current_deputy",
    ),
    # Elections: the largest spreadsheet the admin's import accepts, in bytes.
    "ELECTION_IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    # Questions from voters: how many questions one address may send in a window of seconds.
    "QUESTIONS_RATE_LIMIT": 5,
    "QUESTIONS_RATE_WINDOW": 60,
}


def get_setting(name: str) -> Any:
    """Return the package setting ``name``: the project's value, else the documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown wagtail-baucu setting: {name}")
    return getattr(settings, "WAGTAIL_BAUCU", {}).get(name, DEFAULTS[name])

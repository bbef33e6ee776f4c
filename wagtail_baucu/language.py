"""The language of what readers see: the content's, never the browser's.

A portal's pages, print views, QR codes and feeds speak the language of the page's Wagtail
locale (``settings.LANGUAGE_CODE`` when Wagtail's i18n is off); everything else outside the
admin (the API, error pages) speaks ``settings.LANGUAGE_CODE``. The admin keeps each user's own
language, as Wagtail decides it.

Add ``ContentLanguageMiddleware`` to ``MIDDLEWARE``, after ``LocaleMiddleware`` if the project
keeps that one (see ``docs/settings.md``); the system checks ``wagtail_baucu.W003`` and
``W004`` say when it is misplaced or missing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core import checks
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation

MIDDLEWARE_PATH = "wagtail_baucu.language.ContentLanguageMiddleware"
LOCALE_MIDDLEWARE_PATH = "django.middleware.locale.LocaleMiddleware"

# The URL names of the admin home pages whose paths keep the user's language.
ADMIN_URL_NAMES = ("wagtailadmin_home", "admin:index")
# The attribute of a preview's request that names its page's language (see ``preview_language``).
PREVIEW_LANGUAGE_ATTRIBUTE = "baucu_content_language"


def content_language(page) -> str:
    """The language ``page`` is written in: its Wagtail locale's, else ``LANGUAGE_CODE``."""
    if page is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return settings.LANGUAGE_CODE
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else settings.LANGUAGE_CODE


def speak_content_language(page, request: HttpRequest) -> None:
    """Switch the rest of ``request`` to ``page``'s language (``ContentLanguageMiddleware``
    restores ``LANGUAGE_CODE`` when the response is done)."""
    language = content_language(page)
    translation.activate(language)
    request.LANGUAGE_CODE = language


def admin_path_prefixes() -> tuple[str, ...]:
    """The URL prefixes of Wagtail's and Django's admin in the current URL configuration."""
    prefixes = []
    for name in ADMIN_URL_NAMES:
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


def preview_language(page, extra_request_attrs: dict | None) -> tuple[str, dict]:
    """The language a preview of ``page`` renders in, and the preview request's attributes that
    carry it: a preview is what readers will see, never in the editor's admin language."""
    language = content_language(page)
    return language, {**(extra_request_attrs or {}), PREVIEW_LANGUAGE_ATTRIBUTE: language}


class ContentLanguageMiddleware:
    """Activates ``LANGUAGE_CODE`` for every request outside the admin, whatever the browser asks
    for; pages then switch to their own locale's language while they render. A preview's request
    (Wagtail runs it through the middleware too) gets its page's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(admin_path_prefixes()):
            return self.get_response(request)
        language = getattr(request, PREVIEW_LANGUAGE_ATTRIBUTE, None) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return self.get_response(request)


def check_middleware(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the browser's language could reach the public pages."""
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if MIDDLEWARE_PATH in middleware:
        if LOCALE_MIDDLEWARE_PATH in middleware and middleware.index(
            LOCALE_MIDDLEWARE_PATH
        ) > middleware.index(MIDDLEWARE_PATH):
            return [
                checks.Warning(
                    f"{MIDDLEWARE_PATH} comes before {LOCALE_MIDDLEWARE_PATH}, which then "
                    "switches public pages to the browser's language.",
                    hint=f"Move {MIDDLEWARE_PATH} after {LOCALE_MIDDLEWARE_PATH}.",
                    id="wagtail_baucu.W003",
                )
            ]
        return []
    if LOCALE_MIDDLEWARE_PATH in middleware:
        return [
            checks.Warning(
                f"{LOCALE_MIDDLEWARE_PATH} switches public pages, feeds and the API to the "
                "browser's language.",
                hint=f"Add {MIDDLEWARE_PATH} after it, or remove it.",
                id="wagtail_baucu.W003",
            )
        ]
    return [
        checks.Warning(
            f"{MIDDLEWARE_PATH} is not in MIDDLEWARE: the language a page activates stays "
            "active for the next request its thread serves.",
            hint=f"Add {MIDDLEWARE_PATH} to MIDDLEWARE.",
            id="wagtail_baucu.W004",
        )
    ]

"""QR share codes: of every public page (``<page URL>qr.svg``, ``qr.png``, inline), of its short
link ``/p/<id>/``, and of the portal's social channels. See ``docs/qr.md``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page


def urls_for(page: Page, request: HttpRequest | None = None) -> dict[str, str] | None:
    """Absolute URLs of a page's code: ``page``, ``target``, ``short``, ``svg`` and ``png``.

    ``None`` if the page has no URL. Visibility is not checked: pass public pages.
    """
    from wagtail_baucu.qr.service import urls_for as _urls_for

    return _urls_for(page, request)


__all__ = ["urls_for"]

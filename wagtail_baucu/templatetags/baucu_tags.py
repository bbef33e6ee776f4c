"""Template tags and filters for election pages: ``{% load baucu_tags %}``."""

from datetime import date, datetime

from django import template
from django.http import HttpRequest

from wagtail_baucu.conf import get_setting
from wagtail_baucu.pages.structure import menu_pages
from wagtail_baucu.public import absolute_url
from wagtail_baucu.text import dates

register = template.Library()


@register.filter
def ngay_gio(value: datetime | None) -> str:
    """``Thứ Tư, 07/04/2021 10:35`` in the portal's time zone."""
    if not value:
        return ""
    return dates.format_datetime_vi(value, tz=get_setting("TIME_ZONE"))


@register.filter
def ngay(value: date | datetime | None) -> str:
    """``07/04/2021``."""
    if not value:
        return ""
    return dates.format_date_vi(value, tz=get_setting("TIME_ZONE"))


@register.filter
def ngay_thu(value: date | datetime | None) -> str:
    """``Thứ Tư, 07/04/2021``."""
    if not value:
        return ""
    return dates.format_date_long_vi(value, tz=get_setting("TIME_ZONE"))


@register.simple_tag(takes_context=True)
def baucu_full_url(context, page) -> str:
    """The page's canonical absolute URL."""
    request: HttpRequest | None = context.get("request")
    return absolute_url(page, request) or ""


@register.simple_tag
def baucu_menu(portal) -> list:
    """The public child pages of a portal shown in its menu."""
    if portal is None:
        return []
    return list(menu_pages(portal))


@register.simple_tag(takes_context=True)
def baucu_query(context, **changes) -> str:
    """The current query string with some parameters changed (``None`` or "" removes one)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode() if params else ""
    return "?" + encoded if encoded else "?"

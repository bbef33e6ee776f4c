"""Place QR codes in templates: ``{% load baucu_qr %}``.

``{% baucu_qr page %}`` draws a page's code inline (SVG), ``{% baucu_qr_url url %}`` the code
of any address the template gives, ``{% baucu_qr_urls page as qr %}`` the links to a page's
code files, and ``{% baucu_social_channels as channels %}`` the site's social channels.
"""

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from wagtail_baucu.qr import service
from wagtail_baucu.qr.models import SocialChannel

register = template.Library()


def _inline(context: template.Context, url: str | None, width: int | None) -> SafeString:
    if not url:
        return mark_safe("")
    try:
        svg = service.svg_for(url, width=width)
    except ValueError:  # an address no QR code can hold (InvalidPayload, too long)
        return mark_safe("")
    # Inline SVG needs no XML namespace declaration; it only adds bytes to the HTML.
    return mark_safe(svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1))


@register.simple_tag(takes_context=True)
def baucu_qr(context: template.Context, page, width: int | None = None) -> SafeString:
    """The inline SVG code of ``page`` (canonical URL or short link, per ``QR_TARGET``)."""
    return _inline(context, service.target_url(page, context.get("request")), width)


@register.simple_tag(takes_context=True)
def baucu_qr_url(context: template.Context, url: str, width: int | None = None) -> SafeString:
    """The inline SVG code of ``url``, an address written in the template or a model field."""
    return _inline(context, url, width)


@register.simple_tag(takes_context=True)
def baucu_qr_urls(context: template.Context, page) -> dict[str, str] | None:
    """``{"page", "target", "short", "svg", "png"}``: absolute URLs about ``page``'s code."""
    return service.urls_for(page, context.get("request"))


@register.simple_tag(takes_context=True)
def baucu_social_channels(context: template.Context) -> list[SocialChannel]:
    """The social channels of the request's site, in editors' order (one query per request)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_baucu_social_channels"):
        from wagtail.models import Site

        site = Site.find_for_request(request)
        request._baucu_social_channels = (
            list(SocialChannel.objects.filter(setting__site=site).order_by("sort_order"))
            if site is not None
            else []
        )
    return request._baucu_social_channels

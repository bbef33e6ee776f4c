"""Thin views of the elections app: the timeline's calendar file."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from wagtail_baucu.elections.timeline import service
from wagtail_baucu.elections.timeline.calendar import CONTENT_TYPE

# Seconds a calendar client or proxy may keep the file (it carries an ETag).
CALENDAR_MAX_AGE = 900


@require_safe
def timeline_calendar(request: HttpRequest, path: str) -> HttpResponse:
    """``<portal URL>lich-bau-cu.ics``: the election's timeline; 404 unless the portal is public."""
    rendered = service.calendar_at(request, path)
    if rendered is None:
        raise Http404
    response = get_conditional_response(request, etag=rendered.etag)
    if response is None:
        response = HttpResponse(rendered.body, content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="{service.CALENDAR_NAME}"'
    response["ETag"] = rendered.etag
    response["Cache-Control"] = f"public, max-age={CALENDAR_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response

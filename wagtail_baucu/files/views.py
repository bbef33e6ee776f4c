"""The original of an uploaded image, served by the rule documents follow (``may_download``).

Wagtail serves renditions only; an original under ``MEDIA_URL/original_images/`` would be out to
anyone who has its name. This view lets it out, like a document, to anonymous visitors only
while a public page uses the image, and to the editors who may change or choose it.
"""

from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from wagtail_baucu.files import may_download, original_filename


@require_safe
def original_image(request: HttpRequest, image_id: int, filename: str) -> FileResponse:
    image = get_object_or_404(get_image_model(), pk=image_id)
    if filename != original_filename(image) or not may_download(request.user, image, "image"):
        raise Http404
    try:
        handle = image.file.open("rb")
    except OSError:
        raise Http404 from None
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    # Whether the file may go out changes with the pages that use it: caches ask again.
    patch_cache_control(response, no_cache=True)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response

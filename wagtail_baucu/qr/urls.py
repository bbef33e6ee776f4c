"""URL patterns of QR codes, included by ``wagtail_baucu.urls``."""

from django.urls import path, re_path

from wagtail_baucu.qr import views

urlpatterns = [
    # Page paths as Wagtail's own pattern has them: slugs, each followed by "/".
    re_path(r"^(?P<path>(?:[\w\-]+/)*)qr\.(?P<fmt>svg|png)$", views.page_code, name="qr_code"),
    path("p/<int:page_id>/", views.short_link, name="qr_short_link"),
]

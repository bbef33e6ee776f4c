from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/v2/", include("wagtail_baucu.api.urls")),
    path("", include("wagtail_baucu.urls")),
]

if settings.DEBUG:
    # Renditions only. Documents go through Wagtail's serve view (/documents/<id>/<name>), which
    # refuses files no public page uses; original images are not served at all.
    urlpatterns += static(
        f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"
    )
elif settings.SERVE_MEDIA:
    # Renditions only, as above.
    urlpatterns += [
        re_path(r"^media/(?P<path>images/.+)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

handler500 = "wagtail_baucu.unavailable.server_error"

urlpatterns += [path("", include(wagtail_urls))]

"""The example portal's URLs plus two routes the benchmarks compare against.

``__bench/plain/<page path>`` renders the same article as Wagtail would, routed the same way, with
its template minus the package's extras (``PLAIN_ARTICLE``); ``__bench/static/<name>``
answers a file from ``BENCH_DIR/static-ceiling`` through the same server and middleware: the
ceiling a feed response of the same size could reach.
"""

from functools import cache

import swapper
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template import engines
from django.urls import path, re_path
from django.views.static import serve as serve_file

from example_site.urls import urlpatterns as site_urlpatterns

# The article template without its reader tools (print link, inline QR code, social QR codes)
# and "other news" (the benchmark also sets OTHER_NEWS_COUNT to 0, so the list is not queried).
PLAIN_ARTICLE = """{% extends "wagtail_baucu/pages/news_article_page.html" %}
{% block reader_tools %}{% endblock %}{% block social %}{% endblock %}
{% block other_news %}{% endblock %}"""


@cache
def plain_article_template():
    """Compiled once, as the cached template loader does for the real template."""
    return engines["django"].from_string(PLAIN_ARTICLE)


def plain_page(request: HttpRequest, page_path: str) -> HttpResponse:
    """The page at ``page_path`` rendered without the package's extras (see ``pages_bench``)."""
    from wagtail_baucu.pages.mixins import NewsArticleMixin

    route = swapper.load_model("wagtailcore", "Page").route_for_request(request, page_path)
    if route is None:
        raise Http404
    page = route[0]
    if not isinstance(page, NewsArticleMixin):
        raise Http404
    return page.render(request, template=plain_article_template())


def static_ceiling(request: HttpRequest, name: str) -> HttpResponse:
    return serve_file(request, name, document_root=settings.BENCH_DIR / "static-ceiling")


urlpatterns = [
    re_path(r"^__bench/plain/(?P<page_path>(?:[\w\-]+/)*)$", plain_page),
    path("__bench/static/<str:name>", static_ceiling),
    *site_urlpatterns,
]

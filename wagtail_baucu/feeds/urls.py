"""Feed URLs answered from the cache before Wagtail's routing (see ``views.feed_or_page``).

Included by ``wagtail_baucu.urls``; a request the cache cannot answer goes on to Wagtail's own
page serving, which routes it to the page's feed route as usual.
"""

from django.urls import re_path

from wagtail_baucu.feeds.views import feed_or_page

urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*feed/(?:rss|atom|json)/(?:archive/\d{4}-\d{2}/)?)$",
        feed_or_page,
        name="feed_or_page",
    ),
]

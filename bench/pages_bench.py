"""Page benchmarks: an article with and without the package's extras, news and document indexes.

Requests go through Django's full stack (URL resolution, middleware, Wagtail's routing, the
cached templates) with the test client, as an anonymous visitor of the portal's site.

The article is compared with itself minus the package's extras: ``bench.urls`` routes
``__bench/plain/<path>`` to the same page rendered from its own template with the inline QR
code, the footer's social QR codes and "other news" taken out, and ``OTHER_NEWS_COUNT`` is set to
0 for that request so the list is not queried either.
"""

from __future__ import annotations

from django.conf import settings
from django.test import override_settings

from bench.seed import SeededPortal
from bench.timing import client, get, interleave, ratio

# A search typed without diacritics, for words seeded with them ("Kế hoạch ... tuyên truyền").
DOCUMENT_SEARCH = "ke hoach tuyen truyen"
DOCUMENT_FILTER = "KH"
DEEP_PAGE = 200


def run(portal: SeededPortal, repeat: int = 20, warmup: int = 2) -> dict:
    """Measure the article, news index and document index pages of a seeded portal."""
    browser = client(portal.host)
    article = portal.urls["article"]
    news = portal.urls["news_index"]
    documents = portal.urls["document_index"]
    without_extras = {**getattr(settings, "WAGTAIL_BAUCU", {}), "OTHER_NEWS_COUNT": 0}
    plain_get = get(browser, "/__bench/plain" + article)

    def plain():
        with override_settings(WAGTAIL_BAUCU=without_extras):
            return plain_get()

    pages = interleave(
        {"with extras": get(browser, article), "without extras": plain}, repeat, warmup=warmup
    )
    listings = interleave(
        {
            "page 1": get(browser, news),
            f"page {DEEP_PAGE}": get(browser, f"{news}?page={DEEP_PAGE}"),
        },
        repeat,
        warmup=warmup,
    )
    searches = interleave(
        {
            "filter": get(browser, f"{documents}?type={DOCUMENT_FILTER}"),
            "search": get(browser, documents, data={"q": DOCUMENT_SEARCH}),
        },
        repeat,
        warmup=warmup,
    )
    found = browser.get(documents, {"q": DOCUMENT_SEARCH}).content.decode()
    return {
        "article": {
            "url": article,
            **{name: timing.as_dict() for name, timing in pages.items()},
            "ratio": ratio(pages["with extras"].median, pages["without extras"].median),
        },
        "news_index": {
            "url": news,
            **{name: timing.as_dict() for name, timing in listings.items()},
            "ratio": ratio(listings[f"page {DEEP_PAGE}"].median, listings["page 1"].median),
        },
        "document_index": {
            "url": documents,
            "filter_query": f"type={DOCUMENT_FILTER}",
            "search_query": DOCUMENT_SEARCH,
            "search_found": f"/{DOCUMENT_FILTER}-" in found,
            **{name: timing.as_dict() for name, timing in searches.items()},
        },
    }

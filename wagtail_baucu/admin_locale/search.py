"""The page search's results header names what it counts."""

import swapper
from wagtail.admin.views.pages.search import SearchView


def name_the_search_results() -> None:
    """Give Wagtail's page search view the page model's verbose names.

    The view is a ``BaseListingView``, whose ``verbose_name`` and ``verbose_name_plural`` are
    ``None`` unless set; the page title column puts them in its header, which then reads
    "1-1 of 1 None" in every language. The model's names are lazy, so each user reads them in
    their own language ("1-1 trên 1 trang"). A name Wagtail or a subclass sets is kept.
    """
    page = swapper.load_model("wagtailcore", "Page")  # the base page the view searches
    if SearchView.verbose_name is None:
        SearchView.verbose_name = page._meta.verbose_name
    if SearchView.verbose_name_plural is None:
        SearchView.verbose_name_plural = page._meta.verbose_name_plural

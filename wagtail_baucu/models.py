"""Models of the core app (agencies and categories); page types live in ``wagtail_baucu.pages``."""

from wagtail_baucu.agencies.models import Agency, Category

__all__ = ["Agency", "Category"]

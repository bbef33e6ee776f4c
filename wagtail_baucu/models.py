"""Models of the core app (agencies and categories); page types live in ``wagtail_baucu.pages``."""

from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.generation_tokens import GenerationToken
from wagtail_baucu.qr.models import SocialChannel, SocialChannels

__all__ = ["Agency", "Category", "GenerationToken", "SocialChannel", "SocialChannels"]

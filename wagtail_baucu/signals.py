"""Signal receivers of the core app."""

from wagtail_baucu.agencies import signals as agency_signals  # noqa: F401

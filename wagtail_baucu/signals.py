"""Signal receivers of the core app."""

from wagtail_baucu import freshness
from wagtail_baucu.agencies import signals as agency_signals  # noqa: F401
from wagtail_baucu.feeds import signals as feed_signals  # noqa: E402

freshness.connect()
feed_signals.connect()

"""wagtail-baucu: election-information portals on Wagtail."""

__version__ = "0.1.0"

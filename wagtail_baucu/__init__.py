"""wagtail-baucu: election-information portals on Wagtail."""

# A development version until CHANGELOG.md has a section for a release (a test checks).
__version__ = "0.1.0.dev0"

"""Vietnamese for the Wagtail admin strings that Wagtail's own ``vi`` catalogue leaves untranslated.

An app of its own so an integrator can leave it out of ``INSTALLED_APPS``. Its catalogues list
only msgids Wagtail has no Vietnamese for, so its place in ``INSTALLED_APPS`` does not matter and
it never contradicts Wagtail.
"""

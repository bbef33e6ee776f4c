"""Election page types.

``mixins`` holds the behaviour as abstract models that any project can put on its own base
page; ``models`` (the ``wagtail_baucu.pages`` app) builds the concrete page types on Wagtail's
default ``Page`` for projects that keep it.
"""

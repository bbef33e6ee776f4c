"""Feeds for newsrooms: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of news and directive documents.

See ``docs/feeds.md``. Modules: ``items`` (the one item model), ``builder`` (items from pages),
``writers`` (the three formats), ``sources`` (which feeds exist), ``cache``, ``views``,
``routes`` (the page mixins' routes), ``websub`` and ``signals``.
"""

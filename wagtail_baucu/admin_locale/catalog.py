"""The package's JavaScript translations, in the shape Django's ``JavaScriptCatalog`` serves."""

import gettext
from functools import cache
from pathlib import Path

from django.utils.translation import to_locale

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@cache
def javascript_catalog(language: str) -> dict[str, str | list[str]]:
    """The ``djangojs`` entries for ``language``, keyed as ``django.catalog`` keys them: the
    msgid (``context\\x04msgid`` with a context), a list of forms for a plural."""
    translation = gettext.translation("djangojs", LOCALE_DIR, [to_locale(language)], fallback=True)
    messages = getattr(translation, "_catalog", {})
    plural_count = max((key[1] for key in messages if isinstance(key, tuple)), default=0) + 1
    catalog: dict[str, str | list[str]] = {}
    for key, value in messages.items():
        if key == "":
            continue  # the header
        if isinstance(key, str):
            catalog[key] = value
        else:
            msgid, index = key
            forms = catalog.setdefault(msgid, [""] * plural_count)
            forms[index] = value
    return catalog

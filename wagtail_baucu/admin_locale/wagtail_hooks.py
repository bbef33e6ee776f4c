import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail import hooks

from .catalog import javascript_catalog


@hooks.register("insert_global_admin_js")
def merge_javascript_catalog():
    """Add the package's JavaScript translations to the catalogue Wagtail's admin loaded.

    Wagtail's own catalogue view serves ``wagtail.admin``'s translations only; the admin renders
    in the user's preferred language, so the active language is the one its catalogue has.
    """
    catalog = javascript_catalog(get_language() or "")
    if not catalog:
        return ""
    # "<" escaped so no translation can close the script element.
    data = json.dumps(catalog, ensure_ascii=False).replace("<", "\\u003c")
    return format_html(
        "<script>window.django && Object.assign(django.catalog, {});</script>", mark_safe(data)
    )

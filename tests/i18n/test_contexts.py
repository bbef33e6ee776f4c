"""The package's catalogue never overrides Wagtail's or Django's translations of a shared word."""

from pathlib import Path

import django
import modelsearch
import polib
import pytest
import rest_framework
import taggit
import wagtail
from django.utils import translation
from lxml import html

import wagtail_baucu

PACKAGE = Path(wagtail_baucu.__file__).resolve().parent
# Catalogues meant to fill Wagtail's own admin strings: they share Wagtail's msgids on purpose.
WAGTAIL_FILLS = {PACKAGE / "admin_locale"}
INSTALLED = [
    Path(module.__file__).resolve().parent
    for module in (django, wagtail, modelsearch, rest_framework, taggit)
]


def package_catalogues() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.glob("**/locale/vi/LC_MESSAGES/django.po"))
        if not any(fill in path.parents for fill in WAGTAIL_FILLS)
    ]


def their_msgids() -> set[str]:
    """Every msgid without a context of the installed apps' English and Vietnamese catalogues
    (English ones list every msgid; Vietnamese ones are what a Vietnamese admin reads)."""
    found = set()
    for root in INSTALLED:
        for language in ("en", "vi"):
            for path in root.glob(f"**/locale/{language}/LC_MESSAGES/*.po"):
                found.update(entry.msgid for entry in polib.pofile(str(path)) if not entry.msgctxt)
    return found


def test_the_installed_catalogues_are_read():
    msgids = their_msgids()
    # Wagtail's admin menu, Django's admin, and the words the package used to share.
    assert {"Pages", "Type", "Search", "Filter", "Summary", "Table", "document", "file"} <= msgids
    assert {"name", "active", "Log in"} <= msgids


def test_no_package_msgid_is_shared_without_a_context():
    theirs = their_msgids()
    catalogues = package_catalogues()
    assert PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "django.po" in catalogues
    shared = {
        (str(path.relative_to(PACKAGE)), entry.msgid)
        for path in catalogues
        for entry in polib.pofile(str(path))
        if entry.msgid and not entry.msgctxt and entry.msgid in theirs
    }
    assert shared == set()


@pytest.mark.django_db
def test_the_admin_menu_reads_wagtails_own_word_for_pages(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    with translation.override("vi"):
        expected = translation.gettext("Pages")
    assert expected == "Trang"  # Wagtail's vi catalogue, not the package's pagination word

    response = admin_client.get("/admin/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Phân trang" not in content
    # The main menu is rendered client-side from JSON in the page; its items' labels are there.
    menu = html.fromstring(response.content).xpath("//*[@id='wagtail-sidebar-props']/text()")
    assert menu and '"label": "Trang"' in menu[0]

"""wagtail_baucu.admin_locale: Vietnamese for Wagtail's admin where Wagtail's own has none."""

import gettext
import json
import re
from pathlib import Path

import django
import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.admin.forms import choosers as wagtail_choosers
from wagtail.users.models import UserProfile

import wagtail_baucu
from wagtail_baucu.admin_locale import choosers
from wagtail_baucu.admin_locale.catalog import javascript_catalog

WAGTAIL = Path(wagtail.__file__).resolve().parent
DJANGO = Path(django.__file__).resolve().parent
HERE = Path(wagtail_baucu.__file__).resolve().parent / "admin_locale" / "locale" / "vi"
DOMAINS = ("django", "djangojs")
# Python's printf placeholders and str.format's, as they appear in Wagtail's msgids.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{[a-zA-Z_0-9]*\}")


def ours(domain: str) -> polib.POFile:
    return polib.pofile(str(HERE / "LC_MESSAGES" / f"{domain}.po"))


def wagtail_catalogues(language: str, domain: str) -> list[Path]:
    return sorted(WAGTAIL.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po"))


def django_catalogues(language: str, domain: str) -> list[Path]:
    # The admin also shows a few of Django's own strings ("5 phút trước").
    path = DJANGO / "conf" / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    return [path] if path.exists() else []


def translated_keys(paths) -> set:
    keys = set()
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            if entry.msgstr or any(entry.msgstr_plural.values()):
                keys.add((entry.msgctxt, entry.msgid))
    return keys


def forms(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_entry_is_one_wagtail_or_django_translates(domain):
    """So the app's place in INSTALLED_APPS cannot matter and it never contradicts Wagtail."""
    translated = translated_keys(wagtail_catalogues("vi", domain) + django_catalogues("vi", domain))
    shared = [e.msgid for e in ours(domain) if (e.msgctxt, e.msgid) in translated]
    assert shared == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_a_wagtail_or_django_string(domain):
    # French is complete: a msgid missing there is not Wagtail's or Django's (any more).
    known = set()
    for path in wagtail_catalogues("fr", domain) + django_catalogues("fr", domain):
        known |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
    stale = [
        e.msgid
        for e in ours(domain)
        if (e.msgctxt, e.msgid) not in known and e.msgctxt != choosers.OWN_CONTEXT
    ]
    assert stale == []


def test_the_apps_own_entries_are_the_link_chooser_labels():
    """Labels Wagtail leaves out (Django would show the field's name) have the app's msgids."""
    own = {e.msgid for e in ours("django") if e.msgctxt == choosers.OWN_CONTEXT}
    with translation.override("en"):
        labels = {str(label) for label in choosers.LABELS.values()}
    assert own == labels - {"Email address"}  # Django's msgid, translated by Django
    for form in choosers.FORMS:
        assert all(field.label for field in form.base_fields.values()), form
    with translation.override("vi"):
        email = wagtail_choosers.EmailLinkChooserForm()["email_address"].label
        assert str(email) == "Địa chỉ email"
        link_text = wagtail_choosers.ExternalLinkChooserForm()["link_text"].label
        assert str(link_text) == "Chữ hiển thị của liên kết"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_translated_and_keeps_its_placeholders(domain):
    po = ours(domain)
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    for entry in po:
        # One Vietnamese form serves every count, so it carries the plural's placeholders.
        source = entry.msgid_plural or entry.msgid
        for msgstr in forms(entry):
            assert msgstr.strip(), entry.msgid
            assert "fuzzy" not in entry.flags, entry.msgid
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(source)), (
                entry.msgid
            )


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_catalogues_are_the_po_files(domain):
    def pairs(catalogue):
        return {(e.msgctxt, e.msgid): tuple(forms(e)) for e in catalogue if e.msgid}

    mo = polib.mofile(str(HERE / "LC_MESSAGES" / f"{domain}.mo"))
    assert pairs(mo) == pairs(ours(domain))


def test_the_example_site_installs_it():
    assert "wagtail_baucu.admin_locale" in settings.INSTALLED_APPS


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("bientap", "bientap@example.com", "x")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "vi"})
    return user


def test_the_login_page_reads_in_vietnamese(client, db):
    body = client.get("/admin/login/", headers={"accept-language": "vi"}).content.decode()
    assert "Quên mật khẩu?" in body
    assert "Forgotten password?" not in body


def test_without_the_app_the_strings_stay_in_english():
    """What the app adds is what Wagtail's catalogues, merged as Django merges them, lack."""
    for locale_dir in WAGTAIL.glob("**/locale"):
        wagtail_only = gettext.translation("django", locale_dir, ["vi"], fallback=True)
        assert wagtail_only.gettext("Forgotten password?") == "Forgotten password?"
    with translation.override("vi"):
        assert translation.gettext("Forgotten password?") == "Quên mật khẩu?"


def test_the_login_form_labels_the_password_in_vietnamese(client, db):
    body = client.get("/admin/login/", headers={"accept-language": "vi"}).content.decode()
    assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Mật khẩu', body)


def test_the_dashboard_reads_in_the_editors_vietnamese(client, editor):
    client.force_login(editor)
    body = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert "Tóm tắt trang web" in body  # "Site summary"
    assert "Site summary" not in body


def test_the_admin_pages_carry_the_javascript_strings(client, editor):
    client.force_login(editor)
    body = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    script = re.search(r"Object\.assign\(django\.catalog, (\{.*?\})\);</script>", body)
    catalog = json.loads(script.group(1))
    assert catalog["Collapse all"] == "Thu gọn tất cả"
    assert catalog["%(num)s error"] == ["%(num)s lỗi"]


def test_the_javascript_catalogue_is_empty_for_other_languages():
    assert javascript_catalog("fr") == {}
    with translation.override("vi"):
        assert javascript_catalog(translation.get_language())["Move up"] == "Chuyển lên"


def test_the_page_search_header_names_the_pages(client, editor, site_tree):
    """Wagtail's page search view has no verbose name: its header read "1-1 trên 1 None"."""
    site_tree.article("Ra quân cổ động bầu cử")
    client.force_login(editor)
    for preferred, expected in [("vi", "1-1 trên 1 trang"), ("en", "1-1 of 1 page")]:
        UserProfile.objects.filter(user=editor).update(preferred_language=preferred)
        response = client.get("/admin/pages/search/", {"q": "cổ động"})
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
        assert expected in text, preferred
        assert "None" not in text

"""The Vietnamese catalogue: complete, faithful to its placeholders, compiled, and in use."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

import wagtail_baucu
from tests.factories import make_agency, make_category, model
from tests.pages.conftest import add_page_url, texts
from tests.pages.test_admin import document_form

PACKAGE = Path(wagtail_baucu.__file__).resolve().parent
LOCALE = PACKAGE / "locale"
PO_PATH = LOCALE / "vi" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
TEMPLATES = PACKAGE / "templates"

# printf placeholders as Python's % operator reads them: %(name)s, %s, %d, %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[a-zA-Z%]")


def catalogue(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def translations(entries) -> dict:
    """``{(context, msgid): msgstr or plural forms}`` of the translated, current entries."""
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in entries
        if entry.msgid and not entry.obsolete
    }


def msgstrs(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.fixture(autouse=True)
def default_language():
    yield
    # A test that activates a language must not leave it to later tests, which want vi.
    translation.deactivate()


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return catalogue(PO_PATH)


def test_the_header_names_the_project_and_vietnamese_plurals(po):
    assert po.metadata["Project-Id-Version"].startswith("wagtail-baucu")
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert not po.metadata_is_fuzzy


def test_every_entry_is_translated_and_none_is_fuzzy(po):
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 100
    untranslated = [e.msgid for e in entries if not all(s.strip() for s in msgstrs(e))]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []
    assert not po.obsolete_entries()


def test_every_placeholder_is_kept(po):
    for entry in po:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        for msgstr in msgstrs(entry):
            assert sorted(PLACEHOLDER.findall(msgstr)) == expected, entry.msgid
        # A translation that formats without error with the values the code gives.
        if "python-format" in entry.flags and "%(" in entry.msgid:
            names = dict.fromkeys(re.findall(r"%\(([^)]+)\)", entry.msgid), 1)
            for msgstr in msgstrs(entry):
                assert msgstr % names


def test_the_compiled_catalogue_is_the_po_file(po):
    assert MO_PATH.exists(), "run compilemessages in wagtail_baucu/"
    assert translations(polib.mofile(str(MO_PATH))) == translations(po)


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext")
def test_the_catalogue_holds_every_string_of_the_package(po, tmp_path, monkeypatch):
    """makemessages over a copy of the package finds nothing new and nothing stale."""
    copy = tmp_path / "wagtail_baucu"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["vi"],
        no_obsolete=True,
        ignore_patterns=["admin_locale"],
        verbosity=0,
    )
    fresh = catalogue(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po")
    # admin_locale's catalogue holds Wagtail's msgids, not its own code's: makemessages would
    # keep only the latter, so the documented command leaves it out.
    admin = Path("admin_locale") / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    assert (copy / admin).read_bytes() == (PACKAGE / admin).read_bytes()

    added = set(translations(fresh)) - set(translations(po))
    stale = set(translations(po)) - set(translations(fresh))
    hint = (
        "run makemessages -l vi --no-obsolete --ignore=admin_locale in wagtail_baucu/, "
        "translate, compilemessages"
    )
    assert not added, f"{hint}; new: {sorted(added)}"
    assert not stale, f"{hint}; gone: {sorted(stale)}"


# Templates: every word a reader sees goes through {% translate %} or {% blocktranslate %}.

BLOCKTRANSLATE = re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S)
COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
# Blocks that hold class names, not text: {% block body_class %}baucu-article{% endblock %}.
CLASS_BLOCK = re.compile(r"{%\s*block\s+\w*class\s*%}.*?{%\s*endblock\b.*?%}", re.S)
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}", re.S)
RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
# Attributes whose values people read or hear.
READ_ATTRIBUTE = re.compile(
    r"""\b(alt|title|placeholder|aria-label|aria-description|label)\s*=\s*(["'])(.*?)\2""", re.S
)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
LETTERS = re.compile(r"[^\W\d_]{2,}")


def untranslated_words(source: str) -> list[str]:
    """Words of a template's text and read attributes left outside translate tags."""
    source = BLOCKTRANSLATE.sub(" ", CLASS_BLOCK.sub(" ", COMMENT.sub(" ", source)))
    source = TEMPLATE_SYNTAX.sub(" ", source)
    source = RAW_TEXT.sub(" ", source)
    read = [match[2] for tag in TAG.findall(source) for match in READ_ATTRIBUTE.findall(tag)]
    text = TAG.sub(" ", source)
    return LETTERS.findall(ENTITY.sub(" ", " ".join([text, *read])))


@pytest.mark.parametrize(
    "source, words",
    [
        ('<p>{% translate "Print" %}: {{ page.title }} &middot; (1/2)</p>', []),
        ("<p>{% blocktranslate %}Page {{ n }} of {{ t }}{% endblocktranslate %}</p>", []),
        ('<a href="{% url "x" %}" class="baucu-x">{% firstof a b %}</a> · 1/2', []),
        ("{# Note #}{% comment %}Why{% endcomment %}<!DOCTYPE html>", []),
        ('<body class="{% block body_class %}baucu-news{% endblock %}">', []),
        ("<p>Nguồn tin: {{ page.agency }}</p>", ["Nguồn", "tin"]),
        ('<nav aria-label="Main menu"></nav>', ["Main", "menu"]),
        ("<img alt='Logo' src=\"{% static 'x.png' %}\">", ["Logo"]),
    ],
)
def test_the_template_scan_tells_translated_from_hard_coded(source, words):
    assert untranslated_words(source) == words


def test_every_template_string_is_inside_a_translate_tag():
    found = {
        str(path.relative_to(TEMPLATES)): words
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (words := untranslated_words(path.read_text()))
    }
    assert found == {}


# The translation at work, with LANGUAGE_CODE = "vi".


def test_an_article_reads_in_vietnamese(client, site_tree, settings):
    assert settings.LANGUAGE_CODE == "vi"
    category = make_category("Tuyên truyền")
    agency = make_agency("SVHTT", "Sở Văn hóa và Thể thao")
    site_tree.article("Tin cùng chuyên mục", categories=[category])
    article = site_tree.article(
        agency=agency,
        categories=[category],
        source_name="Báo Nhân Dân",
        source_url="https://nhandan.vn/bau-cu",
    )

    response = client.get(article.url)

    assert response.status_code == 200
    assert texts(response, "//dl[@class='baucu-source']/dt") == ["Nguồn tin", "Gốc"]
    assert texts(response, "//*[@id='baucu-other-news']") == ["Tin khác"]
    assert texts(response, "//*[@class='baucu-tools']/a") == ["In", "Gốc"]
    for english in ["Source", "Original", "Other news", "Print"]:
        assert f">{english}<" not in response.content.decode()


def test_a_bad_reference_number_is_refused_in_vietnamese(admin_client, site_tree):
    url = add_page_url(model("DirectiveDocument"), site_tree.document_index)

    response = admin_client.post(url, document_form(document_number="34/ubbc-tcttt"))

    assert response.status_code == 200
    [message] = response.context["form"].errors["document_number"]
    with translation.override("vi"):
        expected = translation.gettext(
            "Write the symbol in capitals, e.g. 34/UBBC-TCTTT rather than 34/ubbc-tcttt; only "
            "codes such as QyĐ, CTr, TTr or TTg mix in small letters."
        )
    assert message == expected
    assert message.startswith("Ký hiệu viết bằng chữ in hoa")
    assert message in response.content.decode()


def test_the_api_speaks_the_site_language_whatever_the_request_asks(client, site_tree):
    url = "/api/v2/news/?published_from=hom-qua"

    default = client.get(url)
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert default.status_code == english.status_code == 400
    assert default.json()["message"].startswith("published_from phải là ngày hoặc ngày giờ")
    assert english.json()["message"] == default.json()["message"]

"""The version, the CHANGELOG and the extras say the same thing."""

import re
import tomllib
from pathlib import Path

from packaging.version import Version

import wagtail_baucu

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def released_sections() -> list[str]:
    headings = re.findall(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(), re.M)
    return [h.split()[0] for h in headings if h.strip() != "Unreleased"]


def test_the_version_is_a_development_one_until_the_changelog_has_its_release():
    # One place for the version: the package's __version__, read by setuptools.
    assert PROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PROJECT["project"]
    version = Version(wagtail_baucu.__version__)
    released = released_sections()
    if version.is_devrelease:
        assert ".".join(map(str, version.release)) not in released
        assert all(Version(r) < version for r in released)
    else:
        # A release: the newest CHANGELOG section is this version.
        assert released and released[0] == str(version)


def test_the_example_extra_holds_none_of_the_tests_tools():
    extras = PROJECT["project"]["optional-dependencies"]
    names = {re.split(r"[<>=\[ ]", r)[0].lower() for r in extras["example"]}
    assert not names & {"playwright", "cairosvg", "hypothesis", "pytest", "pyzbar"}
    makefile = (ROOT / "Makefile").read_text()
    assert 'pip install --quiet -e ".[example]"' in makefile
    demo = re.search(r"^demo: (.+)$", makefile, re.M)[1]
    assert demo.strip() == "install-demo"

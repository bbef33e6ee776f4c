"""The installation guide is one source: README's snippets are its blocks, its custom base page
is the test app's file, its path has at most six commands, and the README works as a package
description (absolute links)."""

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "installation.md"
README = ROOT / "README.md"
REFRESH = "python .ci/docs_path.py --refresh docs/installation.md README.md"


def docs_path():
    spec = importlib.util.spec_from_file_location("docs_path", ROOT / ".ci" / "docs_path.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_path"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_custom_base_page_of_the_guide_is_the_test_apps_file_byte_for_byte():
    module = docs_path()
    [included] = [b for b in module.blocks(GUIDE.read_text()) if b.kind == "include"]
    assert included.path == "tests/custompage/models.py"
    assert included.code == (ROOT / included.path).read_text(), f"run {REFRESH}"


def test_readme_shows_the_guides_snippets_as_they_are():
    module = docs_path()
    for path in (GUIDE, README):
        text = path.read_text()
        assert module.refreshed(text, ROOT) == text, f"{path.name} is out of date: run {REFRESH}"
    copies = [b for b in module.blocks(README.read_text()) if b.kind == "same"]
    assert {b.name for b in copies} == {"settings", "urls", "portal"}


def test_the_documented_path_has_at_most_six_commands_and_starts_the_server_last():
    commands = docs_path().commands(GUIDE.read_text())
    path = commands[: next(i for i, c in enumerate(commands) if "runserver" in c) + 1]
    assert len(path) <= 6, path
    assert path[0].startswith("python3 -m venv") and "baucu_portal create" in path[-2]


def test_every_block_mark_is_understood_and_the_snippets_go_to_the_template_files():
    blocks = docs_path().blocks(GUIDE.read_text())
    appended = {b.path for b in blocks if b.kind == "append"}
    assert appended == {"mysite/settings/base.py", "mysite/urls.py"}
    assert [b.kind for b in blocks].count("shell") == 1


def test_the_package_description_has_only_absolute_links_to_the_repository():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    repository = project["urls"]["Repository"]
    links = re.findall(r"\]\(([^)]+)\)", README.read_text())
    assert links
    for link in links:
        assert link.startswith(("https://", "http://")), link
        if not link.startswith(repository):
            assert "github.com/wagtail-baucu" not in link, link
    assert any(link.startswith(repository + "/blob/main/docs/") for link in links)

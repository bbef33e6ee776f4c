#!/usr/bin/env bash
# Builds the wheel and the sdist, checks their contents and metadata (twine check), then follows
# docs/installation.md from an empty folder outside the source tree: a fresh virtual
# environment, the wheel, `wagtail start`, the documented snippets and commands as extracted
# from the Markdown, a server, and HTTP checks of the portal (.ci/docs_path.py). Django is the
# newest the chosen Python gets within the package's range: 5.2 on Python 3.11, 6.1 on 3.13.
#
# Usage (from anywhere): bash .ci/wheel_check.sh   (or `make wheel-check`, `make wheel-check-next`)
#   PYTHON        Python of the newcomer's machine (default: python3)
#   BUILD_PYTHON  Python that has `build` and `twine` installed (default: .venv/bin/python)
#   KEEP_WORK=1   keep the temporary folder for a look afterwards
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
BUILD_PYTHON=${BUILD_PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/baucu-wheel-check.XXXXXX")
if [[ ${KEEP_WORK:-0} == 1 ]]; then
    echo "wheel check: working in $WORK (kept)"
else
    trap 'rm -rf "$WORK"' EXIT
fi
unset PYTHONPATH DJANGO_SETTINGS_MODULE DATABASE_URL

say() { printf '\n--- wheel check: %s\n' "$*"; }
# pip warns about every configured local index folder that does not exist; drop those lines.
without_index_noise() { grep --line-buffered -v 'is ignored: it is neither a file nor a directory' || true; }

say "copy the source tree (files git knows about, no build leftovers)"
mkdir -p "$WORK/src"
# A copy keeps stale build/ or *.egg-info folders of a working tree out of the wheel.
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [[ -f $f ]] && printf '%s\0' "$f"; done \
        | tar --null -T - -cf -) | tar -xf - -C "$WORK/src"
else
    cp -r "$ROOT/." "$WORK/src/"
fi

say "build the wheel and the sdist"
"$BUILD_PYTHON" -m build --outdir "$WORK/dist" "$WORK/src" >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }
WHEEL=$(ls "$WORK"/dist/*.whl)
SDIST=$(ls "$WORK"/dist/*.tar.gz)
echo "built $(basename "$WHEEL") and $(basename "$SDIST")"

say "twine check (metadata, and the README as the package description)"
"$BUILD_PYTHON" -m twine check --strict "$WHEEL" "$SDIST"

say "check what the wheel and the sdist contain"
"$BUILD_PYTHON" - "$WHEEL" "$SDIST" "$WORK/src" <<'PY'
"""Every file of the package in the source tree is in the wheel and the sdist, with the data
files, the licence and (sdist) the docs and tests."""
import sys
import tarfile
import zipfile
from pathlib import Path

wheel, sdist, src = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
names = set(zipfile.ZipFile(wheel).namelist())
with tarfile.open(sdist) as archive:
    # Names without the leading "wagtail_baucu-<version>/" folder.
    in_sdist = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
required = [
    "wagtail_baucu/migrations/0001_initial.py",
    "wagtail_baucu/pages/migrations/0001_initial.py",
    "wagtail_baucu/elections/migrations/0001_initial.py",
    "wagtail_baucu/templates/wagtail_baucu/base.html",
    "wagtail_baucu/static/wagtail_baucu/css/baucu.css",
    "wagtail_baucu/locale/vi/LC_MESSAGES/django.mo",
    "wagtail_baucu/admin_locale/locale/vi/LC_MESSAGES/djangojs.mo",
]
in_source = sorted(
    p.relative_to(src).as_posix()
    for p in (src / "wagtail_baucu").rglob("*")
    if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
)
missing = [n for n in required if n not in names]
if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
    missing.append("<dist-info>/licenses/LICENSE")
missing += [n for n in in_source if n not in names and n not in missing]
missing_sdist = [
    n for n in in_source + ["LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"]
    if n not in in_sdist
]
kinds = {
    "migrations": [n for n in names if "/migrations/" in n and n.endswith(".py")],
    "templates": [n for n in names if "/templates/" in n],
    "static": [n for n in names if "/static/" in n],
    "locale (.mo)": [n for n in names if n.endswith(".mo")],
}
for kind, files in kinds.items():
    print(f"wheel {kind}: {len(files)} files")
print(f"package files in the source tree: {len(in_source)}, wheel entries: {len(names)}, "
      f"sdist entries: {len(in_sdist)}")
if missing or missing_sdist:
    print("MISSING from the wheel:", *missing, sep="\n  ")
    print("MISSING from the sdist:", *missing_sdist, sep="\n  ")
    sys.exit(1)
PY

say "docs/installation.md from an empty folder, with $("$PYTHON" --version)"
"$BUILD_PYTHON" "$WORK/src/.ci/docs_path.py" "$WHEEL" "$WORK/docs" --python "$PYTHON" \
    --docs "$WORK/src/docs/installation.md" 2>&1 | without_index_noise

say "every module imports with only the declared dependencies; templates, static, translation"
cat >"$WORK/smoke.py" <<'PY'
import gettext
import importlib
import pkgutil
import sys
from pathlib import Path

import wagtail_baucu
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.utils import translation

package_dir = Path(wagtail_baucu.__file__).resolve().parent
print("wagtail_baucu imported from", package_dir)
if "site-packages" not in package_dir.parts:
    sys.exit("the package was not imported from the installed wheel")
broken = []
for module in pkgutil.walk_packages(wagtail_baucu.__path__, "wagtail_baucu."):
    try:
        importlib.import_module(module.name)
    except Exception as error:
        broken.append(f"{module.name}: {error!r}")
if broken:
    sys.exit("modules that do not import:\n  " + "\n  ".join(broken))
get_template("wagtail_baucu/base.html")
for css in ("wagtail_baucu/css/baucu.css", "wagtail_baucu/css/print.css"):
    if not finders.find(css):
        sys.exit(f"static file not found: {css}")
mo = package_dir / "locale" / "vi" / "LC_MESSAGES" / "django.mo"
catalog = {k: v for k, v in gettext.GNUTranslations(mo.open("rb"))._catalog.items() if k and v}
msgid, msgstr = next((k, v) for k, v in catalog.items() if isinstance(k, str))
with translation.override("vi"):
    seen = translation.gettext(msgid)
print(f"translation: {len(catalog)} messages; {msgid!r} -> {seen!r}")
if seen != msgstr:
    sys.exit("Django does not serve the package's Vietnamese translation")
PY
PROJECT=$(cat "$WORK/docs/project_dir")
(cd "$PROJECT" && "$WORK/docs/empty-folder/.venv/bin/python" manage.py shell <"$WORK/smoke.py")

say "passed in ${SECONDS} s"

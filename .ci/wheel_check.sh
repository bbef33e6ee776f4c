#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment and runs a throwaway Wagtail
# project on it, from a folder outside the source tree, so only what the wheel ships is used.
#
# Usage (from anywhere): bash .ci/wheel_check.sh   (or `make wheel-check`)
#   PYTHON        Python for the fresh virtual environment (default: python3)
#   BUILD_PYTHON  Python that has `build` installed (default: .venv/bin/python)
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

say "build the wheel"
"$BUILD_PYTHON" -m build --wheel --outdir "$WORK/dist" "$WORK/src" >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }
WHEEL=$(ls "$WORK"/dist/*.whl)
echo "built $(basename "$WHEEL")"

say "check what the wheel contains"
"$PYTHON" - "$WHEEL" "$WORK/src" <<'PY'
"""Every file of the package in the source tree is in the wheel, and the data files are there."""
import sys
import zipfile
from pathlib import Path

wheel, src = Path(sys.argv[1]), Path(sys.argv[2])
names = set(zipfile.ZipFile(wheel).namelist())
required = [
    "wagtail_baucu/migrations/0001_initial.py",
    "wagtail_baucu/pages/migrations/0001_initial.py",
    "wagtail_baucu/templates/wagtail_baucu/base.html",
    "wagtail_baucu/static/wagtail_baucu/css/baucu.css",
    "wagtail_baucu/locale/vi/LC_MESSAGES/django.mo",
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
kinds = {
    "migrations": [n for n in names if "/migrations/" in n and n.endswith(".py")],
    "templates": [n for n in names if "/templates/" in n],
    "static": [n for n in names if "/static/" in n],
    "locale": [n for n in names if "/locale/" in n],
}
for kind, files in kinds.items():
    print(f"{kind}: {len(files)} files")
print(f"package files in the source tree: {len(in_source)}, in the wheel: {len(names)} entries")
if missing:
    print("MISSING from the wheel:", *missing, sep="\n  ")
    sys.exit(1)
PY

say "install the wheel and its dependencies into a fresh virtual environment"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$WHEEL" 2>&1 \
    | without_index_noise
"$WORK/venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null \
    | grep -iE '^(django|wagtail|wagtail-baucu) ' || true

say "write a throwaway project outside the source tree"
PROJECT="$WORK/project"
mkdir -p "$PROJECT"
cat >"$PROJECT/wheelcheck_settings.py" <<'PY'
"""A plain `wagtail start` project plus the apps docs/installation.md asks for."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "wheel-check"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "wagtail_baucu",
    "wagtail_baucu.pages",
    "wagtail_baucu.elections",
    "wagtail_baucu.results",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
ROOT_URLCONF = "wheelcheck_urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
}
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
WAGTAIL_SITE_NAME = "Wheel check"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
PY
cat >"$PROJECT/wheelcheck_urls.py" <<'PY'
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("wagtail_baucu.urls")),
    path("", include(wagtail_urls)),
]
PY
cat >"$PROJECT/wheelcheck_smoke.py" <<'PY'
"""Uses the installed package as a site would: its templates, static files and translation."""
import gettext
import importlib
import pkgutil
import sys
from pathlib import Path

import django

django.setup()

import wagtail_baucu  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from wagtail_baucu.pages.mixins import ElectionPortalMixin  # noqa: E402
from wagtail_baucu.pages.registry import page_model  # noqa: E402

package_dir = Path(wagtail_baucu.__file__).resolve().parent
print("wagtail_baucu imported from", package_dir)
if "site-packages" not in package_dir.parts:
    sys.exit("the package was not imported from the installed wheel")

# Every module imports with only the declared dependencies installed (no test extras).
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

portal = Page.get_first_root_node().add_child(
    instance=page_model(ElectionPortalMixin)(title="Bầu cử", election_name="Bầu cử thử")
)
Site.objects.update_or_create(
    is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": portal}
)
response = Client().get("/")
print("GET / ->", response.status_code)
if response.status_code != 200 or b'lang="vi"' not in response.content:
    sys.exit("the election portal page did not render from the installed templates")
PY

run_django() {
    (cd "$PROJECT" && PYTHONPATH="$PROJECT" DJANGO_SETTINGS_MODULE=wheelcheck_settings "$@")
}

say "django-admin check"
run_django "$WORK/venv/bin/django-admin" check
say "django-admin migrate"
run_django "$WORK/venv/bin/django-admin" migrate --no-input -v 1
say "django-admin makemigrations --check --dry-run (shipped migrations match the models)"
run_django "$WORK/venv/bin/django-admin" makemigrations --check --dry-run
say "templates, static files, translation and a rendered portal page"
run_django "$WORK/venv/bin/python" wheelcheck_smoke.py

say "passed"

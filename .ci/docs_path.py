"""Runs docs/installation.md as a newcomer would, and checks the portal it makes over HTTP.

    python .ci/docs_path.py WHEEL WORK_DIR --python PYTHON [--docs docs/installation.md]

The code blocks of the page are the script. A comment before a fenced block says what it is:

    <!-- docs-test: run [as NAME] -->        shell commands, run in order in one bash
    <!-- docs-test: append PATH as NAME -->  Python appended to PATH (relative to where the
                                             commands are at that point)
    <!-- docs-test: shell -->                Python fed to ``python manage.py shell``
    <!-- docs-test: include FILE -->         a copy of FILE of the repository (not run; the
                                             tests compare it with the file)
    <!-- docs-test: same as PAGE NAME -->    (README) a copy of PAGE's snippet NAME

``python .ci/docs_path.py --refresh docs/installation.md README.md`` rewrites the copies.

Unmarked blocks are not run. The one substitution: the documented port (8000) becomes a free
port, since another server may hold 8000. A command that starts a server (``runserver``) runs
in the background; when every block has run, the portal it serves is checked over HTTP (home,
an article, its print view, ``qr.svg``, ``/p/<id>/``, the three feeds, the sitemap and the
documented API endpoints, with absolute URLs on the Site's host and port), then ``manage.py
check`` must show no message of the package and ``makemigrations --check`` nothing to do.

Standard library only: it runs with any Python 3.11+, and its parser is imported by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DOC_PORT = 8000
MARK = re.compile(
    r"^<!--\s*docs-test:\s*(?P<spec>[^\n]+?)\s*-->\n```(?P<lang>\w*)\n(?P<code>.*?)^```",
    re.S | re.M,
)
SERVER_COMMAND = re.compile(r"\bmanage\.py runserver\b")


@dataclass(frozen=True)
class Block:
    kind: str  # run, append, shell, include
    code: str
    path: str = ""  # append: the file; include: the repository file
    name: str = ""  # append: the snippet's name, for README


def blocks(markdown: str) -> list[Block]:
    """The marked code blocks of a Markdown text, in order."""
    found = []
    for match in MARK.finditer(markdown):
        words = match["spec"].split()
        kind, code = words[0], match["code"]
        if kind in ("run", "shell") and len(words) in (1, 3):
            found.append(Block(kind, code, name=words[2] if len(words) == 3 else ""))
        elif kind == "append" and len(words) == 4 and words[2] == "as":
            found.append(Block(kind, code, path=words[1], name=words[3]))
        elif kind == "include" and len(words) == 2:
            found.append(Block(kind, code, path=words[1]))
        elif kind == "same":  # README: <!-- docs-test: same as docs/installation.md NAME -->
            found.append(Block(kind, code, path=words[2], name=words[3]))
        else:
            raise ValueError(f"unknown docs-test mark: {match['spec']!r}")
    return found


def refreshed(markdown: str, root: Path) -> str:
    """``markdown`` with its ``include`` blocks equal to their files and its ``same`` blocks
    equal to the named snippets of the page they name (README's from installation.md)."""

    def replace(match: re.Match) -> str:
        words = match["spec"].split()
        if words[0] == "include":
            code = (root / words[1]).read_text(encoding="utf-8")
        elif words[0] == "same":
            source = blocks((root / words[2]).read_text(encoding="utf-8"))
            code = next(b.code for b in source if b.name == words[3])
        else:
            return match[0]
        return match[0][: match.start("code") - match.start()] + code + "```"

    return MARK.sub(replace, markdown)


def commands(markdown: str) -> list[str]:
    """The documented path's commands, one per line of the ``run`` blocks."""
    return [
        line
        for block in blocks(markdown)
        if block.kind == "run"
        for line in block.code.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def script(markdown: str, port: int) -> str:
    """The bash script that runs the page's blocks; the server's pid goes to $SERVER_PID."""
    lines = ["set -euo pipefail", "SERVER_PID="]
    for number, block in enumerate(blocks(markdown)):
        code = re.sub(rf"\b{DOC_PORT}\b", str(port), block.code)
        end = f"BAUCU_DOCS_{number}"
        if block.kind == "run":
            for line in code.splitlines():
                if SERVER_COMMAND.search(line):
                    # Its own process group, so the autoreloader's child goes with it.
                    lines.append(f'setsid {line} >"$DOCS_WORK/server.log" 2>&1 &')
                    lines.append('SERVER_PID=$!; echo "$SERVER_PID" >"$DOCS_WORK/server.pid"')
                else:
                    lines.append(f'echo "[$SECONDS s] \$ "{shlex.quote(line)}')
                    lines.append(line)
        elif block.kind == "append":
            lines.append(f"echo '(append to {block.path})'")
            lines.append(f"printf '\\n' >>{shlex.quote(block.path)}")
            lines.append(f"cat >>{shlex.quote(block.path)} <<'{end}'\n{code}{end}")
        elif block.kind == "shell":
            lines.append('echo "[$SECONDS s] \$ python manage.py shell <<..."')
            lines.append(f"python manage.py shell <<'{end}'\n{code}{end}")
    lines.append('echo "$PWD" >"$DOCS_WORK/project_dir"')
    return "\n".join(lines) + "\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Portal:
    """HTTP checks of the served portal, with the standard library."""

    def __init__(self, base: str):
        self.base = base
        self.failures: list[str] = []

    def get(self, url: str, status: int = 200, follow: bool = True):
        url = url if url.startswith("http") else self.base + url
        opener = urllib.request.build_opener(*([] if follow else [NoRedirect()]))
        try:
            response = opener.open(url, timeout=30)
            code, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            code, body, headers = error.code, error.read(), error.headers
        print(f"GET {url} -> {code} {headers.get('Content-Type', '')}")
        if code != status:
            self.failures.append(f"{url}: {code}, expected {status}")
        return body, headers

    def expect(self, condition: bool, what: str) -> None:
        if not condition:
            self.failures.append(what)

    def check(self) -> list[str]:
        base = self.base
        home, _ = self.get("/")
        self.expect(f'<link rel="canonical" href="{base}/"'.encode() in home, "home: canonical")
        feeds = {fmt: self.get(f"/feed/{fmt}/")[0] for fmt in ("rss", "atom", "json")}
        items = json.loads(feeds["json"])["items"]
        self.expect(bool(items), "JSON feed: no item")
        article_url = items[0]["url"] if items else base + "/"
        self.expect(
            article_url.startswith(base + "/"), f"feed item URL {article_url} not on {base}"
        )
        rss = ET.fromstring(feeds["rss"])
        self.expect(
            any((link.text or "") == article_url for link in rss.iter("link")), "RSS: no article"
        )
        atom_links = [e.get("href") for e in ET.fromstring(feeds["atom"]).iter() if e.get("href")]
        self.expect(article_url in atom_links, "Atom: no article link")
        article, _ = self.get(article_url)
        self.expect(f'href="{article_url}"'.encode() in article, "article: no canonical link")
        self.get(article_url + "print/")
        svg, headers = self.get(article_url + "qr.svg")
        self.expect(headers.get("Content-Type", "").startswith("image/svg+xml"), "qr.svg type")
        news, _ = self.get("/api/v2/news/")
        news = json.loads(news)
        self.expect(news["meta"]["total_count"] >= 1, "API news: no item")
        item = news["items"][0] if news["items"] else {"id": 0, "meta": {}}
        self.expect(item["meta"].get("html_url") == article_url, "API news: html_url")
        self.expect(
            str(item["meta"].get("detail_url", "")).startswith(base + "/api/v2/"), "API detail_url"
        )
        _, headers = self.get(f"/p/{item['id']}/", status=302, follow=False)
        self.expect(headers.get("Location") == article_url, "/p/<id>/: Location")
        for endpoint in ("pages", "directives", "agencies", "images", "documents"):
            self.get(f"/api/v2/{endpoint}/")
        self.get(f"/api/v2/pages/{item['id']}/")
        sitemap, _ = self.get("/sitemap.xml")
        locs = [e.text for e in ET.fromstring(sitemap).iter() if e.tag.endswith("loc")]
        self.expect(article_url in locs and base + "/" in locs, f"sitemap: {locs}")
        for index in ("/tin-tuc/", "/van-ban-chi-dao/", "/co-quan/", "/don-vi-bau-cu/"):
            self.get(index)
        self.get("/nguon-tin-bao-chi/")
        self.get("/khong-co-trang-nay/", status=404)
        return self.failures


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url} within {seconds} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    if sys.argv[1:2] == ["--refresh"]:
        # Rewrites the included copies: python .ci/docs_path.py --refresh docs/installation.md
        root = Path(__file__).resolve().parent.parent
        for name in sys.argv[2:]:
            path = root / name
            path.write_text(refreshed(path.read_text(encoding="utf-8"), root), encoding="utf-8")
        return 0
    parser.add_argument("wheel", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--python", required=True, help="The Python a newcomer has (python3).")
    parser.add_argument(
        "--docs", type=Path, default=Path(__file__).parent.parent / "docs/installation.md"
    )
    options = parser.parse_args()
    markdown = options.docs.read_text(encoding="utf-8")
    documented = commands(markdown)
    serve = next(i for i, line in enumerate(documented) if SERVER_COMMAND.search(line))
    after = len(documented) - serve - 1
    print(f"{serve + 1} commands from the empty folder to the running portal, then {after} more:")
    for line in documented:
        print("  " + line)

    work = options.work.resolve()
    folder = work / "empty-folder"
    folder.mkdir(parents=True)
    shutil.copy(options.wheel, folder)
    # "python3" is the chosen Python, as on the newcomer's machine.
    bin_dir = work / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(shutil.which(options.python) or options.python)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE", "VIRTUAL_ENV", "DATABASE_URL")
    }
    env.update(PATH=f"{bin_dir}:{env['PATH']}", DOCS_WORK=str(work), PYTHONUNBUFFERED="1")
    # The machine's, not the path's: no progress bars in the log, no byte-compiling of every
    # installed module (the modules used are compiled when first imported).
    env.update(PIP_PROGRESS_BAR="off", PIP_NO_COMPILE="1")
    run_script = script(markdown, port)
    (work / "docs-path.sh").write_text(run_script, encoding="utf-8")
    started = time.monotonic()
    server_pid = None
    try:
        subprocess.run(["bash", str(work / "docs-path.sh")], cwd=folder, env=env, check=True)
        print(f"documented commands done in {time.monotonic() - started:.0f} s")
        server_pid = int((work / "server.pid").read_text())
        wait_for(base + "/")
        failures = Portal(base).check()
        project = Path((work / "project_dir").read_text().strip())
        python = str(folder / ".venv" / "bin" / "python")
        check = subprocess.run(
            [python, "manage.py", "check", "--database", "default"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        print("manage.py check --database default:", (check.stdout + check.stderr).strip())
        if check.returncode or "wagtail_baucu." in check.stdout + check.stderr:
            failures.append("manage.py check reports the package")
        migrations = subprocess.run(
            [python, "manage.py", "makemigrations", "--check", "--dry-run"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        print("makemigrations --check:", migrations.stdout.strip())
        if migrations.returncode:
            failures.append("makemigrations --check found changes")
    finally:
        if server_pid:
            try:
                os.killpg(server_pid, 15)
            except ProcessLookupError:
                pass
    if failures:
        print((work / "server.log").read_text(errors="replace")[-3000:])
        print("FAILED:", *failures, sep="\n  ")
        return 1
    print(f"the documented path works ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

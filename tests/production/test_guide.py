"""The deployment guide followed literally: ``docs/deployment.md``'s commands, as written, give a
running portal.

Every fenced block of the guide that matters carries a marker in the page's source
(``<!-- guide: KIND ARGUMENT -->`` on the line before it):

- ``run``: the test runs the block with ``bash``, in the page's order;
- ``file PATH``: the block is the content of the file ``PATH``; the test writes it and checks
  it (systemd units with ``systemd-analyze verify``, the cron line's fields and its command,
  the Redis settings by starting Redis with them, the nginx site with ``nginx -t`` where nginx
  is installed);
- ``services``: where the guide starts the systemd units, the test starts their commands as
  systemd would (``WorkingDirectory``, ``EnvironmentFile``, ``ExecStart``) and runs the
  oneshot service of the timer once;
- ``skip (why)``: what changes the machine itself (packages, users, systemd) or is not set-up.

The test's machine is not a fresh one, so a few things are put in place of the machine's own:
``/srv/baucu`` and ``/etc`` are folders of a temporary directory (the code is the working
tree's files, ``.venv`` the environment the test runs in), PostgreSQL is a cluster of the
test's own from ``initdb`` and Redis a server of its own, on free ports (the guide's
``127.0.0.1:5432``, ``:6379`` and ``:8000`` are replaced by them, and ``PGHOST``/``PGPORT``
lead ``psql`` and ``createdb`` to the cluster as the local socket does on Debian), and
``sudo`` is dropped (the test runs as one user). Every sh block must carry a marker, so a
command added to the guide is run or skipped on purpose.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
import requests

from tests.production.harness import ROOT, Postgres, Redis, free_port, wait_until

GUIDE = ROOT / "docs" / "deployment.md"
MARKED = re.compile(
    r"<!-- guide: (?P<kind>[a-z]+)(?: (?P<argument>[^>]*?))? -->\n"
    r"```(?P<language>[a-z]*)\n(?P<body>.*?)\n```",
    re.S,
)
HOST = "bau-cu.example.vn"
# What a request looks like once the guide's nginx has passed it on to gunicorn.
PROXIED = {"Host": HOST, "X-Forwarded-Proto": "https"}
RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]  # minute, hour, day, month, weekday
CRON_FIELD = re.compile(r"^(\*|\d+(-\d+)?)(/\d+)?(,(\*|\d+(-\d+)?)(/\d+)?)*$")


@dataclass(frozen=True)
class Block:
    kind: str
    argument: str
    language: str
    body: str


def guide_blocks(text: str) -> list[Block]:
    return [
        Block(m["kind"], (m["argument"] or "").strip(), m["language"], m["body"])
        for m in MARKED.finditer(text)
    ]


class Machine:
    """The temporary stand-in for the machine the guide is followed on."""

    def __init__(self, root: Path, postgres: Postgres, redis: Redis, web_port: int):
        self.root = root
        self.srv = root / "srv" / "baucu"
        self.postgres, self.redis, self.web_port = postgres, redis, web_port
        self.processes: list[subprocess.Popen] = []
        self.commands = 0

    def local(self, text: str) -> str:
        """The guide's text with this machine's paths and ports, and without ``sudo``."""
        text = text.replace("/srv/baucu", str(self.srv))
        text = re.sub(r"(?<![\w/])/etc/", f"{self.root}/etc/", text)
        text = text.replace("127.0.0.1:5432", f"127.0.0.1:{self.postgres.port}")
        text = text.replace("127.0.0.1:6379", f"127.0.0.1:{self.redis.port}")
        text = text.replace("127.0.0.1:8000", f"127.0.0.1:{self.web_port}")
        return re.sub(r"\bsudo (-u \S+ )?", "", text)

    def path(self, guide_path: str) -> Path:
        if guide_path.startswith("/"):
            return Path(self.local(guide_path))
        return self.root / "etc" / guide_path

    @property
    def env(self) -> dict:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "BAUCU_", "PYTEST", "PG")) and k != "DATABASE_URL"
        }
        return env | {
            "PGHOST": "127.0.0.1",
            "PGPORT": str(self.postgres.port),
            "PGUSER": "postgres",
        }

    def run(self, script: str) -> str:
        script = self.local(script)
        self.commands += len(command_lines(script))
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"{script}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
        return done.stdout

    def unit(self, name: str) -> tuple[list[str], Path, dict]:
        """A unit's command, working directory and environment, as systemd would run it."""
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str
        parser.read_string(self.path(f"/etc/systemd/system/{name}").read_text())
        service = parser["Service"]
        env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
        for line in Path(service["EnvironmentFile"]).read_text().splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                key, _, value = line.partition("=")
                env[key.strip()] = value
        return shlex.split(service["ExecStart"]), Path(service["WorkingDirectory"]), env

    def start(self, name: str) -> None:
        command, cwd, env = self.unit(name)
        log = open(self.root / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        self.processes.append(
            subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        )

    def run_unit(self, name: str) -> None:
        command, cwd, env = self.unit(name)
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]

    def get(self, path: str) -> requests.Response:
        return requests.get(f"http://127.0.0.1:{self.web_port}{path}", headers=PROXIED, timeout=30)

    def close(self) -> None:
        for process in self.processes:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def command_lines(script: str) -> list[str]:
    """The script's commands: its lines but those of here-documents."""
    commands, ending = [], None
    for line in script.splitlines():
        if ending is not None:
            ending = None if line.strip() == ending else ending
            continue
        if line.strip():
            commands.append(line)
            here = re.search(r"<<-?\s*'?(\w+)'?", line)
            ending = here[1] if here else None
    return commands


def step_name(script: str) -> str:
    """A block's name in the figures: its last command, or the management command it runs."""
    last = command_lines(script)[-1]
    found = re.search(r"manage\.py (\S+)", last)
    return f"manage.py {found[1]}" if found else last[:60]


def copy_code(destination: Path) -> None:
    """The working tree's files (as a clone of it would have them) and the test's environment
    as the guide's ``.venv``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            target = destination / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (destination / ".venv").symlink_to(Path(sys.prefix))


def check_extras(blocks: list[Block]) -> None:
    """The extras the guide installs exist, and bring what the units run."""
    install = next(b.body for b in blocks if "pip install" in b.body)
    extras = re.search(r'"\.\[([\w,-]+)\]"', install)[1].split(",")
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert set(extras) <= set(declared["optional-dependencies"]), extras
    wanted = " ".join(" ".join(declared["optional-dependencies"][e]) for e in extras)
    for package in ("gunicorn", "whitenoise", "django-tasks-db", "psycopg", "dj-database-url"):
        assert package in wanted, f"{package} is not in the extras the guide installs"


def check_cron(machine: Machine, line: str) -> None:
    """Five valid time fields, and the command runs as cron runs it (``/bin/sh``); ``line`` is
    the file as written (paths already this machine's)."""
    fields = line.split(None, 5)
    assert len(fields) == 6, line
    for field, (low, high) in zip(fields[:5], RANGES, strict=True):
        assert CRON_FIELD.match(field), field
        numbers = [int(n) for n in re.findall(r"\d+", field.split("/")[0])]
        assert all(low <= n <= high for n in numbers), field
    done = subprocess.run(
        ["/bin/sh", "-c", fields[5]],
        cwd=machine.root,
        env={"PATH": os.environ["PATH"], "HOME": str(machine.root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def check_nginx(machine: Machine, site: Path) -> str:
    """``nginx -t`` on the site, inside a minimal main configuration, with a throwaway
    certificate in place of the real one."""
    nginx = shutil.which("nginx")
    if not nginx or not shutil.which("openssl"):
        return "nginx: not installed here, not checked"
    certificate, key = machine.root / "cert.pem", machine.root / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    text = re.sub(r"ssl_certificate (\S+);", f"ssl_certificate {certificate};", site.read_text())
    text = re.sub(r"ssl_certificate_key (\S+);", f"ssl_certificate_key {key};", text)
    temporary = "".join(
        f"{kind}_temp_path {machine.root}/nginx-{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = machine.root / "nginx.conf"
    main.write_text(
        f"pid {machine.root}/nginx.pid;\nerror_log {machine.root}/nginx-error.log;\n"
        f"events {{}}\nhttp {{\naccess_log off;\n{temporary}{text}\n}}\n"
    )
    done = subprocess.run([nginx, "-t", "-c", str(main)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return "nginx -t"


@pytest.fixture
def machine():
    root = Path(tempfile.mkdtemp(prefix="baucu-guide-"))
    (root / "etc").mkdir()
    postgres = Postgres(database=None)
    redis = Redis(config=root / "etc" / "redis" / "redis.conf")
    here = Machine(root, postgres, redis, free_port())
    try:
        yield here
    finally:
        here.close()
        redis.stop()
        postgres.close()
        shutil.rmtree(root, ignore_errors=True)


def test_the_deployment_guide_as_written(machine, figures):
    started = time.monotonic()
    text = GUIDE.read_text()
    blocks = guide_blocks(text)
    marked_sh = sum(1 for b in blocks if b.language == "sh")
    assert marked_sh == text.count("\n```sh\n"), "a command block of the guide has no marker"
    check_extras(blocks)
    copy_code(machine.srv)

    files = {}
    for block in blocks:
        if block.kind == "file":
            path = machine.path(block.argument)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(machine.local(block.body) + "\n")
            files[block.argument] = path
    # The Redis settings of the guide are the ones this Redis runs with.
    machine.postgres.start()
    machine.redis.start()

    steps = {}
    for block in blocks:
        began = time.monotonic()
        if block.kind == "run":
            machine.run(block.body)
            steps[step_name(block.body)] = round(time.monotonic() - began, 1)
        elif block.kind == "services":
            machine.start("baucu-web.service")
            machine.start("baucu-tasks.service")
            wait_until(lambda: machine.get("/healthz/").status_code == 200, 90, "gunicorn")
            machine.run_unit("baucu-publish.service")
            steps["the units started"] = round(time.monotonic() - began, 1)

    health = machine.get("/healthz/")
    assert health.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in health.headers["Cache-Control"]
    home = machine.get("/")
    assert home.status_code == 200, home.status_code
    assert '<html lang="vi"' in home.text
    feed = machine.get("/tin-tuc/feed/rss/")
    assert feed.status_code == 200
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.entries, parsed.bozo_exception
    assert parsed.feed.link.startswith(f"https://{HOST}/")
    manifest = json.loads((machine.srv / "var" / "static" / "staticfiles.json").read_text())
    name, hashed = next((k, v) for k, v in manifest["paths"].items() if k.endswith(".css"))
    static = machine.get(f"/static/{hashed}")
    assert static.status_code == 200
    assert static.content == (machine.srv / "var" / "static" / hashed).read_bytes()
    assert "max-age=315360000" in static.headers["Cache-Control"]
    # Plain HTTP from a client (no proxy header) is sent to HTTPS; the health check is not.
    plain = requests.get(
        f"http://127.0.0.1:{machine.web_port}/",
        headers={"Host": HOST},
        timeout=30,
        allow_redirects=False,
    )
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")

    checks = []
    units = [path for name, path in files.items() if "/systemd/" in name]
    if shutil.which("systemd-analyze"):
        done = subprocess.run(
            ["systemd-analyze", "verify", *map(str, units)], capture_output=True, text=True
        )
        assert done.returncode == 0 and not done.stderr.strip(), done.stderr
        checks.append(f"systemd-analyze verify ({len(units)} units)")
    check_cron(machine, files["crontab"].read_text().strip())
    checks.append("the cron line's fields and command")
    checks.append("Redis started with the guide's settings")
    checks.append(check_nginx(machine, files["/etc/nginx/sites-available/baucu"]))

    figures["guide"] = {
        "commands": machine.commands,
        "seconds": round(time.monotonic() - started, 1),
        "files_checked": len(files),
        "checks": checks,
        "static_file": name,
        "steps_s": steps,
    }

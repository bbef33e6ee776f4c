"""The committee's import at scale: N candidates (default 1,000) in one CSV, dry run and apply.

``python -m bench.import_bench [--count N] [--database URL]``: a fresh database (an SQLite
file under ``var/bench`` unless ``--database``), migrated, with a portal, an election, its
index and 10 units; then the file is checked (``plan_import``), applied as drafts
(``apply_plan``), and checked again (every row unchanged). Tasks run inline, as in the other
benchmarks, so Wagtail's search and reference index updates are counted in. Prints the
seconds of each step and the queries, as JSON; the figures are in ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = 10


def candidates_csv(count: int) -> bytes:
    rows = ["co_quan,so_don_vi,ho_ten,ngay_sinh,gioi_tinh,que_quan,nghe_nghiep_chuc_vu"]
    rows += [
        f"quoc-hoi,{1 + i % UNITS},Nguyễn Văn Số {i},{1 + i % 28:02d}/0{1 + i % 9}/19{60 + i % 30},"
        f"{'Nam' if i % 2 else 'Nữ'},Hải Phòng,Người ứng cử ví dụ (hư cấu)"
        for i in range(count)
    ]
    return ("\n".join(rows) + "\n").encode()


def setup(database_url: str | None) -> None:
    if database_url is None:
        path = ROOT / "var" / "bench" / "import.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        database_url = f"sqlite:///{path}"
    os.environ["BAUCU_BENCH_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def election_with_units():
    from datetime import date

    from bench.seed import make_structure
    from wagtail_baucu.elections import mixins
    from wagtail_baucu.elections.models import Body, BodyKind, Election
    from wagtail_baucu.pages.registry import page_model

    tree = make_structure("localhost", [])
    election = Election.objects.create(
        title="Bầu cử đại biểu Quốc hội khóa XV", election_day=date(2021, 5, 23), portal=tree.portal
    )
    assembly = Body.objects.create(
        election=election, kind=BodyKind.NATIONAL_ASSEMBLY, name="Quốc hội", code="quoc-hoi"
    )
    index = page_model(mixins.ElectoralUnitIndexMixin)(title="Đơn vị bầu cử", slug="don-vi-bau-cu")
    tree.portal.add_child(instance=index)
    Unit = page_model(mixins.ElectoralUnitMixin)
    for number in range(1, UNITS + 1):
        index.add_child(
            instance=Unit(
                title=f"Đơn vị bầu cử số {number}",
                slug=f"quoc-hoi-{number}",
                body=assembly,
                number=number,
                seats=3,
                area_covered="Quận Hồng Bàng",
            )
        )
    return election


class QueryCounter:
    """Counts the queries run through a connection (no cap, unlike the test utilities)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(count: int) -> dict:
    from django.db import connection

    from wagtail_baucu.elections.imports import apply_plan, plan_import

    election = election_with_units()
    data = candidates_csv(count)
    figures = {"candidates": count, "database": connection.vendor}
    for step in ("dry run", "apply", "dry run again"):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            plan = plan_import("candidates", data, "nguoi-ung-cu.csv", election)
            if step == "apply":
                apply_plan(plan, election)
            figures[f"{step} (s)"] = round(time.perf_counter() - started, 2)
        figures[f"{step} (queries)"] = counter.count
        figures[f"{step} (plan)"] = plan.summary()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--database", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    setup(args.database)
    json.dump(measure(args.count), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The demo's election: Hải Phòng 2021, its bodies, units, example candidates and polling areas.

The National Assembly's three units and nine seats are those set by document 17/UBBC-SNV;
the areas the units cover, the candidates and the polling areas are invented for the demo
and marked as examples.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wagtail_baucu.elections.imports import apply_plan, plan_import
from wagtail_baucu.elections.models import Body, BodyKind, Election, Level, PollingArea

SAMPLES = Path(__file__).resolve().parent / "import"
TITLE = "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
LEVELS = [("tỉnh", "tinh"), ("huyện", "huyen"), ("xã", "xa")]
# (commune, number, place, address, streets, {body code: unit number})
POLLING_AREAS = [
    (
        "Phường Minh Khai",
        1,
        "Nhà văn hóa tổ dân phố số 1",
        "Số 2 phố Minh Khai (ví dụ)",
        "Phố Minh Khai, phố Điện Biên Phủ",
        {"quoc-hoi": 1, "hdnd-thanh-pho": 1},
    ),
    (
        "Phường Hoàng Văn Thụ",
        1,
        "Trường Tiểu học (ví dụ)",
        "Số 10 phố Hoàng Văn Thụ (ví dụ)",
        "Phố Hoàng Văn Thụ, phố Lý Tự Trọng",
        {"quoc-hoi": 1, "hdnd-thanh-pho": 1},
    ),
    (
        "Phường Máy Tơ",
        1,
        "Nhà văn hóa phường (ví dụ)",
        "Số 5 phố Lê Lai (ví dụ)",
        "Phố Lê Lai, phố Lê Thánh Tông",
        {"quoc-hoi": 2, "hdnd-thanh-pho": 2},
    ),
    (
        "Phường Lạch Tray",
        2,
        "Nhà văn hóa tổ dân phố số 4 (ví dụ)",
        "Số 8 phố Lạch Tray (ví dụ)",
        "Phố Lạch Tray, phố Văn Cao",
        {"quoc-hoi": 2, "hdnd-thanh-pho": 2},
    ),
]


def load_election(portal, made) -> Election:
    """Idempotently add the election to ``portal`` (whose units index exists), its units,
    candidates and polling areas; ``made(kind)`` counts what this run created."""
    election, created = Election.objects.get_or_create(
        portal=portal, defaults={"title": TITLE, "election_day": date(2021, 5, 23)}
    )
    if created:
        made("elections")
    levels = {}
    for order, (name, code) in enumerate(LEVELS):
        levels[code], created = Level.objects.get_or_create(
            election=election, code=code, defaults={"name": name, "sort_order": order}
        )
    for order, (code, kind, level, name) in enumerate(
        [
            ("quoc-hoi", BodyKind.NATIONAL_ASSEMBLY, None, "Quốc hội"),
            ("hdnd-thanh-pho", BodyKind.PEOPLES_COUNCIL, "tinh", "HĐND thành phố Hải Phòng"),
        ]
    ):
        _, created = Body.objects.get_or_create(
            election=election,
            code=code,
            defaults={"kind": kind, "level": levels.get(level), "name": name, "sort_order": order},
        )
        if created:
            made("elected bodies")
    for kind, name in [("units", "don-vi-bau-cu.csv"), ("candidates", "nguoi-ung-cu-vi-du.csv")]:
        plan = plan_import(kind, (SAMPLES / name).read_bytes(), name, election)
        for row in plan.rows:
            if row.action == "create":
                made(kind)
        apply_plan(plan, election, publish=True)
    bodies = {body.code: body for body in election.bodies.all()}
    for commune, number, place, address, covers, units in POLLING_AREAS:
        if PollingArea.objects.filter(election=election, commune=commune, number=number).exists():
            continue
        area = PollingArea(
            election=election,
            commune=commune,
            number=number,
            place_name=place,
            address=address,
            covers=covers,
        )
        area.save()
        for code, unit_number in units.items():
            area.units.create(body=bodies[code], unit_number=unit_number)
        area.save_revision().publish()
        made("polling areas")
    return election

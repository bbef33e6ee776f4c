"""An election in a portal, with units, candidates and polling areas, for the tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.factories import publish
from wagtail_baucu.elections import mixins
from wagtail_baucu.elections.models import Body, BodyKind, Election, Level, PollingArea
from wagtail_baucu.pages.registry import page_model


def model(name: str):
    return page_model(getattr(mixins, f"{name}Mixin"))


@dataclass
class ElectionWorld:
    election: Election
    index: object
    assembly: Body
    council: Body

    def unit(self, body: Body, number: int, seats: int = 3, area: str = "Quận Hồng Bàng"):
        page = model("ElectoralUnit")(
            title=f"Đơn vị bầu cử số {number}",
            slug=f"{body.code}-{number}",
            body=body,
            number=number,
            seats=seats,
            area_covered=area,
            board_name=f"Ban bầu cử {body.name} đơn vị số {number}",
            list_published_on=date(2021, 5, 3),
            live=False,
        )
        self.index.add_child(instance=page)
        return publish(page)

    def candidate(self, unit, name: str, born: date = date(1975, 1, 1), live=True, **fields):
        page = model("Candidate")(
            title=name, date_of_birth=born, live=False, occupation="Kỹ sư", **fields
        )
        unit.add_child(instance=page)
        return publish(page) if live else page

    def area(self, commune: str, number: int, units: list, live=True, **fields) -> PollingArea:
        area = PollingArea(
            election=self.election,
            commune=commune,
            number=number,
            place_name=fields.pop("place_name", f"Nhà văn hóa tổ dân phố {number}"),
            address=fields.pop("address", f"Số {number} phố Lê Lợi"),
            **fields,
        )
        area.save()
        for unit in units:
            area.units.create(body=unit.body, unit_number=unit.number)
        if live:
            area.save_revision().publish()
        else:
            PollingArea.objects.filter(pk=area.pk).update(live=False)
        area.refresh_from_db()
        return area


def make_election(portal) -> ElectionWorld:
    """The 2021 election in ``portal`` (a ``factories.Portal``): the National Assembly and the
    city council, and the index of units under the portal."""
    election = Election.objects.create(
        title="Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026",
        election_day=date(2021, 5, 23),
        portal=portal.portal,
    )
    city = Level.objects.create(election=election, name="tỉnh", code="tinh", sort_order=0)
    Level.objects.create(election=election, name="xã", code="xa", sort_order=1)
    assembly = Body.objects.create(
        election=election, kind=BodyKind.NATIONAL_ASSEMBLY, name="Quốc hội", code="quoc-hoi"
    )
    council = Body.objects.create(
        election=election,
        kind=BodyKind.PEOPLES_COUNCIL,
        level=city,
        name="HĐND thành phố",
        code="hdnd-thanh-pho",
        sort_order=1,
    )
    index = model("ElectoralUnitIndex")(title="Đơn vị bầu cử", slug="don-vi-bau-cu", live=False)
    portal.portal.add_child(instance=index)
    return ElectionWorld(election, publish(index), assembly, council)

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.elections.world import model
from tests.factories import make_portal
from wagtail_baucu.elections.models import Body, BodyKind, Election, Level, PollingArea

pytestmark = pytest.mark.django_db


def test_levels_and_bodies_are_data_of_each_election(world):
    assert [level.name for level in world.election.levels.all()] == ["tỉnh", "xã"]
    assert list(world.election.bodies.values_list("code", flat=True)) == [
        "quoc-hoi",
        "hdnd-thanh-pho",
    ]
    # 2026 has two tiers, no district: another election's levels are its own.
    other = Election(title="2026", election_day=date(2026, 3, 15), portal=world.index)
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "portal" in error.value.message_dict


def test_one_election_per_portal(world):
    with pytest.raises(IntegrityError):
        Election.objects.create(
            title="Bầu cử bổ sung", election_day=date(2023, 1, 1), portal=world.election.portal
        )


def test_body_level_rules(world):
    level = world.election.levels.first()
    body = Body(election=world.election, kind=BodyKind.NATIONAL_ASSEMBLY, level=level, name="x")
    with pytest.raises(ValidationError) as error:
        body.clean()
    assert "level" in error.value.message_dict
    body = Body(election=world.election, kind=BodyKind.PEOPLES_COUNCIL, name="HĐND")
    with pytest.raises(ValidationError):
        body.clean()
    other = Election.objects.create(
        title="Bầu cử 2026",
        election_day=date(2026, 3, 15),
        portal=make_portal("other.test", slug="bau-cu-2026").portal,
    )
    foreign = Level.objects.create(election=other, name="xã", code="xa")
    body = Body(election=world.election, kind=BodyKind.PEOPLES_COUNCIL, level=foreign, name="H")
    with pytest.raises(ValidationError) as error:
        body.clean()
    assert error.value.message_dict["level"] == ["Cấp này thuộc cuộc bầu cử khác."]


def test_polling_area_defaults_and_search_text(world):
    unit = world.unit(world.assembly, 1)
    area = world.area("Phường Minh Khai", 3, [unit], covers="Tổ dân phố 5, phố Đinh Tiên Hoàng")
    assert (area.opens_at, area.closes_at) == (time(7), time(19))
    assert "dinh tien hoang" in area.search_text and "phuong minh khai" in area.search_text
    area.closes_at = time(6)
    with pytest.raises(ValidationError):
        area.clean()


def test_polling_area_unique_per_commune_and_number(world):
    world.area("Phường Minh Khai", 3, [])
    with pytest.raises(IntegrityError):
        PollingArea.objects.create(
            election=world.election,
            commune="Phường Minh Khai",
            number=3,
            place_name="x",
            address="y",
        )


def test_withdrawal_needs_a_date(world):
    unit = world.unit(world.assembly, 1)
    candidate = world.candidate(unit, "Nguyễn Văn An")
    candidate.status = "withdrawn"
    with pytest.raises(ValidationError) as error:
        candidate.full_clean()
    assert "status_changed_on" in error.value.message_dict


def test_page_rules_place_units_under_the_index_and_candidates_under_units(world):
    Unit, Candidate, Index = model("ElectoralUnit"), model("Candidate"), model("ElectoralUnitIndex")
    assert Unit.can_create_at(world.index)
    assert not Unit.can_create_at(world.index.get_parent())
    unit = world.unit(world.assembly, 1)
    assert Candidate.can_create_at(unit)
    assert not Candidate.can_create_at(world.index)
    assert not Index.can_create_at(world.index.get_parent())  # one per portal

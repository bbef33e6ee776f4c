"""Entering a result in the admin: the rules' refusals per field in Vietnamese, what was typed
kept, and the two people of moderation (the one who enters submits, a moderator publishes)."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_user
from tests.results.world import DECIDED_BY, REFERENCE
from wagtail_baucu.agencies.onboarding import AgencyOnboarding
from wagtail_baucu.results.models import ResultPublication, UnitResult
from wagtail_baucu.results.moderation import ensure_results_moderation

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_baucu_results_unitresult:add")


def form(world, votes, **changes):
    data = {
        "body": world.unit.body.pk,
        "unit_number": world.unit.number,
        "round": "first",
        "voters_on_list": 1200,
        "voters_who_voted": 1000,
        "valid_ballots": 980,
        "invalid_ballots": 20,
        "decided_by": DECIDED_BY,
        "decision_reference": REFERENCE,
        "correction_note": "",
        "votes-TOTAL_FORMS": len(votes),
        "votes-INITIAL_FORMS": 0,
        "votes-MIN_NUM_FORMS": 0,
        "votes-MAX_NUM_FORMS": 1000,
    }
    for i, (page, count) in enumerate(votes):
        data.update(
            {
                f"votes-{i}-candidate": page.pk,
                f"votes-{i}-votes": count,
                f"votes-{i}-ORDER": i + 1,
                f"votes-{i}-DELETE": "",
                f"votes-{i}-id": "",
            }
        )
    data.update(changes)
    return data


@pytest.fixture
def moderation(world, client):
    committee = AgencyOnboarding().moderators_group().__class__.objects.create(name="Tổ kết quả")
    ensure_results_moderation(committee)
    enterer = make_user("ubbc.nhap", committee)
    moderator = make_user("bbt.duyet", AgencyOnboarding().moderators_group())
    return enterer, moderator


@pytest.fixture
def onboarded(world):
    """The rights as the portals' moderation setup (``baucu_portal create``, onboarding) gives."""
    from django.contrib.auth.models import Group

    from wagtail_baucu.conf import get_setting

    AgencyOnboarding().ensure_moderators()
    enterer = make_user("ubbc.nhap", Group.objects.get(name=get_setting("RESULTS_GROUP")))
    moderator = make_user("bbt.duyet", AgencyOnboarding().moderators_group())
    return enterer, moderator


def test_impossible_figures_are_refused_per_field_and_kept(admin_client, world):
    an, binh, chi = world.candidates
    data = form(
        world,
        [(an, 990), (binh, 500), (chi, 300)],
        voters_who_voted=1300,
        invalid_ballots=25,
        **{"action-publish": "1"},
    )
    with translation.override("vi"):
        response = admin_client.post(ADD, data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Số cử tri đã bỏ phiếu (1300) nhiều hơn số cử tri trong danh sách (1200)." in page
    form_ = response.context["form"]
    assert "voters_who_voted" in form_.errors
    vote_errors = form_.formsets["votes"].forms[0].errors["votes"]
    assert vote_errors == ["990 phiếu cho Nguyễn Văn An, nhiều hơn 980 phiếu hợp lệ."]
    # What was typed is on the page again.
    assert 'value="1300"' in page and 'value="990"' in page and REFERENCE in page
    assert not UnitResult.objects.exists()


def test_sum_of_ballots_refused_on_the_invalid_field(admin_client, world):
    an, binh, chi = world.candidates
    data = form(world, [(an, 600)], invalid_ballots=25, **{"action-publish": "1"})
    response = admin_client.post(ADD, data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["invalid_ballots"]


def test_a_candidate_of_another_unit_is_refused(admin_client, world):
    other = world.elections.unit(world.elections.assembly, 2)
    stranger = world.elections.candidate(other, "Phạm Văn Dũng")
    response = admin_client.post(ADD, form(world, [(stranger, 10)]), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert "candidate" in response.context["form"].formsets["votes"].forms[0].errors


@pytest.mark.parametrize("setup", ["moderation", "onboarded"])
def test_entered_submitted_and_approved_by_two_people(world, setup, client, request):
    enterer, moderator = request.getfixturevalue(setup)
    an, binh, chi = world.candidates
    client.force_login(enterer)
    data = form(world, [(an, 600), (binh, 500), (chi, 300)], **{"action-submit": "1"})
    response = client.post(ADD, data)
    assert response.status_code == 302, response.context["form"].errors
    result = UnitResult.objects.get()
    assert not result.live and result.workflow_in_progress
    # The enterer cannot publish.
    client.force_login(enterer)
    response = client.post(
        reverse("wagtailsnippets_baucu_results_unitresult:edit", args=[result.pk]),
        form(world, [(an, 600), (binh, 500), (chi, 300)], **{"action-publish": "1"}),
    )
    result.refresh_from_db()
    assert not result.live
    assert not ResultPublication.objects.exists()
    # The moderator approves: published, and the history has its first line.
    client.force_login(moderator)
    task_state = result.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_baucu_results_unitresult:workflow_action",
        args=[result.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    result.refresh_from_db()
    assert result.live
    publication = ResultPublication.objects.get()
    assert publication.decision_reference == REFERENCE and publication.changes == []


def test_a_correction_keeps_a_history(world):
    result = world.result()
    corrected = world.correct(
        result,
        valid_ballots=985,
        invalid_ballots=15,
        note="Kiểm lại phiếu không hợp lệ tại khu vực bỏ phiếu số 3.",
        reference="Quyết định 12/QĐ-UBBC ngày 26/5/2021",
    )
    history = list(corrected.publications.order_by("published_at", "pk"))
    assert [p.decision_reference for p in history] == [
        REFERENCE,
        "Quyết định 12/QĐ-UBBC ngày 26/5/2021",
    ]
    assert history[1].changes == [
        {"field": "valid_ballots", "before": 980, "after": 985},
        {"field": "invalid_ballots", "before": 20, "after": 15},
    ]
    assert history[1].correction_note.startswith("Kiểm lại")

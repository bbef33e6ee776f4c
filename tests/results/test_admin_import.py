"""Results imported through the admin over HTTP, as a moderator: the kind in the form, the
template file, the dry run, the apply, and impossible figures refused per row in Vietnamese."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import make_user
from tests.results.test_import import DECISION, GOOD
from wagtail_baucu.agencies.onboarding import ensure_moderators
from wagtail_baucu.elections.models import Election, ImportRun
from wagtail_baucu.results.models import UnitResult

pytestmark = pytest.mark.django_db

FORM_URL = reverse("baucu_elections_import:form")


@pytest.fixture
def moderator(world):
    client = Client()
    client.force_login(make_user("bbt.ketqua", ensure_moderators()))
    return client


def upload(client, text, publish=False):
    data = {
        "kind": "results",
        "election": Election.objects.get().pk,
        "file": SimpleUploadedFile("ket-qua.csv", text.encode()),
    }
    if publish:
        data["publish"] = "on"
    return client.post(FORM_URL, data)


def run_page(client, response):
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(response["Location"])
    assert page.status_code == 200
    run = ImportRun.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    return run, page.content.decode()


def test_the_form_offers_results_and_their_template(moderator):
    form = moderator.get(FORM_URL).content.decode()
    assert 'value="results"' in form
    csv = moderator.get(reverse("baucu_elections_import:template", args=("results", "csv")))
    assert csv.status_code == 200
    assert 'filename="mau-ket-qua-bau-cu.csv"' in csv["Content-Disposition"]
    assert "so_phieu" in csv.content.decode("utf-8-sig").splitlines()[0]


def test_dry_run_then_apply_through_the_admin(moderator):
    run, html = run_page(moderator, upload(moderator, GOOD, publish=True))
    assert run.status == "checked", html
    assert "Dòng 2: tạo mới Nguyễn Văn An (đơn vị số 1, quoc-hoi)" in html
    assert "3 dòng: 3 tạo mới" in html
    assert not UnitResult.objects.exists()  # a dry run writes nothing
    run, html = run_page(
        moderator, moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    )
    assert run.status == "applied", html
    result = UnitResult.objects.get()
    assert result.live  # a moderator asked to publish at once
    assert sorted(result.votes.values_list("votes", flat=True)) == [300, 500, 600]


def test_impossible_figures_are_refused_per_row_in_vietnamese(moderator):
    bad = GOOD.replace("Trần Thị Bình,15/06/1970,500", "Trần Thị Bình,15/06/1970,990") + (
        f"quoc-hoi,1,them,1200,1300,1300,0,Nguyễn Văn An,01/01/1960,10,{DECISION}\n"
    )
    run, html = run_page(moderator, upload(moderator, bad))
    assert "Dòng 3: từ chối" in html and "990 phiếu cho Trần Thị Bình" in html
    assert "Dòng 5: từ chối" in html and "Số cử tri đã bỏ phiếu (1300)" in html
    assert "Nhập các dòng này" not in html
    response = moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    assert response.status_code in (302, 400)
    assert not UnitResult.objects.exists()

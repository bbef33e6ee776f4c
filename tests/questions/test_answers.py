"""Q&A pages through HTTP: by topic, searched without diacritics, printed, in QR codes, feeds
and the API; answering a submitted question through moderation, and the asker's e-mail."""

from __future__ import annotations

import feedparser
import pytest
from django.core import mail

from tests.qr.scan import decode_png
from tests.questions.world import make_answer
from wagtail_baucu.questions.answering import start_answer
from wagtail_baucu.questions.models import SubmittedQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def answers(index):
    return [
        make_answer(index, "Cử tri đi làm xa bỏ phiếu ở đâu", topic="Cử tri"),
        make_answer(index, "Ai được ứng cử đại biểu", topic="Người ứng cử"),
        make_answer(index, "Bản nháp chưa duyệt", topic="Cử tri", live=False),
    ]


def test_index_lists_answers_by_topic_and_never_drafts(client, answers):
    html = client.get("/hoi-dap/").content.decode()
    assert html.index("Cử tri</h2>") < html.index("Người ứng cử</h2>")
    assert "Cử tri đi làm xa bỏ phiếu ở đâu" in html
    assert "Bản nháp chưa duyệt" not in html


def test_search_without_diacritics(client, answers):
    html = client.get("/hoi-dap/?q=di lam xa").content.decode()
    assert "Cử tri đi làm xa bỏ phiếu ở đâu" in html
    assert "Ai được ứng cử" not in html
    assert "Bản nháp" not in client.get("/hoi-dap/?q=ban nhap").content.decode()
    assert client.get("/hoi-dap/?q=" + "x" * 5000).status_code == 200


def test_page_print_and_qr(client, answers):
    page = answers[0]
    html = client.get(page.url).content.decode()
    assert "Trả lời: Cử tri đi làm xa" in html and "Câu hỏi" in html
    assert client.get(page.url + "print/").status_code == 200
    png = client.get(page.url + "qr.png")
    assert png.status_code == 200
    assert decode_png(png.content) == "http://testserver" + page.url
    assert client.get(answers[2].url + "qr.png").status_code == 404 if answers[2].url else True


def test_questions_feed(client, answers):
    response = client.get("/hoi-dap/feed/atom/")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    titles = [entry.title for entry in parsed.entries]
    assert sorted(titles) == sorted(["Cử tri đi làm xa bỏ phiếu ở đâu", "Ai được ứng cử đại biểu"])
    entry = next(e for e in parsed.entries if e.title.startswith("Cử tri"))
    assert "Trả lời: Cử tri đi làm xa" in entry.content[0].value
    assert entry.tags[0].term == "Cử tri"
    for fmt in ("rss", "json"):
        assert client.get(f"/hoi-dap/feed/{fmt}/").status_code == 200
    # The index page names its feed for autodiscovery.
    assert "/hoi-dap/feed/atom/" in client.get("/hoi-dap/").content.decode()


def test_questions_in_the_api(client, answers):
    model = type(answers[0])
    kind = f"{model._meta.app_label}.{model.__name__}"
    fields = "question,answer,topic,legal_basis,asker_name"
    response = client.get(f"/api/v2/pages/?type={kind}&fields={fields}")
    assert response.status_code == 200
    items = response.json()["items"]
    assert sorted(i["title"] for i in items) == sorted(a.title for a in answers[:2])
    assert {i["topic"] for i in items} == {"Cử tri", "Người ứng cử"}
    assert all(i["answer"].startswith("<p>Trả lời") and i["legal_basis"] == [] for i in items)


def test_answering_a_question_goes_through_moderation_and_tells_the_asker(
    client, index, admin_client, admin_user, django_capture_on_commit_callbacks
):
    asked = SubmittedQuestion.objects.create(
        portal_id=index.get_parent().pk,
        question="Người khuyết tật bỏ phiếu thế nào?",
        name="Lê Thị Cúc",
        commune="Phường Lê Chân",
        email="cuc@example.vn",
        show_name=False,
    )
    confirm = admin_client.get(f"/admin/cau-hoi-cu-tri/{asked.pk}/tra-loi/")
    assert confirm.status_code == 200
    response = admin_client.post(f"/admin/cau-hoi-cu-tri/{asked.pk}/tra-loi/")
    assert response.status_code == 302
    asked.refresh_from_db()
    draft = asked.answer_page.specific
    assert not draft.live and draft.question == asked.question
    # No consent: the asker's name and commune are not copied to the page.
    assert draft.asker_name == "" and draft.asker_commune == ""
    # A second click opens the same draft.
    assert admin_client.post(f"/admin/cau-hoi-cu-tri/{asked.pk}/tra-loi/")["Location"].endswith(
        f"/pages/{draft.pk}/edit/"
    )
    assert client.get("/hoi-dap/").content.decode().count("khuyết tật") == 0
    assert mail.outbox == []

    draft.answer = "<p>Được hỗ trợ theo luật.</p>"
    draft.topic = "Bỏ phiếu"
    # The e-mail is queued once the publication commits.
    with django_capture_on_commit_callbacks(execute=True) as queued:
        draft.save_revision(user=admin_user).publish()
    assert len(queued) >= 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["cuc@example.vn"]
    draft.refresh_from_db()
    assert draft.get_full_url() in mail.outbox[0].body
    html = client.get(draft.url).content.decode()
    assert "Lê Thị Cúc" not in html and "cuc@example.vn" not in html
    asked.refresh_from_db()
    assert asked.status == "answered" and asked.notified_at is not None
    # Published again after a correction: the asker is not told twice.
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=admin_user).publish()
    assert len(mail.outbox) == 1


def test_the_name_is_shown_only_with_consent(
    index, admin_user, client, django_capture_on_commit_callbacks
):
    agreed = SubmittedQuestion.objects.create(
        portal_id=index.get_parent().pk,
        question="Có được bầu thay người nhà không?",
        name="Phạm Văn Dũng",
        commune="Xã An Hòa",
        show_name=True,
    )
    page = start_answer(agreed, admin_user)
    page.answer, page.topic = "<p>Không.</p>", "Bỏ phiếu"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=admin_user).publish()
    html = client.get(page.url).content.decode()
    assert "Phạm Văn Dũng" in html and "Xã An Hòa" in html
    assert mail.outbox == []  # no address left


def test_submissions_list_for_moderators(admin_client, index):
    SubmittedQuestion.objects.create(portal_id=index.get_parent().pk, question="Hỏi thử")
    html = admin_client.get("/admin/snippets/baucu_questions/submittedquestion/").content.decode()
    assert "Hỏi thử" in html and "Mới" in html and "Trả lời" in html
    # Questions come from the form only.
    add = admin_client.get("/admin/snippets/baucu_questions/submittedquestion/add/")
    assert add.status_code in (302, 403)

"""The public form through HTTP: what a voter gets, and what abuse gets (never a 500, never
anything public)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from wagtail_baucu.questions.models import SubmittedQuestion

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/dat-cau-hoi/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def post(client, **data):
    fields = {"question": "Tôi đi làm xa thì bỏ phiếu ở đâu?", "name": "", "commune": ""}
    fields.update(data)
    return client.post(ASK, fields, REMOTE_ADDR=data.pop("address", "203.0.113.5"))


def test_the_form_asks_in_vietnamese_with_a_hidden_honeypot(client, index):
    response = client.get(ASK)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Câu hỏi của bạn" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'aria-hidden="true" hidden' in html and 'name="website"' in html


def test_a_question_is_stored_for_moderators_and_confirmed(client, index):
    response = post(client, name="Nguyễn Văn An", commune="Phường Minh Khai", email="an@example.vn")
    assert response.status_code == 302
    confirmation = client.get(response["Location"]).content.decode()
    assert "Cảm ơn" in confirmation
    stored = SubmittedQuestion.objects.get()
    assert stored.status == "new" and stored.portal_id == index.get_parent().pk
    assert stored.sender and "203.0.113.5" not in stored.sender
    # Never public by itself: not on the index, not in search.
    assert "bỏ phiếu ở đâu" not in client.get("/hoi-dap/").content.decode()
    assert "bỏ phiếu ở đâu" not in client.get("/hoi-dap/?q=bo phieu o dau").content.decode()


def test_missing_question_keeps_what_was_typed(client, index):
    response = post(client, question="   ", name="Trần Thị Bình", commune="Xã An Lư")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vui lòng viết câu hỏi" in html
    assert 'value="Trần Thị Bình"' in html and 'value="Xã An Lư"' in html
    bad_email = post(client, question="Câu hỏi giữ lại", email="khong-phai-email")
    assert bad_email.status_code == 400
    assert "Câu hỏi giữ lại" in bad_email.content.decode()
    assert not SubmittedQuestion.objects.exists()


def test_missing_csrf_token_is_refused_without_a_500(index):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(ASK, {"question": "Không có mã CSRF"})
    assert response.status_code == 403
    assert not SubmittedQuestion.objects.exists()
    # With the token from the form, the same client is accepted.
    strict.get(ASK)
    token = strict.cookies["csrftoken"].value
    accepted = strict.post(ASK, {"question": "Có mã CSRF", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert SubmittedQuestion.objects.get().question == "Có mã CSRF"


def test_a_filled_honeypot_is_thanked_and_stores_nothing(client, index):
    response = post(client, website="http://spam.example")
    assert response.status_code == 302
    assert not SubmittedQuestion.objects.exists()


def test_twenty_posts_a_minute_from_one_address(client, index):
    codes = [post(client, question=f"Câu hỏi số {n}").status_code for n in range(20)]
    assert codes[:5] == [302] * 5
    assert set(codes[5:]) == {429}
    assert SubmittedQuestion.objects.count() == 5
    limited = post(client, question="Câu hỏi bị giới hạn")
    assert "Câu hỏi bị giới hạn" in limited.content.decode()
    assert "quá nhiều" in limited.content.decode()
    # Another address is not limited.
    assert post(client, address="198.51.100.7").status_code == 302


def test_the_limit_holds_while_the_cache_is_down(client, index, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wagtail_baucu.resilient_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    codes = [post(client, question=f"Khi bộ nhớ đệm hỏng {n}").status_code for n in range(8)]
    assert 500 not in codes
    assert codes[:5] == [302] * 5 and set(codes[5:]) == {429}
    assert SubmittedQuestion.objects.count() == 5


def test_a_100000_character_question_is_refused_and_kept_short(client, index):
    response = post(client, question="a" * 100_000)
    assert response.status_code == 400
    assert "tối đa 2000" in response.content.decode() or "2000" in response.content.decode()
    assert not SubmittedQuestion.objects.exists()


def test_markup_is_stored_as_text_and_never_run(client, index, admin_client):
    text = '<script>alert("x")</script><b>đậm</b> \x00'
    assert post(client, question=text).status_code == 302
    stored = SubmittedQuestion.objects.get()
    assert stored.question == '<script>alert("x")</script><b>đậm</b>'
    listing = admin_client.get("/admin/snippets/baucu_questions/submittedquestion/")
    assert listing.status_code == 200
    assert "<script>alert" not in listing.content.decode()
    assert "&lt;script&gt;" in listing.content.decode()


def test_no_mail_on_submission(client, index):
    post(client, email="an@example.vn")
    assert mail.outbox == []

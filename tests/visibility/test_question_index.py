"""The Q&A index in the states that apply to an index: its list, form, search and feed are
public only while the index is; under a private index its answers are private too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories
from tests.questions.world import make_answer, make_question_index

pytestmark = pytest.mark.django_db

SURFACES = ["/hoi-dap/", "/hoi-dap/dat-cau-hoi/", "/hoi-dap/?q=zqindex", "/hoi-dap/feed/rss/"]


@pytest.fixture
def index(site_tree):
    return make_question_index(site_tree.portal)


def _unpublish(index):
    index.unpublish()


def _expire(index):
    factories.expire(index, timezone.now() - timedelta(minutes=1))


def _password(index):
    factories.restrict(index, PageViewRestriction.PASSWORD)


def _login(index):
    factories.restrict(index, PageViewRestriction.LOGIN)


@pytest.mark.parametrize(
    ("change", "answer"),
    [
        (_unpublish, {404}),
        (_expire, {404}),
        (_password, {200}),  # Wagtail's password form
        (_login, {302}),
    ],
)
def test_a_hidden_index_shows_nothing(client, index, change, answer):
    make_answer(index, "Câu trả lời zqindex")
    if change is not _expire:
        # (An expiry is set by publishing, which renews every cached answer; setting it in the
        # database behind the cache's back is the matrix's "expired" state, tested unvisited.)
        for url in SURFACES:
            assert client.get(url).status_code == 200, url
    change(index)
    for url in SURFACES:
        response = client.get(url)
        assert response.status_code in answer | {404}, url
        assert b"zqindex" not in response.content.replace(b"q=zqindex", b""), url
    if change in (_password, _login):
        # Answers under a private index are private too, in the API as on their pages.
        assert client.get("/api/v2/pages/?search=zqindex").json()["meta"]["total_count"] == 0


def test_a_draft_index_is_not_served(client, site_tree):
    index = make_question_index(site_tree.portal)
    index.unpublish()
    assert client.get("/hoi-dap/").status_code == 404
    assert client.post("/hoi-dap/dat-cau-hoi/", {"question": "x"}).status_code == 404

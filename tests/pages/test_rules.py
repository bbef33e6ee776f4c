"""Which page type may live where, in the models and through the admin over HTTP."""

import pytest
from wagtail.models import Site

from tests.factories import make_portal, make_site_home, model
from tests.pages.conftest import add_page_url, titles_listed
from tests.questions.world import make_question_index
from wagtail_baucu.elections.mixins import ElectoralUnitIndexMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin

pytestmark = pytest.mark.django_db


def test_a_portal_holds_its_indexes_and_nothing_else():
    allowed = set(model("ElectionPortal").allowed_subpage_models())
    units = page_model(ElectoralUnitIndexMixin)
    questions = page_model(QuestionIndexMixin)
    assert allowed == {
        model("NewsIndex"),
        model("DocumentIndex"),
        model("AgencyIndex"),
        units,
        questions,
    }


def test_answers_live_in_the_question_index_only(site_tree):
    index = make_question_index(site_tree.portal)
    answer = page_model(QuestionPageMixin)
    assert answer.can_create_at(index)
    assert not answer.can_create_at(site_tree.portal)
    assert not answer.can_create_at(site_tree.news_index)
    assert answer.allowed_subpage_models() == []
    # One Q&A index per portal.
    assert not page_model(QuestionIndexMixin).can_create_at(site_tree.portal)


def test_articles_live_in_a_news_index_or_an_agency_space(site_tree, agencies):
    article = model("NewsArticle")
    assert article.can_create_at(site_tree.news_index)
    assert article.can_create_at(site_tree.agency_page(agencies["UBBC"]))
    assert not article.can_create_at(site_tree.portal)
    assert not article.can_create_at(site_tree.document_index)
    assert not article.can_create_at(site_tree.agency_index)


def test_documents_live_in_a_document_index_or_an_agency_space(site_tree, agencies):
    document = model("DirectiveDocument")
    assert document.can_create_at(site_tree.document_index)
    assert document.can_create_at(site_tree.agency_page(agencies["UBBC"]))
    assert not document.can_create_at(site_tree.portal)
    assert not document.can_create_at(site_tree.news_index)


def test_articles_and_documents_have_no_children():
    assert model("NewsArticle").allowed_subpage_models() == []
    assert model("DirectiveDocument").allowed_subpage_models() == []


def test_indexes_and_agency_pages_only_go_where_they_belong(site_tree, agencies):
    for index in ("NewsIndex", "DocumentIndex", "AgencyIndex"):
        assert model(index).allowed_parent_page_models() == [model("ElectionPortal")]
    assert model("AgencyPage").allowed_parent_page_models() == [model("AgencyIndex")]
    # One agency list per portal: the portal already has its own.
    assert not model("AgencyIndex").can_create_at(site_tree.portal)


def test_admin_offers_only_the_allowed_page_types(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/{site_tree.portal.pk}/add_subpage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert add_page_url(model("NewsIndex"), site_tree.portal) in html
    assert add_page_url(model("DocumentIndex"), site_tree.portal) in html
    assert add_page_url(model("NewsArticle"), site_tree.portal) not in html
    assert add_page_url(model("DirectiveDocument"), site_tree.portal) not in html


def test_admin_goes_straight_to_the_article_form_under_a_news_index(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/{site_tree.news_index.pk}/add_subpage/")
    assert response.status_code == 302
    assert response["Location"] == add_page_url(model("NewsArticle"), site_tree.news_index)


def test_admin_refuses_an_article_under_the_portal(admin_client, site_tree):
    url = add_page_url(model("NewsArticle"), site_tree.portal)
    # Wagtail's admin answers a refused action with a redirect to the dashboard.
    for response in (
        admin_client.get(url),
        admin_client.post(url, {"title": "Bài đặt sai chỗ", "lead": "Sapo"}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not model("NewsArticle").objects.exists()


def test_several_portals_in_one_site_keep_their_content_apart(client, db):
    Site.objects.all().delete()
    home = make_site_home()
    first = make_portal(parent=home, slug="bau-cu-2021")
    second = make_portal(parent=home, slug="bau-cu-2016", title="Bầu cử đại biểu Quốc hội khóa XIV")
    ours = first.article("Tin bầu cử khóa XV")
    theirs = second.article("Tin bầu cử khóa XIV")

    assert first.portal.url == "/bau-cu-2021/"
    assert second.news_index.url == "/bau-cu-2016/tin-tuc/"
    assert ours.portal.pk == first.portal.pk and theirs.portal.pk == second.portal.pk
    assert titles_listed(client.get(first.news_index.url)) == ["Tin bầu cử khóa XV"]
    assert titles_listed(client.get(second.portal.url)) == ["Tin bầu cử khóa XIV"]
    search = client.get(first.portal.url + "tim-kiem/", {"q": "tin bau cu"})
    assert titles_listed(search) == ["Tin bầu cử khóa XV"]
    assert ours.other_news() == []

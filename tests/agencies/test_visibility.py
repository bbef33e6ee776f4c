"""Drafts, pages in moderation and rejected pages never appear publicly: not at their URL, not in
the news index, the agency's page or the portal search; a live page's change waiting for
moderation is not shown either."""

import pytest

from tests.agencies.world import World, build_world

pytestmark = pytest.mark.django_db

# Titles, not bare words: the search page repeats the query.
HIDDEN = [
    "Bản nháp xyzzynhap",
    "Chờ duyệt xyzzochoduyet",
    "Bị trả lại xyzzytuchoi",
    "Sửa chờ duyệt xyzzysuachoduyet",
]


@pytest.fixture
def world(site_tree) -> World:
    world = build_world(site_tree)
    lan, thu = world.users["svhtt.lan"], world.users["bbt.thu"]
    world.draft = world.article("SVHTT", "svhtt.lan", title=HIDDEN[0])
    world.waiting = world.article("SVHTT", "svhtt.lan", title=HIDDEN[1])
    world.waiting.get_workflow().start(world.waiting, lan)
    world.rejected = world.article("SVHTT", "svhtt.lan", title=HIDDEN[2])
    world.rejected.get_workflow().start(world.rejected, lan)
    world.rejected.current_workflow_task.on_action(
        world.rejected.current_workflow_task_state, thu, "reject", comment="Sửa lại."
    )
    world.public = world.article("SVHTT", "svhtt.lan", live=True, title="Công khai xyzzycongkhai")
    world.public.title = HIDDEN[3]
    world.public.save_revision(user=lan)
    world.public.get_workflow().start(world.public, lan)
    return world


def test_the_states_are_what_the_test_means(world):
    assert not world.draft.live and world.draft.current_workflow_state is None
    assert world.waiting.current_workflow_state.status == "in_progress"
    assert world.rejected.current_workflow_state.status == "needs_changes"
    assert world.public.live and world.public.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize("name", ["draft", "waiting", "rejected"])
def test_unpublished_page_url_is_not_found(world, client, name):
    page = getattr(world, name)
    assert client.get(page.url).status_code == 404
    assert client.get(page.url + "print/").status_code == 404


@pytest.mark.parametrize(
    "surface",
    [
        lambda w: w.tree.news_index.url,
        lambda w: w.space("SVHTT").url,
        lambda w: w.tree.portal.url,
        lambda w: w.tree.portal.url + "tim-kiem/?q=xyzzy",
        lambda w: w.tree.portal.url + "tim-kiem/?q=xyzzynhap",
        lambda w: w.public.url,
    ],
    ids=["news-index", "agency-page", "portal-home", "search", "search-exact", "live-page"],
)
def test_public_surfaces_show_only_the_published_version(world, client, surface):
    response = client.get(surface(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert [title for title in HIDDEN if title in html] == []
    if "q=xyzzynhap" not in surface(world):
        assert "Công khai xyzzycongkhai" in html

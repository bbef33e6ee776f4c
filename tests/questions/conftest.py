import pytest

from tests.questions.world import make_question_index


@pytest.fixture
def index(site_tree):
    return make_question_index(site_tree.portal)

import pytest

from tests.elections.world import make_election


@pytest.fixture
def world(site_tree):
    return make_election(site_tree)

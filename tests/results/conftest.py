import pytest

from tests.elections.world import make_election
from tests.results.world import make_results


@pytest.fixture
def world(site_tree):
    return make_results(make_election(site_tree))

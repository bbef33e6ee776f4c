import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def cold_cache():
    """Each test starts with no code cached, so encoding counts are its own."""
    cache.clear()
    yield
    cache.clear()

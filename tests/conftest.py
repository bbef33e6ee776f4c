import os

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from wagtail.models import Site

from tests import factories

# The production suite starts servers of its own and runs as a step of its own
# (`make test-production`), not with the rest.
collect_ignore = [] if os.environ.get("BAUCU_PRODUCTION_SUITE") == "1" else ["production"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: its database rolls back to the same generation
    tokens as the test before, so entries that test left would look current."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """An election portal as the default site's root (host ``testserver``), with indexes."""
    Site.objects.all().delete()
    return factories.make_portal()


@pytest.fixture
def agencies(db):
    return {
        "UBBC": factories.make_agency("UBBC", "Ủy ban bầu cử thành phố", kind="election_committee"),
        "SVHTT": factories.make_agency("SVHTT", "Sở Văn hóa và Thể thao"),
        "STTTT": factories.make_agency("STTTT", "Sở Thông tin và Truyền thông"),
    }


@pytest.fixture
def connections_kept():
    """For requests sent as a server sends them (the benchmarks' ``WSGIClient``): Django then
    closes database connections at the end of each request unless ``CONN_MAX_AGE`` keeps them,
    which would close the test's transaction. Django's test client keeps them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tree_roots(transactional_db):
    """The default locale, root page and root collection migrations made, back if an earlier
    flush took them (serialized rollback cannot restore them when the test database was made
    unserialized, as when unittest-style tests run first)."""
    import swapper
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code=language)
    page_model = swapper.load_model("wagtailcore", "Page")
    # A flush also empties the content types, made again under new ids on PostgreSQL: the
    # manager's cache would still hand out the old ones.
    ContentType.objects.clear_cache()
    if page_model.get_first_root_node() is None:
        content_type = ContentType.objects.get_for_model(page_model)
        root = page_model(title="Root", slug="root", content_type=content_type)
        page_model.add_root(instance=root)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")

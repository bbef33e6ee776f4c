import pytest
from wagtail.models import Site

from tests import factories


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

import pytest

from tests.elections.world import model
from tests.pages.conftest import add_page_url

pytestmark = pytest.mark.django_db


def test_admin_lists_polling_areas_and_adds_a_unit(admin_client, world):
    unit = world.unit(world.assembly, 1)
    world.area("Phường Cát Dài", 1, [unit])
    response = admin_client.get("/admin/snippets/baucu_elections/pollingarea/")
    assert response.status_code == 200 and "Phường Cát Dài" in response.content.decode()
    assert admin_client.get("/admin/snippets/baucu_elections/election/").status_code == 200
    response = admin_client.get(add_page_url(model("ElectoralUnit"), world.index))
    assert response.status_code == 200
    response = admin_client.get(add_page_url(model("Candidate"), unit))
    assert response.status_code == 200

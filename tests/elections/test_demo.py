import pytest
from django.core.management import call_command

from tests.elections.world import model
from wagtail_baucu.elections.models import Election, PollingArea

pytestmark = pytest.mark.django_db


def test_demo_election_is_loaded_once_and_voters_find_their_area(client):
    call_command("load_demo", hostname="testserver", port=80, verbosity=0)
    counts = (model("ElectoralUnit").objects.count(), model("Candidate").objects.count())
    call_command("load_demo", hostname="testserver", port=80, verbosity=0)
    assert (model("ElectoralUnit").objects.count(), model("Candidate").objects.count()) == counts
    election = Election.objects.get()
    assembly = model("ElectoralUnit").objects.filter(body__code="quoc-hoi")
    assert assembly.count() == 3 and sum(u.seats for u in assembly) == 9
    assert model("Candidate").objects.filter(is_example=False).count() == 0
    assert PollingArea.objects.filter(election=election, live=True).count() == 4
    index = model("ElectoralUnitIndex").objects.get()
    response = client.get(index.url + "tim-noi-bo-phieu/", {"q": "dien bien phu"})
    html = response.content.decode()
    assert "Phường Minh Khai" in html and "Nguyễn Văn Ví Dụ" in html
    unit = assembly.get(number=1)
    for url in [unit.url, unit.url + "print/", index.url]:
        assert client.get(url).status_code == 200

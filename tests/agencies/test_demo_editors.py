"""The demo sets up a moderator and contributors of three agencies, and prints how to log in."""

import shutil
import tempfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from example_site.demo.content import DEFAULT_EDITOR_PASSWORD, DEMO_EDITORS
from wagtail_baucu.agencies.models import Agency


@pytest.fixture
def demo_output(db, settings):
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="baucu-demo-editors-")
    out = StringIO()
    call_command("load_demo", "--hostname", "testserver", "--port", "80", stdout=out)
    yield out.getvalue()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def test_demo_editors_can_log_in_with_the_printed_credentials(demo_output, client):
    codes = [code for _username, code in DEMO_EDITORS if code]
    assert len(codes) >= 3
    for username, code in DEMO_EDITORS:
        assert f"{username} / {DEFAULT_EDITOR_PASSWORD}" in demo_output
        assert client.login(username=username, password=DEFAULT_EDITOR_PASSWORD)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        if code:
            agency = Agency.objects.get(code=code)
            assert agency.group.user_set.filter(username=username).exists()
            space = agency.section.specific
            add = reverse("wagtailadmin_pages:add_subpage", args=(space.pk,))
            assert client.get(add).status_code == 200
        client.logout()


def test_a_second_run_prints_no_new_passwords(demo_output):
    out = StringIO()
    call_command("load_demo", "--hostname", "testserver", "--port", "80", stdout=out)
    assert "passwords unchanged since the first run" in out.getvalue()
    assert f"/ {DEFAULT_EDITOR_PASSWORD}" not in out.getvalue()

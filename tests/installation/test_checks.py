"""The installation checks: each says what is wrong and how to fix it, and is silent when the
configuration is right (the test settings are a right one)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from wagtail.models import Site

from wagtail_baucu import checks, setup

pytestmark = pytest.mark.django_db


def ids(messages) -> set[str]:
    return {m.id for m in messages}


def test_the_test_settings_raise_no_installation_message():
    # WAGTAILADMIN_BASE_URL is http://testserver, where the test client's requests go.
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    found = ids(m for m in run_checks(databases=["default"]) if m.id.startswith("wagtail_baucu."))
    assert not found & {"wagtail_baucu.E010", "wagtail_baucu.W011", "wagtail_baucu.E011"}
    assert not found & {"wagtail_baucu.W012", "wagtail_baucu.W013"}


def test_a_missing_app_is_an_error_naming_it_and_the_helper():
    from django.conf import settings

    apps = [a for a in settings.INSTALLED_APPS if a not in ("django.contrib.sitemaps",)]
    [error] = checks.app_messages(apps, has_portal_model=True)
    assert error.id == "wagtail_baucu.E010"
    assert "django.contrib.sitemaps" in error.msg and "add_apps" in error.hint


def test_the_package_apps_after_wagtails_are_a_warning():
    from django.conf import settings

    apps = [a for a in settings.INSTALLED_APPS if a != "wagtail_baucu.elections"]
    apps.append("wagtail_baucu.elections")
    [warning] = checks.app_messages(apps, has_portal_model=True)
    assert warning.id == "wagtail_baucu.W011" and "wagtail_baucu.elections" in warning.msg


def test_no_page_types_is_an_error_and_a_custom_base_page_is_not():
    from django.conf import settings

    apps = [a for a in settings.INSTALLED_APPS if a != setup.PAGES_APP]
    assert ids(checks.app_messages(apps, has_portal_model=False)) == {"wagtail_baucu.E011"}
    assert checks.app_messages(apps, has_portal_model=True) == []
    # The running suite has page types, from wagtail_baucu.pages or tests.custompage.
    assert checks._has_portal_model()


@override_settings(ROOT_URLCONF="tests.installation.urls_without_sitemap")
def test_no_sitemap_url_is_a_warning():
    [warning] = checks.check_sitemap_url()
    assert warning.id == "wagtail_baucu.W012" and "sitemap.xml" in warning.hint


def test_the_sitemap_url_of_the_example_site_passes():
    assert checks.check_sitemap_url() == []


def test_an_admin_base_url_away_from_the_default_site_is_a_warning():
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    with override_settings(WAGTAILADMIN_BASE_URL="http://localhost"):
        [warning] = checks.check_admin_base_url(databases=["default"])
    assert warning.id == "wagtail_baucu.W013"
    assert 'WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"' in warning.hint
    for right in ("http://127.0.0.1:8000", "http://127.0.0.1:8000/"):
        with override_settings(WAGTAILADMIN_BASE_URL=right):
            assert checks.check_admin_base_url(databases=["default"]) == []


def test_the_site_check_is_a_database_check():
    Site.objects.filter(is_default_site=True).update(hostname="elsewhere", port=80)
    assert checks.check_admin_base_url() == []
    assert "wagtail_baucu.W013" not in ids(run_checks())


def test_https_base_url_means_port_443():
    Site.objects.filter(is_default_site=True).update(hostname="baucu.example.vn", port=443)
    with override_settings(WAGTAILADMIN_BASE_URL="https://baucu.example.vn"):
        assert checks.check_admin_base_url(databases=["default"]) == []
    with override_settings(WAGTAILADMIN_BASE_URL="http://baucu.example.vn"):
        assert ids(checks.check_admin_base_url(databases=["default"])) == {"wagtail_baucu.W013"}

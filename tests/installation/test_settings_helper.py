"""``wagtail_baucu.setup``: a `wagtail start` project's lists become what the package needs."""

from wagtail_baucu import setup

# INSTALLED_APPS and MIDDLEWARE as Wagtail 8's `wagtail start` writes them.
WAGTAIL_START_APPS = [
    "home",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]


def test_the_package_apps_go_before_wagtails_and_the_project_keeps_its_own():
    apps = setup.add_apps(WAGTAIL_START_APPS)
    assert apps[:2] == ["home", "search"]
    assert apps[2 : 2 + len(setup.PACKAGE_APPS)] == setup.PACKAGE_APPS
    assert set(WAGTAIL_START_APPS) <= set(apps)
    assert set(setup.REQUIRED_APPS) <= set(apps)
    assert len(apps) == len(set(apps))
    first_wagtail = next(i for i, a in enumerate(apps) if setup.is_wagtail_app(a))
    assert all(apps.index(a) < first_wagtail for a in setup.PACKAGE_APPS)


def test_adding_twice_changes_nothing_and_listed_apps_keep_their_place():
    once = setup.add_apps(WAGTAIL_START_APPS)
    assert setup.add_apps(once) == once
    assert setup.add_middleware(setup.add_middleware(["a"])) == ["a", *setup.PACKAGE_MIDDLEWARE]


def test_a_custom_base_page_leaves_out_the_concrete_pages():
    apps = setup.add_apps(WAGTAIL_START_APPS, pages=False, admin_locale=False)
    assert setup.PAGES_APP not in apps and setup.ADMIN_LOCALE_APP not in apps
    assert "wagtail_baucu" in apps

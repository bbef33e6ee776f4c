"""The API's parameter parsers and URL helpers, as pure functions (no database)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from wagtail.api.v2.utils import BadRequestError

from wagtail_baucu.api.fields import absolute_rich_text, iso_datetime
from wagtail_baucu.api.filters import (
    moment_bounds,
    parse_count,
    parse_date,
    parse_ordering,
    parse_search,
    parse_year,
)


def test_parse_count():
    assert parse_count(None, "limit", default=20, maximum=100) == 20
    assert parse_count("0", "limit", default=20, maximum=100) == 0
    assert parse_count("100", "limit", default=20, maximum=100) == 100
    for bad in ["-1", "101", "1.5", "", " 3", "1e3", "٣", "9" * 30]:
        with pytest.raises(BadRequestError):
            parse_count(bad, "limit", default=20, maximum=100)


def test_parse_year():
    assert parse_year("2021") == 2021
    for bad in ["21", "1899", "2101", "２０２１", "2021 "]:
        with pytest.raises(BadRequestError):
            parse_year(bad)


def test_parse_date_and_bounds():
    assert parse_date("2021-05-20", "d") == date(2021, 5, 20)
    moment = parse_date("2021-05-20T07:30:00+07:00", "d")
    assert moment.astimezone(UTC) == datetime(2021, 5, 20, 0, 30, tzinfo=UTC)
    naive = parse_date("2021-05-20T07:30", "d")
    assert naive.utcoffset() == timedelta(hours=7)
    assert parse_date("2021-05-20T00:30:00Z", "d") == moment
    start = moment_bounds(date(2021, 5, 20), end=False)
    end = moment_bounds(date(2021, 5, 20), end=True)
    assert (start.isoformat(), end.isoformat()) == (
        "2021-05-20T00:00:00+07:00",
        "2021-05-21T00:00:00+07:00",
    )
    for bad in ["yesterday", "2021-02-30", "2021-5-1", "9999-12-31", "2021-05-20T07:30:00 07:00"]:
        with pytest.raises(BadRequestError):
            parse_date(bad, "d")


def test_parse_search():
    assert parse_search(None) is None
    assert parse_search("  ") is None
    assert parse_search("bầu cử") == "bầu cử"
    for bad in ["a\x00b", "\x7f", "x" * 201, "!!!"]:
        with pytest.raises(BadRequestError):
            parse_search(bad)


def test_parse_ordering():
    orderings = {"published_at": "first_published_at", "title": "title"}
    assert parse_ordering(None, orderings) is None
    assert parse_ordering("-published_at,title", orderings) == ["-first_published_at", "title"]
    for bad in ["random", "-", "title,", "path"]:
        with pytest.raises(BadRequestError):
            parse_ordering(bad, orderings)


def test_absolute_rich_text():
    base = "https://bau-cu.example.vn/tin-tuc/bai-viet/"
    html = (
        '<p><a href="/van-ban/34/">a</a> <a href="#muc-2">b</a> <a href="https://x.vn/">c</a>'
        ' <a href="mailto:ubbc@example.vn">d</a><img src="/media/a.png" alt=""></p>'
    )
    assert absolute_rich_text(html, base) == (
        '<p><a href="https://bau-cu.example.vn/van-ban/34/">a</a> '
        '<a href="https://bau-cu.example.vn/tin-tuc/bai-viet/#muc-2">b</a> '
        '<a href="https://x.vn/">c</a> <a href="mailto:ubbc@example.vn">d</a>'
        '<img src="https://bau-cu.example.vn/media/a.png" alt=""></p>'
    )


def test_iso_datetime_uses_the_package_time_zone(settings):
    moment = datetime(2021, 5, 20, 0, 30, tzinfo=UTC)
    assert iso_datetime(moment) == "2021-05-20T07:30:00+07:00"
    settings.WAGTAIL_BAUCU = {"TIME_ZONE": "UTC"}
    assert iso_datetime(moment) == "2021-05-20T00:30:00+00:00"

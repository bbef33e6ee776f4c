from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_baucu.text.dates import (
    DEFAULT_TIME_ZONE,
    WEEKDAYS_VI,
    format_date_long_vi,
    format_date_vi,
    format_datetime_vi,
    to_local,
    weekday_vi,
)

HO_CHI_MINH = ZoneInfo("Asia/Ho_Chi_Minh")
# 2021-04-05 was a Monday; 2021-04-07 the Wednesday of the seed article's examples.
WEEK_OF_5_APRIL_2021 = [
    (date(2021, 4, 5), "Thứ Hai"),
    (date(2021, 4, 6), "Thứ Ba"),
    (date(2021, 4, 7), "Thứ Tư"),
    (date(2021, 4, 8), "Thứ Năm"),
    (date(2021, 4, 9), "Thứ Sáu"),
    (date(2021, 4, 10), "Thứ Bảy"),
    (date(2021, 4, 11), "Chủ Nhật"),
]


def test_weekday_names_start_on_monday():
    assert WEEKDAYS_VI == (
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ Nhật",
    )
    assert DEFAULT_TIME_ZONE == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(("day", "name"), WEEK_OF_5_APRIL_2021)
def test_weekday_vi_for_a_known_week(day, name):
    assert weekday_vi(day) == name
    assert weekday_vi(datetime(day.year, day.month, day.day, 12, 0)) == name
    assert format_date_long_vi(day) == f"{name}, {day:%d/%m/%Y}"


def test_weekday_vi_takes_a_datetime_as_given():
    # 23:00 UTC on Saturday is already Sunday in Vietnam; weekday_vi does not convert.
    saturday_night_utc = datetime(2021, 5, 22, 23, 0, tzinfo=UTC)
    assert weekday_vi(saturday_night_utc) == "Thứ Bảy"
    assert weekday_vi(to_local(saturday_night_utc)) == "Chủ Nhật"


def test_to_local_converts_an_aware_datetime():
    local = to_local(datetime(2021, 4, 7, 3, 35, tzinfo=UTC))
    assert local == datetime(2021, 4, 7, 10, 35, tzinfo=HO_CHI_MINH)
    assert (local.hour, local.minute) == (10, 35)
    assert local.utcoffset() == timedelta(hours=7)


def test_to_local_converts_from_another_zone():
    paris = datetime(2021, 4, 7, 5, 35, tzinfo=ZoneInfo("Europe/Paris"))  # UTC+2 in summer
    assert to_local(paris).hour == 10


def test_to_local_treats_a_naive_datetime_as_local_time():
    local = to_local(datetime(2021, 4, 7, 10, 35))
    assert (local.hour, local.minute) == (10, 35)
    assert local.tzinfo == HO_CHI_MINH
    assert local.utcoffset() == timedelta(hours=7)


def test_to_local_accepts_a_tzinfo_and_another_zone_name():
    value = datetime(2021, 4, 7, 3, 35, tzinfo=UTC)
    assert to_local(value, timezone(timedelta(hours=9))).hour == 12
    assert to_local(value, "UTC").hour == 3


def test_unknown_time_zone_raises():
    with pytest.raises(ZoneInfoNotFoundError):
        to_local(datetime(2021, 4, 7), "Asia/Atlantis")


def test_format_date_vi():
    assert format_date_vi(date(2021, 4, 7)) == "07/04/2021"
    assert format_date_vi(date(5, 1, 2)) == "02/01/0005"
    assert format_date_vi(datetime(2021, 4, 7, 3, 35, tzinfo=UTC)) == "07/04/2021"


def test_format_date_vi_converts_across_midnight():
    # 20:00 UTC on 6 April is 03:00 on 7 April in Vietnam.
    late_utc = datetime(2021, 4, 6, 20, 0, tzinfo=UTC)
    assert format_date_vi(late_utc) == "07/04/2021"
    assert format_date_vi(late_utc, tz="UTC") == "06/04/2021"


def test_format_datetime_vi():
    assert format_datetime_vi(datetime(2021, 4, 7, 3, 35, tzinfo=UTC)) == "Thứ Tư, 07/04/2021 10:35"
    assert format_datetime_vi(datetime(2021, 4, 7, 10, 35)) == "Thứ Tư, 07/04/2021 10:35"


def test_format_datetime_vi_converts_across_midnight():
    # Election day, 23/5/2021, began at 17:00 UTC on Saturday.
    assert format_datetime_vi(datetime(2021, 5, 22, 17, 0, tzinfo=UTC)) == (
        "Chủ Nhật, 23/05/2021 00:00"
    )
    assert format_datetime_vi(datetime(2021, 5, 22, 16, 59, tzinfo=UTC)) == (
        "Thứ Bảy, 22/05/2021 23:59"
    )
    assert format_datetime_vi(datetime(2021, 12, 31, 17, 5, tzinfo=UTC)) == (
        "Thứ Bảy, 01/01/2022 00:05"
    )


def test_format_datetime_vi_refuses_a_plain_date():
    with pytest.raises(TypeError):
        format_datetime_vi(date(2021, 4, 7))


def test_format_date_long_vi():
    assert format_date_long_vi(date(2021, 4, 7)) == "Thứ Tư, 07/04/2021"
    assert format_date_long_vi(datetime(2021, 5, 22, 18, 30, tzinfo=UTC)) == (
        "Chủ Nhật, 23/05/2021"
    )


@settings(deadline=None)
@given(
    st.datetimes(
        min_value=datetime(1976, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    )
)
def test_format_datetime_vi_is_utc_plus_seven(value):
    # Vietnam has kept UTC+7 without daylight saving since reunification.
    shifted = value.astimezone(timezone(timedelta(hours=7)))
    expected = f"{WEEKDAYS_VI[shifted.weekday()]}, {shifted:%d/%m/%Y %H:%M}"
    assert format_datetime_vi(value) == expected
    assert format_date_long_vi(value) == expected[: -len(" 00:00")]
    assert format_date_vi(value) == f"{shifted:%d/%m/%Y}"

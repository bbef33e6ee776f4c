"""Dates and times as Vietnamese portals print them, e.g. "Thứ Tư, 07/04/2021 10:35".

Django's ``vi`` locale says "Thứ 4" for the weekday, so the names come from here.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_TIME_ZONE",
    "WEEKDAYS_VI",
    "format_date_long_vi",
    "format_date_vi",
    "format_datetime_vi",
    "to_local",
    "weekday_vi",
]

# Indexed by date.weekday(): Monday is 0.
WEEKDAYS_VI: tuple[str, ...] = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
)

# UTC+7 all year: Vietnam has no daylight saving time.
DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


def _zone(tz: str | tzinfo) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def to_local(value: datetime, tz: str | tzinfo = DEFAULT_TIME_ZONE) -> datetime:
    """Return ``value`` as an aware datetime in the time zone ``tz``.

    An aware datetime is converted. A naive datetime is taken to be already local time in
    ``tz`` (not UTC): it gets ``tz`` attached and its wall-clock time is kept.
    ``tz`` is an IANA name such as "Asia/Ho_Chi_Minh" or a ``tzinfo``; an unknown name
    raises ``zoneinfo.ZoneInfoNotFoundError``.
    """
    zone = _zone(tz)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def weekday_vi(value: date | datetime) -> str:
    """Return the Vietnamese weekday name of ``value``, e.g. "Thứ Tư" or "Chủ Nhật".

    A datetime is used as given: call ``to_local`` first to get the local day.
    """
    return WEEKDAYS_VI[value.weekday()]


def _local_date(value: date | datetime, tz: str | tzinfo) -> date:
    # datetime is a subclass of date, so test for it first.
    if isinstance(value, datetime):
        return to_local(value, tz).date()
    return value


def _dd_mm_yyyy(value: date) -> str:
    # Built by hand because strftime pads years below 1000 differently across platforms.
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_date_vi(value: date | datetime, tz: str | tzinfo = DEFAULT_TIME_ZONE) -> str:
    """Return ``value`` as "dd/mm/yyyy", e.g. "07/04/2021"; a datetime is converted to ``tz``."""
    return _dd_mm_yyyy(_local_date(value, tz))


def format_date_long_vi(value: date | datetime, tz: str | tzinfo = DEFAULT_TIME_ZONE) -> str:
    """Return the weekday and date, e.g. "Thứ Tư, 07/04/2021"; a datetime is converted to ``tz``."""
    day = _local_date(value, tz)
    return f"{weekday_vi(day)}, {_dd_mm_yyyy(day)}"


def format_datetime_vi(value: datetime, tz: str | tzinfo = DEFAULT_TIME_ZONE) -> str:
    """Return weekday, date and 24-hour time in ``tz``, e.g. "Thứ Tư, 07/04/2021 10:35".

    2021-04-07 03:35 UTC gives "Thứ Tư, 07/04/2021 10:35". A naive datetime is taken as
    local time in ``tz`` (see ``to_local``). A plain ``date`` raises ``TypeError``: use
    ``format_date_long_vi`` for it.
    """
    if not isinstance(value, datetime):
        raise TypeError(f"format_datetime_vi() needs a datetime, not {type(value).__name__}")
    local = to_local(value, tz)
    return f"{weekday_vi(local)}, {_dd_mm_yyyy(local)} {local.hour:02d}:{local.minute:02d}"

"""Numbers as options and facts write them: a value with an optional unit, normalised ("30
seconds" and "30s" are both 30 s), and the ascending order of options that are all numbers of one
unit. Light (no jieba): the bot reads choices with it on every round start."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

UNITS: dict[str, str] = {
    "ms": "ms", "milliseconds": "ms", "millisecond": "ms", "毫秒": "ms", "微秒": "us",
    "µs": "us", "μs": "us", "us": "us", "microseconds": "us", "microsecond": "us",
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s", "秒": "s", "秒钟": "s",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min", "分钟": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "小时": "h",
    "d": "d", "day": "d", "days": "d", "天": "d", "week": "wk", "weeks": "wk", "周": "wk",
    "year": "yr", "years": "yr", "年": "yr", "month": "mo", "months": "mo",
    "b": "B", "byte": "B", "bytes": "B", "字节": "B", "bit": "bit", "bits": "bit", "位": "bit",
    "kb": "KB", "kib": "KB", "k": "KB", "mb": "MB", "mib": "MB", "mi": "MB", "m": "m",
    "gb": "GB", "gib": "GB", "gi": "GB", "tb": "TB", "tib": "TB", "pb": "PB",
    "%": "%", "percent": "%", "rtt": "RTT", "x": "x", "×": "x", "倍": "x",
    "ms延迟": "ms", "万": "万", "million": "M", "billion": "G", "thousand": "K",
}  # fmt: skip
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9_.\-/:=^])(\d+(?:[.,]\d+)*)(\s?|-(?=[A-Za-z]))({_UNIT_ALT})?(?![A-Za-z0-9_%\-^])"
    rf"|(?<![A-Za-z0-9_.\-/:=^])(\d+(?:[.,]\d+)*)(\s?)({_UNIT_ALT})(?=[\u4e00-\u9fff])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    value: float
    unit: str  # canonical unit, "" when there is none
    text: str
    start: int
    end: int


@lru_cache(maxsize=16384)
def parse_number(text: str) -> Number | None:
    """The text as one number with an optional unit ("30 seconds", "4 KB", "25%", "3秒").
    Cached (a Number is frozen): every option is read again for each question offering it."""
    m = NUMBER.fullmatch(text.strip())
    if not m:
        return None
    return _number(m)


def _number(m: re.Match[str]) -> Number | None:
    digits = m.group(1) or m.group(4)
    unit = m.group(3) or m.group(6) or ""
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    text = m.group(0).rstrip()
    return Number(value, UNITS.get(unit.lower(), unit), text, m.start(), m.start() + len(text))


@lru_cache(maxsize=16384)
def numbers_in(text: str) -> tuple[Number, ...]:
    """Every number of the text with its unit (cached: a block is read by several stages)."""
    return tuple(n for n in (_number(m) for m in NUMBER.finditer(text)) if n is not None)


def ascending_order(options: Sequence[str]) -> tuple[int, ...] | None:
    """The options' indices from the smallest value up when every option is a number of one
    unit ("1 KB", "4 KB", "16 KB"; "900", "60"); None when one is not, or units differ (30 s
    beside 1 min would need converting first)."""
    numbers: list[Number] = []
    for option in options:
        number = parse_number(option)
        if number is None:
            return None
        numbers.append(number)
    if len(numbers) < 2 or len({n.unit for n in numbers}) != 1:
        return None
    return tuple(sorted(range(len(numbers)), key=lambda i: numbers[i].value))

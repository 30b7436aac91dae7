"""Numbers as options and facts write them: a value with an optional unit, normalised ("30
seconds" and "30s" are both 30 s), and the ascending order of options that are all numbers of one
unit, or of units one converts to another (30 s, 1 min). Light (no jieba): the bot reads choices
with it on every round start."""

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
    "周岁": "age", "岁": "age",  # "年满18周岁": an age, never 18 weeks (周) and a 岁 left over
    "year": "yr", "years": "yr", "年": "yr", "month": "mo", "months": "mo",
    "b": "B", "byte": "B", "bytes": "B", "字节": "B", "bit": "bit", "bits": "bit", "位": "bit",
    "kb": "KB", "kib": "KB", "k": "KB", "mb": "MB", "mib": "MB", "mi": "MB", "m": "m",
    "gb": "GB", "gib": "GB", "gi": "GB", "tb": "TB", "tib": "TB", "pb": "PB",
    "%": "%", "percent": "%", "rtt": "RTT", "x": "x", "×": "x", "倍": "x",
    "ms延迟": "ms", "万": "万", "million": "M", "billion": "G", "thousand": "K",
    "nines": "nines",  # "11 nines durability": a count of nines, never doubled like a size
    # a link's rate in bits per second ("1 Gbps", "100 Mbps"), never a bare count
    "bps": "bps", "kbps": "Kbps", "mbps": "Mbps", "gbps": "Gbps", "tbps": "Tbps",
}  # fmt: skip
#: a unit's larger units, by how many of it each holds: the one table of unit conversions
#: (values.whole_unit judges how round a quantity is by it, ascending_order orders options)
LADDERS: dict[str, tuple[tuple[int, str], ...]] = {
    "ms": ((1000, "s"), (60_000, "min"), (3_600_000, "h"), (86_400_000, "d")),
    "s": ((60, "min"), (3600, "h"), (86400, "d")),
    "min": ((60, "h"), (1440, "d")),
    "h": ((24, "d"),),
    "B": ((1024, "KB"), (1024**2, "MB"), (1024**3, "GB")),
    "KB": ((1024, "MB"), (1024**2, "GB")),
    "MB": ((1024, "GB"),),
    "Kbps": ((1000, "Mbps"), (1000**2, "Gbps")),
    "Mbps": ((1000, "Gbps"), (1000**2, "Tbps")),
    "Gbps": ((1000, "Tbps"),),
}
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
#: a number's digits: groups of three after a thousands comma ("65,535"), else digits and
#: dots ("3.14", "1.2.3"); "2,2,4" is a run of three numbers, no number of its own
_DIGITS = r"(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)(?!,\d)"
#: (a unit's letter before a dot and a digit is no unit: "SGA 1979 s.57" cites a section)
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9_.\-/:=^]){_DIGITS}(\s?|-(?=[A-Za-z]))((?:{_UNIT_ALT})(?!\.\d))?(?![A-Za-z0-9_%\-^])"
    rf"|(?<![A-Za-z0-9_.\-/:=^]){_DIGITS}(\s?)({_UNIT_ALT})(?=[\u4e00-\u9fff])",
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
    canonical = UNITS.get(unit.lower(), unit)
    if unit == "s" and text == f"{digits}s" and _DECADE.fullmatch(digits):
        canonical = "decade"  # "the 1920s": ten years, never 1920 seconds
    return Number(value, canonical, text, m.start(), m.start() + len(text))


#: a decade's first year: "1920" of "1920s"
_DECADE = re.compile(r"1\d\d0|20\d0")


@lru_cache(maxsize=16384)
def numbers_in(text: str) -> tuple[Number, ...]:
    """Every number of the text with its unit (cached: a block is read by several stages)."""
    return tuple(n for n in (_number(m) for m in NUMBER.finditer(text)) if n is not None)


def _in_base_units() -> dict[str, tuple[str, int]]:
    """Each unit LADDERS converts, as (the smallest unit of its ladder, how many of it it
    holds): "min" is ("ms", 60000), "GB" ("B", 1024**3)."""
    larger = {big for ladder in LADDERS.values() for _, big in ladder}
    scales: dict[str, tuple[str, int]] = {}
    for base in LADDERS.keys() - larger:
        scales[base] = (base, 1)
        scales.update((big, (base, size)) for size, big in LADDERS[base])
    return scales


_IN_BASE_UNITS = _in_base_units()


def ascending_order(options: Sequence[str]) -> tuple[int, ...] | None:
    """The options' indices from the smallest value up when every option is a number of one
    unit ("1 KB", "4 KB", "16 KB"; "900", "60"), or of units LADDERS converts into one another
    ("30 s", "1 min", "2 min"; "512 MB", "1 GB"); None when one is not a number, or their units
    do not convert (a duration beside a size, weeks beside days)."""
    numbers: list[Number] = []
    for option in options:
        number = parse_number(option)
        if number is None:
            return None
        numbers.append(number)
    if len(numbers) < 2:
        return None
    if len({n.unit for n in numbers}) == 1:
        values = [n.value for n in numbers]
    elif all(n.unit in _IN_BASE_UNITS for n in numbers):
        if len({_IN_BASE_UNITS[n.unit][0] for n in numbers}) != 1:
            return None
        values = [n.value * _IN_BASE_UNITS[n.unit][1] for n in numbers]
    else:
        return None
    return tuple(sorted(range(len(numbers)), key=lambda i: values[i]))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16384)
def amount(text: str) -> frozenset[tuple[str, float]] | None:
    """What a short text amounts to when it only states a quantity, each of its numbers in its
    ladder's smallest unit ("interval 7 days" and "7 days (168 hours)" both amount to 604800000
    ms; "99% (99.5%)" and "99% (99.9%)" differ in their asides); None when words beyond one
    qualifier say more than the quantity ("7 days, then archived") or the quantity is only an
    aside of a name ("DB_ROW_ID (6B)")."""
    if not _DIGIT.search(text):
        return None  # most options hold no number: no pattern is tried on them
    main = re.sub(r"[(（][^()（）]*[)）]", " ", text)
    numbers = numbers_in(main)
    if not numbers or not numbers[0].unit:
        return None
    first = numbers[0]
    if len(re.findall(r"\w+", main[: first.start] + " " + main[first.end :])) > 1:
        return None
    out: set[tuple[str, float]] = set()
    for n in numbers_in(text):
        base, size = _IN_BASE_UNITS.get(n.unit, (n.unit, 1))
        out.add((base, n.value * size))
    return frozenset(out)

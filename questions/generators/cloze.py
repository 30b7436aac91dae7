"""Cloze on key values: numbers with units, ports, header values, file and folder names,
CLI commands and header names, blanked out of the source sentence.

Distractors are of the answer's own type (another port, another size in the same unit, another
YAML file name), never the answer again and never a value already visible in the sentence.
One blank per sentence, and one question per value per section: the same fact is not asked
twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from questions.generators.base import Candidate, norm, place_answer, stable_int, topic_of, zh
from questions.notes_parser import Fact

NAME = "cloze"

LADDERS: dict[str, list[float]] = {
    "kb": [1, 2, 4, 8, 16, 32, 64, 128, 256, 400, 512, 1024],
    "mb": [1, 5, 10, 50, 64, 100, 128, 250, 256, 512, 1024, 2048, 10240],
    "gb": [1, 2, 4, 5, 8, 10, 16, 32, 64, 100, 128, 256, 512, 1024],
    "tb": [1, 2, 4, 5, 8, 10, 16, 64, 100],
    "s": [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300, 600, 900],
    "min": [1, 2, 5, 10, 15, 30, 45, 60, 90, 120],
    "h": [1, 2, 6, 12, 24, 48, 72, 168],
    "d": [1, 3, 7, 14, 30, 60, 90, 365],
    "ms": [10, 50, 100, 200, 250, 500, 1000, 2000, 5000],
    "port": [22, 25, 53, 80, 443, 1024, 2000, 2375, 3000, 3306, 5000, 5432, 8000, 8080, 8443],
    "assign": [0, 60, 300, 600, 3600, 86400],
}
UNIT_KIND = {
    "kb": "kb", "mb": "mb", "gb": "gb", "tb": "tb", "ms": "ms",
    "second": "s", "seconds": "s", "sec": "s", "secs": "s", "秒": "s",
    "minute": "min", "minutes": "min", "分钟": "min",
    "hour": "h", "hours": "h", "小时": "h", "day": "d", "days": "d", "天": "d",
}  # fmt: skip
COMMANDS = [
    "decode-authorization-message", "get-session-token", "assume-role",
    "get-caller-identity", "get-federation-token", "assume-role-with-web-identity",
]  # fmt: skip
FILES = {
    "yaml": ["appspec.yml", "buildspec.yml", "env.yaml", "cron.yaml", "template.yaml"],
    "json": ["Dockerrun.aws.json", "package.json", "policy.json", "config.json"],
}
FOLDERS = [".ebextensions", ".elasticbeanstalk", ".platform", ".aws", ".github"]
SUFFIXES = [".config", ".json", ".yaml", ".ini", ".xml"]
HEADERS = [
    "Content-Type", "Cache-Control", "Authorization", "X-Forwarded-For", "User-Agent",
    "If-None-Match", "Content-Encoding", "Access-Control-Allow-Origin",
]  # fmt: skip

_PORT = re.compile(r"(?:\bport\s*|端口\s*)(\d{2,5})\b", re.IGNORECASE)
_NUM_UNIT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)(\s?)(KB|MB|GB|TB|ms|seconds?|secs?|minutes?|hours?|days?"
    r"|秒|分钟|小时|天)(?![A-Za-z])"
)
_ASSIGN = re.compile(r"(?<![\w-])([a-z][\w-]*)=(\d+)\b")
_FILE = re.compile(r"(?<![\w./-])([\w-]+\.(yaml|yml|json|xml|toml|ini|properties|sh))(?![\w.])")
_FOLDER = re.compile(r"(?<![\w/])(\.[a-z][\w-]+)(?=\s*(?:文件夹|目录|folder|directory))")
_SUFFIX = re.compile(r"(?<![\w/])(\.[a-z]\w+)(?=\s*(?:后缀|suffix|extension))")
_HEADER = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+-)+[A-Z][a-z]+)(?![\w-])")
_COMMAND = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


@dataclass(frozen=True)
class Blank:
    """One value to blank: the text as it appears, its type, and the distractors to offer."""

    text: str
    kind: str
    options: tuple[str, ...]


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def number_distractors(value: float, kind: str, seed: str, want: int = 3) -> list[float]:
    """Nearby values from the unit's ladder, some below and some above, chosen by seed.

    Mixing sides by seed keeps the answer from always sitting in the middle of sorted options.
    """
    ladder = [v for v in LADDERS.get(kind, []) if v != value]
    if len(ladder) < want:
        ladder = sorted({value * 2, value * 4, max(value / 2, 1), value + 1} - {value})
    below = sorted((v for v in ladder if v < value), reverse=True)
    above = sorted(v for v in ladder if v > value)
    n_below = stable_int(seed) % (want + 1)
    n_below = min(n_below, len(below))
    n_above = min(want - n_below, len(above))
    n_below = min(want - n_above, len(below))
    return sorted(below[:n_below] + above[:n_above])


def _unit_text(unit: str, value: float) -> str:
    if unit.endswith("s") and unit.lower() not in ("ms",) and value == 1:
        return unit[:-1]
    if unit.isalpha() and unit.islower() and unit.isascii() and value != 1 and unit[-1] != "s":
        return unit + "s"
    return unit


def _from_pool(answer: str, pool: Sequence[str], sentence: str, seed: str) -> tuple[str, ...]:
    head = answer.split("-")[0].casefold()
    seen = {norm(answer)}
    picked = []
    for p in sorted(pool, key=lambda p: stable_int(seed, p)):
        if norm(p) in seen or p.casefold() in sentence.casefold():
            continue
        if "-" in answer and p.split("-")[0].casefold() == head:
            continue  # Access-Control-Allow-Origin would be right too when asked for a CORS header
        seen.add(norm(p))
        picked.append(p)
    return tuple(picked[:3])


def find_blank(fact: Fact, all_marked: Sequence[str]) -> Blank | None:
    """The most telling value in a sentence, by priority: port, size/time, setting, name."""
    s = fact.text
    seed = f"{NAME}:{s}"
    m = _PORT.search(s)
    if m:
        v = float(m.group(1))
        return Blank(
            m.group(1), "port", tuple(_fmt(x) for x in number_distractors(v, "port", seed))
        )
    m = _NUM_UNIT.search(s)
    if m:
        v, sep, unit = float(m.group(1)), m.group(2), m.group(3)
        kind = UNIT_KIND[unit.lower()]
        opts = tuple(
            f"{_fmt(x)}{sep}{_unit_text(unit, x)}" for x in number_distractors(v, kind, seed)
        )
        return Blank(m.group(0), f"num:{kind}", opts)
    m = _ASSIGN.search(s)
    if m:
        v = float(m.group(2))
        nums = number_distractors(v, "assign", seed)
        return Blank(m.group(0), "assign", tuple(f"{m.group(1)}={_fmt(x)}" for x in nums))
    for mark in fact.marked:
        if _COMMAND.match(mark) and mark in s:
            pool = [c for c in all_marked if _COMMAND.match(c)] + COMMANDS
            return Blank(mark, "command", _from_pool(mark, pool, s, seed))
    m = _FILE.search(s)
    if m:
        family = "yaml" if m.group(2) in ("yaml", "yml") else m.group(2)
        pool = FILES.get(family, [])
        return Blank(m.group(1), f"file:{family}", _from_pool(m.group(1), pool, s, seed))
    m = _FOLDER.search(s)
    if m:
        return Blank(m.group(1), "folder", _from_pool(m.group(1), FOLDERS, s, seed))
    m = _SUFFIX.search(s)
    if m:
        return Blank(m.group(1), "suffix", _from_pool(m.group(1), SUFFIXES, s, seed))
    if re.search(r"header|请求头|头部", s, re.IGNORECASE):
        m = _HEADER.search(s)
        if m:
            return Blank(m.group(1), "header", _from_pool(m.group(1), HEADERS, s, seed))
    return None


def _ordered(answer: str, options: Sequence[str], kind: str) -> tuple[tuple[str, ...], int]:
    """Numbers read best in ascending order; names go in a content-derived order."""
    if kind in ("port", "assign") or kind.startswith("num:"):

        def value(text: str) -> float:
            m = re.search(r"\d+(?:\.\d+)?", text)
            return float(m.group(0)) if m else math.inf

        opts = sorted([answer, *options], key=value)
        return tuple(opts), opts.index(answer)
    return place_answer(answer, options, f"{NAME}:{answer}")


def generate(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    all_marked = [m for f in facts for m in f.marked]
    out: list[Candidate] = []
    for f in facts:
        if f.kind not in ("statement", "item"):
            continue
        blank = find_blank(f, all_marked)
        if blank is None or not blank.options:
            continue
        masked = f.text.replace(blank.text, "___")
        lead = f.context or (f.group if f.kind == "item" else "")
        body = f"{lead}\n… {masked}" if lead else masked
        topic = topic_of(f, title)
        if zh(body):
            prompt = f"填空（{topic}）：\n{body}"
        else:  # a Chinese heading would make an English question look Chinese
            prompt = (
                f"Fill in the blank:\n{body}"
                if zh(topic)
                else f"Fill in the blank ({topic}):\n{body}"
            )
        options, answer = _ordered(blank.text, blank.options, blank.kind)
        explanation = f"{lead} {f.text}".strip() if lead else f.text
        out.append(
            Candidate(
                NAME,
                "choice",
                topic,
                prompt,
                options,
                answer,
                explanation,
                file,
                f.line,
                f.section.key,
                f"value:{blank.kind}",
                f"{NAME}:{f.section.key}:{blank.text}",
                f.text,
            )
        )
    return out


#: exposed for tests: every pattern the cloze generator knows, by type
PATTERNS: dict[str, Callable[[str], re.Match[str] | None]] = {
    "port": _PORT.search,
    "num": _NUM_UNIT.search,
    "assign": _ASSIGN.search,
    "file": _FILE.search,
    "folder": _FOLDER.search,
    "suffix": _SUFFIX.search,
    "header": _HEADER.search,
}

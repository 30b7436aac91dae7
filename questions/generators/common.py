"""What the generators share: the language a fact is asked in, and building a Candidate."""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.candidate import Candidate, place_answer
from questions.distractors import sort_numeric
from questions.facts.model import Fact
from questions.stems import BLANK, without_gloss
from questions.subjects import with_label
from questions.tables import Table
from questions.text import cjk_count, is_zh, norm


def lang_of(fact: Fact) -> str:
    """Chinese when the fact's source reads as Chinese, so templates match the notes."""
    if fact.lang:
        return fact.lang
    text = fact.sentence or fact.value
    # a Chinese sentence full of English terms is still Chinese ("一个 OPTIONS 请求，带上 …")
    if is_zh(text) or cjk_count(text) >= 10:
        return "zh"
    if fact.kind == "definition" and cjk_count(fact.value) >= 4 and is_zh(fact.value):
        return "zh"  # "**useCallback**：缓存**函数本身**，`useCallback(fn, deps)` ≈ …": quoted in Chinese
    # a short mixed line ("加载 (Loading)") reads as its section or the sections above it do
    # (a heading numbered or worded in Chinese, "四、EFS vs FSx", heads Chinese notes)
    # (a line of full-width punctuation and Latin letters, "Q0：RR q＝8 ms；Q2：FCFS。", was
    # typed with a Chinese input method)
    zh_heads = any(is_zh(h) or cjk_count(h) for h in fact.block.section.path)
    return "zh" if (cjk_count(text) or _FULL_WIDTH.search(text)) and zh_heads else "en"


#: the punctuation a Chinese input method types: full-width colon, semicolon, comma, stop,
#: equals, brackets
_FULL_WIDTH = re.compile(r"[：；，。＝（）、]")


#: the longest option may be this many times the shortest: beyond it, length is a cue
MAX_SPREAD = 2.5


def aspect_row(t: Table, column: int, aspect: str) -> str:
    """One aspect of a comparison across every thing compared: "meant for — ConfigMap: …;
    Secret: …"."""
    cells = "; ".join(f"{k}: {c}" for k, c in zip(t.keys, t.column(column), strict=True))
    return f"{aspect} — {cells}"


def explanation(fact: Fact) -> str:
    if fact.kind == "property" and fact.table is not None:
        t = fact.table
        if t.transposed:  # a comparison: show the row across all its entities
            return aspect_row(t, fact.column, fact.attribute)
        head = t.key_header or ""
        return f"{head + ': ' if head else ''}{fact.subject} — {fact.attribute}: {fact.value}"
    if fact.kind == "command":
        return f"{fact.value}  # {fact.subject}"
    if fact.kind == "result":  # the pair alone: the line's other pairs are other questions
        return fact.sentence
    if fact.block.kind == "code":  # a config line and its comment: "hz 20  # 默认值 10"
        return fact.sentence
    if fact.block.kind == "table":  # the default a row's cell names: "ClusterIP: default type"
        return f"{fact.value}: {fact.sentence}"
    text = fact.block.text
    if fact.context and fact.context not in text:
        joiner = "" if fact.context.endswith("：") else " " if fact.context.endswith(":") else ": "
        text = f"{fact.context}{joiner}{text}"
    return text


#: a plain phrase of two or more lower-case words, its first letter in either case
#: ("Deployment policy", "lifecycle policy"): a name written as an ordinary phrase, not a
#: product or an identifier (one word may be a name whose case is its own: containerd, Podman)
_PLAIN_PHRASE = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)+")


def cased_like(answer: str, options: Sequence[str]) -> list[str]:
    """Plain phrases written with the answer's first letter: "lifecycle policy" alone in lower
    case beside "Deployment policy" and "Resource policy" is the key at a glance."""
    if not _PLAIN_PHRASE.fullmatch(answer):
        return list(options)
    lower = answer[0].islower()
    return [(o[0].lower() if lower else o[0].upper()) + o[1:] if _PLAIN_PHRASE.fullmatch(o) else o
            for o in options]  # fmt: skip


#: a cloud's two prefixes of its services' names, used side by side ("Amazon Cognito", "AWS
#: STS"; "Google Kubernetes Engine", "Cloud Run")
_VENDOR = re.compile(r"^(?:Amazon|AWS|Google Cloud|Google|GCP)\s+(?=\S)")


def vendor_neutral(answer: str, distractors: Sequence[str]) -> tuple[str, list[str]]:
    """The options without their cloud's prefix when the key's alone is written its way:
    "Amazon Cognito" among "AWS IAM", "AWS STS" and "AWS Directory Service" is the key at a
    glance (session 40's review of the shipped bank). Kept when a name would be left empty
    or two names alike, and when a wrong option stands out instead (it points away)."""
    options = [answer, *distractors]
    prefixes = [m.group(0).strip() if (m := _VENDOR.match(o)) else "" for o in options]
    if prefixes[0] in prefixes[1:] or len(set(prefixes[1:])) != 1:
        return answer, list(distractors)
    bare = [_VENDOR.sub("", o) for o in options]
    if len({b.casefold() for b in bare}) < len(bare):
        return answer, list(distractors)
    return bare[0], bare[1:]


def _denied_lures(fact: Fact, answer: str, distractors: Sequence[str]) -> list[str]:
    """Names the notes say are not of the kind asked ("canary is NOT a strategy type"), as
    more wrong options of a question whose key is a member's name, up to three in all."""
    name = fact.value if fact.kind == "default" else fact.subject
    if not fact.denied or answer != name or len(distractors) >= 3:
        return []
    taken = {norm(d) for d in (answer, *distractors)}
    names = [d for d in fact.denied if norm(d) not in taken][: 3 - len(distractors)]
    if all(o[:1].isupper() for o in (answer, *distractors)):
        # written in passing ("blue/green and canary are NOT …"), offered beside RollingUpdate
        names = [d[:1].upper() + d[1:] for d in names]
    return names


def unglossed(answer: str, distractors: Sequence[str]) -> tuple[str, list[str]]:
    """The options without their Chinese glosses ("OPT（最佳置换）" → OPT): a gloss translates
    its name, and "缺页率最低" beside "最佳置换" keys it at a glance. Kept when the names alone
    would be two alike options."""
    options = [answer, *distractors]
    bare = [without_gloss(o) for o in options]
    if bare == options or len({b.casefold() for b in bare}) < len(bare):
        return answer, list(distractors)
    return bare[0], bare[1:]


#: a setting switched on or off: "fsync = off", "summarize_wal = on", "enabled: true"
_ASSIGNMENT = re.compile(r"^([A-Za-z_][\w.-]*)\s*(=|:)\s*(\S.*)$")
_SWITCHED = frozenset({"on", "off", "true", "false", "yes", "no", "enabled", "disabled", "0", "1"})


def switched_alike(
    prompt: str, answer: str, distractors: Sequence[str]
) -> tuple[str, str, list[str]]:
    """Options that switch different settings on and off, all switched as the key is: beside
    "fsync = off", "archive_mode = on" is ruled out by its "on" alone (session 40's review: a
    feature turned on cannot be what corrupts the cluster), so it is offered as "archive_mode =
    off"; the key's value is part of what it is. A blank keeps the key's value after it and
    asks the setting by name ("needs ___ = on"). Options of one setting ("restartPolicy:
    Always" / "Never") are its values, and options of one value ("clusterIP: None" / "nodePort:
    None") differ by name already: both are left as they are, and so are values that say more
    than on or off ("type: LoadBalancer" beside "sessionAffinity: ClientIP")."""
    found = [_ASSIGNMENT.match(o) for o in (answer, *distractors)]
    if not all(found):
        return prompt, answer, list(distractors)
    parts = [(m.group(1), m.group(2), m.group(3)) for m in found if m is not None]
    names = {n.casefold() for n, _, _ in parts}
    values = {v.casefold() for _, _, v in parts}
    if len(names) < len(parts) or len(values) < 2 or not values <= _SWITCHED:
        return prompt, answer, list(distractors)
    name, sep, value = parts[0]
    if BLANK not in prompt:
        # the key's value is part of what it is ("fsync" alone does not corrupt a cluster):
        # every option is switched as the key is ("archive_mode = off")
        return (
            prompt,
            answer,
            [o[: m.start(3)] + value for o, m in zip(distractors, found[1:], strict=True) if m],
        )
    if prompt.count(BLANK) > 1:
        return prompt, answer, list(distractors)
    prompt = prompt.replace(BLANK, f"{BLANK} {sep} {value}" if sep == "=" else f"{BLANK}: {value}")
    return prompt, name, [n for n, _, _ in parts[1:]]


def build(
    generator: str,
    style: str,
    fact: Fact,
    prompt: str,
    answer: str,
    distractors: Sequence[str],
    lang: str,
    rank: int,
    blank: str = "",
    closed: bool = False,
    query: str = "",
    notes_options: bool = False,
) -> Candidate | None:
    """A choice candidate, or None with fewer than two distractors (a guess, not a question);
    a closed set (the two strategies there are) may have one.

    query: the words that identify the fact, for the notes player (the stem minus its
    template); notes_options: every option is one of the notes' own alternatives (a list's
    items, an enumeration's values), so their lengths are no cue."""
    distractors = [*distractors, *_denied_lures(fact, answer, distractors)]
    if len(distractors) < (1 if closed else 2):
        return None
    distractors = cased_like(answer, distractors)
    answer, distractors = unglossed(answer, distractors)
    answer, distractors = vendor_neutral(answer, distractors)
    prompt, answer, distractors = switched_alike(prompt, answer, distractors)
    prompt = with_label(prompt, fact, style, [answer, *distractors], lang)  # keeps its subject
    ordered = sort_numeric([answer, *distractors])
    if ordered is not None:  # numbers (codes, sizes) in ascending order: no place is a tell
        opts, pos = tuple(ordered), ordered.index(answer)
    else:
        opts, pos = place_answer(answer, distractors, f"{fact.id}:{style}")
    return Candidate(generator, style, "choice", fact, prompt, opts, pos, explanation(fact), lang,
                     rank, blank, query or prompt, notes_options)  # fmt: skip


def code_for_description(f: Fact) -> bool:
    """The fact's description is only a span of code ("one RUN: `apt-get update && …`"): a
    command the term runs, no description of it to offer beside others."""
    return f.value.strip(" `") in f.block.inline.code

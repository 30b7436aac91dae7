"""Labelled values: a line that is only a label and its value, the way config and cheat sheets
are written ("maxmemory-samples: 5", "default registry: docker.io", "maxmemory-policy:
noeviction (default)", "default storage driver: **overlay2**").

Such a line states one fact, the label's value, and the sentence readers would blank is too
short to be a cloze. So:
- a number is asked by its label ("What value do the notes give for maxmemory-samples?", or
  the default value when the line or its lead-in says default), near misses as options;
- a name is asked when it is a default ("Which registry is the default?"), its options the
  other members of a list the notes write it in (the policies listed under the setting), else
  the notes' other names of its own typed shape (the generator draws those).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from questions.facts.config_lines import ConfigLine, config_lines, namespaced
from questions.facts.model import Fact
from questions.facts.numbers import under_example
from questions.parse.model import Block
from questions.text import is_zh, norm
from questions.values import number_role, numbers_in, said_default

#: "label: value (aside)"; a label of a few words, a value of a few
_LINE = re.compile(
    r"^(?P<label>`?[A-Za-z][\w.-]*`?(?: [A-Za-z][\w./-]*){0,5})\s*(?::|=|：)\s*"
    r"(?P<value>[^\s;,，；(（]+(?: [^\s;,，；(（]+){0,2}?)"
    r"(?P<aside>\s*[(（][^()（）]*[)）])?\s*[.。]?$"
)
_DEFAULT_ASIDE = re.compile(r"^\s*[(（]\s*(?:the\s+)?(?:default|默认)\b", re.I)
_DEFAULT_LABEL = re.compile(r"^(?:the\s+)?default\s+(?P<noun>\S.*)$", re.I)
_DEFAULTS_LEAD = re.compile(r"\bdefaults?\b|默认", re.I)
#: a value that is a phrase ("runs the daemon as a non-root user") is a description, not a value
MAX_VALUE_WORDS = 2


def _says_default(label: str, aside: str, block: Block) -> bool:
    lead = block.lead.text if block.lead is not None else ""
    return bool(
        _DEFAULT_LABEL.match(label)
        or _DEFAULT_ASIDE.match(aside)
        or (len(lead) < 60 and _DEFAULTS_LEAD.search(lead))
    )


def _listed(facts: Iterable[Fact]) -> dict[str, tuple[str, ...]]:
    """Each member of a list of the notes -> the list's other members (its definition's kin),
    the first list naming it; built once, so a setting line costs a look-up, not a pass."""
    out: dict[str, tuple[str, ...]] = {}
    for f in facts:
        if f.kind == "definition" and f.siblings:
            for name in _names(f.subject):
                if name not in out:
                    out[name] = tuple(s for s in f.siblings if name not in _names(s))
    return out


def _names(subject: str) -> set[str]:
    """ "allkeys-lru / volatile-lru" names two members."""
    return {norm(p) for p in re.split(r"\s*/\s*|\s*,\s*", subject) if p}


#: a comment that only marks the line's own value as the default: "# default", "# (默认)"
_DEFAULT_MARK = re.compile(r"^[(（]?(?:(?:the\s+)?default|默认值?|缺省值?)[)）]?[.。]?$", re.I)


def comment_default(line: ConfigLine) -> str | None:
    """The default value a config line's comment states, or None when it states none (a remark,
    a range, a default of something else). A bare "# default" says the line's value is it."""
    if _DEFAULT_MARK.match(line.comment):
        return line.value
    if len(_DEFAULT_WORD.findall(line.comment)) > 1 or _BY_RELEASE.search(line.comment):
        # "默认 2 (新内核), 老内核默认 0", "默认 4096 (5.4+), 老内核 128": which default
        # depends on a release the question would leave out
        return None
    return said_default(line.comment)


_DEFAULT_WORD = re.compile(r"默认|\bdefaults?\b", re.I)
_BY_RELEASE = re.compile(
    r"[(（]\s*v?\d+(?:\.\d+)*\+\s*[)）]|[老旧新]内核|[老旧新]版本?|\b(?:older|newer|old|new)\s+"
    r"(?:kernels?|versions?|releases?)\b",
    re.I,
)


#: what follows a multiplier that is a formula's factor, not the label's value
_FACTOR_OF = re.compile(r"\s*[(\d]")


def _labelled_fact(
    label: str,
    value: str,
    b: Block,
    line: int,
    sentence: str,
    default: bool,
    listed: Callable[[], dict[str, tuple[str, ...]]],
    lang: str = "",
) -> Fact | None:
    """The fact of one labelled value: a number's (its default, or the value the notes give
    it), or a named default's, its options the other members of a list naming it. `lang`: the
    language of a line whose own words are mostly code (a config line's comment's)."""
    dm = _DEFAULT_LABEL.match(label)
    noun = dm.group("noun") if dm else None  # "default registry" names a registry
    numbers = numbers_in(value)
    if numbers and numbers[0].start == 0 and numbers[0].end == len(value):
        n = numbers[0]
        at = sentence.find(value)
        if n.unit == "x" and at >= 0 and _FACTOR_OF.match(sentence[at + len(value) :]):
            return None  # "metric = 256 × (10^7 / BW + delay)": a factor of a formula
        # what the number counts, read as "Default port 6379" (the colon hides the port)
        said = f"{label} {value}"
        found = numbers_in(said)
        role = number_role(said, found[-1], b.section.heading, b.under) if found else "quantity"
        return Fact("number", noun or label, n.text, b, line, sentence=sentence, span=n.text,
                    attribute="default" if default else "setting", role=role,
                    extra=("setting", "named") if noun else ("setting",), lang=lang)  # fmt: skip
    name = value.strip("`*")
    if not default or len(name.split()) > MAX_VALUE_WORDS or re.search(r"\d\s*$", label):
        return None
    return Fact("default", noun or label, name, b, line, sentence=sentence, span=name,
                attribute="default", category=noun, group=f"v{b.id}", role="member",
                siblings=listed().get(norm(name), ()), extra=("setting",), lang=lang)  # fmt: skip


def setting_facts(content: Iterable[Block], facts: list[Fact]) -> list[Fact]:
    """The facts with a labelled value's fact in place of the number facts its line gave (one
    question of the line, asked by its label), and the defaults config blocks' comments give,
    in place of the command fact an unlabelled block's line gave ("Which command is for
    'per-process limit, default 2000'?" asks nothing a setting's default does not)."""
    out: list[Fact] = []
    replaced: set[tuple[int, str]] = set()
    lines: set[tuple[int, int]] = set()  # (block, line) of the config lines read
    found: dict[str, tuple[str, ...]] | None = None

    def listed() -> dict[str, tuple[str, ...]]:
        nonlocal found
        if found is None:
            found = _listed(facts)
        return found

    spans: set[str] | None = None

    def said(name: str) -> bool:
        """The notes write this name as code somewhere (read once, on the first INI section)."""
        nonlocal spans
        if spans is None:
            spans = {s.casefold() for x in content for s in x.inline.code}
        return name.casefold() in spans

    for b in content:
        if b.kind == "code":
            for c in namespaced(config_lines(b), said):
                default = comment_default(c)
                if default is None:
                    continue
                lang = "zh" if is_zh(c.comment) else ""  # "# 默认 1" of a line of code
                f = _labelled_fact(c.name, default, b, c.line, c.text, True, listed, lang)
                if f is not None:
                    out.append(f)
                    lines.add((b.id, c.line))
            continue
        if b.kind not in ("item", "paragraph") or b.depth > 2 or under_example(b):
            continue  # ("AM = 0%" under "Ex (why GM matters):" is the example's)
        m = _LINE.match(b.text.strip())
        if m is None:
            continue
        label, value, aside = m.group("label").strip("`"), m.group("value"), m.group("aside") or ""
        f = _labelled_fact(label, value, b, b.line, b.text, _says_default(label, aside, b), listed)
        if f is not None:
            out.append(f)
            replaced.add((b.id, f.span))
    if not out:
        return facts
    kept = [f for f in facts if not (f.kind in ("number", "term") and (f.block.id, f.span)
                                     in replaced)
            and not (f.kind == "command" and (f.block.id, f.line) in lines)]  # fmt: skip
    return kept + out

"""What kind of thing the notes show a term to be, so a term's options are terms of its kind.

A blank that takes a command (`LPUSH` beside `BRPOP`) is answered by kind alone when the other
options are data types ("Hash", "Sorted Set"), a config file's path beside module sources
(`./modules/vpc`), a merge strategy beside conflict styles. The notes say the kind in four
ways, read here once per notes:

- the written shape: a command or keyword in capitals the notes write as code (`LPUSH`,
  `SHOW TABLE STATUS`) is no plain word they never so write ("Hash"; FIFO beside Standard is
  one kind); a path to a file (`~/.terraformrc`) is no path to a folder or a
  registry (`./modules/vpc`, `docker.io/library/nginx`);
- the noun the notes call a term by, where one section calls two terms or more so: after
  the term written after an article ("the `ort` strategy", "the `MGET` command"), or set
  equal to it ("the default log driver is `json-file`"); two terms the notes call by
  different such nouns are two kinds ("`-Fc` custom" says what the flag does, not what it is);
- a heading: a topic's name is no option beside a term, unless the key is a heading too; a
  heading over several lines ("Build options") is a topic, no option beside a heading that
  names one thing with its one line ("Image digest");
- a cloze that names its blank's kind ("An ___ redirect means …", where the notes call two
  terms redirects) takes only terms the notes call so;
- a Chinese term's head word ("聚簇索引" is an index, "叶子节点" a node), for terms the notes
  mark (an unmarked description, "查看执行计划", is no term).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from lemminflect import getAllLemmas

from questions.nouns import singular_word
from questions.parse.model import Document
from questions.stems import BLANK
from questions.text import STOP_EN, english_word, has_cjk, init_jieba, norm
from questions.values import code_form, shape

#: written in capitals: a command, keyword or constant (`LPUSH`, `SHOW ENGINE STATUS`, `ASK`)
_CAPS_SHAPES = frozenset({"acronym", "caps"})
#: a plain word or phrase: a concept, a type, a topic ("Hash", "Sorted Set", "leaf node")
_WORD_SHAPES = frozenset({"Name", "Names", "lower", "lowers"})
#: the last part of a path names a file when it has an extension or is a dotfile
_FILE_PART = re.compile(r"(?:[\w-]+\.[A-Za-z]\w*|\.[A-Za-z][\w-]*)")
#: a term after an article names the noun after it ("the `ort` strategy", "a `syslog`
#: driver"); a noun set equal to a term names its kind ("the default log driver is json-file")
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_AFTER = re.compile(r"\s+([a-z]{3,})\b")
_BEFORE = re.compile(r"\b([a-z]{3,})\s+(?:is|was)\s+$")
_AT_BLANK = re.compile(rf"{re.escape(BLANK)}\s+([a-z]{{3,}})\b")
#: names a kind when the notes write it next to this many terms of one section or more
KIND_LEAST = 2


@lru_cache(maxsize=16384)
def written_kind(name: str) -> str:
    """The kind a name's shape says: "caps", "word", "file", "folder", or "" (anything else:
    CamelCase, snake_case, flags and settings have rules of their own)."""
    t = name.strip().strip("`").strip()
    s = shape(t)
    if s in _CAPS_SHAPES or (s == "Names" and code_form(t) == "keywords" and t.isupper()):
        return "caps" if re.search(r"[A-Z]{2}", t) else ""
    if s in _WORD_SHAPES:
        return "word"
    if s == "path":
        return "file" if _FILE_PART.fullmatch(t.rstrip("/").rsplit("/", 1)[-1]) else "folder"
    return ""


def _kind_noun(word: str) -> str:
    """The word as a kind's noun ("strategy", "redirect", "backend"), or "": a little word, an
    adverb or adjective, a participle, or a verb's third person ("Compose reads
    `compose.yaml`" says what is done with the term, not what it is). Read where the notes
    write a noun's place (after "the X", before "is X"), so a word no dictionary holds as a
    noun ("backend") still counts."""
    if word in STOP_EN or word.endswith("ed"):
        return ""
    lemmas = getAllLemmas(word)
    if "ADV" in lemmas or ("ADJ" in lemmas and "NOUN" not in lemmas):
        return ""
    if word.endswith("s") and "VERB" in lemmas:
        return ""
    return singular_word(word)


def _head(name: str) -> str:
    """The head noun of a short English phrase ("lifecycle policy" -> "policy"), or ""."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not re.fullmatch(r"[A-Za-z]+", words[-1]):
        return ""
    return singular_word(words[-1].lower())


def _plural_head(heading: str) -> bool:
    """A heading that names a group: a plural common noun or a practice ("Build options",
    "Restart policies", "Tags", "Logging"), where a name in capitals names a thing ("Secrets
    Manager", "Step Functions")."""
    words = heading.split()
    if not words or not words[-1].isalpha() or (len(words) > 1 and not words[-1].islower()):
        return False
    last = words[-1].lower()
    return english_word(last) and (singular_word(last) != last or last.endswith("ing"))


def _zh_head(term: str) -> str:
    """The last word of a Chinese term of two words or more ("聚簇索引" -> "索引"), or "". A
    one-character last word is a suffix ("文档号", "词项"), not a noun saying the kind."""
    if not has_cjk(term) or re.search(r"[A-Za-z0-9]", term):
        return ""
    init_jieba()
    import jieba

    words = [w for w in jieba.lcut(term.strip(), HMM=False) if w.strip()]
    return words[-1] if len(words) >= 2 and len(words[-1]) >= 2 else ""


class _NameRead(NamedTuple):
    """What the notes show of one name, as `TermKinds.unlike` weighs it."""

    heading_only: bool
    held_heading: bool
    topic: bool
    written: str
    code: bool
    nouns: frozenset[str]
    marked: bool


class TermKinds:
    """The kind nouns the notes write next to their marked terms, and their headings. Read once
    per notes: one pass over the marked spans."""

    def __init__(self, doc: Document | None) -> None:
        self._headings: set[str] = set()
        self._acronyms: set[str] = set()
        self._marked: set[str] = set()  # only a marked Chinese span is a term, not a remark
        self._code: set[str] = set()
        by_noun: dict[tuple[str, int], set[str]] = defaultdict(set)
        found: dict[str, set[str]] = defaultdict(set)
        #: headings of a group over several lines ("Build options"): topics, not things
        self._topics: set[str] = set()
        lines = Counter(b.section.index for b in doc.content) if doc is not None else Counter()
        for s in doc.sections if doc is not None else ():
            if s.level and not s.bold:
                self._headings.add(norm(s.heading))
                self._acronyms.update(w for w in s.heading.split() if shape(w) == "acronym")
                if lines[s.index] > 1 and _plural_head(s.heading):
                    self._topics.add(norm(s.heading))
        for b in doc.content if doc is not None else ():
            if b.kind == "code":
                continue
            text = b.text
            self._marked.update(norm(m) for m in b.inline.marked)
            self._code.update(norm(m) for m in b.inline.code)
            for span in dict.fromkeys(b.inline.marked):
                at = text.find(span)
                while at >= 0 and span.strip():
                    after = _AFTER.match(text, at + len(span))
                    if not _ARTICLE.search(text, 0, at):
                        after = None  # "`-Fc` custom": what it does, not what it is
                    nouns = {_kind_noun(m.group(1)) for m in (after, _BEFORE.search(text, 0, at))
                             if m is not None}  # fmt: skip
                    for n in nouns - {""}:
                        by_noun[(n, b.section.index)].add(norm(span))
                        found[norm(span)].add(n)
                    at = text.find(span, at + len(span))
        kinds = {n for (n, _), spans in by_noun.items() if len(spans) >= KIND_LEAST}
        self._kinds = frozenset(kinds)

        self._nouns = {t: frozenset(ns & kinds) for t, ns in found.items() if ns & kinds}
        self._names: dict[str, _NameRead] = {}

    def nouns(self, name: str) -> frozenset[str]:
        """The kind nouns the notes call the name by ("ort" -> {"strategy"})."""
        return self._nouns.get(norm(name), frozenset())

    def named_at_blank(self, stem: str) -> str:
        """The kind noun a cloze writes right after its blank ("An ___ redirect means …"): the
        blank takes only terms the notes call so, never a command of the same section."""
        m = _AT_BLANK.search(stem)
        noun = _kind_noun(m.group(1)) if m else ""
        return noun if noun in self._kinds else ""

    def code(self, name: str) -> bool:
        return norm(name) in self._code

    def heading_only(self, name: str) -> bool:
        """A heading's name the notes never mark as a term in their lines ("Vacuum" over
        "**VACUUM** reclaims …" is that term's section, the term itself)."""
        return self.heading(name) and norm(name) not in self._marked

    def heading(self, name: str, held: bool = False) -> bool:
        """A heading's name; `held`: or an acronym a heading holds ("KMS" of "Key Management
        Service KMS"), a topic of the notes whose options are the other headings."""
        key = name.strip().strip("`")
        if norm(key) in self._headings:
            return True
        return held and shape(key) == "acronym" and key in self._acronyms

    def unlike(self, answer: str, option: str) -> bool:
        """The notes show the option to be another kind of thing than the answer."""
        a, o = self._read(answer), self._read(option)
        if (o.heading_only and not a.held_heading) or (o.topic and not a.topic):
            # a heading is no term beside a term, nor a topic ("Build options") beside a thing
            # a heading names with its one line ("Image digest"), unless its head noun says it
            # is one of the key's kind ("Resource policy" beside a "lifecycle policy")
            head = _head(answer)
            return not head or head != _head(option)
        kinds = {a.written, o.written}
        if kinds == {"file", "folder"}:
            return True
        if kinds == {"caps", "word"} and a.code != o.code:
            return True  # a command written as code (`LPUSH`) beside a plain word ("Hash")
        if a.nouns and o.nouns and not a.nouns & o.nouns:
            return True
        if not (a.marked and o.marked):
            return False
        heads = _zh_head(answer), _zh_head(option)
        return all(heads) and heads[0] != heads[1]

    def _read(self, name: str) -> _NameRead:
        """What `unlike` reads of one name, read once per name: a name is weighed beside every
        option it is offered with, and every option beside each key."""
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = _NameRead(
                heading_only=self.heading_only(name),
                held_heading=self.heading(name, held=True),
                topic=norm(name) in self._topics,
                written=written_kind(name),
                code=self.code(name),
                nouns=self.nouns(name),
                marked=norm(name) in self._marked,
            )
        return found

    def like(self, answer: str, options: list[str]) -> list[str]:
        return [o for o in options if not self.unlike(answer, o)]

"""Wrong options of the answer's own kind and role, drawn from the same notes.

A distractor must be the same *kind* of thing as the answer (its surface shape: two durations,
two HTTP headers, two CamelCase names) and play the same *role* in the notes (another term of
the same list, another cell of the same column, another value of the same enumeration, another
command of the same code block). Tiers, best first: the fact's own siblings; the same role in
the same section; the same role nearby in the notes. Numbers: a quantity gets other values of
its unit from the notes and then magnitude slips; an identifier-like number (version, year,
port, code) only other numbers of the same kind from the notes. Fewer than two → the caller
asks a three-option question or nothing; never a filler of another kind.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, groupby, islice, pairwise

import numpy as np
from lemminflect import getAllLemmas
from rapidfuzz import fuzz, process

from questions.ambiguity import content_words, said_with
from questions.candidate import stable_int
from questions.facts.model import Fact
from questions.headers import asks
from questions.name_kinds import NameKinds, judged_alone, kept_by_kind
from questions.nouns import is_qualifier, singular_word
from questions.parse.model import Block, Document, Section
from questions.quantities import amount
from questions.rivals import contrasted, name_forms
from questions.service_areas import (
    area_of,
    area_services,
    is_aws_text,
    same_area,
    service_named,
    services_in,
)
from questions.text import (
    CJK,
    STOP_EN,
    balanced,
    contains,
    english_word,
    find_apart,
    folded,
    init_jieba,
    lemma_words,
    norm,
    phrase_about,
    split_sentences,
    stressed,
    verb_like,
)
from questions.values import (
    UNITS,
    Number,
    calendar_part,
    code_form,
    command_like,
    counted_unit,
    decimals,
    family,
    fmt_number,
    number_role,
    numbers_in,
    other_kind,
    parse_number,
    port_listed,
    shape,
    shape_clash,
    value_kind,
    whole_unit,
    with_value,
)
from questions.vocabulary import (
    STATUS_CODES,
    fair_port,
    kind_in,
    kind_of,
    like_numbers,
    like_terms,
    names_in,
    port_class,
    told_apart_by_job,
)

MAX_OPTION = 80
#: distractors come from this many sections either side: near in the notes, linear in cost
SECTION_WINDOW = 12
#: the entries this many places either side of the answer's own are read in a section: a
#: long list's far items are never options, and reading them all costs the square of the list
ENTRY_WINDOW = 48
#: the sentences holding a stem's words read per option, at most: see `_holding`
MAX_SAID_HITS = 400
#: the rarest word's sentences are read this many at a time for `Pool._holding_all`
_HITS_SLICE = 2 * MAX_SAID_HITS
#: at most this many candidates are ranked per question, so cost stays bounded per fact
MAX_RANKED = 40
#: a joined text of `Pool._holding` this long, searched this many times (a long list's stems
#: share one), is first asked whether it holds the option's every piece of `_GRAM` letters
_GRAMMED_LENGTH = 4096
_GRAMMED_AFTER = 16
_GRAM = 6
_COMMAND = re.compile(r"(\s+#|\s{2,}--)\s.*$")
#: patterns of the per-option checks, compiled once (re's own cache is a look-up per call)
_DIGITS_ONLY = re.compile(r"\d+")
_WORDLIKE = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]")
_NORM_WORD = re.compile(r"[a-z0-9]+")
_DANGLING = re.compile(r"\b(and|or|but|with|to|of)$", re.I)
#: a line marking this many one-word names in code enumerates a set of them
_ENUMERATED = 3
#: a name as code writes it ("worker_connections", "vm.max_map_count")
_ONE_NAME = re.compile(r"[\w.-]+")
_NO_SET: frozenset[str] = frozenset()
#: a name of a title ("Redis" of "Redis 学习笔记")
_TITLE_WORD = re.compile(r"[A-Za-z][\w.+-]*[\w+]")
#: families whose surface form says what kind of thing a term is (two snake_case names are two
#: settings); a plain word or name says nothing, so those come only from the same section
_TYPED = frozenset({"field", "snake", "caps", "kebab", "kv", "header", "path", "flag", "tag",
                    "call", "cmd"})  # fmt: skip
TYPED = _TYPED


@dataclass(frozen=True)
class Entry:
    text: str
    role: str  # term | key | cell | member | code | bold | cmd | heading
    group: str  # siblings share it (a list, a table column, an enumeration)
    section: int

    @property
    def family(self) -> str:
        return family(self.text)  # on demand: most entries are never offered


#: a code line's trailing comment
_LINE_COMMENT = re.compile(r"\s(?:#|//|--|;)\s*(.*)$")
#: how far into its item a marked span may start and still be the item's term ("project **ID**")
_LEAD_SPAN = 24
#: descriptions kept per term for telling whether a stem fits another option too
MAX_DESCRIPTIONS = 4


#: a year's wrong options are the notes' years this close to it, where there are enough
_YEAR_REACH = 15


class Pool:
    """Every typed value of one document, indexed by role and section."""

    def __init__(self, doc: Document, facts: Sequence[Fact]) -> None:
        self.doc: Document | None = doc
        self._by_role: dict[str, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        self._seen: set[tuple[str, str]] = set()
        #: texts the notes write as code: only those have a code form (bare name, command line)
        self._code: set[str] = set()
        #: a flag -> the programs it is written with (`-Fc` is pg_dump's, `--link` pg_upgrade's)
        self._flag_owners: dict[str, set[str]] = _flag_owners(doc)
        #: head noun -> entries ending with it ("lifecycle policy", "Resource policy")
        self._by_head: dict[tuple[str, int], list[Entry]] = defaultdict(list)
        #: (role, section) -> its entries by family (`_of_family`), read on first use
        #: a section -> the texts its bold and code entries write, for `marked`
        self._marked_in: dict[int, frozenset[str]] = {}
        #: a long entry list -> (the list, its length, entry text -> first place), for `_around`
        self._entry_index: dict[int, tuple[Sequence[Entry], int, dict[str, int]]] = {}
        self._by_family: dict[tuple[str, int], dict[str, list[Entry]]] = {}
        #: well-known names the notes write (questions.vocabulary), found on first use
        self._named: set[str] | None = None
        self._aws: bool | None = None  # `about_aws`, read on first use
        self._aws_services: frozenset[str] | None = None  # `_aws_named`
        #: (unit, role) -> [(value, section)]
        self._numbers: dict[tuple[str, str, int], list[float]] = defaultdict(list)
        self._year_values: frozenset[float] | None = None
        #: an identifier is offered as the notes write it ("18.0" stays "18.0", "14" "14")
        self._written: dict[tuple[str, float], str] = {}
        self._near: dict[tuple[str, str, int], frozenset[float]] = {}
        self._ports: set[float] | None = None  # `_notes_ports`, read once per notes
        self._after: dict[str, set[str]] = {}  # `_words_after` per term
        #: (unit, key value) -> the sets of wrong values already offered beside it, so two
        #: questions with one key (two settings both "default 1") are not one card twice
        self.offered: dict[tuple[str, float], set[tuple[float, ...]]] = defaultdict(set)
        self.varied = False  # the last numbers() set is not its first choice
        #: a name in capitals -> the numbers the notes write it with ("RAID" -> 0, 1, 5, 6, 10)
        self._families: dict[str, set[float]] | None = None
        self._majors: set[int] | None = None
        keys: set[tuple[str, str, int]] = set()
        self._lines: list[str] | None = None
        self._values: dict[str, bool] = {}
        self._key_values: dict[str, list[str]] = {}
        self._sentences: list[tuple[int, str]] | None = None
        self._by_word: dict[str, list[int]] = {}
        self._word_sets: dict[str, frozenset[int]] = {}
        self._word_hits: dict[frozenset[str], list[int]] = {}
        self._stem_hits: dict[
            tuple[str, str], tuple[frozenset[str], list[int], str, list[int]]
        ] = {}
        self._joined: dict[tuple[int, ...], tuple[str, list[int]]] = {}
        #: a long joined text -> the times it was searched, then its pieces (`_absent`)
        self._searched: dict[str, int] = {}
        self._grams: dict[str, frozenset[str]] = {}
        self._places: dict[tuple[str, str], list[int]] = {}  # `_find`
        self._folded: list[str] = []
        self._by_token: dict[str, list[int]] | None = None
        self._naming: dict[str, list[str]] = {}
        self._kinds: dict[str, str] = {}
        self._things: dict[str, str] = {}
        self._nouns: dict[str, set[str]] = {}
        self._counters: dict[str, set[str]] = {}
        self._called_by: dict[str, set[str]] = {}
        self._code_heads: set[str] | None = None
        self._beside: dict[tuple[tuple[str, ...], int, frozenset[str]], list[str]] = {}
        self._groups: dict[str, set[str]] | None = None
        self._peers: dict[tuple[str, tuple[str, ...], int], bool] = {}
        self._rows: list[tuple[int, tuple[str, ...], str]] | None = None
        self._items: list[tuple[int, str, str, str]] = []  # group, text, lead, first marked
        #: first letter of an item's lead -> (list group, lead): the items a name may lead
        self._leads: dict[str, list[tuple[int, str]]] = defaultdict(list)
        #: sides of a comparison -> what `_peer_of` reads of them alone
        self._sides_read: dict[
            tuple[str, ...], tuple[dict[int, set[str]], dict[int, set[str]], list[int]]
        ] = {}
        self._outcomes: dict[int, list[str]] | None = None
        #: names a line's head sets against each other, and defined terms by their forms
        self._contrasted: dict[str, frozenset[str]] | None = None
        self._defined_as: dict[str, str] = {}
        self._section_products: dict[int, frozenset[str]] = {}
        self._name_kinds: NameKinds | None = None
        #: a table's row keys by its block (the named set each key is one of), with its cells
        self._table_keys: dict[int, tuple[str, ...]] = {}
        self._table_sections: dict[int, int] = {}
        self._table_cells: dict[int, tuple[tuple[str, ...], ...]] = {}
        self._keyed: dict[str, list[tuple[int, int]]] | None = None  # `_tables_keyed`
        self._sets: dict[str, frozenset[str]] | None = None  # `_sets_of`, read on first use
        self._title_words: frozenset[str] | None = None  # `the_whole`, read on first use
        #: a defined term -> what the notes say it is (for telling whether a description fits
        #: another option too)
        #: (the first few of each term: a term defined again in every copy of repeated notes
        #: must not make every look-up longer)
        self.descriptions: dict[str, list[str]] = defaultdict(list)
        #: every term the notes define, for the meanings of a term's kin across the notes
        # (what must hold once a term is used is no description of it: "condition" facts)
        self.definitions: list[Fact] = [
            f for f in facts if f.kind == "definition" and not f.condition
        ]
        #: a term the notes file under a named kind ("**Cool**" of "**Access tiers**") -> the
        #: kinds and their sections: a kind's member is no option for a key of no such kind
        #: from another section
        self._filed: dict[str, set[tuple[str, int]]] = defaultdict(set)
        for f in facts:
            if f.kind == "definition" and f.category and f.group.startswith("g"):
                self._filed[norm(f.subject)].add((f.category.casefold(), f.section.index))
            meaning = f.kind == "definition" and not f.condition
            said = self.descriptions[norm(f.subject)] if meaning else None
            if said is not None and len(said) < MAX_DESCRIPTIONS and f.value not in said:
                said.append(f.value)
            for role, text, group in f.pool_entries():
                self.add(text, role, group, f.section.index)
            if f.table is not None and not f.table.transposed:
                self._table_keys[f.block.id] = f.table.keys
                self._table_sections[f.block.id] = f.section.index
                self._table_cells[f.block.id] = f.table.cells
            if f.kind == "property" and f.table is not None and _DIGITS_ONLY.fullmatch(f.subject):
                keys.add((f.subject, f"key:{norm(f.table.key_header)}", f.section.index))
        #: names each item says in its lead ("RDB：…", "客观下线 ODOWN：…") and only after it
        #: ("… 写时复制 COW", "… 没回 PING"), by section: a lead's kin are other leads
        self._leading, self._inner = _leads_and_inner(doc)
        for key, kind, section in keys:  # a table's numeric keys: status codes, ports
            self._numbers[("", kind, section)].append(float(key))
            self._written.setdefault(("", float(key)), key)
        self._list_sizes: Counter[int] = Counter(b.group for b in doc.content if b.kind == "item")
        items = [b for b in doc.content if b.kind == "item"]
        item_at = {b.line: b.group for b in items}
        #: a nested list -> the list its parent item belongs to; a block -> its list
        self._list_above: dict[int, int] = {
            b.group: item_at[b.parent_line] for b in items if b.parent_line in item_at
        }
        self._code_tokens: dict[str, list[str]] | None = None  # `code_naming`, on first use
        self._item_list: dict[int, tuple[int, str]] = {b.id: (b.group, b.text) for b in items}
        for s in doc.sections:
            if s.bold:  # "**Deployment policy**" on its own line: a marked term as before
                self.add(s.heading, "bold", f"s{s.index}", s.index)
        for b in doc.content:
            if b.kind == "code":
                for line in b.code.splitlines():
                    cmd = _COMMAND.sub("", line).strip()
                    if cmd and not line.lstrip().startswith(("#", "--", "\\")):
                        self.add(cmd, "cmd", f"b{b.id}", b.section.index)
                continue
            for span in b.inline.code:
                self.add(span, "code", f"b{b.id}", b.section.index)
            for span in b.inline.strong:
                if not stressed(span):
                    self.add(span, "bold", f"b{b.id}", b.section.index)
            for n in numbers_in(b.text):
                role = number_role(b.text, n, b.section.heading, b.under)
                self._numbers[(n.unit, role, b.section.index)].append(n.value)
                self._written.setdefault((n.unit, n.value), n.text)
            if b.table is not None:
                header = b.table.header
                for row in b.table.rows:
                    for j, cell in enumerate(row):
                        for n in numbers_in(cell):
                            role = number_role(cell, n)
                            if role == "quantity" and j < len(header) and port_listed(header[j], n):
                                role = "port"  # a cell of a "Port" column
                            self._numbers[(n.unit, role, b.section.index)].append(n.value)

    @property
    def name_kinds(self) -> NameKinds:
        """The value kind the notes give each name and the words written only as options
        (questions.name_kinds), read on first use."""
        if self._name_kinds is None:
            self._name_kinds = NameKinds(self.doc, self._prose_kind)
        return self._name_kinds

    def _entry_list(self, e: Entry) -> int | None:
        """The list whose item an entry names ("g3": a list's term; "b12": a span that opens
        item 12, its term), None for anything else (a word said inside an item)."""
        group = e.group
        if group[:1] == "g" and group[1:].isdigit():
            return int(group[1:])
        item = self._item_list.get(int(group[1:])) if group[1:].isdigit() else None
        if group[:1] == "b" and item is not None and 0 <= item[1].find(e.text) <= _LEAD_SPAN:
            return item[0]
        return None

    def _above(self, group: int) -> Iterator[int]:
        seen = {group}
        while (group := self._list_above.get(group, -1)) >= 0 and group not in seen:
            seen.add(group)
            yield group

    def other_level(self, fact: Fact, e: Entry) -> bool:
        """The entry is the term of an item of a list nested in the fact's list, or of one the
        fact's list is nested in: "Folders" (a level of a hierarchy) is no kind of a project's
        "ID" nested under it, nor the reverse."""
        if fact.block.kind != "item" or fact.kind != "definition":
            return False
        mine, theirs = fact.block.group, self._entry_list(e)
        if theirs is None or theirs == mine:
            return False
        return theirs in self._above(mine) or mine in self._above(theirs)

    def list_size(self, block: Block) -> int:
        """How many items the block's list has (1 for a block outside a list)."""
        return self._list_sizes.get(block.group, 1) if block.kind == "item" else 1

    def add(self, text: str, role: str, group: str, section: int) -> None:
        text = " ".join(text.split()).strip()
        if not text or len(text) > MAX_OPTION or (text, role) in self._seen:
            return
        if text.lower() in STOP_EN or not _WORDLIKE.search(text) or is_qualifier(text):
            return
        if role == "bold" and asks(text):
            return  # "**为啥快**", "**How it works**": a question its item answers, no term
        if role == "bold" and _LABEL_OPTION.match(text):
            return  # "**Facts:**", "**Holding:**": a label of what follows, no term
        self._seen.add((text, role))
        if role in ("code", "cmd"):
            self._code.add(text)
        self._by_role[role][section].append(Entry(text, role, group, section))
        self._by_family.pop((role, section), None)  # read again with this entry
        self._marked_in.pop(section, None)

    def _of_family(self, role: str, section: int) -> dict[str, list[Entry]]:
        """A section's entries of a role by family, in the notes' order, read once: each
        question reads the sections around its own, and most take only their answer's family."""
        found = self._by_family.get((role, section))
        if found is None:
            found = defaultdict(list)
            for e in self._by_role.get(role, {}).get(section, ()):
                found[e.family].append(e)
            self._by_family[(role, section)] = found
        return found

    def _around(self, entries: Sequence[Entry], answer: str) -> Sequence[Entry]:
        """The entries of a section around the answer's own: a section of thousands of terms
        (one long list) would make every question read every one of them."""
        if len(entries) <= 2 * ENTRY_WINDOW + 1:
            return entries
        cached = self._entry_index.get(id(entries))
        if cached is None or cached[0] is not entries or cached[1] != len(entries):
            index: dict[str, int] = {}
            for n, e in enumerate(entries):
                index.setdefault(e.text, n)
            cached = (entries, len(entries), index)
            self._entry_index[id(entries)] = cached
        i = cached[2].get(" ".join(answer.split()).strip(), 0)
        return entries[max(0, i - ENTRY_WINDOW) : i + ENTRY_WINDOW + 1]

    def alternatives(
        self,
        answer: str,
        fact: Fact,
        roles: Iterable[str],
        siblings: Iterable[str] = (),
        avoid: str = "",
        want: int = 3,
        closed: bool = False,
        any_shape: bool = False,
        marked_term: bool = False,
        near_roles: Iterable[str] = (),
        names_nearby: bool = False,
        exclude: Iterable[str] = (),
        any_form: bool = False,
    ) -> list[str]:
        """Up to `want` wrong options: siblings first, then the same role and family in the
        same section, then nearby sections. `closed`: siblings only (a closed set, such as the
        two strategies there are). `any_shape`: options of any shape; `marked_term`: the answer
        is a term the author marked (bold, code) in a list, so its siblings and the notes' other
        marked terms are kin whatever their shape, an unmarked phrase ("CPU unit:") only of its
        shape."""
        fam = family(answer)
        exclude = list(exclude)
        barred = {norm(x) for x in exclude}
        if fam == "kv":  # `restartPolicy: Always` beside the other values the notes give its key
            siblings = [*siblings, *self.key_values(answer)]
        # a key's values and the settings of a list are kin only when of one kind
        shapeless = any_shape or marked_term
        # (members of a list that names their kind, "Role types:", are of that kind)
        fits = [s for s in siblings if (shapeless or _sibling_fits(s, answer))
                and norm(s) not in barred
                and (fact.category is not None or self.same_thing(answer, s))
                and ((fam not in _KIND_SIBLINGS and family(s) not in _SETTING_SHAPES)
                     or self.same_kind(answer, s, fact))]  # fmt: skip
        formed = fits
        if not any_form and answer.strip("`") not in self._code:
            formed = of_form(answer, fits)  # names (not code) of the answer's form
        if formed != fits:
            alike = self.alternatives(answer, fact, roles, formed, avoid, want, True, any_shape,
                                    marked_term, near_roles, names_nearby, exclude, True)  # fmt: skip
            if len(alike) >= 2:  # else a question of mixed forms, as before the rule
                return alike
        if fits and not closed and noun_named(answer) and all(map(_proper_name, fits)):
            # "Resource policy" is no product: beside "Amazon Cognito" and "AWS Elastic
            # Beanstalk" it is the odd one, so only the notes' other policies will do
            return self.same_head(answer, fact, avoid, want)
        if fact.role == "topic" and _after_article(fact.sentence, answer, last=True):
            # "inside the ___": a topic the notes never write as "the X" (IAM, GKE) is no place
            # ("a ___ gateway" names the gateway: there the article is the gateway's)
            fits = [s for s in fits if self._written_with_article(s)]
        # like-named siblings first ("VACUUM ANALYZE" beside "VACUUM FULL")
        words = norm_words(answer)
        named_alike = [not words.isdisjoint(norm_words(s)) for s in fits]  # once per sibling
        tiers: list[list[str]] = [
            [s for s, alike in zip(fits, named_alike, strict=True) if alike],
            [s for s, alike in zip(fits, named_alike, strict=True) if not alike],
            [],
            [],
        ]

        def far() -> tuple[list[str], list[str]]:
            """Tier 2 (the same role and family in the same section) and tier 3 (nearby
            sections)."""
            near: list[str] = []
            other: list[str] = []
            if closed:
                return near, other
            here = fact.section.index
            head = head_noun(answer)
            kinds: dict[str, bool] = {}  # an entry is read in both loops: judged once

            def same_kind(text: str) -> bool:
                found = kinds.get(text)
                if found is None:
                    found = kinds[text] = self.same_kind(answer, text, fact)
                return found

            for role in near_roles:
                for e in self._around(self._by_role.get(role, {}).get(here, []), answer):
                    # a marked phrase of the same section is kin only when it names the same
                    # kind of thing: "global tables" is no "read request unit"
                    kin = role != "bold" or head_noun(e.text) == head
                    # and code only beside code of its shape: a command, or a single name
                    kin = kin and (role != "code" or command_like(e.text) == command_like(answer))
                    kin = kin and same_kind(e.text)
                    # a setting written with its value (`fsync = off`) names a setting too:
                    # `archive_mode = on` of its section is another
                    named = _plain_term(e.text) or fam == "kv"
                    if e.family == fam and named and kin and not self.other_level(fact, e):
                        near.append(e.text)
            for role in roles:
                sections = self._by_role.get(role, {})
                one_name = names_nearby and shape(answer) in ("Name", "Pascal")
                window = SECTION_WINDOW if fam in _TYPED or one_name else 0
                if fam == "kv" and not self.key_values(answer):
                    near += self._fields_beside(answer, here)
                for section in range(here - window, here + window + 1):
                    if any_shape or marked_term:
                        entries = sections.get(section, [])
                    else:  # only an entry of the answer's family can be offered
                        entries = self._of_family(role, section).get(fam, [])
                    for e in self._around(entries, answer):
                        if fam == "kv" and section != here and not _kin_values(answer, e.text):
                            continue  # `suspend: true` of a Job is no field of a Service
                        if one_name and (
                            shape(e.text) not in ("Name", "Pascal") or len(e.text) < 3
                        ):
                            continue  # a one-word name is offered beside one-word names only
                            # ("Audit logs" is no kind of "Members", even in one section)
                        if section != here and self.other_product(e.text, section, here):
                            continue  # a feature of the product another section is about
                        shaped = (
                            any_shape or e.family == fam or (marked_term and self._marked(e.text))
                        )
                        if self.other_level(fact, e):
                            continue  # an item of a list above or below the answer's own
                        if (answer, here) in self._leading and (e.text, section) in self._inner:
                            continue  # COW, said inside RDB's line, is no kin of AOF's lead
                        if shaped and same_kind(e.text):
                            (near if section == here else other).append(e.text)
            return near, other

        # names of the answer's kind only (a duration setting beside durations): the rule
        # read over every tier at once, so a like name from afar beats an unlike one here;
        # where it judges each name on its own, the far tiers are read only once the
        # siblings leave room (a long list's item has its options among its siblings)
        alone = judged_alone(answer, self.name_kinds)
        if not alone:
            tiers[2:] = far()
        like = set(kept_by_kind(answer, [t for tier in tiers for t in tier], self.name_kinds))
        tiers = [[t for t in tier if t in like] for tier in tiers]
        out: list[str] = []
        rivals = [] if closed else self.rivals(answer)
        if rivals:  # a name the notes set the answer against ("Azure Policy vs RBAC") first
            for t in rivals:
                if (
                    len(out) < want
                    and norm(t) not in barred
                    and acceptable(t, answer, out, avoid, sibling=True)
                    and self.same_form(answer, t)
                    and not (avoid and self.said_elsewhere(t, avoid, fact))
                ):
                    out.append(t)
        full = False
        for n in range(len(tiers)):
            if full or (n == 3 and len(out) >= 2):
                break  # three options of the notes' own kind beat a fourth from far away
            if n == 2 and alone:
                tiers[2:] = far()
                like = set(kept_by_kind(answer, tiers[2] + tiers[3], self.name_kinds))
                tiers[2:] = [[t for t in tier if t in like] for tier in tiers[2:]]
            tier = tiers[n]
            ranked = [t for t in tier if norm(t) not in barred
                      and (n < 2 or not (self.other_set(answer, t, here=fact.section.index)
                                         or self.the_whole(answer, t)))]  # fmt: skip
            for t in islice(likeliest(answer, ranked, fact.id), MAX_RANKED):
                if len(out) >= want:
                    full = True
                    break
                if (
                    acceptable(t, answer, out, avoid, sibling=n < 2)
                    and self.same_form(answer, t)
                    and not (avoid and self.said_elsewhere(t, avoid, fact))
                ):
                    out.append(t)
        if len(out) < 2 and all(t in rivals for t in out):
            out = []  # the pair alone is a coin toss: as if the notes set nothing against it
        odd = lone_case(answer, out)
        if odd is not None:  # asked again without it: the next of its kind takes its place
            return self.alternatives(answer, fact, roles, siblings, avoid, want, closed,
                                     any_shape, marked_term, near_roles, names_nearby,
                                     [*exclude, odd])  # fmt: skip
        if self.told_apart(answer):
            kin = self._of_known_kind(answer, out, barred, avoid, want)
            if kin is not None:
                return kin
        if full:
            return self.of_area(answer, out, barred, avoid, want)
        if len(out) < 2 and fact.kind == "term":  # a named thing blanked out of a sentence,
            # with fewer than three options of its kind among the notes' marked terms
            out += [t for t in self._well_known_terms(answer, out, avoid)
                    if norm(t) not in barred][: want - len(out)]  # fmt: skip
        return self.of_area(answer, out, barred, avoid, want)

    def _of_known_kind(
        self, answer: str, out: list[str], barred: set[str], avoid: str, want: int
    ) -> list[str] | None:
        """Options for a feature of a kind the vocabulary tells apart by job: the notes' own
        of that kind, then the kind's well-known values, and nothing else ("read request
        unit" is no DynamoDB feature, "lifecycle policy" no access policy); None when fewer
        than two are found, and the notes' options stand."""
        kind = self.known_kind(answer)
        mine = [o for o in out if kind_of(o) == kind]
        known = [t for t in self._well_known_terms(answer, mine, avoid) if norm(t) not in barred]
        kin = [*mine, *known][:want]
        return kin if len(kin) >= 2 else None

    @property
    def named(self) -> set[str]:
        """The well-known names the notes write (questions.vocabulary), casefolded, read once."""
        if self._named is None:
            texts = self.doc.content if self.doc is not None else ()
            self._named = {m.group(0).casefold() for b in texts for m in names_in(b.text)}
        return self._named

    def known_kind(self, answer: str) -> str | None:
        """The answer's well-known kind in these notes (`vocabulary.kind_in`)."""
        return kind_in(answer.strip("`"), self.named, self.about_aws)

    def told_apart(self, answer: str) -> bool:
        """The answer is of a well-known kind these notes tell apart by job."""
        return told_apart_by_job(answer.strip("`"), self.named, self.about_aws)

    @property
    def about_aws(self) -> bool:
        """The notes are about AWS (questions.service_areas), read once."""
        if self._aws is None:
            self._aws = is_aws_text(self._notes_text())
        return self._aws

    def names_service(self, text: str) -> bool:
        """The text names an AWS service of notes about AWS (questions.service_areas)."""
        return self.about_aws and area_of(text) is not None

    def same_area(self, answer: str, option: str) -> bool:
        """An option fits beside an AWS service answer only as a service of its area."""
        return not self.about_aws or same_area(answer, option)

    def of_area(
        self, answer: str, out: list[str], barred: set[str], avoid: str, want: int
    ) -> list[str]:
        """The wrong options of an AWS service answer made services of its area: the notes'
        own first, then those the notes name, then the other well-known ones. Any other answer
        keeps its options."""
        if not self.names_service(answer):
            return out
        kept = [o for o in out if same_area(answer, o)]
        known = area_services(answer)
        named = self._aws_named()
        ranked = [t for t in known if service_named(t) in named]
        ranked += [t for t in known if service_named(t) not in named]
        mine = {service_named(o) for o in kept}
        for t in ranked:
            if len(kept) >= want:
                break
            if (
                service_named(t) not in mine
                and norm(t) not in barred
                and acceptable(t, answer, kept, avoid)
            ):
                kept.append(t)
                mine.add(service_named(t))
        return kept

    def _aws_named(self) -> frozenset[str]:
        """The well-known AWS services the notes name anywhere, found on first use."""
        if self._aws_services is None:
            self._aws_services = frozenset(services_in(self._notes_text()))
        return self._aws_services

    def _notes_text(self) -> str:
        """The notes' headings and blocks as one text."""
        if self.doc is None:
            return ""
        return "\n".join(
            [*(s.heading for s in self.doc.sections), *(b.text for b in self.doc.blocks)]
        )

    def outcomes(
        self, answer: str, fact: Fact, avoid: str = "", want: int = 3, taken: Sequence[str] = ()
    ) -> list[str]:
        """What else the answer's section says happens to a thing (`throttled` beside
        `OOMKilled`, "evicted", "rejected"): the participles written after an arrow or after
        "gets"/"is". Offered beside an answer that is such an outcome itself, so a pair the
        notes contrast in one line is no coin toss."""
        if _outcome_word(answer) is None:
            return []
        found = self._outcomes_in(fact.section.index)
        mine = _outcome_word(answer)
        out: list[str] = []
        for word in dict.fromkeys(found):
            if _outcome_word(word) not in (None, mine) and acceptable(
                word, answer, [*taken, *out], avoid
            ):
                out.append(word)
        return by_likeness(answer, out, fact.id)[:want]

    def _outcomes_in(self, section: int) -> list[str]:
        """The outcome participles of a section, the notes read once for all sections (a pair
        asked in every copy of repeated notes must not scan the notes each time)."""
        if self._outcomes is None:
            self._outcomes = defaultdict(list)
            for b in self.doc.content if self.doc is not None else ():
                if b.kind != "code":
                    text = b.text.replace("**", "")
                    self._outcomes[b.section.index] += [
                        m.group(1) or m.group(2) for m in _OUTCOME.finditer(text)
                    ]
        return self._outcomes.get(section, [])

    def same_kind(self, answer: str, option: str, fact: Fact) -> bool:
        """An option from elsewhere in the notes names the same kind of thing as the answer,
        by what the notes show of both (a shape alone does not say it: `pg_stat_user_tables`
        and `autovacuum_max_workers` are both snake_case, a view and a setting).

        - a snake_case name: both are settings the notes give a value, or neither is and the
          two share a naming affix (`pg_stat_*`, `*_ops`, `*_at`);
        - a kebab or CAPS name: the two share an affix, are marked in one line or lead the
          items of one list;
        - an all-caps word: both or neither are written as code (commands, not concepts);
        - an acronym of a Chinese sentence followed by a noun that says what it is ("RSA 密钥
          交换", "ECDHE 公钥"): the option is written before the same noun somewhere."""
        a, o = answer.strip("`"), option.strip("`")
        fam = family(a)
        if not self.same_thing(a, o):
            return False
        if a.startswith("_") != o.startswith("_"):
            return False  # `__consumer_offsets`, an internal name, is no setting nor value
        if {fam, family(o)} & _SETTING_SHAPES:
            # `auto.offset.reset` (given a value) is a setting, `earliest` one of its values;
            # `replica.lag.time.max.ms` names a time, `retention.bytes` a size
            dims = self._dimension(a), self._dimension(o)
            if all(dims) and dims[0] != dims[1]:
                return False
            if (self._valued(a) or bool(dims[0])) != (self._valued(o) or bool(dims[1])):
                return False
        if fam == "kv" and self.key_values(a):
            # the notes give the key other values: the question is which value (`restartPolicy:
            # Never`, not `clusterIP: None`); a key given one value asks which setting it is
            return _kv_key(a) == _kv_key(o)
        if fam == "path" and family(o) == "path":
            # `kubernetes.io/change-cause` annotation, `kubernetes.io/tls` secret type: one
            # namespace, two kinds of name
            mine, theirs = self._called(a), self._called(o)
            if mine and theirs and not mine & theirs:
                return False
        if fam == "snake":
            if self._valued(a) != self._valued(o):
                return False
            if self._valued(a):  # two settings: a timeout is no body size, nor a switch
                kinds = self._value_kind(a), self._value_kind(o)
                return not (all(kinds) and kinds[0] != kinds[1])
            return bool(_affixes(a) & _affixes(o))
        if fam in ("kebab", "caps"):  # `no-cache` beside `max-age` of one list, not `on-failure`
            return bool(_affixes(a) & _affixes(o)) or self._listed_together(a, o)
        if shape(a) == shape(o) == "acronym" and self._as_code(a) != self._as_code(o):
            return False  # `VACUUM` and `EXPLAIN` are commands the notes write as code, WAL is not
        if fact.role == "acronym":
            noun = _noun_after(fact.sentence, answer)
            if noun:
                return noun in self._nouns_after(option)
            # "1~3 次 ___": what a number counts takes only what the notes count so too
            unit = _counter_before(fact.sentence, answer)
            return not unit or unit in self._counters_before(option)
        if shape(a) == "acronym" and fact.span == answer:
            # "high load != ___ busy": an acronym modifying a word is asked only beside
            # acronyms the notes write before that word too (OOM is never "busy")
            head = _word_after(fact.sentence, a)
            return not head or head in self._words_after(o)
        return True

    def other_set(self, answer: str, option: str, here: int = -1) -> bool:
        """The notes list the two in named sets, and never in one (or file the option, in
        another section than `here`, under a named kind the answer is not of): the row keys of a table
        (the data types), the marked terms leading a list's items (the states of a failover),
        the one-word names a line marks in code (a variable block's arguments, its types).
        A set holds things of one kind, so a name of another set is of another kind: a
        component beside the states it passes through, a product beside data types."""
        filed = self._filed.get(norm(option))
        # only plain names: a setting's or a path's form already says its kind
        plain = family(answer) in ("name", "lower")
        if filed and plain and all(section != here for _, section in filed):
            kinds = {kind for kind, _ in self._filed.get(norm(answer), ())}
            if kinds.isdisjoint(kind for kind, _ in filed):
                return True  # "Cool", an access tier, beside "Policy" of another section
        sets = self._sets_of()
        mine, theirs = sets.get(norm(answer), _NO_SET), sets.get(norm(option), _NO_SET)
        return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)

    def the_whole(self, answer: str, option: str) -> bool:
        """The option is what the notes' title says they are about (Redis of "Redis notes"):
        the whole every term of the notes is a part of, of another kind than any of them."""
        if self._title_words is None:
            title = self.doc.title if self.doc is not None else ""
            self._title_words = frozenset(norm(w) for w in _TITLE_WORD.findall(title))
        return norm(option) in self._title_words and norm(answer) not in self._title_words

    def table_mates(self, name: str, section: Section | None = None) -> list[str]:
        """The other row keys of every table that has a row for the name, in the notes' order:
        a term the notes define alone, or beside one other, has its like terms there. Not a
        key the name's own row writes (HyperLogLog's encoding "String"): what it is built on.
        With `section`, a name that is a plain word takes only tables under the same top
        heading: App Engine's "Standard" has no like terms in the storage classes' table (a
        name like `useMemo` means one thing wherever it is)."""
        key = norm(name)
        out: list[str] = []
        plain = section is not None and _PLAIN_WORD.fullmatch(name.strip()) is not None
        for block, row_at in self._tables_keyed().get(key, ()):
            if (
                plain
                and section is not None
                and not self._same_topic(self._table_sections[block], section)
            ):
                continue
            keys = self._table_keys[block]
            row = " | ".join(self._table_cells[block][row_at])
            out += [k for k in keys if norm(k) != key and not contains(row, k)]
        return list(dict.fromkeys(out))

    def _same_topic(self, index: int, section: Section) -> bool:
        """The section of that index sits under the same top heading as this one."""
        if self.doc is None or index >= len(self.doc.sections):
            return True
        return self.doc.sections[index].path[:1] == section.path[:1]

    def _tables_keyed(self) -> dict[str, list[tuple[int, int]]]:
        """A row key, folded -> (table, its first row of that key) of every table that has
        one, in the notes' order: read once, not every table per term asked."""
        if self._keyed is None:
            self._keyed = defaultdict(list)
            for block, keys in self._table_keys.items():
                first: dict[str, int] = {}
                for i, k in enumerate(keys):
                    first.setdefault(norm(k), i)
                for k, i in first.items():
                    self._keyed[k].append((block, i))
        return self._keyed

    def _sets_of(self) -> dict[str, frozenset[str]]:
        """Each name -> the sets the notes list it in (`other_set`), read once per notes."""
        if self._sets is None:
            found: dict[str, set[str]] = defaultdict(set)
            for block, keys in self._table_keys.items():
                for k in keys:
                    found[norm(k)].add(f"t{block}")
            leads: dict[int, list[str]] = defaultdict(list)
            for b in self.doc.content if self.doc is not None else ():
                names = [c for c in dict.fromkeys(b.inline.code) if _ONE_NAME.fullmatch(c)]
                if b.kind != "table" and len(names) >= _ENUMERATED:
                    for n in names:  # "Types: `string`/`number`; `any`": a line's names
                        found[norm(n)].add(f"b{b.id}")
                marked = (*b.inline.strong, *b.inline.code)
                if b.kind == "item" and marked and b.text.lstrip(" `*").startswith(marked[0]):
                    leads[b.group].append(marked[0])
            for group, names in leads.items():
                if len(names) >= 2:  # one marked lead makes no set
                    for n in names:
                        found[norm(n)].add(f"g{group}")
            self._sets = {n: frozenset(g) for n, g in found.items()}
        return self._sets

    def same_thing(self, a: str, b: str) -> bool:
        """Not a product beside a feature: "Grafana" (a thing that runs) is no kind of
        "Silences" or "Inhibition" (what one of them does, set as a heading)."""
        kinds = self._thing_kind(a), self._thing_kind(b)
        return not all(kinds) or kinds[0] == kinds[1]

    def _thing_kind(self, name: str) -> str:
        """For a one-word capitalised name: "feature" when it is a common noun (a plural, an
        abstract noun, a noun the notes also write in lower case), "product" when the notes use
        it as a thing that runs (they say "is a …", "listens on …" of it, or it is a made-up
        word they never write in lower case: "Grafana", "Alertmanager"), "" when the notes do
        not tell (a CamelCase name, "ConfigMap", may be either) or it is no such name."""
        found = self._things.get(name)
        if found is not None:
            return found
        kind = ""
        if _CAPITALISED.fullmatch(name):
            lower = name.lower()
            nouns = getAllLemmas(lower).get("NOUN", ())
            if (nouns and nouns[0] != lower) or _ABSTRACT.search(lower):
                kind = "feature"  # "Silences", "Inhibition", "Greylisting"
            elif any(_said_to_run(t, name) for t in self._texts_with(name)):
                kind = "product"
            elif any(find_apart(t, lower, _IN_PATH) >= 0 for t in self._texts_with(lower)):
                # "silence them": a noun written in lower case is a common one; a made-up word
                # so written ("testing failover", "rds and dynamodb") may be either
                kind = "feature" if nouns else ""
            elif not english_word(name) and not re.search(r"[a-z][A-Z]", name):
                kind = "product"
        self._things[name] = kind
        return kind

    def said_elsewhere(self, option: str, stem: str, fact: Fact) -> bool:
        """Another sentence of the notes names the option with most of the stem's words: the
        notes say it fits the stem too."""
        if self.doc is None:
            return False
        if self._sentences is None:
            self._sentences = [(b.id, s) for b in self.doc.content if b.kind != "code"
                               for s in split_sentences(b.text)]  # fmt: skip
            self._folded = [folded(s) for _, s in self._sentences]
            self._by_word = defaultdict(list)
            for i, (_, sentence) in enumerate(self._sentences):
                for w in content_words(sentence):  # a set: each sentence once, in order
                    self._by_word[w].append(i)
        own = fact.block.id
        words, hits, text, starts = self._holding(stem, fact.span or fact.subject)
        if len(words) < 2:
            return False
        # only those writing the option (a stem's common words are in every copy of repeated
        # notes, the option mostly in one): found by one search of the sentences' folded text
        # joined by line breaks (folded text has none), not by a loop over the sentences
        written = folded(option)
        at = self._find(text, written) if written and not self._absent(written, text) else -1
        while at >= 0:
            k = bisect_right(starts, at) - 1
            sentence_block, sentence = self._sentences[hits[k]]
            if sentence_block != own and said_with(words, option, (sentence,)):
                return True
            if k + 1 == len(starts):
                break
            at = self._find(text, written, starts[k + 1])
        if not written:  # the empty option is in every sentence
            said = (self._sentences[i][1] for i in hits if self._sentences[i][0] != own)
            return said_with(words, option, said)
        return False

    def _absent(self, written: str, text: str) -> bool:
        """The text surely does not hold the written option: a piece of it is nowhere in the
        text. Read only of a long text searched often (a long list's stems share their first
        sentences), whose pieces are then gathered once; else False, and the text is searched.
        """
        if len(written) < _GRAM or len(text) < _GRAMMED_LENGTH:
            return False
        grams = self._grams.get(text)
        if grams is None:
            searched = self._searched[text] = self._searched.get(text, 0) + 1
            if searched < _GRAMMED_AFTER:
                return False
            grams = self._grams[text] = frozenset(
                text[i : i + _GRAM] for i in range(len(text) - _GRAM + 1)
            )
        return any(written[i : i + _GRAM] not in grams for i in range(len(written) - _GRAM + 1))

    def _find(self, text: str, written: str, start: int = 0) -> int:
        """`text.find(written, start)` of a non-empty option; in a text searched often (see
        `_absent`) from every place it holds the option, found once: the stems of a long list
        share their text, and each option is offered beside dozens of them."""
        if text not in self._grams:
            return text.find(written, start)
        places = self._places.get((text, written))
        if places is None:
            places = []
            at = text.find(written)
            while at >= 0:
                places.append(at)
                at = text.find(written, at + 1)
            self._places[(text, written)] = places
        i = bisect_left(places, start)
        return places[i] if i < len(places) else -1

    def _holding(self, stem: str, own: str) -> tuple[frozenset[str], list[int], str, list[int]]:
        """The stem's content words but the key's own (`own`), and the sentences that hold
        every one of them, in order, with their folded text joined by line breaks and where
        each starts in it: a look-up, not a scan. Read once per stem, as each option a question
        ranks asks it again."""
        found = self._stem_hits.get((stem, own))
        if found is None:
            words = frozenset(content_words(stem) - content_words(own))
            hits: list[int] = []
            if len(words) >= 2:  # fewer say too little to match a sentence by
                hits = self._holding_all(words)
            key = tuple(hits)  # the stems of one long list share their first sentences
            joined = self._joined.get(key)
            if joined is None:
                pieces = [self._folded[i] for i in hits]
                starts, at = [], 0
                for piece in pieces:
                    starts.append(at)
                    at += len(piece) + 1
                joined = self._joined[key] = ("\n".join(pieces), starts)
            found = self._stem_hits[(stem, own)] = (words, hits, *joined)
        return found

    def _holding_all(self, words: frozenset[str]) -> list[int]:
        """The first MAX_SAID_HITS sentences holding every word, in order, read once per set of
        words (the stems of one long list of like items share theirs): the rarest word's
        sentences intersected with the others' a slice at a time, so a stem whose words are in
        thousands of sentences reads the first of them only (intersecting every word's
        sentences cost the size of the notes per stem)."""
        found = self._word_hits.get(words)
        if found is not None:
            return found
        rarest, *rest = sorted(words, key=lambda w: (len(self._by_word.get(w, ())), w))
        mine = self._by_word.get(rarest, [])
        others = [self._word_set(w) for w in rest] if mine else []
        out: list[int] = []
        for at in range(0, len(mine), _HITS_SLICE):
            out += sorted(set(mine[at : at + _HITS_SLICE]).intersection(*others))
            if len(out) >= MAX_SAID_HITS:
                break
        found = self._word_hits[words] = out[:MAX_SAID_HITS]
        return found

    def _word_set(self, word: str) -> frozenset[int]:
        """A word's sentences as a set, made on first use."""
        found = self._word_sets.get(word)
        if found is None:
            found = self._word_sets[word] = frozenset(self._by_word.get(word, ()))
        return found

    def other_product(self, option: str, section: int, here: int) -> bool:
        """The answer's section's headings name a product ("Pulumi") that the option's section
        does not ("Imports" under "Terraform", "Detection" under "Drift"): the stem, labelled
        with its section, is about that product, and the option is plainly a label of another
        part of the notes. A product itself stays an option beside another product."""
        theirs, mine = self._products(section), self._products(here)
        return bool(mine) and not theirs & mine and option not in theirs

    def _products(self, section: int) -> frozenset[str]:
        """The products a section's headings name (its path leaves out the notes' title)."""
        found = self._section_products.get(section)
        if found is None:
            sections = self.doc.sections if self.doc is not None else ()
            path = sections[section].path if 0 <= section < len(sections) else ()
            words = {w for h in path for w in _CAPITALISED.findall(h)}
            found = frozenset(w for w in words if self._thing_kind(w) == "product")
            self._section_products[section] = found
        return found

    def _marked(self, text: str) -> bool:
        """The notes mark the text somewhere: in bold or as code."""
        return text in self._code or (text, "bold") in self._seen

    def _as_code(self, word: str) -> bool:
        """The notes write the word as code, alone or leading a command (`VACUUM ANALYZE`)."""
        if self._code_heads is None:
            self._code_heads = {t.split()[0] for t in self._code if t.split()}
        return word in self._code_heads

    def peer_of(self, name: str, sides: Sequence[str], skip: int) -> bool:
        """The notes show the name is of the sides' kind: a table's cell is the name where
        another row's cell of that column is a side, or it leads an item of a list a side leads
        an item of too, or of a list of names each set against a side in its item. A table row that writes it in another cell than a side says it is
        another kind of thing (`80 | TCP | HTTP`: the service beside its transport), and the
        notes' silence says nothing: no peer.
        `skip`: the comparison table's own block (its cells say what each side is used for)."""
        key = (name, tuple(sides), skip)
        if key not in self._peers:
            self._peers[key] = self._peer_of(name, sides, skip)
        return self._peers[key]

    def _peer_of(self, name: str, sides: Sequence[str], skip: int) -> bool:
        side_leads, against, side_rows = self._sides_in_lists(tuple(sides))
        leads = {group: set(names) for group, names in side_leads.items()}
        for group, lead in self._leads.get(name[:1], ()) if name else self._all_leads():
            if lead.startswith(name):
                leads.setdefault(group, set()).add(name)
        rows = self._rows or []
        asked = sorted({*side_rows, *(i for i, (_, _, text) in enumerate(rows) if name in text)})
        whole: dict[tuple[int, int], set[str]] = defaultdict(set)  # column -> names filling a cell
        for block, row, _ in (rows[i] for i in asked):  # words only in a row that holds them
            if block == skip:
                continue
            if any(_as_word(name, c) for c in row) and any(
                any(_as_word(n, c) for n in sides) and not _as_word(name, c) for c in row
            ):
                return False  # a row writes it and a side apart: "80 | TCP | HTTP"
            for j, cell in enumerate(row):
                whole[(block, j)].add(cell.strip("`* "))
        # "| archive | LTO |" below "| hot | SSD |": a cell holds it where one holds a side
        same = any(name in w and any(n in w for n in sides) for w in whole.values())
        groups = (*leads.values(), *against.values())
        return same or any(name in g and len(g) > 1 and not g <= set(sides) for g in groups)

    def _sides_in_lists(
        self, sides: tuple[str, ...]
    ) -> tuple[dict[int, set[str]], dict[int, set[str]], list[int]]:
        """What `_peer_of` reads of the sides alone, once per pair for all the names asked
        beside it: list group -> the sides leading its items, list group -> the marked names
        leading items that name a side, and the table rows that hold a side."""
        found = self._sides_read.get(sides)
        if found is not None:
            return found
        if self._rows is None:  # read once: every comparison of two asks of its own names
            content = self.doc.content if self.doc is not None else ()
            self._rows = [(blk.id, row, " | ".join(row)) for blk in content
                          if blk.kind == "table" and blk.table is not None
                          for row in blk.table.rows]  # fmt: skip
            self._items = [
                (blk.group, blk.text, blk.text.lstrip().lstrip("`*"),
                 (*blk.inline.strong, *blk.inline.code, "")[0])
                for blk in content if blk.kind == "item"
            ]  # fmt: skip
            for group, _, lead, _ in self._items:  # by first letter: a name leads few items
                self._leads[lead[:1]].append((group, lead))
        leads: dict[int, set[str]] = defaultdict(set)  # list group -> names leading its items
        against: dict[int, set[str]] = defaultdict(set)  # ... leading items that name a side
        for group, text, lead, marked in self._items:
            for n in sides:
                if lead.startswith(n):
                    leads[group].add(n)
            # "**Dragonfly** speaks the Redis protocol", "**Couchbase** started from
            # Memcached": a list of like things, each set against a side
            if (
                marked
                and lead.startswith(marked)
                and any(n in text and _as_word(n, text) for n in sides)
            ):
                against[group].add(marked)
        rows = [i for i, (_, _, text) in enumerate(self._rows) if any(n in text for n in sides)]
        self._sides_read[sides] = found = (leads, against, rows)
        return found

    def _all_leads(self) -> Iterator[tuple[int, str]]:
        return ((group, lead) for group, _, lead, _ in self._items)

    def _listed_together(self, a: str, b: str) -> bool:
        """Both names are marked in one line, or both lead items of one list (`max-age=3600`
        and `no-cache`, not `on-crash` and a `back-off` said in a later item)."""
        if self._groups is None:
            self._groups = defaultdict(set)
            for blk in self.doc.content if self.doc is not None else ():
                for span in (*blk.inline.code, *blk.inline.strong):
                    # one line's spans, or the terms that lead the items of one list
                    where = {f"b{blk.id}"}
                    if blk.kind == "item" and blk.text.lstrip().startswith(span):
                        where.add(f"g{blk.group}")
                    self._groups[re.split(r"[=:\s]", span.strip(), maxsplit=1)[0]] |= where
        return bool(self._groups.get(a, set()) & self._groups.get(b, set()))

    def _texts(self) -> list[str]:
        """Every prose line and table row of the notes, for telling how a name is used."""
        if self._lines is None:
            doc = self.doc
            self._lines = [] if doc is None else [
                line
                for b in doc.content if b.kind != "code"
                for line in ([b.text] if b.table is None else [" | ".join(r) for r in b.table.rows])
            ]  # fmt: skip
        return self._lines

    def _valued(self, name: str) -> bool:
        """The notes give the name a value: `name = 1 min`, `name (50)`, `name default 128`,
        "3 workers by default (`name`)", or a table row of the name and a number: a setting."""
        if name not in self._values:
            self._values[name] = any(gives_value(t, name) for t in self._texts_with(name))
        return self._values[name]

    def _dimension(self, name: str) -> str:
        """What a setting measures: by the unit its name ends in, else by the value the notes
        give it (a time, a size, a count, a switch), or ""."""
        return _name_dimension(name) or (self._value_kind(name) if self._valued(name) else "")

    def _value_kind(self, name: str) -> str:
        """What kind of value the notes give a setting: the dimension of the first number
        written after it ("defaults to 60 seconds": a time), a switch (on/off), or "" when the
        notes say nothing plain. Kept per name: asked again for every option pair."""
        if name not in self._kinds:
            self._kinds[name] = self._first_value_kind(name)
        return self._kinds[name]

    def _prose_kind(self, name: str) -> str:
        """The value kind (values.value_kind's words) the notes' lines give a setting's name,
        or "" (questions.name_kinds reads tables and code blocks itself). Only for a name
        written as a setting is (`backoffLimit`, `work_mem`, `linger.ms`): prose gives a
        product (`Standard` ... 1 GB), a concept or a kebab token (`max-age=3600` beside
        `no-store`, a directive that takes none) numbers that are no setting's value."""
        if shape(name) not in _PROSE_SETTINGS or not self._valued(name):
            return ""
        kind = self._value_kind(name) or self._kind_before(name)
        return _VALUE_KINDS.get(kind, "count" if kind else "")

    def _kind_before(self, name: str) -> str:
        """The dimension of the number a line writes before the name in parentheses ("at
        most 4 purge threads by default (`innodb_purge_threads`)": a count), or ""."""
        for t in self._texts_with(name):
            at = t.find(name)
            if at > 0 and _CLOSE_AFTER.match(t, at + len(name)) and _NUMBER_BEFORE.search(t[:at]):
                found = numbers_in(t[:at])
                if found:
                    return _DIMENSION.get(found[-1].unit, found[-1].unit or "count")
        return ""

    def _first_value_kind(self, name: str) -> str:
        for t in self._texts_with(name):
            after = _said_after(t, name)
            if after is None:
                continue
            if _SWITCH.match(after):
                return "switch"
            if _WORD_DEFAULT.match(after):
                return "word"  # "`fill.mode`: `lazy` by default": one of a few named values
            found = numbers_in(after)
            if found:
                return _DIMENSION.get(found[0].unit, found[0].unit or "count")
        return ""

    def code_naming(self, name: str) -> list[str]:
        """The code lines that write the name as a word of their own (a config file's
        "worker_connections 10240;  # 编译默认 512，发行版里写的 1024"), indexed once per notes."""
        if self._code_tokens is None:
            self._code_tokens = defaultdict(list)
            for b in self.doc.content if self.doc is not None else ():
                for line in b.code.splitlines() if b.kind == "code" else ():
                    for token in set(_ONE_NAME.findall(line)):
                        self._code_tokens[token].append(line)
        return self._code_tokens.get(name, [])

    def said_after_default(self, name: str, value: str) -> str:
        """What the comments of the code lines writing the name say after stating its value
        ("# built-in default 150, the studio preset writes 200", "# 编译默认 512，发行版
        nginx.conf 里写的 1024"): another value the notes give the setting beside its default,
        so no wrong option for a question on the default (it would be a second key)."""
        said = re.compile(rf"(?<![\w.]){re.escape(value)}(?![\w.])")
        out = []
        for line in self.code_naming(name.strip("`")):
            comment = _LINE_COMMENT.search(line)
            found = said.search(comment.group(1)) if comment else None
            if comment is not None and found is not None:
                out.append(comment.group(1)[found.end() :])
        return " ".join(out)

    def texts_naming(self, name: str) -> list[str]:
        """The notes' lines that write the name (what else they say of it)."""
        return self._texts_with(name) if name.split() else []

    def _texts_with(self, name: str) -> list[str]:
        """The lines that write the name and hold its first word as a word: only those can say
        how it is used. Found through an index of words and kept per name, so a name costs its
        own lines once, not every line sharing its first word (the same "max" or "autovacuum"
        opens names in every copy of repeated notes) each time it is asked."""
        found = self._naming.get(name)
        if found is not None:
            return found
        texts = self._texts()
        if self._by_token is None:
            self._by_token = defaultdict(list)
            for i, t in enumerate(texts):
                for tok in set(_TOKEN.findall(t.casefold())):
                    self._by_token[tok].append(i)
        first = _TOKEN.findall(name.casefold())
        if first:  # one pass over its first word's lines: the word opens names in every copy
            found = [
                t for t in map(texts.__getitem__, self._by_token.get(first[0], ())) if name in t
            ]
        else:
            found = [t for t in texts if name in t]
        self._naming[name] = found
        return found

    def key_values(self, answer: str) -> list[str]:
        """The other values the notes give a `key: value` answer's key, written as the answer
        is: `restartPolicy: Never` written so, or listed after the key ("restartPolicy: Always
        (default), OnFailure, Never")."""
        if answer in self._key_values:
            return self._key_values[answer]
        m = _KV.fullmatch(answer.strip("`"))
        if m is None:
            return []
        key, sep, value = m.groups()
        found: list[str] = []
        for t in self._texts_with(key):
            for at in re.finditer(rf"(?<![\w./-]){re.escape(key)}\s*[:=]\s*", t):
                rest = re.split(r"\s+[—–-]\s+|\s*->|[;.](\s|$)", t[at.end() :], maxsplit=1)[0]
                for item in re.split(r",\s*|\s+or\s+", rest):
                    v = re.sub(r"\s*\(.*?\)", "", item).strip()
                    if re.fullmatch(r"[\w\x22'./-]+", v) and v != value:
                        found.append(f"{key}{sep}{v}")
        self._key_values[answer] = list(dict.fromkeys(found))
        return self._key_values[answer]

    def _called(self, name: str) -> set[str]:
        """The nouns the notes call a name by: the word after it ("the `x` annotation") or the
        label of the list it is in ("secret types: `Opaque`, `x`")."""
        if name in self._called_by:  # asked again for every option pair
            return self._called_by[name]
        out: set[str] = set()
        for t in self._texts_with(name):
            for m in re.finditer(rf"(?<![\w./-]){re.escape(name)}(?![\w/-])", t):
                after = re.match(r"\s+([a-z]+)\b", t[m.end() :])
                if after and after.group(1) not in STOP_EN and not verb_like(after.group(1)):
                    out.add(singular_word(after.group(1)))
                label = re.match(r"\W*([A-Za-z][\w ]{0,40}?)\s*:\s", t[: m.start()])
                if label:
                    out.add(singular_word(label.group(1).split()[-1].lower()))
        self._called_by[name] = out
        return out

    def _nouns_after(self, term: str) -> set[str]:
        """The nouns the notes write right after the term ("ECDHE 公钥" -> 公钥)."""
        if term in self._nouns:
            return self._nouns[term]
        out: set[str] = set()
        for t in self._texts_with(term):
            for m in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", t):
                noun = _noun_after(t[m.start() :], term)
                if noun:
                    out.add(noun)
        self._nouns[term] = out
        return out

    def _counters_before(self, term: str) -> set[str]:
        """The counter words the notes write the term after ("3 次 IO" -> 次)."""
        if term in self._counters:  # asked again for every question offering the term
            return self._counters[term]
        out: set[str] = set()
        for t in self._texts_with(term):
            for m in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", t):
                unit = _counter_before(t[: m.end()], term)
                if unit:
                    out.add(unit)
        self._counters[term] = out
        return out

    def _fields_beside(self, answer: str, section: int) -> list[str]:
        """The answer's value said of the other fields its section names as code (`targetPort:
        None` beside `clusterIP: None` where the section writes `targetPort`): the fields of
        the answer's own object, when the notes give no other `key: value` of it and its value
        is a free-text one that any field of the object may take."""
        m = _KV.fullmatch(answer.strip("`"))
        if m is None:
            return []
        key, sep, value = m.groups()
        if value_kind(value) != "text":
            return []  # `primary_conninfo = on`: a switch's kin are the notes' other switches
        if not _PLAIN_VALUE.fullmatch(value):
            # `grant_type=client_credentials`: a value named for its own field; set on
            # `access_token` or `expires_in` it is nonsense no reader would pick
            return []
        return [
            f"{e.text}{sep}{value}"
            for e in self._by_role.get("code", {}).get(section, ())
            if e.text != key and family(e.text) == family(key) and family(key) in _TYPED
        ]

    def _words_after(self, term: str) -> set[str]:
        """The English words the notes write right after the term ("CPU busy" -> busy)."""
        if term in self._after:
            return self._after[term]
        out: set[str] = set()
        for t in self._texts_with(term):
            for m in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", t):
                word = _word_after(t[m.start() :], term)
                if word:
                    out.add(word)
        self._after[term] = out
        return out

    def _written_with_article(self, name: str) -> bool:
        """The notes write the name after an article somewhere ("the VPC", "a VPC network")."""
        return any(_after_article(t, name) for t in self._texts_with(name))

    def rivals(self, answer: str) -> list[str]:
        """The defined terms the notes set the answer against at the head of a line (`rivals`),
        as the notes define them ("RBAC" of "Azure Policy vs RBAC" is "Azure RBAC")."""
        if self._contrasted is None:
            doc = self.doc
            texts = [b.text for b in doc.content if b.kind != "code"] if doc is not None else []
            texts += [s.heading for s in doc.sections] if doc is not None else []
            self._contrasted = contrasted(texts)
            for f in self.definitions if self._contrasted else ():
                for form in name_forms(f.subject):
                    self._defined_as.setdefault(form, f.subject)
        if not self._contrasted:
            return []  # most notes set nothing against anything: no name read
        found: list[str] = []
        for form in name_forms(answer):
            for rival in sorted(self._contrasted.get(form, ())):
                name = next((n for r in name_forms(rival) if (n := self._defined_as.get(r))), None)
                if name is not None and norm(name) != norm(answer) and name not in found:
                    found.append(name)
        return found

    def commands_near(self, answer: str, fact: Fact) -> list[str]:
        """The program-and-subcommand heads of the notes' command lines near the fact that run
        the answer's program (`helm upgrade` of `helm upgrade web ./chart` beside `helm lint`)."""
        program = answer.split()[0]
        here = fact.section.index
        return [head for s in range(here - SECTION_WINDOW, here + SECTION_WINDOW + 1)
                for e in self._by_role.get("cmd", {}).get(s, ())
                if (head := command_head(e.text)) != answer and head.split()[0] == program
                and " " in head]  # fmt: skip

    def written_beside(
        self, names: Sequence[str], fact: Fact, skip: Collection[str] = ()
    ) -> list[str]:
        """The notes' names near the fact, of the first name's family, that a line of the notes
        writes beside one of the names as a word of its own ("QUIC 基于 UDP", `pg_restore`
        reading what `pg_dump` writes): like things the notes set beside them. A command line
        gives its program (`pg_restore` of `pg_restore -d shop_copy`). `skip`: lines not read
        (a comparison's own rows list what each side is used for, not its peers)."""
        fam, here = family(names[0]), fact.section.index
        key = (tuple(names), here, frozenset(skip))
        if key not in self._beside:  # every row of a comparison asks it again
            self._beside[key] = self._written_beside(names, fam, here, skip)
        return self._beside[key]

    def _written_beside(
        self, names: Sequence[str], fam: str, here: int, skip: Collection[str]
    ) -> list[str]:
        found: dict[str, None] = {}
        for role, sections in self._by_role.items():
            for s in range(here - SECTION_WINDOW, here + SECTION_WINDOW + 1):
                for e in sections.get(s, ()):
                    text = command_head(e.text).split()[0] if role == "cmd" else e.text
                    if text not in names and family(text) == fam:
                        found.setdefault(text)
        return [t for t in found if any(_as_word(n, line) for line in self._texts_with(t)
                                        if line not in skip for n in names)]  # fmt: skip

    def _well_known(
        self, answer: Number, role: str, sentence: str, have: set[float], avoid: str
    ) -> set[float]:
        """Well-known ports or status codes for an answer the notes give too few like values
        for (questions.vocabulary)."""
        taken = {fmt_number(x) for x in have}
        out: set[float] = set()
        for text in like_numbers(role, answer.text, sentence, taken):
            x = float(text)
            if role == "port" and not fair_port(x, answer.value, known=True):
                continue  # 53 beside 6379, Redis's 6379 beside a pooler's 6432
            if x != answer.value and acceptable(text, answer.text, [], avoid, numeric=True):
                self._written.setdefault((answer.unit, x), text)  # "27017", never "27,017"
                out.add(x)
        return out

    def _well_known_terms(self, answer: str, out: list[str], avoid: str) -> list[str]:
        """Well-known values of the answer's kind (questions.vocabulary) for an answer the notes
        give fewer than two like options for: those the notes write first, then the rest, each
        most like the answer first."""
        bare = answer.strip("`")
        known = like_terms(bare) if self.known_kind(bare) else []
        mentioned = [t for t in known if t.casefold() in self.named]
        ranked = by_likeness(bare, mentioned, bare) + by_likeness(
            bare, [t for t in known if t not in mentioned], bare
        )
        have = {norm(o) for o in out}
        return [t for t in ranked if norm(t) not in have
                and acceptable(t, bare, out, avoid)]  # fmt: skip

    def same_form(self, answer: str, option: str) -> bool:
        """An option written like the answer: code of the same code form, a flag of the same
        program."""
        a, o = answer.strip("`"), option.strip("`")
        if a in self._code and o in self._code and not _same_code_form(a, o):
            return False  # `SET` beside `PEXPIRE key ms`: the bare name is the answer
        fa, fo = shape(a), shape(o)
        if fa == fo == "flag":
            mine, theirs = self._flag_owners.get(a, set()), self._flag_owners.get(o, set())
            return not mine or bool(mine & theirs)  # `--link` of pg_upgrade, not `-Fp` of pg_dump
        return True

    def prefix_kin(self, answer: str, fact: Fact, avoid: str = "", want: int = 3) -> list[str]:
        """The notes' names written with the answer's camelCase prefix ("useMemo": useState,
        useCallback, useRef), nearest sections first, when the notes write at least `want`
        of them: beside a hook, console.time and flushSync are no hooks, and the key is the
        only one of its family at a glance. Empty when the family is smaller."""
        m = _CAMEL_PREFIX.fullmatch(answer.strip("`"))
        if m is None:
            return []
        here = fact.section.index
        named = [
            (section, e.text)
            for role in ("code", "term", "bold")
            for section, entries in self._by_role.get(role, {}).items()
            for e in entries
        ]
        named += [(self._table_sections.get(b, here), k)  # a table's rows name hooks too
                  for b, keys in self._table_keys.items() for k in keys]  # fmt: skip
        found = [
            (abs(section - here), text)
            for section, text in named
            if (k := _CAMEL_PREFIX.fullmatch(text)) is not None and k.group(1) == m.group(1)
        ]
        names: list[str] = []
        for _, text in sorted(found, key=lambda x: x[0]):
            if text not in names and acceptable(text, answer, names, avoid):
                names.append(text)
        return names[:want] if len(names) >= want else []

    def marked(self, text: str, section: int) -> bool:
        """The author marked this term (bold or code) in the section."""
        found = self._marked_in.get(section)
        if found is None:
            found = self._marked_in[section] = frozenset(
                e.text
                for role in ("bold", "code")
                for e in self._by_role.get(role, {}).get(section, ())
            )
        return text in found

    def same_head(self, answer: str, fact: Fact, avoid: str = "", want: int = 3) -> list[str]:
        """Terms of the notes named with the answer's head noun: "dead letter queue" beside
        "SQS queue", "lifecycle policy" beside "Resource policy", "deployment policy"."""
        head = head_noun(answer)
        here = fact.section.index
        if not self._by_head:  # built on first use: most notes never ask for it
            for sections in self._by_role.values():
                for section, entries in sections.items():
                    for e in entries:
                        if head_noun(e.text):
                            self._by_head[(head_noun(e.text), section)].append(e)
        near = [e.text for s in range(here - 4 * SECTION_WINDOW, here + 4 * SECTION_WINDOW + 1)
                for e in self._by_head.get((head, s), ()) if len(e.text.split()) >= 2]  # fmt: skip
        if len(near) < want and noun_named(answer):
            near += self._written_with_head(answer.split()[-1])  # "lifecycle policy" in prose
        return self.alternatives(answer, fact, (), siblings=near, avoid=avoid, want=want,
                                 closed=True, any_shape=True)  # fmt: skip

    def _written_with_head(self, head: str) -> list[str]:
        """The notes' two-word names of a kind written in prose ("lifecycle policy", "bucket
        policy"): a modifier that is a word of its own (no article, pronoun or verb) before the
        head noun."""
        found: dict[str, None] = {}
        pattern = rf"(?<![\w-])([A-Za-z][\w-]+) {re.escape(head)}(?![\w-])"
        for line in self._texts_with(head):
            for m in re.finditer(pattern, line):
                word = m.group(1)
                if word.casefold() not in STOP_EN and not verb_like(word):
                    found.setdefault(m.group(0))
        return list(found)

    def _nines_near(self, role: str, here: int) -> bool:
        return any(99 < x < 100 for x in self._near_numbers("%", role, here))

    def numbers(
        self,
        answer: Number,
        role: str,
        fact: Fact,
        avoid: str = "",
        want: int = 3,
        least: int = 2,
        vary: bool = True,
    ) -> list[str]:
        """Same-unit values: a quantity's near misses, or other identifiers of its kind; with
        `vary`, not a set another question already offered beside the same key when another
        set will do (`varied` then says so, for a retry with the first set)."""
        if role == "id":
            return []  # an identifier has no kind to draw like values from
        v = answer.value
        here = fact.section.index
        if role == "quantity" and self._known_port(answer):
            role = "port"  # "talks on 9093" of a port the notes name: no 4546 or 7500 beside it
        places = decimals(answer)
        taken = self.offered[(answer.unit, v)] if vary else set()
        members = self._numbered(fact.sentence, answer)
        if members is not None:  # "RAID 10": RAID 0, 1, 5 and 6 of the notes, never RAID 15
            # (a member's number is a name, written as the key is: "ISO 27002", never 27,002)
            as_key = fmt_number if "," in answer.text else (lambda x: str(int(x)))
            return self._closed_set(answer, members, _id_distance(v, "key"), as_key, fact,
                                    avoid, want, least, taken)  # fmt: skip
        if answer.unit == "%" and 99 <= v < 100 and (v != int(v) or self._nines_near(role, here)):
            # an availability's or a durability's nines: 99.9 %, 99.95 %, 99.999 % beside
            # 99.99 %, never 99.89 % or a rounded 100.00 % (and 99 % beside them, never 50 %
            # or 75 %, where the notes write nines)
            rest = answer.text[len(answer.text) - len(answer.text.lstrip("0123456789.")) :]
            by_nines = lambda x: abs(math.log10(100 - x) - math.log10(100 - v))  # noqa: E731
            return self._closed_set(answer, _NINES, by_nines, lambda x: fmt_number(x) + rest,
                                    fact, avoid, want, least, taken)  # fmt: skip
        if answer.unit == "%" and v == 100 and _AVAILABILITY.search(fact.sentence):
            # "Cloud DNS carries a 100% availability SLA": beside the nines, never 70 % or 90 %
            return self._closed_set(answer, _NINES, lambda x: 100 - x, lambda x: fmt_number(x) + "%",
                                    fact, avoid, want, least, taken)  # fmt: skip
        part = calendar_part(fact.sentence, answer.text)
        if part:  # "1978年___月", "4月___日", "___ May 2018": the months, the days of a month
            last = 12 if part == "month" else 31 if v > 28 else 28
            return self._closed_set(answer, range(1, last + 1), lambda x: abs(x - v),
                                    fmt_number, fact, avoid, want, least, taken)  # fmt: skip
        around = self._near_numbers(answer.unit, role, here)
        if role == "quantity" and _year_like(answer, fact.sentence):
            # "Boynton (Wis. 1885)", "五四运动 1919 →": a year no phrase marks as one is still
            # a year, and its kin are the notes' years (never 2085 or 3752 beside 1885)
            role, around = "year", self._years()
        if role.startswith("key:") and all(_status_like(x) for x in around | {v}):
            role = "code"  # a table of status codes: their classes matter as a code's do
        if role == "quantity":
            # a unit-less count of the notes is no kin of this one; decimals (costs, factors)
            # are kin of decimals (a whole count has none: its section's counts are not read,
            # one long list of them would be read whole for each)
            kin = (
                {x for x in around if x != v and (answer.unit or x != int(x))}
                if answer.unit or places
                else set()
            )
            # as round as the key in the unit it really counts: 604800000 ms is 7 days, so
            # 1, 3 and 14 days in ms, never 750000000
            before = fact.sentence.partition(answer.text)[0]
            size, big = whole_unit(v, counted_unit(answer, before))
            w = v / size
            if size > 1:
                kin = {x for x in kin if x % size == 0}
                # one of a unit: half of it is as round (30 s beside 1, 2 and 3 min), and
                # keeps the key off the low end
                slips = _slips(w, big, 0) | ({0.5} if w == 1 else set())
            else:
                slips = _slips(v, answer.unit, places)
            pool = kin | {x * size for x in slips}
            pool = {x for x in pool if x != v and plausible(x / size, w, big)}
        elif role == "version":
            written = {x: self._text_of(answer.unit, x) for x in around if x != v}
            # the notes' releases of the key's line or a major next to it (2.3 beside 2.4, 3.3
            # and 4.0 beside 3.0; not the 0.9 of another product)
            pool = {x for x, t in written.items() if _release_peer(t, answer.text)}
            # a stem writing another release of its form ("___ -> 18.1") tells the key by
            # arithmetic once the options are its neighbours
            dots = answer.text.count(".")
            told = any(n.text.count(".") == dots for n in numbers_in(avoid))
            if len(pool) < least and not told:
                # too few: the releases around it the notes show to exist (no 0.16 beside
                # 0.11, no 2.9 where the notes stop at 2.4)
                made = _releases(
                    answer.text, self._notes_versions(), self._majors_like(answer.text)
                )
                written |= made
                pool |= set(made)
        else:
            pool = set(around - {v})
            if role == "code" and re.fullmatch(r"[0-7]{3,4}", answer.text):
                # a file mode beside modes: "2" (SGID's digit in a table) is no mode of 644
                pool = {x for x in pool if len(self._text_of(answer.unit, x)) >= 3}
            if role == "code" and _status_like(v):
                # a status code's kin have its three digits: no RFC 6749 beside 400
                pool = {x for x in pool if x < 1000}
            if role == "year":
                # the notes' years near it where there are enough: 2023 beside RSA's 1977 is
                # ruled out by common sense alone (a year is never made up: only the notes'
                # own, as for any identifier)
                near_years = {x for x in pool if abs(x - v) <= _YEAR_REACH}
                pool = near_years if len(near_years) >= least else pool
            if role == "port":
                # the notes' own ports, then the ones everyone knows: never a port made up
                # around the key (9098, 9099 and 9102 beside 9100 leave it the round one)
                pool |= self._notes_ports() - {v}
                pool = {x for x in pool if fair_port(x, v)}  # no 443 beside 6379
            # fewer than three of its kind in the notes, or codes of its class on one side only
            short = want if role == "port" else least
            # counted without those the stem says: "400: … may be ___" offers no 400
            unsaid = {x for x in pool if acceptable(self._text_of(answer.unit, x), answer.text,
                                                    [], avoid, numeric=True)}  # fmt: skip
            if len(unsaid) < short or _one_sided(v, pool, role):
                # what the block is said under may say its codes are HTTP's ("Status codes:")
                said = f"{fact.block.under}\n{fact.sentence}"
                pool |= self._well_known(answer, role, said, pool, avoid)
        if answer.unit == "%":
            pool = {x for x in pool if x <= 100}
        if answer.unit == "age":  # "年满75周岁": ages people reach, never 150; near ones too
            pool = {x for x in pool | {v - 5, v - 2, v + 2, v + 5} if 0 < x <= 100 and x != v}
        if answer.unit == "decade":  # "the 1920s": the decades around it, never the 3000s
            decades = {v - 20, v - 10, v + 10, v + 20}
            pool = {x for x in pool | decades if abs(x - v) <= 60 and x % 10 == 0 and x != v}
        bounds = stated_range(fact.sentence, answer)
        if bounds is not None:  # "# 1-9, default 1": no 0 beside it
            pool = {x for x in pool if bounds[0] <= x <= bounds[1]}
        bracket = _year_bracket(fact.sentence, answer) if role == "year" else None
        if bracket is not None:  # "1651 first Navigation Act · ___ · 1663": a year between
            inside = {float(y) for y in range(int(bracket[0]) + 1, int(bracket[1]))}
            pool = {x for x in pool | inside if bracket[0] < x < bracket[1] and x != v}

        def text(x: float) -> str:
            if role == "quantity" or (role == "year" and answer.unit):
                return with_value(answer, x)  # "2025 年" beside "2024 年", never "2024"
            return written[x] if role == "version" else self._text_of(answer.unit, x)

        def fits(x: float) -> bool:
            return acceptable(text(x), answer.text, [], avoid, numeric=True)

        if role == "port" and _beside_told(v, avoid, pool, fits):
            return []
        # only the few nearest fitting values are read: a port's pool is every port of the
        # notes, and checking each for each question grew with the square of the notes
        read = max(least, want * SPREAD_READS)
        if role != "quantity":
            # "18.0 -> ___": a minor version among minor versions, a major among majors
            dots = answer.text.count(".")
            by_id = _id_distance(v, role)
            like = nearest(pool, by_id, read, lambda x: fits(x) and text(x).count(".") == dots)
            if len(like) < least:
                return []  # (fewer than `least` fitting values at all: none of one form either)
            reach = 100.0 if role == "code" else math.inf
            chosen = spread(v, like, want, fact.id, by_id, reach, taken)
        else:
            distance = lambda x: _log_distance(x, v)  # noqa: E731
            near = nearest(pool, distance, read, fits)
            if len(near) < least:
                return []
            chosen = spread(v, near, want, fact.id, distance, _FAR, taken, 1, kin)
            if _alone_unround(v, answer.unit, chosen):
                near = nearest(_same_form(v), distance, read, fits)
                if len(near) >= least:
                    chosen = spread(v, near, want, fact.id, distance, _FAR, taken, 1, kin)
        self.varied = bool(taken) and tuple(chosen) not in taken
        self.offered[(answer.unit, v)].add(tuple(chosen))
        return [text(x) for x in chosen]

    def _closed_set(
        self,
        answer: Number,
        members: Iterable[float],
        distance: Callable[[float], float],
        text: Callable[[float], str],
        fact: Fact,
        avoid: str,
        want: int,
        least: int,
        taken: set[tuple[float, ...]],
    ) -> list[str]:
        """Options from the only values the answer's kind has (a numbered family's members, an
        availability's nines), nearest first; none when fewer than `least` fit."""
        v = answer.value
        like = nearest(members, distance, max(least, want * SPREAD_READS), lambda x: x != v
                       and acceptable(text(x), answer.text, [], avoid, numeric=True))  # fmt: skip
        if len(like) < least:
            return []
        chosen = spread(v, like, want, fact.id, distance, math.inf, taken)
        self.offered[(answer.unit, v)].add(tuple(chosen))
        return [text(x) for x in chosen]

    def _numbered(self, sentence: str, answer: Number) -> set[float] | None:
        """The notes' other members of a numbered family the answer is one of ("RAID 10" where
        the notes write RAID 0, 1, 5, 6 and 10; "SHA-256" beside SHA-1 and SHA-512): a name
        in capitals written with at least three different numbers. None when the answer is
        no such member."""
        if answer.unit or not answer.text.isdigit():
            return None
        if self._families is None:
            found: dict[str, set[float]] = defaultdict(set)
            for b in self.doc.content if self.doc is not None else ():
                for name, number in _members(b.text):
                    found[name].add(float(number))
            self._families = {w: xs for w, xs in found.items() if len(xs) >= 3}
        for name, number in _members(sentence):
            if number == answer.text and name in self._families:
                return self._families[name]
        return None

    def _notes_ports(self) -> set[float]:
        """The ports the notes write anywhere: said as ports ("port 5432", "listens on
        9093") or listed under a ports heading (`values.port_listed`). The same wherever it is
        asked from, so read once (kept per section, every section read all the notes' numbers)."""
        if self._ports is None:
            said = {x for (unit, role, _), xs in self._numbers.items()
                    if not unit and role == "port" for x in xs}  # fmt: skip
            self._ports = {x for x in said if x == int(x) and 1 <= x <= 65535}
        return self._ports

    def _known_port(self, answer: Number) -> bool:
        """A bare number the notes write as a port elsewhere (a "Port" column, "port 9093",
        "listens on 9093"), of the registered range where counts are rare: the same port
        wherever it is written, though its own sentence does not say so."""
        whole = not answer.unit and answer.value == int(answer.value)
        return whole and not port_class(answer.value) and answer.value in self._notes_ports()

    def _notes_majors(self) -> set[int]:
        """The major releases the notes name in any form: "7.9" and "7.x" both say 7 exists."""
        if self._majors is None:
            self._majors = {int(v.split(".")[0]) for v in self._notes_versions()}
            # the intro too: "based on 7.x / 8.x" says which releases the notes are about
            for b in self.doc.blocks if self.doc is not None else ():
                self._majors |= {int(m) for m in _MAJOR_LINE.findall(b.text)}
        return self._majors

    def _majors_like(self, key: str) -> set[int]:
        """`_notes_majors` of releases written as the key is ("3.5" beside "4.0"): "Java 17"
        beside Kafka's "4.0" is another product's release, never a Kafka 17.0."""
        dots = key.count(".")
        written = {int(v.split(".")[0]) for v in self._notes_versions() if v.count(".") == dots}
        said_as_x = self._notes_majors() - {int(v.split(".")[0]) for v in self._notes_versions()}
        return written | said_as_x

    def _notes_versions(self) -> list[str]:
        """Every release the notes write, as written ("0.10", "2.4")."""
        return [self._text_of(unit, x) for (unit, role, _), xs in self._numbers.items()
                if role == "version" for x in xs]  # fmt: skip

    def _text_of(self, unit: str, value: float) -> str:
        """A value as the notes write it ("18.0" stays "18.0", "14" "14")."""
        return self._written.get((unit, value), fmt_number(value))

    def _years(self) -> frozenset[float]:
        """The notes' numbers that read as years, whatever their sentences call them: built
        once, as every year asked draws from the same ones."""
        if self._year_values is None:
            self._year_values = frozenset(
                x
                for (unit, role, _), xs in self._numbers.items()
                if unit in ("", "yr") and role in ("quantity", "year")
                for x in xs
                if _year_value(x)
            )
        return self._year_values

    def _near_numbers(self, unit: str, role: str, here: int) -> frozenset[float]:
        """The notes' values of a unit and role around a section: built once per section, as
        every number asked there draws from the same ones."""
        key = (unit, role, here)
        if key not in self._near:
            self._near[key] = frozenset(
                x
                for s in range(here - 2 * SECTION_WINDOW, here + 2 * SECTION_WINDOW + 1)
                for x in self._numbers.get((unit, role, s), ())
                if x >= 0
            )
        return self._near[key]


#: a name that is a plain word ("Standard", "Archive"): it may mean another thing elsewhere
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+")
#: a year's digits, 1000 to 2099, and what may follow a year: its 年, an era, the clause's end
_YEAR_DIGITS = re.compile(r"(?:1\d|20)\d\d(?:\s*年)?")
_MEASURE_WORDS = "个条次人元页位项号行列端错字秒分度米克"
#: a Chinese measure word after a number: it counts ("带回1731克"), it is no year
_MEASURE = re.compile(rf"\s*[{_MEASURE_WORDS}]")
#: what may follow a year: nothing, an era, punctuation, or a name ("1887 Dawes Act"; a count
#: counts a plain word: "1536 dimensions")
_AFTER_YEAR = re.compile(
    rf"^\s*(?:$|(?:BC|BCE|AD|CE)\b|[A-Z][a-z]|(?![{_MEASURE_WORDS}])[^A-Za-z0-9_\s])"
)


def _year_value(x: float) -> bool:
    """A value that may be a year: 1000 to 2099, not a round hundred (a count: 1500, 2000),
    not a power of two or one off it (1024, 2047 are sizes and limits)."""
    return (
        x == int(x)
        and 1000 <= x <= 2099
        and x % 100 != 0
        and x not in (1023, 1024, 1025, 2047, 2048, 2049)
    )


def _year_like(answer: Number, sentence: str) -> bool:
    """A bare number that reads as a year: four digits of a year with no unit but 年, and
    no word after it it would count ("1536 dimensions", "1062 错误")."""
    if answer.unit not in ("", "yr") or not _YEAR_DIGITS.fullmatch(answer.text):
        return False
    if not _year_value(answer.value):
        return False
    at = sentence.find(answer.text)
    if at < 0 or _reads_as_year(sentence, at + len(answer.text)):
        return True
    return _MEASURE.match(sentence, at + len(answer.text)) is None and _dated(sentence)


def _reads_as_year(sentence: str, end: int) -> bool:
    return _AFTER_YEAR.match(sentence[end:]) is not None


def _dated(sentence: str) -> bool:
    """A timeline's line ("1680 – Pueblo Revolt → … come back 1692 more accommodating"): one
    of its numbers reads as a year, so its other year-valued numbers are years too."""
    return any(
        n.unit == "" and _YEAR_DIGITS.fullmatch(n.text) and _year_value(n.value)
        and _reads_as_year(sentence, n.end)
        for n in numbers_in(sentence)
    )  # fmt: skip


#: an outcome: a participle after an arrow, or after "gets"/"is" ("-> container gets
#: throttled", "-> evicted first", "otherwise it gets rejected")
_OUTCOME = re.compile(
    r"(?:->|→|=>)\s*(?:(?:the\s+)?[a-z]+\s+(?:is|gets?|becomes)\s+)?([A-Za-z]*[a-z]ed)\b"
    r"|\b(?:gets?|becomes)\s+([A-Za-z]*[a-z]ed)\b"
)


def _outcome_word(text: str) -> str | None:
    """The participle an outcome is named by, folded ("OOMKilled" -> "oomkilled"), or None for
    text that is no single participle."""
    t = text.strip().strip("`*")
    return t.casefold() if re.fullmatch(r"[A-Za-z]*[a-z]ed", t) and len(t) >= 5 else None


#: what follows a name given a value: `= 1 min`, `: on`, `(50)`, ` default 128`
_VALUE_AFTER = re.compile(
    r"(?![\w-])\s*([=:]\s*(\d|(on|off|true|false)\b|['\x22]|\S+\s*($|[,;)])"
    r"|\S+\s+(by\s+)?default\b)|[(（]\s*[\d.]+\s*\w*\s*[)）]"
    r"|\s+defaults?\s+(to\s+|is\s+)?\S*\d)"
)
_NAME_JOINED = re.compile(r"[\w.-]")
#: "3 workers by default (`name`)": a number, then the name in parentheses
_NUMBER_BEFORE = re.compile(r"\d[^()（）|]{0,40}[(（]\s*\Z")
_CLOSE_AFTER = re.compile(r"\s*[)）]")
#: a table row of the name and a number
_CELL_BEFORE = re.compile(r"\|\s*\Z")
_CELL_AFTER = re.compile(r"\s*\|.*\d")


def gives_value(text: str, name: str) -> bool:
    """The line gives the name a value (see Pool._valued): the fixed patterns tried around each
    place the name occurs, so no pattern is compiled per name (thousands of names would flush
    re's cache and cost a compile each)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not _NAME_JOINED.match(text, at - 1)) and _VALUE_AFTER.match(text, end):
            return True
        if _CLOSE_AFTER.match(text, end) and _NUMBER_BEFORE.search(text[:at]):
            return True
        if _CELL_AFTER.match(text, end) and (at == 0 or _CELL_BEFORE.search(text[:at])):
            return True
        at = text.find(name, at + 1)
    return False


#: a value after a setting's name that says it is a switch
_SWITCH = re.compile(r"\s*(is\s+|=\s*|defaults?\s+(to\s+)?)?(on|off|true|false)\b")
#: a named value given as the default: "lazy by default", "latest (default)"
_WORD_DEFAULT = re.compile(r"\s*[`'\x22]?[a-z][\w-]*[`'\x22]?\s+(by\s+default|\(default\))", re.I)
#: a word of a line as the token index holds it (the first word of a name finds its lines)
_TOKEN = re.compile(r"[a-z0-9]+")

#: families of made-up names (settings, views, columns, codes): their shape says nothing of kind
_NAMED = frozenset({"snake", "kebab", "caps"})


#: a setting's name ending in its unit: `linger.ms`, `log.retention.hours`, `periodSeconds`
_NAME_UNIT = re.compile(r"(?:^|[._-]|(?<=[a-z]))(ms|secs?|seconds|minutes|mins|hours|days|bytes"
                        r"|kb|mb|gb|Ms|Seconds|Minutes|Hours|Days|Bytes)(?=$|[._-]|[A-Z])")  # fmt: skip


@lru_cache(maxsize=16384)
def _name_dimension(name: str) -> str:
    """What a setting's name says its value measures ("time", "size"), or "". Cached: a name is
    read again for every option pair it is in."""
    m = _NAME_UNIT.search(name)
    if m is None or (m.group(1)[0].islower() and m.start(1) > 0 and name[m.start(1) - 1].isalpha()):
        return ""
    unit = UNITS.get(m.group(1).lower(), "")
    return _DIMENSION.get(unit, "")


#: the shapes settings are named in: beside one, an option is a setting only if the notes give
#: it a value too
_SETTING_SHAPES = frozenset({"snake", "field"})
#: answer families whose siblings must be of the answer's kind too (`restartPolicy: Never`,
#: not `clusterIP: None`; a timeout setting, not a body size)
_KIND_SIBLINGS = frozenset({"kv", "snake"})
#: units of one dimension: two settings valued in them are of one kind
_DIMENSION = {u: "time" for u in ("ms", "us", "s", "min", "h", "d", "wk", "yr", "mo")} | {
    u: "size" for u in ("B", "bit", "KB", "MB", "GB", "TB", "PB")
}

#: the shapes a setting's name is written in, for reading its value kind from prose
_PROSE_SETTINGS = frozenset({"snake", "dotted", "camel", "Pascal", "caps"})
#: `Pool._value_kind`'s words as `values.value_kind` says them (a unit of no dimension counts)
_VALUE_KINDS = {"time": "duration", "size": "size", "switch": "switch", "word": "text",
                "count": "count", "%": "ratio", "x": "ratio"}  # fmt: skip

#: a `key: value` span: its key, separator and value
_KV = re.compile(r"([A-Za-z_][\w.\-/]*)(\s*[:=]\s*)(\S.*)")


def _kin_values(answer: str, option: str) -> bool:
    """Two `key: value` settings of one kind wherever the notes write them: both switched on or
    off, or both a quantity of one dimension (`fsync = off` beside `archive_mode = on`). A
    free-text value (`clusterIP: None`, `restartPolicy: Always`) is said of one object only,
    so only the fields written beside it are its kin."""
    a, o = _KV.fullmatch(answer.strip("`")), _KV.fullmatch(option.strip("`"))
    if a is None or o is None:
        return False
    kind = value_kind(a.group(3))
    return kind != "text" and kind == value_kind(o.group(3))


#: a value any field may take: a short plain word ("None", "null", "auto")
_PLAIN_VALUE = re.compile(r"[A-Za-z]{1,8}")


def _kv_key(text: str) -> str:
    m = _KV.fullmatch(text)
    return m.group(1) if m else text


#: compiled once: `_affixes` and `_plain_term` read every option of every question
_NAME_PARTS = re.compile(r"[_.-]+")
_NOT_PLAIN = re.compile(r"\d|[*=<>!?]|^(not|no|不|没)\b", re.I)


def _affixes(name: str) -> set[str]:
    """The naming pattern of a made-up name: its first part (two when the first is a short
    namespace, `pg_stat` of `pg_stat_user_tables`, none when that is all) and its last part (`ops` of
    `text_pattern_ops`), so `pg_stat_activity` is kin and `autovacuum_naptime` is not."""
    parts = [p for p in _NAME_PARTS.split(name.lower()) if p]
    if len(parts) < 2:
        return set()
    if len(parts[0]) > 3:
        return {f"{parts[0]}_*", f"*_{parts[-1]}"}
    # `pg_xlog` and `pg_upgrade` share only a namespace: a directory and a program
    return {"_".join(parts[:2]) + "_*", f"*_{parts[-1]}"} if len(parts) > 2 else {f"*_{parts[-1]}"}


_NAME_BEFORE = re.compile(r"[\w.-]")
_NAME_AFTER = re.compile(r"[\w-]")
_WRITTEN_AFTER = re.compile(r"\W{0,3}([^.;|]{0,40})")


def _said_after(text: str, name: str) -> str | None:
    r"""What the text writes right after the name, as the group of
    `re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])\W{{0,3}}([^.;|]{{0,40}})", text)`, without
    compiling a pattern per name (every setting of the notes is one); None where it is not
    written."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and _NAME_BEFORE.match(text, at - 1)) and not _NAME_AFTER.match(text, end):
            m = _WRITTEN_AFTER.match(text, end)
            return m.group(1) if m else ""
        at = text.find(name, at + 1)
    return None


def _after_article(text: str, term: str, last: bool = False) -> bool:
    """The text writes the term right after "the", "a" or "an": as a thing or a place.
    `last`: and as the last word of its phrase, not naming the noun after it ("a NAT
    gateway")."""
    end = r"(?!\s+[A-Za-z])" if last else ""
    pattern = rf"\b(?:the|a|an)\s+{re.escape(term)}(?![\w-]){end}"
    return re.search(pattern, text, re.I) is not None


def _noun_after(text: str, term: str) -> str:
    """The Chinese noun written right after the term ("RSA 密钥交换" -> 密钥, "CA 签名、域名"
    -> 签名), or "" (a verb: "EC2重启" says what it does, not what it is)."""
    at = text.find(term)
    if at < 0:
        return ""
    rest = text[at + len(term) : at + len(term) + 12].lstrip()
    if not rest or not CJK.match(rest):
        return ""
    return _leading_noun(rest)


#: a number and a Chinese counter word right before a term ("1~3 次 IO", "10 条 SQL")
_COUNTED_BY = re.compile(r"\d\s*([\u4e00-\u9fff])\s*$")


def _counter_before(text: str, term: str) -> str:
    """The counter word of a number the term is written after ("1~3 次 IO" -> 次), or "": the
    term is what the number counts, so only things the notes count so are its kind."""
    at = text.rfind(term)
    m = _COUNTED_BY.search(text, 0, at) if at >= 0 else None
    return m.group(1) if m else ""


#: the word after a term, and whether the phrase ends there ("CPU busy:", "USE method,")
_MODIFIED = re.compile(r"\*{0,2}`?[ ]([a-z][a-z-]+)\b(\s*(?:$|[:,;.)]|!=|=|->))?")


def _word_after(text: str, term: str) -> str:
    """The lower-case English word the term modifies: an adjective ("CPU busy", "IO bound"),
    or a word closing the phrase ("USE method:"); "" for a verb or the subject of one ("OOM
    killer picks", "RSS counts pages": the option is the subject, not a modifier)."""
    at = text.find(term)
    if at < 0:
        return ""
    m = _MODIFIED.match(text, at + len(term))
    if m is None or m.group(1) in STOP_EN:
        return ""
    word = m.group(1)
    lemmas = getAllLemmas(word)
    closing = m.group(2) is not None and not word.endswith("ed")
    return word if closing or ("ADJ" in lemmas and "NOUN" not in lemmas) else ""


@lru_cache(maxsize=16384)
def _leading_noun(rest: str) -> str:
    """`_noun_after` of the text after the term: tagged once per text (repeated notes write
    the same "KMS 密钥" in every copy, and tagging is the costly part)."""
    init_jieba()
    import jieba.posseg

    words = [(w.word, w.flag) for w in jieba.posseg.cut(rest, HMM=False)][:3]
    if not words:
        return ""
    # "CA 签名、域名、有效期": a word listed beside nouns is used as a noun
    listed = len(words) == 3 and words[1][0] == "、" and words[2][1].startswith("n")
    return words[0][0] if words[0][1].startswith("n") or listed else ""


def _same_code_form(a: str, b: str) -> bool:
    """Two pieces of code written alike; a command and its keyword variant are alike too
    (`VACUUM` beside `VACUUM FULL`), a bare name and another command's keywords are not."""
    fa, fb = code_form(a), code_form(b)
    if fa == fb:
        return True
    variant = {fa, fb} == {"bare", "keywords"}
    return variant and a.split()[0] == b.split()[0]


_WORD = re.compile(r"[\w.+-]+")


def _as_word(name: str, text: str) -> bool:
    """The text writes the name as a word of its own (`pg_dump`, not inside `pg_dumpall`)."""
    return find_apart(text, name, _NAME_AFTER) >= 0


def command_head(line: str) -> str:
    """The program a command line runs, with its subcommand: `git log` of
    `git log --oneline`, `pg_dump` of `pg_dump -Fc -d shop`, `kubectl get` of
    `kubectl get pods -o wide`."""
    words = line.split()
    head = words[:1]
    if len(words) > 1 and re.fullmatch(r"[a-z][a-z-]*", words[1]):
        head.append(words[1])
    return " ".join(head)


def _flag_owners(doc: Document) -> dict[str, set[str]]:
    """Which commands each flag of the notes is written with: the command of its command line,
    or the commands a prose block names beside it ("pg_dump formats: `-Fp`, `-Fc`")."""
    lines = [_COMMAND.sub("", line).strip() for b in doc.content if b.kind == "code"
             for line in b.code.splitlines()]  # fmt: skip
    lines += [span for b in doc.content if b.kind != "code" for span in b.inline.code]
    heads = {command_head(ln) for ln in lines if command_like(ln)}
    owners: dict[str, set[str]] = defaultdict(set)
    for ln in lines:
        if command_like(ln):
            for w in ln.split()[1:]:
                if shape(w) == "flag":
                    owners[w].add(command_head(ln))
    for b in doc.content:
        if b.kind == "code":
            continue
        # a command is a command line's head, or a lone lower-case name in code beside the
        # flags (`pg_upgrade` ... `--link`); "git log" names git log, not all of git
        here = heads | {c for c in b.inline.code if re.fullmatch(r"[a-z][\w.-]*", c)}
        words = _WORD.findall(b.text)
        named = {w for w in words if w in here}
        named |= {f"{a} {c}" for a, c in pairwise(words) if f"{a} {c}" in here}
        named -= {n.split()[0] for n in named if " " in n}
        for span in b.inline.code:
            if named and shape(span) == "flag":
                owners[span] |= named
    return owners


def _plain_term(text: str) -> bool:
    """A marked span that names a thing: no digits, operators or negation, not a verb."""
    return not (_NOT_PLAIN.search(text) or verb_like(text))


#: `spread` chooses among this many times `want` of a pool's nearest values, never further
SPREAD_READS = 3


def nearest(
    pool: Iterable[float], distance: Callable[[float], float], n: int, fits: Callable[[float], bool]
) -> list[float]:
    """The first `n` values of the pool that fit, nearest first as `spread` ranks them (by
    distance, then value): all of a pool that `spread` reads, each value checked only once the
    nearer ones are."""
    out: list[float] = []
    for x in sorted(pool, key=lambda x: (distance(x), x)):
        if len(out) == n:
            break
        if fits(x):
            out.append(x)
    return out


def spread(
    v: float,
    pool: Iterable[float],
    want: int,
    seed: str,
    distance: Callable[[float], float],
    reach: float = math.inf,
    taken: Collection[tuple[float, ...]] = (),
    slack: int = 0,
    own: Collection[float] | None = None,
) -> list[float]:
    """Up to `want` values of the pool to offer beside the key `v`, ascending: near ones, with
    the key's place among the sorted options set by the seed (so no place is a tell) and no
    pattern that points at the key (see `patterned`). Among the nearest few, the best set is
    the one without a pattern, then one not `taken` (offered beside this key by another
    question already), then with the fewest options beyond `reach` (five times off, a code of
    another class) past `slack` of them, then with the key nearest its place, then with the
    fewest options beyond reach, then the nearest. `own`: the values are quantities, these of
    them said by the notes: a set of more of the notes' own values comes first (real rivals,
    no made-up steps), and none puts the key halfway between two options (see `_midpoint`); a
    code's or a port's neighbours are its kin, and are offered as they are."""
    ranked = sorted(pool, key=lambda x: (distance(x), x))[: want * SPREAD_READS]
    near = ranked[: want * 2]
    if len(near) <= want:
        return sorted(near)
    place = stable_int("rank", seed) % (want + 1)

    away = {x: distance(x) for x in ranked}  # once per value, not once per set it is in
    # whether each value is beyond reach and below the key, read once per value too
    parts = {x: (int(d > reach), int(x < v)) for x, d in away.items()}
    made_up = {x: int(own is not None and x not in own) for x in ranked}

    def costed(
        values: list[float],
    ) -> list[tuple[bool, int, int, int, int, float, tuple[float, ...]]]:
        """Every set of `want` of the values as its cost, cheapest first: offered beside the
        key already, options beyond reach past `slack` (a quantity's one far option may keep
        the key off the middle, 8 MB beside 64 MB; a code of another class never may), values
        the notes do not say, the key's distance from its place, options beyond reach, the
        distances' sum, then the set itself, so no two sets cost alike. Built in one loop:
        thousands of sets per notes."""
        out = []
        for c in combinations(values, want):
            far = below = new = 0
            for x in c:
                f, b = parts[x]
                far += f
                below += b
                new += made_up[x]
            cost = (c in taken, max(far - slack, 0), new, abs(below - place), far,
                    sum(map(away.__getitem__, c)), c)  # fmt: skip
            out.append(cost)
        out.sort()
        return out

    def best(values: list[float]) -> tuple[tuple[float, ...], bool]:
        """The set of least cost without a pattern, else of least cost, and whether it has
        one: the sets in order of cost, read until one has none (`patterned` is the costly
        part, and most sets' first has none)."""
        ranked_sets = costed(values)
        for cost in ranked_sets:
            if _odd_key(v, cost[-1]) or _patterned_set(v, cost[-1]):
                continue
            if own is None or not _midpoint(v, cost[-1]):
                return cost[-1], False
        return ranked_sets[0][-1], True

    chosen, odd = best(sorted(near))
    if odd:  # 168 beside 150, 200 and 250: reach for 336, as odd as the key
        chosen, _ = best(sorted(ranked))
    return sorted(chosen)


def spread_keys(
    answer: str,
    others: Sequence[str],
    seed: str,
    want: int = 3,
    offered: dict[tuple[str, float], set[tuple[float, ...]]] | None = None,
    ports: bool = False,
) -> list[str] | None:
    """Wrong options among a table's numeric keys (status codes, ports) chosen as `spread`
    chooses them (`offered`: the sets already offered per key, Pool.offered), or None when
    the keys are not all plain numbers. `ports`: the keys are ports, offered beside ports of
    their class only (`vocabulary.fair_port`)."""
    if not _DIGITS_ONLY.fullmatch(answer) or not all(_DIGITS_ONLY.fullmatch(o) for o in others):
        return None
    v = float(answer)
    texts = {float(o): o for o in others if o != answer and (not ports or fair_port(float(o), v))}
    codes = all(_status_like(x) for x in (v, *texts))
    role = "code" if codes else "key"
    taken = offered[("", v)] if offered is not None else set()
    reach = 100.0 if codes else math.inf
    distance = _id_distance(v, role)
    same_class = {x: t for x, t in texts.items() if x // 100 == v // 100}
    chosen: list[float] = []
    if codes and len(same_class) >= 2:
        # a code's description says its class ("成功", "redirect", "server error"): a code of
        # another class beside it is ruled out by that word alone; unless the class sets the
        # key apart (429 far above 403, 404, 405). Two of its class in the notes: a well-known
        # third first (202 beside 200, 201 and 204), when it makes no pattern
        for pool in (_with_known_codes(v, same_class, want, distance), same_class):
            trial = spread(v, pool, want, seed, distance, reach, set(taken))
            if not patterned(v, trial):
                texts, chosen = pool, trial
                break
    if not chosen:
        chosen = spread(v, texts, want, seed, distance, reach, taken)
    taken.add(tuple(chosen))
    return [texts[x] for x in chosen]


def _with_known_codes(
    v: float, same_class: dict[float, str], want: int, distance: Callable[[float], float]
) -> dict[float, str]:
    """The notes' codes of the key's class, with the well-known codes of that class nearest
    it added up to `want`."""
    known = {float(c): c for c in STATUS_CODES if float(c) // 100 == v // 100}
    extra = sorted((x for x in known if x != v and x not in same_class), key=distance)
    return {**same_class, **{x: known[x] for x in extra[: max(0, want - len(same_class))]}}


def patterned(v: float, others: Sequence[float]) -> bool:
    """The options form a pattern a guesser reads: an even series (1, 2, 3 and 4 MB: the odd
    one out is the step nobody writes), or the key at one end, farther from the next option
    than the others span, by difference and by ratio (412 beside 403, 404 and 405; not 64
    beside 8, 16 and 32, one ladder of doublings)."""
    if len(others) < 2:
        return False
    values = sorted({v, *others})
    steps = [b - a for a, b in pairwise(values)]
    if len(values) >= 4 and max(steps) - min(steps) <= 1e-9 * max(values):
        return True
    if _only_odd(v, [x for x in values if x != v]):
        return True
    if v not in (values[0], values[-1]):
        return False
    rest = [x for x in values if x != v]
    if min(abs(x - v) for x in rest) <= rest[-1] - rest[0]:
        return False
    if values[0] <= 0:
        return True
    ratios = [math.log(x) for x in values]  # a ladder of sizes is even by ratio, not by step
    key, others_ = math.log(v), [r for r in ratios if r != math.log(v)]
    return min(abs(r - key) for r in others_) > others_[-1] - others_[0]


def _midpoint(v: float, others: Sequence[float]) -> bool:
    """The key sits halfway between two other options (6 between 5 and 7, 10 between 5 and 15):
    options made as the key plus and minus a step, which a guesser reads as the key's mark (the
    session-40 review's "key in the middle of an evenly spaced trio")."""
    below = {round(v - x, 9) for x in others if x < v}
    return any(round(x - v, 9) in below for x in others if x > v)


def _odd_key(v: float, others: Sequence[float]) -> bool:
    """`patterned` told without reading the set's steps: the key is the one unround value
    (`_only_odd`), the pattern an unround key's sets of round values all have (357 beside
    250, 300 and 500), read for every set before the one `spread` takes."""
    return len(others) >= 2 and _only_odd(v, [x for x in others if x != v])


@lru_cache(maxsize=65536)
def _patterned_set(v: float, others: tuple[float, ...]) -> bool:
    """`patterned`, kept per set: a key's sets of options recur with every question on it and
    on its neighbours (a table's status codes, the same values in every copy of the notes)."""
    return patterned(v, others)


def _release_line(text: str) -> tuple[str, ...]:
    """What a release shares with the other releases of its line: its major ("2.4" -> ("2",));
    a major release ("14", "6.0") only its form."""
    parts = text.split(".")
    if len(parts) == 1 or parts[1].strip("0") == "":
        return ("major", str(len(parts)))
    return tuple(parts[:-1])


def _release_peer(text: str, key: str) -> bool:
    """A release a reader may take for the key: of its line (`_release_line`), or a
    major.minor whose major is next to the key's (3.3 and 4.0 beside 3.0, 7.82 beside 8.3):
    the notes give a product's releases across its majors, and another product's far off."""
    if _release_line(text) == _release_line(key):
        return True
    a, b = text.split("."), key.split(".")
    return (
        len(a) == len(b) == 2
        and a[0].isdigit()
        and b[0].isdigit()
        and abs(int(a[0]) - int(b[0])) <= 1
    )


#: where an item's lead ends: its first colon, dash or arrow
_LEAD_END = re.compile(r"[:：=—–]|\s-\s|->|→")
#: a name written in capitals: RDB, ODOWN, PING
_CAPS_NAME = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]{1,9}(?![A-Za-z0-9_])")


def _leads_and_inner(doc: Document) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """The capitalised names items lead with, and those they only say after their lead, by
    section ("RDB：… 写时复制 COW": RDB leads, COW is inner)."""
    leading: set[tuple[str, int]] = set()
    said_after: set[tuple[str, int]] = set()
    for b in doc.content:
        if b.kind != "item":
            continue
        m = _LEAD_END.search(b.text)
        if m is None or m.start() > _LEAD_SPAN * 2:
            continue
        for name in _CAPS_NAME.finditer(b.text):
            (leading if name.start() < m.start() else said_after).add(
                (name.group(0), b.section.index)
            )
    return leading, said_after - leading


def _releases(text: str, written: Iterable[str], majors: Iterable[int] = ()) -> dict[float, str]:
    """Releases a reader may mistake a version for, never one the notes do not show exists:
    its last part stepped by a little, no higher than the highest the notes write for its line
    ("0.11" where the notes stop there: 0.8, 0.9, 0.10, never 0.12 or 0.16); a major release
    ("6.0", "14") beside the other majors the notes name (`majors`: "5.0" beside 2, 6 and 7
    of "2.x", "6.x" and "7.9", never a 3.0 the product may have skipped), else beside the
    majors before it, up to the newest the notes name."""
    parts = text.split(".")
    if not all(p.isdigit() for p in parts):
        return {}
    line = _release_line(text)
    major = line[0] == "major"
    named = sorted(m for m in majors if m >= 1 and m != int(parts[0]))
    if major and len(named) >= 2:
        return {float(m): ".".join([str(m), *parts[1:]]) for m in named}
    at = 0 if major else len(parts) - 1  # the part that steps
    shown = [w.split(".")[at] for w in written if _release_line(w) == line]
    last = int(parts[at])
    top = max([int(p) for p in shown if p.isdigit()] + [last])
    out: dict[float, str] = {}
    for k in (-3, -2, -1, 1) if major else (-3, -2, -1, 1, 2):
        if (0 if not major else 1) <= last + k <= top:
            made = ".".join([*parts[:at], str(last + k), *parts[at + 1 :]])
            if float(made) != float(text):
                out.setdefault(float(made), made)
    return out


#: how close two ports must be to read as one service's (9092 and 9093)
_PORT_RANGE = 10


def _beside_told(v: float, stem: str, pool: Iterable[float], fits: Callable[[float], bool]) -> bool:
    """A port the stem writes next to the key (9092 beside a blank for 9093) with no option as
    near it (of the pool, one that `fits`): the key is the one option of that service's range."""
    said = any(0 < abs(n.value - v) <= _PORT_RANGE for n in numbers_in(stem) if not n.unit)
    return said and not any(0 < abs(x - v) <= _PORT_RANGE and fits(x) for x in pool)


def _id_distance(v: float, role: str) -> Callable[[float], float]:
    """How far apart two identifiers feel: by difference, a status code of another class
    farthest of all (401 beside 403, not 301)."""
    if role == "code":
        return lambda x: abs(x - v) + (1000.0 if x // 100 != v // 100 else 0.0)
    return lambda x: abs(x - v)


#: a release line written with an "x": "7.x", "6.x 及以前"
_MAJOR_LINE = re.compile(r"(?<![\w.])(\d{1,2})\.x\b")

#: what a percentage of time up or of data kept is said as
_AVAILABILITY = re.compile(r"\bSLA\b|availab|uptime|durab|可用性|持久性", re.I)
#: the "nines" an availability or a durability is written in
_NINES = frozenset({99.0, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999, 99.9999})

_RANGE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:-|–|~|～|to|到|至)\s*(\d+(?:\.\d+)?)(?![\w.%/])"
)


def _year_bracket(sentence: str, answer: Number) -> tuple[float, float] | None:
    """The years a timeline's line writes before and after the asked one ("1651 … · ___ ·
    1663"), when they leave room for three others: a year outside them is ruled out by the
    line itself."""
    at = sentence.find(answer.text)
    if at < 0:
        return None
    years = [n for n in numbers_in(sentence) if not n.unit and _year_value(n.value)
             and _YEAR_DIGITS.fullmatch(n.text) and n.value != answer.value]  # fmt: skip
    before = [n.value for n in years if n.end <= at and n.value < answer.value]
    after = [n.value for n in years if n.start >= at + len(answer.text) and n.value > answer.value]
    if not before or not after:
        return None
    lo, hi = max(before), min(after)
    return (lo, hi) if hi - lo > 4 else None


def stated_range(sentence: str, answer: Number) -> tuple[float, float] | None:
    """The bounds a sentence gives the answer's values ("gzip_comp_level 5; # 1-9, default
    1"): a bare range that holds the answer and is not the answer itself; None otherwise."""
    ranges = list(_RANGE.finditer(sentence))
    if answer.unit or not ranges:
        return None  # most sentences give no range: no pattern is compiled for the answer
        # (each is a new one, and would push the fixed patterns out of re's cache)
    own = re.compile(rf"(?<![\w.]){re.escape(answer.text)}(?![\w.])")
    for m in ranges:
        lo, hi = float(m.group(1)), float(m.group(2))
        outside = sentence[: m.start()] + " " + sentence[m.end() :]
        if not lo < hi or not own.search(outside):
            continue  # "3 到 ___ 个字符": the answer is the range's own end
        if lo <= answer.value <= hi:
            return lo, hi
    return None


def _status_like(x: float) -> bool:
    return x == int(x) and 100 <= x < 600


def _one_sided(v: float, pool: set[float], role: str) -> bool:
    """A status code with the notes' codes of its class on one side only (412 beside 403, 404,
    405): well-known codes of the class give it neighbours on both sides."""
    same = [x for x in pool if x // 100 == v // 100]
    return role == "code" and not (any(x < v for x in same) and any(x > v for x in same))


def _log_distance(x: float, v: float) -> float:
    """How far apart two quantities feel: by ratio, so 64 MB is as near 128 MB as 256 MB."""
    if x <= 0 or v <= 0:
        return 1.0 if max(x, v) <= 2 else 9.0  # "0-RTT" beside "1-RTT"
    return abs(math.log(x / v))


_BINARY = {"B", "KB", "MB", "GB", "TB", "PB", "bit"}
#: how far off a quantity's wrong option may be (by `_log_distance`): five times
_FAR = math.log(5) + 1e-9


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)
def _significant(x: float) -> int:
    """Significant digits as written in round form: 600 -> 1, 25 -> 2, 1.1 -> 2, 128 -> 3.
    Cached: `spread` reads each value once for every set of options it is in."""
    digits = f"{x:.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


def _only_odd(v: float, others: Sequence[float]) -> bool:
    """The key is the one unround value (168 beside 200, 250 and 300; 86400000 beside 50000000
    and 60000000): written with three or more significant digits where no other option is."""
    sig = _significant(v)
    return sig >= 3 and bool(others) and all(_significant(x) < sig for x in others)


def _power_of_two(x: float) -> bool:
    return x >= 8 and x == int(x) and int(x) & (int(x) - 1) == 0


#: a member of a numbered family: a name in capitals and its number ("RAID 10", "SHA-256")
#: a name written with a number, in capitals ("RAID 10", "SHA-256", "ISO 27001") or capitalised
#: with a space ("React 18", "Java 17"): with three numbers or more in the notes, a family
_NUMBERED = re.compile(
    r"\b([A-Z][A-Z0-9]*[A-Z](?=[ -]?\d)|[A-Z][a-z]{2,}(?=[ -]\d))[ -]?(\d{1,5})\b(?![.,]\d)"
)
#: a member said on after a named one without the name again: "ISO 27001 = ISMS, 27002 =
#: control guidance, 27701 = privacy": the next entry of the enumeration opens with it
_CONTINUED = re.compile(r"[^,;/\n]{0,80}?[,;/]\s*(\d{1,5})\b(?![.,]\d)(?=\s*(?:=|:|–|—|-\s|\())")


def _members(text: str) -> list[tuple[str, str]]:
    """(name, number) of each member of a numbered family the text writes ("RAID 10",
    "SHA-256", "ISO 27001"), and of each entry its enumeration goes on with in the same
    number of digits ("…, 27002 = control guidance")."""
    out: list[tuple[str, str]] = []
    for m in _NUMBERED.finditer(text):
        name, number = m.group(1), m.group(2)
        out.append((name, number))
        at = m.end()
        while (more := _CONTINUED.match(text, at)) is not None:
            if len(more.group(1)) != len(number):
                break  # "ISO 27001, 5 = …": another count, no member
            out.append((name, more.group(1)))
            at = more.end()
    return out


def _byte_like(v: float, unit: str) -> bool:
    """A value one less than a power of two that counts bytes or bits, or a bare count large
    enough to be such a limit (63 columns, 255 characters)."""
    return unit in _BINARY or (not unit and v >= 63)


def plausible(x: float, v: float, unit: str | None = None) -> bool:
    """A near miss someone might believe: as round as the answer (10 s beside 5 s and 20 s,
    never 9 s or 11 s; 25 % beside 10 % and 50 %, never 12 %), a power of two beside a power of
    two, one less than a power of two beside its like (63 beside 31 and 127; a `unit` given
    says whether the value can be such a count: 63 bytes, not 15 s)."""
    # a power of two is a size's step (bytes, bits, a bare count); "16 nines" or "64 s" is none
    if _power_of_two(v) and (unit is None or not unit or unit in _BINARY):
        return _power_of_two(x)
    if v >= 15 and _power_of_two(v + 1) and (unit is None or _byte_like(v, unit)):
        return _power_of_two(x + 1)
    if _significant(x) > max(_significant(v), 2 if v >= 10 else 1):
        return False
    if v >= 10 and v == int(v) and v % 5 == 0:
        return x == int(x) and x % 5 == 0
    return True


_ROUND = frozenset(m * 10**k for k in range(0, 10) for m in (1, 1.5, 2, 2.5, 3, 5, 6, 7.5))


def _round_step(v: float, unit: str) -> bool:
    """A measured setting at a round step of its unit (5 min, 10 GB, a week of days): its
    neighbours are no slips of it."""
    return bool(unit) and (v in (5, 10) or (unit == "d" and v == 7))


def _alone_unround(v: float, unit: str, chosen: Sequence[float]) -> bool:
    """The key is the only option that is no round number (9001 beside 5000, 6000 and 7500):
    its form tells it. A power of two (or one less) is round in computing (4096, 65535), and
    a number with a unit may be round in a larger one (168 hours is a week): bare counts only."""
    if unit or v != int(v) or v < 100 or v % 10 == 0 or _power_of_two(v) or _power_of_two(v + 1):
        return False
    return bool(chosen) and all(x % 10 == 0 for x in chosen)


def _same_form(v: float) -> set[float]:
    """Values of an unround key's form: its last digits kept and a leading one changed (9001:
    6001, 7001, 8001; 1433: 1233, 1333, 1533)."""
    digits = len(str(int(v)))
    step = 10 ** (digits - 1) if str(int(v))[0] >= "5" else 10 ** (digits - 2)
    same = {v + k * step for k in (-3, -2, -1, 1, 2)}
    return {x for x in same if x > 0 and len(str(int(x))) == digits}


def _slips(v: float, unit: str, places: int) -> set[float]:
    """The mistakes people make with a quantity, in its unit's natural steps on both sides of
    it and never more than five times off: halves and doubles (sizes in bytes and bits: powers
    of two only, up to eight times), the round values around it, the next steps of its last written digit (1.5:
    1.0, 2.0, 2.5), and for a small count its neighbours, the 1-2-5 steps and none at all
    (1: 0, 2, 3, 5)."""
    if v >= 15 and _power_of_two(v + 1) and _byte_like(v, unit):
        # 63 bytes: 31, 127, 255 (a duration of 15 s is no byte count: 7 s, 31 s are no slips)
        return {v * 2 + 1, (v - 1) / 2, v * 4 + 3, (v - 3) / 4}
    slips = {v * 2, v / 2, v * 4, v / 4}
    if unit not in _BINARY:
        if v >= 10 and v == int(v):  # the round values around it: 30 s beside 20 s and 60 s
            slips |= {x for x in _ROUND if v / 5 <= x <= v * 5}
        if v != int(v):
            step = 10.0**-places
            step *= 5 if v / step >= 10 else 1
            slips |= {v - 2 * step, v - step, v + step, v + 2 * step}
        if v <= 10 and v == int(v):  # its neighbours and the 1-2-5 steps around it
            slips |= {1, 2, 5, 10}
            if not _round_step(v, unit):  # 5 min: 4 or 6 min beside it leave it the round one
                slips |= {v + 1, v - 1, v + 2}  # a count's neighbours (1 of 0, 2 and 3 retries)
            elif unit == "d":
                slips.add(30)  # a week of days: 14 and 30 days beside it
    else:  # a size in its powers of two: 1 MB beside 2, 4 and 8 MB
        slips |= {v * 8, v / 8}
    if unit == "%":
        slips |= {5, 10, 20, 25, 50, 75, 100}
    ratio = 8 if unit in _BINARY else 5
    slips = {round(s, places) for s in slips if v / ratio <= s <= v * ratio or unit == "%"}
    return {s for s in slips if s != v and (s > 0 or (s == 0 and not unit and v == int(v)))}


def head_noun(text: str) -> str:
    """The last word of a short English noun phrase, singular ("policies" -> "policy")."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not re.fullmatch(r"[A-Za-z][A-Za-z-]*", words[-1]):
        return ""
    return singular_word(words[-1].lower())


@lru_cache(maxsize=65536)
def norm_words(text: str) -> frozenset[str]:
    """The text's words of three letters or more, case folded. Cached: a list's item is read
    beside each answer it is a sibling of."""
    return frozenset(w for w in _NORM_WORD.findall(text.casefold()) if len(w) >= 3)


def _sibling_fits(sibling: str, answer: str) -> bool:
    """A sibling is already of the answer's role; it must still look like an option beside it."""
    a, s = family(answer), family(sibling)
    one = len(answer.split()) == 1, len(sibling.split()) == 1
    return a == s or ({a, s} <= {"name", "lower"} and one[0] == one[1])


def similarity(answer: str, other: str) -> float:
    """How confusable two options look, 0-100 (rapidfuzz): the likeliest mix-up ranks first
    (HEALTH_CONSTRAINTS beside HEALTH_CONSTRAINTS_INVALID, PUT beside PATCH). Codes rank by
    class first: 401 beside 403, not beside 301."""
    a, b = norm(answer), norm(other)
    if not a or not b:
        return 0.0
    if a.isdigit() and b.isdigit():
        same_class = len(a) == len(b) and a[0] == b[0]
        return (50.0 if same_class else 0.0) + 50.0 / (1 + abs(int(a) - int(b)))
    return float(fuzz.ratio(a, b))


def by_likeness(
    answer: str, others: Iterable[str], seed: str, limit: int | None = None
) -> list[str]:
    """The others, most confusable with the answer first; ties in a stable, seeded order.
    `limit`: only the first so many, seeded only among those scored at least as the last."""
    return list(islice(likeliest(answer, others, seed), limit))


def likeliest(answer: str, others: Iterable[str], seed: str) -> Iterator[str]:
    """`by_likeness` read lazily: the seeded hash breaks ties of one score at a time, only
    once the reader gets to that score (most questions take the first three options)."""
    texts = list(dict.fromkeys(others))
    scores = _similarities(answer, texts)
    order = sorted(range(len(texts)), key=scores.__getitem__, reverse=True)  # stable
    for _, tied in groupby(order, key=scores.__getitem__):
        group = list(tied)
        if len(group) > 1:
            group.sort(key=lambda i: stable_int(seed, texts[i]))
        for i in group:
            yield texts[i]


#: fewer texts than this are scored one by one: below it, rapidfuzz's vectorised call costs
#: more to set up than it saves (a table row ranks its table's dozen other keys)
_VECTORISED = 32


def _similarities(answer: str, texts: Sequence[str]) -> list[float]:
    """`similarity` of the answer to each text, the rapidfuzz ratios of many texts in one
    vectorised call (a question ranks dozens of candidates)."""
    a = norm(answer)
    normed = [norm(t) for t in texts]
    scores = [0.0] * len(texts)
    if not a:
        return scores
    codes = a.isdigit()
    plain: list[int] = []
    for i, b in enumerate(normed):
        if b and codes and b.isdigit():
            scores[i] = similarity(answer, texts[i])
        elif b:
            plain.append(i)
    if len(plain) < _VECTORISED:
        for i in plain:
            scores[i] = fuzz.ratio(a, normed[i])
    else:
        ratios = process.cdist([a], [normed[i] for i in plain], scorer=fuzz.ratio,
                               dtype=np.float64)[0]  # fmt: skip
        for i, r in zip(plain, ratios, strict=True):
            scores[i] = float(r)
    return scores


#: a call written with its arguments: "loop.run_in_executor(executor, func)"
_CALL = re.compile(r"^`?([A-Za-z_][\w.]*)\((.*)\)`?$")


def same_call(a: str, b: str) -> bool:
    """Two calls of one function with other arguments: one thing written twice."""
    if "(" not in b:
        return False  # most options and keys: no call to compare
    ma, mb = _CALL.match(a.strip()), _CALL.match(b.strip())
    return ma is not None and mb is not None and ma.group(1) == mb.group(1)


#: a label of a few words and its colon ("Facts:", "Procedural history:"); "--only-binary
#: :all:" is a flag
_LABEL_OPTION = re.compile(r"^[^\W\d_][\w ]{0,30}[:：]\s*$")


def acceptable(
    option: str,
    answer: str,
    taken: Sequence[str],
    avoid: str = "",
    numeric: bool = False,
    sibling: bool = False,
) -> bool:
    """A distractor must be a different thing of similar form: never a blank, never the answer
    inside it (or it inside the answer), never a word the question's own text already shows."""
    o, a = norm(option), norm(answer)
    if not o or "___" in option or len(option) > MAX_OPTION or o == a:
        return False
    if "(" in option and (same_call(option, answer) or any(same_call(option, t) for t in taken)):
        return False  # run_in_executor(executor, …) beside run_in_executor(ProcessPool…(), …)
    # one inside the other: the same thing said twice, unless both are the notes' own distinct
    # names (HEALTH_CONSTRAINTS and HEALTH_CONSTRAINTS_INVALID are two codes)
    if not numeric and not sibling and (o in a or a in o):
        return False
    if not numeric and (
        _one_word_more(option, answer) or any(_one_word_more(option, t) for t in taken)
    ):
        return False  # "symmetric" beside "symmetric algs": one kind named twice
    if _one_word_inflected(option, answer):
        return False  # `locals` beside `local`: one word twice, one option of three
    said = amount(option)
    if said is not None and (said == amount(answer) or any(said == amount(t) for t in taken)):
        return False  # "7 days (168 hours)" beside "interval 7 days": one amount twice
    if phrase_about(option, answer) or any(phrase_about(option, t) for t in taken):
        return False  # "rate THEN sum" beside rate: a rule about rate, no other function
    for t in taken:
        nt = norm(t)
        if o == nt or (not numeric and not sibling and (o in nt or nt in o)):
            return False
        if _one_word_inflected(option, t):
            return False
    if avoid and (contains(avoid, option) or (not numeric and _shares_lemma(avoid, option))):
        return False
    if option.count("`") % 2 or not balanced(option):
        return False
    if _LABEL_OPTION.match(option) and not answer.rstrip().endswith((":", "：")):
        return False  # "Facts:", "Holding:": a label of what follows, no thing of the key's kind
    if _DANGLING.search(option.strip()):
        return False
    if off_kind(option, answer) or (avoid and ruled_out(option, avoid)):
        return False
    if shape_clash(option, answer):
        return False  # `tmpfs` beside `memory.high`: a list's odd one out by its form alone
    if sibling:
        return True  # the notes' own alternatives (a list, a set of values) are what they are
    long_, short = max(len(option), len(answer)), min(len(option), len(answer))
    return long_ <= 2.5 * max(short, 4)


#: words that only say "of this kind" after a name: "symmetric algs", "block modes"
_KIND_WORDS = frozenset({"algs", "algorithms", "types", "kinds", "ones", "methods", "modes",
                         "options", "things", "stuff", "examples", "list", "lists", "family",
                         "category", "categories", "算法", "类"})  # fmt: skip


def _one_word_more(a: str, b: str) -> bool:
    """One name is the other with a word for a kind after it ("symmetric" and "symmetric
    algs"): the same kind named twice. Any other word names another thing ("OCSP" and "OCSP
    stapling", "Region" and "Region pair")."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(long_) != len(short) + 1 or long_[: len(short)] != short or not short:
        return False
    return long_[-1].lower() in _KIND_WORDS


#: a phrase that counts its kind ("Three kinds of roles", "two modes", "5 types of key"): the
#: lead-in of a list, never one of its members
_COUNTED = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|various)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]*[a-z]s\b(?:\s+of\b|\s*$)",
    re.I,
)


def off_kind(option: str, answer: str) -> bool:
    """An option another kind of thing than the answer by its form alone: a list's lead-in
    counting its members beside a member, an address or a flag beside a name."""
    if other_kind(option, answer):
        return True
    return _counted(option) and not _counted(answer)


@lru_cache(maxsize=65536)
def _counted(text: str) -> bool:
    """The text counts its kind (`_COUNTED`). Cached: a name is weighed beside many others."""
    return _COUNTED.match(text.strip()) is not None


def _case(text: str) -> bool | None:
    """Whether a one-word Latin name opens with a capital; None for anything else."""
    t = text.strip().strip("`")
    return t[:1].isupper() if " " not in t and t[:1].isascii() and t[:1].isalpha() else None


#: fewer siblings of the answer's form than this and its form is no rule for its options
FORM_LEAST = 2


#: a camelCase name and its lower-case prefix: use(State), on(Mounted), get(ServerSideProps)
_CAMEL_PREFIX = re.compile(r"([a-z]{2,6})[A-Z][A-Za-z0-9]*")


def of_form(answer: str, names: Sequence[str]) -> list[str]:
    """The names written in the answer's form, when at least FORM_LEAST are: a name under the
    prefix most of them carry ("AWS Kinesis", "Amazon Cognito") beside prefixed names, a bare
    one ("AppSync") beside bare ones, and a kind of thing named by a common noun ("Resource
    policy", "mounted volumes") beside such phrases: an option of another form stands out, and
    the key alone in its form is a give-away."""
    if len(names) < FORM_LEAST + 1 or not _PLAIN_NAME.fullmatch(answer) or command_like(answer):
        return list(names)  # commands, settings, code: their own shapes rule their options
    prefixes = _shared_prefixes([answer, *names])
    mine = _form(answer, prefixes)
    alike = [n for n in names if _form(n, prefixes) == mine]
    return alike if len(alike) >= FORM_LEAST else list(names)


def _shared_prefixes(names: Sequence[str]) -> frozenset[str]:
    """First words that open at least three of the names, each followed by more ("AWS",
    "Amazon"): a vendor's or a family's prefix."""
    firsts = Counter(n.split()[0] for n in names if len(n.split()) >= 2 and n[:1].isupper())
    return frozenset(w for w, k in firsts.items() if k >= 3)


def _form(name: str, prefixes: frozenset[str]) -> tuple[bool, bool]:
    if not _PLAIN_NAME.fullmatch(name):
        return False, False
    words = name.split()
    prefixed = len(words) >= 2 and (words[0] in prefixes or words[0] in _VENDORS)
    phrase = 2 <= len(words) <= 4 and re.fullmatch(r"[a-z][a-z-]*", words[-1]) is not None
    return prefixed, phrase and not prefixed


def noun_named(name: str) -> bool:
    """A kind of thing named by a common noun ("Resource policy", "mounted volumes"), not a
    product ("AWS Lambda") nor a bare name nor a command (`git fetch`)."""
    return not command_like(name) and _form(name, frozenset())[1]


def _proper_name(name: str) -> bool:
    """A name written in capitalised words ("Amazon Cognito", "AppSync", "Layers")."""
    return bool(_PLAIN_NAME.fullmatch(name)) and name[:1].isupper() and not noun_named(name)


#: a one-word name in capitals ("Grafana", "Silences")
_CAPITALISED = re.compile(r"[A-Z][a-z][A-Za-z0-9]+")
#: the ending of an abstract noun: what is done ("Inhibition", "Greylisting"), not what runs
_ABSTRACT = re.compile(r"(?:ing|ion|ment|ance|ence|ity|ness|ism)$")
#: what a thing that runs does in the notes: "Grafana listens on 3000", "Pushgateway runs as …"
_RUNS = r"(?:listens|runs|exposes|serves|scrapes|stores|sends|receives)\b"
#: what follows a name said to be a thing or to run: "Grafana is a …", "Grafana listens …"
_RUNS_AFTER = re.compile(rf"\s+(?:(?:is|was)\s+(?:a|an|the)\s|{_RUNS})")
#: a character that continues a name, a path or code around a word ("silence" in /silences/)
_IN_PATH = re.compile(r"[\w/.`-]")
_WORD_CHAR = re.compile(r"\w")


def _said_to_run(text: str, name: str) -> bool:
    r"""The text says the capitalised name is a thing or runs ("Grafana listens on 3000"), as
    `re.search(rf"\b{re.escape(name)}\s+(?:(?:is|was)\s+(?:a|an|the)\s|{_RUNS})", text)`
    without a pattern per name (the name opens with a letter: \b is no word character before
    it)."""
    at = text.find(name)
    while at >= 0:
        if not (at and _WORD_CHAR.match(text, at - 1)) and _RUNS_AFTER.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


#: a name written in words only ("Resource policy", "AWS Elastic Beanstalk")
_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+){0,5}")
#: words that open a product's name as its maker's ("AWS Lambda", "Amazon SQS", "Azure Functions")
_VENDORS = frozenset({"AWS", "Amazon", "Azure", "Google", "GCP", "Microsoft", "Apache", "Oracle"})


def lone_case(answer: str, wrong: Sequence[str]) -> str | None:
    """The one wrong option written in the other case when the answer and every other option
    share one ("sidecar" beside Pod, ReplicaSet and Job): it stands out, so it is struck first."""
    mine = _case(answer)
    cases = [_case(w) for w in wrong]
    if mine is None or len(wrong) < 2 or None in cases:
        return None
    odd = [w for w, c in zip(wrong, cases, strict=True) if c != mine]
    return odd[0] if len(odd) == 1 else None


#: what a stem says its answer is not: "Non-HTTP ___", "not a proxy", "非 HTTP", "without TLS"
_NEGATED = re.compile(
    r"(?<![\w-])(?:non[-\s]|not\s+(?:an?\s+|the\s+)?|without\s+(?:an?\s+|the\s+)?|except\s+|"
    r"excluding\s+)([A-Za-z][\w/.+-]*)|(?:非|不是|除了|除)\s*([A-Za-z][\w/.+-]*)"
    # "(use Policy)", "→ use Azure Monitor instead", "改用 Redis": what to turn to instead is
    # not the thing the line is about
    r"|(?:[(（]\s*(?:use|try|see)\s+|\b(?:instead use|use)\s+(?=[A-Z][\w-]*\s+instead\b)|改用\s*)"
    r"([A-Z][\w/.+-]*)",
    re.I,
)


def ruled_out(option: str, stem: str) -> bool:
    """The stem rules the option out by its own words: it says the answer is not X ("Non-HTTP
    ___") and the option is an X ("HTTPS traffic"), so only the other options are left."""
    words = _negated_words(stem)
    if not words:
        return False  # most stems deny nothing: the option is not read
    tokens = [t.casefold() for t in _OPTION_TOKEN.findall(option)]
    return any(t.startswith(word) for word in words for t in tokens)


_OPTION_TOKEN = re.compile(r"[A-Za-z][\w/.+-]*")


@lru_cache(maxsize=16384)
def _negated_words(stem: str) -> tuple[str, ...]:
    """The words a stem says its answer is not (`ruled_out`), folded. Cached: read once per
    stem, not once per option a question weighs."""
    out = []
    for m in _NEGATED.finditer(stem):
        word = (m.group(1) or m.group(2) or m.group(3)).casefold()
        if len(word) >= 3 and word not in STOP_EN:
            out.append(word)
    return tuple(out)


def _one_word_inflected(a: str, b: str) -> bool:
    """Two options that are one word, singular and plural ("local" / "locals")."""
    a, b = a.strip("` "), b.strip("` ")
    if a == b or abs(len(a) - len(b)) > 2 or a[:1] != b[:1] or " " in a or " " in b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not long_.startswith(short[:-1]):
        return False  # "policy" / "policies" share all but the last letter of the shorter
    return singular_word(a) == singular_word(b)


def _shares_lemma(text: str, option: str) -> bool:
    """An option whose every word the text shows by lemma ("limits" when the stem says "limit",
    "init containers" when it says "an init container")."""
    words = lemma_words(option)
    return bool(words) and words <= lemma_words(text)


#: a dotted number: a version when one part has two dots or a part ends in 0 ("4.10", which a
#: decimal would write "4.1"), so 4.9 comes before 4.10
_DOTTED = re.compile(r"\d+(?:\.\d+){1,3}")
_VERSION_SIGN = re.compile(r"\.\d+\.|\.\d*[1-9]0$")


def _versions(options: Sequence[str]) -> list[tuple[int, ...]] | None:
    """The options as version numbers, or None when they are not all versions."""
    texts = [o.strip() for o in options]
    if not all(_DOTTED.fullmatch(t) for t in texts):
        return None
    if not any(_VERSION_SIGN.search(t) for t in texts):
        return None
    return [tuple(int(p) for p in t.split(".")) for t in texts]


def sort_numeric(options: Sequence[str]) -> list[str] | None:
    """Numeric options in ascending order (the answer's place then says nothing), versions
    by their parts (4.9 before 4.10)."""
    versions = _versions(options)
    if versions is not None:
        return [o for _, o in sorted(zip(versions, options, strict=True))]
    nums = [parse_number(o) for o in options]
    if any(n is None for n in nums):
        return None
    return [o for _, o in sorted(zip([n.value for n in nums if n], options, strict=True))]


__all__ = ["Entry", "Pool", "acceptable", "sort_numeric", "spread_keys"]

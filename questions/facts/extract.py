"""Document -> facts. Every content block is read once; tables row by row; code for commands.

Cost is linear in the notes: each block is handled on its own, and siblings are found through
the list group, the table or the section, never by comparing every block with every other.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from questions.facts.claims import contrast_facts, predicate_facts
from questions.facts.clause_subjects import nearest, proper_name, said_before
from questions.facts.command_refs import command_reference_facts
from questions.facts.commands import command_facts
from questions.facts.definitions import (
    EXAMPLE_HEAD,
    LITERALS,
    Definition,
    abbreviated_definition,
    abbreviation,
    aspect_definition,
    head_and_description,
    heading_definition,
    is_a_sentence,
    joined_definitions,
    list_label,
    multi_definitions,
    sentence_definitions,
    split_definition,
    subject_sentence,
    unshout,
    without_spelling,
)
from questions.facts.denied import with_denied
from questions.facts.enumerations import Enumeration, enumeration
from questions.facts.groups import (
    code_led_items,
    lead_label_groups,
    names_its_own,
    nested_label_groups,
)
from questions.facts.known import known_facts
from questions.facts.listed import listed_facts
from questions.facts.model import Fact
from questions.facts.named import named_facts
from questions.facts.numbers import bare_condition, has_own_subject, number_facts, sentences
from questions.facts.picks import pick_facts
from questions.facts.results import askable, result_facts, with_options
from questions.facts.settings import setting_facts
from questions.facts.slash_groups import group_definitions, is_group
from questions.facts.steps import step_facts
from questions.facts.table_facts import table_facts
from questions.facts.topics import heading_acronyms, topic_facts
from questions.nouns import (
    MEMORY_AIDS,
    PROPERTY_HEADS,
    category,
    is_misc,
    is_phrase,
    key_noun,
    lead_category,
    singular_word,
)
from questions.parse.model import Block, Document, Inline, Section
from questions.quantities import UNITS
from questions.subjects import names_nothing, unnumbered
from questions.text import CJK, contains, is_numbering, is_zh, norm, phrase_about, stressed
from questions.values import command_like, file_mode, numbers_in, said_default, same_family

#: headings this many sections either side are a heading's options (near, and linear in cost)
HEADING_WINDOW = 24
#: the items this many places either side are a list item's kin: a list of thousands of
#: terms would otherwise make every question read every term (cost grows with its square)
KIN_WINDOW = 12
_GENERIC = {"kind", "type", "one", "thing", "way", "option", "item", "default", "example", "mode"}
_IDENTIFIER = re.compile(r"^[A-Za-z_][\w.]*$")
_ENTITY_HEADING = re.compile(r"^[A-Z][\w.+/-]*(\s+[A-Za-z][\w.+/-]*){0,3}$")


def _noun(found: str | None, heading: str) -> str | None:
    """A category noun; a generic one ("kind") takes the heading's noun ("probe kind")."""
    if found and found.lower() in _GENERIC:
        return key_noun(found, heading)
    return found


def definition_lists(content: list[Block]) -> set[int]:
    """List groups whose items are (nearly) all definitions: a list of like things."""
    items: dict[int, list[bool]] = defaultdict(list)
    for b in content:
        if b.kind == "item":
            items[b.group].append(split_definition(b) is not None)
    return {g for g, defs in items.items() if len(defs) >= 2 and sum(defs) >= 0.75 * len(defs)}


#: an item that opens with a marked name and an arrow: "`[]` → 只在 mount 后执行 1 次"
_MARKED_ARROW = re.compile(r"^\s*(?:->|→|=>)\s*\S")
#: an item that opens with a short plain head and an arrow: "不传 → 每次渲染后都执行"
_PLAIN_ARROW = re.compile(
    r"^(?P<head>[\u4e00-\u9fff]{1,6}|[A-Za-z][\w-]*(?: [\w-]+){0,2})\s*(?:->|→|=>)\s*(?P<desc>\S.{2,})$"
)


def arrow_list_items(content: list[Block]) -> dict[int, Definition]:
    """The plain items of a list whose other items define marked names with an arrow: the
    list's shape says "不传 → 每次渲染后都执行" beside "`[]` → 只在 mount 后执行 1 次" and
    "`[a, b]` → …" names one of three ways too, each the others' like option."""
    items: dict[int, list[Block]] = defaultdict(list)
    for b in content:
        if b.kind == "item":
            items[b.group].append(b)
    out: dict[int, Definition] = {}
    for members in items.values():
        marked = [b for b in members if _arrow_marked(b)]
        if len(marked) < 2:
            out |= _named_arrows(members)
            continue
        plain = {b.id: m for b in members if b not in marked and (m := _PLAIN_ARROW.match(b.text))}
        if len(marked) + len(plain) < len(members):
            continue  # a list of other lines too: its arrows may be steps, not names
        out |= {i: Definition(m.group("head"), m.group("desc").strip()) for i, m in plain.items()}
    return out


#: how many of a list's items must be "Name → meaning" for the list to be a glossary of them
NAMED_ARROWS = 3


def _named_arrows(members: list[Block]) -> dict[int, Definition]:
    """A list whose items each name a thing with a capital and say what it is after one arrow,
    as slides and cheat sheets write ("Basic → Owner / Editor / Viewer", "Custom → org or
    project level only"): a glossary of like names. Most of the list must be so, and a chain
    ("Org → Folders → Projects") is a path, no name."""
    named = {
        b.id: m
        for b in members
        if (m := _PLAIN_ARROW.match(b.text)) is not None
        and m.group("head")[:1].isupper()
        and not CJK.search(m.group("head"))  # "A 原子性 → undo log": a property's carrier
        and not m.group("desc")[:1].isdigit()  # "DNS -> 53 (UDP …)": a number, asked as one
        and not re.search(r"->|→|=>", m.group("desc"))
    }
    if len(named) < NAMED_ARROWS or len(named) * 3 < len(members) * 2:
        return {}
    return {i: Definition(m.group("head"), m.group("desc").strip()) for i, m in named.items()}


def _arrow_marked(b: Block) -> bool:
    opener = next((m for m in b.inline.marked if b.text.startswith(m)), "")
    return bool(opener) and _MARKED_ARROW.match(b.text[len(opener) :]) is not None


#: a head that names a thing with its short form: "Feasible distance (FD)"
_LONG_AND_SHORT = re.compile(
    r"^(?P<long>[A-Za-z][\w -]{2,60}?)\s*\((?P<short>[A-Z][A-Za-z0-9]{1,7})\)$"
)
_HEAD_BEFORE = re.compile(r"^(?P<head>[^:：–—]{3,70}?)\s*(?:[:：]|\s[–—-]\s)")


def _named_like_the_list(facts: list[Fact]) -> list[Fact]:
    """A plain item of a list of marked "Long name (ABBR)" terms, written "Feasible successor
    (FS): …" beside "**Feasible distance (FD)** – …", names a term of the list as they do: it
    is their kin under its whole name, not an acronym asked among the notes' other acronyms
    (FS had been offered beside DR/BDR, VLAN and CIDR)."""
    shaped: dict[str, int] = defaultdict(int)
    for f in facts:
        if f.kind == "definition" and f.role == "term" and f.group.startswith("g"):
            shaped[f.group] += _LONG_AND_SHORT.match(f.subject) is not None
    if not shaped:
        return facts
    out = []
    for f in facts:
        group = f"g{f.block.group}"
        if (
            f.kind == "definition"
            and f.role == "acronym"
            and f.block.kind == "item"
            and shaped.get(group)
        ):
            m = _HEAD_BEFORE.match(f.block.text)
            named = _LONG_AND_SHORT.match(m.group("head").strip()) if m else None
            if named is not None and named.group("short") == f.subject:
                f = replace(
                    f, subject=named.group(0), span=named.group(0), role="term", group=group
                )
        out.append(f)
    return out


def _as_members(facts: list[Fact], groups: set[str]) -> list[Fact]:
    """The definitions of a list of ways ("不传 / `[]` / `[a, b]` → …") as members of one
    set: written plain or marked, each is the others' like option."""
    if not groups:
        return facts
    return [
        replace(f, role="member", extra=tuple(dict.fromkeys((*f.extra, "arrow"))))
        if f.kind == "definition" and f.group in groups
        else f
        for f in facts
    ]


def _arrow_fact(block: Block, d: Definition, lists: set[int]) -> Fact:
    return Fact("definition", d.term, d.description, block, block.line, sentence=block.text,
                span=d.term, category=group_category(block, lists), group=f"g{block.group}",
                role="term", extra=("arrow",))  # fmt: skip


def _label_parent(block: Block) -> Inline | None:
    """The item a nested list hangs from when it is only a label ("appendfsync options:"):
    it leads the list in as a paragraph before it would."""
    parent = block.parent
    if parent is None or len(parent.text.split()) > 4:
        return None
    if parent.text.endswith((":", "：")):
        return parent
    # "**Deployment models**" over "**Public**: …": a marked plural of a common noun is a
    # label too ("**Containers**" and "**Virtual Machines**" name things: ACI is no container)
    bare = re.sub(r"\s*[(（][^()（）]*[)）]$", "", parent.text.strip())  # "**Access tiers** (blob)"
    marked = parent.strong and parent.strong[0] == bare
    words = bare.split()
    kind = len(words) >= 2 and words[-1].islower() and lead_category(bare) is not None
    return parent if marked and kind else None


#: a lead that judges what was said above ("Correct version:", "Corrected:", "Wrong:") or names
#: the writing itself ("Full list:", "Quick summary:"): no kind of the lines under it
_VERDICT = re.compile(
    r"(?i)(?:correct(?:ed|ion)?|wrong|right|fixed|updated|revised)\b"
    r"|(?:(?:full|complete|quick|short|my|the)\s+)?(?:list|summary|recap|overview|cheat\s*sheet)[\s:：]*$"
)


def group_category(block: Block, lists: set[int]) -> str | None:
    """The noun the items of a list are instances of: the lead-in's plural ("QoS classes:"),
    a short label lead ("**Deployment policy**"), or a plural heading over a list of
    definitions ("### multi-container patterns")."""
    heading = block.section.heading
    above = block.lead if block.lead is not None else _label_parent(block)
    if above is not None:
        # "Sections we use:": what the writer does with them is no part of the kind's name
        lead = re.split(r"\s+(?:we|I|you|my|our|your)\b", above.text)[0]
        found = lead_category(lead)
        # (a short lead only when it is the whole lead: "while I'm confessing, …" names no
        # "while"; and never a verdict on a line above: "Correct version:")
        plain = (
            len(lead.split()) <= 3
            and not re.search(r"[.!?,;]", lead)
            and (lead == above.text or lead_category(above.text) is not None)
            and not _VERDICT.match(lead)
        )
        if found is None and plain and not property_lead(lead.strip(" :：")):
            found = category(lead)
        return _noun(found, heading)
    words = heading.split()
    if block.kind == "item" and block.depth == 1 and len(words) >= 2 and block.group in lists:
        last = words[-1]  # "Index types", "multi-container patterns"; not a topic like "Pods"
        if re.fullmatch(r"[A-Za-z-]+s", last) and singular_word(last) != last:
            return _noun(category(heading), heading)
    return None


#: a marked name that carries its short form: "**Authorization server (AS)**"
_WITH_SHORT_FORM = re.compile(r"[(（][A-Z][A-Za-z0-9]{1,8}[)）]$")


def _marked_with_short_form(block: Block) -> bool:
    """The line opens with a marked name and its short form together ("**Resource server
    (RS)** — the API …"): the author names the thing whole, as its list's other items are
    named, so it is asked whole among them, not as "RS" among the notes' acronyms (JWT)."""
    return any(block.text.startswith(m) and _WITH_SHORT_FORM.search(m) for m in block.inline.marked)


def _definition(block: Block, only_block: bool) -> tuple[Definition | None, str]:
    """The block's definition and the pool role of its term (term, or heading entity)."""
    if block.kind not in ("item", "paragraph"):
        return None, ""
    d = None if _marked_with_short_form(block) else abbreviated_definition(block.text)
    if d is not None:
        return d, "acronym"  # asked among the notes' other acronyms
    d = split_definition(block)
    if d is not None and list_label(d.term, d.description, block.inline.code):
        return None, ""
    if d is not None:
        d = without_spelling(d)
        if block.kind == "paragraph" and not block.from_heading:
            aspect = aspect_definition(block, d, block.section.heading, only_block)
            if aspect is not None:
                return aspect, "heading"
        return d, "term"
    if block.from_heading:
        return None, ""  # a statement heading never describes the heading it sits under
    if block.kind == "paragraph":
        heading = block.section.heading
        d = subject_sentence(block, heading) or heading_definition(block, heading, only_block)
        if d is not None:
            return d, "heading"
        d = is_a_sentence(block)
        if d is not None and norm(singular_word(heading.split()[-1] if heading else "")) == norm(
            d.term
        ):
            return Definition(heading, d.description), "heading"  # "## Layers … A layer is …"
        if d is not None:
            return d, "term"
    return None, ""


def _enumeration_facts(block: Block, e: Enumeration) -> list[Fact]:
    label = e.label
    names = [m.name for m in e.members]
    group = f"e{block.id}"
    is_param = bool(_IDENTIFIER.match(label)) and (
        label in block.inline.code or re.search(r"[a-z][A-Z]|_", label) is not None
    )
    noun = (
        None if is_param else _noun(lead_category(label) or category(label), block.section.heading)
    )
    out: list[Fact] = []
    default = e.default
    if default is not None and (is_param or noun):
        out.append(
            Fact("default", label if is_param else (noun or ""), default.name, block, block.line,
                 sentence=block.text, span=default.name, attribute="default", category=noun,
                 group=group, role="member", siblings=tuple(n for n in names if n != default.name))
        )  # fmt: skip
    described = [m for m in e.members if m.description and not m.default]
    for m in described:
        out.append(
            Fact("definition", m.name, m.description, block, block.line, sentence=block.text,
                 span=m.name, category=noun, group=group, role="member",
                 siblings=tuple(n for n in names if n != m.name),
                 context=label if is_param else "", extra=("member", "aside")[: 1 + m.aside])
        )  # fmt: skip
    return out


def _sentence_context(block: Block, said: tuple[str, ...], n: int, span: str, of: str) -> str:
    """What a span's sentence is about: the setting the sentence names nearest before it (none
    when the sentence says it itself), else the subject of the sentence before it, else what
    the line is about (`of`)."""
    sentence = said[n]
    own = nearest(sentence, sentence.find(span), block.inline.marked, skip=span)
    if own:
        return "" if own != of and contains(sentence, own) else own
    if n > 0 and sentence.lstrip(" *`「“\"'").startswith(span):
        return ""  # "… object last. `super().__init__()` → parent init": its own subject
    if n > 0 and not has_own_subject(sentence):
        return said_before(said, n, block.inline.marked) or of
    return of


#: a bold order on what the line names ("**commit it**", "**don't touch them**"): advice, no term
_ORDER_ON_IT = re.compile(
    r"(?i)(?:(?:never|always|don'?t|do not)\s+)?[a-z]+\s+(?:it|them|this|that)"
)


def _term_facts(block: Block, terms: set[str], context: str) -> list[Fact]:
    """Marked spans inside statements ("container gets **throttled**"), each a cloze."""
    out: list[Fact] = []
    numbers = {n.text for n in numbers_in(block.text)}
    said = sentences(block.text)
    for n, sentence in enumerate(said):
        seen: set[str] = set()
        for span in block.inline.marked:
            span = span.strip()
            if (
                not span
                or span in seen
                or span not in sentence
                or span in numbers
                or norm(span) in terms
                or not re.search(r"[A-Za-z\u4e00-\u9fff]", span)
                or len(span) > 60
                or (span not in block.inline.code and _ORDER_ON_IT.fullmatch(span))
                or (span not in block.inline.code and stressed(span))
                or span in LITERALS
            ):
                continue
            seen.add(span)
            role = "code" if span in block.inline.code else "bold"
            about = _sentence_context(block, said, n, span, context)
            out.append(Fact("term", span, span, block, block.line, sentence=sentence, span=span,
                            context=about, role=role, group=f"b{block.id}"))  # fmt: skip
    return out


_ACRONYM_IN_ZH = re.compile(
    r"(?<![A-Za-z0-9_()/-])(?<![A-Za-z] )[A-Z][A-Z0-9]{1,7}(?![A-Za-z0-9_()/-])(?! [A-Za-z])"
)


def acronym_facts(block: Block, terms: set[str], context: str) -> list[Fact]:
    """An acronym in a Chinese sentence ("TLS 1.3 去掉了 RSA 密钥交换"): the term the sentence
    is about, asked among the other acronyms of the section."""
    out: list[Fact] = []
    if not is_zh(block.text):
        return out
    marked = set(block.inline.marked)
    for sentence in sentences(block.text):
        if not CJK.search(sentence):
            continue
        for m in _ACRONYM_IN_ZH.finditer(sentence):
            span = m.group(0)
            if span in marked or norm(span) in terms or sentence.count(span) > 1:
                continue
            if is_numbering(span):
                continue  # "Q3：AOF 和 RDB …？": the question's number
            if span.lower() in UNITS and re.search(r"\d\s*$", sentence[: m.start()]):
                continue  # "64 KB", "32 MB": a unit of the number before it, no term
            out.append(Fact("term", span, span, block, block.line, sentence=sentence, span=span,
                            context=context, role="acronym", group=f"b{block.id}"))  # fmt: skip
    return out


#: a heading longer than this is a phrase, not the name of the thing its lines are about
MAX_NAME_WORDS = 4


def heading_name(heading: str) -> str:
    """The name a heading gives, without its Chinese gloss: "X-Ray daemon Xray 守护进程" ->
    "X-Ray daemon" (a Latin word that only repeats an earlier one goes with the gloss)."""
    heading = unnumbered(heading)  # "Q4. 讲讲 GMP 调度模型": no "Q4." to name
    at = CJK.search(heading)
    words = (heading[: at.start()] if at else heading).split()
    while len(words) > 1 and norm(words[-1].replace("-", "")) in {
        norm(w.replace("-", "")) for w in words[:-1]
    }:
        words.pop()
    name = " ".join(words).strip(" :：-—")
    ok = bool(name) and len(words) <= MAX_NAME_WORDS and bool(re.match(r"[A-Za-z]", name))
    # "For full capacity", "In production": a circumstance, not the name of what the lines
    # under it are about; a phrase is no name a stem can lead with either
    ok = ok and not is_phrase(name) and not _CIRCUMSTANCE.match(name)
    return name if ok else ""


_CIRCUMSTANCE = re.compile(r"(for|in|on|with|without|to|when|if|during|after|before)\b", re.I)


def heading_subject(block: Block) -> str:
    """What a Chinese line right under a heading is about when it names nothing itself
    ("## X-Ray daemon" / "默认监听UPD端口2000"): the heading's name, for a stem to keep."""
    if block.kind != "paragraph" or block.parent is not None or block.from_heading:
        return ""
    if not CJK.search(block.text) or re.match(r"[A-Za-z`]", block.text):
        return ""
    return heading_name(block.section.heading)


def _command_definition(block: Block, d: Definition, heads: set[str]) -> Fact | None:
    """ "rollback = `kubectl rollout undo deployment/web`": a command for a purpose."""
    cmd = next((c for c in block.inline.code if d.description.startswith(c)), "")
    if not cmd or len(cmd.split()) < 2 or cmd.split()[0] not in heads:
        return None
    return Fact("command", d.term, cmd, block, block.line, sentence=block.text, span=cmd,
                role="cmd", context=d.term)  # fmt: skip


def _named_before_definition(block: Block, d: Definition) -> str:
    """ "Users can configure an AWS Lambda function …. A layer is a .zip archive …": a
    paragraph's definition in a later sentence is about the product the sentence before names
    (never the term itself)."""
    if block.kind != "paragraph":
        return ""
    parts = sentences(block.text)
    k = next((i for i, s in enumerate(parts) if d.description[:40] in s), 0)
    for j in range(k - 1, -1, -1):
        name = proper_name(parts[j])
        if name and norm(d.term) not in norm(name):
            return name
    return ""


def _block_facts(
    block: Block, only_block: bool, context: str, heads: set[str], lists: set[int]
) -> list[Fact]:
    out: list[Fact] = []
    abbr = abbreviation(block.text)
    if abbr is not None:
        out.append(Fact("abbrev", abbr[0], abbr[1], block, block.line, sentence=block.text,
                        span=abbr[1]))  # fmt: skip
    e = enumeration(block.text, block.inline.code)
    listed = _enumeration_facts(block, e) if e is not None else []
    if listed:
        out += listed
        out += number_facts(block, "", context)
        return out
    # (a run of bare names asks nothing: "Basic (primitive): Owner / Editor / Viewer. too
    # broad" is read as what it defines)
    defined: set[str] = set()
    multi = (multi_definitions(block) or joined_definitions(block) or _slash_group(block)
             or sentence_definitions(block))  # fmt: skip
    term = ""
    if multi:
        multi = [without_spelling(m) for m in multi]  # "**SOAR** – Orchestration, …"
        names = [m.term for m in multi]
        # a slash group's marked whole ("**IDS / IPS**") is its names, no term of its own
        defined.update(norm(t) for t in block.inline.marked
                       if "/" in t and {p.strip() for p in t.split("/")} <= set(names))  # fmt: skip
        for m in multi:
            defined.add(norm(m.term))
            out.append(
                Fact("definition", m.term, m.description, block, block.line, sentence=block.text,
                     span=m.term, group=f"b{block.id}", role="term", context=context,
                     siblings=tuple(n for n in names if n != m.term),
                     extra=("verb",) * m.verb_phrase)
            )  # fmt: skip
    else:
        d, role = _definition(block, only_block)
        if d is not None and block.from_heading:
            role = "heading"  # "### user pool 是…": a topic of its own, kin of the headings
        command = _command_definition(block, d, heads) if d is not None else None
        if command is not None:
            out.append(command)
        elif d is not None and role == "term" and is_group(d.term):
            term = d.term  # "**Delta / Iceberg** – open table formats": one meaning of two
            # names, which no question could key as one thing
        elif d is not None and said_default(d.description.strip(" .。"), whole=True):
            term = d.term  # "`create_before_destroy` — default false": the default's
            # setting, with no meaning to ask
        elif d is not None:
            term = d.term
            defined.add(norm(d.term))
            context = context or _named_before_definition(block, d)
            out.append(
                Fact("definition", d.term, d.description, block, block.line, sentence=block.text,
                     span=d.term, category=group_category(block, lists) if role == "term" else None,
                     group=_definition_group(block, role), role=role, context=context,
                     extra=("verb",) * d.verb_phrase + ("claim",) * d.claim)
            )  # fmt: skip
            if d.follow_up:
                out.append(_condition_fact(out[-1], d.follow_up))
    said_of = context or term or heading_subject(block)
    out += number_facts(block, term, said_of)
    out += _term_facts(block, defined, said_of)
    out += acronym_facts(block, defined, said_of)
    out += usage_facts(block)
    out += contrast_facts(block)
    return out


def _slash_group(block: Block) -> list[Definition]:
    """ "**IDS / IPS** – detect / prevent": the group's names, each with its own meaning."""
    if "/" not in block.text:
        return []
    d = head_and_description(block)
    return group_definitions(d) if d is not None else []


_USE = re.compile(
    r"\b(?:use|uses|using|needs?|requires?)\s+(?:an?\s+|the\s+)?"
    r"(?P<term>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,3}?)\s+(?:to|for)\b"
)


def usage_facts(block: Block) -> list[Fact]:
    """ "could use dead letter queue to check the reason": the thing used, as a cloze whose
    options are the notes' other things named with the same head noun."""
    out: list[Fact] = []
    for sentence in sentences(block.text):
        for m in _USE.finditer(sentence):
            term = m.group("term")
            if sentence.count(term) == 1 and term.split()[0] not in ("it", "this", "that"):
                out.append(Fact("term", term, term, block, block.line, sentence=sentence,
                                span=term, role="usage"))  # fmt: skip
    return out


_STATED_DEFAULT = re.compile(
    r"^(?:the\s+)?default\s+[\w -]{1,30}?\s*(?:=|:|is)\s*(?P<value>[^,;.。]{1,40})[.。]?$", re.I
)


def stated_defaults(facts: list[Fact]) -> list[Fact]:
    """ "default level = **Read Committed**." over a table of levels: the default row."""
    tables: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "property" and f.table is not None and f.category and f.column == 0:
            tables[f.section.index].append(f)
    out: list[Fact] = []
    for f in facts:
        if f.kind != "definition" and f.kind != "term":
            continue
        m = _STATED_DEFAULT.match(f.block.text)
        rows = tables.get(f.section.index, [])
        if not m or not rows:
            continue
        value = norm(m.group("value"))
        match = [r for r in rows if norm(r.subject) == value]
        if len(match) == 1:
            row = match[0]
            others = tuple(r.subject for r in rows if r is not row)
            out.append(Fact("default", row.category or "", row.subject, f.block, f.line,
                            sentence=f.block.text, span=row.subject, attribute="default",
                            category=row.category, group=row.group, role="key",
                            siblings=others))  # fmt: skip
    return list({x.id: x for x in out}.values())


#: a line that says its one member is the default: "pods are Unconfined by default", "the
#: default is `Allow`", "默认是 Allow"
_SAYS_DEFAULT = re.compile(r"\bby default\b|\bdefaults? (?:is|to)\b|\bis the default\b|默认")


def defaults_said_below(content: Sequence[Block]) -> list[Fact]:
    """ "k8s seccomp types: `RuntimeDefault`, `Localhost`, `Unconfined`" with a nested line
    "**pods are Unconfined by default** unless …": the default member, the set's others its
    options, as for an enumeration whose line marks its "(default)"."""
    kids: dict[int, list[Block]] = defaultdict(list)
    for b in content:
        if b.kind == "item" and b.parent_line:
            kids[b.parent_line].append(b)
    out: list[Fact] = []
    for b in content:
        if b.kind != "item" or b.line not in kids:
            continue
        e = enumeration(b.text, b.inline.code)
        if e is None or e.default is not None or len(e.members) < 3:
            continue
        for k in kids[b.line]:
            said = [m for m in e.members if contains(k.text, m.name)]
            if len(said) == 1 and _SAYS_DEFAULT.search(k.text):
                marked = tuple(replace(m, default=m is said[0]) for m in e.members)
                found = _enumeration_facts(b, replace(e, members=marked))
                out += [replace(f, sentence=k.text) for f in found if f.kind == "default"]
                break
    return out


_MARKED_DEFAULT = re.compile(r"\s*(?:\((?:the\s+)?default\)|（默认）)", re.I)


def marked_defaults(facts: list[Fact]) -> list[Fact]:
    """ "**RollingUpdate** (the default): replaces pods gradually" among defined members: the
    default member, its siblings the options, as for an enumeration's "(default)"."""
    out: list[Fact] = []
    for f in facts:
        if f.kind != "definition" or not f.siblings:
            continue
        text = f.block.text.lstrip()
        marked = text.startswith(f.subject) and _MARKED_DEFAULT.match(text[len(f.subject) :])
        # "`AbortPolicy`：**默认**，抛 …": a description that opens by saying so
        said = _DEFAULT_CLAUSE.match(f.value) is not None
        kind = f.category or (_heading_kind(f.section.heading) if said else None)
        if kind and (marked or said):
            out.append(Fact("default", kind, f.subject, f.block, f.line,
                            sentence=f.block.text, span=f.subject, attribute="default",
                            category=kind, group=f.group, role="member",
                            siblings=f.siblings))  # fmt: skip
    return out


def _said_apart(facts: list[Fact], defaults: set[str]) -> list[Fact]:
    """A default member's description without the clause that says it is the default
    ("the default (`CREATE INDEX` w/o `USING`). =, <, …" of B-tree): the default question asks
    that, and a description opening with it would answer that question."""
    out = []
    for f in facts:
        m = (
            _DEFAULT_CLAUSE.match(f.value)
            if f.kind == "definition" and f.subject in defaults
            else None
        )
        rest = f.value[m.end() :].strip() if m else ""
        out.append(replace(f, value=rest) if m and len(rest) >= 4 else f)
    return out


#: a description whose first clause only says its term is the default ("默认，抛 …", "the
#: default (`CREATE INDEX` w/o `USING`). …"): that member is the default of its list
_DEFAULT_CLAUSE = re.compile(
    r"^\s*(?:默认|(?:the )?default)\s*(?:[(（][^)）]*[)）])?\s*(?:[，,;；.。]\s*|$)", re.I
)
#: a count after a heading's kind: "拒绝策略 4 种", "Restart policies (3)"
_COUNTED_KIND = re.compile(r"\s*(?:[(（]?\d+[)）]?\s*(?:种|个|类|kinds?|types?)?)$", re.I)


def _heading_kind(heading: str) -> str | None:
    """The kind a heading says its list's members are ("拒绝策略 4 种" -> 拒绝策略), or None."""
    named = _COUNTED_KIND.sub("", heading.strip())
    if CJK.search(named) and len(named) <= 10:
        return category(named)  # "分区分配策略": a kind's name, whatever its last character
    return lead_category(named)


def key_kind(header: str) -> str:
    """The kind of identifier a table's numeric keys are, named by their header."""
    return f"key:{norm(header)}"


def table_key_numbers(facts: list[Fact]) -> list[Fact]:
    """A number that names a table row elsewhere ("返回 412", "直接 404") is that kind of
    identifier (a status code, a port): its options are the table's other keys."""
    kinds = {
        f.subject: key_kind(f.table.key_header)
        for f in facts
        if f.kind == "property" and f.table is not None and re.fullmatch(r"\d+", f.subject)
    }
    # a code of a width ("412") is of the table with most keys of that width: status codes,
    # not the ports table that happens to hold 443
    by_width: dict[int, Counter[str]] = defaultdict(Counter)
    for key, header_kind in kinds.items():
        by_width[len(key)][header_kind] += 1
    widths = {w: c.most_common(1)[0][0] for w, c in by_width.items()}

    def kind_of(f: Fact) -> str | None:
        if f.span in kinds:
            return kinds[f.span]
        if f.role != "code" or _said_as_mode(f):
            return None  # "perms 000 or 640": a file mode, never a port of the ports table
        return widths.get(len(f.span))

    out = []
    for f in facts:
        kind = kind_of(f) if f.kind == "number" else None
        out.append(replace(f, role=kind) if kind else f)
    return out


def _said_as_mode(f: Fact) -> bool:
    """The fact's number is a file mode where its sentence says it ("perms 000 or 640")."""
    said = numbers_in(f.span)
    return bool(said) and file_mode(
        said[0], f.sentence[: f.sentence.find(f.span)] + " " + f.block.under
    )


def versions_everywhere(facts: list[Fact]) -> list[Fact]:
    """A bare number the notes write as a version elsewhere ("PG 18", "MD5 … deprecated in
    18") is that version everywhere: its options are other versions, never 36 or 72."""
    versions = {f.span for f in facts if f.kind == "number" and f.role == "version"}
    return [
        replace(f, role="version")
        if f.kind == "number"
        and f.role == "quantity"
        and f.span in versions
        and re.fullmatch(r"\d+(\.\d+)?", f.span)
        else f
        for f in facts
    ]


#: a setting written with a flag value: `Access-Control-Allow-Credentials: true`, `fsync=on`
_FLAG_SETTING = re.compile(
    r"^(?P<key>[A-Za-z][\w.-]*)\s*(?::\s*|=\s*)(?:true|false|on|off|yes|no|enabled?|disabled?|\d+)$",
    re.I,
)


def _condition_fact(f: Fact, follow_up: str) -> Fact:
    """What must hold once the defined term is used, asked as that: which term brings it. A
    setting switched on by a flag brings it by its name, so the name is asked (a bare name
    beside the bare names of its kin, not the one option with a value)."""
    m = _FLAG_SETTING.match(f.subject)
    subject = m.group("key") if m else f.subject
    return replace(f, subject=subject, span=subject, value=follow_up, attribute=f.subject,
                   extra=("condition",))  # fmt: skip


def _definition_group(block: Block, role: str) -> str:
    if role == "heading":
        return "headings"
    if role == "acronym":  # "X 简称 Y, …": kin of the acronyms the notes define, not of its line
        return "acronyms"
    return f"g{block.group}" if block.kind == "item" else f"s{block.section.index}"


_BARE_NUMBER = re.compile(r"[\d.,\s%]+")


#: a bare item of a word or two that only heads its nested items: "Caching", "SQS FIFO",
#: "微服务", "管道-过滤器"
_BARE_LABEL = re.compile(
    r"[A-Z][\w-]*(?: [A-Za-z][\w-]*){0,2}|[\u4e00-\u9fff][\u4e00-\u9fff-]{1,7}"
)


def _parent_terms(blocks: list[Block]) -> dict[int, str]:
    """For each nested block, the term of the item it is nested in."""
    out: dict[int, str] = {}
    by_text: dict[str, str] = {}
    bare: set[str] = set()  # parents that are a bare label only
    for b in blocks:
        if b.kind == "item":
            d = split_definition(b)
            # a marked number ("errors → **400**") is a value, no name to say its items under
            # ...nor is a word marked inside its sentence ("根据**当前内存数据**生成"): only a
            # marked name that opens the item names what it is about
            named = [m for m in b.inline.marked
                     if not _BARE_NUMBER.fullmatch(m) and b.text.lstrip("*`「“\"'").startswith(m)]  # fmt: skip
            term = d.term if d else (named[0] if named else "")
            if not term and _BARE_LABEL.fullmatch(b.text) and not names_nothing(b.text):
                term = b.text  # "- Caching" over "per stage, default TTL 300 s": what they are of
                bare.add(b.text)
            by_text[b.text] = term
    for b in blocks:
        if b.parent is not None:
            if b.parent.text in bare and names_its_own(b.text):
                continue  # "Enabling" over "ECS: daemon as a sidecar": the line names its own
            out[b.id] = by_text.get(b.parent.text, "")
    return out


#: an item that opens mid-sentence: "actively, by a background cycle …", "when a client …"
_FRAGMENT = re.compile(
    r"^(?:[a-z]+ly\s*,|(?:by|when|whenever|if|unless|once|while|via|after|before|during|"
    r"because|through|with|without)\s)"
)


def continued_lead_ins(blocks: list[Block]) -> dict[int, str]:
    """For each item that finishes the sentence its parent or lead-in opens ("Expired keys are
    removed two ways:" / "actively, by a background cycle sampling 20 keys"), that sentence:
    the item alone has no subject, and reads as the count's or the cycle's owner."""
    out: dict[int, str] = {}
    for b in blocks:
        above = b.parent if b.parent is not None else b.lead
        if b.kind != "item" or above is None or not _FRAGMENT.match(b.text):
            continue
        said = sentences(above.text)
        last = said[-1].strip() if said else ""
        if last.endswith((":", "：")) and len(last.split()) >= 3:
            out[b.id] = last
    return out


#: a step that maps a short condition to its outcome: "有 PRIMARY KEY → 主键", "no key -> a row id"
_CASE = re.compile(r"^[^→]{1,40}?\s*(?:→|->|=>)\s*\S")


def _conditions(blocks: list[Block]) -> dict[int, str]:
    """For each numbered step that opens with a bare condition, the last step before it that
    does not: "没变" and "变了" say nothing until the request they answer is stated."""
    out: dict[int, str] = {}
    stated: Block | None = None  # the last step of the list that states something itself
    for b in blocks:
        if b.kind != "item" or not b.ordered:
            stated = None
        elif not bare_condition(b.text):
            # "1. 有 PRIMARY KEY → 主键" is one case of a decision list: "3. 都没有 → …" is
            # the next case, not the answer to what it states
            stated = None if _CASE.match(b.text) else b
        elif stated is not None and stated.group == b.group:
            out[b.id] = stated.text.rstrip("。.;；")
    return out


def under_catch_all(block: Block) -> bool:
    """The block sits in a catch-all: a list led in by one ("Misc CLI:", "- 其它："), or a
    paragraph or a list with no lead of its own under a catch-all heading."""
    above = block.lead if block.lead is not None else _label_parent(block)
    if block.kind == "item" and above is not None:
        return is_misc(above.text)
    return is_misc(block.section.heading)


def shares_word(a: str, b: str) -> bool:
    words = {w for w in re.findall(r"[a-z0-9]+", a.casefold()) if len(w) >= 3}
    return bool(words & {w for w in re.findall(r"[a-z0-9]+", b.casefold()) if len(w) >= 3})


def markup(f: Fact) -> str:
    """How the author marked a term where it is defined: code, bold or plain."""
    inline = f.block.inline
    if f.subject in inline.strong and (
        f.subject not in inline.code or f.block.text.startswith(f.subject)
    ):
        # "**volumes** – … under `/var/lib/docker/volumes/`": marked bold itself; "**RANGE** —
        # … `RANGE` with an offset": bold where it opens the line, code only where it is used
        return "bold"
    if any(f.subject == c or f.subject in c for c in inline.code):
        return "code"
    return "bold" if any(f.subject == b or f.subject in b for b in inline.strong) else "plain"


def _stressed_kin(a: Fact, b: Fact) -> bool:
    """One bold and one plain term of one list, both names ("CMS", "ParNew", "G1"; "Feasible
    distance (FD)", "Feasible successor (FS)"): the author bolded the ones to stress, not
    another kind of thing."""
    marks = {markup(a), markup(b)}
    if marks != {"bold", "plain"} or not a.group.startswith("g"):
        return False
    return all(
        (len(x.subject.split()) == 1 and _NAME_SHAPE.fullmatch(x.subject))
        or _LONG_AND_SHORT.match(x.subject)
        for x in (a, b)
    )


#: a product or component name: a capital or a digit first, letters and digits ("G1", "ZGC")
_NAME_SHAPE = re.compile(r"[A-Z0-9][A-Za-z0-9]*")


def _same_kind(a: str, b: str) -> bool:
    """Two names of one kind: one-word names always; phrases only with one head noun."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return True
    return singular_word(wa[-1].lower()) == singular_word(wb[-1].lower())


def _about_their_kind(facts: list[Fact]) -> list[Fact]:
    """A list under "**secrets**" whose lines say things of secrets ("命名: …", "fork PR 触发的
    workflow 拿不到 secrets") is about its kind, not a list of its kind: two lines or more
    naming the kind in what they say, its items are no secrets, and no stem asks "哪个 secret"."""
    naming: dict[tuple[str, str], int] = defaultdict(int)
    for f in facts:
        if f.kind == "definition" and f.category and " " not in f.category.strip():
            word = f.category.strip().casefold()
            if re.search(rf"(?<![A-Za-z]){re.escape(word)}s?(?![A-Za-z])", f.value, re.I):
                naming[f.group, word] += 1
    about = {g for (g, _), n in naming.items() if n >= 2}
    if not about:
        return facts
    return [replace(f, category=None) if f.group in about and f.kind == "definition" else f
            for f in facts]  # fmt: skip


def _without_group_terms(facts: list[Fact]) -> list[Fact]:
    """No definition of a slash group that holds another term its line defines: "ECC/DH/
    ElGamal/DSA = discrete log" beside "DH = key agreement only" is said of all four, and
    keyed by the group DH and ElGamal would be right too."""
    defined: dict[int, set[str]] = defaultdict(set)
    for f in facts:
        if f.kind == "definition":
            defined[f.block.id].add(f.subject)
    groups = {f.subject for f in facts
              if f.kind == "definition" and "/" in f.subject
              and set(re.split(r"\s*/\s*", f.subject)) & (defined[f.block.id] - {f.subject})}  # fmt: skip
    if not groups:
        return facts
    return [
        replace(f, siblings=tuple(s for s in f.siblings if s not in groups))
        for f in facts
        if not (f.kind == "definition" and f.subject in groups)
    ]


def _link_siblings(facts: list[Fact], lists: set[int]) -> list[Fact]:
    """Definitions of one group learn each other's terms and descriptions."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    labels: dict[str, set[str]] = defaultdict(set)  # list group -> its labels ("HTTP/2")
    for f in facts:
        if f.kind == "definition" and f.group and f.role != "heading" and not f.condition:
            groups[f.group].append(f)  # (a term's condition is no meaning of a kin's)
        if f.role == "label" and f.group.startswith("n"):
            labels["g" + f.group[1:]] |= {f.subject, *f.siblings}
    at = {id(g): i for members in groups.values() for i, g in enumerate(members)}
    # a list of ways written "X → what it does", some marked and some plain: all one kind
    arrows = {f.group for f in facts if "arrow" in f.extra}
    out = []
    for f in facts:
        if f.kind != "definition" or not f.group or f.role == "heading":
            out.append(f)
            continue
        # (a condition's term as written, `X: true`, is the term itself, not its kin); of a
        # long list, the nearest items only
        members = groups[f.group]
        i = at.get(id(f), 0)
        near = members[max(0, i - KIN_WINDOW) : i + KIN_WINDOW + 1]
        peers = [g for g in near if g.subject not in (f.subject, f.attribute)]
        # "Client 验证证书链…" (what an actor does) is no kin of "**ServerHello**：…" (what a
        # thing is): claims pair only with claims
        peers = [g for g in peers if ("claim" in g.extra) == ("claim" in f.extra)]
        in_list = f.group.startswith("g") and int(f.group[1:]) in lists
        if f.category is None and f.role in ("term", "member") and f.group not in arrows:
            # `VACUUM FULL` (code) and **transaction ID wraparound** (bold) in one list are two
            # kinds of thing: a term's kin are marked as it is; bold only stresses a name, so
            # "ParNew：…" and "**CMS**：…" of one list are kin when their names are of one shape
            peers = [g for g in peers if markup(g) == markup(f) or _stressed_kin(g, f)]
            if markup(f) == "code":
                # `git fetch` (a command) and `origin` (a name) in one list: two kinds again
                peers = [g for g in peers if command_like(g.subject) == command_like(f.subject)]
        if f.role == "term" and f.category is None and f.group[:1] in "sg" and not in_list:
            # a mixed list: only terms of one surface kind are each other's kin
            peers = [g for g in peers if same_family(g.subject, f.subject)]
            if f.group.startswith("s"):
                # paragraphs of a section name several kinds of thing: two phrases are kin
                # when they name the same kind ("read request unit" / "write request unit",
                # never "global tables")
                peers = [g for g in peers if _same_kind(g.subject, f.subject)]
        if f.group[:1] in "sg" and under_catch_all(f.block):
            # a grab-bag section or list ("杂项", "Odds and ends:"): unlike things, only terms
            # named alike are kin ("CloudWatch alarm" / "… event")
            peers = [g for g in peers if shares_word(g.subject, f.subject)]
        siblings = tuple(dict.fromkeys([*f.siblings, *(g.subject for g in peers),
                                        *sorted(labels.get(f.group, set()) - {f.subject})]))  # fmt: skip
        # "rate THEN sum" is a rule about its list's rate, no kin of irate or increase (a
        # phrase has a space: siblings of one word each are read no further, a long list's)
        if any(" " in s for s in siblings):
            siblings = tuple(
                s
                for s in siblings
                if not any(len(s) > len(o) and phrase_about(s, o) for o in siblings)
            )
        values = tuple(dict.fromkeys(g.value for g in peers))
        out.append(replace(f, siblings=siblings, sibling_values=values))
    return out


def entity_headings(sections: tuple[Section, ...]) -> list[tuple[int, str]]:
    """Headings that name a thing ("Secrets Manager", "AWS INSPECTOR"), by section index: one
    another's options when a section's body defines its heading."""
    out = []
    for s in sections:
        h = re.sub(r"\s*[(（].*$", "", s.heading).strip()
        if (
            s.level
            and not s.bold
            and _ENTITY_HEADING.match(h)
            and not CJK.search(h)
            and category(h) is not None
        ):
            out.append((s.index, unshout(h)))
    return out


#: statement headings under one heading offered beside each other (bounded: linear cost)
MAX_STATED_PEERS = 8


def _heading_statement_terms(facts: list[Fact]) -> dict[int, list[str]]:
    """The terms of headings that are statements, by the section they sit under: "Cognito
    sync …" and "user pool 是…" under "Amazon Cognito" are each other's options."""
    out: dict[int, list[str]] = defaultdict(list)
    for f in facts:
        if f.kind == "definition" and f.role == "heading" and f.block.from_heading:
            out[f.section.index].append(f.subject)
    return out


def _heading_siblings(
    f: Fact, headings: list[tuple[int, str]], stated: dict[int, list[str]]
) -> tuple[str, ...]:
    """A heading's options: the entity headings near it; a statement heading's also the other
    statements under the same heading, but never the thing its own statement names ("Amazon
    Cognito" beside "user pool 是Cognito 中的用户库")."""
    near = _near_headings(headings, f)
    if not f.block.from_heading:
        return near
    peers = [t for t in stated.get(f.section.index, ()) if norm(t) != norm(f.subject)]
    peers = peers[:MAX_STATED_PEERS]
    named = {w.casefold() for w in re.findall(r"[A-Za-z][\w-]+", f.value)}
    own = {w.casefold() for w in f.subject.split() if len(w) >= 4}
    return tuple(
        t
        for t in dict.fromkeys([*peers, *near])
        if t.split()[-1].casefold() not in named  # the thing the statement itself names
        and not own & {w.casefold() for w in t.split()}  # its whole: "Amazon Cognito"
    )


#: the tag of a statement heading one of exactly two under one heading ("Cognito sync …" and
#: "user pool 是…" under the same heading): a pair the notes set side by side
STATED_PAIR = "stated pair"


def _stated_heading(f: Fact, headings: list[tuple[int, str]], stated: dict[int, list[str]]) -> Fact:
    """A heading's fact with its options; a statement heading one of two under its heading is
    tagged as their pair, as two terms defined in neighbouring items are (its peer comes
    first among its options, unless its statement names the peer)."""
    siblings = _heading_siblings(f, headings, stated)
    peers = stated.get(f.section.index, ()) if f.block.from_heading else ()
    other = [t for t in peers if norm(t) != norm(f.subject)]
    if len(peers) == 2 and len(other) == 1 and siblings[:1] == (other[0],):
        return replace(f, siblings=siblings, extra=(*f.extra, STATED_PAIR))
    return replace(f, siblings=siblings)


def _near_headings(headings: list[tuple[int, str]], f: Fact) -> tuple[str, ...]:
    """The entity headings within a window of sections around the fact's own."""
    here = f.section.index
    lo = bisect.bisect_left(headings, (here - HEADING_WINDOW, ""))
    hi = bisect.bisect_right(headings, (here + HEADING_WINDOW, "\uffff"))
    return tuple(h for _, h in headings[lo:hi] if norm(h) != norm(f.subject))


#: the fewest places (sections, items, lead-ins) whose lines a label opens before it is a
#: card's field
_FIELD_SECTIONS = 3
#: a field's label: a plain word or two ("Indications", "Side effects"), never a name
_FIELD_LABEL = re.compile(r"[A-Za-z][a-z]+(?: [a-z]+)?")


def _field_labels(content: Sequence[Block]) -> set[str]:
    """Drug cards' "Indications: HF, AFib" under each drug, a process's "Outputs: …" under
    each process: a plain label opening lines in many sections is a field of the cards, no
    term; "which is described here: … → Indications" asks nothing."""
    sections: dict[str, set[str]] = defaultdict(set)
    values: dict[str, set[str]] = defaultdict(set)
    for b in content:
        d = split_definition(b) if b.kind in ("item", "paragraph") else None
        if d is not None and _FIELD_LABEL.fullmatch(d.term):
            sections[norm(d.term)].add(b.under)  # under its heading, item or lead-in
            values[norm(d.term)].add(norm(d.description))
    # (a term said alike in many places is one definition repeated, no card's field)
    return {
        t for t, found in sections.items() if min(len(found), len(values[t])) >= _FIELD_SECTIONS
    }


def _without_field_labels(facts: list[Fact], fields: set[str]) -> list[Fact]:
    return [
        f
        for f in facts
        if not (f.kind == "definition" and f.role == "term" and norm(f.subject) in fields)
    ]


def extract(doc: Document) -> list[Fact]:
    """Every fact of the document's content blocks, in the order of the notes."""
    content = doc.content
    per_section: dict[int, int] = defaultdict(int)
    for b in content:
        per_section[b.section.index] += 1
    parents = _parent_terms(content) | _conditions(content)
    parents |= {k: v for k, v in continued_lead_ins(content).items() if not parents.get(k)}
    heads = {
        line.split()[0]
        for b in content
        if b.kind == "code"
        for line in b.code.splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "--"))
    }
    plain_arrows = arrow_list_items(content)
    lists = definition_lists(content) | {b.group for b in content if b.id in plain_arrows}
    facts: list[Fact] = []
    for block in content:
        if block.kind == "table":
            facts += table_facts(block)
        elif block.kind == "code":
            facts += command_facts(block)
        else:
            only = per_section[block.section.index] <= 3
            facts += _block_facts(block, only, parents.get(block.id, ""), heads, lists)
            if block.id in plain_arrows:
                facts.append(_arrow_fact(block, plain_arrows[block.id], lists))
    facts = _as_members(facts, {f"g{b.group}" for b in content if b.id in plain_arrows})
    facts = [f for f in _named_like_the_list(facts) if not _values_label(f)]
    facts = without_aspect_labels(facts)
    labels = lead_label_groups(content) + nested_label_groups(content)
    facts += [f for f in labels if not _values_label(f)]
    facts = _with_code_led(code_led_items(content, parents), facts)
    facts += predicate_facts(content) + step_facts(content) + pick_facts(content)
    taken = {f"{f.block.id}:{f.span}" for f in facts if f.kind == "term"}
    facts += topic_facts(content, heading_acronyms(doc.sections), taken)
    facts += named_facts(content, taken | {f"{f.block.id}:{f.span}" for f in facts})
    facts += known_facts(content, {f"{f.block.id}:{f.span}" for f in facts if f.span})
    spans = {f"{f.block.id}:{f.span}" for f in facts if f.span}
    facts += [f for b in content if b.kind not in ("table", "code") for f in listed_facts(b, spans)]
    facts += stated_defaults(facts) + defaults_said_below(content)
    facts = table_key_numbers(facts)
    facts = versions_everywhere(facts)
    facts = _without_group_terms(facts)
    facts = _without_field_labels(facts, _field_labels(content))
    facts = _about_their_kind(facts)
    facts = _link_siblings(facts, lists)
    defaults = marked_defaults(facts)
    facts = _said_apart(facts, {f.span for f in defaults}) + defaults
    facts = command_reference_facts(content, facts)
    facts = setting_facts(content, facts)
    headings = entity_headings(doc.sections)
    stated = _heading_statement_terms(facts)
    facts = [_stated_heading(f, headings, stated) if f.role == "heading" else f for f in facts]
    facts = [side for f in facts if (side := _side_of_contrast(f)) is not None]
    # "例：3个进程…": a worked example's working, the label no term to ask or offer
    facts = [
        replace(f, siblings=tuple(s for s in f.siblings if not EXAMPLE_HEAD.fullmatch(s)))
        for f in facts
        if not (f.role == "term" and EXAMPLE_HEAD.fullmatch(f.subject))
    ]
    facts = with_denied(facts, content)
    facts = _with_results(facts, content)
    outputs = _code_outputs(content)
    facts = [f for f in facts if f.block.id not in outputs]
    return [f for f in facts if f.value.strip() and (f.subject or f.kind in ("number", "term"))
            and not _junk(f)]  # fmt: skip


_OUTPUT_ARROW = re.compile(r"^\s*(?:→|->|=>)\s*")


def _code_outputs(content: list[Block]) -> set[int]:
    """Lines that open with an arrow right after a code block ("→ `[1, 3]` — removes INDEX 1.
    for the value use …"): what the snippet prints, said of code a question cannot show."""
    out: set[int] = set()
    for i, b in enumerate(content[1:], 1):
        if b.kind == "paragraph" and content[i - 1].kind == "code" and _OUTPUT_ARROW.match(b.text):
            out.add(b.id)
    return out


def _with_results(facts: list[Fact], content: list[Block]) -> list[Fact]:
    """The "`expression` → value" pairs of the notes, in place of what else their blocks
    read of those expressions and values: "`True + True` → 2, …" is no term with a
    description, and "`2 ** -1` → ___" no number to recall beside its neighbours."""
    found = [r for b in content if b.kind != "table" for r in result_facts(b)]
    if not found:
        return facts
    results = [r for r in with_options(found) if askable(r)]
    said = {(r.block.id, x) for r in results for x in (r.subject, r.value)}
    # a pair too lone to ask still defines nothing: "Which of these is described here:
    # “1.0”?" of `true ? 1 : 2.0`
    paired = {(r.block.id, r.subject) for r in found}
    kept = [f for f in facts
            if (f.block.id, f.subject) not in said and (f.block.id, f.span) not in said
            and not (f.kind == "definition" and (f.block.id, f.subject) in paired)]  # fmt: skip
    return kept + results


#: a label that sets things against each other: "ARG vs ENV", "RUN vs CMD vs ENTRYPOINT"
_VERSUS = re.compile(r"\s+(?:vs\.?|versus|VS\.?)\s+")


def _side_of_contrast(f: Fact) -> Fact | None:
    """A definition said under a contrast label ("ARG vs ENV" over "ARG 只在 build 时有效…")
    is of the side its line opens with, beside the other sides; one that opens with neither
    ("别用 ARG/ENV 传密码") is of the pair, no one thing, and is dropped. The label itself
    is never a term: "“跑起来的容器里看不到”说的是 ARG vs ENV" keyed the pair."""
    if any(_VERSUS.search(s) for s in f.siblings):  # "ARG vs ENV" beside EXPOSE: no kin
        f = replace(f, siblings=tuple(s for s in f.siblings if not _VERSUS.search(s)))
    if f.kind != "definition" or not _VERSUS.search(f.subject):
        return f
    sides = [s.strip() for s in _VERSUS.split(f.subject) if s.strip()]
    for side in sorted(sides, key=len, reverse=True):
        rest = f.value[len(side) :] if f.value.startswith(side) else ""
        if rest and not rest[0].isalnum():  # "ARG 只在…", never "ARGS …"
            others = tuple(s for s in sides if s != side)
            said = rest.strip(" :：=-–—")
            return replace(f, subject=side, value=said, span=side, siblings=others)
    return None


def aspect_labels(facts: list[Fact]) -> set[str]:
    """Labels of nested items said under several parents with different things to say
    ("解决：…" under each cache problem, "原因：…" under each symptom, "Fix: …" under each
    error): an aspect of each parent, a property's name, not a term. The same label saying the
    same thing under each parent but for its numbers and names is one item copied with its
    notes (a repeated section), no aspect. A label that opens an item in three lists of its own
    or more is one too, unless written as code: "Inputs: …" and "Outputs: …" in the list after
    each process's name (a term written in two lists is more often the same term said twice,
    and `state` in three is the parameter's name)."""
    said: dict[str, dict[int, str]] = defaultdict(dict)
    listed: dict[str, dict[str, str]] = defaultdict(dict)
    for f in facts:
        if f.kind == "definition" and f.role == "term":
            value = _COPY_MARKS.sub("", f.value)
            if f.block.parent_line:
                said[norm(f.subject)][f.block.parent_line] = value
            elif f.group and f.subject not in f.block.inline.code:  # `state`: a name
                listed[norm(f.subject)][f.group] = value
    return {label for label, by_parent in said.items() if _varied([*by_parent.values()], 2)} | {
        label for label, by_list in listed.items() if _varied([*by_list.values()], 3)
    }


def _varied(said: list[str], places: int) -> bool:
    """Said in so many places, and not the same each time."""
    return len(said) >= places and len(set(said)) >= 2


#: what differs between copies of one section in repeated notes: numbers
_COPY_MARKS = re.compile(r"\d+")


def without_aspect_labels(facts: list[Fact]) -> list[Fact]:
    """The facts without the definitions of aspect labels: "解决" is never asked as the term
    a fix describes, nor offered beside 缓存击穿."""
    labels = aspect_labels(facts)
    return [
        f
        for f in facts
        if not (
            f.kind == "definition"
            and f.role == "term"
            and (norm(f.subject) in labels or property_lead(f.subject))
        )
    ]


def property_lead(term: str) -> bool:
    """A lead of two words or more ending in a property's name ("CIDR size", "Default limit",
    "ALB HC defaults", "ALB routing"), or one that compares ("Alias vs CNAME"): it labels what
    its line says of things named in it, so it is never asked as the term the line describes,
    nor offered beside terms. (One word, "limits" beside "requests", may be a setting's own
    name.)"""
    words = term.split()
    if _MEMORY_AID.fullmatch(re.sub(r"^\W+|[\s*:：]+$", "", term)):  # "💡 口诀" too
        return True  # "口诀：…", "Mnemonic: …": how to remember the line, no thing of the list
    if _VERSUS.search(term):
        return True  # "Alias vs CNAME": a comparison's label, no routing policy
    if _RATE.search(term):
        return True  # "VPCs per region": a count's label, no thing beside "Subnet"
    return len(words) >= 2 and words[-1].lower() in PROPERTY_HEADS and not CJK.search(term)


_MEMORY_AID = re.compile(MEMORY_AIDS, re.I)
#: a count of things per another thing: "VPCs per region", "rules per direction", "每个分区"
_RATE = re.compile(r"^[A-Za-z][\w-]*s(?: [\w-]+)? per [A-Za-z][\w-]*$", re.I)
#: two things set against each other in a label: "Alias vs CNAME", "SG vs. NACL", "A 对比 B"
_VERSUS = re.compile(r"\S\s+(?:vs\.?|versus|对比)\s+\S", re.I)


def _with_code_led(found: list[Fact], facts: list[Fact]) -> list[Fact]:
    """The facts and the flag lists no definition has read a line of: a list read in part
    already keeps its reading (its verbs, its category, the kin its reading gave)."""
    read = {f.block.group for f in facts if f.kind == "definition" and f.block.kind == "item"}
    return facts + [f for f in found if f.block.group not in read]


_CONTENT_CHAR = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]")


def _junk(f: Fact) -> bool:
    """Facts no question should come from: values that are only markup or a lone symbol."""
    v = f.value.strip()
    if "matrix" in f.extra:
        return False
    return not _CONTENT_CHAR.search(v) or (
        f.kind == "definition" and len(v) < 3 and not CJK.search(v)
    )


#: a measured value in a description: "5 s", "15s", "180 s", "10 %", "64 MB"
_MEASURED = re.compile(r"\d+(?:\.\d+)?\s*(?:ms|s|sec|min|h|d|%|[KMGT]i?B)\b")


def _values_only(text: str) -> bool:
    """Two measured values or more and nothing else but signs: "99% → ~7.2 hours"."""
    found = [n for n in numbers_in(text) if n.unit]
    rest = text
    for n in found:
        rest = rest.replace(n.text, " ")
    return len({n.text for n in found}) >= 2 and not re.search(r"\w", rest)


def _values_label(f: Fact) -> bool:
    """A plain word labelling a line of values ("Timers: hello 5 s / hold 15 s (60 s / 180 s
    on slow NBMA)"): the values are each asked by their own names; the label names no thing,
    and was offered beside Successor and Cost (a review)."""
    if f.kind != "definition" or markup(f) != "plain":
        return False
    if f.role == "label":  # "Downtime per month:" over "99% → ~7.2 hours": one whatever its
        return _values_only(f.value)  # words
    return (
        f.role == "term"
        and len(f.subject.split()) == 1
        and len({re.sub(r"\s", "", v) for v in _MEASURED.findall(f.value)}) >= 2
    )

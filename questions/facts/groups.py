"""Labelled groups: short labels each leading a list of properties.

Two shapes: a paragraph label before each list ("standard type" / "FIFO type" with their
lists), and a list whose items are labels with nested lists ("**HTTP/2**（RFC 9113）：" with
its features). Each property belongs to its label, and the other labels are the options:
"Which SQS type has “ordered message”?".
"""

from __future__ import annotations

import re
from collections import defaultdict

from questions.facts.definitions import advice_label, remark_label, split_definition
from questions.facts.model import Fact
from questions.nouns import key_noun, lead_category
from questions.parse.model import Block
from questions.text import english_word

_LABEL = re.compile(r"^[A-Za-z][\w./+-]*(\s+[A-Za-z][\w./+-]*){0,3}$")


#: a lead written as a note to oneself ("flags I actually use:", "How to read it:") names no
#: thing to ask about
_PERSONAL = re.compile(r"(?i)^(how|what|why|when|where|which)\b|\b(I|I'm|me|my|we|our|you|your)\b")


#: a label that says what goes wrong ("gather doesnt cancel siblings"): a claim, no name
_CLAIM = re.compile(
    r"(?i)\b(?:doesn'?t|does not|don'?t|do not|isn'?t|is not|can'?t|cannot|won'?t|never)\b"
    # "SLAs should:", "Changes must:": the lines under it finish its sentence, a requirement
    r"|\b(?:should|must|shall|can|may|will|need to)\s*$"
)
#: a section of mistakes ("GOTCHAS", "Pitfalls", "常见坑"): its labels name what goes wrong, and
#: the lines under each say more of it; "which gotcha is this line under" tests the layout
_MISTAKES = re.compile(
    r"(?i)\b(?:gotchas?|pitfalls?|mistakes?|traps?|caveats?|anti-?patterns?)\b|坑|易错"
)


#: a lead that says what to do with its list ("ports to remember", "flags worth knowing"):
#: the list's members are its things, the lead is none
_STUDY_LEAD = re.compile(
    r"(?i)\bto (?:remember|know|memori[sz]e|learn|check)\b|\bworth (?:knowing|remembering)\b"
)


def _is_label(name: str) -> bool:
    return (bool(_LABEL.match(name)) and not _PERSONAL.search(name) and not _STUDY_LEAD.search(name)
            and not advice_label(name) and not _CLAIM.search(name)
            and not remark_label(name))  # fmt: skip


def _of_mistakes(b: Block) -> bool:
    return any(_MISTAKES.search(p) for p in b.section.path)


def _own_terms(kids: list[Block]) -> bool:
    """Nested items that each open with a code span ("`-u` CPU") or define a marked term
    ("**GRS**: LRS in primary + …" under "**Redundancy**"), or that all define a term with "="
    ("Owner = everything + assign access" under "built-in roles to know"), are terms of their
    own under a label, not properties of it."""
    opening = [k for k in kids if _opens_with_own_term(k)]
    if len(opening) * 2 > len(kids):
        return True
    return len(kids) >= 2 and all(_EQUALS_TERM.match(k.text) for k in kids)


def _opens_with_own_term(b: Block) -> bool:
    if b.inline.code and b.text.startswith(b.inline.code[0]):
        return True
    d = split_definition(b)
    return d is not None and (d.term in b.inline.strong or d.term in b.inline.code)


def _how_by_name(name: str, kids: list[Block]) -> bool:
    """An activity's label ("Enabling", "Installing") over lines that each say how for one
    name ("Lambda: …", "ECS: daemon as a sidecar"): the names are what the lines are about, so
    no line is a property of the activity."""
    if not _GERUND.fullmatch(name) or len(kids) < 2:
        return False
    return all(names_its_own(k.text) for k in kids)


#: one verb's -ing form, the whole label: "Enabling", "Installing"
_GERUND = re.compile(r"[A-Za-z]{3,}ing")
#: a line that opens with a capitalised name of a few words and a colon: "ECS: …"
_NAMED_LINE = re.compile(r"^[A-Z][\w./+-]*(?: [A-Za-z][\w./+-]*){0,2}\s*[:：]\s*\S")


def names_its_own(text: str) -> bool:
    """The line opens with a name of its own and a colon ("ECS: daemon as a sidecar"): what it
    says is of that name, not of the label or parent over it."""
    return _NAMED_LINE.match(text) is not None


#: "Owner = everything + assign access": a short name, an equals sign, what it is
_EQUALS_TERM = re.compile(r"^[A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*){0,3}\s+=\s+\S")


def _label_name(text: str) -> str:
    """ "HTTP/2（RFC 9113）：" -> "HTTP/2"."""
    return re.sub(r"\s*[(（][^)）]*[)）]", "", text).strip(" :：*")


def _make(
    name: str, others: list[str], items: list[Block], noun: str | None, group: str
) -> list[Fact]:
    return [
        Fact("definition", name, b.text, b, b.line, sentence=b.text, span=name, category=noun,
             group=group, role="label", siblings=tuple(others), extra=("label",))
        for b in items
    ]  # fmt: skip


def lead_label_groups(content: list[Block]) -> list[Fact]:
    """ "standard type" / "FIFO type" paragraphs, each leading a list."""
    by_section: dict[int, dict[str, list[Block]]] = defaultdict(lambda: defaultdict(list))
    for b in content:
        if b.kind == "item" and b.depth == 1 and b.lead is not None and _is_label(b.lead.text):
            by_section[b.section.index][b.lead.text].append(b)
    out: list[Fact] = []
    for section, groups in by_section.items():
        if len(groups) < 2:
            continue
        labels = list(groups)
        words = [lbl.split() for lbl in labels]
        tail = words[0][-1] if all(len(w) > 1 and w[-1] == words[0][-1] for w in words) else ""
        names = [" ".join(w[:-1]) if tail else " ".join(w) for w in words]
        # a label in words reads as a name ("standard type" -> "Standard"); a program's
        # commands stay as written ("terraform init" beside "terraform plan")
        if not _one_program(names):
            names = [n[:1].upper() + n[1:] for n in names]
        first = next(iter(groups.values()))[0]
        noun = key_noun(tail, first.section.heading) if tail else None
        for name, label in zip(names, labels, strict=True):
            others = [n for n in names if n != name]
            out += _make(name, others, groups[label], noun, f"l{section}")
    return out


def _one_program(names: list[str]) -> bool:
    """Labels that are one program's commands: each opens with the same name, no word of the
    dictionary ("terraform init", "terraform fmt")."""
    first = {n.split()[0] for n in names if n.split()}
    return (
        len(first) == 1
        and all(len(n.split()) > 1 for n in names)
        and not english_word(next(iter(first)))
    )


def nested_label_groups(content: list[Block]) -> list[Fact]:
    """A list of labels each with its own nested list: the nested items are the properties."""
    children: dict[int, list[Block]] = defaultdict(list)
    for b in content:
        if b.kind == "item" and b.parent is not None and b.parent_line:
            children[b.parent_line].append(b)
    by_group: dict[int, list[Block]] = defaultdict(list)
    for b in content:
        if b.kind == "item":
            by_group[b.group].append(b)
    out: list[Fact] = []
    for group, items in by_group.items():
        labels: dict[str, Block] = {}
        names: list[str] = []
        for b in items:
            name = _label_name(b.text)
            d = split_definition(b)
            if (
                b.line in children
                and not _of_mistakes(b)
                and _is_label(name)
                and lead_category(name) is None
                and not _own_terms(children[b.line])
                and not _how_by_name(name, children[b.line])
            ):
                labels[name] = b
                names.append(name)
            elif d is not None and _LABEL.match(d.term) and len(d.term) <= 20:
                names.append(d.term)  # a sibling label with its property inline
        if len(labels) < 2 and not (len(labels) == 1 and len(names) >= 3):
            continue  # one label beside one inline label: a coin toss between two lines
        for name, b in labels.items():
            kids = [k for k in children[b.line] if len(k.text) <= 120]
            others = [n for n in names if n != name]
            out += _make(name, others, kids, None, f"n{group}")
    return out


#: "`-u` CPU (`-P ALL` per core)": a code span, then what it does, with no separator
_CODE_LED = re.compile(r"^(?P<rest>\s+[A-Za-z\u4e00-\u9fff].*)$")


def _code_led(b: Block) -> tuple[str, str] | None:
    """The code span an item opens with and the words after it, or None when the item is not
    that shape (or names another code span outside brackets, "`-r` memory, `-S` swap")."""
    if not b.inline.code or not b.text.startswith(b.inline.code[0]):
        return None
    span = b.inline.code[0]
    m = _CODE_LED.match(b.text[len(span) :])
    if m is None:
        return None
    rest = m.group("rest").strip()
    outside = re.sub(r"\([^)]*\)|（[^）]*）", "", rest)
    if any(c in outside for c in b.inline.code[1:]):
        return None
    return span, rest


def code_led_items(content: list[Block], parents: dict[int, str]) -> list[Fact]:
    """A cheat-sheet list whose items open with a flag or command and say what it does
    ("`-u` CPU", "`-q` run queue"): each is the definition of its span, and the list's other
    spans are its options. Three such items at least, most of their list."""
    by_group: dict[int, list[tuple[Block, str, str]]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for b in content:
        if b.kind != "item":
            continue
        sizes[b.group] += 1
        found = _code_led(b)
        if found is not None:
            by_group[b.group].append((b, *found))
    out: list[Fact] = []
    for group, items in by_group.items():
        if len(items) < 3 or len(items) * 2 <= sizes[group]:
            continue
        names = [span for _, span, _ in items]
        for b, span, rest in items:
            out.append(
                Fact("definition", span, rest, b, b.line, sentence=b.text, span=span,
                     group=f"g{group}", role="term", context=parents.get(b.id, ""),
                     siblings=tuple(n for n in names if n != span))
            )  # fmt: skip
    return out

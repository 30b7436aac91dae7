"""Form checks every candidate passes before the solvers see it, and rendering to the bank.

A rendered question is checked with the bank's own validation, so a generated bank can never
fail `quizbot questions check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from questions.ambiguity import THIN, content_words, short_aside
from questions.bank import (
    MAX_EXPLANATION,
    MAX_TOPIC,
    BankQuestion,
    Source,
    detect_lang,
    make_id,
    validate_question,
)
from questions.candidate import Candidate
from questions.clipping import usage_remark
from questions.common_knowledge import names_meaning, universal
from questions.context_refs import refers_to_context
from questions.cues import (
    computed,
    results,
    self_checking,
    spelled_out,
    sums_to,
    unit_echo,
    works_out,
)
from questions.facts.model import Fact
from questions.generators.pairings import PAIRED
from questions.paraphrase import compared_term, contradicts, paraphrased, says_name
from questions.shorthand import as_asked, options_as_asked
from questions.solvers import SPELLED_OUT, kin_descriptions
from questions.spelling import corrected
from questions.stems import BLANK, lint
from questions.text import LEADING_ARTICLE, cut_short, norm, noun_like
from questions.values import numbers_in, parse_number

_ABSOLUTE_OPTION = re.compile(r"^(all|none) of the above$|以上(都|皆|均)", re.I)
_ABBR = {"definition": "def", "default": "dflt", "number": "num", "table": "tab", "term": "term",
         "true_false": "tf", "dynamodb_capacity": "ddb", "claim": "claim", "step": "step"}  # fmt: skip


#: the drop reason of a number question whose stem does the sum ("128 + 9 -> SIGKILL" / 137)
WORKED_OUT = "stem works the answer out"


#: the drop reason of a stem or choice that points at its neighbours ("see below", "同上")
REFERS_TO_CONTEXT = "refers to its context (above/below)"


#: the drop reason of a cloze or statement read off a line that introduces a list or code block:
#: what it says is only what follows it
LEAD_IN = "a lead-in to a list or code, not a claim"


#: a closing aside in brackets: "Aminoglycosides (gentamicin, tobramycin)" names Aminoglycosides
#: (one of lowercase words: "EXPLAIN (BUFFERS)" is an option's own name)
_ASIDE = re.compile(r"\s*[(（](?=[^()（）]*[a-z])[^()（）]*[\s,，、][^()（）]*[)）]\s*$")


#: the drop reason of a stem longer than a player reads in a round: a paragraph pasted whole,
#: code and asides run together ("newer alternatives in config: moved block (1.1) -> …")
TOO_LONG = "stem too long to read in a round"
MAX_STEM = 300


#: what a stem quotes: a description, said alone
_QUOTED_TEXT = re.compile(r"“([^”]{1,40})”")


def form(c: Candidate) -> str | None:
    """The first form rule the candidate breaks, or None."""
    if len({norm(LEADING_ARTICLE.sub("", _ASIDE.sub("", o)) or o) for o in c.options}) != len(
        c.options
    ):
        # "A Delta table" is "Delta table", "Aminoglycosides (gentamicin, …)" "Aminoglycosides"
        return "two choices are the same"
    if any(not o.strip() for o in c.options):
        return "empty choice"
    if len(c.prompt) > MAX_STEM:
        return TOO_LONG
    if any(_ABSOLUTE_OPTION.search(o) for o in c.options):
        return "all/none of the above"
    if any(refers_to_context(t) for t in (c.prompt, *c.options, *_QUOTED_TEXT.findall(c.prompt))):
        return REFERS_TO_CONTEXT  # a quoted description alone too: "“same range”"
    if c.fact.block.leads_in and (c.style == "cloze" or c.kind == "truefalse"):
        return LEAD_IN
    lint_text = c.prompt if c.style != "cloze" else _QUOTED.sub("", c.prompt)
    reason = lint(_QUOTED.sub("“x”", lint_text))
    if reason == "broken negation" or (
        reason and c.style not in ("cloze",) and c.kind != "truefalse"
    ):
        return reason
    if c.kind == "truefalse" and lint(c.prompt) == "broken negation":
        return "broken negation"
    if subjectless(c):
        return "a thin description with no subject"
    known = universal(c)
    if known is not None:
        return f"common knowledge: {known.name}"
    program = names_meaning(c)
    if program is not None:
        return f"common knowledge: what the name {program} says"
    return None


def subjectless(c: Candidate) -> bool:
    """ "Which of these runs one after another?": a description of a word or two, asked with
    no category to say what is meant, points at nothing in particular."""
    if c.style != "reverse" or c.fact.category or c.fact.context or c.generator == "table":
        return False
    said = (c.query or c.prompt).strip()
    if said.endswith(("?", "？")) and parse_number(c.answer_text) is not None:
        return False  # "how many /30s in a /24?" → 64: a drill's question, its answer a number
    return len(content_words(said)) <= THIN


_QUOTED = re.compile(r"“([^”]*)”")
#: the drop reason of a stem that says the key's name in other words: it may be reworded
PARAPHRASED = "stem paraphrases the answer's name"
#: ...and of a key description that says the name the stem asks by: it may be reworded too
CHOICE_PARAPHRASED = "choice paraphrases the stem's name"
#: ...and of a statement whose description says another term's name
OTHERS_DESCRIPTION = "statement describes another term by its name"
#: ...and of a statement whose description says what a term's acronym stands for
STATEMENT_SPELLED_OUT = "statement says what a term's acronym stands for"
REWORDABLE = frozenset({PARAPHRASED, CHOICE_PARAPHRASED, SPELLED_OUT})
#: ways of asking that name the term in the stem and offer descriptions
NAMED_STYLES = frozenset({"forward", "meaning"})


def self_described(c: Candidate, known: Mapping[str, str] | None = None) -> str | None:
    """Why a player who never read the notes reads the answer off the stem's meaning, or None:
    the description says the key's name in other words ("stop the running job, start the new
    one" / Replace, "尝试减少请求数" / THROTTLED), or describes the key by another term of its
    kind ("like COPY but …"). `known`: the acronyms the notes spell out."""
    f = c.fact
    if c.kind == "truefalse":
        return _statement_readable(c, known)
    if unit_echo(c.prompt, c.answer_text, c.distractors):
        return PARAPHRASED  # "(millicores)" says 1000m: asked again without the unit word
    # "Which description fits 137?" / "128 + 9 -> SIGKILL" (most keys write no sum: read first)
    if results(c.answer_text) and any(
        works_out(c.answer_text, n.value) for n in numbers_in(c.prompt)
    ):
        return WORKED_OUT
    numbers = [parse_number(o) for o in c.options]
    if all(n is not None for n in numbers):
        key = numbers[c.answer]
        if key is not None and works_out(c.prompt, key.value):
            return WORKED_OUT
        if sums_to(c.prompt, c.answer_text, c.distractors):
            return WORKED_OUT  # "= 数据端口 + ___，即 16379" beside 6379: 10000 by subtraction
        return None  # numbers have no name to paraphrase
    if c.style in PAIRED:
        return None  # the stem names both sides compared and the options pair them by design
    if c.style in NAMED_STYLES:  # the stem names the term, the options describe
        mine = says_name(c.answer_text, f.subject, known)
        theirs = sum(1 for w in c.distractors if says_name(w, f.subject, known))
        # the name gives the key away only when no other option says it too: "完全不能存" of
        # no-store beside private's "CDN 不能存" leaves the name-reader two options, and cutting
        # the clause would leave only a usage remark ("敏感数据用这个") that private fits too
        if mine and theirs == 0:
            return CHOICE_PARAPHRASED
        return None
    quoted = _QUOTED.findall(c.prompt)
    text = quoted[-1] if quoted else (c.query or c.prompt).replace("___", " ")
    if paraphrased(text, c.answer_text, c.distractors, kin_descriptions(c), known):
        return PARAPHRASED
    terms = [*c.options, *f.siblings, *(f.table.keys if f.table is not None else ())]
    if compared_term(text, c.answer_text, terms):
        return "stem describes the answer by another term"
    return None


def _worked_out(f: Fact) -> bool:
    """The fact's number is an operand or the result of an operation its sentence writes out:
    swapped for another, the statement refutes itself by arithmetic."""
    return (
        f.kind == "number"
        and f.sentence.count(f.span) == 1
        and computed(f.sentence.replace(f.span, BLANK))
    )


def _statement_readable(c: Candidate, known: Mapping[str, str] | None) -> str | None:
    """ "--rm is described as “delete the container when it exits”": true at a glance when the
    description says the name of the term the statement names (whether or not it is that
    term's description, it reads as true)."""
    f = c.fact
    if self_checking(c.prompt) or _worked_out(f):
        return "statement works out its own number"  # "137 = SIGKILL (128 + 9)"
    if f.kind != "definition" and f.table is None:
        return None
    quoted = _QUOTED.findall(c.prompt)
    # a table's statement pairs a row's cell with a row's key: the rows are its terms
    terms = list(dict.fromkeys([f.subject, *f.siblings, *(f.table.keys if f.table else ())]))
    # the term is named before the quote or after it ("“删除…”说的是 docker rm")
    said = _QUOTED.sub(" ", c.prompt) if quoted else c.prompt
    named = next((t for t in sorted(terms, key=len, reverse=True) if t in said), None)
    if named is None:
        return None
    # "VACUUM FULL rewrites the whole table": what is said of the term, without the term
    desc = quoted[-1] if quoted else c.prompt.replace(named, " ")
    rest = [t for t in terms if t != named]
    if rest and paraphrased(desc, named, rest, known=known):
        return "statement paraphrases its term's name"
    if contradicts(desc, named, known):
        return "statement contradicts its term's name"
    # "grpc is described as “port accepts a connection”": the words say another term's name
    # (a socket), so the statement is false at a glance
    for other in rest:
        if paraphrased(desc, other, [t for t in terms if t != other], known=known):
            return OTHERS_DESCRIPTION
    # "LVM is described as “pools disks into logical volumes”" where the notes spell LVM out:
    # true at a glance of LVM, false at a glance of any other term
    for term in terms if known else ():
        if spelled_out(desc, term, [t for t in terms if t != term], known or {}):
            return STATEMENT_SPELLED_OUT
    return None


#: where a description is cut when one part of it says the key's name: sentences, clauses,
#: what follows an arrow ("kills ALL old pods first, then starts the new ones -> downtime")
#: where a description is cut into clauses: never the comma inside a number ("256,000 IOPS")
_PIECES = re.compile(r"(\s*(?:->|→|=>|[;；。，]|,(?!\d)|(?<=\.)\s|\s+and\s+)\s*)")


def reworded(c: Candidate, known: Mapping[str, str] | None = None) -> Candidate | None:
    """The candidate asked without the clauses of its quoted description that say the key's
    name in other words, when what is left still says something of its own ("rewrites the
    whole table and takes an exclusive lock" of VACUUM FULL: "takes an exclusive lock");
    None when nothing fair is left. Asked by the term, the key's own description loses such
    clauses, unless only a usage remark would be left ("敏感数据用这个" of no-store's
    "完全不能存，敏感数据用这个" fits private as well): then it is not asked this way."""
    if c.kind == "truefalse":
        return None
    echo = unit_echo(c.prompt, c.answer_text, c.distractors)
    if echo is not None:
        return _without_aside(c, echo)
    if c.style in NAMED_STYLES:
        return _key_reworded(c, known)
    quoted = _QUOTED.findall(c.prompt)
    # "Which of these rewrites the whole table …?": a description asked as the stem's verb
    said = c.query if c.style == "reverse" and c.query and c.query in c.prompt else ""
    desc = quoted[-1] if quoted else said
    if not desc:
        return None

    def find(t: str) -> str | None:
        return paraphrased(t, c.answer_text, c.distractors, known=known) or (
            spelled_out(t, c.answer_text, c.distractors, known) if known else None
        )

    text: str | None = _unquoted(desc, find)
    if text is not None and (text == desc or find(text)):
        text = _cut(text, find)
    # the stem's other quotes say what the cell is ("For “Isolation from the router”, … “yes”?")
    context = " ".join(quoted[:-1])
    if text is None or len(content_words(f"{context} {text}")) <= THIN:
        return None
    if not _tells_rows_apart(c, desc, text):
        return None
    if "aside" in c.fact.extra and short_aside(text):
        return None  # an aside cut short is a hint, not a description ("needs work_mem")
    prompt = c.prompt.replace(desc, text)
    return replace(c, prompt=prompt, query=text if c.query == desc else c.query)


#: a word the author put in quotes before the noun it qualifies: '"inverted" index', a
#: nickname that glosses the name
_QUOTED_MODIFIER = re.compile(r"[\"'‘“]([A-Za-z-]+)[\"'’”]\s+(?=([A-Za-z]+))")


def _unquoted(desc: str, find: Callable[[str], str | None]) -> str:
    """The description without the quoted modifiers that say the key's name by themselves
    ('"inverted" index for …' of GIN, Generalized Inverted Index): the noun each qualifies
    still reads. A quoted verb stays ('"written" first to …' would leave no sentence)."""
    for m in reversed(list(_QUOTED_MODIFIER.finditer(desc))):
        if noun_like(m.group(2)) and find(m.group(1)):
            desc = desc[: m.start()] + desc[m.end() :]
    return desc


def _tells_rows_apart(c: Candidate, desc: str, text: str) -> bool:
    """Whether a table cell cut for the stem still belongs to its row alone: "yes, but on
    physical LAN" cut to "yes" is every isolated driver's cell."""
    f = c.fact
    if f.table is None or f.column < 0 or f.value not in desc:
        return True
    lead = desc[: desc.find(f.value)]  # "Isolation from host: " before the cell
    if not text.startswith(lead):
        return True
    cut = norm(text[len(lead) :])
    cells = [norm(v) for i, v in enumerate(f.table.column(f.column)) if i != f.row]
    return bool(cut) and not any(v == cut or cut in v for v in cells)


def _key_reworded(c: Candidate, known: Mapping[str, str] | None) -> Candidate | None:
    """A term asked by name with its own description cut to what does not say the name. A
    table's cell is not cut: its wrong options are the other rows' whole cells, beside which a
    cut one stands out, and it would no longer be its row's cell."""
    if c.generator == "table":
        return None
    desc = c.answer_text
    text = _cut(desc, lambda t: says_name(t, c.fact.subject, known))
    if text is None or not content_words(text) or norm(text) in {norm(w) for w in c.distractors}:
        return None
    options = tuple(text if i == c.answer else o for i, o in enumerate(c.options))
    return replace(c, options=options)


def _cut(desc: str, find: Callable[[str], str | None]) -> str | None:
    """The description without the pieces (clauses, what follows an arrow) in which `find`
    finds what gives the key away; None when nothing was cut, nothing fair is left or the rest
    still gives it away."""
    parts = _joined_pairs(_PIECES.split(desc))  # piece, separator, piece, …
    kept = list(range(0, len(parts), 2))
    text = desc
    for _ in range(len(kept)):
        found = find(text)
        if found is None:
            break
        # the pieces the found words lie in go, with the separator before each
        at, spans, pos = text.find(found), [], 0
        if at < 0:
            return None
        for k, i in enumerate(kept):
            pos += len(parts[i - 1]) if k else 0
            spans.append((i, pos, pos + len(parts[i])))
            pos += len(parts[i])
        kept = [i for i, a, b in spans if b <= at or a >= at + len(found)]
        text = "".join((parts[i - 1] if k else "") + parts[i] for k, i in enumerate(kept))
    kept = _whole_statements(parts, kept)
    text = "".join((parts[i - 1] if k else "") + parts[i] for k, i in enumerate(kept))
    text = text.strip(" ,;.，；。")
    if not text or find(text) or text == desc.strip(" ,;.，；。"):
        return None
    if _FRAGMENT.match(text) or cut_short(text) or usage_remark(text):
        return None  # leans on the clause cut, or says only when one uses the thing
    return text


#: a piece ending in "between X": the "and Y" after it completes it, no clause of its own
_BETWEEN = re.compile(r"\b(?:between|both)\s+\S+(?:\s+\S+)?$", re.I)


def _joined_pairs(parts: list[str]) -> list[str]:
    """The pieces with "between users" and "and cloud apps" one piece again: cut apart,
    "sits between users, visibility + policy" says between what no more."""
    out = parts[:1]
    for i in range(1, len(parts) - 1, 2):
        sep, piece = parts[i], parts[i + 1]
        if sep.strip() == "and" and _BETWEEN.search(out[-1]):
            out[-1] = out[-1] + sep + piece
        else:
            out += [sep, piece]
    return out


#: where one statement of a description ends and the next begins: a sentence's end, a
#: semicolon, an arrow to what follows from it ("rewrites the table -> space goes back"), a
#: Chinese comma (Chinese joins whole clauses with it: "所有操作都完整记录，可以恢复到…")
_STATEMENT_END = re.compile(r"\s*(?:->|→|=>|[;；。，])\s*")


def _whole_statements(parts: list[str], kept: list[int]) -> list[int]:
    """The kept pieces of the statements whose opening piece is kept. A statement's first
    clause says what the thing is ("equality (=) only, single column" of Hash); the pieces
    after it lean on it, and without it they describe what other options are too ("single
    column", "their files for good"), so they go with it, unless a piece says a predicate of
    its own ("… and takes an exclusive lock", "…, meant for one-off secrets")."""
    out: list[int] = []
    head = True
    for i in range(0, len(parts), 2):
        if (
            i == 0
            or _STATEMENT_END.fullmatch(parts[i - 1])
            or parts[i - 2].endswith(".")
            or _own_predicate(parts[i])
        ):
            head = i in kept
        if head and i in kept:
            out.append(i)
    return out


def _own_predicate(piece: str) -> bool:
    """A piece opening with an inflected verb ("takes …", "meant for …"): it says something
    of the term by itself, where "single column" or "only at the end" qualify the clause
    before them."""
    from lemminflect import getAllLemmas

    m = re.match(r"[A-Za-z]+", piece)
    if m is None:
        return False
    word = m.group(0).lower()
    verb = getAllLemmas(word).get("VERB", ())
    return bool(verb) and verb[0] != word


def _without_aside(c: Candidate, words: str) -> Candidate | None:
    """The candidate without the bracketed aside that holds the words ("(millicores)"), or
    None when they are no aside: the rest of the stem is the fact itself."""
    m = re.search(rf"\s*[(（][^()（）]*{re.escape(words)}[^()（）]*[)）]", c.prompt)
    if m is None:
        return None
    prompt = c.prompt[: m.start()] + c.prompt[m.end() :]
    return replace(c, prompt=prompt, query=c.query.replace(m.group(0), ""))


#: a clause that leans on the one cut before it ("but …", "so …")
_FRAGMENT = re.compile(r"^(which|and|or|but|so|then|also|that|it|this)\b", re.I)


def render(c: Candidate, file: str, topic: str) -> BankQuestion:
    explanation = c.explanation
    if len(explanation) > MAX_EXPLANATION:
        explanation = explanation[: MAX_EXPLANATION - 1] + "…"
    topic = topic if len(topic) <= MAX_TOPIC else topic[: MAX_TOPIC - 1] + "…"
    prefix = f"{_ABBR.get(c.generator, 'q')}-{c.fact.subject}"
    return BankQuestion(
        id=make_id(prefix, c.key, c.prompt, c.answer_text),
        topic=corrected(topic),
        prompt=corrected(as_asked(c.prompt)),
        choices=tuple(corrected(o) for o in options_as_asked(c.options)),
        answer=c.answer,
        kind=c.kind,
        explanation=corrected(explanation),
        source=Source(file, c.fact.line),
        lang=detect_lang(c.prompt),
        fact=c.fact.id,
    )


def valid(q: BankQuestion) -> str | None:
    problems = validate_question(q)
    if problems:
        return f"invalid {problems[0].field}: {problems[0].message}"
    if q.prompt.startswith(("Fill in the blank", "填空")) and BLANK not in q.prompt:
        return NO_BLANK  # the aside that held the blank was cut from the stem
    return None


#: the drop reason of a stem that says "fill in the blank" and has none
NO_BLANK = "no blank in the stem"

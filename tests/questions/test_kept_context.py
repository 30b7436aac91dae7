"""A quoted fragment keeps what says what it is about (blind review 15, "lost context"): a
column head keeps the name it is said of, a cut description keeps whole statements, a short
bracketed aside and an example's output are no descriptions, and a default shown changing is
asked with its version."""

from __future__ import annotations

import re

from questions.facts.commands import command_facts
from questions.generate import DocumentResult, generate_document
from questions.stems import table_forward, table_reverse
from tests.questions.own_notes import generated, notes_text

_QUOTED = re.compile(r"“([^”]*)”")


def _asked(r: DocumentResult) -> list[tuple[str, tuple[str, ...], str]]:
    """(prompt, options, key) of every candidate built, kept or not."""
    return [(c.prompt, c.options, c.answer_text) for c in r.candidates]


def test_a_name_before_a_chinese_column_head_stays_in_the_stem() -> None:
    """ "translog 处理" asked as "哪个操作的处理是…": whose handling is no longer said."""
    r = generated("search-write-path-zh.md")
    column = [c for c in r.candidates if c.fact.table is not None and "追加" in c.fact.value]
    assert column, _asked(r)
    for c in column:
        assert "translog 处理" in c.prompt, c.prompt
    # a translated head is still said once, in the stem's language
    assert table_reverse("Method", "Idempotent 幂等", "✅", "zh") is not None
    assert "Idempotent" not in (table_forward("GET", "Idempotent 幂等", "zh") or "")
    assert "ReadView 生成时机" in (table_forward("RC", "ReadView 生成时机", "zh") or "")


def _statement_starts(value: str) -> set[int]:
    """Where each statement of a description begins: its start, after a sentence's end, a
    semicolon or an arrow."""
    return {0} | {m.end() for m in re.finditer(r"(?<=\.)\s+|\s*(?:->|→|;)\s*", value)}


def test_a_cut_description_keeps_whole_statements() -> None:
    """ "copies the whole tree every time, simple restores. Needs the most space" of a full
    backup lost its opening clause (it says "full"): "simple restores" leans on it and says
    nothing only a full backup is; what a cut keeps starts where a statement starts."""
    r = generated("sync-flag-cuts.md")
    cut = 0
    for c in r.candidates:
        value = c.fact.value
        quoted = [q for q in _QUOTED.findall(c.prompt) if q != value.rstrip(".")]
        for q in (*quoted, *(o for o in c.options if o != value and o in value)):
            at = value.find(q)
            if c.fact.kind != "definition" or at < 0:
                continue
            cut += 1
            assert at in _statement_starts(value), (q, value)
    assert not any("simple restores" in p and "copies" not in p for p, _, _ in _asked(r))
    assert cut or r.candidates, _asked(r)


def test_a_short_bracketed_aside_is_not_asked_as_a_description() -> None:
    """ "phases: rewrite (small regex set), …": a hint at the member, which the others may
    share, neither quoted as what singles it out nor offered as another's description."""
    text = notes_text("nginx-upstream-asides.md")
    asides = [m.group(1) for line in text.splitlines() if re.match(r"- (phases|caches):", line)
              for m in re.finditer(r"\(([^)]+)\)", line)]  # fmt: skip
    assert len(asides) == 7
    r = generated("nginx-upstream-asides.md")
    for prompt, options, _ in _asked(r):
        assert not any(a in prompt or a in options for a in asides), (prompt, options)


def test_a_default_shown_changing_is_asked_with_its_version() -> None:
    """ "(1.25) default 60s→90s": "what is the default?" without the version has two right
    answers; the line's own cloze keeps "(1.25)"."""
    r = generated("nginx-upstream-asides.md")
    changed = [c for c in r.candidates if c.fact.kind == "number" and "→" in c.fact.sentence]
    assert changed, _asked(r)
    for c in changed:
        assert "1.25" in c.prompt or c.answer_text == "1.25", c.prompt
    defaults = [p for p, _, _ in _asked(r) if p.startswith("What is the default value of")]
    assert any("keepalive_timeout" in p for p in defaults), defaults  # an unscoped one still is


def test_a_comment_repeating_an_examples_string_is_no_purpose() -> None:
    """ "cat /srv/www/flag.txt  # maintenance on" under `echo "maintenance on" > …`: the comment
    is what the file holds, so no question asks which command is for it."""
    r = generated("nginx-upstream-asides.md")
    code = next(b for b in r.doc.content if b.kind == "code")
    said = {f.subject for f in command_facts(code)}
    assert "test the configuration" in said, said
    assert "maintenance on" not in said, said
    # nor is "`curl -s localhost/status` → maintenance on" a description of the command
    assert not any("maintenance on" in p or "maintenance on" in o for p, o, _ in _asked(r))


BALANCING = """# Nginx notes

## Load balancing methods

- round_robin – default, weighted by `weight=`, no state kept between requests
- ip_hash – same client address always goes to the same upstream, keeps sessions
- least_conn – picks the server with the fewest active connections, weighted too
- hash – any key you choose (`hash $request_uri consistent`), consistent mode since 1.7.2

## Timeouts

- keepalive_timeout default 75s
- client_body_timeout default 60s
"""


def test_a_statement_cut_inside_its_clause_is_not_made() -> None:
    """ "picks the server with the fewest active connections, weighted too" lost the phrase
    naming least_conn: "picks the server, weighted too" is true of every method."""
    r = generate_document("lb.md", BALANCING)
    statements = [c.prompt for c in r.candidates if c.kind == "truefalse"]
    assert not any("picks the server, weighted" in p for p in statements), statements

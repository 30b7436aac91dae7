"""Mechanical shortcuts of generation decide exactly as the plain paths they stand for: plain
inline text is one text token, as markdown-it's inline pass makes it; a text's tokens are its
parts' tokens, Latin before Chinese, as the whole text's."""

from __future__ import annotations

import itertools
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from questions.facts.extract import extract
from questions.parse.markdown import _MD, parse_document
from questions.solvers import NotesSolver
from questions.text import Tokenizer

NOTES = [
    *sorted((Path(__file__).parent / "notes").glob("*.md")),
    Path(__file__).resolve().parents[2] / "questions/notes/aws-developer-associate.md",
]


def _plain_md() -> MarkdownIt:
    """_MD as it was built, with markdown-it's own inline rule."""
    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(deflist_plugin)
        .use(footnote_plugin, inline=False)
    )


def _dicts(tokens: list[Token]) -> list[dict[str, object]]:
    return [t.as_dict() for t in tokens]


def test_the_inline_rules_are_those_whose_start_characters_the_shortcut_knows() -> None:
    # a rule enabled later (strikethrough at "~", linkify) must be added to _INLINE_STARTS
    # (footnote_ref starts at "[", as links do)
    assert _MD.inline.ruler.get_active_rules() == [
        "text", "newline", "escape", "backticks", "strikethrough", "emphasis", "link", "image",
        "footnote_ref", "autolink", "html_inline", "entity",
    ]  # fmt: skip
    assert not _MD.options["linkify"]


def test_inline_text_is_tokenised_as_by_the_full_inline_pass() -> None:
    plain = _plain_md()
    pieces = ["a", " ", "x-y", ":", "#", "=", "+", "~", "{", "$", "%", "@", "^", "]", ">", "中文",
              "*", "_", "`", "[", "!", "<", "&", "\\", "\n", "amp;", "b>", "](u)", "1.", "|"]  # fmt: skip
    texts = ["".join(p) for n in (0, 1, 2) for p in itertools.product(pieces, repeat=n)]
    # a seventh of the triples, spread over them all
    texts += ["".join(p) for p in itertools.islice(itertools.product(pieces, repeat=3), 0, None, 7)]
    for text in texts:
        fast, full = _MD.parse(text), plain.parse(text)
        assert _dicts(fast) == _dicts(full), repr(text)


def test_notes_are_tokenised_as_by_the_full_inline_pass() -> None:
    plain = _plain_md()
    for path in NOTES:
        text = path.read_text(encoding="utf-8")
        assert _dicts(_MD.parse(text)) == _dicts(plain.parse(text)), path.name


def test_a_text_is_tokenised_in_parts_as_whole() -> None:
    tok = Tokenizer(["请求头", "幂等性"])
    heads = ["", " ", "Caching headers ", "缓存 请求头 ", "HTTP 缓存： ", "a.b/c- ", "the of "]
    rests = ["", "x", "max-age=3600 秒内有效", "请求头幂等性", "GET/POST: 幂等", "v1.2.", "of"]
    for head, rest in itertools.product(heads, rests):
        assert tok.joined_tokens(head, rest) == tok.tokens(head + rest), (head, rest)
        assert tok.tokens(head + rest) == Tokenizer(["请求头", "幂等性"]).tokens(head + rest)


def test_retrieval_units_are_tokenised_as_their_whole_text() -> None:
    for path in NOTES:
        doc = parse_document(path.read_text(encoding="utf-8"), path.name)
        facts = extract(doc)
        tok = Tokenizer(f.subject for f in facts)
        solver = NotesSolver(doc, facts, tok)
        fresh = Tokenizer(f.subject for f in facts)
        for i, unit in enumerate(solver.units):
            assert solver._unit_tokens(i) == fresh.tokens(unit.text), (path.name, unit.text)


def test_the_terms_near_a_term_are_those_a_scan_of_every_definition_finds() -> None:
    """`kin_meanings.near_terms` looks only at the sections around a term, through an index
    kept per pool; it must give what scanning every definition of the notes gives, in order."""
    from questions.distractors import SECTION_WINDOW, Pool
    from questions.generators.kin_meanings import _MEANING_ROLES, near_terms
    from questions.text import norm

    compared = 0
    for path in NOTES:
        doc = parse_document(path.read_text(encoding="utf-8"), path.name)
        pool = Pool(doc, extract(doc))
        for f in pool.definitions:
            scanned = [
                d
                for d in pool.definitions
                if d.role in _MEANING_ROLES
                and norm(d.subject) != norm(f.subject)
                and abs(d.section.index - f.section.index) <= SECTION_WINDOW
            ]
            assert near_terms(f, pool) == scanned, (path.name, f.subject)
            compared += bool(scanned)
    assert compared > 20, compared

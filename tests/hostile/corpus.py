"""Hostile bank and import files, made by code (each a different attack, not copies of one).

Each case is a file name (its extension picks the import format), its bytes, and what the
refusal of an import must say (a fragment of the one message that names the problem). Bank
commands (`questions check|load`) read every file as bank YAML, so for them the test only
asks for a clear, traceback-free refusal; YAML cases name what they expect there too.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from questions.intake import MAX_DEPTH, MAX_FILE_BYTES, MAX_QUESTIONS
from questions.safe_yaml import MAX_NODES


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    says: str  # in the import's refusal
    bank_says: str | None = None  # in `questions check`'s refusal, for bank YAML cases

    def __repr__(self) -> str:  # pytest ids stay short
        return self.name


OK_Q = "  - {id: q1, topic: T, prompt: 'Fine?', choices: [a, b], answer: 0}\n"


def _yaml(body: str) -> bytes:
    return ("bank: hostile\nquestions:\n" + OK_Q + body).encode()


def _laughs(levels: int = 9) -> str:
    out = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    out += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(out) + "\n"


def _csv(rows: list[str], header: str = "prompt,choice1,choice2,answer") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def _gift(n: int) -> bytes:
    return "\n\n".join(f"Q{i}?{{=a{i} ~b{i}}}" for i in range(n)).encode()


def _aiken(n: int) -> bytes:
    return "\n\n".join(f"Q{i}?\nA. a{i}\nB. b{i}\nANSWER: A" for i in range(n)).encode()


def _json(doc: object) -> bytes:
    return json.dumps(doc).encode()


def _tdb(**fields: object) -> bytes:
    item = {
        "type": "multiple",
        "category": "T",
        "question": "P?",
        "correct_answer": "a",
        "incorrect_answers": ["b"],
    }
    return _json({"response_code": 0, "results": [item | fields]})


BIG = MAX_FILE_BYTES + 1_000_000  # "a 3 MB file"
ALIAS = "aliases (*name) are not allowed"
ANCHOR = "anchors (&name) are not allowed"
DEEP = "nesting"
TOO_MANY = f"more than {MAX_QUESTIONS:,} questions"
NOT_UTF8 = "is not UTF-8 text"
CONTROL = "holds the control character"


def cases() -> list[Case]:
    bomb_key = "bank: b\n" + _laughs() + "questions:\n  - {*l8 : 1}\n"
    rng = random.Random(12)

    def junk(size: int) -> bytes:  # binary noise, different for each file
        return bytes(rng.randrange(256) for _ in range(size))

    yaml_cases = [
        Case("bomb-key.yaml", bomb_key.encode(), ANCHOR, ANCHOR),
        Case(
            "bomb-value.yaml",
            ("bank: b\n" + _laughs() + "questions: *l8\n").encode(),
            ANCHOR,
            ANCHOR,
        ),
        Case("alias-only.yaml", _yaml("  - *undefined\n"), ALIAS, ALIAS),
        Case("merge-key.yaml", _yaml("  - {<<: *x, id: q2}\n"), ALIAS, ALIAS),
        Case("anchor-only.yaml", _yaml("  - &a {id: q2}\n"), ANCHOR, ANCHOR),
        Case(
            "python-apply.yaml",
            _yaml("  - !!python/object/apply:os.system ['touch /tmp/pwned']\n"),
            "!!python/object/apply:os.system is not allowed",
            "!!python/object/apply:os.system is not allowed",
        ),
        Case(
            "python-name.yaml",
            _yaml("  - {id: !!python/name:os.system x}\n"),
            "!!python/name:os.system",
            "!!python/name",
        ),
        Case(
            "python-new.yaml",
            _yaml("  - !!python/object/new:type [x, [], {}]\n"),
            "!!python/object/new:type",
            "!!python/object/new",
        ),
        Case(
            "custom-tag.yaml",
            _yaml("  - !evil {id: q2}\n"),
            "the tag !evil is not allowed",
            "!evil",
        ),
        Case(
            "binary-tag.yaml",
            _yaml("  - {id: q2, prompt: !!binary aGk=}\n"),
            "!!binary",
            "!!binary",
        ),
        Case("set-tag.yaml", _yaml("  - !!set {a: null}\n"), "!!set", "!!set"),
        Case("deep-flow.yaml", _yaml("  - " + "[" * 10_000 + "]" * 10_000 + "\n"), DEEP, DEEP),
        Case(
            "deep-map.yaml", _yaml("  - " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n"), DEEP, DEEP
        ),
        Case(
            "deep-block.yaml",
            (
                "bank: b\nextra:\n"
                + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(MAX_DEPTH + 3))
                + "  " * (MAX_DEPTH + 4)
                + "x\nquestions: []\n"
            ).encode(),
            f"deeper than {MAX_DEPTH}",
            f"deeper than {MAX_DEPTH}",
        ),
        Case(
            "nul-raw.yaml",
            _yaml("  - {id: q2, prompt: 'a\x00b'}\n"),
            "U+0000 (NUL)",
            "U+0000 (NUL)",
        ),
        Case(
            "nul-escape.yaml",
            _yaml('  - {id: q2, topic: T, prompt: "a\\0b", choices: [a, b], answer: 0}\n'),
            "U+0000 (NUL)",
            "U+0000 (NUL)",
        ),
        Case(
            "esc-escape.yaml",
            _yaml('  - {id: q2, topic: T, prompt: "a\\eb", choices: [a, b], answer: 0}\n'),
            "U+001B (ESC)",
            "U+001B (ESC)",
        ),
        Case(
            "surrogate-escape.yaml",
            _yaml('  - {id: q2, prompt: "\\ud800"}\n'),
            "not valid YAML",
            "not valid YAML",
        ),
        Case("c1-raw.yaml", _yaml("  - {id: q2, prompt: 'a\x9bb'}\n"), "U+009B", "U+009B"),
        Case("bell-raw.yaml", _yaml("\x07\n"), "U+0007", "U+0007"),
        Case(
            "latin1.yaml",
            _yaml("  - {id: q2, prompt: 'caf\xe9'}\n").replace(b"\xc3\xa9", b"\xe9"),
            NOT_UTF8,
            NOT_UTF8,
        ),
        Case("utf16.yaml", ("bank: b\nquestions: []\n").encode("utf-16"), "UTF-16", "UTF-16"),
        Case(
            "utf32.yaml",
            ("bank: b\nquestions: []\n").encode("utf-32"),
            "UTF-16 or UTF-32",
            "UTF-32",
        ),
        Case(
            "huge-line.yaml",
            _yaml(
                "  - {id: q2, topic: T, prompt: '"
                + "x" * 1_900_000
                + "', choices: [a, b], answer: 0}\n"
            ),
            "at most 1000 allowed",
            "at most 1000 allowed",
        ),
        Case(
            "three-mb.yaml",
            b"bank: b\nquestions:\n" + b"#" * BIG,
            "bytes can be read at once",
            "bytes can be read at once",
        ),
        Case(
            "many-values.yaml",
            _yaml("  - [" + "a," * (MAX_NODES + 10) + "]\n"),
            f"more than {MAX_NODES:,} values",
            "values",
        ),
        Case("two-docs.yaml", _yaml("---\nbank: c\n"), "one YAML document", "one YAML document"),
        Case(
            "huge-int.yaml",
            _yaml(
                "  - {id: q2, topic: T, prompt: P, choices: [a, b], answer: " + "9" * 5000 + "}\n"
            ),
            "number too long",
            "number too long",
        ),
        Case("list-root.yaml", b"- a\n- b\n", "must be a mapping", "must be a mapping"),
        # an empty file of any format is refused as empty on import (check/load read a bank)
        Case("empty.yaml", b"", "empty.yaml is empty", "must be a mapping"),
        Case("comments.yaml", b"# nothing\n# here\n", "must be a mapping", "must be a mapping"),
        Case("junk.yaml", junk(200_000), NOT_UTF8, NOT_UTF8),
        Case(
            "dup-keys.yaml",
            _yaml("  - {id: q2, topic: T, prompt: P, prompt: Q, choices: [a, b], answer: 0}\n"),
            "is given twice",
            "is given twice",
        ),
        Case(
            "key-not-text.yaml",
            _yaml("  - {[x]: 1, id: q2}\n"),
            "a field name must be plain text",
            "plain text",
        ),
        Case(
            "too-many.yaml",
            ("bank: b\nquestions:\n" + "- x\n" * (MAX_QUESTIONS + 1)).encode(),
            TOO_MANY,
            TOO_MANY,
        ),
    ]
    formula = ["=cmd|' /C calc'!A0,=HYPERLINK(\"http://x\"),@SUM(1),F"]
    other_cases = [
        Case("formula.csv", _csv(formula), "use a letter A-E"),
        Case(
            "giant-cell.csv",
            _csv(["Q?," + "x" * 200_000 + ",b,A"]),
            "field larger than field limit",
        ),
        Case("nul.csv", _csv(["Q\x00?,a,b,A"]), "U+0000 (NUL)"),
        Case("unclosed-quote.csv", _csv(['"Q?,a,b,A', "R?,a,b,A"]), "use a letter A-E"),
        Case("too-many.csv", _csv([f"Q{i}?,a,b,A" for i in range(MAX_QUESTIONS + 1)]), TOO_MANY),
        Case("bad-header.csv", _csv(["x"], header="\ufeff=evil(),@x"), "unknown column"),
        Case("wide.csv", _csv([",".join(["x"] * 10_000)]), "has 10000 cells, the header 4"),
        Case("utf16.csv", "prompt,choice1\n".encode("utf-16"), "UTF-16"),
        Case("unclosed.gift", b"::q1::What? {=a ~b\n\n::q2::Next? {=c ~d}\n", "never closed"),
        Case("nested.gift", b"::q1::What {{=a ~b}\n\n::q2::Next? {=c ~d}\n", "inside another"),
        Case("braces.gift", b"{" * 1_000_000, "inside another"),
        Case("escapes.gift", b"Q" + b"\\:" * 800_000 + b"?{=a ~b}", "at most 1000 allowed"),
        Case("too-many.gift", _gift(MAX_QUESTIONS + 1), TOO_MANY),
        Case("partial.gift", b"Q?{~%50%a ~%50%b}", "partial-credit"),
        Case("nul.gift", b"Q?{=a ~b\x00}", "U+0000 (NUL)"),
        Case("latin1.gift", "::q::Café?{=oui ~non}".encode("latin-1"), NOT_UTF8),
        Case("garbage.aiken", b"just some words\nand more\n", "has no ANSWER: line"),
        Case(
            "many-options.aiken",
            (
                "Q?\n"
                + "".join(f"{c}. {c}\n" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                + "ANSWER: A\n"
            ).encode(),
            "choices",
        ),
        Case("too-many.aiken", _aiken(MAX_QUESTIONS + 1), TOO_MANY),
        Case("junk.aiken", junk(50_000), NOT_UTF8),
        Case(
            "deep-arrays.json",
            b'{"results": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            f"deeper than {MAX_DEPTH}",
        ),
        Case(
            "deep-objects.json",
            b'{"results": [' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"]}",
            f"deeper than {MAX_DEPTH}",
        ),
        Case(
            "huge-number.json",
            b'{"response_code": ' + b"9" * 5000 + b', "results": []}',
            "number too long",
        ),
        Case(
            "nul-escape.json",
            _tdb(question="P\\u0000?").replace(b"\\\\u0000", b"\\u0000"),
            "U+0000 (NUL)",
        ),
        Case(
            "surrogate.json", _tdb(question="P\\ud800?").replace(b"\\\\ud800", b"\\ud800"), "U+D800"
        ),
        Case("not-json.json", b"{'results': [}", "not valid JSON"),
        Case(
            "no-results.json", _json({"results": {"a": 1}}), "must be an object with a results list"
        ),
        Case("junk.json", junk(1_000), NOT_UTF8),
    ]
    return yaml_cases + other_cases


# Where the database matters to a refusal (the admin check, nothing written) but the reading
# does not: one file of each format on PostgreSQL.
ON_POSTGRESQL = (
    "bomb-key.yaml",
    "nul-escape.yaml",
    "too-many.csv",
    "unclosed.gift",
    "surrogate.json",
)

# One of each kind, for the slower paths (the chat adapters).
REPRESENTATIVE = (
    "bomb-key.yaml",
    "python-apply.yaml",
    "deep-flow.yaml",
    "nul-escape.yaml",
    "latin1.yaml",
    "utf16.yaml",
    "three-mb.yaml",
    "many-values.yaml",
    "formula.csv",
    "giant-cell.csv",
    "too-many.csv",
    "unclosed.gift",
    "garbage.aiken",
    "deep-arrays.json",
    "surrogate.json",
)

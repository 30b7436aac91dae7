"""A column of examples illustrates each row; it states nothing only that row holds: the JSON
example of `terraform.tfvars.json` fits `*.auto.tfvars.json` as well (a review marked "Which
source matches “Example: {…}”?" ambiguous). No question asks a row by its example, nor an
example by its row; the table's other columns are asked as before."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Config notes

## Sources

Variable precedence (later wins, so #6 is highest):

| # | Source | Example |
|---|---|---|
| 1 | `default` in variable block | `default = "t3.micro"` |
| 2 | Environment variables | `export TF_VAR_instance_type=t3.large` |
| 3 | `terraform.tfvars` | `instance_type = "t3.small"` |
| 4 | `terraform.tfvars.json` | `{"instance_type": "t3.small"}` |
| 5 | `*.auto.tfvars` / `*.auto.tfvars.json` | loaded in lexical order of filename |
| 6 | `-var` and `-var-file` on CLI | in the order given on the command line |

## Reloading

- **SIGHUP** – re-reads every source without a restart
- **SIGTERM** – finishes the open requests, then exits
- **SIGKILL** – stops at once, open requests are lost
"""


def test_no_question_asks_an_example_cell() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    assert chosen
    for q in chosen:
        assert "Example" not in q.prompt and "instance_type" not in q.prompt, q.prompt


def test_no_fact_is_read_from_an_example_column() -> None:
    facts = [f for f in extract(parse_document(NOTES, "t.md")) if f.kind == "property"]
    assert all(f.attribute != "Example" for f in facts), [f.value for f in facts]
    heads = "| Command | What it does | e.g. |\n|---|---|---|\n"
    rows = "".join(f"| c{i} | does thing {i} | `c{i} --x {i}` |\n" for i in range(4))
    facts = extract(parse_document(f"# N\n\n## T\n\n{heads}{rows}", "t.md"))
    said = {f.attribute for f in facts if f.kind == "property"}
    assert said == {"What it does"}, said


TYPES = """# Python types

## Built-in types

| type | mutable? | literal ex. |
|---|---|---|
| `int` | no | `42`, `-7`, `0x1F` |
| `float` | no | `3.14`, `1e-3` |
| `list` | **yes** | `[1, 'a']` |
| `tuple` | no | `(1, 2)`, `(1,)` |
| `dict` | yes | `{'a': 1}` |
| `set` | yes | `{1, 2}` |
"""


def test_a_header_ending_in_an_example_word_is_an_example_column() -> None:
    """ "literal ex." over `42`, `-7`: "Which data type has the literal ex. “42, -7, 0x1F”?" is
    read off the literal; the mutable column is still asked."""
    facts = extract(parse_document(TYPES, "t.md"))
    assert not any(f.kind == "property" and f.attribute == "literal ex." for f in facts)
    assert any(f.kind == "property" and f.attribute == "mutable?" for f in facts)

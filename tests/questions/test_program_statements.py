"""A language's statements are no commands: "`from math import *` skips names starting with
`_`" was asked "Which command …?" among `return inner` and `def outer():` of a Python snippet,
then among `except Exception` lines. Neither a snippet in a programming language nor a line
opening with a statement word (from, except, return, def) is a command line."""

from __future__ import annotations

import pytest

from questions.facts.command_refs import _kind
from questions.generate import generate_from_texts

NOTES = """# Python notes

## Modules

- `from math import *` skips names starting with `_`
- `except Exception` catches everything but `KeyboardInterrupt`
- `except ZeroDivisionError` must come before `except Exception`
- `except (TypeError, ValueError):` catches two

## Closures

```python
def outer():
    n = 0
    def inner():
        return n
    return inner
```
"""


def test_no_statement_is_asked_as_a_command() -> None:
    bank, _ = generate_from_texts([("p.md", NOTES)], "p")
    assert not any("command" in q.prompt.lower() for q in bank.questions), [
        (q.prompt, q.choices) for q in bank.questions
    ]


@pytest.mark.parametrize(
    ("code", "kind"),
    [("from math import *", ""), ("except Exception", ""), ("return inner", ""),
     ("docker ps -a", "docker"), ("-it", "flag")],
)  # fmt: skip
def test_kind(code: str, kind: str) -> None:
    assert _kind(code) == kind


FILES = """# Python files

## Reading

- `readline()` returns `''` at EOF; `read()` whole file; `readlines()` list with `\\n`
- generator: `yield`; `object` is the root class; `x` in `lambda x: x*2` is a parameter
- `open()` modes: `r` default, `w` truncates
"""


def test_a_code_cloze_takes_options_of_its_token_form() -> None:
    """ "readlines() list with ___" keyed `\\n` beside `yield`, `object` and `x`: an escape, a
    keyword and a variable are told apart by sight."""
    bank, _ = generate_from_texts([("f.md", FILES)], "f")
    for q in bank.questions:
        if "\\n" in q.choices:
            assert all(c.startswith("\\") for c in q.choices), (q.prompt, q.choices)
        assert not ("x" in q.choices and "yield" in q.choices), (q.prompt, q.choices)

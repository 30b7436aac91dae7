"""A drill list of questions and their answers ("- how many /30s in a /24? → 64") is asked
as its own questions, the other answers of the drill as options ("How many /30s in a /24?" 4 /
6 / 16 / 64); a bare number is no term whose meaning is asked ("Which description fits 64?"),
and no group of an IPv6 address is blanked as a number ("solicited-node for ___:db8::1")."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# CCNA drills

## speed drills

- usable hosts in /29? → 6
- how many /30s in a /24? → 64
- how many /26s in a /24? → 4
- how many /24s in a /20? → 16
- solicited-node for 2001:db8::1:2345:6789? → ff02::1:ff45:6789
- fe80::1? → link-local
- ff02::2? → all routers
"""


def test_a_drill_is_asked_as_its_questions() -> None:
    bank, _ = generate_from_texts([("d.md", NOTES)], "d")
    asked = {q.prompt: q for q in bank.questions}
    q = asked.get("How many /30s in a /24?")
    assert q is not None, list(asked)
    assert q.choices[q.answer] == "64" and set(q.choices) <= {"4", "6", "16", "64"}, q.choices
    assert not any(p.startswith("Which description fits") and p.rstrip("?").split()[-1].isdigit()
                   for p in asked), list(asked)  # fmt: skip
    assert not any("___:db8" in p for p in asked), list(asked)


OUTPUTS = """# Java

## what does this print?

```java
List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
list.remove(1);
System.out.println(list);
```
→ `[1, 3]` — removes INDEX 1. for the value use `list.remove(Integer.valueOf(1))`.

## traps

- `Arrays.asList(arr)` is fixed-size: `add` throws
- `Map.of("a",1,"a",2)` throws on the duplicate key
- `Period.ofYears(1).ofMonths(2)` keeps only the last call
- `List.of()` is immutable: `set` throws too
"""


def test_a_snippets_output_line_asks_nothing() -> None:
    """ "→ `[1, 3]` — … for the value use ___" is said of the code above it, which no stem
    shows: no cloze of it."""
    bank, _ = generate_from_texts([("o.md", OUTPUTS)], "o")
    assert not any("for the value use" in q.prompt for q in bank.questions), [
        q.prompt for q in bank.questions
    ]

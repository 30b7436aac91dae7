"""A code-heavy cheat sheet says what each line gives in a comment ("System.out.println(7 / 2);
// 3", "x = 0x1F  # 31"): "what does this give?" is the question its exam asks. A line whose
expression uses a name the snippet declares ("s1 == s3") cannot be asked without the snippet,
and a comment that says no value ("// DOES NOT COMPILE") gives none."""

from __future__ import annotations

from questions.facts.results import code_results
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Java notes

## Arithmetic

```java
System.out.println(7 / 2);        // 3
System.out.println(-7 % 3);       // -1  (sign follows the dividend)
System.out.println(1 / 0);        // throws ArithmeticException
System.out.println(Integer.MAX_VALUE + 1);  // prints -2147483648
int hex = 0x1F;                   // 31
long big = 3000000000;            // DOES NOT COMPILE
String s1 = "java", s3 = new String("java");
System.out.println(s1 == s3);     // false
```

## Strings

```java
System.out.println(1 + 2 + "3");          // 33
System.out.println("1" + 2 + 3);          // 123
System.out.println("ab".repeat(3));       // ababab
stream.count();                            // 3
stream.count();                            // throws IllegalStateException
```
"""


def _pairs() -> dict[str, str]:
    doc = parse_document(NOTES, "java.md")
    return {r.expression: r.value for b in doc.blocks if b.kind == "code" for r in code_results(b)}


def test_commented_lines_give_their_results() -> None:
    pairs = _pairs()
    assert pairs["7 / 2"] == "3"
    assert pairs["-7 % 3"] == "-1"
    assert pairs["1 / 0"] == "ArithmeticException"
    assert pairs["Integer.MAX_VALUE + 1"] == "-2147483648"
    assert pairs["0x1F"] == "31"
    assert pairs['1 + 2 + "3"'] == "33"


def test_no_result_without_a_value_or_with_the_snippets_own_names() -> None:
    pairs = _pairs()
    assert "3000000000" not in pairs  # "DOES NOT COMPILE" is no value
    assert "s1 == s3" not in pairs  # s1 and s3 are the snippet's
    assert "stream.count()" not in pairs  # counted twice, two values


def test_results_are_asked_with_results_of_their_form() -> None:
    r = generate_document("java.md", NOTES)
    asked = {q.prompt: q for _, q in r.chosen}
    q = asked.get("What is the result of 0x1F?")
    assert q is not None and q.choices[q.answer] == "31" and len(q.choices) >= 3
    keys = {q.choices[q.answer] for q in asked.values()}
    assert {"33", "123", "-1"} <= keys


def test_a_concatenation_offers_the_misreadings() -> None:
    r = generate_document("java.md", NOTES)
    q = next(q for _, q in r.chosen if q.prompt == 'What is the result of 1 + 2 + "3"?')
    assert q.choices[q.answer] == "33"
    assert {"6", "123"} <= set(q.choices)  # all added up, all joined
    assert "32" not in q.choices and "34" not in q.choices  # no arithmetic neighbours

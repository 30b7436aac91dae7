"""What a piece of code gives: "`-7 // 2` → **-4**", "`int('3.5')` → ValueError",
"`'abc'[1:99]` → `'bc'`". Language cheat sheets (Python, JavaScript, SQL, shell) are full of
such pairs, and "what does this give?" is the question their exams ask. The expression is
the subject, the result the value; the other results of the notes of the same form (another
exception, another slice, a nearby number) are the options.

Only a marked expression with an operator, a call, an index or a literal in it counts, and
only a result that is a value: "`kubectl get pods -o wide` → shows the node" describes what a
command does and is left to the definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from questions.facts.model import Fact
from questions.parse.model import Block
from questions.text import is_zh

#: the arrow between an expression and what it gives
_ARROW = re.compile(r"\s*(?:→|->|=>|⇒)\s*")
#: an expression: a call, an index or slice, an operator between operands, a quoted literal
_EXPRESSION = re.compile(
    r"\w\(|\[[^\]]*\]|\w\s*(?:\*\*|//|[-+*/%<>&|^?]|==|!=|<=|>=)\s*[\w(\[\-'\"]|^['\"[({]|^[~-][\w(]"
)
#: a name with a call or index in it, not a command line: `git status -s` is a command
_COMMAND_LINE = re.compile(r"^[a-z][\w.-]*\s+(?:-{1,2}\w|[a-z][\w-]*\b(?!\())")
#: a plain result: a number, a keyword constant, an exception's name, a quoted or bracketed
#: literal, up to where the clause ends
_PLAIN_RESULT = re.compile(
    r"(?P<value>-?\d+(?:\.\d+)?(?:e-?\d+)?(?:\.\.-?\d+)?"
    r"|True|False|None|true|false|null|undefined|NaN|nil"
    r"|[A-Z]\w*(?:Error|Exception|Interrupt|Exit|Warning)"
    r"|'[^'\n]{0,40}'|\"[^\"\n]{0,40}\"|\[[^\]\n]{0,40}\]|\([^)\n]{0,40}\)|\{[^}\n]{0,40}\})"
    r"(?=\s*(?:$|[,;|(（，；。]|\s-\s|\s—\s|\s+\w))"
)
#: a true or false result: asked between the two, a pair the plan keeps few of
_BOOLEAN = re.compile(r"^(?:True|False|true|false)$")


@dataclass(frozen=True)
class Result:
    expression: str
    value: str
    said: str  # the pair with its remark, up to the next pair: what a player is shown after


def _is_expression(code: str) -> bool:
    text = code.strip()
    if not text or text.startswith(".") or len(text) > 60 or "\n" in text:
        return False  # `.find('x')` goes on the subject before it: no expression of its own
    return _EXPRESSION.search(text) is not None and not _COMMAND_LINE.match(text)


def _goes_on(tail: str, next_code: str | None) -> bool:
    """The value is the first of a run ("`range(2, 10, 3)` → 2, 5, 8"), not one result
    followed by the next pair ("→ 3, `-7 // 2` → -4")."""
    m = re.match(r"\s*,\s*", tail)
    if m is None:
        return False
    after = tail[m.end() :]
    return re.match(r"-?\d|'|\"", after) is not None and not (
        next_code is not None and after.startswith(next_code)
    )


def _literal(code: str) -> bool:
    """A value written as code: `[20, 30]`, `'bc'`, `5.0`."""
    m = _PLAIN_RESULT.match(code.strip())
    return m is not None and m.group("value") == code.strip()


def results(block: Block) -> list[Result]:
    """Every "`expression` → result" pair of the block, in order."""
    text, out, at = block.text, [], 0
    codes = block.inline.code
    for i, code in enumerate(codes):
        pos = text.find(code, at)
        if pos < 0:
            continue
        at = pos + len(code)
        arrow = _ARROW.match(text, at)
        if arrow is None or not _is_expression(code):
            continue
        rest = text[arrow.end() :]
        nxt = codes[i + 1] if i + 1 < len(codes) else None
        if nxt is not None and rest.startswith(nxt):
            if not (_literal(nxt) or result_form(nxt) in ("exception", "constant")):
                # `a` → `b + 1` (code to run) or `get()` → `Option<&V>` (a type): no value
                continue
            value = nxt  # `L[1:3]` → `[20, 30]`, `0.0 / 0` → `NaN`
        else:
            m = _PLAIN_RESULT.match(rest)
            if m is None or _goes_on(rest[m.end() :], nxt):
                continue
            value = m.group("value")
        value = value.strip()
        if value and value != code.strip():
            out.append(Result(code.strip(), value, text[pos:]))
    # each pair's words end where the next pair's expression starts
    for i, r in enumerate(out[:-1]):
        end = r.said.find(out[i + 1].expression, len(r.expression))
        out[i] = replace(r, said=r.said[:end] if end > 0 else r.said)
    # and at a clause mark after the value: "~5 → -6 (~x == -x-1); 1 + 2 * 3 ** 2 = 19"
    out = [replace(r, said=re.split(r"\s*[;；|]\s", r.said, maxsplit=1)[0]) for r in out]
    return [replace(r, said=r.said.strip().rstrip(",;|，；").strip()) for r in out]


#: a line of code and the comment saying what it gives: "System.out.println(7 / 2);  // 3",
#: "int hex = 0x1F;  // 31", "x = 2 ** 10  # 1024"
_COMMENT_MARK = re.compile(r"\s(?://|#)")
#: a print around what is given, or a declaration before it: the expression is what is inside
_PRINTED = re.compile(
    r"^(?:System\.out\.print(?:ln)?|print|console\.log|puts|p|echo|printf|fmt\.Println)"
    r"\s*\((?P<inner>.*)\)\s*;?$"
)
_DECLARED = re.compile(
    r"^(?:(?:final|var|let|const|auto)\s+)?(?:[\w<>\[\],.?]+\s+)?\w+\s*=\s*(?P<inner>[^=].*)$"
)
#: a name the snippet itself declares ("s1 == s3", "stream.count()"): not after a dot, no call,
#: no keyword; an expression holding one cannot be asked without the snippet
_FREE_NAME = re.compile(
    r"(?<![\w.$])(?!(?:true|false|null|new|None|True|False|and|or|not|in|is|instanceof|this)\b)[a-z_]\w*\b(?!\s*\()"
)
_DECLARED_TYPE = re.compile(r"\b(?:record|class|enum|interface|struct)\s+([A-Z]\w*)")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
#: a comment's verb before the result: "throws ArithmeticException", "prints -2147483648"
_THROWS = re.compile(r"^(?:throws|raises|prints|returns|gives|->|→|=)\s*", re.I)
#: a number written in another base or with a leading zero: `0x1F`, `0b101`, `017`
_BASED_LITERAL = re.compile(r"^0[xXbB]?[0-9A-Fa-f_]+[lL]?$")


def code_results(block: Block) -> list[Result]:
    """Every line of a code block whose comment says what it gives, as a pair: the printed or
    assigned expression and the value ("System.out.println(1 + 2 + \"3\");  // 33" gives
    `1 + 2 + "3"` → 33); a comment that says something else ("// DOES NOT COMPILE", "// ok,
    'A'") gives none."""
    out: list[Result] = []
    # a type the snippet declares ("record Point(…) { … }") is its own, as its variables are
    own = set(_DECLARED_TYPE.findall(block.code))
    for line in block.code.splitlines():
        # (found by a search, not a pattern around it: a long run of spaces before no
        # comment made that backtrack with the square of the run)
        mark = _COMMENT_MARK.search(line)
        code = line[: mark.start()].strip() if mark is not None else ""
        comment = line[mark.end() :].strip() if mark is not None else ""
        if not code or not comment or code.count(";") > 1:
            continue  # no comment, or two statements on the line ("x++; // …")
        code = code.rstrip(";").strip()
        inner = _PRINTED.match(code) or _DECLARED.match(code)
        expression = inner.group("inner").strip().rstrip(";").strip() if inner else code
        said = _THROWS.sub("", comment)
        value = _PLAIN_RESULT.match(said)
        if (
            value is None
            or not (_is_expression(expression) or _BASED_LITERAL.match(expression))
            or value.group("value") == expression
            or not re.search(r"[^\W_]", expression)  # a text block's quotes: no expression
            or re.search(r"[{};]", expression)  # a statement, not an expression
            or _FREE_NAME.search(_QUOTED.sub("''", expression))
            or any(re.search(rf"\b{re.escape(t)}\b", expression) for t in own)
        ):
            continue
        out.append(Result(expression, value.group("value"), line.strip()))
    # one expression said to give two values (a stream counted, then counted again) is
    # state the snippet keeps: neither is its value alone
    values: dict[str, set[str]] = {}
    for r in out:
        values.setdefault(r.expression, set()).add(r.value)
    return [r for r in out if len(values[r.expression]) == 1]


def result_facts(block: Block) -> list[Fact]:
    """One fact per pair: the expression gives the value, asked in the language of its line
    or, a line of code alone, of its section ("## 数组" over "`[1, 2].at(-1)` → 2")."""
    zh = is_zh(block.text) or any(is_zh(h) for h in block.section.path)
    return [
        Fact(kind="result", subject=r.expression, value=r.value, block=block, line=block.line,
             sentence=r.said, span=r.value, group=f"r{block.section.index}", role="result",
             lang="zh" if zh else "en")
        for r in (code_results(block) if block.kind == "code" else results(block))
    ]  # fmt: skip


#: the values a language names rather than computes: NaN beside Infinity, never beside P2M
_CONSTANTS = frozenset({"NaN", "Infinity", "-Infinity", "None", "null", "undefined", "nil"})
#: a number as a result: its form is int or float ("3" and "3.0" are two answers in Python)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_EXCEPTION = re.compile(r"[A-Z]\w*(?:Error|Exception|Interrupt|Exit|Warning)")


#: an expression joining literals with "+" where one at least is quoted: `1 + 2 + "3"`
_CONCATENATION = re.compile(
    r"""^(?:\s*(?:\d+|"[^"]*"|'[^']*')\s*\+)+\s*(?:\d+|"[^"]*"|'[^']*')\s*$"""
)


def result_form(value: str, expression: str = "") -> str:
    """What kind of value a result is: only results of one form are each other's options. A
    run of digits from joining a quoted literal is text ("33" of `1 + 2 + "3"`), no number."""
    v = value.strip()
    if _NUMBER.fullmatch(v) and _CONCATENATION.match(expression) and '"' in expression:
        # (double quotes: 'a' + 1 is a char's arithmetic in Java, 98)
        return "concatenation"
    if _BOOLEAN.match(v):
        return "boolean"
    if _NUMBER.fullmatch(v):
        return "float" if re.search(r"[.e]", v) else "int"
    if _EXCEPTION.fullmatch(v):
        return "exception"
    if v[:1] in "'\"":
        return "string"
    if v[:1] in "[({":
        return {"[": "list", "(": "tuple", "{": "braces"}[v[0]]
    if ".." in v:
        return "range"
    if v in _CONSTANTS:
        return "constant"
    return "other"


#: results of a whole document read around each one: the nearest this many on each side
RESULT_WINDOW = 40


def _kin_forms(theirs: str, mine: str, expression: str) -> bool:
    """Results that stand for one another: one form, or a named value beside an exception
    where arithmetic gives either (0.0 / 0 gives NaN, 1 / 0 throws ArithmeticException: the
    trap is which); `Map.of("a",1,"a",2)` throws, and NaN is no answer anyone would give."""
    if theirs == mine:
        return True
    if mine == "constant":
        return theirs == "exception"
    return (
        mine == "exception" and theirs == "constant" and _ARITHMETIC.search(expression) is not None
    )


#: numbers with an operator between them: what may give a named value or throw
_ARITHMETIC = re.compile(r"\d\s*[-+*/%]\s*-?\d")


def with_options(facts: list[Fact]) -> list[Fact]:
    """Each result fact learns the other results of its form near it in the notes (its own
    section's first), as `sibling_values`: the options a question on it offers."""
    out = []
    for i, f in enumerate(facts):
        form = result_form(f.value, f.subject)
        lo = max(0, i - RESULT_WINDOW)
        near = [(j, g) for j, g in enumerate(facts[lo : i + RESULT_WINDOW + 1], lo)
                if j != i and _kin_forms(result_form(g.value, g.subject), form, f.subject)
                and g.value != f.value
                and g.subject != f.subject]  # fmt: skip
        near.sort(key=lambda jg: (jg[1].section.index != f.section.index, abs(jg[0] - i)))
        out.append(replace(f, sibling_values=tuple(dict.fromkeys(g.value for _, g in near))))
    return out


def askable(f: Fact) -> bool:
    """Enough options: two other results of its form, an integer (its neighbours will do) or
    a truth value (the other one). A result with none is left to what else reads its line."""
    form = result_form(f.value, f.subject)
    return form in ("int", "boolean", "concatenation") or len(f.sibling_values) >= 2

"""A fact everyone knows before studying (blind review 10: "200 = 请求成功", "HTTPS = 443") is not
asked, by any cell of its row: the rest of a row that pairs both sides is the same common fact.
Taken from branch clip10-full with the entries that cost gold facts the notes teach left out
(port 22, PATCH, Pod). Notes written here on other subjects."""

from __future__ import annotations

from questions.candidate import Candidate
from questions.common_knowledge import universal
from questions.facts.extract import extract
from questions.generate import generate_document, generate_from_texts
from questions.parse import parse_document

GATEWAY = """# Edge gateway notes

## Listeners

| Port | Protocol | Use |
|---|---|---|
| 80 | TCP | HTTP, redirected to TLS |
| 443 | TCP | HTTPS |
| 8443 | TCP | admin console, VPN only |
| 9901 | TCP | envoy admin stats |
| 15021 | TCP | health checks from the load balancer |
"""

REPLIES = """# 网关返回码

## 返回码

| 返回码 | 说明 |
|---|---|
| 200 | 请求成功 |
| 404 | 路由不存在 |
| 413 | 请求体超过网关上限 8 MB |
| 431 | 请求头太大，多半是 cookie 堆多了 |
| 499 | 客户端在网关回复前断开 |
"""


def _keys(text: str) -> list[str]:
    return [q.choices[q.answer] for _, q in generate_document("t.md", text).chosen]


def test_a_common_pair_is_not_asked() -> None:
    result = generate_document("t.md", REPLIES)
    keys = [q.choices[q.answer] for _, q in result.chosen]
    assert "413" in keys or "431" in keys, keys
    assert "200" not in keys and "请求成功" not in keys, keys
    reasons = {d.reason for d in result.dropped}
    assert "common knowledge: HTTP 200" in reasons, reasons


def test_no_cell_of_a_common_row_is_asked() -> None:
    """Port 443's protocol is no study point once its row is HTTPS: no true/false or choice on
    the row's other cells either."""
    for _, q in generate_document("t.md", GATEWAY).chosen:
        assert not q.prompt.startswith(("判断正误：443", "True or false: 443")), q.prompt
        assert "HTTPS" not in q.prompt and q.choices[q.answer] not in ("443", "HTTPS"), q.prompt


def test_a_row_pairing_both_sides_is_common_by_any_cell() -> None:
    facts = extract(parse_document(GATEWAY, "t.md"))
    row = next(f for f in facts if f.table is not None and f.subject == "443")
    other = next(f for f in facts if f.table is not None and f.subject == "8443")
    for fact, common in ((row, True), (other, False)):
        c = Candidate("true_false", "tf-false", "truefalse", fact,
                      f"True or false: {fact.subject} uses UDP", ("True", "False"), 1, "",
                      "en")  # fmt: skip
        assert (universal(c) is not None) is common, fact.subject


OPERATORS = """# Ruby gems

## Version constraints

| op | means | example |
|---|---|---|
| `=` | that version only | `= 2.1.0` |
| `!=` | exclude a version | `!= 2.1.3` |
| `>=` | minimum | `>= 2.0` |
| `~>` | pessimistic: up to the next significant release | `~> 2.1` allows 2.x from 2.1 |
| `<=` | maximum | `<= 3.0` |
"""


def test_the_universal_comparison_operators_are_not_asked() -> None:
    """Python packaging notes: "Which spec has the means “minimum”?" -> `>=` among ==, != and ~=:
    every programmer reads the comparison operators; only a notation of the tool is asked."""
    bank, _ = generate_from_texts([("g.md", OPERATORS)], "g")
    keys = {q.choices[q.answer].strip("`") for q in bank.questions if q.kind == "choice"}
    assert keys, [q.prompt for q in bank.questions]
    assert not keys & {"!=", ">=", "<="}, keys

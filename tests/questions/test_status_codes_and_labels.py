"""Review 18 of unseen OAuth and React notes (issue #13): a status code said under "Status
codes:" or after "errors →" is offered beside status codes only (no 600, no RFC 6749); a cited
RFC is where a rule is written, never a blank; a list item named with its short form
("**Token service (TS)**") is asked whole among its list, not as "TS" beside JWT; "OAuth 2.1"
is a release; a clause is no setting to ask the default of; a cut clause closes the bracket it
opened; "gw.log 重复：…" is a topic line, not gw.log's definition; a time column ("停止时机")
is not said "适用于".
Notes: tests/questions/notes/api-auth-errors.md."""

from __future__ import annotations

import re
from pathlib import Path

from questions.bank import Bank
from questions.distractors import Pool
from questions.facts.definitions import split_definition
from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.generators import tables
from questions.generators.numbers import names_a_setting
from questions.generators.tables import distinguishing
from questions.parse.markdown import parse_document
from questions.stems import (
    answered_zh,
    closed,
    cut_off,
    finished,
    names_a_kind,
    table_reverse,
    table_statement,
    which,
)
from questions.tables import is_empty
from questions.values import number_role, numbers_in

NOTES = Path(__file__).parent / "notes" / "api-auth-errors.md"
STATUS = re.compile(r"[1-5]\d\d")


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_status_codes_are_offered_beside_status_codes_only() -> None:
    asked = [q for q in _bank().questions if q.choices[q.answer] in ("400", "401", "403", "429")]
    assert len(asked) >= 3
    for q in asked:
        assert len(q.choices) >= 3, (q.prompt, q.choices)
        assert all(STATUS.fullmatch(c) for c in q.choices), (q.prompt, q.choices)


def test_a_status_code_under_its_lead_in_or_after_errors_is_a_code() -> None:
    line = "`/token` errors → 400 + body"
    (n,) = numbers_in(line)
    assert number_role(line, n) == "code"
    line = "missing scope → 403 insufficient_scope"
    (n,) = numbers_in(line)
    assert number_role(line, n, "Token endpoint", "Token endpoint Status codes:") == "code"
    assert number_role(line, n, "Token endpoint", "Token endpoint") != "code"


def test_a_cited_rfc_is_never_asked() -> None:
    doc = parse_document("## Errors\n\n- RS (RFC 6750): bad token → 401; scope → 403 x\n", "x.md")
    values = {f.value for f in extract(doc) if f.kind == "number"}
    assert "6750" not in values and "401" in values
    for q in _bank().questions:
        assert q.choices[q.answer] not in ("6749", "6750"), q.prompt
        assert "6749" not in q.choices and "6750" not in q.choices, (q.prompt, q.choices)


def test_an_item_named_with_its_short_form_is_asked_whole() -> None:
    bank = _bank()
    for q in bank.questions:
        assert "JWT" not in q.choices and "TS" not in q.choices and "DS" not in q.choices, q
    asked = [q for q in bank.questions if q.choices[q.answer] == "Data service (DS)"]
    assert asked
    for q in asked:
        assert set(q.choices) <= {"Account holder", "Caller", "Token service (TS)",
                                  "Data service (DS)", "Audit sink"}, q.choices  # fmt: skip


def test_x_y_after_a_products_name_is_a_release() -> None:
    for line, role in [("tokens follow the profile of GateKeeper 2.3", "version"),
                       ("recommended by OAuth 2.1", "version"),
                       ("requests CPU 1.5 per pod", "quantity"),
                       ("a ratio of 1.5 per node", "quantity")]:  # fmt: skip
        (n,) = numbers_in(line)
        assert number_role(line, n) == role, line


def test_a_clause_is_no_setting_to_ask_the_default_of() -> None:
    assert not names_a_setting("the gateway retries each call every backoff ms")
    assert not names_a_setting("polls /token every interval s")
    assert names_a_setting("retry backoff")
    for q in _bank().questions:
        assert "default value of the gateway" not in q.prompt, q.prompt


def test_a_cut_clause_closes_the_brackets_it_left_open() -> None:
    assert closed("只依赖原始值（ ___") == "只依赖原始值（ ___）"
    assert closed("x (y [z ___") == "x (y [z ___])"
    assert closed("a (b) ___") == "a (b) ___"
    for q in _bank().questions:
        for opener, closer in (("（", "）"), ("(", ")")):
            assert q.prompt.count(opener) <= q.prompt.count(closer), q.prompt


def test_a_name_with_a_label_of_its_own_is_a_topic_not_a_definition() -> None:
    doc = parse_document("- gw.log 重复：网关 3.4 会把第二次的日志合并掉\n", "x.md")
    assert split_definition(doc.content[0]) is None
    doc = parse_document("- gw.log：网关的日志文件\n", "x.md")
    d = split_definition(doc.content[0])
    assert d is not None and d.term == "gw.log"
    for q in _bank().questions:
        assert q.choices[q.answer] != "gw.log", q.prompt


def test_a_time_column_is_not_said_to_fit_a_case() -> None:
    said = table_statement("不传", "cleanup 时机", "下次 effect 前", "zh")
    assert said is not None and "适用于" not in said and "下次 effect 前" in said
    assert "适用于" in (table_statement("立即", "适用场景", "偶发失败", "zh") or "")


def test_a_dash_with_an_aside_is_an_empty_cell() -> None:
    assert is_empty("— (`response_type=token`)")
    assert is_empty("n/a (none)")
    assert not is_empty("4 (four)") and not is_empty("- (x) y")


def test_a_chinese_header_question_is_answered_by_its_cell() -> None:
    assert answered_zh("缓存的是啥", "函数本身") == "缓存的是“函数本身”"
    assert answered_zh("什么时候执行", "每次 render 后") == "在“每次 render 后”执行"
    assert answered_zh("单独用有意义吗", "✅") is None  # yes or no: nothing to fill
    prompts = [q.prompt for q in _bank().questions]
    assert any("中哪一个拉取的是“" in p for p in prompts), prompts
    assert not any("对“拉取的是啥？”" in p for p in prompts), prompts


def test_an_english_word_before_a_chinese_head_noun_stays_in_the_stem() -> None:
    said = table_reverse("deps 写法", "cleanup 时机", "unmount", "zh")
    assert said is not None and "cleanup 时机" in said and "适用于" not in said
    assert table_reverse("方法", "Idempotent 幂等", "是", "zh") == "哪个方法的幂等是“是”？"


def test_a_shared_mark_is_not_asked_among_the_columns_of_a_comparison() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    marked = [f for f in facts if f.table is not None and f.attribute == "单独用有意义吗"]
    assert {f.value for f in marked} >= {"✅ 小数据量", "❌ 要配合重放"}
    asked = [c.prompt for f in marked for c in tables.for_fact(f, pool)]
    assert any("“❌ 要配合重放”" in p for p in asked), asked  # no other column has its mark
    assert not [p for p in asked if "“✅" in p], asked  # 长轮询's bare ✅ would answer it too


def test_a_label_that_says_how_items_are_is_no_kind_to_ask_which_of() -> None:
    assert which("Optional-ish", "en") == "Which of these"
    assert which("Managed", "en") == "Which of these"
    assert which("refresh", "en") == "Which refresh"  # a verb may name a knob
    assert which("deployment policy", "en") == "Which deployment policy"
    assert names_a_kind("Kubernetes Service type") and not names_a_kind("Optional")


def test_a_capitalised_name_written_with_three_numbers_is_a_family() -> None:
    notes = (
        "## Versions\n\n- Gizmo 17 keeps the old loader\n- Gizmo 18 adds batching to every queue\n"
        "- Gizmo 19 drops the old loader\n"
    )
    bank, _ = generate_from_texts([("x.md", notes)], "b")
    asked = [q for q in bank.questions if "18" in q.choices]
    assert asked
    for q in asked:
        assert set(q.choices) <= {"17", "18", "19"}, (q.prompt, q.choices)


def test_a_cell_any_value_goes_with_tells_no_row_apart() -> None:
    column = ["gauge", "gauge", "counter", "any", "any"]
    assert not distinguishing("counter", column)  # `changes()` is used on counters too
    assert distinguishing("counter", ["gauge", "counter", "histogram"])
    assert not distinguishing("confidential", ["both", "public", "confidential"])
    assert not distinguishing("公开", ["任意", "公开", "内部"])


def test_a_sentence_the_notes_left_unfinished_is_cut_before_or_not_asked() -> None:
    assert finished(
        "A (flag, ___+) fixes the bucket problem, the thing with them is that they"
    ) == ("A (flag, ___+) fixes the bucket problem")
    assert (
        finished("timeout defaults to ___; 0 disables it")
        == "timeout defaults to ___; 0 disables it"
    )
    assert finished("默认 ___，超过以后会因为") == "默认 ___"
    assert cut_off("the thing is that they") and not cut_off("0 disables it")
    notes = (
        "## Storage\n\n- Compaction merges blocks into bigger ones every 2h, the thing with it is"
        " that the\n- Retention keeps 15d of blocks on disk by default\n"
    )
    bank, _ = generate_from_texts([("x.md", notes)], "b")
    for q in bank.questions:
        assert not q.prompt.rstrip("'\"").endswith("that the"), q.prompt


def test_a_label_over_a_chain_of_stages_is_no_definition() -> None:
    doc = parse_document("- states: **inactive -> pending -> firing**\n", "x.md")
    assert split_definition(doc.content[0]) is None
    doc = parse_document("- pending: the expression is true, but not yet for `for:`\n", "x.md")
    assert split_definition(doc.content[0]) is not None


def test_a_description_that_leaves_its_verb_to_the_line_before_is_no_definition() -> None:
    for line in (
        "- **Public**: can't (SPA, mobile, CLI) → no client_secret",
        "- **只读**：不能（只读）",
    ):
        assert split_definition(parse_document(line + "\n", "x.md").content[0]) is None, line
    d = split_definition(parse_document("- **Public**: cannot keep a secret\n", "x.md").content[0])
    assert d is not None and d.description == "cannot keep a secret"

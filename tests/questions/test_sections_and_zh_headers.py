"""Review 18 of unseen Git notes in Chinese (issue #13): an INI block's settings are named with
their section where the notes write one that way (`pack.window`, never a bare "window" two
sections could hold); a counted category ("三种存储对象") is asked one at a time ("哪个存储对象");
a Chinese verb with its English object ("产生 new chunk") is one header; "默认 policy 生效后"
says when, it does not call its row the default.
Notes: tests/questions/notes/backup-store-zh.md."""

from __future__ import annotations

from pathlib import Path

from questions.bank import Bank
from questions.context_refs import refers_to_context
from questions.facts.config_lines import config_lines, namespaced
from questions.facts.table_facts import _calls_default
from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.stems import _attr_parts, table_predicate, which
from questions.values import leading_mark, mark_remark, numbers_in, with_value

NOTES = Path(__file__).parent / "notes" / "backup-store-zh.md"


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_ini_settings_carry_their_section_where_the_notes_write_it() -> None:
    prompts = [q.prompt for q in _bank().questions if "默认值" in q.prompt]
    assert any(p.startswith("pack.window ") for p in prompts), prompts
    assert not any(p.startswith(("window ", "depth ", "limit ")) for p in prompts), prompts


def test_a_section_is_a_namespace_only_where_the_notes_say_so() -> None:
    doc = parse_document("```ini\n[mysqld]\nmax_connections = 200 ; default 151\n```\n", "x.md")
    (code,) = [b for b in doc.content if b.kind == "code"]
    lines = config_lines(code)
    assert [c.section for c in lines] == ["mysqld"]
    assert [c.name for c in namespaced(lines, lambda name: False)] == ["max_connections"]
    assert [c.name for c in namespaced(lines, lambda n: n == "mysqld.max_connections")] == [
        "mysqld.max_connections"
    ]


def test_a_counted_category_is_asked_one_at_a_time() -> None:
    assert which("三种存储对象", "zh") == "哪个存储对象"
    assert which("3 种 reset 模式", "zh").strip() == "哪个 reset 模式"
    assert which("种子", "zh") == "哪个种子"  # 种 that counts nothing stays


def test_a_chinese_verb_keeps_its_english_object() -> None:
    assert _attr_parts("产生 new chunk", "zh") == "产生 new chunk"
    assert _attr_parts("Idempotent 幂等", "zh") == "幂等"  # a header in two languages
    assert _attr_parts("幂等 (Idempotent)", "zh") == "幂等"
    assert any("产生 new chunk" in q.prompt for q in _bank().questions)


def test_a_default_message_does_not_make_its_row_the_default() -> None:
    assert not _calls_default("默认 policy 生效后、写盘前", "钩子")
    assert _calls_default("默认", "钩子") and _calls_default("默认，推荐", "钩子")
    for q in _bank().questions:
        assert "默认的钩子" not in q.prompt, q.prompt


def test_a_mark_with_its_remark_in_brackets_is_a_mark() -> None:
    assert leading_mark("✅（全部拒绝）") is True
    assert leading_mark("❌（不行）") is False
    assert leading_mark("一份") is None
    assert leading_mark("× never") is False
    # what follows the mark, said with the header ("Which item is adjustable (max 500)?")
    assert mark_remark("✅ (max 500)") == "max 500"
    assert mark_remark("❌ → stream it instead") == "stream it instead"
    assert mark_remark("✅（全部拒绝）") == "全部拒绝"
    assert mark_remark("after a ticket") == "after a ticket"


def test_a_yes_no_comparison_names_only_the_entities_it_offers() -> None:
    assert table_predicate(None, "数据是独立的", "zh", "✅", "copy / link") == (
        "copy / link 中哪一个数据是独立的？"
    )
    result = generate_document("x.md", NOTES.read_text(encoding="utf-8"))
    asked = [c for c in result.candidates if "数据是独立的" in c.prompt]
    assert asked
    for c in asked:  # move is ✅ too: a stem naming it would have two right answers
        assert "move" not in c.prompt and "是数据是" not in c.prompt, c.prompt


def test_a_default_the_prose_and_the_config_both_state_is_asked_once() -> None:
    asked = [q for q in _bank().questions if q.choices[q.answer] == "500"]
    assert len(asked) == 1, [q.prompt for q in asked]  # "cache.limit（默认 500）" and "limit = 500"


def test_options_are_written_as_the_key_groups_its_thousands() -> None:
    (n,) = numbers_in("Transit Gateway: 5,000 attachments per TGW")
    assert [with_value(n, x) for x in (2500, 6000, 500)] == ["2,500", "6,000", "500"]
    (n,) = numbers_in("limit 12000 rows")
    assert with_value(n, 25000) == "25000"


def test_a_bare_see_below_in_brackets_points_elsewhere() -> None:
    assert refers_to_context("等 IO，但不准 (见下)") and refers_to_context("等 IO（见上）")
    assert not refers_to_context("上下文切换") and not refers_to_context("不见下降")

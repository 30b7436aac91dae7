"""Options of the key's own set (issue #13, review 17 of unseen notes): a data type's line is
offered beside the type table's rows, never beside the product the notes are about or a
component of another table; a component never beside the states a list gives; a name a line
enumerates never beside the names another line enumerates; a table's remark of a limit never
against a row that lacks what the key's row lacks; a command never beside one whose own comment leaves
out the same step."""

from __future__ import annotations

from questions.ambiguity import leaves_out_alike
from questions.distractors import Pool
from questions.facts.extract import extract
from questions.parse import parse_document
from tests.questions.own_notes import keyed, notes_text

ZH = "broker-kinds-zh.md"
EN = "metrics-kinds.md"


def _pool(name: str) -> Pool:
    doc = parse_document(notes_text(name), name)
    return Pool(doc, extract(doc))


def test_sets_are_read_from_tables_lists_and_enumerating_lines() -> None:
    pool = _pool(ZH)
    assert pool.other_set("Fanout", "Shovel")  # exchange types' table, the bridges' table
    assert pool.other_set("Shovel", "BLOCKED")  # a table's row, a list's states
    assert not pool.other_set("Fanout", "Quorum")  # led items of one list
    assert not pool.other_set("Fanout", "Topic")  # rows of one table
    assert pool.the_whole("Fanout", "RabbitMQ") and not pool.the_whole("RabbitMQ", "Shovel")
    assert pool.table_mates("Fanout") == ["Direct", "Topic", "Headers"]
    en = _pool(EN)
    assert en.other_set("bool", "expr") and not en.other_set("bool", "string")


def test_a_type_defined_in_a_list_is_offered_beside_the_type_table() -> None:
    """ "Fanout" is defined beside "Quorum" and is a row of the exchange types: "RabbitMQ"
    (the notes' subject) and "Shovel" (a row of another table) are no exchange types."""
    found = [c for p, c, k in keyed(ZH) if k == "Fanout" and "完全不看路由键" in p]
    assert found
    for choices in found:
        assert not {"RabbitMQ", "Shovel"} & set(choices), choices
        assert len(set(choices) & {"Direct", "Topic", "Headers"}) >= 1, choices


def test_a_component_is_never_offered_beside_states() -> None:
    for prompt, choices, _ in keyed(ZH):
        if "Shovel" in choices:
            assert not {"RUNNING", "BLOCKED"} & set(choices), (prompt, choices)


def test_a_cloze_never_offers_the_names_another_line_enumerates() -> None:
    """ "Value types: … `string`/`bytes`; ___." offered `expr` and `labels`, rule fields."""
    rule_fields = {"expr", "for", "labels", "annotations", "keep_firing_for"}
    for prompt, choices, key in keyed(EN):
        if key in {"float", "int", "string", "bytes", "bool"}:
            assert not rule_fields & set(choices), (prompt, choices)


def test_a_limit_is_not_asked_against_a_row_lacking_the_same() -> None:
    """Pair's remark "disk limited by one node" follows from ❌ horizontal scale, which Single
    has too: it is not asked against Single, nor offered as what Single is not."""
    limit = "disk limited by one node"
    for prompt, choices, key in keyed(EN):
        if limit in prompt:
            assert "Single" not in choices or choices == ["True", "False"], (prompt, choices)
            assert "Single" not in prompt, prompt  # said of Single: true as well
        if key != limit and "Single" in prompt:
            assert limit not in choices, (prompt, choices)
    # a remark that names no limit is asked against every row as before
    assert any("fine for a lab" in p and "Pair" in c for p, c, _ in keyed(EN))


def test_a_command_whose_comment_leaves_out_the_same_step_is_no_option() -> None:
    assert leaves_out_alike('skip "yes" prompt', "applies saved plan, NO approval prompt")
    assert leaves_out_alike("跳过确认提示", "不需要确认提示")
    assert not leaves_out_alike("save plan to file", "applies saved plan, NO approval prompt")
    assert not leaves_out_alike("skip the prompt", "asks before every change")
    found = [c for p, c, _ in keyed(EN) if "skip the confirmation text" in p]
    assert found
    for choices in found:
        assert "amtool silence add -q alertname=X" not in choices, choices

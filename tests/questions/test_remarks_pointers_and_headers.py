"""Reviews of unseen Terraform and Docker 中文 notes (issue #13): brackets that add a member to a
list ("lifecycle (+ `providers` …)") are no member's meaning; "fills in the rest" and "优先用它"
point elsewhere; a cell "默认 root" gives its row's default value, it does not call its row the
default; a short aside on a blank ("___（tini）") glosses the key; a yes/no question header
("Can fail?") is asked as a question; "备注 / 坑" is a remarks header, and a Chinese remark is
said of its row's key. Notes: tests/questions/notes/build-tools-zh.md."""

from __future__ import annotations

from pathlib import Path

from questions.ambiguity import denies
from questions.bank import Bank
from questions.context_refs import refers_to_context
from questions.cues import computable
from questions.facts.enumerations import enumeration
from questions.facts.extract import extract
from questions.facts.table_facts import _calls_default
from questions.generate import generate_from_texts
from questions.generators.terms import _ASIDE_AFTER_BLANK, _NUMBERED
from questions.headers import asked, remark_header
from questions.parse.markdown import parse_document
from questions.stems import (
    BLANK,
    is_descriptive,
    only_flags,
    table_reverse,
    table_statement,
    which,
)

NOTES = Path(__file__).parent / "notes" / "build-tools-zh.md"


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_brackets_that_add_a_member_are_no_meaning() -> None:
    found = enumeration("Release steps: tag, build, sign, upload (+ notify on majors)")
    assert found is not None
    assert [m.description for m in found.members] == ["", "", "", ""]
    found = enumeration("Modes: fast, safe, slow (the default one)")
    assert found is not None and found.members[-1].description == "the default one"
    for q in _bank().questions:
        assert "“+" not in q.prompt, q.prompt


def test_lines_that_point_elsewhere_or_at_their_own_row() -> None:
    for text in ("fills in the rest", "优先用它", "推荐用这个", "use this one", "Prefer it."):
        assert refers_to_context(text), text
    for text in ("the rest of the file is ignored", "REST API", "encrypted at rest",
                 "33 % of raw, the rest holds copies",
                 "推荐，备份迁移方便", "use it for logs"):  # fmt: skip
        assert not refers_to_context(text), text
    for q in _bank().questions:
        assert "推荐用这个" not in q.prompt and "优先用它" not in q.prompt, q.prompt


def test_a_line_that_says_the_same_rule_holds_points_above() -> None:
    # "same idea for ___ vs include_tasks" was asked (a review: the idea is a line above)
    for text in ("same idea for import_tasks vs include_tasks", "同理，RWMutex 也一样",
                 "the same thing applies to roles"):  # fmt: skip
        assert refers_to_context(text), text
    for text in ("same-origin policy", "pods of the same node share it", "it is the same idea"):
        assert not refers_to_context(text), text


def test_a_default_value_cell_does_not_call_its_row_the_default() -> None:
    assert not _calls_default("默认 mavenLocal，生产要配置凭据", "任务")
    assert not _calls_default("默认 root", "指令")
    # a flag's default in the row's description: "Which CLI Command is the default?" (a review)
    assert not _calls_default("apply changes (-parallelism=n, default 10)", "Command")
    assert _calls_default("apply changes (default)", "Command")
    assert _calls_default("the usual default, fine for most", "Command")
    assert _calls_default("默认", "任务")
    assert _calls_default("默认，推荐", "任务")
    for q in _bank().questions:
        assert not q.prompt.startswith("默认的"), q.prompt


def test_a_yes_no_question_header_is_asked_as_a_question() -> None:
    assert asked("Can retry?") == "Can retry"
    assert asked("Does it lock?") == "Does it lock"
    assert asked("Can retry") is None  # no mark: a label ("Can opener") as much as a question
    stem = table_reverse("stage", "Can retry?", "only with a fresh token", "en")
    assert stem == "Which stage answers “Can retry?” with “only with a fresh token”?"
    for q in _bank().questions:
        assert "matches “Can retry" not in q.prompt, q.prompt


def test_joined_remark_labels_make_a_remarks_header() -> None:
    assert remark_header("备注 / 坑") and remark_header("Notes & gotchas") and remark_header("注意")
    assert not remark_header("作用 / 坑") and not remark_header("Owner")
    assert is_descriptive("备注 / 坑") and is_descriptive("说明") and not is_descriptive("位置")
    prompts = [q.prompt for q in _bank().questions]
    assert not any("备注 / 坑是" in p for p in prompts), prompts
    remarks = [p for p in prompts if p.startswith("这条备注说的是")]
    assert remarks and all(p.startswith("这条备注说的是哪个任务？“") for p in remarks), remarks


def test_a_short_aside_on_a_blank_is_cut() -> None:
    def cut(gap: str) -> str:
        return _ASIDE_AFTER_BLANK.sub(BLANK, gap)

    assert cut(f"解决: 删掉目录，或者 {BLANK}（强制刷新）") == f"解决: 删掉目录，或者 {BLANK}"
    assert cut(f"the pod gets {BLANK} (not killed)") == f"the pod gets {BLANK}"
    kept = f"memory above the limit -> container is {BLANK} (exit code 137)"
    assert cut(kept) == kept  # a number of its own is a fact, no gloss
    # an aside before the blank, or a long one after it, says more than a gloss of the key
    assert cut(f"（强制刷新）{BLANK} 之后") == f"（强制刷新）{BLANK} 之后"
    long = f"{BLANK} (which downloads every dependency again, slow on CI)"
    assert cut(long) == long


def test_a_blank_with_the_number_its_name_carries_is_not_asked() -> None:
    assert _NUMBERED.search(f"→ 进程就是 {BLANK} 1，能收到信号")
    assert _NUMBERED.search(f"upgrade to {BLANK}2 first")
    assert not _NUMBERED.search(f"{BLANK} listens on port 8080")


TOOL_EN = """# Release tool

## Commands

| Command | What it does | Notes |
|---|---|---|
| `rel pack` | rename/move the artifacts | prefer the `--out` flag now |
| `rel sign` | sign every artifact | needs the team key on the runner |
| `rel push` | upload to the registry | `-f`, `--dry-run` |
| `rel list` | list the releases | `--json` |
| `rel gc` | forget old releases | nothing is deleted from storage |
"""


def test_flags_are_no_description_and_an_action_column_is_no_noun() -> None:
    assert only_flags("`-raw name`, `-json`") and only_flags("--force / -f")
    assert not only_flags("-check for CI") and not only_flags("-1 (不限)")
    assert table_reverse("command", "Notes", "`-f`, `--dry-run`", "en") is None
    assert table_statement("rel push", "Notes", "`-f`, `--dry-run`", "en") is None
    bank, _ = generate_from_texts([("x.md", TOOL_EN)], "b")
    prompts = [q.prompt for q in bank.questions]
    assert not [p for p in prompts if "--dry-run" in p or "“--json”" in p], prompts
    # "rename/move the artifacts" says what `rel pack` does: no "remark on its rename"
    assert not [p for p in prompts if "remark on its" in p], prompts


def test_a_chinese_header_that_says_what_a_value_means_reads_as_a_clause() -> None:
    said = table_reverse("字段", "高了一般说明", "业务代码吃 CPU", "zh")
    assert said == "哪个字段高了一般说明“业务代码吃 CPU”？"
    assert (
        table_statement("us", "高了代表", "业务代码吃 CPU", "zh") == "us 高了代表“业务代码吃 CPU”"
    )
    assert table_reverse("字段", "含义", "用户态", "zh") != "哪个字段含义“用户态”？"  # a noun
    assert which("三层限制", "zh") == "哪个限制" and which("两级缓存", "zh") == "哪个缓存"


STATE_EN = """# State commands

## Commands

| Command | What it does | Notes |
|---|---|---|
| `st mv` | move an address | prefer the `moved` block now |
| `st rm` | forget a resource | real infra is NOT destroyed |
| `st list` | list addresses | filters by module path |
| `st pull` | print remote state | needs read access to the backend |
"""


def test_a_remark_that_only_denies_is_not_asked() -> None:
    """ "real infra is NOT destroyed" is as true of `st mv` and `st list`."""
    assert denies("real infra is NOT destroyed") and denies("the pod is not restarted")
    assert not denies("the pod is restarted") and not denies("filters by module path")
    bank, _ = generate_from_texts([("x.md", STATE_EN)], "b")
    prompts = [q.prompt for q in bank.questions]
    assert prompts and not [p for p in prompts if "NOT destroyed" in p], prompts


def test_a_blank_an_arrow_works_out_is_computed() -> None:
    """ "___ 开销，MTU 1500 → 容器里最多 1450": the blank is 1500 - 1450."""
    assert computable("填空：VXLAN 封装有 ___ 开销，底层 MTU 1500 → 容器里最多 1450。", "50")
    assert computable("overhead ___ bytes: MTU 9001 -> 8951 inside the tunnel", "50")
    assert not computable("填空：VXLAN 封装有 ___ 开销，底层 MTU 1500 → 容器里最多 1450。", "60")
    assert not computable("默认 ___ 秒，改成 30 → 60 也行", "20")


def test_a_bold_order_on_what_the_line_names_is_no_term() -> None:
    doc = parse_document("## Files\n\n- `x.lock` = the lock file, **commit it**, **never edit it**\n"
                         "- the runner is **ephemeral** and **Linux only**\n", "x.md")  # fmt: skip
    terms = {f.subject for f in extract(doc) if f.kind == "term"}
    assert "commit it" not in terms and "never edit it" not in terms
    assert {"ephemeral", "Linux only"} <= terms


CONNECTORS = """# A+ connectors

## Connectors

| Connector | Pins | Used for | Notes |
|---|---|---|---|
| RJ11 | 6P2C | phone lines, DSL | smaller than RJ45 |
| RJ45 | 8P8C | ethernet | crimp with a crimper, test with a cable tester |
| ST | 2.5 mm | fiber | bayonet, twist to lock |
| SC | 2.5 mm | fiber | square, push-pull |
| LC | 1.25 mm | fiber | small form factor, duplex clip |
| DB-9 | 9 | serial | console cables for routers and switches |
"""


def test_a_used_for_column_is_no_noun_of_the_remark() -> None:
    # "ethernet" is what RJ45 is used for: "Which connector does this remark on its ethernet
    # fit" read as broken English
    bank, _ = generate_from_texts([("x.md", CONNECTORS)], "b")
    prompts = [q.prompt for q in bank.questions]
    assert not [p for p in prompts if "remark on its" in p], prompts
    assert [p for p in prompts if p.startswith("Which connector does this remark fit")], prompts

"""Inline HTML read as the Markdown it stands for (`<b>`, `<mark>`, `<code>`), choices that are
one choice written twice ("A Delta table" / "Delta table", "Aminoglycosides" / "Aminoglycosides
(gentamicin, tobramycin)"), a description that points at its neighbours ("behind the above"),
a bracketed short name the stem repeats ("low K+" of "Potassium (K+)"), and a short Chinese
item heading its branch ("微服务" over "对比 SOA：…")."""

from __future__ import annotations

from questions.context_refs import refers_to_context
from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.solvers import alias_in_stem

SUFFIXES = """# Pharm

## Suffixes

- <b>-olol</b> = beta blockers · <b>-pril</b> = ACE inhibitors
- <b>-vir</b> = antivirals · <b>-mab</b> = monoclonal antibodies
- <b>-statin</b> = HMG-CoA reductase inhibitors
- <b>-dipine</b> = calcium channel blockers
- use <code>kubectl get</code> to list, <mark>never</mark> guess<br/>then check
"""


def test_html_bold_and_code_mark_terms_as_markdown_does() -> None:
    blocks = parse_document(SUFFIXES, "n.md").blocks
    marked = {m for b in blocks for m in b.inline.marked}
    assert {"-olol", "-pril", "-vir", "-mab", "-statin", "-dipine", "never"} <= marked
    assert "kubectl get" in {c for b in blocks for c in b.inline.code}
    assert blocks[-1].inline.text == "use kubectl get to list, never guess then check"


def test_two_terms_on_one_line_joined_by_a_middle_dot_are_two_definitions() -> None:
    r = generate_document("n.md", SUFFIXES)
    defined = {(f.subject, f.value) for f in r.facts if f.kind == "definition"}
    assert ("-vir", "antivirals") in defined and ("-mab", "monoclonal antibodies") in defined
    for _, q in r.chosen:
        assert "·" not in q.prompt and not any("·" in c for c in q.choices), q


DELTA = """# Delta

## Tables

A Delta table = Parquet data files + a **transaction log** in `_delta_log/`.

- **External table** = data files at a path you manage; DROP leaves them
- **Managed table** = Unity Catalog owns the files; DROP deletes them after 30 days
- **Default table** = what CREATE TABLE without USING gives you: Delta since DBR 8.0

| setting | default | what it controls |
|---|---|---|
| VACUUM retention | 7 days | minimum age of removed files before VACUUM deletes them |
| `delta.deletedFileRetentionDuration` | interval 7 days | table property behind the above |
| `delta.logRetentionDuration` | interval 30 days | how long the JSON log history is kept |
| `delta.checkpointInterval` | 10 | commits between two checkpoints |
"""


def test_a_named_kind_is_defined_without_its_article() -> None:
    r = generate_document("n.md", DELTA)
    subjects = {f.subject for f in r.facts if f.kind == "definition"}
    assert "Delta table" in subjects and "A Delta table" not in subjects
    for _, q in r.chosen:
        assert "A Delta table" not in q.choices, q


def test_a_description_that_points_at_its_neighbours_is_asked_nothing() -> None:
    assert refers_to_context("table property behind the above")
    assert refers_to_context("the above table applies to v2 only")
    assert not refers_to_context("keep the pressure above 5 bar")
    assert not refers_to_context("tables above 1 GB are partitioned")
    for _, q in generate_document("n.md", DELTA).chosen:
        assert "behind the above" not in " ".join([q.prompt, *q.choices]), q


LABS = """# Labs

## Electrolytes

| lab | normal | note |
|---|---|---|
| Potassium (K+) | 3.5–5.0 mEq/L | low K+ → digoxin toxicity; loop diuretics drop it |
| Sodium (Na+) | 135–145 mEq/L | low Na+ → lithium toxicity |
| Calcium (total) | 9.0–10.5 mg/dL | low Ca → tetany, Chvostek and Trousseau signs |
| Magnesium | 1.3–2.1 mEq/L | low Mg also raises digoxin toxicity |

## Drugs

- **Aminoglycosides (gentamicin, tobramycin)** — ototoxicity (tinnitus), nephrotoxicity; check peak and trough
- **Vancomycin** — red man syndrome; infuse over ≥ 60 min; nephrotoxic
- **Digoxin** — check apical pulse 1 min before each dose; hold if < 60
- **Lithium** — keep fluids 2–3 L/day and normal sodium intake
- **Aminoglycosides** are never given by mouth for systemic infections
"""


def test_a_bracketed_short_name_in_the_stem_gives_its_option_away() -> None:
    assert alias_in_stem(
        "Which lab is described here: “low K+ → digoxin toxicity”?",
        "Potassium (K+)",
        ["Sodium (Na+)", "Magnesium"],
    )
    assert not alias_in_stem(
        "Which lab: “low K+ and low Na+”?", "Potassium (K+)", ["Sodium (K+ adjusted)"]
    )
    assert not alias_in_stem("Which lab is “9.0–10.5 in total”?", "Calcium (total)", ["Magnesium"])
    for _, q in generate_document("n.md", LABS).chosen:
        key = q.choices[q.answer]
        assert not ("(K+)" in key and "K+ " in q.prompt), q
        assert not ("(Na+)" in key and "Na+ " in q.prompt), q


def test_a_bracketed_short_name_in_a_stem_gives_away_the_description_that_repeats_it() -> None:
    # the other way round: the stem names "Sodium (Na+)", the key says "low Na+ → …"
    assert alias_in_stem(
        "low Na+ → lithium toxicity", "Sodium (Na+)", ["low Mg raises digoxin toxicity"]
    )
    for _, q in generate_document("n.md", LABS).chosen:
        if q.prompt.startswith("Which description fits"):
            key = q.choices[q.answer]
            assert not ("(Na+)" in q.prompt and "Na+" in key), q
            assert not ("(K+)" in q.prompt and "K+" in key), q


def test_a_name_and_the_same_name_with_an_aside_are_one_choice() -> None:
    for _, q in generate_document("n.md", LABS).chosen:
        assert not {"Aminoglycosides", "Aminoglycosides (gentamicin, tobramycin)"} <= set(
            q.choices
        ), q


MIND_MAP = """# 架构

- 软件架构风格
  - 微服务
    - 特点：细粒度、独立部署、去中心化治理
    - 对比 SOA：去 ESB、独立数据库
  - SOA
    - 特点：粗粒度、ESB 集成
    - 对比 DSSA：面向服务而非领域
  - 黑板系统
    - 特点：知识源 + 黑板 + 控制
    - 对比 SOA：无服务契约
- 需求
  - SRS：需求规格说明
  - OCP：开闭原则
"""


def test_a_short_chinese_item_over_a_branch_is_what_its_lines_are_of() -> None:
    r = generate_document("n.md", MIND_MAP)
    contexts = {f.block.text: f.context for f in r.facts if f.block.kind == "item"}
    assert contexts.get("对比 SOA：去 ESB、独立数据库") == "微服务"
    assert contexts.get("对比 SOA：无服务契约") == "黑板系统"

"""The steps read from numbered lists, fact by fact: which lists are procedures or rankings,
what each step is quoted as, and what a step fact carries."""

from __future__ import annotations

from questions.facts.steps import MAX_STEP, step_facts
from questions.parse.markdown import parse_document


def _steps(notes: str) -> list[tuple[str, str, str]]:
    facts = step_facts(parse_document(notes, "t.md").content)
    return [(f.subject, f.value, f.attribute) for f in facts]


DEPLOY = """# Ops

## Release

Deploy steps:

1. Build the image from the release tag.
2. Push the image to the registry；
3. Apply the manifests with the new tag (staging first)
4. Watch the rollout until every pod is ready
"""


def test_a_procedure_gives_each_step_after_the_first_with_the_one_before() -> None:
    assert _steps(DEPLOY) == [
        ("Build the image from the release tag", "Push the image to the registry", "Deploy steps"),
        ("Push the image to the registry", "Apply the manifests with the new tag", "Deploy steps"),
        ("Apply the manifests with the new tag", "Watch the rollout until every pod is ready",
         "Deploy steps"),
    ]  # fmt: skip


def test_a_step_fact_carries_its_item_and_the_other_steps() -> None:
    facts = step_facts(parse_document(DEPLOY, "t.md").content)
    f = facts[1]
    assert (f.kind, f.role, f.line, f.extra) == ("step", "step", 9, ())
    assert f.sentence == "Apply the manifests with the new tag (staging first)"
    assert f.span == "Apply the manifests with the new tag"
    assert f.siblings == (  # nearest the answer first
        "Watch the rollout until every pod is ready",
        "Build the image from the release tag",
    )
    assert f.group.startswith("g") and f.block.line == 9


def test_a_ranking_is_marked_and_read_from_its_lead_in() -> None:
    notes = """# Config

## Precedence

Sources by precedence (lowest → highest):

1. defaults compiled into the binary
2. the system config file
3. the user config file
4. environment variables
"""
    facts = step_facts(parse_document(notes, "t.md").content)
    assert [f.extra for f in facts] == [("ranking",)] * 3
    assert facts[0].attribute == "Sources by precedence (lowest → highest)"
    assert facts[0].value == "the system config file"


def test_lists_that_are_no_procedure_give_no_steps() -> None:
    features = """# Tool

## Features

1. fast incremental builds across large repos
2. remote caching of build outputs
3. hermetic sandboxes for every action
4. queries over the build graph
"""
    assert _steps(features) == []  # no lead-in that says steps, items no orders
    short = DEPLOY.replace("4. Watch the rollout until every pod is ready\n", "")
    assert _steps(short) == []  # three steps leave no wrong option
    long_step = DEPLOY.replace("Watch the rollout", "Watch the rollout " + "x" * MAX_STEP)
    assert _steps(long_step) == []  # a paragraph, no step an option can quote
    bullets = (
        DEPLOY.replace("1. ", "- ").replace("2. ", "- ").replace("3. ", "- ").replace("4. ", "- ")
    )
    assert _steps(bullets) == []  # an unordered list says no order


def test_orders_alone_make_a_procedure_and_names_are_offered_when_every_step_has_one() -> None:
    orders = """# Git

## Fixing a commit

1. Stage the fix with git add
2. Amend the last commit
3. Push the branch again with a lease
4. Tell the reviewers the branch moved
"""
    assert len(_steps(orders)) == 3
    named = """# Helm

## Chart workflow

1. **Package** – bundle the chart directory
2. **Lint** – check the chart for errors
3. **Install** – create a release in the cluster
4. **Upgrade** – roll the release to a new version
"""
    assert [(s, v) for s, v, _ in _steps(named)] == [
        ("Package", "Lint"), ("Lint", "Install"), ("Install", "Upgrade")]  # fmt: skip
    mixed = named.replace("**Install** – create", "Create")
    assert _steps(mixed)[0][:2] == (
        "Package – bundle the chart directory",
        "Lint – check the chart for errors",
    )

"""A numbered list its lead-in ranks ("precedence (lowest → highest):", "优先级从低到高") is asked
by its order, nested in an item too: "which one comes right after “X”?", never "which step",
with the items quoted without their closing remarks and no option written inside another."""

from __future__ import annotations

from itertools import pairwise

from questions.generate import generate_document

GIT = """# Git config

## Where settings come from

- Config files by precedence (lowest → highest):
  1. the system file in /etc/gitconfig
  2. the global file in your home directory (~/.gitconfig)
  3. the repository file .git/config (per clone)
  4. the worktree file config.worktree
  5. a -c option given on the command line (wins over every file)
- `git config --show-origin` prints which file a value came from
"""

NGINX_ZH = """# Nginx 笔记

## location 匹配

location 优先级从高到低：

1. `=` 精确匹配
2. `^~` 前缀匹配（命中后不再查正则）
3. `~` 区分大小写的正则
4. `~*` 不区分大小写的正则
5. 普通前缀匹配
"""


def _ranked(notes: str) -> list[tuple[str, str, list[str]]]:
    r = generate_document("t.md", notes)
    return [
        (q.prompt, q.choices[q.answer], q.choices) for c, q in r.chosen if c.generator == "step"
    ]


def test_a_ranking_nested_in_an_item_is_asked_by_its_order() -> None:
    asked = _ranked(GIT)
    assert asked, "no question of the ranking's order"
    for prompt, _, choices in asked:
        assert "which one comes right after" in prompt and "step" not in prompt, prompt
        assert prompt.startswith("Config files by precedence (lowest → highest): "), prompt
        assert not any(o.endswith(")") for o in choices), choices  # no closing remark quoted
        assert "per clone" not in prompt and "wins over" not in prompt, prompt
    pairs = {(p.split("“")[1].split("”")[0], k) for p, k, _ in asked}
    order = ["the system file in /etc/gitconfig", "the global file in your home directory",
             "the repository file .git/config", "the worktree file config.worktree",
             "a -c option given on the command line"]  # fmt: skip
    assert pairs <= set(pairwise(order)), pairs


def test_a_chinese_ranking_says_the_next_item_not_the_next_step() -> None:
    asked = _ranked(NGINX_ZH)
    assert asked, "no question of the ranking's order"
    for prompt, _, choices in asked:
        assert prompt.endswith("之后的下一项是哪一项？") and "下一步" not in prompt, prompt
        assert all("（" not in o for o in choices), choices


def test_options_never_hold_one_another() -> None:
    """`terraform.tfvars` beside `terraform.tfvars.json`: the longer one reads as what comes
    next by its length alone."""
    notes = """# Terraform

## Variables

- Variable precedence (lowest → highest):
  1. environment variables TF_VAR_name
  2. terraform.tfvars
  3. terraform.tfvars.json
  4. *.auto.tfvars files
  5. -var and -var-file on the command line
"""
    asked = _ranked(notes)
    assert asked, "no question of the ranking's order"
    for _, key, choices in asked:
        others = [o for o in choices if o != key]
        for o in choices:
            assert not any(o != x and o in x for x in choices), choices
        assert others, choices


def test_steps_that_open_with_their_names_are_offered_by_name() -> None:
    """ "**Init** – `terraform init` downloads …": the options are the steps' names, not their
    whole lines (a four-line option names the step and explains it at once)."""
    notes = """# Helm

## Release workflow

1. **Package** – `helm package` bundles the chart directory into a versioned archive
2. **Lint** – `helm lint` checks the chart for errors and bad practice
3. **Install** – `helm install` creates a release from the chart in the cluster
4. **Upgrade** – `helm upgrade` rolls the release to a new chart version
5. **Rollback** – `helm rollback` returns the release to an earlier revision
"""
    r = generate_document("t.md", notes)
    steps = [q for c, q in r.chosen if c.generator == "step"]
    assert steps, [q.prompt for _, q in r.chosen]
    names = {"Package", "Lint", "Install", "Upgrade", "Rollback"}
    for q in steps:
        assert set(q.choices) <= names, q.choices
        assert q.explanation and "helm" in q.explanation, q.explanation

"""Stems that keep their subject, the session-11 blind review's third most common flaw: a cloze
of a clipped sentence or a "Which of these …" stem that no longer says what it is about is
labelled with its section's name, unless the label would name an option or the card shows it
already as the question's topic ("Question 3/10 · Backups": session 40's review read the label
said again in the stem as a heading pasted in); a question asked
among options that share a head noun says that noun; a default asked by a list's head noun
says the list's whole noun. On notes written here (a homelab in English and Chinese) and the
tests' own build, ops, nginx and Docker notes."""

from __future__ import annotations

from pathlib import Path

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.generators.claims import shared_head
from questions.subjects import label, with_label

NOTES = Path(__file__).parent / "notes"


def chosen(name: str) -> list[BankQuestion]:
    path = NOTES / name
    return [q for _, q in generate_document(name, path.read_text(encoding="utf-8")).chosen]


def prompts(name: str) -> list[str]:
    return [q.prompt for q in chosen(name)]


def cards(name: str) -> list[str]:
    """Each question as its card shows it: its topic over its stem."""
    return [f"{q.topic} · {q.prompt}" for q in chosen(name)]


def test_a_cloze_with_no_name_of_its_own_is_shown_under_its_section() -> None:
    asked = cards("homelab-zh-en.md")
    assert "Backups · Fill in the blank: the nightly job keeps ___ snapshots." in asked, asked
    asked = cards("ops-zh.md")
    assert "前端发布 · 填空：改动原生代码必须___" in asked, asked
    assert "Nginx 配置 · 填空：修改监听端口需要___" in asked, asked


def test_a_cloze_under_a_generic_heading_is_labelled_with_the_section_above() -> None:
    """The card shows "Tips"; the stem says whose tips they are."""
    notes = "# Ops\n\n## Storage\n\n### Backups\n\n#### Tips\n\n- the job keeps 30 copies.\n"
    asked = [f"{q.topic} · {q.prompt}" for _, q in generate_document("t.md", notes).chosen]
    assert "Tips · Fill in the blank: Backups — the job keeps ___ copies." in asked, asked


def test_a_sentence_that_says_its_sections_word_or_a_name_is_left_alone() -> None:
    asked = prompts("ops-zh.md")
    # 灰度发布 says 发布 of "前端发布" already
    assert any(p.startswith("填空：灰度发布先给") for p in asked), asked
    asked = prompts("homelab-zh-en.md")
    # 证书 is the section's own word
    assert "填空：证书默认有效期是 ___。" in asked, asked


def test_a_which_of_these_stem_is_labelled_unless_the_label_names_an_option() -> None:
    asked = cards("homelab-zh-en.md")
    assert "网络 · 以下描述的是哪一项？“只有回环接口”" in asked, asked
    # "Deleting old data" would point at DEL: no label (of the UNLINK / DEL pair, one is asked)
    pair = [p for p in prompts("homelab-zh-en.md") if "frees memory" in p]
    assert len(pair) == 1 and all("Deleting" not in p for p in pair), pair


def test_a_grab_bag_or_generic_heading_labels_nothing() -> None:
    notes = "# Notes\n\n## Misc\n\n- the nightly job keeps 30 snapshots.\n"
    asked = [q.prompt for _, q in generate_document("t.md", notes).chosen]
    assert asked and all("Misc" not in p for p in asked), asked
    notes = "# Notes\n\n## Cloud glossary\n\n- the nightly job keeps 30 snapshots.\n"
    asked = [q.prompt for _, q in generate_document("t.md", notes).chosen]
    assert asked and all("glossary" not in p for p in asked), asked


def test_a_label_is_the_heading_without_its_number_or_aside() -> None:
    r = generate_document("t.md", "# N\n\n## 3. Backups (weekly)\n\n- the job keeps 30 copies.\n")
    (fact,) = [f for f in r.facts if f.kind == "number"]
    assert label(fact) == "Backups"
    prompt = "Fill in the blank: the job keeps ___ copies."
    # the card shows "3. Backups (weekly)" over it: the stem says it no more
    assert with_label(prompt, fact, "cloze", ["30", "40"], "en") == prompt
    r = generate_document(
        "t.md",
        "# N\n\n## Storage\n\n### 3. Backups (weekly)\n\n#### Tips\n\n- the job keeps 30 copies.\n",
    )
    (fact,) = [f for f in r.facts if f.kind == "number"]
    assert with_label(prompt, fact, "cloze", ["30", "40"], "en") == (
        "Fill in the blank: Backups — the job keeps ___ copies."
    )
    # a stem asked by a category noun, or of another way of asking, is left as it is
    assert with_label("Which policy keeps 30?", fact, "reverse", ["a", "b"], "en") == (
        "Which policy keeps 30?"
    )
    assert with_label(prompt, fact, "default", ["30", "40"], "en") == prompt


def test_options_sharing_a_head_noun_are_asked_by_it() -> None:
    assert shared_head(["Image layers", "container layer"]) == "layer"
    assert shared_head(["bridge", "container layer"]) == ""
    assert "Which layer is writable?" in prompts("docker-prose.md")


def test_a_default_asked_by_a_lists_head_noun_says_the_whole_noun() -> None:
    asked = prompts("nginx-tuning.md")
    assert "Which load balancing method is the default?" in asked, asked
    assert "Which method is the default?" not in asked


SQLITE = """# DB notes

## sqlite3 cheats

```sh
.tables            # list the tables of the open file
.schema orders     # show the CREATE statement of a table
.mode column       # align the output in columns
.timer on          # print how long each statement took
```
"""


def test_a_tools_commands_that_do_not_say_the_tool_are_asked_as_its_commands() -> None:
    """ "Which command shows the CREATE statement of a table?" with `.schema orders`: which
    program's commands? The heading "sqlite3 cheats" says it."""
    asked = [q.prompt for _, q in generate_document("t.md", SQLITE).chosen]
    assert asked and all(p.startswith("Which sqlite3 command") for p in asked), asked


def test_a_letter_command_is_still_read_after_the_tools_name() -> None:
    """psql's \\c "connects": the stem's first word after "Which psql command" still counts."""
    from questions.cues import clue

    stem = "Which psql command connects to db?"
    assert clue(stem, "\\c shop", ["\\x auto", "\\dt+"]) == "connects"


def test_a_default_of_a_parameter_named_by_plain_words_says_its_section() -> None:
    """ "What is the default value of copies?": copies of what? A parameter named by plain
    English words is asked under its section's name; a name of its own needs none."""
    notes = (
        "# Office notes\n\n## Print queues\n\n- copies: default 1, max 99 per job\n"
        "- spoolDirLimit: default 500 MB\n"
    )
    asked = [f"{q.topic} · {q.prompt}" for _, q in generate_document("t.md", notes).chosen]
    assert "Print queues · What is the default value of copies?" in asked, asked
    assert "Print queues · What is the default value of spoolDirLimit?" in asked, asked
    notes = notes.replace("## Print queues\n", "## Office\n\n### Print queues\n\n#### Tips\n")
    asked = [f"{q.topic} · {q.prompt}" for _, q in generate_document("t.md", notes).chosen]
    assert "Tips · Print queues: what is the default value of copies?" in asked, asked


def test_a_heading_word_every_option_holds_points_at_none() -> None:
    """ "DBCC 命令" over DBCC commands labels their stems; "AWS step functions" over AWS
    services names the key, so it labels nothing."""
    from questions.cues import pointed_at

    assert not pointed_at("DBCC 命令", ["DBCC CHECKDB", "DBCC OPENTRAN"])
    assert pointed_at("AWS step functions", ["AWS step functions", "AWS SQS", "AWS Kinesis"])
    asked = cards("sqlserver-zh.md")
    assert any(p.startswith("DBCC 命令 · 以下描述的是哪一项？") for p in asked), asked


def test_a_nested_item_is_labelled_with_its_parent_items_term() -> None:
    """ "`prevent_destroy` makes a plan that would destroy it fail" under "**lifecycle**":
    the parent says what "it" belongs to, closer than the section."""
    asked = prompts("terraform-networking.md")
    assert "lifecycle: which of these makes a plan that would destroy it fail?" in asked, asked

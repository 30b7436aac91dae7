"""Notes kept as an MDX page of a Docusaurus site (unseen review of session 38: a site
component's tag stood in a stem, "<Highlight color=…>CLI flags beat everything</Highlight>").
questions/parse/mdx.py reads the page as the Markdown it shows; and a writer's label
("Useful:", "Old way:") is no term to ask."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.mdx import mdx_as_markdown

PAGE = """---
id: git-notes
title: Git notes
sidebar_position: 2
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import Highlight from '@site/src/components/Highlight';

{/* TODO: split this page, exam on the 14th */}

# Git notes

## Merging

Lowest → highest (later wins, so <Highlight color="#e8590c">the command line beats everything</Highlight>):
1. the system file `/etc/gitconfig`
2. the global file `~/.gitconfig`
3. the repository file `.git/config`
4. the worktree file `config.worktree`
5. `-c name=value` on the command line

<Tabs groupId="merge-style">
  <TabItem value="ff" label="Fast-forward">

```bash
git merge --ff-only origin/main   # <Highlight> stays as typed in code
```

  </TabItem>
</Tabs>

- **Rebase** = replays your commits on top of another base, rewriting their ids.
- **Merge commit** = joins two histories with a commit that has two parents.
- **Squash merge** = folds a branch into one new commit on the target.
- **Cherry-pick** = applies the change of one existing commit onto the current branch.
- Useful: <kbd>git</kbd> <kbd>help</kbd> on any subcommand
- Old way: `git checkout -b topic` before `git switch -c topic` existed.

{/*
  a comment over
  three lines
*/}

<details>
<summary>More (click)</summary>

The reflog keeps where HEAD pointed for 90 days by default.
</details>
"""


def test_imports_comments_and_tags_are_skipped_and_lines_stay() -> None:
    lines = PAGE.split("\n")
    out, skipped = mdx_as_markdown(lines)
    assert len(out) == len(lines)
    reasons = {lines[n - 1].strip(): reason for n, reason, _ in skipped}
    assert reasons["import Tabs from '@theme/Tabs';"] == "MDX import"
    assert reasons["{/* TODO: split this page, exam on the 14th */}"] == "comment"
    assert reasons["three lines"] == "comment"
    at = lines.index
    assert out[at('<Tabs groupId="merge-style">')] == ""
    assert out[at("<summary>More (click)</summary>")] == ""
    assert out[at("- Useful: <kbd>git</kbd> <kbd>help</kbd> on any subcommand")] == (
        "- Useful: `git` `help` on any subcommand"
    )
    step = "Lowest → highest (later wins, so the command line beats everything):"
    assert step in out
    # code is code: nothing inside a fence is read as MDX
    code = "git merge --ff-only origin/main   # <Highlight> stays as typed in code"
    assert out[at(code)] == code


def test_no_tag_or_comment_reaches_a_question() -> None:
    doc = parse_document(PAGE, "git.mdx")
    said = [b.inline.text for b in doc.content] + [b.lead.text for b in doc.content if b.lead]
    assert any("the command line beats everything" in text for text in said), said
    for text in said:
        assert "<Highlight" not in text and "{/*" not in text and "import " not in text, text
    result = generate_document("git.mdx", PAGE)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 3, [q.prompt for q in asked]
    for q in asked:
        text = " ".join([q.prompt, *q.choices])
        for mark in ("<Highlight", "</", "{/*", "import ", "TabItem", "<kbd>", "TODO"):
            assert mark not in text, text
    keys = {q.choices[q.answer] for q in asked}
    assert "Useful" not in keys and "Old way" not in keys, keys
    assert {"Rebase", "Merge commit", "Squash merge", "Cherry-pick"} & keys, keys


def test_a_page_without_imports_is_markdown() -> None:
    text = PAGE.replace("import Tabs from '@theme/Tabs';\n", "").replace(
        "import TabItem from '@theme/TabItem';\n", ""
    )
    text = text.replace("import Highlight from '@site/src/components/Highlight';\n", "")
    lines = text.split("\n")
    assert mdx_as_markdown(lines) == (lines, [])
    # and a Markdown file quoting an import line in code is no MDX
    md = "# JS\n\n```js\nimport React from 'react';\n```\n\n<Tabs> is a component.\n"
    assert mdx_as_markdown(md.split("\n")) == (md.split("\n"), [])


def test_a_labelled_point_is_no_term() -> None:
    notes = """# Terraform

## Import

- **Declarative** = describe the end state, Terraform works out the steps.
- **Imperative** = list the steps to take, one after the other.
- **Idempotent** = running it twice changes nothing the second time.
- Useful: `terraform -help` on any subcommand, and the official study guide.
- Old way: `terraform import aws_s3_bucket.logs logs-bucket` imports one resource at a time.
"""
    doc = parse_document(notes, "tf.md")
    assert doc.content
    result = generate_document("tf.md", notes)
    keys = {q.choices[q.answer] for _, q in result.chosen if q.choices}
    assert not {"Useful", "Old way"} & keys, keys
    for _, q in result.chosen:
        assert "Useful" not in q.choices and "Old way" not in q.choices, q.choices


HUGO = """+++
title = "CKS notes, part 2: hardening and runtime security"
date = 2024-03-17T21:04:00+01:00
draft = false
tags = ["kubernetes", "cks"]
categories = ["notes"]
[params]
  series = "CKS prep"
+++

## Runtime security

- **Falco** = watches system calls at runtime and alerts on rules
- **Trivy** = scans container images for known vulnerabilities before they run
- **kube-bench** = checks a cluster against the CIS Kubernetes Benchmark
- **gVisor** = a user-space kernel that sandboxes a container's system calls
- audit log files are kept for 30 days by default with `--audit-log-maxage`
"""


def test_a_hugo_pages_toml_front_matter_is_skipped() -> None:
    # (a Hugo post of session 38: 'Which of these is described here: “CKS notes, part 2 …”?'
    # → "+++ title")
    result = generate_document("cks.md", HUGO)
    skipped = [n for n in result.doc.noise if n.reason == "note front matter"]
    assert len(skipped) == 9, result.doc.noise
    asked = [q for _, q in result.chosen]
    assert asked
    for q in asked:
        text = " ".join([q.prompt, *q.choices])
        assert "+++" not in text and "CKS notes" not in text and "2024" not in text, text

"""Notes written in Emacs org-mode and handed in as they are: "* Heading" stars, "#+BEGIN_SRC"
blocks, *bold*, =verbatim= and ~code~ marks, drawers and planning lines. Read as Markdown the
file was one section of list items; read as org it has its sections, code and marks."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.org_mode import org_as_markdown

ORG = """#+TITLE: CKS prep - my notes
#+STARTUP: overview

* Exam logistics                                                      :exam:
:PROPERTIES:
:SOURCE: LF handbook
:END:
- 2 hours, ~15-20 performance based tasks, *passing score 67%*
- cert valid *2 years*

* DONE Cluster Setup
CLOSED: [2025-01-20 Mon 21:14]
** NetworkPolicies
- namespaced object, =networking.k8s.io/v1=
- needs a CNI that enforces them -> *Calico*, *Cilium* yes. *Flannel* NO
- empty podSelector ~{}~ = all pods in ns
#+BEGIN_SRC yaml
* not a heading: inside code
kind: NetworkPolicy
#+END_SRC

** Ports
| port  | component      |
|-------+----------------|
| 6443  | kube-apiserver |
| 10250 | kubelet API    |
| 2379  | etcd client    |
| 10259 | kube-scheduler |
"""


def test_stars_are_headings_and_drawers_are_metadata() -> None:
    doc = parse_document(ORG, "cks.md")
    assert doc.title == "CKS prep - my notes"
    keys = [s.key for s in doc.sections]
    assert "Exam logistics" in keys
    assert "Cluster Setup › NetworkPolicies" in keys
    assert "Cluster Setup › Ports" in keys
    meta = [n.text for n in doc.noise if n.reason == "org metadata"]
    assert ":SOURCE: LF handbook" in meta and "CLOSED: [2025-01-20 Mon 21:14]" in meta


def test_org_marks_are_bold_and_code() -> None:
    doc = parse_document(ORG, "cks.md")
    item = next(b for b in doc.content if b.text.startswith("2 hours"))
    assert "passing score 67%" in item.inline.strong
    np = next(b for b in doc.content if b.text.startswith("namespaced object"))
    assert "networking.k8s.io/v1" in np.inline.code
    code = next(b for b in doc.blocks if b.kind == "code")
    assert "* not a heading: inside code" in code.code
    table = next(b for b in doc.content if b.kind == "table")
    assert table.table is not None and [r[1] for r in table.table.rows][:2] == [
        "kube-apiserver",
        "kubelet API",
    ]


def test_line_numbers_stay_and_markdown_is_left_alone() -> None:
    lines = ORG.split("\n")
    out, _ = org_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[lines.index("** NetworkPolicies")] == "### NetworkPolicies"
    markdown = ["# Notes", "* a list item", "* another *emphasis*", "- x = `y`"]
    assert org_as_markdown(markdown) == (markdown, [])


def test_questions_come_from_each_section() -> None:
    chosen = [(q.topic, q.prompt) for _, q in generate_document("cks.md", ORG).chosen]
    assert chosen
    assert not any(t in ("", "(no heading)") for t, _ in chosen), chosen
    assert not any("*" in p or "=networking" in p or ":PROPERTIES:" in p for _, p in chosen), chosen

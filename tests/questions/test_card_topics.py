"""A card shows its question's topic over the stem ("Question 3/10 · API server hardening"),
and the stem no longer repeats it; session 40's reviewers read the writer's numbering, stars
and asides on the card ("4. API server hardening (/etc/kubernetes/manifests/…)", "⭐ 范式")
as headings pasted in. The card shows the heading's words alone."""

from __future__ import annotations

from questions.generate import generate_document
from questions.subjects import plain_heading

NOTES = """# CKS cram

## 4. API server hardening (/etc/kubernetes/manifests/kube-apiserver.yaml)

- `--anonymous-auth=false` turns off anonymous requests
- the audit log keeps **30** days by default with `--audit-log-maxage`

## ⭐ 范式 ⭐⭐

- 2NF 消除非主属性对码的**部分函数依赖**
- 3NF 消除非主属性对码的**传递函数依赖**
"""


def test_a_heading_is_shown_without_its_number_pictographs_and_aside() -> None:
    assert plain_heading("4. API server hardening (/etc/kubernetes/x.yaml)") == (
        "API server hardening"
    )
    assert plain_heading("⭐ 范式 ⭐⭐") == "范式"
    assert plain_heading("二、数据类型") == "数据类型"
    assert plain_heading("TLS 1.3") == "TLS 1.3"
    assert plain_heading("(Q&A)") == "(Q&A)"  # nothing else left: as written


def test_cards_show_plain_headings() -> None:
    topics = {q.topic for _, q in generate_document("cks.md", NOTES).chosen}
    assert topics and topics <= {"API server hardening", "范式"}, topics

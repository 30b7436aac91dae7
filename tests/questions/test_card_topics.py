"""A card shows its question's topic over the stem ("Question 3/10 · API server hardening"),
and the stem no longer repeats it; session 40's reviewers read the writer's numbering, stars
and asides on the card ("4. API server hardening (/etc/kubernetes/manifests/…)", "⭐ 范式")
as headings pasted in. The card shows the heading's words alone."""

from __future__ import annotations

from questions.candidate import card_topic
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


COLLECTIONS = """# Java notes

## 3. Collections

### Lists

- **ArrayList** is backed by a resizable array, fast random access
- **LinkedList** is a doubly linked list, fast inserts at both ends
- **Vector** is a synchronized legacy list
"""


def test_a_topic_moved_up_a_heading_is_shown_plain_too() -> None:
    """ "Lists" names the key's kind (ArrayList, LinkedList): the card shows the heading above,
    without its number ("3. Collections" in session 40's Java review)."""
    topics = {q.topic for _, q in generate_document("java.md", COLLECTIONS).chosen}
    assert topics and not any(t[:1].isdigit() for t in topics), topics


LOOSE = """## AWS CODEDEPLOY

- a deployment group is a set of tagged instances

##### 杂项

- Cloudwatch alarm 会被 **metric** 触发
- SQS queue default visibility timeout is **30 seconds**.

## AWS INSPECTOR

an automated security assessment service

### AWS step functions

a web service that coordinates the components of distributed applications using a visual
workflow.
"""


def test_a_grab_bag_or_another_service_above_is_no_topic() -> None:
    """The shipped notes nest "##### 杂项" under CodeDeploy and "### AWS step functions" under
    "## AWS INSPECTOR": the final review of session 40 read "AWS CODEDEPLOY › 杂项" over a
    CloudWatch question and "AWS INSPECTOR" over a Step Functions one as wrong headers."""
    chosen = [q for _, q in generate_document("aws.md", LOOSE).chosen]
    by_key = {q.choices[q.answer]: q.topic for q in chosen}
    assert by_key.get("30 seconds") == "Notes", by_key
    steps = [c for c in generate_document("aws.md", LOOSE).candidates
             if c.kind == "choice" and c.options[c.answer] == "AWS step functions"]  # fmt: skip
    assert steps and {card_topic(c, "") for c in steps} == {"Notes"}, steps
    assert not any("杂项" in t or "›" in t for t in by_key.values()), by_key


STORAGE = """# AWS storage

## Amazon S3

### Encryption

- **SSE-S3**: keys managed by S3, the default for new objects since **2023**
- **SSE-KMS**: keys in KMS, every request is logged in CloudTrail
- **SSE-C**: you send the key with every request

## Amazon EBS

### Encryption

- encrypted volumes use **AES-256** with a KMS key
- a snapshot of an encrypted volume is encrypted too, copy it to change the key
"""


def test_a_plain_heading_under_a_named_one_is_shown_with_it() -> None:
    """ "Encryption" under "Amazon S3" and again under "Amazon EBS": the card says whose."""
    topics = {q.topic for _, q in generate_document("storage.md", STORAGE).chosen}
    assert topics and topics <= {"Amazon S3 › Encryption", "Amazon EBS › Encryption"}, topics

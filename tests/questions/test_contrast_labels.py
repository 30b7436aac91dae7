"""A list item that sets things against each other ("ARG vs ENV") is a label, not a term: the
lines under it are of the side they open with ("ARG 只在 build 时有效…" is ARG's), and a line
of the pair as a whole ("别用 ARG/ENV 传密码") is of no one thing. A review marked "“跑起来的
容器里看不到”说的是哪一项？ → ARG vs ENV" ambiguous: ENV is the opposite."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Dockerfile 笔记

## 常用指令速记

- ARG vs ENV
  - ARG 只在 build 时有效，跑起来的容器里看不到；用 `--build-arg` 传
  - ENV 会写进镜像，运行时也在
  - 别用 ARG/ENV 传密码（`docker history` 看得到）
- COPY vs ADD
  - ADD 多两个功能：源可以是 URL；本地 tar 包会自动解压
- EXPOSE：只是文档/元数据，**不会**真的发布端口，只有 `-P` 时才会用到它
- HEALTHCHECK：定期跑一个命令检查容器是否健康，连续失败 3 次标记 unhealthy
- WORKDIR：设置后面指令的工作目录，不存在会自动创建
- USER：切换后续指令和容器运行时用的用户
"""


def test_a_contrast_label_is_never_a_key_or_an_option() -> None:
    questions: list[BankQuestion] = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert questions
    for q in questions:
        assert not any(" vs " in c for c in q.choices), (q.prompt, q.choices)


def test_a_line_under_a_contrast_is_of_the_side_it_opens_with() -> None:
    facts = extract(parse_document(NOTES, "t.md"))
    defined = {f.subject: f for f in facts if f.kind == "definition"}
    assert "ARG vs ENV" not in defined and "COPY vs ADD" not in defined
    arg = defined["ARG"]
    assert arg.value.startswith("只在 build 时有效"), arg.value
    assert arg.siblings == ("ENV",)
    assert not [f for f in facts if any(" vs " in s for s in f.siblings)]
    assert not [f for f in facts if f.kind == "definition" and "传密码" in f.value]


def test_a_long_sentence_is_cut_outside_brackets_only() -> None:
    # the old cut at every comma split '["nginx", "-g", "daemon off;"]' into three pieces
    from questions.generators.numbers import MAX_CLAUSE, clause

    term = '["nginx", "-g", "daemon off;"]'
    sentence = (
        "exec 形式写成 JSON 数组，信号直接发给进程，"
        + "所以 PID 1 就是应用本身，" * 6
        + f"比如 {term}，shell 形式会多套一层 /bin/sh -c，收不到 SIGTERM"
    )
    assert len(sentence) > MAX_CLAUSE
    assert term in clause(sentence, term)


def test_sentences_that_each_define_a_term_are_two_definitions() -> None:
    notes = """# Cloud governance notes

## Access

- Policy = what resources look like. RBAC = what users can do. (classic exam distractor)
- area 0 = backbone. ABR = between areas, ASBR = redistributes external
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject: f for f in facts if f.kind == "definition"}
    assert defined["RBAC"].value.startswith("what users can do"), defined["RBAC"].value
    assert defined["Policy"].siblings == ("RBAC",)
    # "between areas, ASBR = …" holds a third definition: no run of like sentences
    assert "ABR" not in defined or "ASBR" not in defined["ABR"].value


def test_a_line_of_name_pairs_defines_no_first_name_by_the_rest() -> None:
    notes = """# IaC notes

## Tools

- CloudFormation = AWS only, ARM/Bicep = Azure only
- Inputs = `variable` blocks in the child, outputs = `output` blocks
- Cost = reference BW / interface BW, ref BW default = 100 Mbps
- ALB = layer 7, HTTP/HTTPS/gRPC, path routing, targets = instances, IPs
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject: f.value for f in facts if f.kind == "definition"}
    # "AWS only, ARM/Bicep = Azure only" is no meaning of CloudFormation
    assert not any("Azure only" in v for v in defined.values()), defined
    assert not any("output" in v for v in defined.values()), defined
    # a detail of the first name set by "=" keeps the line one definition
    assert defined["Cost"].startswith("reference BW"), defined
    assert defined["ALB"].startswith("layer 7"), defined


def test_sentences_that_each_define_a_term_by_a_dash_are_two_definitions() -> None:
    """AZ-900 notes: "Authentication (AuthN) — proving who you are. Authorization (AuthZ) —
    what you're allowed to do." was one definition, so "proving who you are. Authorization
    (AuthZ) — what you're allowed to do" was offered as MFA's description."""
    notes = """# AZ-900

## Identity

- Authentication (AuthN) — proving who you are. Authorization (AuthZ) — what you're allowed to do.
- Lambda — serverless compute. Max timeout = 15 min.
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject: f.value for f in facts if f.kind == "definition"}
    assert defined["Authorization (AuthZ)"].startswith("what you're allowed"), defined
    assert "Authorization" not in defined["Authentication (AuthN)"], defined
    assert "Max timeout" not in defined  # a dash and an "=": no run of like definitions


def test_a_label_over_a_chain_of_names_is_no_term() -> None:
    """AZ-900 notes: "Hierarchy: Management groups → Subscriptions → Resource groups →
    Resources (settings inherit downward)" was keyed "Hierarchy" among Region and
    Availability Zone: the label lists levels in order, it is no thing of their kind."""
    notes = """# AZ-900

## Azure architecture

- Region — set of datacenters in a geographic area
- Availability Zone — physically separate datacenters within a region
- Subscription — unit of billing + access control boundary
- Hierarchy: Management groups → Subscriptions → Resource groups → Resources (settings inherit downward)
- Lifecycle: 未加密卷 → snapshot → 加密 copy
- Flow: Direct & Manage Project Work → deliverables → Control Quality → verified → Close
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject for f in facts if f.kind == "definition"}
    assert "Hierarchy" not in defined, defined
    assert "Flow" not in defined, defined  # names of four words, joined by "&"
    assert {"Region", "Subscription"} <= defined, defined


def test_a_label_over_lines_of_values_is_no_term() -> None:
    """AZ-900 notes: "Downtime per month (approx):" over "99% → ~7.2 hours" lines was offered
    beside SLA and Composite SLA; a label over lines of words (HTTP/3 over "TLS 1.3 内置在
    QUIC 里，新连接 1-RTT") stays a term."""
    notes = """# AZ-900

## SLA & numbers

- SLA = Microsoft's commitment on uptime
- Composite SLA = multiply the SLAs of dependent services
- Downtime per month (approx, 30-day month):
  - 99% → ~7.2 hours
  - 99.9% → ~43.2 minutes
- HTTP/3
  - TLS 1.3 内置在 QUIC 里，新连接 1-RTT，恢复连接 0-RTT
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject for f in facts if f.kind == "definition"}
    assert not any(d.startswith("Downtime") for d in defined), defined
    assert "HTTP/3" in defined, defined


def test_an_aspect_label_and_a_label_over_code_names_are_no_terms() -> None:
    """GCP data engineer notes: "Cost: **FlexRS** for batch (cheaper …), …" and "Core:
    `Pipeline`, `PCollection`, `PTransform`, `ParDo`, side inputs" were keyed "Cost" and
    "Core" beside Triggers and Watermark; "Cost = reference BW / interface BW" defines
    OSPF's cost and stays."""
    notes = """# Dataflow

## Beam

- Core: `Pipeline`, `PCollection`, `PTransform`, `ParDo`/`DoFn`, `GroupByKey`, side inputs
- **Watermark** = system's estimate of event-time completeness
- **Triggers** decide when to emit (after watermark, processing time); early/late firings
- Cost: **FlexRS** for batch (cheaper, delayed scheduling), Streaming Engine moves state off workers
- Capacity: **1 node = 1,000 processing units**; smallest instance 100 PUs

## OSPF

- Cost = reference BW / interface BW, ref BW default = 100 Mbps
- Pod: the smallest deployable unit, one or more containers
"""
    facts = extract(parse_document(notes, "t.md"))
    defined = {f.subject: f.value for f in facts if f.kind == "definition"}
    assert "Core" not in defined and "Capacity" not in defined, defined
    assert defined.get("Cost", "").startswith("reference BW"), defined
    assert "Pod" in defined, defined

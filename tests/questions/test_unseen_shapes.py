"""Shapes from a blind look at unseen notes (Linux tools, JVM flags): a list of
flags each followed by what it does, a lead written as a note to oneself, table headers written
the same way, a "-" cell and a "Default" column. Notes of other subjects than the reviewed ones."""

from __future__ import annotations

from questions.bank import BankQuestion as Question
from questions.generate import generate_document

TCPDUMP_NOTES = """\
# Packet capture

## tcpdump

- flags I always forget:
  - `-i` interface to listen on (`any` for all)
  - `-n` no name resolution, faster output
  - `-w` file for the raw packets
  - `-c` packet count before it stops
- `-s 0` used to mean full snaplen, now the default anyway
- filters I use most:
  - port 443 and host db1
  - icmp or arp

## ss

| Flag | What I'm looking for |
|------|----------------------|
| `-t` | TCP sockets only |
| `-l` | listening sockets only |
| `-p` | which process owns the socket |
| `-s` | summary counts per state |

## Heap flags

| # | Flag | Default | Notes |
|---|------|---------|-------|
| 1 | `-Xss` | 1 MB | thread stack |
| 2 | `-XX:MaxMetaspaceSize` | - | class metadata cap |
| 3 | `-XX:MetaspaceSize` | 21 MB | first metaspace GC |
| 4 | `-XX:CompressedClassSpaceSize` | 1 GB | compressed class pointers |
| 5 | `-XX:ReservedCodeCacheSize` | 240 MB | JIT code cache |
"""


def _questions() -> list[Question]:
    return [q for _, q in generate_document("notes/capture.md", TCPDUMP_NOTES).chosen]


def _candidate_options() -> list[list[str]]:
    """Every candidate's options, kept or dropped: a bad option must not even be offered."""
    result = generate_document("notes/capture.md", TCPDUMP_NOTES)
    candidates = [*(c for c, _ in result.chosen), *(d.candidate for d in result.dropped)]
    return [list(c.options) for c in candidates]


def test_a_flag_list_asks_each_flag_among_the_lists_other_flags() -> None:
    """ "`-w` file for the raw packets": -w is the term, its words the description, and the
    list's other flags (or their descriptions) the options, not the lead above them."""
    flags = {"-i", "-n", "-w", "-c"}
    said = {
        "interface to listen on (any for all)",
        "no name resolution, faster output",
        "file for the raw packets",
        "packet count before it stops",
    }
    asked = [q for q in _questions() if set(q.choices) & (flags | said)]
    assert len(asked) >= 2, [q.prompt for q in asked]
    for q in asked:
        assert set(q.choices) <= flags or set(q.choices) <= said, q.choices
        assert "I always forget" not in q.prompt


def test_a_lead_written_as_a_note_to_oneself_is_never_a_subject_or_option() -> None:
    for options in _candidate_options():
        assert not {"flags I always forget", "filters I use most"} & set(options)


def test_a_header_written_as_a_note_to_oneself_is_not_pasted_into_the_stem() -> None:
    cells = {"-t", "-l", "-p", "-s", "TCP sockets only", "listening sockets only"}
    asked = [q for q in _questions() if set(q.choices) & cells]
    assert asked, "the ss table was not asked"
    for q in asked:
        assert "What I'm looking for" not in q.prompt, q.prompt


def test_a_dash_cell_is_never_an_option() -> None:
    for options in _candidate_options():
        assert not any(c.strip() in {"-", "—", "n/a"} for c in options), options


def test_a_default_column_is_asked_as_the_default() -> None:
    stems = [q.prompt for q in _questions() if "default" in q.prompt.lower()]
    assert any(s.startswith("What is the default of ") or " defaults to " in s for s in stems)
    assert not any("Default:" in s or "under “Default”" in s for s in stems), stems


LOAD_NOTES = """\
# Load

## Reading it

- Linux-specific:
  - counts runnable and uninterruptible tasks
  - so disk waits raise it too
- How to read it:
  - compare with the number of CPUs
  - the 15 min value shows the trend
- `nproc` prints the CPU count
"""


def test_a_label_that_is_a_question_is_no_option() -> None:
    """ "How to read it:" leads advice, it is not a thing the advice belongs to."""
    result = generate_document("notes/load.md", LOAD_NOTES)
    options = [c.options for c in [*(c for c, _ in result.chosen),
                                   *(d.candidate for d in result.dropped)]]  # fmt: skip
    assert not any("How to read it" in o for o in options), options


DEPLOY_ZH = """\
# 发布笔记

## 上线步骤

流程：**构建 → 灰度 → 全量 → 回滚**，其中灰度 + 全量 合称 **发布 (Release)**

1. **构建 (Build Artifacts)**
   - 打镜像，打 tag
2. **灰度 (Canary Deployment)**
   - 先放 5% 流量
3. **全量 (Progressive Rollout)**
   - 观察指标没问题再全量
4. **回滚 (Rollback Procedure)**
   - 有问题立刻回滚
"""


def test_the_steps_of_a_chinese_section_are_asked_in_chinese() -> None:
    """ "构建 (Build Artifacts)" has two Chinese characters only: it reads as its section does."""
    result = generate_document("notes/deploy.md", DEPLOY_ZH)
    steps = [q for c, q in result.chosen if c.generator == "step"]
    assert steps, [q.prompt for _, q in result.chosen]
    for q in steps:
        assert q.prompt.endswith("之后的下一步是哪一项？"), q.prompt


KERNEL_NOTES = """\
# Kernel features

## Pressure and memory

- Pressure stall info arrived in kernel **4.20**, before that only load average
- `MemAvailable` was added in kernel **3.14**
- cgroup v2 became usable for memory in kernel **4.5**
- io_uring landed in kernel **5.1**
"""


def test_a_release_after_the_product_it_is_of_is_a_version() -> None:
    """ "in kernel 4.20" is a release: its options are other releases (4.5, 5.1), not the
    decimals 4.10 / 4.30 / 5.80 that no kernel ever had."""
    result = generate_document("notes/kernel.md", KERNEL_NOTES)
    asked = [q for _, q in result.chosen if "4.20" in q.choices]
    assert asked, [q.prompt for _, q in result.chosen]
    for q in asked:
        assert not {"4.10", "4.30", "5.80", "4.2"} & set(q.choices), q.choices


def test_a_default_cell_said_as_a_statement_reads_as_a_default() -> None:
    from questions.stems import table_statement

    assert table_statement("tcp_fin_timeout", "Default", "60 s", "en") == (
        "The default of tcp_fin_timeout is 60 s"
    )
    assert table_statement("-t", "What I'm looking for", "TCP only", "en") == (
        "-t is described as “TCP only”"
    )


USE_NOTES = """\
# USE method

## Load average

- **Linux-specific**: counts runnable tasks and tasks in uninterruptible sleep
- **Utilization**: how busy the resource was
- **Saturation**: work the resource could not serve yet, queued
- **Errors**: error events the resource reported
"""


def test_a_compound_adjective_is_not_a_term() -> None:
    """ "Linux-specific" qualifies the line; offered beside Utilization and Saturation it is
    no thing of their kind, and as a key it is a riddle."""
    result = generate_document("notes/use.md", USE_NOTES)
    options = [c.options for c in [*(c for c, _ in result.chosen),
                                   *(d.candidate for d in result.dropped)]]  # fmt: skip
    assert any("Saturation" in o for o in options), options
    assert not any("Linux-specific" in o for o in options), options


ZGC_NOTES = """\
# GC 笔记

## 垃圾收集器

### ZGC

- JDK **11** 实验性 (`-XX:+UnlockExperimentalVMOptions`)
- JDK **15** 正式可用 (JEP 377)
- JDK **21** 分代 ZGC (JEP 439)
"""


def test_a_line_under_an_english_subheading_of_a_chinese_section_is_asked_in_chinese() -> None:
    result = generate_document("notes/zgc.md", ZGC_NOTES)
    prompts = [q.prompt for _, q in result.chosen]
    assert prompts
    assert not any(p.startswith(("Fill in the blank", "Which", "True or false")) for p in prompts)

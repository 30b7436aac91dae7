"""Final reviews 18 of unseen AWS networking and Linux notes (issue #13): a number of a
trailing run of examples ("gaps (100, 200...)") is no fact, so no true/false changes it to 50;
a cell that opens with a yes/no mark is said with its header ("Which item is not adjustable
(stream it instead)?"), never quoted raw ("matches “Adjustable: ❌ → …”");
a short name spelt from a term ("only MGW does this") tells its term; a Chinese line's aspect
or condition label ("危害:", "常见误区:", "队列满了:") names no term to ask.
Notes: tests/questions/notes/edge-proxy-limits.md."""

from __future__ import annotations

from pathlib import Path

from questions.bank import Bank
from questions.cues import clue, short_name_of
from questions.facts.definitions import remark_label
from questions.facts.extract import extract
from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.stems import table_reverse, table_statement
from questions.values import family, number_role, numbers_in, shape

NOTES = Path(__file__).parent / "notes" / "edge-proxy-limits.md"
LABELS = ("危害", "常见误区", "队列满了", "处理")


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_numbers_of_a_trailing_run_of_examples_are_no_facts() -> None:
    doc = parse_document("## Rules\n\n- numbers 1 – 9999, leave gaps (100, 200...) here\n", "x.md")
    values = {f.value for f in extract(doc) if f.kind == "number"}
    assert "100" not in values and "200" not in values
    assert "1 – 9999" in values  # the stated range is still a fact
    doc = parse_document("## 端口\n\n- 备用端口（8080、8081 等）\n- 默认端口 8443\n", "x.md")
    values = {f.value for f in extract(doc) if f.kind == "number"}
    assert "8080" not in values and "8443" in values


def test_a_mark_led_cell_is_never_quoted_raw() -> None:
    said = table_reverse("item", "Adjustable?", "❌ → stream it instead", "en")
    assert said == "Which item is not adjustable (stream it instead)?"
    said = table_reverse("item", "Adjustable?", "✅ (max 500)", "en")
    assert said == "Which item is adjustable (max 500)?"
    assert table_reverse("item", "Owner", "✅ me", "en") is None  # "is owner" reads as nothing
    said = table_statement("Network ACL", "Stateful?", "✅ return traffic auto-allowed", "en")
    assert said == "Network ACL is stateful (return traffic auto-allowed)"
    # a plain cell under a header that reads no other way still gets the quoted form
    assert table_reverse("item", "Adjustable?", "after a ticket", "en") is not None
    for q in _bank().questions:
        assert "matches “" not in q.prompt, q.prompt


def test_a_short_name_spelt_from_a_term_tells_it() -> None:
    assert short_name_of("mTLS passthrough — only MGW does this", "Mesh Gateway") == "MGW"
    assert short_name_of("only TGW does this", "Transit Gateway") == "TGW"
    assert short_name_of("only TGW does this", "VPC Peering") is None
    assert short_name_of("uses HTTP", "Hyper Text") is None  # no P after the T's
    assert short_name_of("only MGW does this", "Gateway") is None  # one word spells nothing
    stem = "Which of these has this property: “mTLS passthrough — only MGW does this”?"
    assert clue(stem, "Mesh Gateway", ["Edge Gateway", "Sidecar Proxy"]) == "MGW"
    assert clue(stem, "Mesh Gateway", ["Edge Gateway", "Main Gateway"]) is None
    for q in _bank().questions:
        assert "MGW" not in q.prompt, q.prompt


def test_aspect_and_condition_labels_name_no_term() -> None:
    for label in (*LABELS, "原理", "使用场景", "挂了", "考点", "exam q", "Interview question"):
        assert remark_label(label), label
    for term in ("超时", "索引", "backlog", "了解"):
        assert not remark_label(term), term
    for q in _bank().questions:
        assert not set(q.choices) & set(LABELS), (q.prompt, q.choices)


def test_a_file_ending_is_of_its_own_kind() -> None:
    """ "`.tf.json` works too" was asked beside module sources (`./modules/vpc`)."""
    assert shape(".tf.json") == shape("*.tftest.hcl") == shape("*.py") == "ext"
    assert shape("./modules/vpc") == shape(".gitignore") == "path"
    assert family(".tf.json") != family("./modules/vpc")
    assert family(".tf.json") != family("hashicorp/consul/aws")


LVM = """# Storage

## LVM

A **physical volume** (PV) is a disk or partition handed to LVM. PVs are pooled into a
**volume group** (VG), and a **logical volume** (LV) is carved out of a VG.
"""


def test_a_false_statement_never_keeps_the_true_terms_short_name() -> None:
    """ "PVs are pooled into a physical volume (VG)": the VG still names the volume group."""
    falses = [c.prompt for c in generate_document("x.md", LVM).candidates if c.style == "tf-false"]
    for p in falses:
        assert "physical volume (VG)" not in p and "logical volume (VG)" not in p, p
        assert "volume group (PV)" not in p and "logical volume (PV)" not in p, p


def test_struck_through_text_keeps_its_words_not_its_tildes() -> None:
    doc = parse_document(
        "## TCP\n\n- ~~`tcp_tw_recycle`~~ 在 NAT 下会丢包，内核 4.12 删了\n", "x.md"
    )
    texts = [b.inline.text for b in doc.blocks if b.kind == "item"]
    assert texts == ["tcp_tw_recycle 在 NAT 下会丢包，内核 4.12 删了"]


def test_a_release_said_removed_in_chinese_is_a_version() -> None:
    """ "内核 4.12 已经删了" got 2.06 and 4.02 as near misses, no kernel releases."""
    for line in ("内核 4.12 已经删了", "3.2 已经移除", "2.6 被删"):
        (n, *_) = numbers_in(line)
        assert number_role(line, n) == "version", line
    line = "默认 4.5 秒已经够了"
    (n, *_) = numbers_in(line)
    assert number_role(line, n) != "version"


SYSCTL = """# Tuning

## sysctl

```ini
vm.swappiness = 10            # 默认 60
net.core.somaxconn = 4096     # 默认 4096 (5.4+), 老内核 128
net.ipv4.tcp_tw_reuse = 1     # 默认 2 (新内核), 老内核默认 0
net.ipv4.tcp_fin_timeout = 30 # default 60
```
"""


def test_a_default_that_depends_on_a_release_is_not_asked_bare() -> None:
    facts = extract(parse_document(SYSCTL, "x.md"))
    defaults = {f.subject: f.value for f in facts if f.attribute == "default"}
    assert defaults.get("vm.swappiness") == "60"
    assert defaults.get("net.ipv4.tcp_fin_timeout") == "60"
    assert "net.core.somaxconn" not in defaults and "net.ipv4.tcp_tw_reuse" not in defaults

"""Flashcards kept one a line in one paragraph ("Q: …? A: …" / soft break / "Q: …? A: …",
review of Python notes, session 27): each line is its own card, read as cards are, never one
run-on paragraph whose first "Q:" hides the rest; and an answer that opens as a reply to its
question ("since 3.8, so …", "because …") says nothing alone, so it is not asked. The notes
are written for this test (Go)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse import parse_document
from questions.parse.flashcards import BARE_REPLY

GO = """# Go

## Flashcards

Q: Default GOMAXPROCS? A: the number of logical CPUs visible to the process.
Q: Why does a nil map panic on write? A: because no hash table was ever allocated for it.
Q: What does `go vet` check? A: suspicious constructs such as printf format mismatches and unreachable code.
Q: Max goroutines? A: no fixed limit, each starts with a 2 KB stack.
"""


def test_each_card_line_is_its_own_card() -> None:
    blocks = [b for b in parse_document(GO, "g.md").blocks if b.section.heading == "Flashcards"]
    assert [b.line for b in blocks] == [5, 6, 7, 8], [(b.line, b.text) for b in blocks]
    texts = {b.line: b.text for b in blocks if b.noise is None}
    assert texts[5].startswith("Default GOMAXPROCS: the number of logical CPUs"), texts
    assert "Q:" not in " ".join(texts.values()), texts


def test_an_answer_opening_as_a_reply_is_not_asked() -> None:
    blocks = {b.line: b for b in parse_document(GO, "g.md").blocks}
    assert blocks[6].noise == BARE_REPLY  # "because no hash table …"
    assert blocks[7].noise is None  # "suspicious constructs …" says what it is
    r = generate_document("g.md", GO)
    assert not any("hash table" in q.prompt for _, q in r.chosen), r.chosen


ZK = """# ZooKeeper 复习

## 问答

问：5 个节点的 ZooKeeper 集群，最多能挂几个节点还能选出 leader？
答：2 个。挂 3 个之后只剩 2 个，不到半数 3，选不出 leader。

问：ZooKeeper 默认客户端端口是多少？
答：2181。选举端口默认 3888，follower 连 leader 用 2888。
"""


def test_the_reasoning_behind_a_short_reply_is_not_asked_without_its_question() -> None:
    answers = [b for b in parse_document(ZK, "z.md").blocks if "答" in b.inline.text[:2]
               or b.line in (6, 9)]  # fmt: skip
    first, second = sorted(answers, key=lambda b: b.line)
    # "挂 3 个之后只剩 2 个 …" goes on from the question's five nodes: nothing alone
    assert first.noise == BARE_REPLY, first
    # "选举端口默认 3888 …" opens with what it is about: it stays
    assert second.noise is None and second.text.startswith("选举端口"), second
    prompts = [q.prompt for _, q in generate_document("z.md", ZK).chosen]
    assert not [p for p in prompts if "只剩" in p or "挂 3 个" in p], prompts

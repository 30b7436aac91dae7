"""Non-content kept out of questions (issue #13, review 13): a remark's label is no term
("modern alternative: …"), a code block's header comment describes no single line, a line that
points at its neighbours ("same as above", "同上") stands not alone, and a term's side condition
("…，这时候 Allow-Origin 不能是 *") is no description of the term. Notes:
tests/questions/notes/jvm-context-remarks.md."""

from __future__ import annotations

from pathlib import Path

from questions.context_refs import refers_to_context
from questions.facts.commands import command_lines
from questions.facts.definitions import remark_label, split_definition
from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.model import Inline

NOTES = Path(__file__).parent / "notes" / "jvm-context-remarks.md"


def _bank() -> list[tuple[str, tuple[str, ...], str]]:
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    return [(q.prompt, tuple(q.choices), q.choices[q.answer]) for q in bank.questions]


def test_remark_labels_are_no_terms() -> None:
    for label in ("modern alternative", "quick fix", "the usual suspect", "Tip", "注意"):
        assert remark_label(label), label
    for term in ("user pool", "sticky sessions", "G1", "Parallel GC", "global tables",
                 "pipelines for merged results"):  # fmt: skip
        assert not remark_label(term), term


def test_no_question_names_a_remark_label() -> None:
    for prompt, choices, _ in _bank():
        text = " ".join((prompt, *choices))
        for label in ("modern alternative", "quick fix", "usual suspect"):
            assert label not in text, (prompt, choices)


def test_a_block_header_comment_describes_no_line() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    code = [b for b in doc.blocks if b.kind == "code"]
    comments = [c for b in code for _, c, _ in command_lines(b)]
    assert "print heap usage by generation" in comments  # a line's own comment stays
    assert not any("example" in c for c in comments), comments
    for prompt, _, _ in _bank():
        assert "example" not in prompt and ".conf" not in prompt, prompt


def test_lines_that_point_at_their_neighbours_are_not_asked() -> None:
    for text in ("sanity check everything above", "see below", "same as above", "as before",
                 "同上", "见上文", "详见下文", "ditto",
                 "which of these is described here: “see decision list below”?"):  # fmt: skip
        assert refers_to_context(text), text
    for text in (
        "alerts when CPU is above 80%",
        "不同上游的连接",
        "第三方上下文的 cookie",
        "scale up before peak",
        "skip the new run while the previous one runs",
    ):
        assert not refers_to_context(text), text
    for prompt, choices, _ in _bank():
        assert not any(refers_to_context(t) for t in (prompt, *choices)), (prompt, choices)
    result = generate_document("t.md", NOTES.read_text(encoding="utf-8"))
    assert any(d.reason == "refers to its context (above/below)" for d in result.dropped)


def test_a_side_condition_is_no_description_of_the_term() -> None:
    line = "`withCredentials: true` – 允许跨域请求带上 cookie，这时候服务端的 Allow-Origin 不能是 *"
    d = split_definition(_marked(line, "withCredentials: true"))
    assert d is not None
    assert d.description == "允许跨域请求带上 cookie"
    assert d.follow_up == "服务端的 Allow-Origin 不能是 *"
    for prompt, choices, answer in _bank():
        if "描述的是 withCredentials" in prompt:
            assert "Allow-Origin" not in answer, (prompt, answer)
        if "Allow-Origin 不能是" in prompt:
            # asked as what brings the condition, by the setting's name among its kin
            assert prompt.startswith("使用"), prompt
            assert answer == "withCredentials", (prompt, choices)
        assert not any("Allow-Origin 不能是" in c for c in choices), (prompt, choices)


def _marked(text: str, code: str) -> _Block:
    plain = text.replace("`", "")
    return _Block(plain, Inline(plain, code=(code,)))


class _Block:
    def __init__(self, text: str, inline: Inline) -> None:
        self.text = text
        self.inline = inline


SSHD = Path(__file__).parent / "notes" / "sshd-settings-zh.md"


def test_a_side_condition_is_asked_as_what_brings_it() -> None:
    bank, _ = generate_from_texts([("n.md", SSHD.read_text(encoding="utf-8"))], "b")
    asked = [q for q in bank.questions if "limits.conf" in q.prompt]
    assert asked, [q.prompt for q in bank.questions]
    for q in asked:
        assert q.prompt.startswith("使用"), q.prompt
        # the setting by its name, among the bare names of its kin (not "UsePAM: yes")
        assert q.choices[q.answer] == "UsePAM", q.choices
    for q in bank.questions:
        if "描述的是 UsePAM" in q.prompt:
            assert "limits.conf" not in q.choices[q.answer], q.choices

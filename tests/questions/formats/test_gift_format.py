"""GIFT import: real-world-looking files, every supported feature, and every rejection."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.bank import TRUE_FALSE, BankError, BankQuestion
from questions.formats import gift, import_text

DATA = Path(__file__).parent / "data"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def only(text: str) -> BankQuestion:
    result = gift.parse(text)
    assert len(result.questions) == 1, result
    return result.questions[0]


# --- the fixture files --------------------------------------------------------------------


def test_moodle_course_export_reads_categories_ids_html_and_feedback() -> None:
    result = import_text(read("moodle_course_export.gift"), "gift")
    assert result.skipped == []
    topics = [q.topic for q in result.questions]
    assert topics == ["SQS", "SQS", "SQS", "Lambda", "Lambda"]
    fifo = result.questions[0]
    assert fifo.id == "sqs-fifo-4101"  # from the `// [id:...]` comment
    assert fifo.prompt == "Which SQS queue type provides exactly-once processing?"
    assert fifo.choices == ("Standard", "FIFO", "Delay queue", "Dead-letter queue")
    assert fifo.answer == 1
    # general feedback wins over the correct answer's feedback; html tags and entities go
    assert fifo.explanation == "FIFO queues give exactly-once processing & keep order."
    lam = result.questions[3]
    assert lam.choices[lam.answer] == "3 seconds"  # ~%100% counts as correct
    assert lam.explanation == "The default is 3 seconds; the maximum is 15 minutes."
    memory = result.questions[4]
    assert memory.kind == "truefalse" and memory.choices == TRUE_FALSE and memory.answer == 0
    assert memory.prompt == "Lambda CPU power scales with the **memory** you configure."
    assert memory.explanation == "More memory gives proportionally more CPU."


def test_escapes_and_multiline_file() -> None:
    result = gift.parse(read("escapes_and_multiline.gift"))
    by_prompt = {q.prompt: q for q in result.questions}
    assert len(result.questions) == 6
    assert {q.topic for q in result.questions} == {"HTTP: status codes"}
    q404 = by_prompt['Which status code means "Not Found": the server has no resource at the URL?']
    assert q404.answer_text == "404 Not Found"
    assert q404.explanation == 'the classic "page not found"'
    braces = by_prompt['In JSON, which characters delimit an object (e.g. {"a": 1})?']
    assert braces.choices[0] == "{ and }" and braces.answer == 0
    maths = by_prompt["Which expression evaluates to 4 in Python?"]
    assert maths.choices == ("2 = 2 (a syntax error)", "2 ** 2", "2 ~ 2", "2 # 2")
    windows = by_prompt["Which separator does a Windows path\nlike C:\\Users\\quiz use?"]
    assert windows.choices == ("Backslash (\\)", "Forward slash (/)", "Colon (:)")
    assert (
        windows.explanation == "Windows uses backslashes;\nforward slashes also work in most APIs."
    )
    tcp = by_prompt["TCP guarantees in-order delivery of a byte stream."]
    assert tcp.answer == 0 and tcp.explanation == "It does: sequence numbers\nreorder segments."
    udp = by_prompt["UDP retransmits lost datagrams."]
    assert udp.kind == "truefalse" and udp.answer == 1 and udp.explanation == ""


def test_unsupported_types_are_skipped_with_reasons_and_lines() -> None:
    result = gift.parse(read("unsupported_types.gift"))
    assert [q.prompt for q in result.questions] == [
        "What is the capital of France?",
        "The Sahara is the largest hot desert.",
        "Which is the largest ocean?",
    ]
    skipped = [(p.line, p.question, p.message) for p in result.skipped]
    assert skipped == [
        (5, "#1", "GIFT description (no answers); skipped"),
        (9, "capitals-match", "GIFT matching question: not supported, skipped"),
        (15, "everest", "GIFT numerical question: not supported, skipped"),
        (17, "everest-range", "GIFT numerical question: not supported, skipped"),
        (19, "essay", "GIFT essay question: not supported, skipped"),
        (21, "river", "GIFT short answer question: not supported, skipped"),
        (23, "cloze", "GIFT question with several answer blocks; skipped"),
    ]
    assert all(p.field == "kind" for p in result.skipped)


# --- single features ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "answer"), [("T", 0), ("TRUE", 0), ("F", 1), ("FALSE", 1), ("true", 0)]
)
def test_true_false_spellings(body: str, answer: int) -> None:
    q = only(f"The sky is blue.{{{body}}}")
    assert (q.kind, q.choices, q.answer) == ("truefalse", TRUE_FALSE, answer)


def test_true_false_explanation_prefers_general_then_first_feedback() -> None:
    assert only("A.{F#wrong fb#right fb####general}").explanation == "general"
    assert only("A.{F#wrong fb#right fb}").explanation == "wrong fb"
    assert only("A.{F##right fb}").explanation == "right fb"


def test_choice_explanation_from_correct_answer_feedback() -> None:
    q = only("Pick one.{~a#no =b#yes, b ~c#no}")
    assert (q.answer, q.explanation) == (1, "yes, b")


def test_missing_word_question_gets_a_blank() -> None:
    q = only("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q.prompt == "Grant is _____ in Grant's tomb."
    assert q.choices == ("buried", "entombed", "living")


def test_title_is_dropped_and_comments_ignored() -> None:
    q = only("// a comment\n::My title::\n// another\nQ?{=a ~b}")
    assert q.prompt == "Q?"
    assert q.topic == "General"


def test_category_path_last_part_with_literal_slash() -> None:
    result = gift.parse("$CATEGORY: $course$/top/TCP//IP basics\n\nQ?{=a ~b}")
    assert result.questions[0].topic == "TCP/IP basics"


def test_category_line_directly_followed_by_a_question() -> None:
    result = gift.parse("$CATEGORY: Top/Storage\nWhich is object storage?{=S3 ~EBS}")
    assert result.questions[0].topic == "Storage"
    assert result.questions[0].prompt == "Which is object storage?"


def test_blank_line_inside_braces_does_not_split() -> None:
    q = only("Q?{\n  =a\n\n  ~b\n}")
    assert q.choices == ("a", "b")


def test_escaped_newline_and_backslash() -> None:
    q = only("Line one\\nline two \\\\ end{=a ~b}")
    assert q.prompt == "Line one\nline two \\ end"


def test_negative_weights_are_wrong_answers() -> None:
    q = only("Q?{=right ~%-50%wrong ~%0%also wrong}")
    assert (q.choices, q.answer) == (("right", "wrong", "also wrong"), 0)


def test_ids_are_content_derived_and_stable() -> None:
    a = only("Q?{=a ~b}")
    b = only("// moved\n\nQ?{=a ~b}")
    assert a.id == b.id
    assert a.id != only("Q?{=a ~c}").id


def test_crlf_line_endings() -> None:
    result = import_text("Q1?{=a ~b}\r\n\r\nQ2?{=c ~d}\r\n", "gift")
    assert [q.prompt for q in result.questions] == ["Q1?", "Q2?"]


# --- rejections ---------------------------------------------------------------------------


def problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(BankError) as err:
        gift.parse(text)
    return [(p.line, p.field, p.message) for p in err.value.problems]


def test_multiple_correct_answers_rejected() -> None:
    [(line, field, message)] = problems("\n\nQ?{=a =b ~c}")
    assert (line, field) == (3, "answer")
    assert "2 answers are marked correct" in message


def test_partial_credit_rejected() -> None:
    found = problems("Q?{~%50%a ~%50%b ~c}")
    assert [f for _, f, _ in found] == ["answer", "answer"]
    assert "partial-credit weight of 50%" in found[0][2]


def test_no_correct_answer_rejected() -> None:
    [(_, field, message)] = problems("Q?{~a ~b}")
    assert field == "answer" and message.startswith("no answer is marked correct")


def test_unbalanced_braces_rejected() -> None:
    [(line, field, _)] = problems("Q1?{=a ~b}\n\nQ2? =a ~b}")
    assert (line, field) == (3, "question")


@pytest.mark.parametrize(
    ("first", "fault"),
    [
        ("::q1::What {{=a ~b}", "has a { inside another { }"),
        ("::q1::What? {=a ~b", "has a { that is never closed"),
        ("::q1::What? {=a ~b}}", "has a } with no { before it"),
    ],
)
def test_a_malformed_question_is_a_problem_and_the_next_ones_are_still_read(
    first: str, fault: str
) -> None:
    """Was: the block swallowed the questions after it and was 'skipped as unsupported'."""
    text = f"{first}\n\n// [id:q2]\n::q2::Next? {{=c =d ~e}}\n\n::q3::Third? {{=e ~f}}\n"
    found = problems(text)
    assert found == [
        (1, "question", f"{fault} (write a brace that is text as \\{{ or \\}})"),
        (4, "answer", "2 answers are marked correct (= or %100%); exactly one is needed"),
    ]
    fixed = gift.parse(text.replace(first, "::q1::What? {=a ~b}").replace("=d", "~d"))
    assert [q.prompt for q in fixed.questions] == ["What?", "Next?", "Third?"]
    assert fixed.questions[1].id == "q2" and fixed.skipped == []


def test_a_blank_line_in_open_braces_before_a_new_question_ends_the_question() -> None:
    found = problems("Q?{\n  =a\n\n  ~b\n}\n\nR?{=c ~d}\n\nS?{=e ~f\n\n// a comment\n\nT?{=g ~h}")
    assert found == [
        (9, "question", "has a { that is never closed (write a brace that is text as \\{ or \\})")
    ]


def test_validation_rules_apply_with_lines() -> None:
    text = "Ok?{=a ~b}\n\nToo few?{=a ~}\n\nSame twice?{=x ~X}\n\nOk?{=c ~d}"
    found = problems(text)
    assert (3, "choices", "choice 2 is empty") in found
    assert (5, "choices", "has the same choice twice") in found
    assert any(line == 7 and field == "prompt" and "duplicates" in m for line, field, m in found)


def test_every_bad_question_reported_not_just_the_first() -> None:
    good = [f"Question {i}?{{=yes ~no}}" for i in range(47)]
    bad = ["Bad one?{=a =b ~c}", "Bad two?{~a ~b}", "Bad three?{=" + "x" * 81 + " ~b}"]
    blocks = good[:10] + bad[:1] + good[10:30] + bad[1:2] + good[30:] + bad[2:]
    with pytest.raises(BankError) as err:
        gift.parse("\n\n".join(blocks))
    assert [p.line for p in err.value.problems] == [21, 63, 99]


# --- export -------------------------------------------------------------------------------


def test_export_escapes_control_characters() -> None:
    q = BankQuestion("x-1", "A/B", "a: {b} = ~c #d \\ e\nf", ("1=1", "2"), 0, explanation="g:h")
    text = gift.dump([q], bank="b")
    assert "$CATEGORY: A//B" in text
    assert "::x-1::a\\: \\{b\\} \\= \\~c \\#d \\\\ e\\nf{" in text
    assert "\t=1\\=1" in text and "\t####g\\:h" in text
    assert gift.parse(text).questions == [q]

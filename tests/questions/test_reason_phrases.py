"""A status code's reason phrase written after the code names it: "returns ___ Not Modified"
asks nothing, so the cloze is asked without the phrase."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes" / "reverse-proxy-status.md"


def _code_clozes() -> dict[str, str]:
    result = generate_document(NOTES, NOTES.read_text(encoding="utf-8"))
    return {
        q.choices[q.answer]: q.prompt
        for _, q in result.chosen
        if q.choices and q.choices[q.answer].isdigit() and "___" in q.prompt
    }


def test_a_blanked_status_code_is_asked_without_its_reason_phrase() -> None:
    clozes = _code_clozes()
    assert set(clozes) >= {"304", "404"}
    assert "returns ___ without a body" in clozes["304"]
    assert "answered with ___ and logged" in clozes["404"]
    for prompt in clozes.values():
        assert "Not Modified" not in prompt and "Not Found" not in prompt


def test_a_status_settings_number_is_a_status_code() -> None:
    """A status setting's number ("`limit_conn_status` 默认也是 503") is a status, so 252 or 750 are never its options (review
    16 offered 252, 600 and 750)."""
    from questions.facts.numbers import numbers_in
    from questions.values import number_role

    for said in ("limit_conn_status 默认也是 503", "return_status defaults to 404",
                 "error_status_code = 502", "`deny_status` is 403"):  # fmt: skip
        (n,) = [n for n in numbers_in(said) if n.text.isdigit() and len(n.text) == 3]
        assert number_role(said, n) == "code", said
    for said in ("status page shows 503 workers", "keep 300 statuses", "limit_rate 500 per s"):
        (n,) = numbers_in(said)
        assert number_role(said, n) != "code", said


def test_a_code_under_a_status_codes_heading_is_a_status_code() -> None:
    """ "502 = 连不上；504 = 连上了但太慢" under "常见错误码" offered 252, 600 and 750 beside 504."""
    from questions.facts.numbers import numbers_in
    from questions.values import number_role

    said = "502 = 连不上/回了垃圾；504 = 连上了但太慢"
    for heading in ("10. 常见错误码", "HTTP status codes", "Error codes we return"):
        assert {number_role(said, n, heading) for n in numbers_in(said)} == {"code"}, heading
    assert {number_role(said, n, "Timeouts") for n in numbers_in(said)} == {"quantity"}
    assert number_role("wait 30 s", numbers_in("wait 30 s")[0], "Status codes") == "quantity"

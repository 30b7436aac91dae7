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

"""Common misspellings in the notes are corrected in the questions asked from them ("won't
recieve traffic", "lifecyle policy", "mircoservices": session 40's reviewers marked each such
question broken), by codespell's dictionary, and never inside a name."""

from __future__ import annotations

from questions.generate import generate_document
from questions.spelling import corrected

NOTES = """# Ops

## Probes

- **readiness**: fails -> pod is removed from the Service endpoints (won't recieve traffic)
- **liveness**: fails -> kubelet restarts the container
- **startup**: fails -> the container is killed; liveness and readiness wait until it passes
- `periodSeconds` default **10**, `failureThreshold` default **3**
"""


def test_a_common_misspelling_is_corrected_keeping_its_capital() -> None:
    assert corrected("won't recieve traffic") == "won't receive traffic"
    assert corrected("Recieve it, the lifecyle policy") == "Receive it, the lifecycle policy"
    assert corrected("CA mode recomended") == "CA mode recommended"


def test_names_shouted_words_and_short_words_are_left_alone() -> None:
    for text in ("my_recieve_fn", "/etc/seperate/x", "--recomended", "RECIEVE", "UPD port",
                 "USING brin", "aks cluster", "接收数据"):  # fmt: skip
        assert corrected(text) == text, text


def test_questions_are_asked_correctly_spelt() -> None:
    chosen = [q for _, q in generate_document("ops.md", NOTES).chosen]
    said = " ".join(" ".join([q.prompt, *q.choices, q.explanation]) for q in chosen)
    assert "receive traffic" in said and "recieve" not in said, said

"""A command's clipped word is its description's word without the vowels: "rename/move …" of
`terraform state mv`, "prints the shards …" of `sh.status()`. Asked "which command is
described here?", the description names the key to anyone who has typed a shell (a review).
A clipped word that abbreviates none of the description's words gives nothing away."""

from __future__ import annotations

import pytest

from questions.paraphrase import paraphrased

STATE = ["terraform state show ADDR", "terraform state list", "terraform state rm ADDR"]


@pytest.mark.parametrize(
    ("text", "answer", "wrong"),
    [
        ("rename/move (e.g. into a module) without destroy/recreate",
         "terraform state mv SRC DST", STATE),
        ("prints the shards and the chunk distribution", "sh.status()",
         ["rs.status()", "db.currentOp()", "db.killOp(opid)"]),
        ("rewrite files into the canonical format", "terraform fmt",
         ["terraform plan", "terraform init", "terraform output"]),
        ("copy a file between the host and a container", "docker cp",
         ["docker exec", "docker logs", "docker inspect"]),
    ],
)  # fmt: skip
def test_a_clipped_word_of_the_description_gives_the_key_away(
    text: str, answer: str, wrong: list[str]
) -> None:
    assert paraphrased(text, answer, wrong) is not None


@pytest.mark.parametrize(
    ("text", "answer", "wrong"),
    [
        ("stop tracking the resource; real infra is NOT deleted", "terraform state rm ADDR",
         ["terraform state show ADDR", "terraform state list", "terraform state mv SRC DST"]),
        ("rewrite files into canonical style", "terraform fmt",
         ["terraform plan", "terraform init", "terraform output"]),
        ("lists the database's collections", "db.getCollectionNames()",
         ["show dbs", "rs.conf()", "sh.status()"]),
    ],
)  # fmt: skip
def test_a_clipped_word_of_no_word_of_the_description_gives_nothing(
    text: str, answer: str, wrong: list[str]
) -> None:
    assert paraphrased(text, answer, wrong) is None

"""A command's clipped word is its description's word without the vowels: "rename/move …" of
`terraform state mv`, "prints the shards …" of `sh.status()`. Asked "which command is
described here?", the description names the key to anyone who has typed a shell (a review):
the stem-only player's clipped-word check (`cues`) reads two-letter command words too.
A clipped word that abbreviates none of the description's words gives nothing away."""

from __future__ import annotations

import pytest

from questions.cues import clue

STATE = ["terraform state show ADDR", "terraform state list", "terraform state rm ADDR"]


@pytest.mark.parametrize(
    ("text", "answer", "wrong"),
    [
        ("rename/move (e.g. into a module) without destroy/recreate",
         "terraform state mv SRC DST", STATE),
        ("prints the shards and the chunk distribution", "sh.status()",
         ["rs.status()", "db.currentOp()", "db.killOp(opid)"]),
        ("lists the objects under a prefix", "aws s3 ls s3://bucket/prefix",
         ["aws s3 cp a b", "aws s3 sync dir s3://bucket", "aws s3 presign s3://bucket/key"]),
        ("copy a file between the host and a container", "docker cp",
         ["docker exec", "docker logs", "docker inspect"]),
    ],
)  # fmt: skip
def test_a_clipped_word_of_the_description_gives_the_key_away(
    text: str, answer: str, wrong: list[str]
) -> None:
    assert clue(f"Which command is described here: “{text}”?", answer, wrong) is not None


@pytest.mark.parametrize(
    ("text", "answer", "wrong"),
    [
        ("stop tracking the resource; real infra is NOT deleted", "terraform state rm ADDR",
         ["terraform state show ADDR", "terraform state list", "terraform state mv SRC DST"]),
        ("rewrite files into canonical style", "terraform fmt",
         ["terraform plan", "terraform init", "terraform output"]),
        ("prints the groups of the current user", "id -Gn",
         ["whoami", "last -n 5", "getent passwd alice"]),
    ],
)  # fmt: skip
def test_a_clipped_word_of_no_word_of_the_description_gives_nothing(
    text: str, answer: str, wrong: list[str]
) -> None:
    assert clue(f"Which command is described here: “{text}”?", answer, wrong) is None

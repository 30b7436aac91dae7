"""Unseen notes review (issue #13), Terraform notes: "State maps config … Default is local
`terraform.tfstate` (JSON)." was asked "Default is local ___." (default what?): the section's
subject "State" was taken as said, since "tfstate" holds its letters."""

from __future__ import annotations

from questions.generators.numbers import with_subject


def test_a_subject_is_named_only_as_a_word_of_its_own() -> None:
    said = "Default is local terraform.tfstate (JSON)."
    assert with_subject(said, "State") == f"State: {said}"
    assert with_subject("the state file holds secrets", "State") == "the state file holds secrets"
    # a subject inside a longer word names nothing: "listpack" is no List
    assert with_subject("7.0 replaced ziplist with listpack", "List").startswith("List: ")
    # Chinese and code-like subjects are still found inside the text
    assert with_subject("默认开启 AOF 重写", "AOF 重写") == "默认开启 AOF 重写"
    assert with_subject("set max_connections to 200", "max_connections").startswith("set ")

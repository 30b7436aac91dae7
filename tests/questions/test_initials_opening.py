"""A tool named after a thing opens with its capitals ("sestatus", "semanage" of SELinux;
"aa-status" of AppArmor): a cell quoting it keys the thing at a glance, so the question is not
kept (review of container-security notes, session 27)."""

from __future__ import annotations

from questions.cues import clue


def test_a_word_opening_with_the_keys_capitals_is_a_clue() -> None:
    wrong = ["AppArmor", "seccomp"]
    assert clue("has the check status “getenforce, sestatus”?", "SELinux", wrong) == "sestatus"
    assert clue("is managed with “aa-status and aa-enforce”?", "AppArmor", ["SELinux"]) == (
        "aa-status"
    )


def test_no_clue_from_the_options_own_names_or_plain_words() -> None:
    from questions.cues import _initials_opening

    # an option's own name in the stem is no tool named after it
    assert _initials_opening("unlike SELinux: “path-based MAC”", "AppArmor", ["SELinux"]) is None
    assert _initials_opening("unlike AppArmor: “label-based MAC”", "SELinux", ["AppArmor"]) is None
    # an English word that opens with the capitals is no tool ("season" of SEason…)
    assert clue("runs once a season on “RHEL / Fedora”?", "SELinux", ["AppArmor"]) is None
    # a wrong option's capitals open a word too: nothing tells the key
    assert clue("checked with “sestatus or aa-status”?", "SELinux", ["AppArmor"]) is None

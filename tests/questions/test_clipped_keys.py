"""Keys readable from the stem through a clipping: a part of the key's name that shortens a
word of the stem, by its opening letters ("repl" / replication, "buf" / buffer) or by its
consonants ("fmt" / formatting, "cfg" / configuration, "mgmt" / management), when no wrong
option clips or holds that word too. Words, acronyms and brand syllables are no clippings."""

from __future__ import annotations

from tests.questions.own_notes import asked

#: a clipped part of the CLI's names and the word of its description it shortens
CLIPPED = {"fmt": "formatting", "cfg": "configuration", "pkg": "package", "msg": "message",
           "tmp": "temporary", "mgmt": "management"}  # fmt: skip


def test_a_clipped_part_of_the_key_gives_the_word_it_shortens_away() -> None:
    from questions.cues import clue

    tools = ["vet", "build", "test"]
    assert clue("Which command checks formatting of source files?", "fmt", tools) == "formatting"
    assert clue("Which command opens the configuration?", "cfg", tools) == "configuration"
    assert clue("“posts messages to a channel”", "notify --msg", ["--quiet", "--dry-run"]) == (
        "messages"
    )
    assert clue("Which flag enables the management API?", "--mgmt", ["--debug", "--tls"]) == (
        "management"
    )
    # three letters between separators open the word: "buf" of the upload buffer
    assert clue("size of the upload buffer", "buf_kb", ["retry_limit", "sync_every"]) == "buffer"


def test_a_word_an_acronym_or_a_brand_syllable_is_no_clipping() -> None:
    from questions.cues import clue

    # "cat" is a word: sharing the opening of "catalog" says nothing
    assert clue("Which subcommand lists the catalog?", "cat", ["get", "ls", "apply"]) is None
    # TLS is initials, not the consonants of "tools"
    assert clue("Which option trusts the tools?", "TLS", ["mTLS", "PKI"]) is None
    # "App" of a CamelCase product name is no clipped "application"
    assert clue("Which service hosts the application?", "AppSync", ["Kinesis", "Lambda"]) is None


def test_a_word_clipped_or_held_by_a_wrong_option_points_at_none() -> None:
    from questions.cues import clue

    stem = "Which command checks formatting?"
    assert clue(stem, "fmt", ["format-check", "vet"]) is None  # held whole by a wrong option
    assert clue(stem, "fmt", ["frmt", "vet"]) is None  # clipped by a wrong option too
    # every option clips a word of the stem: none is pointed at
    assert clue("checks the formatting of the configuration", "fmt", ["cfg"]) is None


def test_no_subcommand_is_asked_by_the_word_its_name_clips() -> None:
    questions = asked("clipped-cli-keys.md")
    subcommands = [q for q in questions if q.prompt.startswith("Which subcommand")]
    assert len(subcommands) >= 3  # the rest of the CLI is still asked
    for q in questions:
        key = q.choices[q.answer]
        for part, word in CLIPPED.items():
            if part in key.replace("_", " ").split() or key.endswith(" " + part):
                assert word not in q.prompt, (q.prompt, key)

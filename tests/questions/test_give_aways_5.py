"""Keys readable from the stem by what a name stands for, on notes written here in other
subjects (routing protocols, file formats, Linux storage, monitoring): acronyms the notes spell
out in brackets with letters taken from inside words ("Log-Structured Merge tree") or written in
lower or mixed case (`fstab`, ReFS), names whose letters are the initials of the description's
words ("name service" / nsswitch.conf, "SSH daemon" / sshd_config), quoted words that gloss a
name, and true/false statements whose description belongs to another option by its name."""

from __future__ import annotations

import re
from pathlib import Path

from questions.cues import _acronyms, clue, description_clue, expansions, spelled_out
from questions.generate import DocumentResult, generate_document
from questions.generators.numbers import class_ranges
from questions.paraphrase import paraphrased

NOTES = Path(__file__).parent / "notes"
_QUOTE = re.compile(r"“([^”]*)”")


def generated(name: str) -> DocumentResult:
    return generate_document(name, (NOTES / name).read_text(encoding="utf-8"))


def test_an_acronym_spelled_with_letters_inside_its_words_is_read() -> None:
    found = expansions(["- LSM (Log-Structured Merge tree) engines buffer writes",
                        "**ReFS** (Resilient File System): checksums every block",
                        "`fstab` (file systems table) lives in /etc"])  # fmt: skip
    assert found["LSM"] == "Log Structured Merge tree"
    assert found["REFS"] == "Resilient File System"
    assert found["FSTAB"] == "file systems table"


def test_a_bracket_that_spells_no_name_is_no_expansion() -> None:
    found = expansions(["BGP (runs over TCP) between providers", "nodes (see above) restart",
                        "`ctl` (the control tool)"])  # fmt: skip
    assert found == {}


def test_lower_and_mixed_case_parts_of_names_read_as_acronyms() -> None:
    assert "sshd" in _acronyms("sshd_config")
    assert "ns" in _acronyms("nsswitch.conf")  # glued: ns + switch
    assert "refs" in _acronyms("ReFS")
    assert _acronyms("index") == []  # a word is no acronym


def test_initials_of_the_stem_name_a_lower_case_file_name() -> None:
    wrong = ["sshd_config", "resolv.conf", "ssh_known_hosts"]
    stem = "Which config file is described here: “the order of name service lookups”?"
    assert clue(stem, "nsswitch.conf", wrong) == "name service"
    assert clue(stem, "resolv.conf", ["nsswitch.conf", "sshd_config"]) is None


def test_a_short_word_whole_and_an_initial_spell_a_daemon_name() -> None:
    stem = "Which file is described here: “how the SSH daemon listens”?"
    assert clue(stem, "sshd_config", ["nsswitch.conf", "resolv.conf"]) == "SSH daemon"


def test_a_description_read_alone_keeps_its_template_words() -> None:
    """ "command" is a word of the stem's template ("Which command …"), so a stem does not
    name exec by it; a description that says it names exec."""
    wrong = ["socket", "http"]
    assert clue("Which command is the default?", "exec", wrong) is None
    assert description_clue("the command returns 0", "exec", wrong) is not None


def test_a_stem_saying_words_of_the_keys_expansion_gives_it_away() -> None:
    known = {"LSM": "Log-Structured Merge tree"}
    wrong = ["B+ tree", "hash index"]
    assert spelled_out("“a merge tree buffering writes”", "LSM", wrong, known) == "merge"
    assert spelled_out("“buffers writes in memory”", "LSM", wrong, known) is None


def test_a_quoted_gloss_of_the_keys_expansion_is_asked_without_it() -> None:
    result = generated("network-acronyms.md")
    lsm = [q for _, q in result.chosen if q.choices[q.answer] == "LSM"]
    assert lsm, "the LSM fact is still asked"
    for q in lsm:
        assert "merge" not in q.prompt.lower()
    assert any(d.reason == "stem paraphrases the answer's name" for d in result.dropped)


def test_no_kept_question_states_what_its_keys_acronym_stands_for() -> None:
    for name in ("network-acronyms.md", "linux-storage-acronyms.md"):
        result = generated(name)
        known = expansions(b.text for b in result.doc.content)
        for _, q in result.chosen:
            if q.kind == "truefalse":
                continue
            key = q.choices[q.answer]
            wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
            assert spelled_out(q.prompt, key, wrong, known) is None, q.prompt


def test_a_statement_whose_description_spells_out_a_term_is_dropped() -> None:
    """ "dm-crypt is described as “pools disks into logical volumes”" is false at a glance
    where the notes spell LVM out as Logical Volume Manager; said of LVM it is true at one."""
    result = generated("linux-storage-acronyms.md")
    reason = "statement says what a term's acronym stands for"
    dropped = [d.candidate.prompt for d in result.dropped if d.reason == reason]
    assert any("LVM is described" in p for p in dropped)
    assert any("/etc/fstab is described" in p for p in dropped)
    kept = [q.prompt for _, q in result.chosen if q.kind == "truefalse"]
    assert not any("logical" in p or "file systems" in p for p in kept)


HEALTH = """# Monitoring agent notes

## Health checks

check types: `exec` (the command returns 0), `socket` (the port accepts a connection), \
`http` (a status code below 400), `file` (the path exists and is fresh)

- `interval` defaults to 30s, `timeout` to 5s
"""


def test_a_false_statement_is_never_made_of_a_description_that_names_its_own_term() -> None:
    """ "http is described as “the command returns 0”" is false at a glance: a command is
    executed, so the description is exec's by its name. Whatever term it is said of, the
    statement reads at a glance, so the pair is not made."""
    result = generate_document("hc.md", HEALTH)
    statements = [c.prompt for c in result.candidates if c.kind == "truefalse"]
    assert not any("the command returns 0" in p for p in statements)


def test_a_false_statement_describing_another_term_by_its_name_is_dropped() -> None:
    """ "http is described as “the port accepts a connection”": a port taking connections is
    what a socket is, so the statement is false at a glance."""
    result = generate_document("hc.md", HEALTH)
    reason = "statement describes another term by its name"
    dropped = [d.candidate.prompt for d in result.dropped if d.reason == reason]
    assert any("http is described as “the port accepts a connection”" in p for p in dropped)
    for _, q in result.chosen:
        said = _QUOTE.findall(q.prompt)
        if q.kind == "truefalse" and said:
            assert "port accepts" not in said[-1]


def test_a_range_of_status_classes_is_offered_among_ranges_moved_by_a_class() -> None:
    assert class_ranges("200-399") == ["200-299", "200-499", "100-399"]
    assert class_ranges("400-599") == ["400-499", "300-599", "500-599"]
    assert class_ranges("0-59") == []  # a cron field: no kind to draw like ranges from
    assert class_ranges("30000-32767") == []


def test_a_success_range_is_asked_among_ranges_of_status_classes() -> None:
    """The range is the fact ("200-399", not "200-299"): asked among ranges of status classes,
    and no common-knowledge "200 means success" (a range is no code)."""
    notes = """# Load balancer notes

## Target health

- a target is healthy when the check path answers with status code 200-399
- the check runs every 30 seconds against each target
"""
    result = generate_document("lb.md", notes)
    ranges = [q for _, q in result.chosen if q.choices[q.answer] == "200-399"]
    assert ranges, [q.prompt for _, q in result.chosen]
    assert all(len(q.choices) >= 3 and "___" in q.prompt for q in ranges)
    assert not any(d.reason.startswith("common knowledge") for d in result.dropped)


def test_a_status_class_says_http() -> None:
    wrong = ["portCheck", "scriptCheck", "dnsCheck"]
    assert paraphrased("success = status 2xx", "httpCheck", wrong) == "2xx"
    assert paraphrased("success = 2 checks in a row", "httpCheck", wrong) is None

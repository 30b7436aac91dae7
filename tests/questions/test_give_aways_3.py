"""Give-aways of the seventh blind review, on notes written here in other subjects: names whose
letter marks their row (HSET of Hash), a number the stem already holds digit for digit
(6379 / 26379), a run-together or acronym name whose parts the stem says (everysec / "per
second", ASG / "Auto Scaling"), and general words that point at a name without sharing its
letters ("gradually" / Rolling…, "cap" / limit, "a full ___" / restart)."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import clue, letter_coded, unhinted
from questions.generate import generate_document

STORE = """# Queue server notes

## Structures

| Structure | Commands | Backing store | Max size |
|---|---|---|---|
| Queue | QPUSH, QPOP, QLEN | ring buffer | 1 GB |
| Bag | BADD, BHAS, BCOUNT | hash map | 64 MB |
| Tree | TINSERT, TFIND, TWALK | b-tree | 4 GB |
| Map | MPUT, MGET, MDEL | open addressing | 256 MB |
| Journal | JAPPEND, JREAD, JTRIM | segment files | 16 GB |

## Scheduling

Two scheduling modes:

- **FairShare** (the default): splits the CPU evenly between tenants
- **Priority**: strict order, the highest priority tenant runs first
"""


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def test_a_column_whose_names_carry_their_rows_letter_is_not_asked() -> None:
    """QPUSH, QPOP of Queue: a reader decodes every row from the letters, asked either way."""
    questions = chosen(STORE)
    commands = [q for q in questions if "QPUSH" in q.prompt or "QPUSH, QPOP, QLEN" in q.choices]
    assert commands == [], [q.prompt for q in commands]
    assert all("ommands" not in q.prompt for q in questions), [q.prompt for q in questions]
    # the table's other columns are still asked
    assert any("Backing store" in q.prompt for q in questions)


def test_a_letter_code_needs_rows_of_their_own_that_match_their_keys() -> None:
    keys = ("Queue", "Bag", "Tree", "Map", "Ring")
    assert letter_coded(keys, ("QPUSH, QPOP", "BADD, BHAS", "TINS, TFIND", "MPUT, MGET", "XPUT"))
    # one tool's prefix on every row marks no row
    pods = ("kubectl get pods, kubectl logs", "kubectl expose, kubectl get svc",
            "kubectl rollout, kubectl scale", "kubectl create job")  # fmt: skip
    assert not letter_coded(("Pod", "Service", "Deployment", "Job"), pods)
    # letters of their own that never meet the key's initial say nothing
    assert not letter_coded(keys[:4], ("APUSH, APOP", "KADD, KHAS", "ZINS, ZFIND", "WPUT, WGET"))


def test_a_number_that_holds_one_of_the_stem_gives_itself_away() -> None:
    stem = "AMQP listens on 5672 (management UI:  , clustering: 25672)"
    assert clue(stem, "15672", ["7836", "10000", "15000"]) == "5672"
    # a wrong option that echoes the stem as well leaves it open
    assert clue(stem, "15672", ["35672", "10000", "15000"]) is None
    # ten times a number is a round number beside it, no echo
    assert clue("a pool of 100 connections, a queue of  ", "1000", ["200", "500", "50"]) is None
    notes = "# Broker\n\n## Ports\n\n- AMQP listens on 5672 (management UI: 15672)\n"
    assert not [q for q in chosen(notes) if q.choices and q.choices[q.answer] == "15672"]


def test_a_run_together_name_is_named_by_the_word_its_clipped_part_stands_for() -> None:
    """everymin is "every" + "min": "once per minute" names it, and the other way round."""
    assert clue("writes the buffer to disk once per minute", "everymin",
                ["always", "never"]) == "minute"  # fmt: skip
    wrong = ["flush on every write, slowest", "leave it to the OS"]
    assert clue("Which description fits everymin?", "flush once per minute", wrong) == "everymin"
    assert clue("Which description fits always?", "flush once per minute", wrong) is None


def test_a_capitalised_name_spells_an_acronym_but_its_head_noun() -> None:
    """ "Elastic Network 接口" is the ENI of ENI_NOT_ATTACHED, the interface said in Chinese."""
    wrong = ["ROLE_MISSING", "QUOTA_EXCEEDED", "BAD_IMAGE"]
    assert (
        clue("实例的 Elastic Network 接口没有挂上", "ENI_NOT_ATTACHED", wrong) == "Elastic Network"
    )
    assert clue("实例的 elastic network 接口没有挂上", "ENI_NOT_ATTACHED", wrong) is None


def test_general_words_point_at_the_names_they_describe() -> None:
    """A small list of words any notes use (glossary.HINTS), read in English and through the
    English of Chinese words."""
    rolling = ["Recreate", "BlueGreen"]
    assert clue("upgrades the nodes gradually, a few at a time", "RollingRestart", rolling) == (
        "gradually"
    )
    assert clue("逐渐替换旧实例", "RollingUpdate", rolling) == "逐渐"
    assert clue("the ceiling one tenant may use", "hardLimit", ["softRequest", "burstSize"]) == (
        "ceiling"
    )
    assert clue("每个租户的上限", "max_tenants", ["min_tenants", "default_tenants"]) == "上限"
    # the forward way: the name in the stem, the pointing word in the answer
    assert clue("Which description fits RollingRestart?", "restarts nodes gradually",
                ["stops every node first", "starts a second cluster"]) is not None  # fmt: skip


def test_a_blanks_modifier_that_gives_it_away_is_cut() -> None:
    """ "needs a full ___" reads as restart; the fact is what needs it, asked without "full"."""
    assert clue("renaming a node needs a full  ", "restart", ["reload"]) == "full"
    assert unhinted("renaming a node needs a full ___", "restart", ["reload"]) == (
        "renaming a node needs a ___"
    )
    notes = "# Broker\n\n## Config\n\n- renaming a node needs a full restart, other settings only a reload\n"
    restart = [q for q in chosen(notes) if q.choices and q.choices[q.answer] == "restart"]
    assert restart and all("full" not in q.prompt for q in restart), [q.prompt for q in restart]


def test_a_defined_member_marked_default_is_asked_as_the_default() -> None:
    """The give-away in "splits the CPU evenly" aside, "(the default)" is a fact of its own."""
    default = [q for q in chosen(STORE) if "default" in q.prompt and "mode" in q.prompt]
    assert [(q.choices[q.answer], sorted(q.choices)) for q in default] == [
        ("FairShare", ["FairShare", "Priority"])
    ]

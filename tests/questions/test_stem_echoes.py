"""Keys a reader takes from the stem's own wording (blind review 10): a unit word whose prefix
is the answer's number ("(millicards)" / 1000m), and a description that says a name's denial
in other words ("never stored" / no-store, "完全不能存"). Each is asked again without the words
that give it away when something fair is left. Notes written here on other subjects."""

from __future__ import annotations

from questions.candidate import Candidate
from questions.cues import unit_echo
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.gates import CHOICE_PARAPHRASED, PARAPHRASED, reworded, self_described
from questions.generate import generate_document
from questions.paraphrase import contradicts, says_name, senses_named, senses_said
from questions.parse import parse_document


def _fact(text: str = "## Quotas\n- **card** = one GPU\n") -> Fact:
    return extract(parse_document(text, "t.md"))[0]


def test_a_unit_prefix_that_is_the_answer_gives_it_away() -> None:
    stem = "Fill in the blank: GPU unit: 1 = 1 card = ___ (millicards)"
    assert unit_echo(stem, "1000m", ["250m", "500m", "750m"]) == "millicards"
    assert unit_echo(stem, "500m", ["250m", "1000m", "750m"]) is None  # not the factor
    assert unit_echo(stem, "1000m", ["1000", "500m"]) is None  # a wrong option is it too
    assert unit_echo("每个任务 ___ (毫秒)", "1000", ["500", "2000"]) == "毫"
    assert unit_echo("1 volume = ___ (mebibytes)", "1024 MiB", ["512 MiB"]) is None


def test_the_unit_word_is_cut_and_the_number_still_asked() -> None:
    c = Candidate("number", "cloze", "choice", _fact(),
                  "Fill in the blank: GPU unit: 1 = 1 card = ___ (millicards)",
                  ("250m", "500m", "750m", "1000m"), 3, "", "en", blank="1000m")  # fmt: skip
    assert self_described(c) == PARAPHRASED
    again = reworded(c)
    assert again is not None
    assert again.prompt == "Fill in the blank: GPU unit: 1 = 1 card = ___"
    assert self_described(again) is None


def test_a_denied_sense_is_its_own_sense() -> None:
    """no-store names "not stored": a description that denies storing says the name, one that
    stores says something else."""
    assert senses_named("no-store") == {"no:store"}
    assert senses_named("store-sync") == {"store"}
    assert dict(senses_said("the message is never stored on disk")) == {"no:store": "stored"}
    assert dict(senses_said("完全不能存，敏感数据用这个")) == {"no:store": "存"}
    assert dict(senses_said("可以存，但用之前必须先验证（不是不缓存）")) == {"store": "存"}
    assert says_name("the message is never stored on disk", "no-store")
    assert not says_name("the message is stored before the reply", "no-store")


MODES = """# Queue client notes

## Write modes

- **no-store**: the message is never stored on disk, meant for one-off secrets
- **store-async**: the message is stored in the background after the reply is sent
- **store-sync**: the message is stored before the reply is sent
- **cache-only**: the message is kept in memory only and is lost on a restart
"""


def test_a_key_description_that_denies_the_name_is_cut() -> None:
    fact = next(f for f in extract(parse_document(MODES, "t.md")) if f.subject == "no-store")
    options = ("the message is stored before the reply is sent",
               "the message is never stored on disk, meant for one-off secrets",
               "the message is kept in memory only and is lost on a restart")  # fmt: skip
    c = Candidate("definition", "forward", "choice", fact, "Which description fits no-store?",
                  options, 1, "", "en")  # fmt: skip
    assert self_described(c) == CHOICE_PARAPHRASED
    again = reworded(c)
    assert again is not None and again.answer_text == "meant for one-off secrets"
    assert self_described(again) is None
    for meaning in ("meaning", "forward"):  # asked from the term either way
        same = Candidate("definition", meaning, "choice", fact, c.prompt, options, 1, "", "en")
        assert self_described(same) == CHOICE_PARAPHRASED


def test_no_generated_question_on_the_modes_reads_its_key_off_a_denial() -> None:
    for _, q in generate_document("t.md", MODES).chosen:
        if q.choices[q.answer] == "no-store" or "no-store" in q.prompt:
            assert "never stored" not in q.prompt and "never stored" not in q.choices[q.answer]


GATEWAYS = """# Print service notes

## Gateways

- **Internal gateway**: regional, serves print jobs from inside the office network
- **External gateway**: global, takes print jobs from partners over TLS
- **Relay gateway**: forwards jobs between two offices, keeps the sender's address
"""


def test_a_description_that_says_the_opposite_of_a_name_reads_as_false() -> None:
    assert contradicts("serves print jobs from inside the office network", "External gateway")
    assert not contradicts("serves print jobs from inside the office network", "Relay gateway")
    assert says_name("serves print jobs from inside the office network", "Internal gateway")
    facts = extract(parse_document(GATEWAYS, "t.md"))
    fact = next(f for f in facts if f.subject == "Internal gateway")
    c = Candidate("true_false", "tf-false", "truefalse", fact,
                  "True or false: External gateway is described as “regional, serves print jobs "
                  "from inside the office network”", ("True", "False"), 1, "", "en")  # fmt: skip
    assert self_described(c) == "statement contradicts its term's name"

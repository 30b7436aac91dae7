"""A term's options are terms of the kind the notes show it to be (blind review 15: the key was
the only option of the blank's kind). Notes written here on other subjects: a Docker cheat
sheet, Python packaging, InnoDB indexes in Chinese."""

from __future__ import annotations

from questions.name_kinds import NameKinds
from questions.parse.markdown import parse_document
from questions.term_kinds import TermKinds, written_kind
from tests.questions.own_notes import generated, keyed, notes_text

DOCKER = "docker-cli-kinds.md"
PACKAGING = "python-packaging-kinds.md"
INNODB = "innodb-index-zh.md"


def _offered_with(name: str, key: str) -> list[list[str]]:
    return [choices for _, choices, k in keyed(name) if k == key]


def test_a_file_is_offered_beside_files_only() -> None:
    """ "The CLI reads credentials from ___" takes config files, never a registry path or a
    build context; with one file beside it ("the backend named in ___") it is not asked."""
    asked = _offered_with(DOCKER, "~/.docker/config.json")
    assert asked, "the credentials file is asked among the notes' other files"
    for choices in asked:
        assert [c for c in choices if written_kind(c) == "folder"] == []
    for choices in _offered_with(PACKAGING, "pyproject.toml"):
        assert ".venv/lib/python3.X/site-packages" not in choices


def test_a_resolver_is_offered_beside_no_strategy() -> None:
    """The notes call `only-if-needed` and `eager` strategies and `backtracking` and `legacy`
    resolvers: one resolver left beside the key is a coin toss, so nothing is asked."""
    strategies = {"only-if-needed", "eager"}
    for key in ("backtracking", "legacy"):
        for choices in _offered_with(PACKAGING, key):
            assert not strategies & set(choices), choices
    run = generated(PACKAGING)
    resolvers = [c for c, _ in run.chosen if c.answer_text in ("backtracking", "legacy")]
    assert resolvers == []


def test_a_command_written_as_code_stands_beside_no_plain_word() -> None:
    """`ENTRYPOINT` and `CMD` are instructions the notes write as code; "Volume" keeps data."""
    asked = _offered_with(DOCKER, "Volume")
    assert asked
    for choices in asked:
        assert not {"ENTRYPOINT", "CMD"} & set(choices), choices


def test_a_topic_heading_is_no_option_beside_a_thing() -> None:
    """ "Image digest" and "Short ids" each name a thing with their one line; "Build options",
    "Config files" head lists: topics of the notes, not digests."""
    topics = {"Build options", "Config files", "Restart policies", "Dockerfile instructions"}
    for key in ("Image digest", "Short ids"):
        for choices in _offered_with(DOCKER, key):
            assert not topics & set(choices), choices


def test_a_blank_that_names_its_kind_takes_only_terms_called_so() -> None:
    """ "the ___ signal": the section calls `SIGTERM` and `SIGKILL` signals; `STOPSIGNAL`, an
    instruction it never calls so, is no option, and one signal beside the key is a coin
    toss: the question is dropped for its options' kind."""
    run = generated(DOCKER)
    for c, _ in run.chosen:
        if c.answer_text in ("SIGTERM", "SIGKILL"):
            assert "STOPSIGNAL" not in c.options, c.options
    signals = [d for d in run.dropped if d.candidate.answer_text in ("SIGTERM", "SIGKILL")]
    assert signals
    for d in signals:
        if "STOPSIGNAL" in d.candidate.options:
            assert d.reason == "options of another kind", d.reason


def test_what_a_number_counts_takes_only_what_the_notes_count() -> None:
    """ "1~3 次 ___" counts IO; PK and BIGINT are never counted by the notes."""
    for c in generated(INNODB).candidates:
        if c.answer_text == "IO":
            assert not {"PK", "BIGINT", "ICP", "MRR"} & set(c.options), c.options
    assert _offered_with(INNODB, "IO") == []


def test_a_chinese_term_keeps_to_its_head_word() -> None:
    """聚簇索引 is an index, 叶子节点 a node; two locks are one kind; an unmarked description
    ("查看执行计划") is no term and keeps its options."""
    kinds = TermKinds(parse_document(notes_text(INNODB), INNODB))
    assert kinds.unlike("叶子节点", "聚簇索引")
    assert not kinds.unlike("叶子节点", "非叶子节点")
    assert not kinds.unlike("记录锁", "间隙锁")
    assert not kinds.unlike("查看执行计划", "重新统计索引")


def test_capitals_beside_words_only_when_the_notes_write_them_as_code() -> None:
    """FIFO and Standard are two queue types written plainly: one kind, whatever the case."""
    text = "# Queues\n\n- **Standard** queues deliver at least once\n- **FIFO** queues keep order\n"
    kinds = TermKinds(parse_document(text, "q.md"))
    assert not kinds.unlike("Standard", "FIFO")
    coded = TermKinds(parse_document(notes_text(DOCKER), DOCKER))
    assert coded.unlike("Volume", "ENTRYPOINT")


def test_an_option_with_a_value_of_its_own_is_still_an_option() -> None:
    """`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`: BUFFERS is an option of EXPLAIN, never a
    command beside it."""
    text = "# Plans\n\n- `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT 1` shows the plan\n"
    kinds = NameKinds(parse_document(text, "p.md"))
    assert kinds.option_of("BUFFERS") == frozenset({"EXPLAIN"})
    assert kinds.option_of("FORMAT") == frozenset({"EXPLAIN"})

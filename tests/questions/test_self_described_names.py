"""Names that describe themselves (the ninth blind review's largest flaw class): a description
that says the key's name in other words ("stop the running job, start the new one" / Replace),
in another language ("删除文件" / rm), or by a name glued from words ("its own MAC" / macvlan);
a stem that describes the key by another term of its kind ("like COPY but …"). Each is
dropped with a counted reason, or asked without the part that names the key. Notes are
written here, in subjects of their own."""

from __future__ import annotations

import pytest

from questions.cues import self_checking
from questions.gates import PARAPHRASED
from questions.generate import DocumentResult, generate_document
from questions.paraphrase import compared_term, paraphrased, says_name

SYNC_NOTES = """# synctl notes

## Conflict modes

What synctl does when the target file already exists:

- **Replace** – stop the transfer in progress, then start the new copy from scratch
- **Refuse** – skip the file and log a warning
- **Rename** – writes the new copy under a numbered name
- **Compare** – checks modification times first, the later file stays

## Transfer engines

- **Stream** – sends the file in one pass over a single socket
- **Delta** – sends only the blocks whose checksums differ
"""

BUILD_NOTES = """# buildkit-lite notes

## Build steps

- `FETCH` – downloads one file from a URL into the build directory
- `MIRROR` – like FETCH but keeps polling the URL and refreshes the file when it changes
- `PIN` – records the checksum a later step must match
- `SHELL` – sets the interpreter every later RUN line uses
"""

ZH_NOTES = """# 命令行笔记

## 文件命令

- `rm`：删除文件，删掉以后不能恢复
- `mv`：把文件挪到另一个目录
- `cp`：复制一份文件到目标位置
- `ln`：建一个指向原文件的链接
"""


def _result(text: str) -> DocumentResult:
    return generate_document("t.md", text)


def _asked(r: DocumentResult, answer: str) -> list[str]:
    return [q.prompt for _, q in r.chosen if q.choices[q.answer] == answer]


def _dropped(r: DocumentResult, answer: str) -> list[str]:
    return [d.reason for d in r.dropped if d.candidate.answer_text == answer]


@pytest.mark.parametrize(
    ("stem", "answer", "wrong", "said"),
    [
        # a stop before a start is what Replace / Recreate / Restart name
        ("stop the running job, start the new one", "Replace", ["Forbid", "Allow"],
         "stop the running job, start"),
        ("kills every old worker first, then starts the new ones", "Recreate",
         ["RollingUpdate"], "kills every old worker first, then starts"),
        # refusing: a skip is a Forbid
        ("skip the new run while the previous one is still running", "Forbid",
         ["Replace", "Allow"], "skip"),
        # generic computing ideas: a hash finds equal keys, a merge walks sorted inputs
        ("matches rows by equality of the join key", "Hash Match", ["Loop Match", "Sort Scan"],
         "equality"),
        ("needs both sides sorted on the key", "Merge Scan", ["Loop Match", "Hash Match"],
         "sorted"),
        ("healthy when the status code is 200-399", "httpCheck", ["tcpCheck", "execCheck"],
         "status code"),
        ("restarts it only when the exit code is non-zero", "on-failure",
         ["always", "unless-stopped"], "exit code is non-zero"),
        ("rewrites the whole file in place", "COMPACT FULL", ["COMPACT", "COMPACT QUICK"],
         "whole"),
        # a short form of the command line: rm is remove, named by "delete"
        ("delete the container when it exits", "--rm", ["-it", "-d"], "delete"),
    ],
)  # fmt: skip
def test_a_description_that_says_the_name_in_other_words_is_caught(
    stem: str, answer: str, wrong: list[str], said: str
) -> None:
    assert paraphrased(stem, answer, wrong) == said


def test_a_name_glued_from_words_is_named_by_one_of_them() -> None:
    """ "lazyfree" ends with "free": the description that says it frees names it."""
    stem = "frees the memory of big keys in a background thread"
    assert paraphrased(stem, "lazyfree", ["noeviction", "volatile-lru"]) == "frees"
    # the rest must be a word too: "no" of "nocompress" is too short to tell a glued name
    assert paraphrased("nothing is compressed", "nocompress", ["lz4", "zstd"]) is None
    assert paraphrased("each container gets its own MAC address", "macvlan",
                       ["bridge", "overlay", "none"]) == "MAC"  # fmt: skip
    # a dictionary word is no glued name: "overlay" is not "over" + "lay"
    assert paraphrased("lay the files over the base image", "overlay", ["bridge", "tmpfs"]) is None


def test_a_chinese_description_of_an_english_name_is_caught() -> None:
    """jieba's words and the bilingual table: 删除 is remove (rm), 复制 copy (cp), 相等 a hash
    match, 排序 a merge; 存 (store) as a word, never inside 存在 (exist)."""
    assert paraphrased("删除文件，不能恢复", "rm", ["mv", "cp", "ln"]) == "删除"
    assert paraphrased("复制一份文件", "cp", ["mv", "rm", "ln"]) == "复制"
    assert paraphrased("两边的键相等才匹配", "Hash Match", ["Loop Match", "Sort Scan"]) == "相等"
    assert paraphrased("两个输入都已排序", "Merge Scan", ["Loop Match", "Hash Match"]) == "排序"
    assert paraphrased("完全不能存，敏感数据用这个", "no-store", ["no-cache", "private"]) == "存"
    assert paraphrased("只能存在浏览器里", "no-store", ["no-cache", "private"]) is None
    assert paraphrased("停掉旧的再启动新的", "Recreate", ["RollingUpdate"]) is not None
    # an error's remedy says what the code reports: fewer requests is a throttle (a review)
    assert paraphrased(
        "稍后重试，并减少每秒的请求数", "RATE_THROTTLED", ["TOKEN_MISSING", "BAD_MANIFEST"]
    )
    # ...not a smaller request body
    assert (
        paraphrased("减少请求体的大小", "RATE_THROTTLED", ["TOKEN_MISSING", "BAD_MANIFEST"]) is None
    )


def test_what_every_option_names_or_every_kin_says_points_at_none() -> None:
    # every option deletes: the word tells none apart
    assert paraphrased("delete the branch", "branch-delete", ["tag-delete", "ref-delete"]) is None
    # most of the kin's descriptions say "sorted" too: it is the topic's word, not a pointer
    kin = ["keeps keys sorted in memory", "writes sorted runs to disk"]
    assert paraphrased("needs both sides sorted", "Merge Scan", ["Hash Match", "Loop Match"],
                       like=kin) is None  # fmt: skip
    # a description saying nothing of the name
    assert paraphrased("small outer side", "Nested Loop", ["Hash Join", "Merge Join"]) is None


def test_an_acronym_the_notes_spell_out_is_read_by_its_words() -> None:
    known = {"RMQ": "Remove Message Queue"}
    assert paraphrased("delete queued messages", "RMQ", ["LSQ", "GTQ"], known=known) == "delete"
    assert paraphrased("delete queued messages", "RMQ", ["LSQ", "GTQ"]) is None


def test_a_description_naming_another_term_of_the_kind_is_caught() -> None:
    terms = ["COPY", "ADD", "ARG", "CMD"]
    assert compared_term("like COPY but also extracts tar archives", "ADD", terms) == "COPY"
    assert compared_term("跟 COPY 一样，但还能解压", "ADD", terms) == "COPY"
    assert compared_term("like a tarball but smaller", "ADD", terms) is None  # no term of its kind


def test_a_choice_that_says_the_stem_name_is_caught() -> None:
    assert says_name("stop the running job, start the new one", "Replace") is not None
    assert says_name("skip the new run", "Replace") is None


def test_synonym_give_aways_are_dropped_with_their_reason_and_the_rest_is_asked() -> None:
    r = _result(SYNC_NOTES)
    assert not any("stop the transfer" in p for p in _asked(r, "Replace"))
    assert not any("skip the file" in p for p in _asked(r, "Refuse"))
    assert PARAPHRASED in _dropped(r, "Replace")
    assert PARAPHRASED in _dropped(r, "Refuse")


def test_a_stem_describing_the_key_by_its_sibling_is_dropped() -> None:
    r = _result(BUILD_NOTES)
    assert not any("like FETCH" in p and "described here" in p for p in _asked(r, "MIRROR"))
    assert "stem describes the answer by another term" in _dropped(r, "MIRROR")


def test_a_chinese_description_of_an_english_command_is_dropped() -> None:
    r = _result(ZH_NOTES)
    assert not any("删除文件" in p for p in _asked(r, "rm")), _asked(r, "rm")
    assert not any("复制一份" in p for p in _asked(r, "cp")), _asked(r, "cp")
    assert PARAPHRASED in _dropped(r, "rm")


def test_a_statement_that_says_its_term_name_is_no_true_false_item() -> None:
    r = _result(SYNC_NOTES)
    statements = [q.prompt for _, q in r.chosen if q.kind == "truefalse"]
    assert not any("Replace is described as" in p and "stop the" in p for p in statements)
    tf = [d for d in r.dropped if d.candidate.kind == "truefalse"]
    assert any(
        d.reason == "statement paraphrases its term's name" and d.candidate.fact.subject == term
        for d in tf
        for term in ("Replace", "Refuse")
    )


def test_the_part_that_names_the_key_is_cut_and_the_rest_asked() -> None:
    notes = """# Deploy notes

## Rollout modes

- **Rebuild** – kills every old worker first, then starts the new ones -> a short outage, but
  two releases never serve at once
- **Stepwise** – moves one worker at a time to the new release
- **Mirror** – sends a copy of live traffic to the new release before switching
"""
    r = _result(notes)
    asked = _asked(r, "Rebuild")
    assert any("short outage" in p for p in asked), asked
    assert not any("kills every old worker" in p for p in asked)


def test_a_glued_name_in_the_stem_names_the_option_whose_word_it_holds() -> None:
    """ "SIGKILL" ends with "kill": it names `svc kill`, not `svc stop`."""
    stem = "sends SIGKILL to the worker right away"
    assert paraphrased(stem, "svc kill", ["svc stop", "svc pause"]) == "SIGKILL"
    assert paraphrased(stem, "svc stop", ["svc kill", "svc pause"]) is None


SIGNAL_NOTES = """# Process supervisor notes

## Exit codes

- exit code 130 = stopped by SIGINT (128 + 2), usually a Ctrl-C
- exit code 134 = aborted by SIGABRT (128 + 6), often a failed assert
- a worker restarted more than 5 times in 60 s is marked as crash-looping
"""


def test_a_statement_that_works_out_its_own_number_is_no_true_false_item() -> None:
    assert self_checking("True or false: exit code 131 = SIGINT (128 + 2)") == "128 + 2"
    assert self_checking("the node port range is 30000-32767, the API port 6443") is None
    r = _result(SIGNAL_NOTES)
    assert not any(q.kind == "truefalse" and "128 +" in q.prompt for _, q in r.chosen)
    assert any(d.reason == "statement works out its own number" for d in r.dropped)

"""Give-aways of the eighth blind review, on notes written here in other subjects: a plural
clipping the stem spells out ("args" / arguments), the only option whose name measures what the
stem asks for (a duration, a size), a number the stem gives in another unit, general words that
mean a name ("cleans" / VACUUM, "command" / exec), and the rewordings that keep such a fact
asked: the words after a cloze's blank, a unit asked for ("多少秒"), an opening clause."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.cues import cleared, clue, restated, unhinted, without
from questions.generate import generate_document


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def test_a_plural_clipping_is_named_by_the_word_it_clips() -> None:
    """ "args" is "arg" + s, and "arg" opens "arguments"."""
    stem = "Which hook option is described here: “how many arguments the hook receives”?"
    assert clue(stem, "max_args", ["hook_path", "run_user"]) == "arguments"


def test_an_upper_case_acronym_is_no_plural_clipping() -> None:
    stem = "Which setting is described here: “the core budget of one worker”?"
    assert clue(stem, "WRKS", ["POOL", "TASK"]) is None


def test_the_only_option_named_as_a_duration_answers_a_question_about_waiting() -> None:
    stem = "Which client option is described here: “how the client waits before it tries again”?"
    wrong = ["retry.count", "client.id", "send.buffer"]
    assert clue(stem, "retry.backoff.ms", wrong) == "waits"
    # asked the other way round, the only description that waits belongs to the duration
    desc = ["Attempts before giving up", "Name sent with each request", "Socket buffer"]
    assert clue("Which description fits retry.backoff.ms?", "Wait before the next attempt", desc)


def test_a_unit_asked_in_chinese_points_at_the_only_name_that_measures_it() -> None:
    stem = "以下描述的是哪个参数？“会话保持多少秒”"
    wrong = ["session.path", "session.domain", "session.secure"]
    assert clue(stem, "session.max-age", wrong) == "秒"


def test_a_point_in_time_is_no_duration_asked() -> None:
    """An expiry "time" (时间) is a date, not an amount: max-age is not named by it."""
    stem = "填空：过期时间是绝对时间，响应里有 ___ 的话它会被忽略。"
    assert clue(stem, "max-age", ["no-store", "private", "public"]) is None


def test_a_size_asked_points_at_the_only_name_measured_in_bytes() -> None:
    stem = "Which option matches “Default: 65536 bytes”?"
    assert clue(stem, "fetch.size", ["fetch.mode", "client.rack", "auto.commit"]) is not None


def test_a_number_given_in_another_unit_restates_the_answer() -> None:
    assert restated("The log buffer defaults to 2097152 bytes (~___)", "2 MiB") == "2097152 bytes"
    assert restated("The session lasts 7200 s (___)", "2 h") == "7200 s"
    assert restated("The log buffer defaults to 2097152 bytes (~___)", "4 MiB") is None
    assert restated("Retries for 120 s, then waits ___", "2 MiB") is None


def test_a_cloze_on_a_number_the_notes_give_in_two_units_asks_neither_twice() -> None:
    notes = """# Broker notes

## Limits

- `segment.bytes` defaults to 536870912 bytes (~512 MiB); smaller segments roll sooner.
- `retention.hours` defaults to 72 hours; older segments are deleted.
- `socket.buffer` defaults to 65536 bytes; raise it on fast links.
- `fetch.max` defaults to 52428800 bytes; one fetch returns at most that.
"""
    answers = [q.choices[q.answer] for q in chosen(notes)]
    assert "512 MiB" not in answers


def test_words_that_mean_a_name_point_at_it() -> None:
    wrong = ["REINDEX", "CLUSTER"]
    assert clue("old row versions remain until ___ cleans them away", "VACUUM", wrong)
    assert clue("Which probe is described here: “the command returns zero”?", "exec",
                ["httpGet", "tcpSocket"])  # fmt: skip
    assert clue("Which flag is described here: “files that will never change”?", "immutable",
                ["no-cache", "private", "public"])  # fmt: skip
    assert clue("Which header is described here: “send cookies with the request”?",
                "X-Allow-Credentials", ["X-Allow-Origin", "X-Expose-Headers"])  # fmt: skip
    assert clue("Which tool is described here: “field docs for a resource”?", "cli explain",
                ["cli exec", "cli expose", "cli logs"])  # fmt: skip


def test_a_template_command_is_no_description_of_exec() -> None:
    """ "Which command …" is the stem's template, not what the answer does."""
    stem = "Which command is described here: “open a shell in a running container”?"
    assert clue(stem, "docker exec", ["docker logs", "docker ps", "docker top"]) is None


def test_a_cloze_loses_the_words_after_its_blank_that_say_what_the_answer_does() -> None:
    gap = "old row versions remain until ___ cleans them away, then the space is reused"
    assert unhinted(gap, "VACUUM", ["REINDEX", "CLUSTER"]) == (
        "old row versions remain until ___, then the space is reused"
    )
    # nothing before the blank to ask by: kept as it is (and refused by the gate)
    assert unhinted("___ cleans them away", "VACUUM", ["REINDEX"]) == "___ cleans them away"


def test_a_description_loses_the_unit_it_asks_for() -> None:
    assert without("会话保持多少秒", ["秒"]) == "会话保持"
    assert without("how many seconds a session is kept", ["seconds"]) == "a session is kept"


def test_a_description_is_cut_until_nothing_names_the_answer() -> None:
    """The aside holding "最多" goes first; what is left still asks "多少秒"."""
    wrong = ["Session-Allow-Origin", "Session-Allow-Headers", "Session-Expose-Headers"]
    assert cleared("会话结果保持多少秒（最多 600 秒）", "Session-Max-Age", wrong) == "会话结果保持"


def test_an_opening_clause_that_names_the_answer_is_cut_with_its_connective() -> None:
    assert without("允许带 token，此时 Origin 不能用通配符，要写明域名", ["token"]) == (
        "Origin 不能用通配符，要写明域名"
    )
    # what is left must say enough alone
    assert without("legacy codec, added in 2.0", ["legacy"]) is None


def test_a_header_whose_description_names_it_is_asked_by_the_rest_of_it() -> None:
    notes = """# Gateway notes

## Cross-origin headers

- `X-Allow-Credentials: true` —— 允许带 cookie，此时 X-Allow-Source 不能是 *，必须写具体的域名
- `X-Allow-Source` —— 允许的来源，* 或者具体的域名
- `X-Preflight-Ttl` —— 预检结果在代理上保存，减少重复请求
- `X-Allow-Verbs` —— 允许的请求方法列表
"""
    questions = chosen(notes)
    texts = [q.prompt + " " + " ".join(q.choices) for q in questions]
    assert not any("允许带 cookie" in t for t in texts if "X-Allow-Credentials" in t)
    assert any("X-Allow-Source 不能是 *" in t for t in texts)


def test_a_term_whose_description_gives_it_away_twice_is_asked_by_what_is_left() -> None:
    notes = """# Gateway notes

## Session headers

- `Session-Max-Age` —— 会话结果在代理上保持多少秒（最多 600 秒）
- `Session-Allow-Origin` —— 允许的来源，* 或者具体的域名
- `Session-Allow-Headers` —— 允许客户端发送的请求头
- `Session-Expose-Headers` —— 脚本能读到的响应头
"""
    prompts = [q.prompt for q in chosen(notes) if q.choices[q.answer] == "Session-Max-Age"]
    assert any("“会话结果在代理上保持”" in p for p in prompts), prompts


def test_a_command_named_by_a_letter_is_given_by_the_word_that_opens_its_description() -> None:
    """A shell's one-letter commands: "mounts" opens with m, the letter of `:m /data`."""
    wrong = [":u backup", ":s on", ":t+ logs"]
    assert clue("Which command mounts a volume?", ":m /data", wrong) is None  # not a slash/dash
    wrong = ["\\u backup", "\\s on", "\\t+ logs"]
    assert clue("Which command mounts a volume?", "\\m /data", wrong) == "mounts"
    assert clue("Which command is described here: “mounts a volume”?", "-m", ["-u", "-s"]) == (
        "mounts"
    )
    # the letter of a wrong option opens the word too: nothing is given away
    assert clue("Which command mounts a volume?", "\\m /data", ["\\mo", "\\s on"]) is None
    # only the opening word counts
    assert clue("Which command shows sizes of all tables?", "\\t+", ["\\m /data", "\\u x"]) is None


def test_an_option_that_says_what_the_name_means_is_named_by_it() -> None:
    """Asked the other way round, "command" in an option is no template word."""
    wrong = ["success = a 2xx answer", "the port accepts a connection"]
    assert clue("Which description fits the probe exec?", "the command returns zero", wrong)

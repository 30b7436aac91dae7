"""A config block's setting line whose comment gives the default ("gzip_comp_level 5;  # 1-9,
default 1") is a default fact of the setting, asked like any other default; the value the line
sets is the author's choice, never the key (issue #13 point 8: sections made of a config block
and a few bullets yielded no question). Notes: tests/questions/notes/proxy-db-config-defaults.md
(HAProxy, PostgreSQL, nginx, systemd, Prometheus) and cache-broker-config-zh.md (Redis, Kafka,
nginx, in Chinese)."""

from __future__ import annotations

import re

import pytest

from questions.facts.config_lines import ConfigLine, config_lines
from questions.facts.extract import extract
from questions.facts.settings import comment_default
from questions.parse import parse_document
from questions.values import parse_number
from tests.questions.own_notes import asked, generated, keyed, notes_text

EN = "proxy-db-config-defaults.md"
ZH = "cache-broker-config-zh.md"


_ASKED = re.compile(r"default value of (?P<en>\S+)\?$|^(?P<zh>\S+) 的默认值是")


def _default_keys(name: str) -> dict[str, str]:
    """setting -> the key of the question asking its default."""
    out: dict[str, str] = {}
    for prompt, _, key in keyed(name):
        m = _ASKED.search(prompt)
        if m is not None:
            out[m.group("en") or m.group("zh")] = key
    return out


def test_the_comment_default_is_the_key_not_the_value_set() -> None:
    keys = _default_keys(EN)
    expected = {
        "gzip_comp_level": "1",  # the line sets 5
        "gzip_min_length": "20 bytes",  # the line sets 1k
        "maxconn": "2000",
        "shared_buffers": "128MB",
        "max_connections": "100",
        "autovacuum_naptime": "1min",  # "defaults to 1min"
        "autovacuum_max_workers": "3",  # after a range: "range 1-262143, default 3"
        "RestartSec": "100ms",
        "TimeoutStopSec": "90s",
    }
    for setting, key in expected.items():
        assert keys.get(setting) == key, (setting, keys)
    # a YAML key is named with the mapping it is in
    assert keys.get("global.scrape_interval") == "1m", keys


def test_options_are_like_values() -> None:
    """Options of the key's unit, the notes' own values first: 4000, the maxconn the line sets,
    is a wrong option beside its default 2000."""
    seen = 0
    for prompt, choices, key in keyed(EN):
        if "default value of" not in prompt:
            continue
        seen += 1
        n, k = parse_number(key), {parse_number(c).value for c in choices if parse_number(c)}
        assert n is not None and len(k) == len(choices), (prompt, choices)
        units = {parse_number(c).unit for c in choices if parse_number(c)}
        assert units == {n.unit}, (prompt, choices)  # like values: one unit, no made-up kind
        if prompt.endswith("of maxconn?"):
            assert "4000" in choices and key == "2000", choices
    assert seen >= 10, keyed(EN)


def test_remarks_are_not_asked() -> None:
    """A comment that is no default (a purpose, a rule of thumb, a limit) asks nothing."""
    said = " ".join(q.prompt + " " + " ".join(q.choices) for q in asked(EN) + asked(ZH))
    for remark in ("effective_cache_size", "log_autovacuum_min_duration", "LimitNOFILE",
                   "evaluation_interval", "keepalive_timeout", "default.replication.factor",
                   "message.max.bytes", "timeout connect"):  # fmt: skip
        assert remark not in said, remark


def test_chinese_comments_are_asked_in_chinese() -> None:
    keys = _default_keys(ZH)
    assert keys.get("log.retention.hours") == "168 小时", keys
    assert keys.get("proxy_connect_timeout") == "60 秒", keys  # not the 75 秒 cap, not 5s
    assert keys.get("hz") == "10", keys  # "默认值 10"
    assert keys.get("client_max_body_size") == "1m", keys
    for q in asked(ZH):
        if "默认" in q.prompt:
            assert q.lang == "zh" and q.prompt.endswith("？"), q.prompt


def test_a_named_default_takes_its_list_as_options() -> None:
    """ "maxmemory-policy allkeys-lru  # 默认 noeviction": the policies the notes list are the
    options, and the value the line sets is one of them, not the key."""
    found = [(p, c, k) for p, c, k in keyed(ZH) if p.startswith("maxmemory-policy")]
    assert found, keyed(ZH)
    _, choices, key = found[0]
    assert key == "noeviction" and "allkeys-lru" in choices, found


def test_a_config_line_is_no_true_false_nor_command() -> None:
    """A code line is no claim ("True or false: scrape_interval: 15s # default 2m"), and a line
    read for its default is asked by its setting, not as "which command is for 'default 2000'"."""
    for name in (EN, ZH):
        assert not [c for c in generated(name).candidates if c.kind == "truefalse"
                    and c.fact.block.kind == "code"]  # fmt: skip
    text = "# Limits\n\n## Global\n\n```\nmaxconn 4000   # per-process limit, default 2000\n" \
        "nbthread 4     # threads per process, default 1\nretries 3      # attempts before " \
        "giving up\n```\n"  # fmt: skip
    facts = extract(parse_document(text, "n.md"))
    commands = [f.value for f in facts if f.kind == "command"]
    assert commands == ["retries 3"], commands
    assert {f.subject for f in facts if f.attribute == "default"} == {"maxconn", "nbthread"}


@pytest.mark.parametrize(
    ("comment", "value", "default"),
    [
        ("1-9, default 1", "5", "1"),
        ("default 20 bytes", "1k", "20 bytes"),
        ("defaults to off", "on", "off"),
        ("default: 100", "200", "100"),
        ("the default is 3", "5", "3"),
        ("Default: 30s.", "10s", "30s"),
        ("默认 20 字节", "1k", "20 字节"),
        ("默认为 0", "300", "0"),
        ("空闲连接超时，默认值 10", "20", "10"),
        ("default", "everysec", "everysec"),
        ("（默认）", "everysec", "everysec"),
        ("per-process limit (default 2000)", "4000", "2000"),
        ("default 5 — see the docs", "8", "5"),
        # remarks, and defaults that are not this line's
        ("3 fails in a row -> restart", "3", None),
        ("not the default", "5", None),
        ("was default 3 before 9.6", "5", None),
        ("default is too low for SSDs", "4", None),
        ("keep the default", "4", None),
        ("默认开启", "on", None),
        ("default 1 per core", "4", None),
        ("raise for busy proxies, see default.conf", "65536", None),
    ],
)
def test_comment_default(comment: str, value: str, default: str | None) -> None:
    line = ConfigLine("setting", value, comment, f"setting {value}  # {comment}", 1)
    assert comment_default(line) == default


def test_config_lines_read_names_and_values() -> None:
    text = (
        "# N\n\n## A\n\n```haproxy\ntimeout connect 5s   # default none\n"
        "gzip_types text/css application/json;  # text/html is always compressed\n```\n\n"
        "```yaml\nspec:\n  template:\n    replicas: 3   # default 1\n  paused: true  # x\n```\n\n"
        "```toml\n[server]\nworkers = 8  # default 4\n```\n\n"
        "```\nsysctl net.core.somaxconn=4096  # default 128\nulimit -n 65536  # default 1024\n"
        "kubectl get pods  # default kube-system\nworkers 4  # default 1\n```\n"
    )
    doc = parse_document(text, "n.md")
    read = [(c.name, c.value) for b in doc.content for c in config_lines(b)]
    assert read == [
        ("timeout connect", "5s"),
        ("template.replicas", "3"),
        ("spec.paused", "true"),
        ("server.workers", "8"),
        ("workers", "4"),
    ], read


def test_both_notes_read_whole() -> None:
    """Every section with a commented default gets a question (the point of the change)."""
    for name in (EN, ZH):
        text = notes_text(name)
        headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
        topics = {q.topic for q in asked(name)}
        assert set(headings) <= topics, (name, set(headings) - topics)


def test_options_stay_within_a_range_the_line_states() -> None:
    """ "# 1-9, default 1": no 0 beside it; the range's own end asked ("3 到 ___ 个字符") keeps
    its near misses."""
    from questions.distractors import stated_range
    from questions.values import numbers_in

    line = "gzip_comp_level 5; # 1-9, default 1"
    (key,) = [n for n in numbers_in(line) if n.text == "1" and n.start > 25]
    assert stated_range(line, key) == (1.0, 9.0)
    bound = "存储桶名称长度 3 到 63 个字符"
    assert stated_range(bound, numbers_in(bound)[1]) is None
    for prompt, choices, key_text in keyed(EN):
        if "gzip_comp_level" in prompt:
            assert key_text == "1" and all(1 <= float(c) <= 9 for c in choices), choices
            break
    else:
        raise AssertionError("gzip_comp_level's default is not asked")

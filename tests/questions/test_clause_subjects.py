"""A clause of a line that states several facts keeps its own subject (issue #13, "wrong or
lost subject"): the setting its own sentence names before it, else the subject of the sentence
before it in the same line or paragraph, never the line's first setting when its own sentence
names another. On notes written here (Memcached in Chinese, RabbitMQ in English, a paragraph
whose second sentence defines) and small inline notes."""

from __future__ import annotations

from pathlib import Path

from questions.facts.clause_subjects import nearest, opens_with_setting, proper_name, said_before
from questions.facts.definitions import first_sentence
from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes"
SUBJECTS = "cache-queue-subjects.md"


def prompts(name: str, text: str | None = None) -> list[str]:
    body = text if text is not None else (NOTES / name).read_text(encoding="utf-8")
    return [q.prompt for _, q in generate_document(name, body).chosen]


def number_contexts(text: str) -> dict[str, str]:
    facts = generate_document("t.md", text).facts
    return {f.span: f.context for f in facts if f.kind == "number"}


def test_a_clause_takes_the_setting_its_own_sentence_names() -> None:
    asked = prompts(SUBJECTS)
    # "-c 默认 1024，…。-R 默认 20，每个连接每次最多处理 20 个请求": about -R, not the section
    assert "填空：-R：每个连接每次最多处理 ___ 个请求" in asked, asked
    # "prefetch_count defaults to 0 …. consumer_timeout defaults to 30 minutes, and a delivery
    # held for 30 minutes closes the channel": about consumer_timeout
    assert "Fill in the blank: consumer_timeout: a delivery held for ___ closes the channel" in (
        asked
    ), asked
    assert not any("prefetch_count" in p and "delivery" in p for p in asked), asked


def test_the_second_setting_of_a_line_is_never_labelled_with_the_first() -> None:
    notes = (
        "# R\n\n## 配置\n\n- maxmemory 默认 0，表示不限制。hz 默认 10，每秒执行 10 次后台任务\n"
        "- timeout 默认 300 秒\n- databases 默认 16\n"
    )
    assert number_contexts(notes)["10"] == "hz"
    notes = (
        "# Q\n\n## Limits\n\n- heartbeat: defaults to 60 seconds. frame_max defaults to 4096 "
        "bytes, and a frame over 4096 bytes is refused\n"
    )
    assert number_contexts(notes)["4096 bytes"] == "frame_max"
    # "heartbeat: defaults to 60 seconds." gives a default, no meaning: no definition of it
    facts = generate_document("t.md", notes).facts
    assert not [f for f in facts if f.kind == "definition" and f.subject == "heartbeat"]
    described = notes.replace("defaults to 60 seconds", "how often the peer is probed, every 60 s")
    facts = generate_document("t.md", described).facts
    (heartbeat,) = [f for f in facts if f.kind == "definition"]
    assert "frame_max" not in heartbeat.value  # its description stops at the other setting


def test_a_sentence_that_names_none_takes_the_subject_of_the_sentence_before() -> None:
    notes = "# R\n\n## Limits\n\n- `-c` 默认 1024。表示最大并发连接数，超出 50 个就排队\n"
    assert number_contexts(notes)["50"] == "-c"
    # a pronoun's antecedent written in plain words: the sentence before leads the stem
    asked = prompts(SUBJECTS)
    assert (
        "Fill in the blank: The shovel plugin moves messages between brokers. "
        "It reconnects every ___ after a failure" in asked
    ), asked


def test_a_paragraphs_later_definition_keeps_what_the_sentence_before_named() -> None:
    r = generate_document(SUBJECTS, (NOTES / SUBJECTS).read_text(encoding="utf-8"))
    (mount,) = [f for f in r.facts if f.kind == "definition" and "directory" in f.value]
    assert mount.context == "Amazon ECS"


def test_the_pieces() -> None:
    sentence = "-c 默认 1024，表示最大并发连接数。-R 默认 20，每个连接每次最多处理 20 个请求"
    assert nearest(sentence, sentence.rindex("20"), ()) == "-R"
    assert nearest(sentence, sentence.index("1024"), ()) == "-c"
    assert said_before(["`maxmemory` 默认 0", "表示不限制"], 1, ("maxmemory",)) == "maxmemory"
    # a marked value is no subject: "TLS 1.3 只要 **1-RTT**"
    assert said_before(["TLS 1.3 只要 1-RTT", "会话恢复可以 0-RTT"], 1, ("1-RTT",)) == ""
    assert proper_name("Users can configure an AWS Lambda function to pull layers.") == (
        "AWS Lambda"
    )
    assert opens_with_setting("hz 默认 10，每秒执行 10 次后台任务")
    assert not opens_with_setting("每秒执行 10 次后台任务")
    # a definition's description stops before a sentence about a setting of its own
    assert (
        first_sentence("默认 0，表示不限制。hz 默认 10，每秒执行 10 次") == "默认 0，表示不限制。"
    )


def test_a_marked_term_takes_the_setting_its_own_sentence_names() -> None:
    notes = (
        "# R\n\n## Memory\n\n- lazyfree = frees big keys in a background thread. activedefrag "
        "moves values to **compact** memory\n- maxmemory = the memory cap. over it keys are "
        "**evicted**\n"
    )
    facts = generate_document("t.md", notes).facts
    about = {f.span: f.context for f in facts if f.kind == "term"}
    assert about["compact"] != "lazyfree"  # its sentence names activedefrag, and says so
    assert about["evicted"] == "maxmemory"  # "over it …" names none: the sentence before's


def test_a_chinese_sentence_opening_with_its_own_noun_is_not_read_under_the_setting_before() -> (
    None
):
    # a paragraph on one setting goes on to another topic: "缓冲区" is no part of `acks`
    notes = (
        "# MQ 笔记\n\n## 生产者\n\n`acks` 2.0 起默认 `all`，真正限制重试时长的是 "
        "`delivery.timeout.ms`（2 分钟）。缓冲区（64 MB）满了 `send()` 会阻塞。检查频率 "
        "`flush.check.ms` 默认 300000。\n\n`linger.ms` 默认 5 ms。\n"
    )
    contexts = number_contexts(notes)
    assert contexts["64 MB"] == "", contexts
    assert contexts["300000"] != "acks", contexts
    asked = prompts("t.md", notes)
    assert any(p.endswith("缓冲区（___）满了 send() 会阻塞。") for p in asked), asked
    assert not any("acks" in p and "缓冲区" in p for p in asked), asked


def test_a_line_under_a_label_or_a_parent_item_keeps_its_subject_past_a_noun() -> None:
    # "umask：…。文件基数 666": the label is what the whole line is about
    labelled = "# L\n\n## 权限\n\numask：默认权限的掩码。文件基数 666，目录基数 777。\n"
    assert number_contexts(labelled)["666"] == "umask"
    # a nested item's sentences go on about its parent item
    nested = "# L\n\n## 缓存\n\n- `maxmemory`\n  - 默认 0 表示不限。内存上限 512 MB 时开始淘汰\n"
    assert number_contexts(nested)["512 MB"] == "maxmemory"


def test_a_sentence_opening_with_a_release_is_not_read_under_the_setting_before() -> None:
    notes = (
        "# MQ\n\n## 消费组\n\n减少 rebalance：设 `group.instance.id` 开启静态成员，重启后在 "
        "`session.timeout.ms` 内回来就不触发 rebalance。3.7 中新协议 KIP-848 预览，分配逻辑挪到 "
        "broker 端。2.4 起默认 `CooperativeSticky` 之外还可选 Range。\n"
    )
    contexts = number_contexts(notes)
    assert contexts["3.7"] != "group.instance.id", contexts


def test_a_later_clause_that_gives_its_own_setting_a_value_is_about_that_setting() -> None:
    notes = (
        "# MQ\n\n## 限制\n\n- `message.max.bytes` 默认 1048588（约 1 MB），超过要同时调大 topic 的 "
        "`max.message.bytes` 和副本同步用的 `replica.fetch.max.bytes`，否则大消息会卡住同步；"
        "consumer `max.partition.fetch.bytes` 默认 2 MB，`fetch.max.bytes` 默认 50 MB\n"
        "- translog `durability` 默认 `request`；改 `async` 则每 `sync_interval` **5s** 刷一次\n"
    )
    tried = [c.prompt for c in generate_document("t.md", notes).candidates]
    assert any(p.endswith("consumer max.partition.fetch.bytes 默认 ___") for p in tried), tried
    assert not [p for p in tried if "message.max.bytes：consumer" in p], tried
    # a clause that changes the line's own setting still goes on about it
    assert not [p for p in tried if p.startswith("填空：改 async")], tried


def test_a_capitalised_label_asked_for_its_default_says_whose_it_is() -> None:
    notes = (
        "# Serverless\n\n## Lambda\n\n- Limits (per function)\n  - Timeout: default **3 s**, "
        "max **900 s**\n  - Memory: 128 MB to 10,240 MB\n  - Env vars: 4 KB total\n"
    )
    asked = [f"{q.topic} · {q.prompt}" for _, q in generate_document("t.md", notes).chosen]
    # the card shows its section over it ("Question 3/10 · Lambda"): the stem need not
    assert "Lambda · What is the default value of Timeout?" in asked, asked


def test_a_cloze_keeps_the_words_that_ask_its_fact() -> None:
    notes = (
        "# Q\n\n## Lambda\n\n- Event source mapping polls SQS, Kinesis and DynamoDB Streams\n"
        "  - set queue visibility timeout ≥ 6× function timeout\n"
        "- SQS: long polling, delay queue and dead-letter queue are the queue features\n"
    )
    tried = [c.prompt for c in generate_document("t.md", notes).candidates]
    assert not [p for p in tried if p.rstrip().endswith("set queue ___")], tried


def test_a_bare_parent_label_says_what_its_items_are_of() -> None:
    notes = (
        "# API\n\n## Gateway\n\n- Stages\n  - stage variables act as env vars for a stage\n"
        "- Caching\n  - per stage, default TTL **300 s**, max 3600 s\n"
        "- Enabling\n  - Lambda: the daemon is built in, default port 2000\n"
        "- Kinesis Data Streams\n  - retention 24 h default, up to 365 days\n"
    )
    contexts = number_contexts(notes)
    assert contexts["300 s"] == "Caching", contexts
    assert contexts["24 h"] == "Kinesis Data Streams", contexts
    # a line that names its own subject is not said of an activity over it
    assert contexts["2000"] != "Enabling", contexts

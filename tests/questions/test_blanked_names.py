"""A description that writes its own term's name ("the fewest open connections" of Least
connections, "消费者" of Consumer prefetch) and cannot lose the words that do without losing
what singles the term out is asked with those words blanked (`cues.masked`), on notes written
here: a list of named methods, Chinese headings that carry a term and its gloss, and sections
whose one line describes the heading's service, with an aside naming what cannot do it."""

from __future__ import annotations

import re

import pytest

from questions.cues import MASK, MAX_MASKS, _noun_hole, masked, spliced
from questions.text import lemma
from tests.questions.own_notes import asked

_QUOTED = re.compile(r"“([^”]*)”")


def _by_key(name: str) -> dict[str, str]:
    return {q.choices[q.answer]: q.prompt for q in asked(name)}


def _name_words(key: str) -> set[str]:
    return {lemma(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", key)}


def test_a_method_whose_description_names_it_is_asked_with_the_name_blanked() -> None:
    """Cut, "Send each request to the server with the fewest open connections right now, which
    suits long uploads" would say the server suits long uploads; blanked, it keeps what singles
    the method out. A description that loses its naming words from its end (Weighted) or a
    clause before the rest (IP hash) is still cut."""
    prompts = _by_key("load-balancing-methods.md")
    least = prompts["Least connections"]
    assert f"fewest open {MASK} right now" in least and "connection" not in least.lower(), least
    assert MASK not in prompts["Weighted"] + prompts["IP hash"]
    for key in ("Least connections", "IP hash", "Weighted"):
        said = {lemma(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", prompts[key])}
        assert not said & _name_words(key), (key, prompts[key])


def test_a_chinese_gloss_that_translates_its_heading_is_asked_with_that_word_blanked() -> None:
    prompts = _by_key("mq-zh-headings.md")
    prefetch = prompts["Consumer prefetch"]
    assert "消费者" not in prefetch and f"每个{MASK}" in prefetch and "未确认消息" in prefetch
    # "基于 Raft 的多副本…，用来替代镜像…": 队列 blanked where it ends a clause and after 的
    # leaves holes, not gaps (a review read "过期以后必须先…，" as broken): not asked
    assert "Quorum queue" not in prompts


def test_an_aside_that_holds_the_name_goes_whole() -> None:
    """ "(a certificate baked into the image cannot do that)" names the answer: it goes, and the
    line keeps its own word blanked."""
    desc = ("renews TLS certificates of every load balancer on its own, months before they "
            "expire (a certificate baked into the image cannot do that)")  # fmt: skip
    said = masked(desc, "Certificate Manager", ["Message Broker", "Build Cache"])
    assert said == f"renews TLS {MASK} of every load balancer on its own, months before they expire"


def test_a_blank_where_the_object_noun_was_is_no_question() -> None:
    """ "renews the … of every load balancer": the sentence has a hole where its object was,
    which a review read as broken (as "rotate the … for RDS"), not a word left out; the
    platform notes' Certificate Manager line says nothing else that singles it out."""
    assert "Certificate Manager" not in _by_key("platform-services.md")
    desc = "renews the certificates of every load balancer on its own, months before they expire"
    assert masked(desc, "Certificate Manager", ["Message Broker", "Build Cache"]) is None


def test_blanked_descriptions_read_as_sentences() -> None:
    names = ("load-balancing-methods.md", "mq-zh-headings.md", "platform-services.md")
    blanked = [p for n in names for p in _by_key(n).values() if MASK in p]
    assert len(blanked) >= 3, blanked
    for p in blanked:
        body = next(iter(_QUOTED.findall(p)), p)
        assert not body.startswith(MASK) and body.count(MASK) <= MAX_MASKS, p
        assert not _noun_hole(body), p


def test_names_written_as_files_and_hints_are_never_blanked() -> None:
    # a file name is the thing's own name, not a word of its description
    assert masked("keeps results per file hash under .buildcache", "build cache", ["fetch"]) is None
    # nothing names the answer: nothing to blank
    assert masked("hands each request to the next server", "Round robin", ["IP hash"]) is None
    # three different words to blank: the description no longer reads
    two = "keeps the worker threads in one pool next to the job queue of the service"
    assert masked(two, "Shared worker pool", ["Queue", "Job runner"]) == (
        f"keeps the {MASK} threads in one {MASK} next to the job queue of the service"
    )
    three = two.replace("the worker", "the shared worker")
    assert masked(three, "Shared worker pool", ["Queue", "Job runner"]) is None


def test_a_cut_from_inside_a_sentence_is_spliced() -> None:
    desc = "Send each request to the server with the fewest open jobs, which suits long uploads."
    assert spliced(desc, "Send each request to the server, which suits long uploads")
    assert not spliced(desc, "Send each request to the server with the fewest open jobs")
    two = "Copies every block twice (slow). Reads come from either copy."
    assert not spliced(two, "Reads come from either copy")
    assert not spliced(two, "Copies every block twice")


def test_half_a_chinese_word_is_never_blanked() -> None:
    """用户 inside "用户库" blanked leaves "中的…库": a hole in a word, not a gap in a sentence.
    Where the name is a word of its own (消费者, 同步) the gap reads and stays."""
    assert (
        masked("存放用户目录的账号库，支持单点登录和多因素认证", "user directory", ["group policy"])
        is None
    )
    assert masked("Kafka 中的用户库，支持多租户, ACL 和用户配额", "user pool", ["ACL"]) is None
    kept = masked(
        "限制每个消费者手上未确认消息的条数", "Consumer prefetch", ["Lazy queue", "Quorum queue"]
    )
    assert kept == f"限制每个{MASK}手上未确认消息的条数"
    # ...but a gap that ends the clause is a hole: what the data of the devices does is gone
    assert masked("不同终端的用户数据同步", "Cognito sync", ["user pool"]) is None


def test_a_plural_noun_after_the_noun_it_heads_is_never_blanked() -> None:
    """ "before the app containers start" of init containers would read "before the app …
    start": a hole in a name. After an adjective ("fewest open connections") or a number
    ("after four retries") the gap still reads."""
    app = "run one after another, each one must finish before the app containers start"
    assert masked(app, "init containers", ["sidecar", "adapter", "ambassador"]) is None
    build = "run one after another, each one has to pass before the build steps start"
    assert masked(build, "setup steps", ["stub", "collector", "helper"]) is None
    fewest = "Send each request to the server with the fewest open connections right now"
    assert masked(fewest, "Least connections", ["Round robin", "IP hash"]) is not None


@pytest.mark.parametrize(
    ("text", "hole"),
    [
        ("can easily rotate the … for RDS and dynamodb regularly", True),
        ("Deploy the new version in …, but first launch a new … of instances", True),
        ("once a pod is selected by a … only the allowed traffic gets through", True),
        ("the container shares the …'s network stack", True),
        ("runs a … inside the node and reads its exit code", True),
        ("opens a TCP connection to the … and closes it", True),
        ("creates the upstream branch on the first …", True),
        # a modifier or a verb blanked: the noun phrase keeps its head
        ("keeps the … threads in one pool next to the job queue", False),
        ("a fresh group of instances and temporarily … between the existing version", False),
        ("delivering real-time streaming … to destinations such as S3", False),
        ("Send each request to the server with the fewest open … right now", False),
        # Chinese: a gap that ends its clause, or that 的 binds to a noun
        ("不同终端的用户数据…", True),
        ("过期以后必须先…，不能直接用过期的副本", True),
        ("查看容器写到标准输出的…", True),
        ("容器直接使用…的网络栈，没有端口映射", True),
        ("限制每个…手上未确认消息的条数", False),
        ("每个连接…尝试认证的次数", False),
    ],
)
def test_a_noun_hole_is_a_gap_a_determiner_or_preposition_opens_and_a_stop_closes(
    text: str, hole: bool
) -> None:
    assert _noun_hole(text) is hole


def test_gaps_side_by_side_or_two_among_few_words_do_not_read() -> None:
    """AZ-900 review: "managed … … without running DCs" and "browser …, Bash or …,
    authenticated already" were read as broken: two gaps with nothing between are a hole, and a
    second gap needs more words around it to still read."""
    wrong = ["Azure Advisor", "Azure portal", "Azure Service Health"]
    two = masked("browser shell, Bash or PowerShell, authenticated already", "Azure Cloud Shell",
                 wrong)  # fmt: skip
    assert two is None, two
    wrong = ["External identities", "SSO", "Conditional Access"]
    one = masked("managed domain services (domain join, LDAP) without running DCs",
                 "Entra Domain Services", wrong)  # fmt: skip
    assert one is None, one

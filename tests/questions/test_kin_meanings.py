"""A term asked by its meaning among its kin's ("Which description fits Immutable?") when asking
which term a description names fails: the description means what the name says (a give-away in
that direction, not in this one), or the term has no list of its own to be confused with. Judged
in this direction by the term's own words only."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.kin_meanings import _agreeing
from questions.reverse_cues import term_named
from questions.text import norm

RELEASES = """# Release notes

## Release strategies

**Release strategy**

- **Canary** – Send a small share of the users to the new build first and watch its error rate.
- **Big bang** – Switch every user to the new build in one step at a planned time.
- **Immutable** – Start the new build on fresh servers by doing an immutable release.
- **Shadow** – Copy live requests to the new build without returning its answers to anyone.
"""

RELEASES_ZH = """# 发布笔记

## 发布策略

- **Rolling**：逐渐用新实例替换旧实例，不会停机
- **Recreate**：先停掉全部旧实例，再启动新实例，中间会停机
- **Blue/green**：新旧两套环境同时存在，切换流量后再下线旧环境
- **Canary**：先把一小部分用户的流量切到新版本，观察错误率
"""

STRATEGIES = """# Deploy notes

## Update strategies

- **RollingUpdate** – gradually swaps old pods for new ones, keeping the service up
- **Recreate** – stops every old pod before any new pod starts, so there is downtime
- **Blue/green** – runs the new version beside the old one and switches traffic in one go
- **Canary** – sends a small slice of traffic to the new version first
"""

#: topics of their own, one heading each: a heading's kin are the other headings
SERVICES = """# Database ops

## Autovacuum

cleans dead rows from busy tables in the background

## Bouncer

pools client connections in front of the server

## Archiver

copies finished WAL segments to long-term storage

## Planner

picks the cheapest plan for every incoming query
"""


def _asked(notes: str, subject: str) -> list[tuple[str, tuple[str, ...], int, str]]:
    r = generate_document("t.md", notes)
    return [
        (c.prompt, c.options, c.answer, c.fact.id) for c, _ in r.chosen if c.fact.subject == subject
    ]


def _fact_id(notes: str, subject: str) -> str:
    r = generate_document("t.md", notes)
    return next(f.id for f in r.facts if f.subject == subject and f.kind == "definition")


def _one_meaning(notes: str, subject: str) -> tuple[str, tuple[str, ...], int]:
    asked = _asked(notes, subject)
    assert len(asked) == 1, asked
    prompt, options, answer, fact = asked[0]
    assert fact == _fact_id(notes, subject)  # one fact, whichever way it is asked
    keys = [norm(o) for o in options]
    assert len(options) >= 3 and len(set(keys)) == len(keys)
    assert not any("___" in o for o in options)
    assert not any(a != b and a in b for a in keys for b in keys), options
    return prompt, options, answer


def test_a_description_that_means_its_name_is_asked_from_the_term() -> None:
    """ "fresh servers" means Immutable: quoted, it gives the strategy away; offered beside the
    other strategies' descriptions, it is what the question asks the player to know. The
    phrase that writes the name ("an immutable release") is cut from the key."""
    prompt, options, answer = _one_meaning(RELEASES, "Immutable")
    assert prompt == "Which description fits the release strategy Immutable?"
    assert options[answer] == "Start the new build on fresh servers"
    assert not any("immutable" in o.casefold() for o in options)
    assert {o for i, o in enumerate(options) if i != answer} <= {
        "Send a small share of the users to the new build first and watch its error rate",
        "Switch every user to the new build in one step at a planned time",
        "Copy live requests to the new build without returning its answers to anyone",
    }


def test_a_chinese_description_that_means_its_name_is_asked_from_the_term() -> None:
    """逐渐 ("gradually") means Rolling: asked from the term, the key is the whole line."""
    prompt, options, answer = _one_meaning(RELEASES_ZH, "Rolling")
    assert prompt == "哪一项描述的是 Rolling？"
    assert options[answer] == "逐渐用新实例替换旧实例，不会停机"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in o) for o in options)


def test_a_description_opening_with_an_adverb_reads_as_a_verb() -> None:
    """ "gradually swaps …" means RollingUpdate and opens as "runs …" and "sends …" do: a verb
    after its adverb, offered beside the other strategies' verbs."""
    prompt, options, answer = _one_meaning(STRATEGIES, "RollingUpdate")
    assert prompt == "Which description fits the update strategy RollingUpdate?"
    assert options[answer] == "gradually swaps old pods for new ones, keeping the service up"
    assert len(options) == 4


def test_a_heading_is_asked_among_the_other_headings_descriptions() -> None:
    """ "cleans" means vacuum: the heading Autovacuum is asked by its meaning, the wrong
    options what the notes' other topics do."""
    prompt, options, answer = _one_meaning(SERVICES, "Autovacuum")
    assert prompt == "Which description fits Autovacuum?"
    assert options[answer] == "cleans dead rows from busy tables in the background"
    others = {
        "pools client connections in front of the server",
        "copies finished WAL segments to long-term storage",
        "picks the cheapest plan for every incoming query",
    }
    assert {o for i, o in enumerate(options) if i != answer} <= others


def test_a_list_item_takes_no_kin_from_another_list() -> None:
    """An item of a list of flags is no kin of a topic heading: with no like term to offer,
    the flag is not asked by its meaning."""
    notes = SERVICES + (
        "\n## Flags\n\n- `--cleanup`: clean the whole cluster before the restore starts\n"
        "- `--jobs`: restore with several workers at the same time\n"
    )
    r = generate_document("t.md", notes)
    meanings = [c for c, _ in r.chosen if c.style == "meaning"]
    assert [c.fact.subject for c in meanings] == ["Autovacuum"]


def test_the_terms_own_words_in_the_key_alone_give_it_away() -> None:
    """In this direction only the term's own words (their lemmas, numbers, translations) give
    the key away, never a word that merely means the name."""
    wrong = ["Deploy the new version in batches", "Deploy the new version to a fresh group"]
    key = "Deploy the new version to all instances simultaneously"
    assert term_named("Which description fits All at once?", key, wrong, "All at once") == "all"
    assert term_named("Which description fits */15 * * * *?", "every 15 minutes",
                      ["every day at 02:00", "midnight on the 1st"]) == "15"  # fmt: skip
    assert term_named("哪一项描述的是 Cognito sync？", "不同终端的用户数据同步",
                      ["用户库，支持第三方登录", "自动检查安全漏洞的服务"]) is not None  # fmt: skip
    assert term_named("Which description fits PEXPIRE key ms?", "sets the time to live in "
                      "milliseconds", ["sets a time to live on a key", "removes the expiry"],
                      "PEXPIRE key ms") == "unit:ms"  # fmt: skip
    fresh = "Deploy the new version to a fresh group of instances"
    assert term_named("Which description fits Immutable?", fresh, wrong, "Immutable") is None


def test_options_open_alike() -> None:
    """A wrong option is offered only when it opens as the key does, made to agree when both
    open with a verb: a noun phrase beside noun phrases with or without an article, never a
    verb beside a noun phrase ("stable virtual IP" is no verb "stables")."""
    assert _agreeing("represents one write", "vb") == "represent one write"
    assert _agreeing("runs pods until they finish", "vbz") == "runs pods until they finish"
    assert _agreeing("memory each sort step may use", "np") == "memory each sort step may use"
    assert _agreeing("stable virtual IP in front of pods", "np") is not None
    assert _agreeing("stable virtual IP in front of pods", "vbz") is None
    assert _agreeing("a .zip archive of libraries", "vbz") is None
    assert _agreeing("can be used to grant access", "np") is None

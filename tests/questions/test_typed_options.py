"""Every option of the key's kind, and no coin tosses or extremes a test-wise player reads:

- an address, a network, a port with its protocol, a flag, a path or a number is never offered
  beside a name (and the other way round), whatever else the notes give;
- a thing's own API ("MessageBird API" where MessageBird has a section) is no kind of API beside
  "REST API"; a kind named by a common noun ("Retention policy") is offered beside the notes'
  other such kinds, never beside product names;
- a comparison of two sides takes like names the notes write beside them, so it is no 50/50;
- the key of a numeric question is not mostly the largest or the smallest option.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from questions.distractors import acceptable, patterned
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse import parse_document
from questions.values import hard_kind, network_kind, parse_number, shape

NOTES = Path(__file__).parent / "notes"
DEV = Path("/work/shared/quality/notes")


def _chosen(name: str) -> list[tuple[str, list[str], int]]:
    text = (NOTES / name).read_text(encoding="utf-8")
    return [(q.prompt, list(q.choices), q.answer) for _, q in generate_document(name, text).chosen]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("172.17.0.1", "ip"),
        ("0.0.0.0", "ip"),
        ("fe80::1", "ip"),
        ("10.66.0.0/24", "cidr"),
        ("2001:db8::/32", "cidr"),
        ("51820/udp", "portproto"),
        ("/udp", "portproto"),
        ("docker0", ""),
        ("1.27", ""),
        ("10:30", ""),
    ],
)
def test_addresses_networks_and_ports_have_a_kind_of_their_own(text: str, kind: str) -> None:
    assert network_kind(text) == kind
    if kind:
        assert shape(text) == kind


def test_an_address_is_no_option_for_a_name() -> None:
    assert not acceptable("172.17.0.1", "docker0", [])
    assert not acceptable("172.17.0.0/16", "docker0", [])
    assert not acceptable("/udp", "ufw", [])
    assert not acceptable("0.0.0.0", "ufw", [])
    assert not acceptable("2000", "REST API", [])
    assert not acceptable("--force", "git push", [])
    assert acceptable("wg0", "docker0", [])
    assert acceptable("10.0.0.1", "172.17.0.1", [])


def test_every_option_of_a_network_notes_question_is_of_the_keys_kind() -> None:
    chosen = _chosen("edge-network.md")
    interfaces = [c for c in chosen if c[1][c[2]] in ("vmbr0", "wg0", "enp3s0", "tap")]
    assert interfaces, [c[0] for c in chosen]
    for prompt, choices, answer in chosen:
        kinds = {hard_kind(c) for c in choices}
        assert kinds == {hard_kind(choices[answer])}, (prompt, choices)


def test_a_things_own_api_is_no_kind_of_api() -> None:
    text = (NOTES / "edge-network.md").read_text(encoding="utf-8")
    facts = extract(parse_document(text, "edge-network.md"))
    named = [f for f in facts if f.role == "named"]
    assert {f.subject for f in named} == {"GraphQL API", "REST API"}
    assert all("MessageBird API" not in f.siblings for f in named)
    for _, choices, _ in _chosen("edge-network.md"):
        assert "MessageBird API" not in choices


def test_a_kind_named_by_a_noun_is_offered_beside_its_kind_only() -> None:
    chosen = _chosen("gcp-services.md")
    asked = [c for c in chosen if c[1][c[2]] == "Retention policy"]
    assert asked, [c[0] for c in chosen]
    for _, choices, _ in asked:
        assert all(c.endswith("policy") for c in choices), choices


def test_a_comparison_of_two_takes_like_names_the_notes_write_beside_them() -> None:
    chosen = _chosen("kv-stores.md")
    sides = {"Memcached", "Redis"}
    compared = [c for c in chosen if c[1][c[2]] in sides]
    assert compared, [c[0] for c in chosen]
    for prompt, choices, _ in compared:
        assert len(choices) >= 3, (prompt, choices)
        assert "Memcached / Redis" not in prompt, prompt
        assert sides <= set(choices), choices


def test_a_ladder_of_sizes_is_no_pattern_but_a_lone_far_key_is() -> None:
    assert not patterned(64, [8, 16, 32])
    assert patterned(412, [403, 404, 405])


def _numeric_ranks(texts: list[tuple[str, str]]) -> Counter[str]:
    """Where the key sits among the options of every numeric question: max, min or middle."""
    ranks: Counter[str] = Counter()
    for name, text in texts:
        for _, q in generate_document(name, text).chosen:
            nums = [parse_number(c) for c in q.choices]
            if q.kind != "choice" or len(q.choices) < 3 or any(n is None for n in nums):
                continue
            values = [n.value for n in nums if n is not None]
            key = values[q.answer]
            ranks["max" if key == max(values) else "min" if key == min(values) else "mid"] += 1
    return ranks


def test_the_numeric_key_is_not_mostly_an_extreme_option() -> None:
    names = ["edge-network.md", "kafka-ops.md", "nginx-tuning.md", "systemd-units.md",
             "cache-queue-subjects.md", "postgresql-ops.md", "http-networking-zh.md",
             "kubernetes-ckad.md", "kv-stores.md"]  # fmt: skip
    texts = [(n, (NOTES / n).read_text(encoding="utf-8")) for n in names]
    texts += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.md"))]
    ranks = _numeric_ranks(texts)
    total = sum(ranks.values())
    assert total >= 40, ranks
    assert ranks["max"] <= 0.4 * total, ranks
    assert ranks["min"] <= 0.4 * total, ranks
    # the key sits at either end often enough that "the middle one" is no rule either
    assert ranks["max"] + ranks["min"] >= 0.3 * total, ranks

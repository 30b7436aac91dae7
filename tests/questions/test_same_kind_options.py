"""Wrong options of the answer's own kind (blind review 10): a list's lead-in that counts its
members is no member ("Three kinds of roles" beside a principle), the one name written in the
other case stands out ("sidecar" beside Pod, ReplicaSet, Job), and an option the stem itself
rules out ("HTTPS" after "Non-HTTP") leaves a coin toss. Notes written here on other subjects."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.distractors import acceptable, lone_case, off_kind, ruled_out
from questions.generate import generate_document

GARDEN = """# Garden notes

## Soil

- Soil structure: sand > silt > clay, by grain size
  - Water drains fastest through sand
- Four kinds of compost:
  - **Hot** compost reaches 60 C and kills weed seeds
  - **Cold** compost is left alone for a year
- Crop rotation: never plant the same family in one bed two years running
- Green manure is a cover crop dug in before it flowers
- A hedge shelters the beds from the wind
  - Shrubs: Box, Yew, Privet, Hawthorn and Holly
"""


def _options(text: str, answer: str) -> list[tuple[str, ...]]:
    chosen = [q for _, q in generate_document("t.md", text).chosen]
    return [q.choices for q in chosen if q.choices[q.answer] == answer]


def test_a_lead_in_that_counts_its_members_is_no_option() -> None:
    """ "Four kinds of compost:" heads a nested list; beside "Crop rotation" it is a heading
    fragment, not another gardening practice."""
    assert off_kind("Four kinds of compost", "Crop rotation")
    assert off_kind("two modes", "Autopilot")
    assert not off_kind("Four kinds of compost", "Three kinds of roles")
    assert not off_kind("Soil structure", "Crop rotation")
    assert not acceptable("Four kinds of compost", "Crop rotation", [], sibling=True)
    asked = _options(GARDEN, "Crop rotation")
    assert asked, "the rotation rule is still asked"
    assert all("Four kinds of compost" not in opts for opts in asked)


def test_a_one_word_name_is_offered_beside_one_word_names_only() -> None:
    """ "Shrubs" beside "Soil structure" and "Crop rotation" of its section: phrases of another
    kind, however near in the notes."""
    for opts in _options(GARDEN, "Shrubs"):
        assert not {"Soil structure", "Crop rotation", "Green manure"} & set(opts)


def test_the_one_name_in_the_other_case_is_struck() -> None:
    assert lone_case("Pod", ["ReplicaSet", "sidecar", "Job"]) == "sidecar"
    assert lone_case("sidecar", ["ambassador", "adapter"]) is None
    assert lone_case("OOMKilled", ["throttled", "evicted"]) is None  # the key is the odd one
    assert lone_case("Pod", ["ReplicaSet", "Job"]) is None
    assert lone_case("Pod", ["Replica set", "sidecar"]) is None  # two words: no one-word case


def test_an_option_the_stem_rules_out_is_not_offered() -> None:
    stem = "Non-HTTP ___ that needs global reach goes to the proxy load balancer"
    assert ruled_out("HTTPS traffic", stem)
    assert not ruled_out("UDP traffic", stem)
    assert ruled_out("TLS offload", "works without TLS; ___ handles the rest")
    assert ruled_out("SMTP", "非 SMTP 的 ___ 流量")
    assert not ruled_out("no-cache", "regional, not a proxy")  # "a" is no word to rule out
    assert not acceptable("HTTPS traffic", "TCP traffic", [], avoid=stem, sibling=True)
    assert acceptable("UDP traffic", "TCP traffic", [], avoid=stem, sibling=True)


def _question(text: str, words: str) -> BankQuestion | None:
    chosen = [q for _, q in generate_document("t.md", text).chosen]
    return next((q for q in chosen if words in q.prompt), None)


def test_generated_options_follow_the_rules() -> None:
    notes = """# Fleet

## Vehicles

- **Van** = carries parcels inside the city
- **Lorry** = carries pallets between depots
- **Trailer** = is pulled by a lorry, never drives itself
- **scooter** = delivers letters in the old town
- **Tram** = runs on rails along the main street
"""
    q = _question(notes, "carries pallets")
    assert q is not None
    assert "scooter" not in q.choices
    assert len(q.choices) >= 3


OFFICE = """# Office network notes

## DNS

- Office names resolve through the resolver at 10.0.0.2

## NTP

- Every printer syncs its clock from the router

## LAN

- One flat network for the whole floor, split into two segments

## Wi-Fi

- Guest Wi-Fi: a separate network for visitors, isolated inside the LAN
- Staff Wi-Fi uses WPA3 with one key per person
"""


def test_a_topic_blanked_after_an_article_takes_topics_written_so() -> None:
    """ "isolated inside the ___": DNS and NTP are never "the DNS" in these notes, so they name
    no place a network sits in; with no other topic written so, nothing is asked."""
    for _, q in generate_document("t.md", OFFICE).chosen:
        assert not ({"DNS", "NTP"} & set(q.choices) and "LAN" in q.choices), q.prompt

"""Options of the key's kind among settings (review 8, class 3): a setting's value is never
offered beside the setting it is a value of, nor beside an internal `__name`; a setting whose
name ends in a unit (`.ms`, `Seconds`, `.bytes`) or whose notes give it a value of one kind is
offered only beside settings of that kind (a timeout beside timeouts, never a size)."""

from __future__ import annotations

from questions.distractors import Pool
from questions.generate import generate_document

LOADER = """# Tile server notes

## Cache

- Tiles are indexed in the internal table `__tile_index` (64 shards by default).
- Cache settings:
  - `cache.fill.mode`: `lazy` by default; `eager` renders every tile of a layer at start-up; `sampled` renders one tile in ten; `pinned` renders only the layers on the pin list.
  - `cache.max.bytes`: 536870912 (512 MiB); the least recently used tiles go first.
  - `cache.flush.interval.ms`: 30000 ms between writes of the index to disk.
  - `render.timeout.ms`: 5000 ms before a tile request fails with an error tile.
  - `render.queue.bytes`: 16777216 (16 MiB) of pending requests at most.
  - `render.retry.ms`: 200 ms of back-off before a failed tile is drawn again.

## Connections

- A client that sends nothing is disconnected after `conn.idle.timeout.ms` passes without traffic.
"""


def test_a_value_is_never_of_the_kind_of_its_setting_or_an_internal_name() -> None:
    r = generate_document("t.md", LOADER)
    pool = Pool(r.doc, r.facts)
    fact = next(f for f in r.facts if f.subject == "eager")
    assert pool.same_kind("eager", "sampled", fact)
    assert not pool.same_kind("eager", "cache.fill.mode", fact)
    assert not pool.same_kind("eager", "__tile_index", fact)
    for c in r.candidates:
        if c.answer_text in ("eager", "sampled", "pinned"):
            assert not {"cache.fill.mode", "__tile_index"} & set(c.options), c.options


def test_a_timeout_setting_is_offered_beside_timeouts_only() -> None:
    r = generate_document("t.md", LOADER)
    asked = [c for c in r.candidates if c.answer_text.strip("`") == "conn.idle.timeout.ms"]
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert not [o for o in c.options if o.strip("`").endswith(".bytes")], c.options


def test_a_timeout_is_described_only_beside_other_timeouts_descriptions() -> None:
    r = generate_document("t.md", LOADER)
    asked = [c for c in r.candidates if c.style == "forward" and c.fact.subject.endswith(".ms")]
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert not [o for o in c.options if "MiB" in o], (c.prompt, c.options)

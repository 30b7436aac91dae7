"""Two-option questions that common sense settles (review 8, class 2): a comparison table's
rows are asked at most twice (as statements pairing its sides with the rows' values), rows that only say whether a side has
a feature ("yes" / "no") last, since the side with more features is the guess; and a pair of
outcomes the notes contrast in one line ("-> gets **throttled** … -> is **OOMKilled**") is
asked beside the section's other outcomes, not as a coin toss."""

from __future__ import annotations

from questions.generate import generate_document
from questions.tables import polarity

SYNC = """# File sync tools

## rsync vs rclone

| | rsync | rclone |
|---|---|---|
| resumable transfers | yes, with --partial | no |
| delta algorithm | rolling checksum over blocks of each changed file | whole files only, compared by size and modification time |
| remote targets | another host over ssh or the rsync daemon | object stores such as S3, GCS and dozens of cloud drives |
| config | command-line flags on every run | an interactive wizard writing rclone.conf with named remotes |
| windows support | via cygwin or WSL only | native binaries for every platform |
"""

QUOTA = """# Upload gateway

## Limits

- **quota** = the bytes a tenant may keep stored
- disk above the quota -> the upload gets **refused** (nothing stored). too many requests -> the client is **blocked** (status 429)
- idle sessions -> dropped after ten minutes, the client has to log in again
- malformed archives -> quarantined for a day before deletion
"""


def test_a_comparison_is_asked_in_two_rows_at_most_yes_no_rows_last() -> None:
    r = generate_document("t.md", SYNC)
    # asked as statements pairing rsync and rclone with the rows' values, never a coin toss
    sided = [c for c, q in r.chosen if c.fact.table is not None and c.fact.table.transposed]
    assert 1 <= len(sided) <= 2, [c.prompt for c in sided]
    assert all(len(c.options) >= 3 for c in sided), [c.options for c in sided]
    for c in sided:
        t = c.fact.table
        assert t is not None
        assert all(polarity(cell) is None for cell in t.column(c.fact.column)), c.prompt


def test_a_contrasted_pair_of_outcomes_takes_the_sections_other_outcomes() -> None:
    r = generate_document("t.md", QUOTA)
    asked = [c for c in r.candidates if c.answer_text in ("refused", "blocked")]
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert len(c.options) >= 3, c.options
        assert {"dropped", "quarantined"} & set(c.options), c.options

"""Two review findings on container-security notes (session 27): a lead that says what to do
with its list ("ports to remember") names no thing, so "which of these has this property" is
never asked with it as the key or an option, and one label with nested lines beside a single
inline label is a coin toss between two lines, not a set to choose from; a number that says
what a slip cost the writer ("lost 5 min on this", "~7% gone") is no fact to recall. The notes
are written for this test (a Vault and a Nomad cheat sheet)."""

from __future__ import annotations

from questions.generate import generate_document

VAULT = """# Vault

## Operations

- ports to remember:
  - API **8200**
  - cluster traffic **8201**
- unseal: needs 3 of 5 key shares by default
- audit devices: file, syslog, socket
- Transit engine
  - encrypts data in flight, never stores it
  - key rotation does not re-encrypt old ciphertext
- PKI engine: issues short-lived certificates
"""

NOMAD = """# Nomad

## Mistakes I made on the practice test

1. forgot `-detach` and the terminal hung, lost 5 min on this.
2. ran `nomad job run` without `-check-index`, ~7% gone.
3. edited the job file on the wrong node, spent 10 min waiting for an allocation.
4. the default `max_parallel` of an update stanza is 1, not 0.
"""


def test_a_study_lead_and_a_lone_label_pair_ask_nothing() -> None:
    r = generate_document("v.md", VAULT)
    for c in r.candidates:
        assert "ports to remember" not in c.options, (c.prompt, c.options)
        if c.answer_text == "Transit engine":
            assert len(c.options) >= 3, (c.prompt, c.options)


def test_what_a_slip_cost_the_writer_is_not_asked() -> None:
    r = generate_document("n.md", NOMAD)
    keys = {c.answer_text for c in r.candidates}
    assert not keys & {"5 min", "7%", "10 min"}, keys
    assert "1" in keys, keys  # the default the line states is still asked

"""Four shapes of a crammed cheat line, from unseen CISSP and Prometheus notes:
- a writer's tag before a term ("(bonus) Merkle-Hellman knapsack — broken …") is no part of
  its name;
- labels over the names they fit ("**errors propagate** → CBC, CFB. **no propagation** → OFB,
  CTR (ECB just that one block).") define nothing: "Which of these is described here: “OFB,
  CTR …”?" asked a label by a list of modes;
- a true/false statement keeps no label the writer files the line under ("cheat: …");
- what a command does ends where another marked name opens its own clause ("`by (a,b)` keeps
  only those labels, `without (a)` drops those")."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

CRYPTO = """# Crypto

## Asymmetric

- **RSA** — factoring, 2048-bit minimum today
- **ECC** — elliptic curve discrete log, small keys
- **ElGamal** — extension of DH, doubles ciphertext size
- (bonus) Merkle-Hellman knapsack — broken long ago, a classic wrong answer

## Modes

cheat: **errors propagate** → CBC, CFB. **no propagation** → OFB, CTR (ECB just that one block). **integrity built in** → GCM, CCM only.

- **ECB** — same block in, same block out; leaks patterns
- **CBC** — XOR with the previous ciphertext block; needs an IV
- **CTR** — turns a block cipher into a stream cipher; parallel
"""

PROMQL = """# PromQL

## Aggregation

- `sum by (job) (rate(x[5m]))` adds per job
- `by (a,b)` keeps only those labels, `without (a)` drops those and keeps the rest
- `topk(3, x)` returns the three largest series
- `count_values("v", x)` counts series per value

## Tools

```bash
promtool check rules rules.yml
promtool test rules tests.yml
```
"""


def test_a_writers_tag_is_no_part_of_a_term() -> None:
    subjects = {f.subject for f in extract(parse_document(CRYPTO, "c.md"))}
    assert "Merkle-Hellman knapsack" in subjects, subjects
    assert not any(s.startswith("(bonus)") for s in subjects), subjects


def test_labels_over_names_define_nothing() -> None:
    facts = extract(parse_document(CRYPTO, "c.md"))
    labels = {"errors propagate", "no propagation", "integrity built in"}
    assert not any(f.kind == "definition" and f.subject in labels for f in facts)
    bank, _ = generate_from_texts([("c.md", CRYPTO)], "c")
    assert not any("OFB, CTR" in q.prompt and "described" in q.prompt for q in bank.questions)
    assert not any("cheat:" in q.prompt for q in bank.questions), [q.prompt for q in bank.questions]


def test_a_command_does_what_its_own_clause_says() -> None:
    facts = extract(parse_document(PROMQL, "p.md"))
    by = [f for f in facts if f.kind == "command" and f.value == "by (a,b)"]
    assert by, [(f.kind, f.subject, f.value) for f in facts]
    assert by[0].subject == "keeps only those labels", by[0].subject


MEMORIZE = """# Crypto

## 7. MEMORIZE 🧠

- DH = key agreement only. ElGamal = doubles msg size. RSA = factoring. ECC/DH/ElGamal/DSA = discrete log
- **confusion** — hide relationship key↔ciphertext (substitution)
- **diffusion** — 1 plaintext bit change spreads across ciphertext (permutation)
- **one-time pad** — ≥ msg length, used once, physically protected
- **AH** — integrity + auth, no encryption
"""


def test_a_group_said_of_the_lines_own_terms_is_no_term() -> None:
    """ "ECC/DH/ElGamal/DSA = discrete log" beside "DH = …" holds DH and ElGamal: keyed by the
    group, they are right too; offered, it contains the key."""
    facts = extract(parse_document(MEMORIZE, "m.md"))
    assert not any("ECC/DH" in f.subject or "ECC/DH" in " ".join(f.siblings) for f in facts)


def test_a_study_heading_labels_no_stem() -> None:
    """ "MEMORIZE 🧠" says how to study the section, not what it is about."""
    bank, _ = generate_from_texts([("m.md", MEMORIZE)], "m")
    assert bank.questions
    assert not any("MEMORIZE" in q.prompt or "🧠" in q.prompt for q in bank.questions)


IPV6 = """# CCNA

## IPv6

basics: 128 bits, 8 hextets × 16 bits, hex. **no broadcast** (multicast instead).
typical: ISP gives site a /48 → 16 bits of subnet ID → 65,536 /64s.

- **link-local** — fe80::/10, never routed
- **ULA** — fc00::/7, private
- **GUA** — 2000::/3, publicly routable
"""


def test_a_filing_word_is_no_term_and_labels_no_statement() -> None:
    """ "basics:" and "typical:" file their lines: "Which description fits basics?" asked
    nothing; a statement of the line is said of its section instead."""
    facts = extract(parse_document(IPV6, "v.md"))
    assert not any(f.kind == "definition" and f.subject in ("basics", "typical") for f in facts)
    bank, _ = generate_from_texts([("v.md", IPV6)], "v")
    for q in bank.questions:
        assert "basics" not in q.prompt and "typical:" not in q.prompt, q.prompt

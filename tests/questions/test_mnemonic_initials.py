"""A mnemonic marks the letters it is made of ("**A**naerobes", "**SI**ADH", "**P**lease **D**o
**N**ot"): a bold letter glued to the rest of its word is no term of the notes, so it is never
an option beside the terms the author marked whole. Connectives labelling a step ("然后：…")
are no terms either."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Pharm mnemonics

## Antibiotics

- **Clindamycin** → 50S → anaerobes **above** the diaphragm (aspiration pneumonia)
- **Metronidazole** — "GET GAP on the Metro":
  - **G**iardia, **E**ntamoeba, **T**richomonas
  - **A**naerobes (C. diff, Bacteroides) — anaerobes **below** the diaphragm
- **Vancomycin** → binds D-Ala-D-Ala, red man syndrome
"""


def test_a_bold_letter_glued_to_its_word_is_no_marked_term() -> None:
    doc = parse_document(NOTES, "p.md")
    item = next(b for b in doc.content if b.text.startswith("Anaerobes"))
    assert "A" not in item.inline.strong
    assert "below" in item.inline.strong
    # a line of initials alone spells the mnemonic: a memory aid, as before
    assert any(n.reason == "memory aid" and n.text.startswith("Giardia") for n in doc.noise)


def test_no_option_is_a_mnemonics_letter() -> None:
    chosen = [q for _, q in generate_document("p.md", NOTES).chosen]
    assert not any(c in ("A", "G", "E", "T") for q in chosen for c in q.choices), [
        (q.prompt, q.choices) for q in chosen
    ]


SENTINEL = """# Redis 哨兵

## 故障转移

- 主观下线：单个哨兵 PING 超时没响应
- 客观下线：≥ quorum 个哨兵都认为主观下线
- 选出哨兵 leader：拿到半数以上票
- 然后：新主执行 `REPLICAOF NO ONE` → 其他从库改指向新主
"""


def test_a_steps_connective_is_no_term() -> None:
    chosen = [q for _, q in generate_document("s.md", SENTINEL).chosen]
    assert not any("然后" in q.prompt or "然后" in q.choices for q in chosen), [
        q.prompt for q in chosen
    ]

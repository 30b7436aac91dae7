"""A formula sheet writes one relation per line with no full stops ("ΣF = ma" over "weight
W = mg" over "f_s ≤ μ_s N"): CommonMark joins them into one paragraph, and a question quoted
or blanked three formulas run together. Each line stating a relation is a statement of its
own; prose wrapped across lines, Chinese lines wrapped on arrows and code are left joined."""

from __future__ import annotations

from questions.parse.markdown import parse_document
from questions.text import split_sentences

FORMULAS = """# Physics

## Forces

weight W = mg (newtons, mass is kg)
f_s ≤ μ_s N, static friction never above μ_s N
f_k = μ_k N
spring force F = −kx (Hooke)

## Fluids

density of water ρ = 1000 kg/m³
pressure P = F/A, measured in Pa
"""


def _sentences(text: str) -> list[str]:
    return [s for b in parse_document(text, "p.md").content for s in split_sentences(b.text)]


def test_each_relation_line_is_a_sentence_of_its_own() -> None:
    sentences = _sentences(FORMULAS)
    assert any(
        s.startswith("weight W = mg (newtons, mass is kg)") and "f_s" not in s for s in sentences
    )
    assert any(s.startswith("f_k = μ_k N") and "spring" not in s for s in sentences)
    assert any(
        s.startswith("density of water ρ = 1000 kg/m³") and "pressure" not in s for s in sentences
    )


def test_wrapped_prose_chinese_and_code_stay_joined() -> None:
    prose = "# N\n\n## A\n\nthe limit is set to\n100 = the default for most clusters\n"
    assert any("set to 100 = the default" in s for s in _sentences(prose))
    chinese = "# N\n\n## A\n\n净资产享有权利 → 长期股权投资，\n权益法 → 按份额确认\n"
    assert any("长期股权投资，权益法" in s.replace(" ", "") for s in _sentences(chinese))
    code = "# N\n\n## A\n\nmoved block -> moved { from = a\nto = b }\n"
    assert any("from = a to = b" in s for s in _sentences(code))


def test_a_line_cut_after_then_is_truncated() -> None:
    text = "# P\n\n## Momentum\n\n2D collisions -> conserve px and py separately, then\n\nimpulse J = FΔt = Δp\n"
    doc = parse_document(text, "p.md")
    assert any(n.reason == "truncated" and n.text.endswith("then") for n in doc.noise)
    assert any(b.text.startswith("impulse J") for b in doc.content)


def test_a_tex_formula_is_no_code_line() -> None:
    text = "# P\n\n## Forces\n\nΣF = ma ($\\vec F_{net} = m\\vec a$)\nweight W = mg (newtons)\n"
    sentences = _sentences(text)
    assert any(s.startswith("weight W = mg") for s in sentences), sentences

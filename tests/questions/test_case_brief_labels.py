"""Case briefs label their parts in bold ("**Facts:**", "**Holding:**", "**Rule:**"): the
labels are no things of any kind, yet they were offered as options ("Buyer refused the ___
cotton": Facts: / October / December), and a stressed modal ("a court **may** refuse …") was
swapped for a bold amount to make a false statement ("a court $514.95 refuse …")."""

from __future__ import annotations

from questions.distractors import acceptable
from questions.generate import generate_document
from questions.text import stressed

BRIEFS = """# Torts briefs

## Palsgraf v. Long Island R.R. (N.Y. 1928)

**Facts:** A guard pushed a passenger carrying a package of **fireworks**; it fell and exploded.

**Holding:** No liability. Duty is owed only to the **foreseeable plaintiff**.

**Rule:** A court **may** find no duty where the harm was not foreseeable.

## Vosburg v. Putney (Wis. 1891)

**Facts:** A boy kicked a classmate's shin in class, causing an infection worth **$2,500** in damages.

**Holding:** Liable. Intent to make contact is enough; the harm need not be foreseen.

**Rule:** The **eggshell plaintiff** rule: take the victim as you find him.

## Garratt v. Dailey (Wash. 1955)

**Facts:** A five-year-old pulled a chair away as a woman sat down.

**Holding:** Remanded. Intent includes knowing with **substantial certainty**.
"""


def test_a_label_is_no_option() -> None:
    assert not acceptable("Facts:", "December", [])
    assert not acceptable("Procedural history:", "Holding", [])
    assert acceptable("--only-binary :all:", "--no-binary :all:", [])
    r = generate_document("torts.md", BRIEFS)
    options = {c for _, q in r.chosen for c in q.choices}
    assert r.chosen
    assert not {"Facts:", "Holding:", "Rule:"} & options


def test_a_stressed_modal_is_no_term() -> None:
    assert stressed("may") and stressed("should")
    assert not stressed("fireworks")
    r = generate_document("torts.md", BRIEFS)
    assert not any("court $" in q.prompt or "may" in q.choices for _, q in r.chosen)

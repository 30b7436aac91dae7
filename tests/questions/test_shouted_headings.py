"""A heading typed in capitals ("NETWORK CABLES", a sheet pasted as text) was pasted into stems
as it stood: "Which NETWORK CABLES type is described here". Shouted dictionary words are read
as the words they are; an acronym keeps its case."""

from __future__ import annotations

from questions.generate import generate_document
from questions.nouns import category, key_noun

NOTES = """# A+ notes

## NETWORK CABLES

| Type | Connector | Use |
|---|---|---|
| RG-6 | F-type | cable TV and cable modems, 18 AWG core |
| RG-59 | BNC | older CCTV and analog video, 20 AWG core |
| Single-mode fiber | LC | laser light, long haul runs up to 100 km |
| Multimode fiber | SC | LED light, short runs of a few hundred metres |
"""


def test_a_shouted_heading_is_a_plain_noun() -> None:
    assert category("NETWORK CABLES") == "network cable"
    assert key_noun("Type", "PERIPHERAL CABLES") == "peripheral cable type"
    assert category("AWS SQS") == "AWS SQS"  # acronyms, no shout


def test_no_stem_shouts() -> None:
    prompts = [q.prompt for _, q in generate_document("a.md", NOTES).chosen]
    assert prompts
    assert not [p for p in prompts if "NETWORK" in p], prompts
    assert [p for p in prompts if "network cable type" in p], prompts

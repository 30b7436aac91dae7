"""A file mode asked beside a ports table (issue #13, review 17 of unseen Linux notes): "perms
___" of 000 was offered 22, 25 and 53, the ports table's keys read as codes of its width. A
mode's options are the notes' other modes, never a two-digit port."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Linux admin

## Ports

| port | proto | service |
|---|---|---|
| 22 | TCP | SSH |
| 25 | TCP | SMTP |
| 53 | UDP | DNS |
| 123 | UDP | NTP |
| 443 | TCP | HTTPS |

## Permissions

- umask 022 -> new files 644, new dirs 755
- a stricter umask 027 keeps others out
- `/etc/gshadow` is only root readable, perms 000 or 640 depending on distro
- group-writable shared dirs often use umask 002
"""


def test_a_mode_is_offered_modes_only() -> None:
    bank, _ = generate_from_texts([("l.md", NOTES)], "b")
    asked = [q for q in bank.questions if "perms" in q.prompt and "___" in q.prompt]
    assert asked, [q.prompt for q in bank.questions]
    for q in asked:
        assert q.choices[q.answer] in ("000", "640")
        for option in q.choices:
            assert option not in ("22", "25", "53", "123", "443"), q.choices
            assert len(option) == 3, q.choices

"""A shell command continued over lines ("… \\" then the rest) is one command: its first line
alone is no option, and its second line is no command of its own."""

from __future__ import annotations

from questions.facts.commands import command_lines
from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Block

NOTES = """# Ops cheats

## Cluster

```bash
# create a cluster of six nodes
mycluster create n1:7000 n2:7000 n3:7000 \\
  n4:7000 n5:7000 n6:7000 --replicas 1
mycluster check n1:7000  # check slot coverage
mycluster info n1:7000  # print cluster state
mycluster reshard n1:7000  # move slots between nodes
```

```powershell
Get-Service `
  -Name sshd  # show the ssh service
Restart-Service sshd  # restart the ssh service
Stop-Service sshd  # stop the ssh service
```
"""


def _code_blocks() -> list[Block]:
    return [b for b in parse_document(NOTES, "ops.md").blocks if b.kind == "code"]


def test_a_continued_command_is_read_whole_from_its_first_line() -> None:
    shell, powershell = _code_blocks()
    lines = command_lines(shell)
    assert lines[0] == (
        "mycluster create n1:7000 n2:7000 n3:7000 n4:7000 n5:7000 n6:7000 --replicas 1",
        "create a cluster of six nodes",
        shell.line + 2,
    )
    assert [c for c, _, _ in lines[1:]] == [
        "mycluster check n1:7000",
        "mycluster info n1:7000",
        "mycluster reshard n1:7000",
    ]
    assert command_lines(powershell)[0][:2] == ("Get-Service -Name sshd", "show the ssh service")


def test_no_option_is_half_a_command() -> None:
    chosen = generate_document("ops.md", NOTES).chosen
    assert chosen, "the notes' commands are asked"
    for _, q in chosen:
        for choice in q.choices:
            assert not choice.rstrip().endswith(("\\", "`")), (q.prompt, choice)
            assert not choice.startswith(("n4:7000", "-Name")), (q.prompt, choice)

"""A code block's line that opens with a number is data, not a command: a route table written
as text ("10.0.0.0/16   local  # the VPC itself") asked "Which command is for “private RT”?"
with route lines as options (issue #13, review 16)."""

from __future__ import annotations

from questions.facts.commands import command_facts, opens_command
from questions.parse.markdown import parse_document

NOTES = """# Cloud networking

## Routes

```text
# private route table
10.0.0.0/16     local        # the VPC itself
0.0.0.0/0       nat-0def     # default route via the NAT gateway
172.16.0.0/12   tgw-0abc     # on-prem through the transit gateway
192.168.0.0/16  pcx-0123     # the peered VPC
```

```bash
ip route show             # list the kernel's routes
ip route add 10.1.0.0/16 via 10.0.0.1  # add a static route
traceroute 10.1.2.3       # show the hops to a host
```
"""


def test_lines_opening_with_a_number_are_no_commands() -> None:
    doc = parse_document(NOTES, "n.md")
    codes = [b for b in doc.blocks if b.kind == "code"]
    assert len(codes) == 2
    assert command_facts(codes[0]) == []
    assert {f.value.split()[0] for f in command_facts(codes[1])} == {"ip", "traceroute"}
    for line in ("10.0.0.0/16 local", "0.0.0.0/0 nat-1", "3 * * * * backup.sh"):
        assert not opens_command(line), line
    for line in ("ip route show", "./run.sh", "$ kubectl get pods", "x86_64-gcc -O2"):
        assert opens_command(line), line

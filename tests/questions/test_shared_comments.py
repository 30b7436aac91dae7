"""A comment over two commands ("# disk usage by fs / by inode" over `df -h` and `df -i`) says
what the pair does: asked of the first, the second was a wrong option the comment describes too."""

from __future__ import annotations

from questions.facts.commands import command_lines
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Linux

## Disks and network

```bash
# disk usage by fs / by inode
df -h
df -i
# biggest directories here, sorted by size
du -sh * | sort -h
# block devices with their filesystems
lsblk -f
# addresses / routes
ip -br a
ip r
# listening sockets with the owning process
ss -tulpn
# mount everything listed in fstab
mount -a
```
"""


def test_a_comment_over_two_commands_describes_neither() -> None:
    [code] = [b for b in parse_document(NOTES, "t.md").blocks if b.kind == "code"]
    comments = {cmd: comment for cmd, comment, _ in command_lines(code)}
    assert comments["df -h"] == comments["df -i"] == ""
    assert comments["ip -br a"] == comments["ip r"] == ""
    assert comments["lsblk -f"] == "block devices with their filesystems"
    assert comments["ss -tulpn"] == "listening sockets with the owning process"


def test_no_question_asks_a_shared_comment() -> None:
    r = generate_document("t.md", NOTES)
    assert r.chosen, "nothing asked"
    for _, q in r.chosen:
        assert "by inode" not in q.prompt and "routes" not in q.prompt, q.prompt


def test_a_comment_that_only_says_how_is_no_use() -> None:
    """`pkill -HUP nginx  # by name` goes on from the comment above (`kill 1234  # graceful
    stop`): "Which command is for “by name”?" asks nothing."""
    notes = """# Processes

```bash
kill 1234            # graceful stop (SIGTERM)
kill -9 1234         # force kill, cannot be caught
pkill -HUP nginx     # by name
pgrep -a ssh         # find processes matching a pattern
renice -n 10 -p 1234 # lower the priority of a running process
```
"""
    [code] = [b for b in parse_document(notes, "t.md").blocks if b.kind == "code"]
    lines = {cmd: comment for cmd, comment, _ in command_lines(code)}
    assert lines["pkill -HUP nginx"] == "by name"
    r = generate_document("t.md", notes)
    assert r.chosen, "nothing asked"
    assert not any("by name" in q.prompt for _, q in r.chosen), [q.prompt for _, q in r.chosen]

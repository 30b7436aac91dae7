"""A command asked by a comment that explains one of its flags ("# -L = label"): another
command of the notes with the same flag does what the comment says as well (issue #13, review
17 of unseen Linux notes: `lvextend -r -L +1G …` beside `lvcreate … -L 2G …`), and the one
option written with the flag is the key at a glance (session 26's review of Linux notes:
"哪条命令用于“-x 扩展指标，-z …”？" beside one `iostat -xz 1`). Such a comment is not asked;
the block's other comments are, with options of the block."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Disk notes

## Partitions and file systems

```bash
parted -s /dev/sdb mklabel gpt            # new GPT label
mkfs.ext4 -L data /dev/sdb1               # -L = label
e2label /dev/sdb1 backup                  # rename the label later
tune2fs -L archive -c 30 /dev/sdb1        # relabel and check every 30 mounts
mount -o noatime /dev/sdb1 /mnt/data      # skip access-time writes
blkid /dev/sdb1                           # show UUID and type
```
"""


def test_a_comment_that_explains_a_flag_is_not_asked() -> None:
    bank, _ = generate_from_texts([("d.md", NOTES)], "b")
    prompts = [q.prompt for q in bank.questions]
    assert not any("-L = label" in p for p in prompts), prompts
    assert any("show UUID and type" in p for p in prompts), prompts

"""A command asked by a comment that explains one of its flags ("# -L = size"): another
command of the notes with the same flag does what the comment says as well, so it is never
an option (issue #13, review 17 of unseen Linux notes: `lvextend -r -L +1G …` beside `lvcreate
… -L 2G …`)."""

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


def test_a_flag_its_comment_explains_is_in_no_other_option() -> None:
    bank, _ = generate_from_texts([("d.md", NOTES)], "b")
    asked = [q for q in bank.questions if "-L = label" in q.prompt]
    assert asked, [q.prompt for q in bank.questions]
    for q in asked:
        assert q.choices[q.answer].startswith("mkfs.ext4 -L data")
        for option in q.choices:
            if option != q.choices[q.answer]:
                assert " -L " not in f" {option} ", q.choices

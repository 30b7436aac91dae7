"""A command line is offered beside command lines only: "哪条命令用于“临时挂载”？" offered two
fstab lines ("UUID=… /data xfs defaults 0 0") beside `mount /dev/sdb1 /mnt/data` (review of
Linux notes, session 27); a line that opens with no program's name is no command."""

from __future__ import annotations

from questions.generators.commands import _PROGRAM_FIRST


def test_what_opens_with_a_program() -> None:
    for line in ("mount /dev/sdb1 /mnt/data", "systemctl daemon-reload", "mkfs.ext4 /dev/sdb1"):
        assert _PROGRAM_FIRST.match(line), line
    for line in ("UUID=3f1c-9a2e /data xfs defaults 0 0", "nas:/export/home /mnt/home nfs 0 0",
                 "/dev/sdb1 /data ext4 defaults 0 2"):  # fmt: skip
        assert not _PROGRAM_FIRST.match(line), line

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


BLOCKS = """# Terraform notes

## Core workflow

- `terraform init` = download providers + modules
- `terraform plan` = refresh + diff, `-out=tfplan` to save
- `terraform apply` = prompts for yes unless `-auto-approve`
- `terraform destroy` = alias for apply -destroy
- `terraform fmt` = rewrite files to canonical style

## Settings

- `cloud` block in `terraform {}` (1.1+) replaces the older `remote` backend
- `locals {}` holds named expressions
"""


def test_a_configuration_block_is_no_command_option() -> None:
    """ "Which command prompts for yes unless -auto-approve?" offered `terraform {}`, the block
    that holds the settings, beside terraform commands."""
    from questions.generate import generate_from_texts

    bank, _ = generate_from_texts([("t.md", BLOCKS)], "t")
    commands = [q for q in bank.questions if q.prompt.startswith("Which command")]
    assert commands, [q.prompt for q in bank.questions]
    for q in commands:
        assert not any(c.endswith("{}") for c in q.choices), q.choices

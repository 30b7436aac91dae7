"""A true/false made false by swapping a code span swaps a command for a command, never a
quoted string for a command ("SHA-256 repos exist ("<type> <size>\\0<content>") but rare.",
review of Git notes, session 27)."""

from __future__ import annotations

from questions.generators.true_false import _quoted


def test_a_quoted_string_is_told_from_a_command() -> None:
    assert _quoted('"<type> <size>\\0<content>"')
    assert _quoted("'%h %s'")
    assert not _quoted("git init --object-format=sha256")
    assert not _quoted("")


def test_a_path_is_swapped_whole_for_a_path_of_its_kind() -> None:
    """RHCSA notes: "Unit 文件位置优先级：`/etc/systemd/system/` > `/run/systemd/system/` > …"
    was made false with the drop-in file `/etc/systemd/system/sshd.service.d/override.conf` in
    the folder's place (a file inside the true folder: the statement still holds), and `/etc`
    was swapped inside the path. A folder meets folders, never a path holding it or held in it."""
    from questions.generate import generate_document

    notes = (
        "# RHCSA\n\n## systemd\n\n"
        "Unit 文件位置优先级：`/etc/systemd/system/` > `/run/systemd/system/` > "
        "`/usr/lib/systemd/system/`。\n"
        "自己改的放 `/etc`，或者用 `systemctl edit sshd` 生成 drop-in"
        "（`/etc/systemd/system/sshd.service.d/override.conf`）。\n"
    )
    r = generate_document("u.md", notes)
    for c in r.candidates:
        if c.kind == "truefalse" and "优先级" in c.prompt:
            assert "override.conf" not in c.prompt and "systemctl edit" not in c.prompt, c.prompt

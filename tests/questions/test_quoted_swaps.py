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

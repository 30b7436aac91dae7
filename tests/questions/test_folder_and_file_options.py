"""A folder is no option beside a file (review of container-security notes, session 27):
"ranges come from ___" keyed /etc/subuid offered /var/log/pods/ and /var/lib/kubelet/seccomp/,
folders a reader rules out by their trailing slash. The notes are written for this test."""

from __future__ import annotations

from questions.generate import generate_document
from questions.values import shape_clash

NOTES = """# Postfix

## Files

- the main settings live in `/etc/postfix/main.cf`
- services are declared in `/etc/postfix/master.cf`
- queued mail waits under `/var/spool/postfix/`
- aliases are compiled from `/etc/aliases` with newaliases
- logs go to `/var/log/mail.log` on Debian
- TLS keys are kept in `/etc/ssl/private/`
"""


def test_a_folder_and_a_file_clash() -> None:
    assert shape_clash("/var/log/pods/", "/etc/subuid")
    assert shape_clash("`/etc/ssl/private/`", "`/etc/aliases`")
    assert not shape_clash("/etc/postfix/main.cf", "/etc/aliases")
    assert not shape_clash("/var/spool/postfix/", "/etc/ssl/private/")


def test_file_keys_are_offered_beside_files_only() -> None:
    r = generate_document("p.md", NOTES)
    asked = [c for c in r.candidates if c.answer_text.startswith("/") and "___" in c.prompt]
    assert asked, [c.prompt for c in r.candidates]
    for c in asked:
        folders = {o.endswith("/") for o in c.options}
        assert len(folders) == 1, c.options

"""Coverage of the kinds of line cheat sheets are written in (issue 13, point 8): a command
reference bullet in a list of mixed remarks, a paragraph of `label: value` lines, a default
named on a line of its own. Each used to give no question, or a cloze of three config lines
run together; each is now asked by what it states, with options of its own kind from the notes.
Checked on notes of other subjects than the development sets (tests/questions/notes)."""

from __future__ import annotations

import re
from pathlib import Path

from questions.bank import BankQuestion
from questions.facts.extract import extract
from questions.generate import DocumentResult, generate_document
from questions.parse import parse_document

NOTES = Path(__file__).parent / "notes"


def _generated(name: str) -> DocumentResult:
    path = NOTES / name
    return generate_document(f"notes/{name}", path.read_text(encoding="utf-8"))


def _keyed(r: DocumentResult, answer: str) -> list[BankQuestion]:
    return [q for _, q in r.chosen if q.choices[q.answer] == answer]


def _sound(q: BankQuestion) -> None:
    assert len(set(q.choices)) == len(q.choices) >= 3, q.choices
    assert not any("___" in o for o in q.choices), q.choices


def test_command_lines_spread_over_sections_are_asked_among_the_notes_commands() -> None:
    """ "`systemctl daemon-reload` rereads every unit file …" sits among remarks, the only
    command of its section: it is asked as "Which command …?" beside the notes' other command
    lines, never beside a directive or a path."""
    r = _generated("systemd-units.md")
    for command, does in (
        ("systemctl daemon-reload", "rereads every unit file after an edit"),
        ("systemctl mask nginx", "links the unit to /dev/null"),
        ("journalctl -u nginx", "shows the log of one unit"),
    ):
        qs = _keyed(r, command)
        assert len(qs) == 1, (command, [q.prompt for q in qs])
        q = qs[0]
        assert q.prompt == f"Which command {does}?", q.prompt
        _sound(q)
        assert all(re.match(r"(systemctl|journalctl) \S", o) for o in q.choices), q.choices


def test_labelled_value_lines_are_each_asked_by_their_label() -> None:
    """ "default stop timeout: 90s" / "restart limit burst: 5", one per line: each value is
    asked by its label, never as one cloze of the lines run together."""
    r = _generated("systemd-units.md")
    prompts = {q.prompt: q for _, q in r.chosen}
    stop = prompts.get("What is the default stop timeout?")
    assert stop is not None and stop.choices[stop.answer] == "90s", sorted(prompts)
    burst = prompts.get("What value do the notes give for restart limit burst?")
    assert burst is not None and burst.choices[burst.answer] == "5", sorted(prompts)
    for q in (stop, burst):
        _sound(q)
    assert not any("timeout: 90s" in p for p in prompts), sorted(prompts)


def test_a_label_qualified_in_brackets_is_still_a_line_of_its_own() -> None:
    """ "connections per user (hard limit): 20" beside "idle timeout: 5 minutes": two labelled
    lines, each asked alone; read as one paragraph they made one cloze of both lines."""
    text = (
        "# Pooler\n\n## Limits\n\nconnections per user (hard limit): 20\nidle timeout: 5 minutes\n"
    )
    blocks = [b for b in parse_document(text, "pooler.md").blocks if b.line >= 5]
    assert [(b.kind, b.line) for b in blocks] == [("item", 5), ("item", 6)], blocks
    prompts = [q.prompt for _, q in generate_document("notes/pooler.md", text).chosen]
    assert not any("idle timeout" in p and "per user" in p for p in prompts), prompts


def test_setting_lines_of_a_config_paragraph_are_asked() -> None:
    """ "worker_connections: 512" in a paragraph of nginx settings gives a question of its own;
    the section it opens is no longer left unasked."""
    r = _generated("nginx-tuning.md")
    asked = {q.prompt: q.choices[q.answer] for _, q in r.chosen}
    assert asked.get("What value do the notes give for worker_connections?") == "512", asked
    assert any(c.fact.section.heading == "Workers" for c, _ in r.chosen)


def test_a_default_on_a_line_of_its_own_takes_the_listed_members_as_options() -> None:
    """ "default restart policy: no" under a list of the policies: "Which restart policy is the
    default?", the options the policies the list names."""
    r = _generated("systemd-units.md")
    qs = [q for q in _keyed(r, "no") if q.prompt == "Which restart policy is the default?"]
    assert len(qs) == 1, [q.prompt for _, q in r.chosen]
    _sound(qs[0])
    assert set(qs[0].choices) <= {"no", "on-failure", "on-abnormal", "always"}, qs[0].choices


def test_a_plain_default_value_with_no_kin_in_the_notes_is_not_asked() -> None:
    """ "default storage driver: overlay2" names nothing else of its kind: offered beside
    whatever other words the notes mark, the options would be of another kind, so it is not
    asked at all."""
    notes = (
        "# Containers\n\n## Images\n\n"
        "- default storage driver: **overlay2**\n"
        "- the tag `latest` is used when none is given\n"
        "- `docker image ls` lists the local images\n"
        "- `docker image rm` deletes an image\n"
        "- `docker pull` fetches an image from a registry\n"
    )
    r = generate_document("t.md", notes)
    assert _keyed(r, "overlay2") == [], [q.choices for _, q in r.chosen]


def test_every_section_with_a_fact_gets_a_question() -> None:
    """Cheat-sheet sections of a command and a remark or two each are all asked."""
    for name in ("systemd-units.md", "nginx-tuning.md"):
        r = _generated(name)
        with_facts = {f.section.key for f in r.facts}
        asked = {c.fact.section.key for c, _ in r.chosen}
        missing = sorted(with_facts - asked)
        allowed = {"nginx-tuning.md": {"Logs"}}.get(name, set())
        assert set(missing) <= allowed, (name, missing)


def test_a_value_the_notes_give_the_setting_elsewhere_is_no_wrong_option() -> None:
    """ "worker_connections: 512" and, further down, "raise worker_connections to 1024": 1024
    is what the notes advise, so offered as wrong it would make two defensible keys (and the
    notes player would drop the question)."""
    r = _generated("nginx-tuning.md")
    qs = [q for _, q in r.chosen if q.prompt.endswith("give for worker_connections?")]
    assert len(qs) == 1, [q.prompt for _, q in r.chosen]
    assert "1024" not in qs[0].choices, qs[0].choices
    _sound(qs[0])


def test_a_bold_term_is_marked_bold_even_when_a_path_of_its_line_holds_it() -> None:
    """ "**volumes** – managed under `/srv/volumes/`": the term is bold, not code, so it keeps
    the list's other bold terms as its kin."""
    notes = (
        "# Containers\n\n## Storage\n\n"
        "- **volumes** – managed under `/srv/volumes/`, survive a rebuild\n"
        "- **bind mounts** – any host path mounted in, tied to the host layout\n"
        "- **tmpfs** – kept in memory only, gone when the container stops\n"
        "- back up a volume by mounting it into a throwaway container\n"
        "- `docker volume ls` lists them\n"
    )
    facts = extract(parse_document(notes, "t.md"))
    volumes = next(f for f in facts if f.kind == "definition" and f.subject == "volumes")
    assert set(volumes.siblings) >= {"bind mounts", "tmpfs"}, volumes.siblings


def test_command_options_never_carry_a_code_comment() -> None:
    """Commands of a code block join a prose line's options without their trailing comment
    ("git restore --staged file.txt # unstage, keep the changes" would stand out)."""
    r = _generated("git-cheatsheet.md")
    asked = [q for c, q in r.chosen if c.generator == "command"]
    assert asked
    for q in asked:
        assert not any("#" in o for o in q.choices), q.choices


def test_a_default_label_names_what_its_number_is() -> None:
    """ "Default port: 6379 (…)": "What is the default port?", among other ports."""
    notes = (
        "# Cache\n\n## Server\n\n"
        "- Default port: 6379 (the sentinel listens on 26379)\n"
        "- the keyspace lives in memory; persistence is optional\n"
        "- one thread runs every command\n"
    )
    r = generate_document("t.md", notes)
    qs = [q for _, q in r.chosen if q.prompt == "What is the default port?"]
    assert len(qs) == 1, [q.prompt for _, q in r.chosen]
    assert qs[0].choices[qs[0].answer] == "6379"
    assert all(re.fullmatch(r"\d{4,5}", o) and o != "26379" for o in qs[0].choices), qs[0].choices

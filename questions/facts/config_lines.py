"""The commented settings of a config code block: "gzip_comp_level 5;   # 1-9, default 1",
"max_connections = 200 ; default 100", "replicas: 3  # default 1".

Notes written for ops tools keep much of what they know in such blocks: the line sets a value
(the one the author chose), its comment often says what the setting's default is. This module
only reads the lines; settings.py decides which of them state a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from questions.parse.model import Block

#: block languages whose lines set values; "" and "text" for the blocks nobody labelled
CONFIG_LANGS = frozenset({"", "text", "nginx", "ini", "dosini", "conf", "cfg", "cnf", "toml",
                          "yaml", "yml", "properties", "haproxy", "systemd", "apacheconf",
                          "apache", "redis", "env", "dotenv"})  # fmt: skip
#: labels that say nothing of the block's lines: config or commands alike
_UNLABELLED = frozenset({"", "text"})
#: a trailing comment: "#", ";" or "//" after whitespace (nginx's own "on;" ends a directive)
_TRAILING = re.compile(r"^(?P<setting>.*?\S)\s+(?:#|;|//)\s*(?P<comment>\S.*)$")
#: a setting's name: a config key (`gzip_comp_level`, `work_mem`, `log.retention.ms`)
_NAME = r"[A-Za-z_][\w.-]*"
_ASSIGNED = re.compile(rf"^(?P<name>{_NAME})\s*(?:=|:(?=\s|$))\s*(?P<value>\S.*)$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
#: a YAML key that opens a mapping ("livenessProbe:"), a TOML table ("[server]")
_YAML_PARENT = re.compile(rf"^(?P<indent>\s*)(?P<name>{_NAME}):\s*(?:#.*)?$")
_TOML_TABLE = re.compile(rf"^\s*\[(?P<name>{_NAME})\]\s*(?:#.*)?$")
#: a directive of two words before its value: HAProxy's "timeout connect 5s"
MAX_NAME_WORDS = 2
MAX_VALUE_WORDS = 3


@dataclass(frozen=True)
class ConfigLine:
    """One setting line: its name (a YAML key with its parent, a TOML key with its table),
    the value it sets, its trailing comment and the line of the notes it is on."""

    name: str
    value: str
    comment: str
    text: str
    line: int
    section: str = ""  # an INI file's "[gc]" the line is under (`namespaced` decides its use)


def assigns(text: str) -> bool:
    """A line setting a name to a value (`node.roles: []`, `max_connections = 100`): a
    config line, not a command; "FOO=bar ./run.sh" sets a variable for the command after it."""
    line = text.rstrip(";").strip()
    m = _ASSIGNED.match(line)
    if m is None:
        return False
    by_equals = line[m.end("name") :].lstrip().startswith("=")
    return not (by_equals and len(m.group("value").split()) > 1)


def _setting(text: str, labelled: bool) -> tuple[str, str] | None:
    """(name, value) of `name = value`, `name: value` or `name value;`, else None. A name of
    two words ("timeout connect 5s") only in a block labelled as config: in an unlabelled one,
    "kubectl get pods" is a command."""
    text = text.rstrip(";").strip()
    if text.startswith(("-", "[", "<", "{")):
        return None  # a YAML list item, a section, a tag: no setting of its own
    m = _ASSIGNED.match(text)
    if m is not None:
        name, value = m.group("name"), m.group("value").strip()
    else:
        words = text.split()
        if not 2 <= len(words) <= (MAX_NAME_WORDS if labelled else 1) + 1:
            return None
        *named, value = words
        if not all(_NAME_ONLY.match(w) for w in named):
            return None
        name = " ".join(named)
    value = value.strip("\"'`")
    if not value or len(value.split()) > MAX_VALUE_WORDS:
        return None
    if m is None and (value.startswith("-") or "=" in value):
        return None  # a command's option: "sysctl net.core.somaxconn=4096", "ulimit -n 4096"
    return name, value


def config_lines(block: Block) -> list[ConfigLine]:
    """Every setting line of a config block that carries a trailing comment."""
    if block.kind != "code" or block.lang.lower() not in CONFIG_LANGS:
        return []
    lang = block.lang.lower()
    out: list[ConfigLine] = []
    parents: list[tuple[int, str]] = []  # YAML: (indent, key) of the mappings a line is in
    table = ""  # TOML: the table a key is in
    for i, raw in enumerate(block.code.splitlines()):
        if lang in ("yaml", "yml"):
            indent = len(raw) - len(raw.lstrip())
            parents = [(d, k) for d, k in parents if d < indent] if raw.strip() else parents
            opened = _YAML_PARENT.match(raw)
            if opened is not None:
                parents.append((indent, opened.group("name")))
                continue
        elif (t := _TOML_TABLE.match(raw)) is not None:
            table = t.group("name")  # a TOML table, an INI section
            continue
        m = _TRAILING.match(raw.strip())
        if m is None:
            continue
        found = _setting(m.group("setting"), lang not in _UNLABELLED)
        if found is None:
            continue
        name, value = found
        text = " ".join(raw.split())
        prefix = ""
        if lang in ("yaml", "yml") and parents and " " not in name:
            prefix = parents[-1][1]  # "periodSeconds" of which probe
        elif lang == "toml" and table:
            prefix = table
        if prefix:  # the line as its dotted path says it: "livenessProbe.periodSeconds: 5"
            name, text = f"{prefix}.{name}", f"{prefix}.{text}"
        section = table if lang != "toml" else ""
        out.append(
            ConfigLine(name, value, m.group("comment").strip(), text, block.line + 1 + i, section)
        )
    return out


def namespaced(lines: list[ConfigLine], said: Callable[[str], bool]) -> list[ConfigLine]:
    """The lines named as the notes name them: where the notes write one of the block's
    settings with its INI section (`gc.auto` of "[gc] auto = 6700"), the sections are
    namespaces, and every line is its dotted name ("pack.window", never a bare "window" two
    sections could hold); elsewhere (my.cnf's "[mysqld]") a setting keeps its own name."""
    if not any(c.section and said(f"{c.section}.{c.name}") for c in lines):
        return lines
    return [
        replace(c, name=f"{c.section}.{c.name}", text=f"{c.section}.{c.text}") if c.section else c
        for c in lines
    ]

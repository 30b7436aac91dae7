"""The one YAML reader for files from users: a tree of nodes (with their lines) that is bounded
by construction.

PyYAML's safe loader still expands aliases, so a few hundred bytes of nested aliases (a
"billion laughs") become an exponential object graph as soon as anything walks or prints it.
This reader refuses what a bank never needs instead of bounding it: aliases and anchors, merge
keys, any tag outside the core schema (str, int, float, bool, null, seq, map; so no
`!!python/object`, `!!binary` or custom tags), nesting deeper than MAX_DEPTH, more than
MAX_NODES values and documents after the first. Plain scalars resolve by the core schema only (a
date stays text). The events come from libyaml when PyYAML was built with it; the composer is a
flat loop over them (no recursion, so no depth can exhaust the stack), and each node's work is
constant, so reading costs time and memory linear in the file, which questions.intake caps.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from questions.intake import MAX_DEPTH
from questions.problems import BankError, Problem

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml: the same, slower
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


MAX_NODES = 100_000  # a question takes about 27 (shipped bank: 2,708 for 102); 2 MB holds 3,400

_CORE = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
_STR, _SEQ, _MAP = _CORE + "str", _CORE + "seq", _CORE + "map"

# Implicit tags of plain scalars, by first character: the core schema's only (no timestamps,
# merge keys `<<` or `=` values), with PyYAML's own patterns so existing files read the same.
_PLAIN: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in CORE_TAGS]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}


class Refused(yaml.MarkedYAMLError):
    """A construct this reader does not accept, at its place in the file."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(None, None, problem, mark)


def _plain_tag(value: str) -> str:
    for tag, regexp in _PLAIN.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR


def _tag(event: Any, default: str) -> str:
    """The node's tag: core-schema resolution for untagged values, else its explicit tag,
    which must be a core one."""
    tag: str | None = event.tag
    if tag is None or tag == "!":
        if default == _STR and event.implicit[0]:
            return _plain_tag(event.value)
        return default
    if tag not in CORE_TAGS:
        shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
        raise Refused(f"the tag {shown} is not allowed", event.start_mark)
    return tag


def _compose(parser: Any) -> yaml.Node | None:
    """Events to nodes in one loop with an explicit stack (mapping values are collected flat
    and paired when the mapping ends)."""
    get = parser.get_event
    get()  # StreamStart
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    root: yaml.Node | None = None
    open_: list[tuple[yaml.CollectionNode, list[yaml.Node]]] = []
    count = 0
    while True:
        event = get()
        kind = type(event)
        if (
            kind is yaml.ScalarEvent
            or kind is yaml.SequenceStartEvent
            or kind is yaml.MappingStartEvent
        ):
            if event.anchor is not None:
                raise Refused("anchors (&name) are not allowed", event.start_mark)
            count += 1
            if count > MAX_NODES:
                raise Refused(f"more than {MAX_NODES:,} values (split the file)", event.start_mark)
            node: yaml.Node
            if kind is yaml.ScalarEvent:
                node = yaml.ScalarNode(
                    _tag(event, _STR), event.value, event.start_mark, event.end_mark, event.style
                )
            else:
                if len(open_) >= MAX_DEPTH:
                    raise Refused(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
                mapping = kind is yaml.MappingStartEvent
                tag = _tag(event, _MAP if mapping else _SEQ)
                cls = yaml.MappingNode if mapping else yaml.SequenceNode
                node = cls(tag, [], event.start_mark, None, event.flow_style)
            if open_:
                open_[-1][1].append(node)
            else:
                root = node
            if isinstance(node, yaml.CollectionNode):
                open_.append((node, []))
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            collection, items = open_.pop()
            collection.end_mark = event.end_mark
            if isinstance(collection, yaml.MappingNode):
                pairs = iter(items)
                collection.value = list(zip(pairs, pairs, strict=True))
            else:
                collection.value = items
        elif kind is yaml.AliasEvent:
            raise Refused("aliases (*name) are not allowed", event.start_mark)
        elif kind is yaml.DocumentEndEvent:
            break
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise Refused("a file holds one YAML document; a second one starts here", event.start_mark)
    return root


def compose(text: str, name: str) -> yaml.Node | None:
    """The document's root node (None for an empty one). BankError names the line of the first
    thing that is not valid, or not allowed, YAML."""
    parser = _Parser(text)
    try:
        return _compose(parser)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise BankError(
            [Problem("yaml", f"{name} is not valid YAML: {what}", None, line)]
        ) from None
    except yaml.YAMLError as exc:
        raise BankError([Problem("yaml", f"{name} is not valid YAML: {exc}")]) from None
    finally:
        parser.dispose()


_CONSTRUCTOR = SafeConstructor()


def value(node: yaml.Node) -> Any:
    """A composed node as Python data (str, int, float, bool, None, list, dict). Linear in the
    node's size: compose() let no alias in. ValueError for a scalar no type can hold (an
    integer of more digits than Python converts)."""
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise ValueError(f"cannot be read: {getattr(exc, 'problem', None) or exc}") from None
    except ValueError:  # int() refuses numbers of more than 4300 digits
        raise ValueError("is a number too long to read") from None
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()

"""The one YAML reader for files from users: a tree of nodes (with their lines) that is bounded
by construction.

PyYAML's safe loader still expands aliases, so a few hundred bytes of nested aliases (a
"billion laughs") become an exponential object graph as soon as anything walks or prints it.
This reader refuses what a bank never needs instead of bounding it: aliases and anchors, merge
keys, any tag outside the core schema (str, int, float, bool, null, seq, map; so no
`!!python/object`, `!!binary` or custom tags), nesting deeper than MAX_DEPTH and documents after
the first. Plain scalars resolve by the core schema only (a date stays text). The parser is
libyaml's when PyYAML was built with it; only the small composer runs in Python.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver, Resolver

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


_CORE = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


class _CoreResolver(BaseResolver):
    """Implicit tags of the core schema only: no timestamps, merge keys or `=` values."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag in CORE_TAGS]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }


class Refused(yaml.MarkedYAMLError):
    """A construct this reader does not accept, at its place in the file."""


class _Loader(Composer, _Parser, SafeConstructor, _CoreResolver):
    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _CoreResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event: Any = self.peek_event()
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise Refused(None, None, "aliases (*name) are not allowed", mark)
        if event.anchor is not None:
            raise Refused(None, None, "anchors (&name) are not allowed", mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in CORE_TAGS:
            shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
            raise Refused(None, None, f"the tag {shown} is not allowed", mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise Refused(None, None, f"nesting deeper than {MAX_DEPTH} levels", mark)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        return node


def compose(text: str, name: str) -> yaml.Node | None:
    """The document's root node (None for an empty one). BankError names the line of the first
    thing that is not valid, or not allowed, YAML."""
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
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
        loader.dispose()


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

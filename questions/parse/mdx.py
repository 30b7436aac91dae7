"""Notes kept as MDX (a Docusaurus, Nextra or Storybook page): read as the Markdown they show.

MDX is Markdown with JavaScript: `import Tabs from '@theme/Tabs';` lines, JSX comments
`{/* … */}`, and components written as tags: `<Tabs>` around `<TabItem value="env" label="Env
var">` alternatives, `<details>` with a `<summary>`, and inline marks of the site's own
(`<Highlight color="#25c2a0">Write → Plan → Apply</Highlight>`, `<kbd>`). Read as Markdown the
inline tags stood in stems as they were typed, and a comment read as a sentence of the notes.
Here an import or export line and a comment are skipped, a line holding only a component's
tag is blank (a tab's label or a summary read as a label would lead the next list in, and
what they title is mostly code), an inline component is its words, and `<kbd>` is a code span. Only a file with an
import line and a component's tag is read so; each line stays on its line, and nothing inside
a fenced code block is touched.
"""

from __future__ import annotations

import re

from questions.parse.spans import code_span

#: "import Tabs from '@theme/Tabs';", "import {Foo, Bar} from './x.mdx'", "import './x.css';"
_IMPORT = re.compile(r"""^import\s+(?:[\w*{}\s,$]+\s+from\s+)?['"][^'"\n]{1,300}['"];?\s*$""")
#: "export const meta = {…};" on one line, "export default …"
_EXPORT = re.compile(r"^export\s+(?:const|let|default|function)\b")
#: a component's tag: JSX components are capitalised; the HTML ones MDX pages wrap text in
_COMPONENT = r"(?:[A-Z][\w.]{0,60}|details|summary|div|span|kbd|mark|center)"
#: a line holding only a component's opening, closing or self-closing tag
_TAG_LINE = re.compile(rf"^\s*</?{_COMPONENT}(?:\s[^<>]{{0,500}})?/?>\s*$")
#: a collapsible's title: it names a block the notes hide, mostly code
_SUMMARY = re.compile(r"^\s*<summary>(?P<text>[^<>]{1,300})</summary>\s*$")
#: an inline component around words: the words stay ("<Highlight color=…>x</Highlight>")
_INLINE = re.compile(
    rf"<(?P<name>{_COMPONENT})(?:\s[^<>]{{0,500}})?>(?P<text>[^<>]{{0,500}})</(?P=name)>"
)
_SELF_CLOSING = re.compile(r"<[A-Z][\w.]{0,60}(?:\s[^<>]{0,500})?/>")
_KBD = re.compile(r"<kbd>(?P<text>[^<>]{1,100})</kbd>")
_COMMENT_OPEN = "{/*"
_COMMENT_CLOSE = "*/}"
_INLINE_COMMENT = re.compile(r"\{/\*.{0,2000}?\*/\}")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")


def is_mdx(lines: list[str]) -> bool:
    """An import line and a component's tag outside code: written for MDX, not Markdown."""
    fence = ""
    imports = tags = False
    for line in lines:
        fence = _fenced(line, fence)
        if fence or _FENCE.match(line):
            continue
        imports = imports or _IMPORT.match(line) is not None
        tags = tags or re.search(r"</?[A-Z][\w.]{0,60}[\s/>]", line) is not None
        if imports and tags:
            return True
    return False


def mdx_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the imports, exports and comments skipped as (line number,
    reason, text); the lines as they were for a file that is not MDX."""
    if not is_mdx(lines):
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    fence = ""
    in_comment = False
    for n, line in enumerate(lines):
        if not in_comment:
            fence = _fenced(line, fence)
            if fence or _FENCE.match(line):
                continue
        text = line.strip()
        if in_comment:
            out[n] = ""
            skipped.append((n + 1, "comment", text))
            in_comment = _COMMENT_CLOSE not in line
        elif _IMPORT.match(line) or _EXPORT.match(line):
            out[n] = ""
            skipped.append((n + 1, "MDX import", text))
        elif text.startswith(_COMMENT_OPEN) and (
            _COMMENT_CLOSE not in text or text.endswith(_COMMENT_CLOSE)
        ):
            out[n] = ""
            skipped.append((n + 1, "comment", text))
            in_comment = _COMMENT_CLOSE not in text
        elif _TAG_LINE.match(line) or _SUMMARY.match(line):
            out[n] = ""
        else:
            out[n] = _inline(line)
    return out, skipped


def _fenced(line: str, fence: str) -> str:
    """The fence a code block is open with after this line ("" outside one): closed by a fence
    of its character at least as long."""
    mark = _FENCE.match(line)
    if mark is None:
        return fence
    found = mark.group("fence")
    if not fence:
        return found
    return "" if found[0] == fence[0] and len(found) >= len(fence) else fence


def _inline(line: str) -> str:
    """A line's inline components as their words, its comments gone."""
    line = _INLINE_COMMENT.sub("", line)
    line = _KBD.sub(lambda m: code_span(m.group("text")), line)
    for _ in range(3):  # nested marks: "<Highlight><b>x</b></Highlight>"
        line, count = _INLINE.subn(lambda m: m.group("text"), line)
        if not count:
            break
    return _SELF_CLOSING.sub("", line)

"""Study notes kept inside a source file of the language studied: read as the Markdown they
stand for.

A developer learning Java keeps a .java file (a `package` line, `import`s, a class whose
Javadoc, `/* … */` blocks and `//` comments hold the notes, small methods between them with
"// prints 3" and "// DOES NOT COMPILE" after their lines, banners such as
"/* ===== [ch3] OPERATORS ===== */"); one learning T-SQL a script (`--` lines and `/* … */`
blocks of notes, banners such as "-- ===== BACKUP & RESTORE =====" or "-- #region ===== HA
=====" … "-- #endregion", real statements between them, `GO` after each batch). Read as
Markdown the comments' words ran into the code around them and questions blanked code
("Fill in the blank: // 5, 15 (leading 0 = octal!), ___.").

Here the comments are the notes and the code is code: a comment's words are text (its
markers, Javadoc's "*" margin and its block tags gone, `{@code x}` a code span), a banner a
heading (a level for each banner mark, in the order first used; a title boxed by two rules
before anything else the file's title), a comment's "- x" a list item, a line indented under
another either more of it (the line above ends mid-sentence, on a comma, a bar, an open
parenthesis…) or a point under it, a comment's table a pipe table (drawn with bars over a
"---+---" rule, or aligned with spaces under a header of short names; its rule takes a line
of its own). The lines between the comments are fenced code blocks of the
file's language (```java, ```sql, …) so the code rules apply: a statement's trailing comment
stays on its line, and so does a commented-out statement ("// int x = 08;  // DOES NOT
COMPILE", "-- ALTER DATABASE d SET RECOVERY SIMPLE;") and a comment inside a method's body or
an unfinished statement. `package`/`import` lines, `GO`, `SET NOEXEC ON/OFF`, a lone class
opener or closing brace, `#region`/`#endregion` markers and comment rules are skipped as noise.
Each line stays on its line; a fence with no free line above or below its code moves what
follows down to the next free line. Lines of text under each other are each a note of their
own (a comment is typed a line a fact; Markdown would run them into one sentence), unless a
line goes on with the one above.

Only a file that clearly is a source file is read: no Markdown heading, fence or pipe table in
it, comments of one family (`//` and `/* */`, or `--`, `/* */` and `GO`; a `#` comment reads as
a Markdown heading and is never claimed), a handful of comment lines and of code lines, and
comments and code most of its lines. Each line is scanned once, strings and comments told
apart character by character; no regular expression here can backtrack far.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from questions.parse.chat import LINE_NOTE
from questions.parse.spans import block_safe, code_span
from questions.parse.xhtml_text import fenced, noise_text

#: a larger file is not read: notes are far smaller
MAX_CHARS = 4_000_000
MIN_COMMENT_LINES = 5
MIN_CODE_LINES = 5
#: the share of a file's lines that must be comments, code or noise
MIN_SHARE = 0.8

#: Markdown's own structure: a file with any of it is Markdown, not a source file
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(?:`{3}|~{3})")
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?\s*$")

#: where each family's strings and comments begin: the next token the scanner looks at
_C_TOKEN = re.compile(r'"""|["\'`]|//|/\*')
_SQL_TOKEN = re.compile(r"['\"\[]|--|/\*")
#: a line comment's marker at a line's start, per family (for telling the family)
_C_LINE = re.compile(r"^\s*//")
_SQL_LINE = re.compile(r"^\s*--")
#: (each matched whole against the stripped line: no run of spaces is ever tried two ways)
_GO = re.compile(r"GO(?:[ \t]+\d{1,6})?[ \t]*;?", re.I)
#: noise: what runs the file, not what it teaches
_NOEXEC = re.compile(r"SET\s+NOEXEC\s+(?:ON|OFF)[ \t]*;?", re.I)
_PACKAGE = re.compile(r"package\s+[\w.]+[ \t]*;?")
_IMPORT = re.compile(r"import\s+(?:static\s+)?\w+(?:\.\w+)*(?:\.\*)?[ \t]*;?")
#: a type declaration's opener: its braces hold members, and comments between them are notes
_TYPE_DECL = re.compile(r"\b(?:class|interface|enum|record)\s+[A-Za-z_$]")
_NEW = re.compile(r"\bnew\s")
#: a line of closing braces only
_CLOSERS = re.compile(r"^[\s})\];]*$")

_WORD = re.compile(r"[A-Za-z_$][\w$-]*")
_C_KEYWORDS = frozenset(
    {"abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
     "continue", "default", "do", "double", "else", "enum", "export", "extends", "final",
     "finally", "float", "for", "fun", "func", "function", "if", "implements", "import",
     "instanceof", "int", "interface", "let", "long", "namespace", "native", "new", "non-sealed",
     "package", "private", "protected", "public", "record", "return", "sealed", "short",
     "static", "struct", "super", "switch", "synchronized", "this", "throw", "throws", "try",
     "typedef", "unsigned", "using", "val", "var", "void", "volatile", "while", "yield"}
)  # fmt: skip
_SQL_STATEMENTS = frozenset(
    {"ALTER", "BACKUP", "BEGIN", "CHECKPOINT", "COMMIT", "CREATE", "DBCC", "DECLARE", "DELETE",
     "DENY", "DROP", "EXEC", "EXECUTE", "GRANT", "IF", "INSERT", "KILL", "MERGE", "PRINT",
     "RAISERROR", "RESTORE", "RETURN", "REVOKE", "ROLLBACK", "SAVE", "SELECT", "SET", "THROW",
     "TRUNCATE", "UPDATE", "USE", "WAITFOR", "WHILE", "WITH"}
)  # fmt: skip
_SQL_KEYWORDS = _SQL_STATEMENTS | frozenset(
    {"ADD", "AND", "AS", "ASC", "BY", "CASE", "CROSS", "DESC", "ELSE", "END", "EXCEPT", "FETCH",
     "FOR", "FROM", "FULL", "GROUP", "HAVING", "IN", "INCLUDE", "INNER", "INTERSECT", "INTO",
     "IS", "JOIN", "LEFT", "NOT", "OFFSET", "ON", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT",
     "OVER", "PARTITION", "RIGHT", "THEN", "TO", "TOP", "UNION", "VALUES", "WHEN", "WHERE"}
)  # fmt: skip
#: SQL words that open a block END closes ("BEGIN TRAN" opens none)
_SQL_TRANSACTION = re.compile(
    r"\bBEGIN\s+(?:TRAN|TRANSACTION|DISTRIBUTED|DIALOG|CONVERSATION)\b", re.I
)
_SQL_BLOCK_WORD = re.compile(r"\b(?:BEGIN|CASE|END)\b", re.I)
#: a commented-out line of code that looks like a declaration, a call or an assignment
_DECLARATION = re.compile(r"^[\w.$]+(?:<[^<>]{0,80}>)?(?:\[\])*\s+[A-Za-z_$][\w$]*\s*[=;,(]")
_CALL = re.compile(r"^[\w.$]+\s*(?:\(|=[^=]|\+\+|--)")

#: the language of a C-family file, told by what only it writes
_LANGUAGES = (
    ("java", re.compile(r"^\s*(?:package\s+[\w.]+;|import\s+(?:static\s+)?java)|System\.out\.|public\s+static\s+void\s+main")),
    ("csharp", re.compile(r"^\s*using\s+System|Console\.Write|^\s*namespace\s+[\w.]+\s*[{;]?\s*$")),
    ("cpp", re.compile(r"^\s*#include\s*<(?:iostream|vector|string|map|memory)>|std::")),
    ("c", re.compile(r"^\s*#include\s*<\w+\.h>|\bprintf\(")),
    ("go", re.compile(r"^\s*package\s+\w+\s*$|^\s*func\s|\bfmt\.")),
    ("rust", re.compile(r"^\s*(?:pub\s+)?fn\s+\w+|println!|\blet\s+mut\b")),
    ("kotlin", re.compile(r"^\s*fun\s+\w+|^\s*val\s+\w+\s*[:=]")),
    ("javascript", re.compile(r"console\.log|^\s*(?:const|let)\s+\w+\s*=|\bfunction\s+\w+\s*\(")),
)  # fmt: skip
_LANGUAGE_LINES = 400

#: a comment's banner: a run of one mark, a title, the same run ("===== [ch1] PRIMITIVES =====")
_BANNER_MARKS = "=-*#~+/_"
_MIN_BANNER_RUN = 3
_MIN_ONE_SIDED_RUN = 4  # "=== is strict" is no banner; "==== Streams" is
_MAX_TITLE_CHARS = 80
_MAX_HEADING_CHARS = 300  # a longer comment line is no banner, nor a region's marker
_MAX_BOX_TITLE_WORDS = 10
#: a region marker: "#region ===== HA =====", "#pragma region", NetBeans' fold
_REGION = re.compile(r"^#(?:pragma\s+)?region\b\s*(?P<title>.*)$", re.I)
_END_REGION = re.compile(r"^#(?:pragma\s+)?end\s?region\b", re.I)
_FOLD = re.compile(r"^<editor-fold\b[^>]*?\bdesc\s*=\s*\"(?P<title>[^\"]*)\"[^>]*>$")
_END_FOLD = re.compile(r"^</editor-fold>$")
#: a Javadoc block tag: the author, a version, a link to see: no fact
_JAVADOC_TAG = re.compile(r"^@[a-zA-Z]+\b")
_JAVADOC_INLINE = re.compile(r"\{@(?:code|literal|link|linkplain|value)\s+([^{}]*)\}")
_JAVADOC_CODE = re.compile(r"<(?:code|tt|kbd|samp)>([^<]*)</(?:code|tt|kbd|samp)>", re.I)
_JAVADOC_BOLD = re.compile(r"</?(?:b|strong)>", re.I)
_JAVADOC_ITALIC = re.compile(r"</?(?:i|em)>", re.I)
_JAVADOC_ITEM = re.compile(r"^\s*<li>\s*", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
#: a comment's list item: Markdown's markers, a bullet, a tree's branch
_ITEM = re.compile(r"^(?P<mark>[-*+]|\d{1,3}[.)])[ \t]+(?=\S)")
_BULLET = re.compile(r"^[•·▪◦][ \t]*(?=\S)")
_BRANCH = re.compile(r"^(?:\+-+|\|-+|`-+|\\-+|[├└]─+)[ \t]*(?=\S)")
#: what makes a line indented under another go on with it: the line above stops mid-sentence
_GOES_ON_ENDS = (",", "(", "[", "{", "|", "\\", "+", "&", "/", "=", "-", "–", "—")
_GOES_ON_STARTS = re.compile(r"^(?:[()+=&|]|and\b|or\b|but\b|nor\b)")
#: an ASCII table's rule under its header: dashes and the bars' crossings
_TABLE_RULE = re.compile(r"^[-=+|: \t]*$")
_INLINE_HTML = re.compile(r"<(?=[A-Za-z/!?])")
#: a cell of a line aligned with spaces: words with single spaces between them
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
#: a column's name over an aligned table: a few words, no sentence, no number first
_HEAD_CELL = re.compile(r"^[A-Za-z][\w/()+#%-]*(?: [A-Za-z][\w/()+#%-]*){0,2}$")
_MIN_ALIGNED_COLUMNS = 3
_MAX_ALIGNED_COLUMNS = 12
_MIN_ALIGNED_ROWS = 2
#: the name of an aligned table's column of notes past its last named one
_NOTE_COLUMN = "notes"
_MAX_DEPTH = 6  # list levels written; deeper points are read at this depth
_MAX_BRACES = 256  # braces open: a deeper file is read as if at this depth

_PROSE = frozenset({"para", "cont", "item", "icont", "table"})
_TEXT = frozenset({"para", "cont", "table"})
_RUNS_ON = frozenset({"para", "cont"})  # a paragraph's lines: they run on as one


@dataclass
class _Line:
    """A line of the file as scanned: its code (strings kept, comments out), its code with the
    strings blanked, and the words of the comment it is a line of when it holds no code."""

    code: str = ""
    bare: str = ""
    text: str | None = None  # a comment-only line's words, markers out
    block: int = -1  # the block comment the line is in (-1 for a line comment, or none)
    first: bool = False  # the block comment opens on the line
    javadoc: bool = False


@dataclass(frozen=True)
class _Piece:
    """A line of Markdown and the line of the file (0-based) it was on."""

    src: int
    text: str
    kind: str  # head, para, cont, item, icont, table, code, blank
    group: int = -1  # the table it is a row of
    late: bool = False  # an ordered item not numbered 1: it cannot interrupt a paragraph


@dataclass
class _Prose:
    """A comment line read as a note: where its words start, what they are."""

    n: int
    col: int
    text: str


@dataclass
class _Reader:
    lines: list[str]
    family: str  # "c" or "sql"
    lexed: list[_Line]
    language: str
    pieces: list[_Piece] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # banner marks in the order first used
    tables: int = 0
    noise: dict[int, str] = field(default_factory=dict)  # lines of noise no pattern tells


def source_notes_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The notes as Markdown, and the lines of noise skipped as (line number, reason, text);
    the lines as they were for a file that is no source file of notes."""
    claim = _claim(lines)
    if claim is None:
        return lines, []
    family, lexed = claim
    reader = _Reader(lines, family, lexed, _language(lines) if family == "c" else "sql")
    _pieces(reader)
    out = _place(reader.pieces, len(lines))
    return out, sorted(reader.skipped)


# telling a source file


def is_source_notes(lines: list[str]) -> bool:
    return _claim(lines) is not None


def _claim(lines: list[str]) -> tuple[str, list[_Line]] | None:
    """The file's family and its lines scanned, when it clearly is a source file."""
    if sum(len(line) + 1 for line in lines) > MAX_CHARS:
        return None
    c_score = sql_score = 0
    for line in lines:
        if _ATX.match(line) or _FENCE.match(line):
            return None
        if "|" in line and "-" in line and _DELIMITER_ROW.match(line):
            return None
        if _C_LINE.match(line):
            c_score += 1
        elif _SQL_LINE.match(line) or _GO.fullmatch(line.strip()):
            sql_score += 1
    if max(c_score, sql_score) == 0 and not any("/*" in line for line in lines):
        return None
    family = "sql" if sql_score > c_score else "c"
    lexed = _lex(lines, family)
    comments = code = strong = noise = 0
    filled = 0
    for line, lx in zip(lines, lexed, strict=True):
        if not line.strip():
            continue
        filled += 1
        if _noise_reason(line, family) is not None:
            noise += 1
        elif lx.text is not None:
            comments += 1
        elif lx.code.strip():
            # a line of a string only (Java's text block) is code too
            looks, sure = _looks_like_code(lx.bare, family) if lx.bare.strip() else (True, False)
            code += looks
            strong += sure
    if comments < MIN_COMMENT_LINES or strong < MIN_CODE_LINES:
        return None
    if comments + code + noise < MIN_SHARE * filled:
        return None
    return family, lexed


def _looks_like_code(bare: str, family: str) -> tuple[bool, bool]:
    """Whether a line without comments looks like code, and whether it surely is."""
    text = bare.strip()
    if not text:
        return False, False
    first = _first_word(text)
    if family == "sql":
        sure = text.endswith(";") or first in _SQL_STATEMENTS
        looks = sure or first.upper() in _SQL_KEYWORDS or text.endswith((",", "(", ")"))
        return looks, sure
    sure = text.endswith((";", "{", "}")) or text.startswith("}")
    looks = (
        sure
        or first in _C_KEYWORDS
        or text.startswith(("@", ".", ")", "+", "?", ":", "&&", "||", "#include", "#define"))
        or text.endswith(
            (",", "(", ")", "[", "]", "+", "-", "*", "/", "&&", "||", "?", "->", "=", '"')
        )
    )
    return looks, sure


def _first_word(text: str) -> str:
    m = _WORD.match(text)
    return m.group() if m else ""


def _language(lines: list[str]) -> str:
    """The C-family language the file is written in, by what only it writes."""
    scores = dict.fromkeys((name for name, _ in _LANGUAGES), 0)
    for line in lines[:_LANGUAGE_LINES]:
        for name, marker in _LANGUAGES:
            if marker.search(line):
                scores[name] += 1
    best = max(scores.items(), key=lambda kv: kv[1])
    return best[0] if best[1] else "c"


# scanning


def _lex(lines: list[str], family: str) -> list[_Line]:
    """Each line's code and comment words, strings and comments told apart."""
    token = _C_TOKEN if family == "c" else _SQL_TOKEN
    out: list[_Line] = []
    block = -1  # the block comment open
    nested = 0  # T-SQL's block comments nest
    blocks = 0
    javadoc = False
    text_block = False  # inside Java's """ … """
    for line in lines:
        lx = _Line()
        code: list[str] = []
        bare: list[str] = []
        words: list[str] = []
        current = block  # the block comment the line's words are in
        commented = block >= 0
        i, n = 0, len(line)
        while i < n:
            if block >= 0:
                end = line.find("*/", i)
                opens = line.find("/*", i) if family == "sql" else -1
                if opens >= 0 and (end < 0 or opens < end):
                    words.append(line[i : opens + 2])
                    nested = min(nested + 1, _MAX_BRACES)
                    i = opens + 2
                elif end < 0:
                    words.append(line[i:])
                    i = n
                elif nested:
                    words.append(line[i : end + 2])
                    nested -= 1
                    i = end + 2
                else:
                    words.append(line[i:end])
                    block = -1
                    i = end + 2
                continue
            if text_block:
                end = _text_block_end(line, i)
                stop = end if end >= 0 else n
                code.append(line[i:stop])
                text_block = end < 0
                i = stop
                continue
            m = token.search(line, i)
            if m is None:
                code.append(line[i:])
                bare.append(line[i:])
                break
            code.append(line[i : m.start()])
            bare.append(line[i : m.start()])
            t = m.group()
            if t in ("//", "--"):
                rest = line[m.end() :]
                if t == "//" and rest[:1] and rest[:1] in "/!" and not rest[1:2].strip():
                    rest = rest[1:]  # a doc comment's "///", "//!"
                words.append(rest)
                commented = True
                break
            if t == "/*":
                block = current = blocks
                blocks += 1
                commented = lx.first = True
                rest = line[m.end() :]
                javadoc = (
                    family == "c" and rest.startswith("*") and not rest.startswith(("*/", "**"))
                )
                i = m.end() + (1 if javadoc else 0)
                continue
            if t == '"""':
                end = _text_block_end(line, m.end())
                stop = end if end >= 0 else n
                code.append(line[m.start() : stop])
                bare.append('""')
                text_block = end < 0
                i = stop
                continue
            end = _string_end(line, m.end(), t, family)
            code.append(line[m.start() : end])
            bare.append(t + t)
            i = end
        lx.code = "".join(code)
        lx.bare = "".join(bare)
        if commented and not lx.code.strip():
            lx.text = "".join(words)
            lx.block = current
            lx.javadoc = javadoc and current >= 0
        out.append(lx)
    return out


def _text_block_end(line: str, i: int) -> int:
    """Where Java's text block closes on the line (after its `\"\"\"`), or -1."""
    while True:
        j = line.find('"""', i)
        if j < 0:
            return -1
        k = j
        slashes = 0
        while k > 0 and line[k - 1] == "\\":
            slashes += 1
            k -= 1
        if slashes % 2 == 0:
            return j + 3
        i = j + 1


def _string_end(line: str, i: int, quote: str, family: str) -> int:
    """Where a string opened before i ends (past its closing quote), or the line's end."""
    close = "]" if quote == "[" else quote
    n = len(line)
    j = -1
    while i < n:
        if j < i:
            j = line.find(close, i)  # (looked for again only once passed)
        if j < 0:
            return n
        if family == "c":
            k = line.find("\\", i, j)
            if k >= 0:
                i = k + 2
                continue
        if family == "sql" and j + 1 < n and line[j + 1] == close:
            i = j + 2  # '' and ]] escape themselves
            continue
        return j + 1
    return n


# what each line is


def _noise_reason(line: str, family: str) -> str | None:
    if family == "sql":
        if _GO.fullmatch(line.strip()):
            return "sql batch separator"
        if _NOEXEC.fullmatch(_without_sql_comment(line).strip()):
            return "sql session setting"
        return None
    if _PACKAGE.fullmatch(line.strip()):
        return "package line"
    if _IMPORT.fullmatch(line.strip()):
        return "import line"
    return None


def _without_sql_comment(line: str) -> str:
    at = line.find("--")
    return line if at < 0 else line[:at]


def _commented_code(text: str, family: str) -> bool:
    """A line comment whose words are a statement: code taken out, not a note."""
    body = text.strip()
    cut = body.find("//" if family == "c" else "--")
    if cut > 0:
        body = body[:cut].rstrip()  # its own trailing comment
    if not body or body.endswith(("...", "…")):
        return False
    if body.endswith(";"):
        return True
    first = _first_word(body)
    if family == "sql":
        return (
            first.isupper()
            and first in _SQL_KEYWORDS
            and any(ch in body for ch in "(=@*")
            and body[-1] not in ".:!?"
        )
    if not body.endswith(("{", "}")):
        return False
    return (
        first in _C_KEYWORDS
        or body.startswith("@")
        or _DECLARATION.match(body) is not None
        or _CALL.match(body) is not None
    )


def _roles(reader: _Reader) -> list[str]:
    """Each line's role: blank, noise, code, or comment (a note)."""
    lines, lexed, family = reader.lines, reader.lexed, reader.family
    roles: list[str] = []
    for line, lx in zip(lines, lexed, strict=True):
        if not line.strip():
            roles.append("blank")
        elif _noise_reason(line, family) is not None:
            roles.append("noise")
        elif lx.text is None or (lx.block < 0 and _commented_code(lx.text, family)):
            roles.append("code")
        else:
            roles.append("comment")
    inside = _inside_code(reader, roles)
    for n in reader.noise:
        roles[n] = "noise"
    return ["code" if r == "comment" and inside[n] else r for n, r in enumerate(roles)]


def _inside_code(reader: _Reader, roles: list[str]) -> list[bool]:
    """The comment lines inside code: in a method's body (a brace no type declaration
    opened), or inside a SQL statement that goes on below them. The lines that open and
    close the file's outer type ("public class Notes {" … "}") are noted as noise."""
    lexed = reader.lexed
    inside = [False] * len(roles)
    if reader.family == "c":
        braces: list[bool] = []  # each brace open: whether code (not a type) opened it
        for n, lx in enumerate(lexed):
            if roles[n] == "comment":
                inside[n] = any(braces)
                continue
            if roles[n] != "code" or lx.text is not None:
                continue
            bare = lx.bare
            outer = not braces
            decl = _TYPE_DECL.search(bare)
            typed = decl.start() if decl is not None else len(bare)  # where a type is declared
            new = _NEW.search(bare)
            made = new.start() if new is not None else len(bare)  # where an object is made
            for k, ch in enumerate(bare):
                if ch == "{":
                    # a brace after "class X" (and no "new") opens a type's members
                    opened = not typed < k or made < k
                    if len(braces) < _MAX_BRACES:
                        braces.append(opened)
                elif ch == "}" and braces:
                    closed = braces.pop()
                    if not braces and not closed and _CLOSERS.match(bare):
                        reader.noise[n] = "class braces"  # the outer type's last brace
            if outer and braces == [False] and bare.rstrip().endswith("{"):
                reader.noise[n] = "class declaration"  # the outer type's opener
        return inside
    below = [len(roles)] * (len(roles) + 1)  # the first line at or under each not a comment
    for n in range(len(roles) - 1, -1, -1):
        below[n] = below[n + 1] if roles[n] == "comment" else n
    depth = 0  # BEGIN/CASE … END open
    open_statement = False
    for n, lx in enumerate(lexed):
        role = roles[n]
        if role == "noise":
            depth, open_statement = 0, False
        elif role == "code" and lx.text is None:
            bare = lx.bare.strip()
            if _GO.fullmatch(bare):
                depth, open_statement = 0, False
                continue
            depth = _sql_depth(bare, depth)
            open_statement = bool(bare) and not bare.endswith(";")
        elif role == "comment" and (depth > 0 or open_statement):
            inside[n] = depth > 0 or _statement_goes_on(reader, roles, below[n])
    return inside


def _sql_depth(bare: str, depth: int) -> int:
    """The BEGIN … END and CASE … END blocks open after the line."""
    bare = _SQL_TRANSACTION.sub(" ", bare)
    for m in _SQL_BLOCK_WORD.finditer(bare):
        depth += -1 if m.group().upper() == "END" else 1
        depth = min(max(depth, 0), _MAX_BRACES)
    return depth


def _statement_goes_on(reader: _Reader, roles: list[str], k: int) -> bool:
    """The statement above a SQL comment goes on below it: the line right under the
    comment's lines (k) is code that opens no statement of its own."""
    if k >= len(roles) or roles[k] != "code" or reader.lexed[k].text is not None:
        return False
    return _first_word(reader.lexed[k].bare.strip()).upper() not in _SQL_STATEMENTS


# the pieces of Markdown


def _pieces(reader: _Reader) -> None:
    roles = _roles(reader)
    n = 0
    count = len(roles)
    while n < count:
        role = roles[n]
        if role == "blank":
            reader.pieces.append(_Piece(n, "", "blank"))
            n += 1
        elif role == "noise":
            reason = reader.noise.get(n) or _noise_reason(reader.lines[n], reader.family) or ""
            _skip(reader, n, reason)
            n += 1
        elif role == "code":
            end = n
            k = n
            while k < count and roles[k] in ("code", "blank", "noise"):
                if roles[k] == "code":
                    end = k + 1
                k += 1
            _code_run(reader, roles, n, end)
            n = end
        else:
            end = n + 1
            group = reader.lexed[n].block
            while (
                end < count
                and roles[end] == "comment"
                and reader.lexed[end].block == group
                and not (group >= 0 and reader.lexed[end].first)
            ):
                end += 1
            _comment(reader, n, end)
            n = end


def _skip(reader: _Reader, n: int, reason: str) -> None:
    reader.skipped.append((n + 1, reason, noise_text(reader.lines[n])))
    reader.pieces.append(_Piece(n, "", "blank"))


def _code_run(reader: _Reader, roles: list[str], start: int, end: int) -> None:
    """Lines of code (blank and noise lines between them kept out) as a fenced block."""
    lines = reader.lines
    code = [(n, "" if roles[n] != "code" else lines[n].rstrip()) for n in range(start, end)]
    for n in range(start, end):
        if roles[n] == "noise":
            reason = reader.noise.get(n) or _noise_reason(lines[n], reader.family) or ""
            reader.skipped.append((n + 1, reason, noise_text(lines[n])))
    shown = [t for _, t in code if t.strip()]
    if reader.family == "c" and _only_braces(shown):
        for n, t in code:
            if t.strip():
                _skip(reader, n, "class braces")
        return
    indent = min(len(t) - len(t.lstrip()) for t in shown)
    fence, code = fenced([(n, t[indent:]) for n, t in code])
    if not code:
        return
    reader.pieces.append(_Piece(code[0][0] - 1, fence + reader.language, "code"))
    reader.pieces += [_Piece(n, t, "code") for n, t in code]
    reader.pieces.append(_Piece(code[-1][0] + 1, fence, "code"))


def _only_braces(shown: list[str]) -> bool:
    """A run of code that is a type's opener or closing braces only: no fact."""
    if all(_CLOSERS.match(t) for t in shown):
        return True
    return (
        len(shown) == 1
        and shown[0].rstrip().endswith("{")
        and _TYPE_DECL.search(shown[0]) is not None
    )


def _comment(reader: _Reader, start: int, end: int) -> None:
    """The lines of one comment (a block, or line comments under each other) as notes."""
    lexed = reader.lexed
    texts = [lexed[n].text or "" for n in range(start, end)]
    javadoc = lexed[start].javadoc
    block = lexed[start].block >= 0
    texts = _unmargined(texts, javadoc, lexed[start].first) if block else _dedented(texts)
    if javadoc:
        texts = [_javadoc_words(t) for t in texts]
    prose: list[_Prose] = []
    i = 0
    while i < len(texts):
        n = start + i
        raw = texts[i].rstrip()
        text = raw.strip()
        col = len(raw) - len(raw.lstrip())
        box = _box_title(texts, i)
        if box is not None:
            _flush(reader, prose)
            mark, title = box
            _skip(reader, n, "comment rule")
            _heading(reader, n + 1, mark, title)
            _skip(reader, n + 2, "comment rule")
            i += 3
            continue
        i += 1
        if not text:
            _flush(reader, prose)
            if reader.lines[n].strip():
                _skip(reader, n, "comment marker")
            else:
                reader.pieces.append(_Piece(n, "", "blank"))
            continue
        heading = _heading_of(text)
        if heading is not None:
            _flush(reader, prose)
            mark, title = heading
            if title:
                _heading(reader, n, mark, title)
            else:
                _skip(reader, n, "region marker")
            continue
        if _END_REGION.match(text) or _END_FOLD.match(text):
            _flush(reader, prose)
            _skip(reader, n, "region marker")
            continue
        if _is_rule(text):
            _flush(reader, prose)
            _skip(reader, n, "comment rule")
            continue
        if javadoc and _JAVADOC_TAG.match(text):
            _flush(reader, prose)
            _skip(reader, n, "javadoc tag")
            continue
        prose.append(_Prose(n, col, text))
    _flush(reader, prose)


def _unmargined(texts: list[str], javadoc: bool, first: bool) -> list[str]:
    """A block comment's lines without its margin: Javadoc's " * ", else the indent its lines
    share; its first line's words (after the "/*") start at the margin."""
    rest = texts[1:] if first else texts
    starred = [t for t in rest if t.strip()]
    if javadoc or (starred and all(t.lstrip().startswith("*") for t in starred)):
        out = []
        for t in texts:
            s = t.lstrip()
            if s.startswith("*") and not s.startswith("**"):
                s = s[1:]
                s = s[1:] if s.startswith(" ") else s
            elif s.startswith("*"):
                s = s.lstrip("*")  # a margin of stars: "***** x"
            out.append(s if t.strip() else "")
        if first:
            out[0] = texts[0].strip()
        return out
    return [texts[0].strip(), *_dedented(rest)] if first else _dedented(texts)


def _dedented(texts: list[str]) -> list[str]:
    """Lines without the indent they all share (tabs read as four spaces)."""
    texts = [t.replace("\t", "    ") for t in texts]
    indents = [len(t) - len(t.lstrip()) for t in texts if t.strip()]
    cut = min(indents, default=0)
    return [t[cut:] if t.strip() else "" for t in texts]


def _javadoc_words(text: str) -> str:
    """A Javadoc line's words: `{@code x}` and `<code>x</code>` code spans, `<b>` bold, the
    other tags gone, entities read."""
    if "{" in text:
        text = _JAVADOC_INLINE.sub(lambda m: code_span(m.group(1)), text)
    if "<" in text:
        text = _JAVADOC_ITEM.sub("- ", text)
        text = _JAVADOC_CODE.sub(lambda m: code_span(html.unescape(m.group(1))), text)
        text = _JAVADOC_BOLD.sub("**", text)
        text = _JAVADOC_ITALIC.sub("*", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _is_rule(text: str) -> bool:
    return len(text) >= _MIN_BANNER_RUN and text[0] in _BANNER_MARKS and text == text[0] * len(text)


def _box_title(texts: list[str], i: int) -> tuple[str, str] | None:
    """A title boxed by two rules of one mark ("-- =====" / "-- Backups" / "-- ====="), the
    mark and the title."""
    if i + 2 >= len(texts):
        return None
    top, title, bottom = texts[i].strip(), texts[i + 1].strip(), texts[i + 2].strip()
    if not (_is_rule(top) and _is_rule(bottom) and top[0] == bottom[0]):
        return None
    if not title or len(title) > _MAX_TITLE_CHARS or len(title.split()) > _MAX_BOX_TITLE_WORDS:
        return None
    if title.endswith((".", ",", ";")):
        return None
    banner = _banner(title)
    return "box " + top[0], banner[1] if banner else title  # a style of its own


def _heading_of(text: str) -> tuple[str, str] | None:
    """A banner's or a region's mark and title (an empty title for a region with none)."""
    if len(text) > _MAX_HEADING_CHARS:
        return None
    region = _REGION.match(text) or _FOLD.match(text)
    if region is not None:
        title = region.group("title").strip()
        banner = _banner(title)
        if banner is not None:
            return banner
        return "region", title[:_MAX_TITLE_CHARS]
    return _banner(text)


def _banner(text: str) -> tuple[str, str] | None:
    """A banner's mark and title: "===== [ch1] PRIMITIVES =====", "---- Streams ----",
    "===== Streams"."""
    if not text or text[0] not in _BANNER_MARKS:
        return None
    mark = text[0]
    lead = len(text) - len(text.lstrip(mark))
    trail = len(text) - len(text.rstrip(mark))
    if lead < _MIN_BANNER_RUN or lead == len(text):
        return None
    if trail < _MIN_BANNER_RUN and (mark not in "=#" or lead < _MIN_ONE_SIDED_RUN):
        return None
    title = text[lead : len(text) - trail if trail >= _MIN_BANNER_RUN else len(text)].strip()
    if len(title) > _MAX_TITLE_CHARS or not any(ch.isalnum() for ch in title):
        return None  # "-----+-----+-----": a table's rule, no title
    return mark, title


def _heading(reader: _Reader, n: int, mark: str, title: str) -> None:
    """A banner's heading: a level for each mark in the order first used, one below the
    file's title (a boxed title before anything else)."""
    if mark.startswith("box") and not any(p.text for p in reader.pieces):
        reader.pieces.append(_Piece(n, f"# {_inline_safe(title)}", "head"))
        return
    if mark not in reader.styles:
        reader.styles.append(mark)
    level = min(2 + reader.styles.index(mark), 6)
    reader.pieces.append(_Piece(n, f"{'#' * level} {_inline_safe(title)}", "head"))


# a comment's notes as Markdown


@dataclass
class _Level:
    col: int  # the column its marker was at in the comment
    content: int  # the column its words start at in the Markdown


def _flush(reader: _Reader, prose: list[_Prose]) -> None:
    """Lines of a comment under each other: paragraphs, list items, lines going on with
    the one above, and tables."""
    if not prose:
        return
    stack: list[_Level] = []
    floor: int | None = None  # the column at or left of which an unmarked line ends the list
    prev: _Prose | None = None
    prev_kind = ""
    i = 0
    while i < len(prose):
        p = prose[i]
        if prev is not None and p.n != prev.n + 1:
            stack, floor, prev, prev_kind = [], None, None, ""
        rows = _ascii_table(prose, i)
        if not rows and (prev is None or p.col <= prev.col) and (floor is None or p.col <= floor):
            rows = _aligned_table(prose, i)
        if rows:
            reader.tables += 1
            for src, row in rows:
                reader.pieces.append(_Piece(src, row, "table", reader.tables))
            i += len({src for src, _ in rows})
            stack, floor, prev, prev_kind = [], None, None, "table"
            continue
        i += 1
        item = _ITEM.match(p.text)
        marker, words = "", p.text
        if item is not None:
            marker, words = item.group("mark"), p.text[item.end() :]
        elif (m := _BULLET.match(p.text) or _BRANCH.match(p.text)) is not None:
            marker, words = "-", p.text[m.end() :]
        deeper = prev is not None and p.col > prev.col
        if not marker and prev is not None and deeper and _goes_on(prev.text, p.text):
            if prev_kind in ("item", "icont") and stack:
                pad = " " * stack[-1].content
                reader.pieces.append(_Piece(p.n, pad + _inline_safe(block_safe(words)), "icont"))
                prev_kind = "icont"
            else:
                reader.pieces.append(_Piece(p.n, _inline_safe(block_safe(words)), "cont"))
                prev_kind = "cont"
            prev = _Prose(p.n, prev.col, p.text)  # a line going on keeps the column above
            continue
        # "3. …" under a paragraph ("… 1. x  2. y") numbers on: a note of its own, no list
        plain = marker[:1].isdigit() and int(marker[:-1]) != 1 and prev_kind in ("para", "cont")
        if plain:
            marker, words = "", p.text
        implicit = not marker and not plain and (deeper or (floor is not None and p.col > floor))
        if implicit:
            marker = "-"  # a point under the line above
        if marker:
            if not stack:
                floor = prev.col if implicit and prev is not None else p.col
            while stack and stack[-1].col >= p.col:
                stack.pop()
            indent = stack[-1].content if stack else 0
            if len(stack) >= _MAX_DEPTH:
                indent = stack[-1].content - len(marker) - 1
                stack.pop()
            stack.append(_Level(p.col, indent + len(marker) + 1))
            late = marker[0].isdigit() and int(marker[:-1]) != 1
            text = f"{' ' * indent}{marker} {_inline_safe(words)}"
            reader.pieces.append(_Piece(p.n, text, "item", late=late))
            prev_kind = "item"
        else:
            stack, floor = [], None
            reader.pieces.append(_Piece(p.n, _inline_safe(block_safe(words)), "para"))
            prev_kind = "para"
            if plain:
                p = _Prose(p.n, prev.col if prev is not None else p.col, p.text)
        prev = p
    prose.clear()


def _goes_on(above: str, text: str) -> bool:
    """The line goes on with the one above: that one stops mid-sentence, or this one opens
    with a parenthesis, an operator or a conjunction."""
    end = above.rstrip()
    if end.endswith(_GOES_ON_ENDS) and not end.endswith(("->", "--")):
        return True
    return _GOES_ON_STARTS.match(text) is not None


def _ascii_table(prose: list[_Prose], i: int) -> list[tuple[int, str]]:
    """A table drawn in a comment ("tier | DTUs" over "-----+-----" over rows with as many
    bars) as a pipe table's rows, each on its line; [] for none."""
    if i + 2 >= len(prose) or prose[i + 1].n != prose[i].n + 1:
        return []
    head, rule = prose[i].text, prose[i + 1].text
    bars = head.count("|")
    if not bars or not _TABLE_RULE.match(rule) or rule.count("-") + rule.count("=") < 3:
        return []
    if "+" not in rule and rule.count("|") != bars:
        return []
    rows = [head]
    k = i + 2
    while k < len(prose) and prose[k].n == prose[k - 1].n + 1 and prose[k].text.count("|") == bars:
        rows.append(prose[k].text)
        k += 1
    if len(rows) < 2:
        return []
    cells = [_cells(r) for r in rows]
    width = len(cells[0])
    out = [(prose[i].n, _row(cells[0], width))]
    out.append((prose[i + 1].n, "| " + " | ".join(["---"] * width) + " |"))
    out += [(prose[i + 2 + k].n, _row(c, width)) for k, c in enumerate(cells[1:])]
    return out


def _aligned_table(prose: list[_Prose], i: int) -> list[tuple[int, str]]:
    """A table aligned with spaces in a comment ("level   dirty read  phantom" over
    "SNAPSHOT   no   no   row versions"): a header of short names, then rows whose cells
    each sit under one of them (one more cell past the last, a note, is a column of its
    own). Its pipe table's rule goes on the line under the header, moving the rows down."""
    if i + 2 >= len(prose):
        return []
    head = prose[i]
    spans = _spans(head.text)
    if not _MIN_ALIGNED_COLUMNS <= len(spans) <= _MAX_ALIGNED_COLUMNS:
        return []
    if not all(_HEAD_CELL.match(t) for _, _, t in spans):
        return []
    rows: list[tuple[int, list[str]]] = []
    extra = False
    k = i + 1
    while k < len(prose) and prose[k].n == prose[k - 1].n + 1 and prose[k].col == head.col:
        placed = _under(spans, _spans(prose[k].text))
        if placed is None:
            break
        cells, note = placed
        extra = extra or note
        rows.append((prose[k].n, cells))
        k += 1
    if len(rows) < _MIN_ALIGNED_ROWS:
        return []
    width = len(spans) + extra
    names = [t for _, _, t in spans] + ([_NOTE_COLUMN] if extra else [])
    out = [(head.n, _row(names, width)), (head.n, "| " + " | ".join(["---"] * width) + " |")]
    return out + [(n, _row(cells, width)) for n, cells in rows]


def _spans(text: str) -> list[tuple[int, int, str]]:
    """The cells of a line aligned with spaces: (start, end, words), parted by two spaces
    or more."""
    out: list[tuple[int, int, str]] = []
    for m in _ALIGNED_CELL.finditer(text):
        out.append((m.start(), m.end(), m.group()))
        if len(out) > _MAX_ALIGNED_COLUMNS + 1:
            break  # too many for a table: no need to read on
    return out


def _under(
    head: list[tuple[int, int, str]], cells: list[tuple[int, int, str]]
) -> tuple[list[str], bool] | None:
    """A row's cells under the header's columns, and whether it has a note past the last;
    None for a line whose cells sit under no column, or two under one."""
    if not _MIN_ALIGNED_COLUMNS <= len(cells) <= len(head) + 1 or cells[0][0] != head[0][0]:
        return None
    out = [""] * len(head)
    filled = [False] * len(head)
    note = ""
    last_end = head[-1][1]
    for start, end, text in cells:
        over = [j for j, (s, e, _) in enumerate(head) if start <= e and end >= s]
        if not over and start > last_end + 1 and not note and start == cells[-1][0]:
            note = text
            continue
        if len(over) != 1 or filled[over[0]]:
            return None
        out[over[0]], filled[over[0]] = text, True
    return out + ([note] if note else []), bool(note)


def _cells(row: str) -> list[str]:
    cells = [c.strip() for c in row.split("|")]
    if len(cells) > 2 and not cells[0] and not cells[-1]:
        cells = cells[1:-1]  # a row drawn with bars at its ends
    return cells


def _row(cells: list[str], width: int) -> str:
    cells = (cells + [""] * width)[:width]
    return "| " + " | ".join(_inline_safe(c) for c in cells) + " |"


def _inline_safe(text: str) -> str:
    """Words with a "<" that would open an HTML tag escaped, outside code spans."""
    if "<" not in text:
        return text
    parts = text.split("`")
    if len(parts) % 2 == 0:  # a backtick left open marks no span
        return _INLINE_HTML.sub(r"\\<", text)
    for k in range(0, len(parts), 2):
        parts[k] = _INLINE_HTML.sub(r"\\<", parts[k])
    return "`".join(parts)


# placing the pieces


def _place(pieces: list[_Piece], count: int) -> list[str]:
    """The Markdown lines of a file of count lines: each piece on its own line, or on the next
    free one when the pieces before it took that one (past the end of the file if need be), a
    line further down where the two must be parted. Notes of a paragraph under each other are
    each stamped a note of their own; a line going on with the one above is not."""
    out = [""] * count
    at = 0
    prev: _Piece | None = None
    blank = False
    notes: list[int] = []  # the lines of the paragraph being placed that open a note
    for piece in pieces:
        if piece.kind == "blank":
            blank = True
            continue
        line = max(piece.src, at)
        if prev is not None and line == at and _parted(prev, piece, blank):
            line += 1
        while line >= len(out):
            out.append("")
        out[line] = piece.text
        joined = prev is not None and line == at and {prev.kind, piece.kind} <= _RUNS_ON
        if not joined:
            _stamp(out, notes)
        if piece.kind == "para":
            notes.append(line)
        at, prev, blank = line + 1, piece, False
    _stamp(out, notes)
    return out


def _stamp(out: list[str], notes: list[int]) -> None:
    if len(notes) >= 2:
        for k in notes:
            out[k] = LINE_NOTE + out[k]
    notes.clear()


def _parted(prev: _Piece, piece: _Piece, blank: bool) -> bool:
    """A blank line must part the two: the file parted them, or Markdown would read the
    second as more of the first (a paragraph under a list item or a table, a table under a
    paragraph, an item numbered past 1 under a paragraph)."""
    if blank and prev.kind in _PROSE and piece.kind in _TEXT:
        return True
    if prev.kind == "table":
        return piece.kind != "table" or piece.group != prev.group
    if prev.kind in ("item", "icont"):
        return piece.kind in _TEXT
    if prev.kind in ("para", "cont"):
        return piece.kind == "table" or (piece.kind == "item" and piece.late)
    return False

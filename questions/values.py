"""Typed values: what kind of thing an answer is, so every option is of the same kind.

A shape is a short label ("num:s", "range", "header", "snake", "Pascal", "zh", ...). Numbers
carry their unit, normalised ("30 seconds" and "30s" are both num:s), so a 30-second answer is
only ever offered next to other durations; terms their surface form, grouped into families
(camelCase and dotted fields, names and acronyms) that may stand side by side.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from functools import lru_cache

# Re-exported: the generator's modules read numbers from here.
from questions.quantities import LADDERS
from questions.quantities import UNITS as UNITS
from questions.quantities import Number as Number
from questions.quantities import numbers_in as numbers_in
from questions.quantities import parse_number as parse_number
from questions.text import CJK, STOP_EN

RANGE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:-|–|~|to)\s?\d+(?:\.\d+)?(?![\w.])")


def fmt_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}" if value >= 10000 else str(int(value))
    return f"{value:g}"


_COUNTABLE = {
    w + s: w for w in ("second", "minute", "hour", "day", "week", "month", "year", "byte",
                       "bit", "millisecond", "time", "worker", "column", "element", "row")
    for s in ("", "s")
}  # fmt: skip


#: compiled once: every number offered is written anew
_DECIMALS = re.compile(r"\d+(?:,\d{3})*(?:\.(\d+))?")
_UNIT_WORD = re.compile(r"^(\s?)([A-Za-z]+)$")


def decimals(number: Number) -> int:
    """How many decimal places the number is written with ("4.0" -> 1, "128MB" -> 0)."""
    m = _DECIMALS.match(number.text)
    return len(m.group(1)) if m and m.group(1) else 0


def with_value(template: Number, value: float) -> str:
    """The template number's text with another value, unit, spacing and decimals as written."""
    digits = template.text[: len(template.text) - len(template.text.lstrip("0123456789.,"))]
    rest = template.text[len(digits) :]
    places = decimals(template)
    plain = f"{value:.{places}f}" if places else fmt_number(value)
    word = _UNIT_WORD.match(rest)
    plural_style = word is not None and (template.value == 1 or word.group(2).lower().endswith("s"))
    if word and plural_style and word.group(2).lower() in _COUNTABLE:  # "2 seconds", "1 second"
        singular = _COUNTABLE[word.group(2).lower()]
        noun = singular if value == 1 else singular + "s"
        rest = word.group(1) + (noun.capitalize() if word.group(2)[0].isupper() else noun)
    if "," in digits:  # "5,000", "3,992.71": its options are written "2,500", "3,992.61"
        plain = f"{value:,.{places}f}" if places else f"{round(value):,}"
    elif "," not in digits:
        plain = plain.replace(",", "")
    return plain + rest


# --- shapes: the surface form of a term, finer than a signature -------------------------------

_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("flag", re.compile(r"^--?[A-Za-z][\w-]*(=\S*)?$")),
    ("header", re.compile(r"^[A-Z][a-z]+(-[A-Z][a-z]+)+(:.*)?$")),
    ("protocol", re.compile(r"^[A-Z][A-Za-z]*/\d(\.\d)?$")),
    ("kv", re.compile(r"^[A-Za-z_][\w.\-/]*(:\s?|\s?=\s?)\S+$")),
    ("tag", re.compile(r"^[:@#][\w.-]+$")),
    # a file name's ending (".tf.json", "*.tftest.hcl"): no path or module source beside it
    ("ext", re.compile(r"^\*?\.[a-z0-9]+\.[a-z0-9]+$|^\*\.[a-z0-9]+$")),
    ("path", re.compile(r"^[./~]\S*/\S*$|^[a-z][\w.-]*/[\w./-]*$|^\.?[\w-]*\.(conf|ya?ml|json|sh|py|toml|ini|xml|properties|md|txt|sql|signal|config)$|^\.[a-z][\w-]+$")),
    ("dotted", re.compile(r"^[a-z][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+(\(\))?$")),
    ("caps", re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")),
    ("snake", re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+(\(\))?$")),
    ("kebab", re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+(=\S+)?$")),
    ("camel", re.compile(r"^[a-z]+[A-Z][A-Za-z0-9]*$")),
    ("call", re.compile(r"^[\w.]+\(.*\)$")),
)  # fmt: skip
#: a setting's name written after what it belongs to: dotted or snake_case, or set to a value
_KNOB = re.compile(r"^[a-z][a-z0-9]*([._][a-z0-9]+)+(=\S+)?$")
#: shapes that may stand side by side as options (anything else only with its own shape)
_FAMILIES = {
    "camel": "field", "dotted": "field",
    "Name": "name", "Pascal": "name", "acronym": "name", "Names": "name", "protocol": "name",
    "lower": "lower", "lowers": "lower",
}  # fmt: skip


_VERSION = re.compile(r"v?\d+\.\d+(\.\d+)?")
_EXPR_MARK = re.compile(r"[*<>=|{}\[\]]")
_ACRONYM_FORM = re.compile(r"[A-Z0-9][A-Z0-9./+-]*")
_CAPITAL = re.compile(r"[A-Z]")
_PASCAL_FORM = re.compile(r"[A-Z][a-z0-9]*([A-Z][A-Za-z0-9]*)+")


#: what a yes/no cell says, alone ("✅", "no", "不支持")
POSITIVE = re.compile(r"^(✅|✔|✔️|✓|☑|yes|y|true|supported|possible|是|支持|有|可以|√|o)$", re.I)
NEGATIVE = re.compile(
    r"^(❌|✖|✗|✘|✕|no|n|false|not supported|not possible|否|不支持|无|没有|不可以|×|x)$", re.I
)


#: a mark symbol opening a cell, whatever follows it
_MARK_FIRST = re.compile(r"\s*(✅|✔️|✔|☑|√|❌|✖|✗|✘|×)")


def mark_remark(cell: str) -> str:
    """What a cell says after the yes/no mark it opens with ("✅ (max 500)" -> "max 500",
    "❌ → stream it instead" -> "stream it instead"); the cell itself when it opens with none."""
    m = _MARK_FIRST.match(cell)
    if m is None:
        return cell.strip()
    rest = re.sub(r"^[\s→\-–—:>]*", "", cell[m.end() :]).strip()
    return re.sub(r"^[(（](.*)[)）]$", r"\1", rest).strip()


def leading_mark(cell: str) -> bool | None:
    """The side of a yes/no mark that opens a cell ("✅ Ctrl-Z" True, "❌ never" False), None
    for a cell that opens with no mark: what the cell answers to a yes/no header."""
    m = _MARK_FIRST.match(cell)
    if m is not None:  # "✅（全部拒绝）": a mark with its remark in brackets, no space between
        return POSITIVE.match(m.group(1)) is not None
    head = cell.strip().split(" ", 1)[0] if cell.strip() else ""
    if not head or head.isalpha():
        return None
    if POSITIVE.match(head):
        return True
    return False if NEGATIVE.match(head) else None


@lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """The surface form of a term: flag, header, kv, path, camel, snake, Name, lower, zh, …;
    numbers keep their signature (num:MB, range, version)."""
    t = text.strip().strip("`").strip()
    net = network_kind(t)
    if net:
        return net
    if RANGE.fullmatch(t):
        return "range"
    n = parse_number(t.lstrip("+-"))
    if n is not None:  # "-1" is a number, not a lower-case word beside "SET"
        return f"num:{n.unit}" if n.unit else "num"
    if _VERSION.fullmatch(t):
        return "version"
    if CJK.search(t):
        return "zh"
    for name, pattern in _SHAPES:
        if pattern.match(t):
            return name
    words = t.split()
    if len(words) > 4:
        return "phrase"
    if len(words) > 1 and any(_KNOB.match(w) for w in words[1:]):
        return "owned-knob"  # "producer transaction.timeout.ms": a name and its setting
    if _EXPR_MARK.search(t):
        return "expr"
    if len(words) == 1:
        w = words[0]
        if _ACRONYM_FORM.fullmatch(w) and _CAPITAL.search(w):
            return "acronym"
        if _PASCAL_FORM.fullmatch(w):
            return "Pascal"
        if w[:1].isupper():
            return "Name"
        return "lower"
    if not words:
        return "empty"  # an empty cell, or one of markup alone
    if words[0][:1].isupper() or words[0][:1].isdigit():
        return "Names"
    return "lowers"


#: what an address or a network may be written with: a cheap test before ipaddress parses it
_NETWORKISH = re.compile(r"[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(/\d{1,3})?")
#: a port with its protocol ("51820/udp", "53/tcp") or a protocol suffix cut from one ("/udp")
_PORT_PROTO = re.compile(r"(\d{1,5})?/(tcp|udp|sctp)", re.I)


def network_kind(text: str) -> str:
    """ip (`172.17.0.1`, `::1`), cidr (`172.17.0.0/16`), port (`51820/udp`, `/udp`) or "":
    an address is no interface, firewall or host name, whatever its letters look like."""
    if _PORT_PROTO.fullmatch(text):
        return "portproto"
    if not _NETWORKISH.fullmatch(text) or not re.search(r"\d", text):
        return ""
    try:
        if "/" in text:
            ipaddress.ip_network(text, strict=False)
            return "cidr"
        if text.count(".") == 3 or ":" in text:
            ipaddress.ip_address(text)
            return "ip"
    except ValueError:
        return ""
    return ""


#: kinds no option of another kind may stand beside, whatever the question: an address beside
#: an interface name, a flag beside a command, a number beside a name is told apart by its form
_HARD_KINDS = frozenset({"ip", "cidr", "portproto", "flag", "path", "number"})


@lru_cache(maxsize=65536)
def hard_kind(text: str) -> str:
    """The coarse kind of an option: ip, cidr, portproto, flag, path, number, or "term"."""
    s = shape(text)
    if s.startswith("num") or s in ("range", "version"):
        return "number"
    return s if s in _HARD_KINDS else "term"


def other_kind(option: str, answer: str) -> bool:
    """The option is of another hard kind than the answer (`172.17.0.1` for an interface,
    `/udp` for a firewall, `2000` for an API type)."""
    mine, theirs = hard_kind(answer), hard_kind(option)
    return mine != theirs and (mine in _HARD_KINDS or theirs in _HARD_KINDS)


def family(text: str) -> str:
    s = shape(text)
    return _FAMILIES.get(s, s)


def command_like(text: str) -> bool:
    """A program and its arguments (`git fetch`, `kubectl top pod`), not a name (`origin`,
    `EXPLAIN ANALYZE`)."""
    words = text.split()
    return len(words) >= 2 and words[0].islower()


_KEYWORD = re.compile(r"\(?[A-Z][A-Z0-9_]+[),]*")  # `(BUFFERS)` is a keyword too


def code_form(text: str) -> str:
    """How a piece of code is written: a bare name (`UNLINK`, `pg_dump`), keywords only
    (`ACL LIST`, `VACUUM FULL`, `EXPLAIN (BUFFERS)`), or a command line with arguments (`TTL key`, `git push -f`).
    Options of one question share it, or the one bare name among command lines stands out."""
    words = text.strip().strip("`").split()
    if len(words) <= 1:
        return "bare"
    if all(_KEYWORD.fullmatch(w) for w in words):
        return "keywords"
    return "line"


def same_family(a: str, b: str) -> bool:
    """Two option texts of one surface kind (two durations, two headers, two Names)."""
    return family(a) == family(b)


# --- what a number counts: a quantity may be near-missed, an identifier may not ----------------

_ID_BEFORE = re.compile(
    r"(\b(v|version|versions|since|PG|pg|postgres|postgresql|release|rfc|RFC|TLS|HTTP|exit code|"
    r"code|status|sqlstate|SQLSTATE|port|ports|udp|tcp|UDP|TCP|in|by|until|before|after|"
    r"http/?|h)\s*|端口|版本|状态码|自|从)$",
    re.I,
)
_ID_AFTER = re.compile(r"^\s*(端口|port\b)", re.I)
#: "GA in 4.0", "since kernel 4.20": a release, of the thing the clause names if any
_AT_RELEASE = re.compile(
    r"\b(in|since|until|from|before|after)(?:\s+[A-Za-z][\w-]*){0,3}?"
    r"(?<!\bof)(?<!\bto)(?<!\bby)(?<!\bat)(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bper)(?<!\bthan)\s*$",
    re.I,
)
#: "(up to 3.13; 3.14 switched …)": the last release of a span, said as a point in time
_UP_TO = re.compile(r"\b(?:up to|through)\s*$", re.I)
#: a release said by what it changed: "0.11 removed the legacy format", "2.4 added team sync"
_RELEASE_VERB = re.compile(
    r"^\s*(?:(added|introduced|removed|deprecated|dropped|shipped|brought|made|changed|fixed|"
    r"replaced|renamed|switched|moved|enabled|disabled|became|turned)\b"
    # "8.0 已删", "3.3 起", "5.7 引入", "8.0 里": a release said in Chinese
    r"|(?:版本?)?\s*(?:里|中|起|开始|之后|以后|之前|以前|引入|加入|新增|已删|删除|移除|已移除|废弃|弃用|已废弃"
    r"|已经(?:删|移除|废弃|去掉)|被删|删掉))",
    re.I,
)
#: a list of ports under its label, up to the number: "Default ports: 9092 (PLAINTEXT), "
_CLAUSE_END = re.compile(r"\s*($|[)）,.;:，。；]|[—–-]\s|(and|or|but|then|after|before)\b)")
_PORT_LIST = re.compile(
    r"(\bports|端口)\s*[:：]\s*(\d+[^,;，；、\d][^,;，；、]*[,，、]\s*)+$", re.I
)
_MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


#: words a server's answer follows ("rejected with", "returns", "gets a"): a bare 1xx-5xx
#: number after them is a status code, and a quantity beside it (600, 750) no fair option
_ANSWERED_WITH = re.compile(
    r"\b(rejected with|fails? with|answers?( with)?|responds? with|returns?|gets? an?)\s*$", re.I
)
#: what may follow such a code: the end of the clause, or "error", "response", "by default"
_CODE_AFTER = re.compile(
    r"^\s*($|[.,;:)（(]|(errors?|responses?|status|by|when|if|and|or)\b)", re.I
)


#: a server's port said by what it does: "listens on 9093", "bound to 8443", "监听 8080"
_LISTENS = re.compile(
    r"(\blisten(s|ing)?(\s+(by\s+default|only|internally))?(\s+on)?|\bbound\s+to|\bbinds?\s+to|监听)"
    r"\s*:?\s*$",
    re.I,
)


#: the patterns `number_role` reads, compiled once: it reads every number of the notes, and
#: re's module functions cost more per call than the short texts they search
_YEAR = re.compile(r"(19|20)\d\d")
_AFTER_MONTH = re.compile(_MONTHS + r"\s*$", re.I)
#: "since 2019", "renamed 2023", "(added 2023)": the year a thing happened
_IN_YEAR = re.compile(
    r"\b(in|since|of|renamed|added|introduced|launched|released|announced|deprecated|retired)\s*$",
    re.I,
)
_AFTER_VERSION = re.compile(r"\b(v|version|versions|since|PG|pg|release|TLS|HTTP)\s*$", re.I)
#: a runtime or system its users name by release ("JDK 1.8", "Java 17", "Python 3.12", "Ubuntu
#: 22.04"): the number after it is a release even with no mixed-case name before it, so its
#: options are releases, never 0.8 and 0.9 beside 1.8
_RUNTIME_BEFORE = re.compile(
    r"\b(JDK|JRE|J2SE|Java|Python|Node(\.js)?|Ruby|PHP|Perl|Go|Kotlin|Scala|Rust|Ubuntu|Debian|"
    r"CentOS|RHEL|Android|iOS|macOS|Kubernetes|K8s|k8s|Windows|Linux|[Kk]ernel|内核"
    # the tools a requirement pins by release: "setuptools ≥ 64", "pip >= 21.3", "npm 9"
    r"|pip|setuptools|wheel|poetry|npm|yarn|pnpm|node|gcc|clang|cmake|glibc|[Oo]pen[Ss][Ss][Ll])"
    r"\s*(?:[≥≤]|[<>]=?|==|~=)?\s*$"
)
#: a standard named by its number and letters: "802.1X", "802.11ac", "802.3af"
_STANDARD = re.compile(r"\d{3,4}\.\d{1,2}[A-Za-z]{1,3}")
#: the number a standard's name opens with, read alone: "802" of "802.1D-1998"
_STANDARD_HEAD = re.compile(r"\d{3,4}")
_STANDARD_TAIL = re.compile(r"\.\d{1,2}[A-Za-z]{1,3}\b")
#: what a number right after it measures, when that is no port ("port priority 128")
_MEASURED_BEFORE = re.compile(
    r"\b(priority|cost|weight|metric|distance|count|size|timeout|delay|interval|age|limit|"
    r"length|bandwidth|hops?|ttl|mtu)\s*[:=]?\s*$",
    re.I,
)
#: a kernel named right after its release number
_KERNEL_AFTER = re.compile(r"\s*(?:内核|(?i:kernels?)\b)")
#: a framework or server its users name by major release ("React 18", "MySQL 8", "Vue 3"):
#: the bare number after it is a release when no plural it counts follows ("React 18 的
#: StrictMode", "React 17 behaviour"), never in "Kafka 3 brokers"
_FRAMEWORK_BEFORE = re.compile(
    r"\b(React|Vue|Angular|Svelte|Next\.js|Nuxt|Django|Rails|Spring(?: Boot)?|Laravel|Deno|"
    r"Flutter|Dart|Swift|TypeScript|\.NET|Elixir|Erlang|PostgreSQL|Postgres|MySQL|MariaDB|Redis|"
    r"MongoDB|Elasticsearch|Kafka|Nginx|Oracle|Fedora|Gradle|Webpack|Vite|Bootstrap|Tailwind|"
    r"Ansible|Terraform|Jenkins|Spark|Hadoop|Cassandra|Docker|Helm|Istio|Envoy|Prometheus|"
    r"Grafana)\s*$"
)
_RELEASE_AFTER = re.compile(
    r"^\s*($|[)）,.;:!?，。；：、]|[A-Z]|[a-z]+(?<!s)\b|的|里|中|起|后|之后|以后|之前|以前|版|开始|引入|新增)"
)
#: what a year is said before: "2021 真题" (that year's exam), "2023 年", "2019 edition"
_YEAR_OF = re.compile(r"\s*(年|真题|考研|届|版|edition\b)", re.I)
#: brands whose products are named by a number ("Microsoft 365 E3", "Office 2021")
_NAMED_BY_NUMBER = re.compile(r"\b(Microsoft|Office)\s*$")
_CHANGED_IN = re.compile(r"\b(deprecated|removed|added|introduced|dropped|released)\s+in\s*$", re.I)
_RELEASE = re.compile(r"\d{1,2}(\.\d+)*")
#: a product's name as products write it, two capitals or more among lower case (OAuth,
#: PostgreSQL, MySQL, GraphQL): the x.y after it is its release; all capitals (CPU 1.5) may
#: be a measure
_PRODUCT_BEFORE = re.compile(r"\b(?=[A-Za-z]*[a-z])(?=(?:[a-z]*[A-Z]){2})[A-Za-z]+\s*$")
_MAJOR_MINOR = re.compile(r"\d{1,2}\.\d{1,2}")
_SEMVER = re.compile(r"\d+\.\d+\.\d+")
_FILE_NUMBER = re.compile(r"\d{4,}\.\d+")
_AFTER_PORT = re.compile(r"(port|端口)\S{0,3}\s*$", re.I)
#: a port said in prose, the verb between the word and the number: "the default port is
#: 9100", "its port defaults to 3000", "port number of 8080", "端口是 8080"
_PORT_SAID = re.compile(
    r"\b(port|端口)(\s+number)?\s*(is|was|of|stays|remains|defaults\s+to|set\s+to|=|是|为)\s*$",
    re.I,
)
_PORT_DIGITS = re.compile(r"\d{2,5}")
_AFTER_CODE = re.compile(
    # ... and a law's article or recital ("Art. 33", "Recital 26", "§ 5"): 128 beside Art. 32
    # is no article, the notes' other articles are
    r"(exit code|status code|code|sqlstate|状态码|rfc|\bart\.|\barticles?|\brecitals?|§)\s*\**\s*$",
    re.I,
)
_STATUS = re.compile(r"[1-5]\d\d")
#: a setting named for the status it answers with: "`limit_req_status` 默认也是 503",
#: "return_status defaults to 404"
_STATUS_SETTING = re.compile(
    r"[a-z][._-]?status(?:[._-]?code)?`?\s*(?:[:=]|\bdefaults\s+to|\bis|默认(?:也|值)?(?:是|为)?)?\s*$",
    re.I,
)
#: errors said to answer with a status ("/token errors → 400", "错误返回 401"): that number is
#: a status code, and so is any 1xx-5xx said under it
_ERROR_STATUS = re.compile(
    r"(?i)\b(errors?|fails?|failures?|rejects?|rejected)\s*(→|->|=>|=|:)\s*\**[1-5]\d\d\b"
    r"|(errors?|fails?|failures?|rejects?|rejected)\s*(→|->|=>|=|:)\s*$"
    r"|(错误|失败|拒绝)\S{0,2}(返回|→|->)\s*(\**[1-5]\d\d|$)"
)
_REASON_PHRASE = re.compile(r"^\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)*\b")
_AT_TIME = re.compile(r"\b(in|by|until|before|after)\s*$")


#: what says a number is a file mode: a permission set written in octal
_MODE_SAID = re.compile(
    r"\b(modes?|perms?|permissions?|chmod|umask|setuid|setgid|sticky)\b|权限", re.I
)
#: an octal file mode: "0644", "755", "4755", "100644", "040000"
_OCTAL_MODE = re.compile(r"0\d{2,5}|[0-7]{3,6}")


def file_mode(number: Number, said: str) -> bool:
    """A file mode: a bare digit string with a leading 0, or of the octal digits alone, where
    the text it is said in or under speaks of modes or permissions. It is a code, not a
    quantity: its near misses are the notes' other modes, never arithmetic neighbours."""
    return (
        not number.unit
        and _OCTAL_MODE.fullmatch(number.text) is not None
        and _MODE_SAID.search(said) is not None
    )


#: what a bare year is said right after: a name ("Adleman 1977"), a dash, a bracket, or a
#: verb in the past ("Rijndael won 2001", "standardized 1999")
_DATED_BEFORE = re.compile(
    r"(?:^|[(（—–]|\b[A-Z][A-Za-z-]+|\b(?:[a-z]{3,}ed|won|began|came|became))$"
)
#: and what ends it: the clause ("— 1976, first …", "(2024):")
_DATED_AFTER = re.compile(
    # "(2021 ECO)", "(2019 Edition)": the year names an edition of the name after it
    r"^\s*(?:$|[)）]|[,.;:，。；：](?!\d))|^ [A-Z][A-Za-z-]{1,15}\s*[)）]"
    # "1950 — ECHR Art. 8": a timeline's line opens with its year and a dash
    r"|^\s+[—–]\s"
)


def _dated(text: str, before: str, after: str) -> bool:
    """A bare number of recent years said after a name, a dash or a bracket and ending its
    clause is the year a thing happened; a count or a size has its noun or unit after it."""
    return (
        _YEAR.fullmatch(text) is not None
        and 1950 <= int(text) <= 2035
        and _DATED_BEFORE.search(before.rstrip()) is not None
        and _DATED_AFTER.match(after) is not None
    )


#: a law's paragraph after its article's number: "30(5)", "12(3)", "6(1)(f)"
_PARAGRAPH_AFTER = re.compile(r"^\((?:\d{1,3}|[a-z])\)")
#: "第17条", "第5款", "第3章": an article, a clause or a chapter of a law or a book
_ARTICLE_AFTER = re.compile(r"^\s*(?:条|款|项|章|节|编|目)")
_MONTH_AFTER = re.compile(r"^\s*" + _MONTHS + r"(?![a-z])", re.I)


#: a Chinese date's parts: "1964年10月16日", "4月24日": a month before 月, a day before 日 or 号
_ZH_MONTH_AFTER = re.compile(r"^\s*月")
_ZH_DAY_AFTER = re.compile(r"^\s*[日号]")
_ZH_DAY_BEFORE = re.compile(r"月\s*$")


def calendar_part(sentence: str, text: str) -> str:
    """ "month" or "day" for a number a date writes as its month ("1978年___月") or its day
    ("4月___日", "25 May 2018", "27 Sept"): its kin are the months 1-12 or the days of a month,
    never 15月, 48日 or May 50; "" otherwise."""
    at = sentence.find(text)
    if at < 0 or not text.isdigit():
        return ""
    before, after = sentence[:at], sentence[at + len(text) :]
    if 1 <= int(text) <= 12 and _ZH_MONTH_AFTER.match(after):
        return "month"
    if 1 <= int(text) <= 31 and (
        _MONTH_AFTER.match(after) or (_ZH_DAY_AFTER.match(after) and _ZH_DAY_BEFORE.search(before))
    ):
        return "day"
    return ""


#: a law report's volume before its reporter and page ("196 Va. 493", "88 F. Supp. 2d 116",
#: "68 Cal.2d 222"), and the page after the volume and reporter
_VOLUME_BEFORE_REPORTER = re.compile(r"^\s(?:[A-Z][A-Za-z]{0,5}\.\s?){1,3}(?:[23]d\s)?\s*\d")
_PAGE_AFTER_REPORTER = re.compile(r"\d\s(?:[A-Z][A-Za-z]{0,5}\.\s?){1,3}(?:\s?[23]d)?\s?$")
#: an English law report's citation: the year in brackets, then volume, report and page in any
#: mix ("[1893] 1 QB 256", "(1862) 11 CB (NS) 869", "(1866) LR 1 Ex 109", "[2009] EWCA Civ 1209",
#: "(1831) 1 B & Ad 950", "(1602) 5 Co Rep 117a")
_BRACKET_CITATION = re.compile(
    r"[\[(]\d{4}[\])](?:\s+(?:\d{1,4}|[A-Z][A-Za-z]{0,6}\.?|\([A-Z]{1,3}\))){0,2}"
    r"\s+[A-Z][A-Za-z]{0,6}\.?(?:\s+(?:\d{1,4}|&|[A-Z][A-Za-z]{0,6}\.?|\([A-Z]{1,3}\))){0,3}"
    r"\s+\d{1,5}[a-z]?\b"
)


def in_citation(sentence: str, number: Number) -> bool:
    """The number is a year, volume or page of a case's citation: where to find the case, no
    fact of it (a page or a report's year is never asked)."""
    if "[" not in sentence and "(" not in sentence:
        return False
    return any(m.start() <= number.start < m.end() for m in _BRACKET_CITATION.finditer(sentence))


@lru_cache(maxsize=65536)
def number_role(sentence: str, number: Number, heading: str = "", under: str = "") -> str:
    """quantity (a size, duration, count, share: near misses are fair), or version, year, port,
    code, id (only other values of the same kind are fair distractors). `heading`: the
    section's, which may say its bare numbers are ports (`port_listed`); `under`: all the
    block is said under (`Block.under`), which may say its numbers are file modes. Cached: the
    extraction reads each number of a one-sentence block, and the distractor pool again."""
    before = sentence[: number.start].rstrip()[-24:]
    after = sentence[number.end :]
    text = number.text
    if in_citation(sentence, number):
        return "id"  # "[1893] 1 QB 256": the case's place in a law report
    if _STANDARD.fullmatch(text) or (
        _STANDARD_HEAD.fullmatch(text) and _STANDARD_TAIL.match(after)
    ):
        return "id"  # "802.1X", "802.1D-1998": a standard's name, never "801.1X" or "750.1D"
    if number.unit == "yr" and _YEAR.fullmatch(text.rstrip(" 年")):
        return "year"  # "2023 年 7 月起": a date, never 2023 years (4046 年 beside it)
    if number.unit and number.unit not in ("m", "M", "K", "G", "万"):
        return "quantity"
    if _YEAR.fullmatch(text) and (
        _AFTER_MONTH.search(before) or _IN_YEAR.search(before) or _YEAR_OF.match(after)
    ):
        return "year"
    if (
        _AFTER_VERSION.search(before)
        or (
            # "deprecated in 18", "removed in 3.12": a release, whatever product it is of
            _CHANGED_IN.search(before) and _RELEASE.fullmatch(text)
        )
        # "GA in 4.0", "until 2.8": a unit-less x.y after a point in time is a release
        or (
            _MAJOR_MINOR.fullmatch(text)
            and (_AT_RELEASE.search(before) or _UP_TO.search(before))
            and _CLAUSE_END.match(after)  # "in 1.5 steps" counts steps
        )
        or (text.startswith("v") or _SEMVER.fullmatch(text))
        or (_RELEASE.fullmatch(text) and _RUNTIME_BEFORE.search(before) is not None)
        or (
            _RELEASE.fullmatch(text)
            and _FRAMEWORK_BEFORE.search(before) is not None
            and _RELEASE_AFTER.match(after) is not None
        )
        or (_MAJOR_MINOR.fullmatch(text) and _RELEASE_VERB.match(after))
        # "4.12 内核已经删除", "5.4 kernel": a release of the kernel named after it
        or (_MAJOR_MINOR.fullmatch(text) and _KERNEL_AFTER.match(after) is not None)
        # "(Compose 2.20+)", "3.0+ 起": a release and the ones after it
        or (_MAJOR_MINOR.fullmatch(text) and after.startswith("+"))
        # "OAuth 2.1", "PostgreSQL 16.2": x.y right after a product's mixed-case name
        or (_MAJOR_MINOR.fullmatch(text) and _PRODUCT_BEFORE.search(before) is not None)
    ):
        return "version"
    if _NAMED_BY_NUMBER.search(before):
        return "id"  # "Microsoft 365", "Office 2021": the number is part of a product's name
    if _VOLUME_BEFORE_REPORTER.match(after) or _PAGE_AFTER_REPORTER.search(before):
        return "id"  # "196 Va. 493", "88 F. Supp. 2d 116": a case's citation, no fact
    if _FILE_NUMBER.fullmatch(text):
        return "id"  # "16384.1": a file name, not a quantity
    if _PORT_DIGITS.fullmatch(text) and (
        _AFTER_PORT.search(before)
        or _ID_AFTER.match(after)
        # "the default port is 9100", "the controller listens on 9093", "监听 8080"
        or _PORT_SAID.search(before)
        or _LISTENS.search(before)
    ):
        return "port"
    if _AFTER_PORT.search(before):
        return "id"  # "port 0": no port of a kind to offer beside it
    if _ID_AFTER.match(after):
        return "quantity"  # "exposes 1 port": a count of ports, none of them named
    if _PORT_LIST.search(sentence[: number.start]):
        return "port"  # "ports: 9092 (PLAINTEXT), 9093 …": every number of the list is one
    if _AFTER_CODE.search(before) or _PARAGRAPH_AFTER.match(after):
        return "code"  # "exit code 137", "Art. 33", "exemption 30(5)"
    if before.endswith("第") and _ARTICLE_AFTER.match(after):
        return "code"  # "第17条": a law's article, the notes' other articles are its options
    if file_mode(number, sentence[: number.start] + " " + under):
        return "code"  # "chmod 0644", "mode 100755": 100000 or 645 beside it is no mode
    if _STATUS.fullmatch(text) and _STATUS_SETTING.search(before):
        return "code"  # 252 or 750 beside a status setting's 503 is no status
    if _STATUS.fullmatch(text) and _REASON_PHRASE.match(after):
        return "code"  # "412 Precondition Failed": an HTTP status
    if _STATUS.fullmatch(text) and _ERROR_STATUS.search(f"{under}\n{before}"):
        return "code"  # "errors → 400 …" and, under it, "invalid_client may be 401"
    if _ANSWERED_WITH.search(before) and _STATUS.fullmatch(text) and _CODE_AFTER.match(after):
        return "code"  # "rejected with 503 by default", "get a 413 error": what a server answers
    if (heading and codes_listed(heading, number)) or (under and codes_listed(under, number)):
        return "code"  # under "## Error codes", or a list led in by "Status codes:"
    if _ID_BEFORE.search(before) and not _AT_TIME.search(before):
        return "id"
    if _MEASURED_BEFORE.search(before):
        return "quantity"  # "port priority 128" under a line on ports: a priority, no port
    if _dated(text, before, after):
        return "year"  # "Rivest, Shamir, Adleman 1977", "NIST PQC (2024)": no 3954 beside it
    # under "## Ports", or a list led in by "ports -> memorize"
    listed = (heading and port_listed(heading, number)) or (under and port_listed(under, number))
    return "port" if listed else "quantity"


# --- the unit a quantity really counts, for judging how round it is -----------------------

#: a setting named for its unit: `retention.ms`, `timeout_seconds`, `maxBytes`
_NAMED_UNIT = re.compile(
    r"(?:[._-](?i:(ms|millis|milliseconds|s|secs|seconds|bytes))"
    r"|(?<=[a-z])(Ms|MS|Millis|Milliseconds|Secs|Seconds|Bytes))"
    r"`?\s*(?:[:=]|\bdefaults\s+to|\bis)?\s*$"
)
_NAMED_UNITS = {"ms": "ms", "millis": "ms", "milliseconds": "ms", "s": "s", "secs": "s",
                "seconds": "s", "bytes": "B"}  # fmt: skip


def counted_unit(number: Number, before: str) -> str:
    """The unit a number counts: its own, else the one the setting named right before it
    says (`retention.ms` 604800000 counts milliseconds), else none."""
    if number.unit:
        return number.unit
    m = _NAMED_UNIT.search(before)
    return _NAMED_UNITS[(m.group(1) or m.group(2)).lower()] if m else ""


def whole_unit(value: float, unit: str) -> tuple[int, str]:
    """The largest unit the value is a whole number of, and its size in the value's unit
    (604800000 ms: 86400000, "d"; 3 GiB in bytes: 1024**3, "GB"); a bare number of whole
    days in milliseconds or seconds reads as one. (1, unit) when there is none."""
    if not unit and value >= 86400 and value == int(value):  # no count is a day's worth
        unit = "ms" if value % 86_400_000 == 0 else "s" if value % 86400 == 0 else ""
    best = (1, unit)
    for size, big in LADDERS.get(unit, ()):
        if value >= size and value % size == 0:
            best = (size, big)
    return best


# --- value kinds: what a setting's value is, so a value question offers values of its kind ----

#: a value that turns something on or off ("on", "关", "enabled", "true")
_SWITCH = re.compile(
    r"(?i)(on|off|true|false|yes|no|enabled?|disabled?|开|关|开启|关闭|打开|启用|禁用|是|否)"
)
#: what qualifies a switch after it: "yes, but on physical LAN", "on (since 2.4)"
_QUALIFIED = re.compile(r"[,，(（]")
#: units of one dimension: a duration is offered beside durations, a size beside sizes
DIMENSIONS = {
    **dict.fromkeys(("us", "ms", "s", "min", "h", "d", "wk", "mo", "yr"), "duration"),
    **dict.fromkeys(("B", "bit", "KB", "MB", "GB", "TB", "PB"), "size"),
    "%": "ratio", "x": "ratio",
}  # fmt: skip


def value_kind(text: str, switches: bool = False) -> str:
    """What kind of value a setting's value is: switch, duration, size, ratio, count, range,
    version, or text. `switches`: the value stands among switch values (a column of on/off),
    where a bare 0 or 1 turns a setting off or on rather than counting anything."""
    t = text.strip().strip("`").strip()
    if not t:
        return "text"  # an empty cell, or only backticks
    head = _QUALIFIED.split(t, maxsplit=1)[0].strip()  # "yes, but on physical LAN" is a yes
    if _SWITCH.fullmatch(head) or (switches and t in ("0", "1")):
        return "switch"
    if not t[0].isdigit() and t[0] not in "+-v":
        return "text"  # no number opens with a letter: the common case, read cheaply
    if network_kind(t):
        return "text"  # `172.17.0.1` is an address, not a count
    if RANGE.fullmatch(t):
        return "range"
    if _VERSION.fullmatch(t):
        return "version"
    n = parse_number(t.lstrip("+-"))
    if n is None:
        return "text"
    return DIMENSIONS.get(n.unit, "count" if not n.unit else f"num:{n.unit}")


#: the switch words that turn something off
_OFF = re.compile(r"(?i)(off|false|no|disabled?|关|关闭|禁用|否|0)")


def switch_side(text: str) -> bool | None:
    """Whether a switch value turns its setting on ("true (7.0+)", "on", "1") or off, or None
    for a value that is no switch: "true" beside "true (7.0+)" is one answer written twice."""
    t = text.strip().strip("`").strip()
    head = _QUALIFIED.split(t, maxsplit=1)[0].strip()
    if not (_SWITCH.fullmatch(head) or head in ("0", "1")):
        return None
    return _OFF.fullmatch(head) is None


def value_kinds(texts: Sequence[str]) -> list[str]:
    """The value kind of each of a set of values written side by side (a column, a list):
    a bare 0 or 1 among switch words is a switch too."""
    switches = any_switch(texts)
    return [value_kind(t, switches) for t in texts]


def any_switch(texts: Sequence[str]) -> bool:
    """Some value of the set is a bare switch word ("on", "false"): its 0s and 1s are too."""
    return any(_SWITCH.fullmatch(t.strip().strip("`").strip()) for t in texts)


#: a text saying what the default is: "1-9, default 1", "defaults to 1min", "默认 20 字节"; the
#: value is one or two words, and the text goes on no further than a comma or bracket
#: ("default 3 before 9.6" says something else)
_SAID_DEFAULT = re.compile(
    r"(?:^|(?<=[\s,;(（，；]))(?:(?:the\s+)?defaults?(?:\s+(?:is|to|value(?:\s+is)?))?\s*[:=]?"
    r"|(?:默认|缺省)值?(?:为|是)?\s*[:：=]?)\s*"
    r"(?P<value>[^\s,;，；。()（）—]+(?:\s[^\s,;，；。()（）—]+)?)\s*(?:$|[,;，；。()（）—])",
    re.I,
)
#: a default that no longer holds or is denied: "was default 3", "not the default"
_NOT_NOW = re.compile(r"\b(?:not|no longer|was|old|previous|former|formerly)\W*(?:the\s+)?$|不是$|曾$",
                      re.I)  # fmt: skip
#: one word a default can be, as configs write values: `off`, `noeviction`, `on-failure`
_WORD_VALUE = re.compile(r"^[A-Za-z][\w.-]*$")


def said_default(text: str, whole: bool = False) -> str | None:
    """The value a text says is the default, or None: a number with its unit, or one word as
    configs write values (`noeviction`, `off`). `whole`: the text says nothing else, as a table
    cell "默认 1" or "默认开启" does; of words only a switch is a value there ("default
    strategy" calls its row the default)."""
    m = _SAID_DEFAULT.fullmatch(text) if whole else _SAID_DEFAULT.search(text)
    if m is None or _NOT_NOW.search(text[: m.start()]):
        return None
    value = m.group("value").rstrip(".。").strip("`\"'")  # "default is 30s."
    numbers = numbers_in(value)
    if numbers and numbers[0].start == 0 and numbers[0].end == len(value):
        return value
    switch = switch_side(value) is not None
    if whole:
        return value if switch else None
    # a config's word ("noeviction", "off"); another short word ("default is too low") is not
    if _WORD_VALUE.match(value) and (value.casefold() not in STOP_EN or switch):
        return value
    return None


#: a number with what the notes add after it in parentheses: "168 (7 天)", "1m (1 MB)"
_NUMBER_ASIDE = re.compile(r"([+-]?\d[^\s(（]*)\s*[(（]([^()（）]*)[)）]")


def cell_kind(text: str, switches: bool = False) -> str:
    """`value_kind` of a cell that may add an aside to its number: "168 (7 天)" is a duration
    and "1048588 (约 1 MB)" a size, by the unit the number or its aside is written with;
    "-1 (不限)" and "0 (unbounded)" counts. Read as plain text, every such cell would be of one kind, and a
    duration offered beside sizes."""
    kind = value_kind(text, switches)
    m = _NUMBER_ASIDE.fullmatch(text.strip().strip("`").strip())
    if kind != "text" or m is None:
        return kind
    main = value_kind(m.group(1))  # "0 (unbounded)" explains a count: no switch has an aside
    if main in ("text", "count") or main.startswith("num:"):
        aside = [DIMENSIONS.get(n.unit, "") for n in numbers_in(m.group(2))]
        main = next((k for k in aside if k), main)
    return main


#: shapes that say a name is a knob, a file or a flag (`memory.max`, `/etc/fstab`, `--force`)
_MARKED_SHAPES = frozenset({"dotted", "path", "flag", "kv", "owned-knob"})
#: a plain word: a name that says nothing of what it names (`tmpfs`, `Redis`, `OOM`)
_PLAIN_SHAPES = frozenset({"lower", "Name", "Pascal", "acronym"})


#: a type written with its parameters: `Rc<T>`, `HashMap<K, V>`, `Option<&V>`
_GENERIC = re.compile(r"[A-Za-z_][\w:]*<[^<>]+(?:<[^<>]*>[^<>]*)?>")


def _plain_name(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z_]\w*", text.strip("` ")) is not None


def shape_clash(a: str, b: str) -> bool:
    """One of two names is written as a knob, file or flag and the other as a plain word, or
    one value is a range and the other a single number: a filesystem type among cgroup files
    stands out by its form, whatever the list put together."""
    pair = {shape(a), shape(b)}
    if "range" in pair and any(p.startswith("num") for p in pair):
        return True  # a range among single numbers ("30000–32767" beside ports 22, 53)
    fa, fb = _written_as(a), _written_as(b)
    if pair == {"path"} and fa[0] != fb[0]:
        return True  # a folder beside a file: "/var/log/pods/" is no place user ranges come from
    if fa[1] != fb[1]:
        return True  # a whole statement ("BEGIN; … ROLLBACK;") beside a fragment ("LIKE 'abc%'")
    if fa[2] != fb[2]:
        return fa[3] or fb[3]  # `Rc<T>` beside the traits Send and Sync
    return bool(pair & _MARKED_SHAPES) and bool(pair & _PLAIN_SHAPES)


@lru_cache(maxsize=65536)
def _written_as(text: str) -> tuple[bool, bool, bool, bool]:
    """What `shape_clash` reads of one name: a folder, a statement, a generic type, a plain
    name. Cached: a name is weighed beside every option it is offered with."""
    return (
        text.strip("`").endswith("/"),
        text.strip("` ").endswith(";"),
        bool(_GENERIC.fullmatch(text.strip("` "))),
        _plain_name(text),
    )


#: a heading that says its section lists ports ("Ports", "Default ports", "端口")
_PORTS_HEADING = re.compile(r"\bports?\b|端口", re.I)


#: a heading over status codes ("## 10. 常见错误码", "HTTP status codes"): its 1xx-5xx are codes
_CODES_HEADING = re.compile(
    r"(?i)\b(?:status|error|response|return|http)\s+codes?\b|状态码|错误码|返回码|响应码"
)


def codes_listed(heading: str, number: Number) -> bool:
    """A bare 1xx-5xx of a section (or a list) its heading (or lead-in) says holds status codes
    ("502 = 连不上；504 = 连上了但太慢" under "常见错误码"): a code, though its own line names
    none."""
    return (
        not number.unit
        and _STATUS.fullmatch(number.text) is not None
        and (_CODES_HEADING.search(heading) is not None)
    )


def port_listed(heading: str, number: Number) -> bool:
    """A bare whole number of a section its heading says lists ports ("## Ports" over
    "JMX remote: 9010"): a port, though its own line names none."""
    whole = not number.unit and number.value == int(number.value) and 1 <= number.value <= 65535
    return whole and _PORTS_HEADING.search(heading) is not None

"""A Jupyter notebook saved as its .ipynb JSON (questions/parse/notebook.py): read as Markdown
the file was one block of JSON, and no question was asked."""

from __future__ import annotations

import json
import time

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.notebook import notebook_as_markdown

PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

CELLS = [
    {
        "cell_type": "markdown",
        "id": "a1",
        "metadata": {},
        "source": [
            "# HTTP exam notebook\n",
            "\n",
            "## Status codes\n",
            "\n",
            "- **404 Not Found** means the server has no resource at the requested URL\n",
            "- **503 Service Unavailable** means the server is overloaded or down for maintenance\n",
            "- **301 Moved Permanently** tells clients to use the new URL from the `Location` header\n",
            "- **429 Too Many Requests** means the client hit a rate limit",
        ],
    },
    {
        "cell_type": "code",
        "execution_count": 3,
        "id": "b2",
        "metadata": {},
        "outputs": [
            {"name": "stdout", "output_type": "stream", "text": ["418 I'm a teapot\n"]},
            {
                "data": {"image/png": PIXEL, "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                "metadata": {},
                "output_type": "display_data",
            },
            {
                "ename": "ConnectionError",
                "evalue": "Max retries exceeded with url: /teapot",
                "output_type": "error",
                "traceback": ["ConnectionError: Max retries exceeded with url: /teapot"],
            },
        ],
        "source": [
            "import requests  # the default timeout is None, so a call can hang forever\n",
            'r = requests.get("https://example.org/teapot")\n',
            "print(r.status_code, r.reason)",
        ],
    },
    {
        "cell_type": "markdown",
        "id": "c3",
        "metadata": {"tags": ["exam"]},
        "source": [
            "## Methods\n",
            "\n",
            "- **GET** and **HEAD** are safe methods: they never change server state\n",
            "- **PUT** is idempotent: repeating the request leaves the same result\n",
            "- **POST** is neither safe nor idempotent\n",
            "- **OPTIONS** returns the methods a resource allows in the `Allow` header",
        ],
    },
    {"cell_type": "raw", "id": "d4", "metadata": {}, "source": ["raw cell: 999 Secret Code"]},
]
META = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "version": "3.12.1"},
}
# as Jupyter writes it: indented by one space, keys sorted, one source string a line
NOTEBOOK = (
    json.dumps(
        {"cells": CELLS, "metadata": META, "nbformat": 4, "nbformat_minor": 5},
        indent=1,
        sort_keys=True,
        ensure_ascii=False,
    )
    + "\n"
)
JSON_SYNTAX = ('"cell_type"', '"source"', '\\n"', '",', "nbformat", "metadata", "{", "}")


def test_questions_come_from_the_markdown_cells_with_no_json_in_them() -> None:
    result = generate_document("http.ipynb", NOTEBOOK)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 3
    keys = {q.choices[q.answer] for q in asked if q.choices}
    codes = {"404 Not Found", "503 Service Unavailable", "301 Moved Permanently"}
    assert keys & (codes | {"429 Too Many Requests", "GET", "HEAD", "PUT", "POST", "OPTIONS"})
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in JSON_SYNTAX), text


def test_the_cells_read_as_markdown() -> None:
    doc = parse_document(NOTEBOOK, "http.ipynb")
    assert doc.title == "HTTP exam notebook"
    assert [s.heading for s in doc.sections if s.level == 2] == ["Status codes", "Methods"]
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert "PUT is idempotent: repeating the request leaves the same result" in items
    assert "429 Too Many Requests means the client hit a rate limit" in items
    code = [b for b in doc.blocks if b.kind == "code"]
    assert len(code) == 1 and code[0].code.startswith("import requests  # the default timeout")


def test_outputs_raw_cells_and_base64_are_never_asked() -> None:
    doc = parse_document(NOTEBOOK, "http.ipynb")
    reasons = {n.text: n.reason for n in doc.noise}
    assert reasons[f'"image/png": "{PIXEL}",'] == "notebook output"
    assert reasons['"418 I\'m a teapot\\n"'] == "notebook output"
    assert reasons['"cell_type": "markdown",'] == "notebook markup"
    assert reasons['"raw cell: 999 Secret Code"'] == "raw cell"
    said = " ".join(b.text for b in doc.blocks)
    for text in ("teapot", "iVBORw0KGgo", "Max retries", "Figure size", "999"):
        assert text not in said
    for _, q in generate_document("http.ipynb", NOTEBOOK).chosen:
        for text in (q.prompt, *q.choices):
            assert "teapot" not in text and PIXEL[:12] not in text and "999" not in text, text


def test_each_line_stays_on_its_line() -> None:
    lines = NOTEBOOK.split("\n")
    out, skipped = notebook_as_markdown(lines)
    assert len(out) == len(lines)
    shown = [n for n, line in enumerate(out) if line and not line.startswith("```")]
    assert len(shown) == 14  # 11 lines of Markdown, 3 of code
    for n in shown:
        assert json.dumps(out[n], ensure_ascii=False)[:-1] in lines[n], (n, out[n])
    fences = [n for n, line in enumerate(out) if line.startswith("```")]
    assert [out[n] for n in fences] == ["```python", "```"]
    assert lines[fences[0]].strip() == '"source": [' and lines[fences[1]].strip() == "]"
    blank = {n for n, line in enumerate(lines) if line.strip() == '"\\n",'}  # a blank line's
    assert len(blank) == 3
    said = {n + 1 for n, line in enumerate(lines) if line.strip() and n not in {*shown, *blank}}
    assert {n for n, _, _ in skipped} == said
    doc = parse_document(NOTEBOOK, "http.ipynb")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert len(items) == 8
    for b in items:
        assert b.text.split()[0] in lines[b.line - 1], (b.line, b.text)


def test_json_that_is_no_notebook_and_markdown_are_left_as_they_are() -> None:
    package = json.dumps({"name": "demo", "cells": 3, "scripts": {"test": "jest"}}, indent=2)
    lines = package.split("\n")
    assert notebook_as_markdown(lines) == (lines, [])  # "cells" but no "nbformat"
    listed = json.dumps({"cells": "x", "nbformat": 4}, indent=1).split("\n")
    assert notebook_as_markdown(listed) == (listed, [])  # its "cells" no list
    md = ["# Notes", "", '- "cells" and "nbformat" are the keys of a notebook', "- {braces}"]
    assert notebook_as_markdown(md) == (md, [])
    twice = NOTEBOOK.replace('"id": "a1",', '"id": "a1",\n   "id": "a1",')
    assert notebook_as_markdown(twice.split("\n")) == (twice.split("\n"), [])  # no line is sure
    for text in (package, "\n".join(md), twice):
        assert not [n for n in parse_document(text, "x.ipynb").noise if "notebook" in n.reason]
    read = parse_document(NOTEBOOK, "http.ipynb")  # the notebook itself is read
    assert [n for n in read.noise if n.reason == "notebook markup"]


def test_broken_and_deeply_nested_json_is_left_quickly() -> None:
    start = time.process_time()
    for text in (
        "[" * 100_000,
        '{"cells": ' + "[" * 100_000,
        '{"nbformat": 4, "cells": [' + "[" * 100_000 + "]" * 100_000 + "]}",
        NOTEBOOK[:-40],
        NOTEBOOK.replace('"source": [', '"source": [,', 1),
    ):
        lines = text.split("\n")
        assert notebook_as_markdown(lines) == (lines, [])
    assert time.process_time() - start < 1
    for text in (
        NOTEBOOK[:-40],
        '{"cells": [], "nbformat": 4, "x": ' + "[" * 5000 + "]" * 5000 + "}",
    ):
        assert not [n for n in parse_document(text, "x.ipynb").noise if "notebook" in n.reason]
    big = json.loads(NOTEBOOK)
    big["cells"] = big["cells"] * 300
    text = json.dumps(big, indent=1)
    assert len(text) > 500_000
    start = time.process_time()
    doc = parse_document(text, "big.ipynb")
    assert len([s for s in doc.sections if s.heading == "Methods"]) == 300
    assert time.process_time() - start < 20


def test_a_notebook_on_one_line_still_reads() -> None:
    one = json.dumps({"cells": CELLS, "metadata": META, "nbformat": 4, "nbformat_minor": 5})
    out, _ = notebook_as_markdown([one])
    assert out[0] == "# HTTP exam notebook"
    assert "- **PUT** is idempotent: repeating the request leaves the same result" in out
    assert not any(line.startswith("```") or "requests" in line for line in out)  # no room
    doc = parse_document(one, "http.ipynb")
    assert [s.heading for s in doc.sections if s.level == 2] == ["Status codes", "Methods"]

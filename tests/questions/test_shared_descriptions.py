"""Unseen notes review (issue #13), Java notes: "`newFixedThreadPool` / `newSingleThreadExecutor`：
`LinkedBlockingQueue` 容量 `Integer.MAX_VALUE` → 任务堆积 OOM" was read as newSingleThreadExecutor's
description and asked "以下描述的是哪一项？…" between the two names it is said of. A line said of
two marked names joined by a slash defines neither alone; a flag's two spellings ("`-U` /
`--upgrade`") are one flag."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse.markdown import parse_document

NOTES = """# Go notes

## Maps

- `sync.Map` / `map + RWMutex`：并发读多写少时都能用，但 sync.Map 不能 range 时修改
- `make(map[K]V)`：创建空 map，可以直接写入
- `var m map[K]V`：nil map，读返回零值，写会 panic

## Flags

- `-race` / `--race`: turns on the data race detector at run time
- `-count=1`: runs the tests again instead of reading the cache
"""


def test_a_line_said_of_two_names_defines_neither() -> None:
    defined = {f.subject for f in extract(parse_document(NOTES, "x.md")) if f.kind == "definition"}
    assert not defined & {"sync.Map", "map + RWMutex"}, defined
    assert "make(map[K]V)" in defined  # a name of its own still defines


def test_a_flags_two_spellings_still_define_it() -> None:
    defined = {f.subject for f in extract(parse_document(NOTES, "x.md")) if f.kind == "definition"}
    assert defined & {"-race", "--race"}, defined

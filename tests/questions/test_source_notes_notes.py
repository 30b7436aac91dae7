"""Study notes kept inside a source file of the language studied (questions/parse/
source_notes.py): a .java file whose Javadoc, block and line comments hold the notes between
small methods, or a T-SQL script whose `--` lines and `/* */` blocks hold them between real
statements and `GO`s. Read as Markdown the comments and the code ran together: questions
blanked code, and no banner was a heading."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.source_notes import source_notes_as_markdown

JAVA = """package study.notes;

import java.util.concurrent.*;

/**
 * OCP concurrency notes, kept as a .java file so the snippets compile.
 * Check them with {@code javac ConcurrencyNotes.java} before the exam.
 * @author someone
 */
public class ConcurrencyNotes {

    /* ===== EXECUTORS =====
     * newSingleThreadExecutor: runs its tasks one at a time, in the order submitted
     * newFixedThreadPool: reuses a fixed number of threads for all its tasks
     * newCachedThreadPool: creates threads as needed and reuses the idle ones
     * newScheduledThreadPool: runs tasks after a delay or again and again
     * - shutdown() lets the running tasks finish but accepts no new ones
     * - shutdownNow() interrupts the running tasks and returns the waiting ones
     */
    static void executors() throws Exception {
        ExecutorService service = Executors.newSingleThreadExecutor();
        // service.submit(() -> 5).get(1);           // DOES NOT COMPILE, get needs a TimeUnit
        Future<Integer> f = service.submit(() -> 30 + 12);
        System.out.println(f.get());                  // prints 42
        service.shutdown();
    }

    /* ===== THREADS =====
     * thread priorities run from 1 to 10, the default priority is 5
     * a daemon thread does not keep the JVM alive
     * calling run() directly runs the task on the current thread, start() on a new one
     */
    static void threads() {
        System.out.println(Math.max(3, 9));           // prints 9
        System.out.println(7 / 2);                    // prints 3
        System.out.println(Math.abs(-6));             // prints 6
        System.out.println(10 % 4);                   // prints 2
    }

    // ===== LOCKS =====
    // ReentrantLock: a lock the same thread may take again, once per unlock()
    // ReadWriteLock: many readers at once, or a single writer
    // Semaphore: a fixed number of permits that threads acquire and release
    // CountDownLatch: threads wait until a count reaches zero
}
"""

SQL = """/* ==========================================
   T-SQL notes: temporal tables and window functions
   ========================================== */
SET NOEXEC ON;
GO

-- #region ===== TEMPORAL TABLES =====
-- * a system-versioned table needs a PERIOD FOR SYSTEM_TIME over two datetime2 columns,
--     each of them GENERATED ALWAYS
-- * the history table keeps the old row versions after every UPDATE and DELETE
--     -> dropping the table needs SYSTEM_VERSIONING = OFF first
CREATE TABLE dbo.Price (
    Id INT PRIMARY KEY,
    Amount DECIMAL(9, 2),
    ValidFrom DATETIME2 GENERATED ALWAYS AS ROW START,
    ValidTo DATETIME2 GENERATED ALWAYS AS ROW END,
    PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)
) WITH (SYSTEM_VERSIONING = ON);
GO
-- ALTER TABLE dbo.Price SET (SYSTEM_VERSIONING = OFF);   -- needed before dropping it
SELECT * FROM dbo.Price FOR SYSTEM_TIME AS OF '2024-01-01';
GO
-- #endregion

-- #region ===== WINDOW FUNCTIONS =====
/*
 function       ties           gaps
 ROW_NUMBER     distinct       no
 RANK           same number    yes
 DENSE_RANK     same number    no
 - NTILE(n) splits the ordered rows into n groups of about the same size
 - LAG and LEAD read a value from a row before or after the current one
*/
SELECT Name, RANK() OVER (ORDER BY Score DESC) AS Pos
FROM dbo.Players;
GO
-- #endregion
SET NOEXEC OFF;
GO
"""

#: what a comment's or a script's markup looks like: none of it may reach a question
MARKUP = ("//", "/*", "*/", "{@code", "@author", "#region", "#endregion", "GO\n", "[0:00]")


def _headings(text: str, file: str, level: int = 2) -> list[tuple[str, int]]:
    doc = parse_document(text, file)
    return [(s.heading, s.line) for s in doc.sections if s.level == level]


def test_java_banners_are_sections_and_its_code_is_java() -> None:
    lines = JAVA.split("\n")
    assert _headings(JAVA, "Concurrency.java") == [
        ("EXECUTORS", 12),  # each on its banner's line
        ("THREADS", 28),
        ("LOCKS", 40),
    ]
    doc = parse_document(JAVA, "Concurrency.java")
    code = [b for b in doc.blocks if b.kind == "code"]
    assert [b.lang for b in code] == ["java", "java"]
    # a commented-out statement and a trailing comment stay on their lines of code
    assert "// service.submit(() -> 5).get(1);" in code[0].code
    assert "System.out.println(f.get());                  // prints 42" in code[0].code
    assert "class ConcurrencyNotes" not in "".join(b.code for b in code)
    for b in doc.blocks:
        if b.kind != "code":
            assert not any(m in b.text for m in ("/*", "*/", "//")), b.text
            word = max(b.text.split(), key=len).strip(":,.()")
            assert word in lines[b.line - 1] or b.kind == "table", (b.line, b.text)


def test_java_comments_read_as_notes() -> None:
    doc = parse_document(JAVA, "Concurrency.java")
    said = {b.text: b for b in doc.blocks if b.kind in ("paragraph", "item")}
    # the Javadoc's margin and {@code} are gone, each line a note of its own
    assert "Check them with javac ConcurrencyNotes.java before the exam." in said
    assert said["Check them with javac ConcurrencyNotes.java before the exam."].inline.code == (
        "javac ConcurrencyNotes.java",
    )
    assert "thread priorities run from 1 to 10, the default priority is 5" in said
    assert "a daemon thread does not keep the JVM alive" in said
    assert said["shutdown() lets the running tasks finish but accepts no new ones"].kind == "item"
    assert "Semaphore: a fixed number of permits that threads acquire and release" in said
    reasons = {n.reason for n in doc.noise}
    assert {"package line", "import line", "javadoc tag", "class declaration"} <= reasons
    assert "class braces" in reasons


def test_java_questions_ask_the_comments_and_the_code_results() -> None:
    asked = [q for _, q in generate_document("Concurrency.java", JAVA).chosen]
    assert len(asked) >= 5
    keys = {q.choices[q.answer]: q for q in asked}
    pools = {"newSingleThreadExecutor", "newFixedThreadPool", "newCachedThreadPool"}
    assert pools & set(keys)
    if "newCachedThreadPool" in keys:
        assert "creates threads as needed" in keys["newCachedThreadPool"].prompt
    results = {"10 % 4": "2", "7 / 2": "3", "Math.max(3, 9)": "9", "Math.abs(-6)": "6"}
    computed = [q for q in asked if q.prompt.startswith("What is the result of")]
    assert computed
    for q in computed:
        expression = q.prompt.removeprefix("What is the result of ").removesuffix("?")
        assert q.choices[q.answer] == results[expression]
    assert {q.topic.split(" › ")[0] for q in asked} <= {"EXECUTORS", "THREADS", "LOCKS", "Notes"}
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(m in text for m in MARKUP), text
            assert "DOES NOT COMPILE" not in text and "package " not in text, text


def test_sql_regions_batches_and_aligned_tables() -> None:
    doc = parse_document(SQL, "tsql.sql")
    assert doc.title == "T-SQL notes: temporal tables and window functions"  # a boxed title
    assert _headings(SQL, "tsql.sql") == [("TEMPORAL TABLES", 7), ("WINDOW FUNCTIONS", 25)]
    code = [b for b in doc.blocks if b.kind == "code"]
    assert code and all(b.lang == "sql" for b in code)
    every = "\n".join(b.code for b in code)
    assert "GO" not in every.split() and "NOEXEC" not in every
    # a commented-out statement is code, not a note
    assert "-- ALTER TABLE dbo.Price SET (SYSTEM_VERSIONING = OFF);" in every
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert table is not None and table.header == ("function", "ties", "gaps")
    assert ("RANK", "same number", "yes") in table.rows
    reasons = {n.reason for n in doc.noise}
    assert {"sql batch separator", "sql session setting", "region marker"} <= reasons


def test_a_line_indented_under_another_goes_on_or_is_a_point_under_it() -> None:
    doc = parse_document(SQL, "tsql.sql")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    # the line above stops on a comma: the indented line goes on with it
    joined = (
        "a system-versioned table needs a PERIOD FOR SYSTEM_TIME over two datetime2 columns,"
        " each of them GENERATED ALWAYS"
    )
    assert joined in items
    point = items["-> dropping the table needs SYSTEM_VERSIONING = OFF first"]
    assert point.parent is not None and point.parent.text.startswith("the history table")
    assert "NTILE(n) splits the ordered rows into n groups of about the same size" in items


def test_sql_questions_carry_no_script_markup() -> None:
    asked = [q for _, q in generate_document("tsql.sql", SQL).chosen]
    assert asked
    ranks = [q for q in asked if q.choices and q.choices[q.answer] == "RANK"]
    assert ranks and "gaps" in ranks[0].prompt
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(m in text for m in MARKUP) and "NOEXEC" not in text, text


def test_each_line_stays_on_its_line() -> None:
    for text in (JAVA, SQL):
        lines = text.split("\n")
        out, skipped = source_notes_as_markdown(lines)
        assert out != lines and len(out) == len(lines)
        assert all(1 <= n <= len(lines) and lines[n - 1].strip() for n, _, _ in skipped)
        assert [n for n, _, _ in skipped] == sorted(n for n, _, _ in skipped)


def test_files_in_no_source_format_are_left_alone() -> None:
    markdown = """# Java notes

Integer caching covers -128 to 127.

```java
int a = 5;        // five
int b = a + 1;    // six
// int c = ;      // DOES NOT COMPILE
System.out.println(a + b);
System.out.println(a * b);
```
"""
    dashes = "\n".join(
        [f"-- point {n}: the {n}th fact of the lecture; remember it" for n in range(8)]
        + ["Summary of the week, in plain words.", "Next week: indexes and plans."]
    )
    python = "\n".join(
        ["# helpers for the lab", "import os", "", "def size(path):", "    # bytes on disk"]
        + ["    return os.path.getsize(path)"] * 6
    )
    few_code = "\n".join([f"// note {n}: a fact on its own line" for n in range(8)] + ["x = 1;"])
    prose = "\n".join(
        ["Lecture 4 -- transactions", "ACID = atomicity, consistency, isolation, durability"]
        + [f"/* aside {n} */ the lecturer went off topic again" for n in range(6)]
    )
    for text in (markdown, dashes, python, few_code, prose):
        lines = text.split("\n")
        assert source_notes_as_markdown(lines) == (lines, []), text[:40]
    for text in (JAVA, SQL):  # while the notes in a source file are read
        lines = text.split("\n")
        assert source_notes_as_markdown(lines)[0] != lines


def test_hostile_files_are_read_quickly_or_left_alone() -> None:
    java = JAVA.split("\n")
    cases = [  # (lines, whether they are still read as notes)
        (["// note"] * 6 + ["{" * 20000 + ";"] * 20 + java, True),  # braces nested deep
        (["GO" + " " * 50000 + "x"] * 3 + SQL.split("\n"), True),  # spaces tried one way only
        (["/*", "a" + "  b" * 20000, "c" + "  d" * 20000, "e  f  g", "*/", *java], True),
        (["// <editor-fold " + 'desc="' * 20000, *java], True),
        (["/*" * 30000, *SQL.split("\n")], False),  # block comments nested, never closed
        (['String s = "' + '\\\\"' * 30000, "\x00/* x", *java], True),  # left open
        (["/* a */"] * 20000 + java, True),
    ]
    for lines, read in cases:
        start = time.perf_counter()
        out, _ = source_notes_as_markdown(lines)
        assert time.perf_counter() - start < 3
        assert (out != lines) == read
        assert len(out) >= len(lines) and all(isinstance(t, str) for t in out)

"""Benchmark: question generation for the shipped notes and for 0.25, 0.5 and 1 MB of notes in
several shapes, to show the cost grows linearly (target: 1 MB under 10 s). Run from the repo
root:

    python benchmarks/bench_generate.py [--sizes 250000,500000,1000000] [--shape NAME]

Shapes: the shipped notes repeated; the Kubernetes + PostgreSQL notes repeated; the Chinese
notes repeated; all four notes with every copy's marked terms and numbers renamed, so no two
copies share a sentence (no cache can help); and many distinct tables. Every copy's headings
are renamed, as real notes do not repeat a section.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from questions.generate import generate_from_texts  # noqa: E402

NOTES = REPO / "questions/notes/aws-developer-associate.md"
DEV = REPO / "tests/questions/notes"
DEV_NOTES = ("kubernetes-ckad.md", "postgresql-ops.md", "http-networking-zh.md")


def repeated(text: str, size: int, distinct: bool = False) -> str:
    """The text repeated until `size` bytes, every heading renamed per copy; with `distinct`,
    every marked term and number too, so each copy says new things."""
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        copy = re.sub(r"^(#+\s+)(.*)$", rf"\g<1>\g<2> (copy {n})", text, flags=re.M)
        if distinct:
            copy = re.sub(r"`([^`\n]+)`", rf"`\g<1>{n}`", copy)
            copy = re.sub(r"\*\*([^*\n]+)\*\*", rf"**\g<1>{n}**", copy)
            copy = re.sub(
                r"(?<![\w.])(\d+)(?![\w.])", lambda m, n=n: str(int(m.group(1)) + n), copy
            )
        parts.append(copy)
        total += len(copy.encode("utf-8"))
    return "\n".join(parts)


def tables(size: int) -> str:
    """Many tables of distinct rows: the shape that used to grow quadratically."""
    out, n = [], 0
    while sum(len(p) for p in out) < size:
        n += 1
        rows = "\n".join(
            f"| svc{n}x{i} | {1000 + n * 50 + i} | {'TCP' if i % 3 else 'UDP'} | handles job {n}-{i} |"
            for i in range(20)
        )
        out.append(
            f"## Services {n}\n\n| Service | Port | Transport | notes |\n|---|---|---|---|\n{rows}\n"
        )
    return "\n".join(out)


def long_list(size: int) -> str:
    """One definition list of thousands of terms: every item's kin and options were read from
    the whole list, so its cost grew with the square of the list."""
    lines, n = ["# Glossary", "", "## Terms", ""], 0
    total = sum(len(line) + 1 for line in lines)  # kept as it grows: no sum per line
    while total < size:
        lines.append(
            f"- **Term{n}** – the component number {n} that runs job {n * 7} in the system"
        )
        total += len(lines[-1]) + 1
        n += 1
    return "\n".join(lines) + "\n"


def shapes() -> dict[str, Callable[[int], str]]:
    shipped = NOTES.read_text(encoding="utf-8")
    dev = {name: (DEV / name).read_text(encoding="utf-8") for name in DEV_NOTES}
    k8s_pg = dev["kubernetes-ckad.md"] + dev["postgresql-ops.md"]
    everything = shipped + "".join(dev.values())
    return {
        "shipped notes repeated": lambda size: repeated(shipped, size),
        "kubernetes + postgres notes repeated": lambda size: repeated(k8s_pg, size),
        "chinese notes repeated": lambda size: repeated(dev["http-networking-zh.md"], size),
        "all four notes, every copy distinct": lambda size: repeated(everything, size, True),
        "tables": tables,
        "one long list": long_list,
    }


def timed(text: str) -> tuple[float, int]:
    seconds, _, questions = timed_cpu(text)
    return seconds, questions


def timed_cpu(text: str) -> tuple[float, float, int]:
    """Wall and CPU seconds: on a shared machine the CPU time says what the wall time hides."""
    start, cpu = time.perf_counter(), time.process_time()
    bank, _ = generate_from_texts([("bench.md", text)], "bench")
    return time.perf_counter() - start, time.process_time() - cpu, len(bank.questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--shape", default="", help="only shapes whose name contains this")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    text = NOTES.read_text(encoding="utf-8")
    timed(text)  # warm up: jieba's dictionary loads once per process
    small, small_q = min(timed(text) for _ in range(3))
    print(
        f"shipped notes ({len(text.encode()) / 1024:.1f} KB): {small * 1000:.0f} ms, {small_q} questions"
    )
    for name, make in shapes().items():
        if args.shape and args.shape not in name:
            continue
        cells = []
        for size in sizes:
            notes = make(size)
            seconds, cpu, questions = timed_cpu(notes)
            mb = len(notes.encode()) / 1e6
            cells.append(
                f"{mb:.2f} MB {seconds:.2f} s, cpu {cpu:.2f} s ({cpu / mb:.1f} s/MB, {questions} q)"
            )
        print(f"{name}: " + "; ".join(cells), flush=True)


if __name__ == "__main__":
    main()

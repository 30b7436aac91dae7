"""Benchmark: question generation for the shipped notes and for 0.25, 0.5 and 1 MB of notes in
three shapes (the shipped notes repeated, a table-heavy file, list-and-prose Chinese/English
notes), to show the cost grows linearly. Run from the repo root:

    python benchmarks/bench_generate.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from questions.generate import generate_from_texts  # noqa: E402

NOTES = REPO / "questions/notes/aws-developer-associate.md"
DEV = REPO / "tests/questions/notes"


def repeated(text: str, size: int) -> str:
    """The text repeated until `size` bytes, every heading renamed per copy."""
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        copy = re.sub(r"^(#+\s+)(.*)$", rf"\g<1>\g<2> (copy {n})", text, flags=re.M)
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


def SHAPES() -> dict[str, str]:
    return {
        "shipped notes repeated": NOTES.read_text(encoding="utf-8"),
        "kubernetes + postgres notes repeated": (DEV / "kubernetes-ckad.md").read_text(
            encoding="utf-8"
        )
        + (DEV / "postgresql-ops.md").read_text(encoding="utf-8"),
        "chinese notes repeated": (DEV / "http-networking-zh.md").read_text(encoding="utf-8"),
    }


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    bank, _ = generate_from_texts([("bench.md", text)], "bench")
    return time.perf_counter() - start, len(bank.questions)


def main() -> None:
    text = NOTES.read_text(encoding="utf-8")
    timed(text)  # warm up: jieba's dictionary loads once per process
    small, small_q = min(timed(text) for _ in range(3))
    print(
        f"shipped notes ({len(text.encode()) / 1024:.1f} KB): {small * 1000:.0f} ms, {small_q} questions"
    )
    shapes = {name: (lambda size, t=t: repeated(t, size)) for name, t in SHAPES().items()}
    shapes["tables"] = tables
    for name, make in shapes.items():
        cells = []
        for size in (250_000, 500_000, 1_000_000):
            notes = make(size)
            seconds, questions = timed(notes)
            cells.append(f"{len(notes.encode()) / 1e6:.2f} MB {seconds:.2f} s ({questions} q)")
        print(f"{name}: " + "; ".join(cells))


if __name__ == "__main__":
    main()

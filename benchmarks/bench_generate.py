"""Benchmark: generating the shipped notes, and ~1 MB of notes (the shipped ones repeated with
renamed headings). Prints one summary line. Run from the repo root:

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


def big_notes(text: str, size: int = 1_000_000) -> str:
    """The notes repeated until `size` bytes, every heading renamed per copy."""
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        copy = re.sub(r"^(#+\s+)(.*)$", rf"\g<1>\g<2> (copy {n})", text, flags=re.M)
        parts.append(copy)
        total += len(copy.encode("utf-8"))
    return "\n".join(parts)


def timed(docs: list[tuple[str, str]]) -> tuple[float, int]:
    start = time.perf_counter()
    bank, _ = generate_from_texts(docs, "bench")
    return time.perf_counter() - start, len(bank.questions)


def main() -> None:
    text = NOTES.read_text(encoding="utf-8")
    small = min(timed([("notes.md", text)])[0] for _ in range(5))
    _, small_q = timed([("notes.md", text)])
    big = big_notes(text)
    big_t, big_q = timed([("big.md", big)])
    print(
        f"shipped notes ({len(text.encode()) / 1024:.1f} KB): {small * 1000:.0f} ms, "
        f"{small_q} questions; {len(big.encode()) / 1e6:.2f} MB of notes: {big_t:.2f} s, "
        f"{big_q} questions"
    )


if __name__ == "__main__":
    main()

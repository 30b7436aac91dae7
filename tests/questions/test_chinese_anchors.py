"""Two numbers of one Chinese line ("文件 666，目录 777") are tied to their facts by two-character
words: asked both, each stem states the other's answer, so only one is kept (review of Linux
permission notes, session 27). A word said beside numbers of every kind ("默认") ties none."""

from __future__ import annotations

from questions.generate import generate_document

UMASK = """# Linux 权限

## umask

- 新建文件的最大权限：文件 666，目录 777，文件默认不给 x
- 默认 umask 0022 时：文件 644，目录 755
- 普通用户常见 0002：文件 664，目录 775
"""


def test_one_lines_two_numbers_do_not_answer_each_other() -> None:
    r = generate_document("u.md", UMASK)
    kept = [(q.prompt, q.choices[q.answer]) for _, q in r.chosen]
    assert kept, r.candidates
    for prompt, key in kept:
        for other, _ in kept:
            if other != prompt:
                assert key not in other.replace("___", ""), (prompt, other)

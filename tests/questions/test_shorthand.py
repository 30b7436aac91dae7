"""Players read questions, not notes: shorthand is spelled out and a shouted aside is left out
of prompts and choices, while the explanation quotes the notes as written."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts
from questions.shorthand import as_asked, options_as_asked


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("host maintenance w/o reboot", "host maintenance without reboot"),
        ("signed w/ key", "signed with key"),
        ("only the allowed traffic gets thru", "only the allowed traffic gets through"),
        ("access for ppl w/o an account", "access for people without an account"),
        ("retried b/c the lock was held", "retried because the lock was held"),
        ("names are truncated, u only get a NOTICE", "names are truncated, you only get a NOTICE"),
        ("可以存，但每次先验证（不是“不缓存”！！）", "可以存，但每次先验证"),
        ("skip it (never in prod!!)", "skip it"),
        ("the controller doesnt start the job", "the controller doesn't start the job"),
        ("it wont restart, u cant edit it", "it won't restart, you can't edit it"),
        ("labels isnt enough.", "labels isn't enough."),
    ],
)
def test_shorthand_is_spelled_out(written: str, asked: str) -> None:
    assert as_asked(written) == asked


@pytest.mark.parametrize(
    "kept",
    [
        "curl -u user:pw", "see /w/ docs", 'ETag: W/"abc"', "SELECT u FROM users u",
        "node/w/o", "temp disk (lost on redeploy!)", "w/o_flag", "menu",
        "--dont-wait", "dont.txt", "the current event", "want a count",
    ],
)  # fmt: skip
def test_names_flags_and_one_exclamation_stay(kept: str) -> None:
    assert as_asked(kept) == kept


def test_options_stay_as_written_when_spelling_would_merge_two() -> None:
    assert options_as_asked(["w/o lock", "without lock"]) == ("w/o lock", "without lock")
    assert options_as_asked(["w/o lock", "w/ lock"]) == ("without lock", "with lock")
    assert options_as_asked(["(!!)", "x"]) == ("(!!)", "x")


NOTES = """# Cache notes

## Cache-Control 指令

- **no-store** —— 完全不能存，敏感数据用这个
- **no-cache** —— 可以存，但每次用之前必须先找服务器验证（不是"不缓存"！！）
- **private** —— 只能存在浏览器里，CDN 不能存
- **must-revalidate** —— 过期以后必须先验证，不能直接用过期的副本

## Deploys

- **Blue/green** – a second env w/ the new version, traffic moves over in one go
- **Canary** – a slice of traffic goes thru the new version first
- **Rolling** – instances are replaced in batches w/o a second env
"""


def test_generated_questions_read_spelled_out_and_explain_as_written() -> None:
    bank, _ = generate_from_texts([("cache.md", NOTES)], "cache")
    shown = [q.prompt + " ".join(q.choices) for q in bank.questions]
    assert any("！！" in q.explanation or "w/" in q.explanation for q in bank.questions)
    assert any("不缓存" not in s and "必须先找服务器验证" in s for s in shown), shown
    for s in shown:
        assert "w/" not in s and "thru" not in s and "！！" not in s, s

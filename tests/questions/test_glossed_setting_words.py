"""Unseen notes review (issue #13), Linux and Redis notes: "哪条命令用于“只重读配置，不断连接”？" →
`systemctl reload httpd`, "“开机自启 + 立即启动”" → `enable --now`, "“每秒一次（默认）”" →
everysec: the Chinese says the words the names are made of, which the dictionary glosses by
other senses or not at all."""

from __future__ import annotations

import pytest

from questions.cues import clue


@pytest.mark.parametrize(
    ("stem", "key", "wrong"),
    [
        ("哪条命令用于“改完配置后重新加载，不断开连接”？", "nginx -s reload",
         ["nginx -s stop", "nginx -s quit", "nginx -t"]),
        ("哪条命令用于“开机自启并立即启动”？", "systemctl enable --now sshd",
         ["systemctl enable sshd", "systemctl start sshd", "systemctl mask sshd"]),
        ("以下描述的是哪个取值？“每秒刷一次盘”", "everysec", ["always", "no"]),
    ],
)  # fmt: skip
def test_a_stem_that_says_the_names_words_in_chinese_gives_it_away(
    stem: str, key: str, wrong: list[str]
) -> None:
    assert clue(stem, key, wrong) is not None


def test_a_stem_that_says_nothing_of_the_name_gives_nothing_away() -> None:
    assert (
        clue("以下描述的是哪个取值？“交给操作系统决定何时刷盘”", "no", ["always", "everysec"])
        is None
    )

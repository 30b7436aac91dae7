"""From unseen mixed Chinese/English AWS notes: a line under a Chinese-numbered heading ("##
四、EFS vs FSx") that is mostly English with a Chinese aside is asked in Chinese, as its
neighbours are; a bold system name over a list ("**EFS**") makes its items EFS's own terms
("以下描述的是 EFS 的哪一项？", never "哪个 EFS"); and "补充细节：" over a list is the writer's
filing, no kind of its items."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.nouns import category

NOTES = """# SAA 存储笔记

## 四、EFS vs FSx

**EFS**
- Performance mode：General Purpose（默认）/ Max I/O（高并行，延迟高）
- Throughput mode：Bursting / Provisioned / Elastic（现在推荐）
- Storage class：Standard / Infrequent Access / Archive + lifecycle policy（比如 30 天没访问移到 IA）

## 二、S3 classes

补充细节：
- **S3 Standard-IA**：最少存储 30 天，最小计费 128KB，availability 99.9%
- **S3 One Zone-IA**：同样 30 天 / 128KB，availability 99.5%，AZ 挂了数据就没了
- **S3 Express One Zone**：1 AZ、directory bucket、个位数 ms 延迟
"""


def test_mixed_lines_under_chinese_headings_are_asked_in_chinese() -> None:
    bank, _ = generate_from_texts([("s.md", NOTES)], "s")
    prompts = [q.prompt for q in bank.questions]
    assert prompts
    assert not any(p.startswith(("Which", "What", "In EFS")) for p in prompts), prompts
    assert not any("哪个 EFS" in p or "哪个补充细节" in p for p in prompts), prompts
    assert any(p.startswith("以下描述的是 EFS 的哪一项？") for p in prompts), prompts


def test_a_filing_label_is_no_kind() -> None:
    assert category("补充细节") is None
    assert category("备注") is None
    assert category("存储类型") == "存储类型"


SECRETS = """# CI 笔记

## 3. secrets & GITHUB_TOKEN

**secrets**
- 三个级别: organization / repository / environment（environment 的优先级最高，其次 repo，再 org）
- 命名: 只能字母数字下划线，不能以 `GITHUB_` 开头，不能数字开头，**大小写不敏感**
- 单个 secret 最大 48 KB；数量: org 1000 个，repo 100 个，environment 100 个
- **`if:` 里不能直接引用 `secrets`** → 先放到 env，再 `if: env.MY_KEY != ''`
- fork PR 触发的 workflow 拿不到 secrets（GITHUB_TOKEN 除外）
- reusable workflow 不会自动继承 → 显式传或 `secrets: inherit`
"""


def test_a_list_about_its_kind_is_no_list_of_it() -> None:
    """Lines that say things of secrets under "**secrets**" are no secrets: no "哪个 secret"."""
    bank, _ = generate_from_texts([("c.md", SECRETS)], "c")
    assert not any("哪个 secret" in q.prompt for q in bank.questions), [
        q.prompt for q in bank.questions
    ]

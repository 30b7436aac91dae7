"""Chinese and mixed notes the generator read badly (issue #13, blind review 13): a heading that
starts with 目录 taken for a table of contents, two definitions joined by a Chinese comma read
as one, a description cut down to its usage remark, and one option set offered again for
another key of the same family."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

import questions.generate as generate
from questions.clipping import usage_remark
from questions.facts.definitions import joined_definitions, split_definition
from questions.facts.extract import extract
from questions.generate import DocumentResult, generate_document
from questions.parse import parse_document

NOTES = Path(__file__).parent / "notes"
QUOTED = re.compile(r"“([^”]*)”")


def _result(name: str) -> DocumentResult:
    return generate_document(name, (NOTES / name).read_text(encoding="utf-8"))


def _headings(r: DocumentResult) -> set[str]:
    return {c.fact.section.heading for c, _ in r.chosen}


# -- 1. a heading that only starts with the table-of-contents word is a topic --------------


def test_a_section_named_for_directories_is_asked_and_the_real_toc_is_skipped() -> None:
    r = _result("linux-ops-zh.md")
    asked = _headings(r)
    assert {"目录操作", "目录结构说明", "链接与权限"} <= asked  # "链接…" is no link list either
    assert "目录" not in asked and "参考资料" not in asked
    skipped = {(n.section, n.reason) for n in r.doc.noise}
    assert ("目录", "table of contents") in skipped
    assert ("参考资料", "link list") in skipped
    assert not any(
        n.section.startswith(("目录操作", "目录结构", "链接与权限")) for n in r.doc.noise
    )


@pytest.mark.parametrize(
    ("heading", "noise"),
    [
        ("目录", True),
        ("📚 目录：", True),
        ("一、目录", True),
        ("参考资料与链接", True),
        ("目录权限", False),
        ("资源配额 ResourceQuota", False),
        ("许可证续期流程", False),
    ],
)
def test_a_chinese_heading_is_noise_only_as_the_word_alone(heading: str, noise: bool) -> None:
    text = f"# 笔记\n\n## {heading}\n\n- `chmod 700` —— 只有属主能读写执行这个目录里的文件\n"
    doc = parse_document(text, "n.md")
    flagged = [b for b in doc.blocks if b.noise and b.section.heading == heading]
    assert bool(flagged) is noise


# -- 2. two definitions joined by a Chinese comma are two facts ----------------------------


def test_each_clause_defines_its_own_term() -> None:
    doc = parse_document((NOTES / "linux-ops-zh.md").read_text(encoding="utf-8"), "n.md")
    defined = {f.subject: f.value for f in extract(doc) if f.kind == "definition"}
    assert defined["硬链接"] == "同一个 inode 的另一个文件名"
    assert defined["软链接"] == "保存目标路径的特殊文件"
    assert defined["/etc"] == "放系统和服务的配置文件"
    assert defined["/var"] == "放日志、缓存这类运行时会变的数据"
    assert defined["/proc"] == "内核在内存里生成的虚拟文件系统"
    # no description still holds the next term's clause
    for term, value in defined.items():
        others = [t for t in defined if t != term and len(t) > 1]
        assert not any(re.search(rf"{re.escape(t)}\s*(是|：)", value) for t in others), term


def test_a_clause_that_defines_nothing_of_its_own_stays_with_its_term() -> None:
    doc = parse_document(
        "# 笔记\n\n## 引擎\n\n"
        "- InnoDB：支持事务和行级锁，5.5 以后是默认引擎\n"
        "- Redis 是内存数据库，数据结构是 key-value\n"
        "- `gsutil` 是旧的存储命令，新命令是 `gcloud storage`\n"
        "- 这时候 Allow-Origin 不能是 *，必须写具体的 origin\n"
        "- VPC 是全球资源，子网是区域资源\n",
        "n.md",
    )
    found = {b.text.split("：")[0].split(" ")[0]: b for b in doc.blocks if b.kind == "item"}
    assert all(joined_definitions(b) == [] for b in found.values())
    innodb = split_definition(found["InnoDB"])
    assert innodb is not None and innodb.description == "支持事务和行级锁，5.5 以后是默认引擎"
    # a clause of another script is no pair of like terms, but it is not VPC's description
    vpc = split_definition(found["VPC"])
    assert vpc is not None and vpc.description == "全球资源"
    redis = split_definition(found["Redis"])
    assert redis is not None and redis.description == "内存数据库"


def test_joined_definitions_are_asked_with_one_fact_per_key() -> None:
    r = _result("db-mixed-zh.md")
    keyed = {q.choices[q.answer]: q for _, q in r.chosen if q.kind == "choice"}
    assert "逻辑备份" in keyed and "物理备份" in keyed
    assert "物理备份" not in QUOTED.findall(keyed["逻辑备份"].prompt)[0]
    assert "逻辑备份" not in QUOTED.findall(keyed["物理备份"].prompt)[0]


# -- 3. a description cut down to its usage remark is not asked ----------------------------


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("敏感数据用这个", True),
        ("改了配置以后常用", True),
        ("排查问题时比如拷日志出来", True),
        ("good for append-only logs", True),
        ("完全不能存", False),
        ("只适合幂等请求", False),
        ("冻结容器里的所有进程，不释放内存", False),
        ("把镜像打包成 tar 文件，离线环境传镜像用它", False),
    ],
)
def test_usage_remarks(text: str, remark: bool) -> None:
    assert usage_remark(text) is remark


def test_no_question_is_keyed_or_quoted_by_a_usage_remark_alone() -> None:
    r = _result("docker-zh-remarks.md")
    # the notes' lines whose fact clause says the command's name were tried ...
    tried = {c.fact.subject for c in r.candidates}
    assert {"docker rm", "docker restart", "docker cp", "docker image prune"} <= tried
    for _, q in r.chosen:
        said = [*QUOTED.findall(q.prompt), *(str(o) for o in q.choices)]
        assert not any(usage_remark(s) for s in said), q.prompt
    # ... and none became a true/false statement whose quote says the name either
    assert not any("删除已经停止的容器" in q.prompt for _, q in r.chosen)
    assert not any("先停止再启动容器" in q.prompt for _, q in r.chosen)


# -- 4. one option set is not offered again for another key of its family -----------------


def _repeated(r: DocumentResult) -> list[frozenset[str]]:
    keys: dict[frozenset[str], set[str]] = defaultdict(set)
    for _, q in r.chosen:
        if q.kind == "choice":
            keys[frozenset(q.choices)].add(q.choices[q.answer])
    return [s for s, k in keys.items() if len(k) > 1]


def test_a_family_larger_than_its_options_offers_other_members(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = "linux-ports-zh.md"
    monkeypatch.setattr(generate, "vary", lambda chosen, *_: list(chosen))
    before = _result(name)
    monkeypatch.undo()
    after = _result(name)
    ports = {k for c, _ in after.chosen if c.fact.table for k in c.fact.table.keys}
    # Ports below 1024 and above are two families (a two-digit port beside a four-digit one is
    # crossed off at a glance): the six low ones are larger than four options.
    low = {p for p in ports if int(p) < 1024}
    assert len(low) == 6
    assert [s for s in _repeated(before) if s <= low]  # the same four ports twice ...
    assert not [s for s in _repeated(after) if s <= low]  # ... offered once, six to pick from
    # nothing is lost: the same questions with the same keys, the same number of options
    assert [(q.id, q.choices[q.answer], len(q.choices)) for _, q in before.chosen] == [
        (q.id, q.choices[q.answer], len(q.choices)) for _, q in after.chosen
    ]
    for c, q in after.chosen:
        if c.fact.table is not None and c.style == "reverse":
            assert set(q.choices) <= ports  # members of the notes' ports, nothing else
            keyed_low = q.choices[q.answer] in low
            assert {c in low for c in q.choices} == {keyed_low}  # its own family, nothing else


def test_a_family_no_larger_than_its_options_keeps_every_option() -> None:
    """Four terms defined side by side: each question still offers all four (fewer options
    would only cross off what the earlier answer crosses off)."""
    r = _result("db-mixed-zh.md")
    sets = [frozenset(q.choices) for _, q in r.chosen if "逻辑备份" in q.choices]
    assert len(sets) >= 2 and all(s == sets[0] for s in sets) and len(sets[0]) == 4

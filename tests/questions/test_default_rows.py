"""A table cell calls its row the default only when it says so of the row: "默认" or "默认驱动"
in a table of 驱动, not "默认端口" (what the setting is for) in a table of 配置项."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Memcached 运维

## 基础配置

| 配置项 | 默认值 | 说明 |
|---|---|---|
| `-p` | 11211 | 默认端口 |
| `-m` | 64 | 最大内存，单位 MB |
| `-c` | 1024 | 最大并发连接数 |
| `-t` | 4 | 工作线程数 |

## 存储驱动

| 驱动 | 说明 |
|---|---|
| slab | 默认驱动，按大小分级 |
| extstore | 冷数据放到 SSD |
| proxy | 转发到后端集群 |
"""


def _defaults() -> dict[str, str]:
    facts = generate_document("mc.md", NOTES).facts
    return {f.category or "": f.value for f in facts if f.kind == "default"}


def test_a_cell_saying_what_a_setting_is_for_does_not_make_its_row_the_default() -> None:
    assert "配置项" not in _defaults(), _defaults()
    prompts = [q.prompt for _, q in generate_document("mc.md", NOTES).chosen]
    assert not any("默认的配置项" in p for p in prompts), prompts


def test_a_cell_naming_its_row_the_tables_default_still_does() -> None:
    assert _defaults().get("驱动") == "slab", _defaults()

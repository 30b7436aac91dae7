"""A stem cut from a longer line keeps what it is about (review 9, "Keep the discriminating
clause"): a cut that leaves only the kind the options share is not asked, an answer keeps the
question it answers, and a table remark keeps its row's noun."""

from __future__ import annotations

from questions.generate import generate_document

PROXY_EN = """# Proxy notes

## Timeouts

- `idle_timeout=90` — 90 seconds without traffic marks the upstream connection as idle. The proxy closes it and frees the socket.
- `connect_timeout=5` — applies only while opening a new upstream connection, overrides the global timeout
- `request_timeout=30` — a request that takes longer is answered with 504 by the proxy itself
- `tcp_keepalive` — sends probes so that a firewall does not drop a quiet connection
"""

HEADERS_EN = """# Rate limiting notes

## Response headers

- Redirect targets go in `Location`, and the browser follows them on its own.
- Conditional requests use `ETag`; the next request sends it back in `If-None-Match`.
- How long should a throttled client wait? The server answers with `Retry-After` (seconds or an HTTP date).
- Downloads name their file with `Content-Disposition`.
"""

HEADERS_ZH = """# 限流笔记

## 响应头

- 重定向的目标地址放在 `Location` 里，浏览器会自动跳过去
- 协商缓存靠 `ETag`，下次请求带 `If-None-Match`
- 客户端怎么知道多久以后再试？响应头带 `Retry-After`（秒数或者一个日期）
- 下载文件时用 `Content-Disposition` 指定文件名
"""

BACKUP_ZH = """# 数据库备份笔记

## 备份方式

| 方式 | 说明 | 注意 |
|---|---|---|
| 逻辑备份 | 导出成 SQL 语句的文件 | 恢复时要重建索引，大库很慢 |
| 物理备份 | 数据目录的整份拷贝 | 只能恢复到同一个大版本 |
| 增量备份 | 上次备份以来变化的数据块 | 恢复时必须先有全量备份 |
| 快照 | 存储层在某一时刻的只读镜像 | 要先冻结文件系统，否则可能不一致 |
"""

VERSIONS_EN = """# Compression notes

## Headers

- Clients list what they can decode in `Accept-Encoding: br, gzip`.
- How does a client ask for the v2 schema? It sends `Accept-Version: v2` with each call.
- Caches must key on encoding, so the server adds `Vary: Accept-Encoding`.
- `Transfer-Encoding: chunked` streams a body of unknown length.
"""

DOCKER_EN = """# Image notes

## Dockerfile

| Instruction | Purpose | Gotcha |
|---|---|---|
| `ARG` | build-time variable | gone once the image is built |
| `ENV` | environment variable | persists into the running container |
| `LABEL` | image metadata | does not add a layer |
| `EXPOSE` | documents a port | does not publish the port |
"""


def _chosen(text: str) -> list[tuple[str, str]]:
    return [(c.prompt, c.answer_text) for c, _ in generate_document("t.md", text).chosen]


def test_an_answer_keeps_the_question_it_answers() -> None:
    asked = [p for p, a in _chosen(HEADERS_EN) if a == "Retry-After"]
    assert asked and all("How long should a throttled client wait?" in p for p in asked), asked


def test_an_answer_whose_question_names_the_key_is_dropped_not_cut() -> None:
    # "多久以后再试" says Retry-After in other words: with the question the blank is given away,
    # without it "响应头带 ___" has no subject
    assert not any(a == "Retry-After" for _, a in _chosen(HEADERS_ZH)), _chosen(HEADERS_ZH)


def test_a_question_put_back_that_names_the_key_drops_the_cloze() -> None:
    # "the v2 schema?" beside `Accept-Version: v2`: a token too short for the give-away check
    assert not any(a == "Accept-Version: v2" for _, a in _chosen(VERSIONS_EN)), _chosen(VERSIONS_EN)


def test_a_remark_column_carries_its_rows_noun_not_its_label() -> None:
    chosen = _chosen(DOCKER_EN)
    remark = [p for p, a in chosen if a == "ENV" and "persists" in p]
    assert remark, chosen
    assert all("variable" in p and "Gotcha" not in p for p in remark), remark
    chosen = _chosen(BACKUP_ZH)
    remarks = [p for p, _ in chosen if "冻结文件系统" in p or "同一个大版本" in p]
    assert remarks, chosen
    assert all("注意" not in p and "这条备注说的是哪个方式的" in p for p in remarks), remarks


def test_a_cut_that_leaves_only_the_kind_the_options_share_is_not_asked() -> None:
    # "applies only while opening a new upstream connection" names connect_timeout; what is left,
    # "overrides the global timeout", is true of every *_timeout option
    chosen = _chosen(PROXY_EN)
    assert not any(p.endswith("“overrides the global timeout”?") for p, _ in chosen), chosen

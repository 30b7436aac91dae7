"""A column that gives a value or a remark ("默认值 / 备注", "Default / notes"; a review of
JVM notes, session 27): a cell that gives a value is asked as the value it is ("哪个参数的默认值
是“8”？"), never quoted as a description of its row ("以下描述的是哪个参数？“8”"), and a cell
that is a remark is asked as a description, never as a default. The notes are written for
this test (PHP-FPM in Chinese, Redis in English)."""

from __future__ import annotations

from questions.generate import generate_document

FPM = """# PHP-FPM

## 进程池参数

| 参数 | 含义 | 默认值 / 备注 |
|---|---|---|
| `pm.max_children` | 最多子进程数 | 5 |
| `pm.start_servers` | 启动时的子进程数 | 2 |
| `pm.min_spare_servers` | 最少空闲子进程数 | 1 |
| `pm.max_requests` | 子进程处理多少请求后重启 | 0（不重启，内存泄漏时要调）|
| `request_terminate_timeout` | 单个请求最长执行时间 | 设了之后 php.ini 里那个就不管用了 |
| `pm.process_idle_timeout` | 空闲子进程多久后被杀 | 10s |
| `listen.backlog` | 等待队列长度 | 511 |
| `slowlog` | 慢日志文件 | 配合 request_slowlog_timeout 才会写 |
| `rlimit_files` | 打开文件数上限 | 跟系统 ulimit 一致 |
"""

REDIS = """# Redis

## Config

| Setting | Meaning | Default / notes |
|---|---|---|
| `maxclients` | most clients connected at once | 10000 |
| `timeout` | seconds before an idle client is closed | 0 (never close) |
| `tcp-keepalive` | seconds between keepalive probes | 300 |
| `maxmemory-policy` | what is evicted at the memory limit | set it on every cache, or writes fail once full |
| `hz` | background task frequency | 10 |
"""


def _stems(notes: str) -> list[str]:
    return [c.prompt for c in generate_document("t.md", notes).candidates]


def test_the_header_is_never_pasted_whole_and_a_value_is_no_description() -> None:
    for notes, values in ((FPM, ("5", "2", "1", "10s", "511")), (REDIS, ("10000", "300", "10"))):
        stems = _stems(notes)
        assert any("默认值是" in s or "default" in s.lower() for s in stems), stems
        for s in stems:
            assert "默认值 / 备注" not in s and "Default / notes" not in s, s
            if any(f"“{v}”" in s for v in values):
                assert "描述" not in s and "described" not in s, s


def test_a_remark_is_never_said_as_a_default() -> None:
    """Nor made the false value of a default in a true/false statement."""
    said = [s for s in _stems(FPM) if "php.ini" in s or "ulimit" in s or "slowlog_timeout" in s]
    assert said, _stems(FPM)
    for s in said:
        assert "默认值" not in s, s


def _asked(notes: str, answer: str) -> list[str]:
    r = generate_document("t.md", notes)
    return [c.prompt for c in r.candidates if c.answer_text == answer]

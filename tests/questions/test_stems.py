"""Stems that keep their subject, ask a term by its own kind, and quote no line cut off
mid-phrase: small notes in shapes of their own (nginx, terraform, redis, a CI runner)."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.candidate import Candidate
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.nouns import noun_for, term_form
from questions.parse import parse_document
from questions.stems import command, table_forward, table_reverse, table_statement, wh_header, which
from questions.text import cut_short


def asked(text: str) -> list[tuple[Candidate, BankQuestion]]:
    return generate_document("t.md", text).chosen


def candidates(text: str) -> list[Candidate]:
    return generate_document("t.md", text).candidates


def prompts_for(text: str, answer: str) -> list[str]:
    """Every stem the generator wrote for this answer, chosen or not."""
    return [c.prompt for c in candidates(text) if c.options[c.answer] == answer]


NGINX = """# nginx
## Tuning
- `worker_connections` default **512**. rule of thumb: ~4096 per worker on a busy proxy
- `keepalive_timeout` default **75s**, clients keep the connection that long
- `client_max_body_size` default **1m**, a bigger upload gets 413
"""


def test_a_remark_label_in_a_later_sentence_keeps_the_items_subject() -> None:
    """ "rule of thumb: ~___ per worker" said nothing of what: the item is about
    worker_connections, and the stem names it."""
    stems = prompts_for(NGINX, "4096")
    assert stems, [c.prompt for c in candidates(NGINX)]
    assert all("worker_connections" in s for s in stems), stems
    assert all("rule of thumb" in s for s in stems)


def test_a_later_sentence_that_names_its_own_subject_is_left_alone() -> None:
    notes = "# pg\n## Memory\n- `work_mem` default **4MB**. `temp_buffers`: 8MB per session\n"
    for f in extract(parse_document(notes, "t.md")):
        if f.span == "8MB":
            assert "work_mem" not in f.context


CI_RUNNER = """# CI runner
## Artifacts

The Acme CI runner uploads build output. Each artifact must be:

- a single tar.gz file
- no bigger than 250 MB
- named after its job
"""


def test_a_short_item_keeps_a_short_lead_in_whole() -> None:
    """ "Each artifact must be: no bigger than ___" lost whose artifacts (the Acme runner's):
    a lead-in this short is kept whole."""
    stems = prompts_for(CI_RUNNER, "250 MB")
    assert stems and all("Acme CI runner" in s for s in stems), stems


SYSTEMD_TIMERS = """# Timers
## Timer options
| Option | Meaning |
|---|---|
| OnCalendar | wall-clock schedule |
| OnBootSec | time after boot |
| OnUnitActiveSec | time after the last activation |

- `AccuracySec=` defaults to 1 minute; timers may fire up to a minute late.
- `RandomizedDelaySec=` spreads the start over a random delay to avoid thundering herds.
- `Persistent=` makes a calendar timer catch up on a missed run at the next boot.
"""

TERRAFORM = """# Terraform
## Backend types
- `s3` stores the state in a bucket, with DynamoDB for locking.
- `gcs` stores the state in Google Cloud Storage, with locking built in.
- `azurerm` stores the state in a blob container, locked by a blob lease.
- `-lock-timeout=` waits this long for a state lock before giving up.
- `-lock=false` skips taking the state lock at all.
- `-input=false` never prompts for missing variables.
- `/tmp/plan.out` holds the saved plan that the next apply reads.
"""


def test_a_heading_noun_is_not_the_noun_of_a_setting_under_it() -> None:
    """ "Which backend type waits this long for a state lock?" named `-lock-timeout=` a backend
    type: the heading's noun is only for the lines that are backend types."""
    stems = [c.prompt for c in candidates(TERRAFORM) if c.style == "reverse"]
    assert stems
    for c in candidates(TERRAFORM):
        answer = c.options[c.answer]
        if c.style == "reverse" and answer in ("-lock-timeout=", "/tmp/plan.out"):
            assert "backend type" not in c.prompt.lower(), c.prompt


def test_a_term_is_asked_by_the_noun_of_its_form() -> None:
    assert noun_for("TimeoutStopSec=", "Service type", ("RestartSec=",), "en") == "setting"
    assert term_form("fsync = off") == "setting"  # not a command "fsync" with arguments
    assert noun_for("/etc/nginx/conf.d/", "Service type", (), "en") == "path"
    assert noun_for("journalctl -k", "Log level", (), "en") == "command"
    assert noun_for("--link", "upgrade mode", (), "zh") == "选项"
    # a noun that names the form, or a plain name, keeps the category
    assert noun_for("Restart=", "directive", ("RestartSec=",), "en") == "directive"
    assert noun_for("Guaranteed", "QoS class", ("Burstable", "BestEffort"), "en") == "QoS class"
    # a plain line among settings under another noun is asked as "which of these"
    assert noun_for("Start rate limiting", "Service type", ("RestartSec=",), "en") is None
    assert term_form("Start rate limiting") is None and term_form("TCP/UDP") is None
    # "Which setting …?" beside an option that is no setting rules that option out
    mixed = ["Start rate limiting", "RestartSec="]
    assert noun_for("TimeoutStopSec=", "Service type", (), "en", mixed) is None
    # a list with no noun of its own whose options all share the term's form
    paths = ["/run/systemd/system/", "/lib/systemd/system/"]
    assert noun_for("/etc/systemd/system/", None, (), "en", paths) == "path"
    assert noun_for("/etc/systemd/system/", None, (), "en", ["Recreate", paths[0]]) is None
    assert noun_for("/etc/systemd/system/", None, (), "en") is None  # a stem naming the term


def test_a_cheat_sheet_of_commands_is_asked_by_which_command() -> None:
    notes = """# redis
## redis-cli cheat sheet
- `redis-cli --bigkeys` — scan for the largest keys of each type
- `redis-cli --latency` — sample the round-trip time to the server
- `redis-cli monitor` — print every command the server receives
- `redis-cli info memory` — memory usage and fragmentation
"""
    reverse = [c for c in candidates(notes) if c.style == "reverse"]
    assert reverse, [c.prompt for c in candidates(notes)]
    assert all(c.prompt.startswith("Which command ") for c in reverse), [c.prompt for c in reverse]


def test_a_setting_under_a_heading_of_another_kind_is_asked_as_a_setting() -> None:
    notes = """# systemd
## Unit types
- `RestartSec=` sleeps this long before a restart, 100ms unless set.
- `TimeoutStartSec=` bounds how long the start may take before systemd gives up.
- `WatchdogSec=` makes the service ping systemd or be restarted.
"""
    stems = [c.prompt for c in candidates(notes) if c.style == "reverse"]
    assert stems, [c.prompt for c in candidates(notes)]
    assert not any("unit type" in s.lower() for s in stems), stems
    assert any(s.startswith("Which setting") for s in stems), stems


REDIS_ERRORS = """# Redis errors

| 错误 | 描述 |
|---|---|
| `OOM` | 内存超过 maxmemory 限制，写命令被拒绝 |
| `LOADING` | 服务器正在把数据集加载到内存，暂时不能处理请求 |
| `READONLY` | 连接的是只读副本，不能在以下 |
| `NOAUTH` | 需要先认证，请用 AUTH 命令提供密码 |
| `BUSY` | 脚本运行超时，服务器忙，可以用 SCRIPT KILL 停止 |
"""


def test_a_cell_the_notes_cut_off_mid_phrase_is_not_quoted() -> None:
    """ "连接的是只读副本，不能在以下" announces what it never gives: quoted in a stem it may
    be any row's description."""
    bank = candidates(REDIS_ERRORS)
    assert any(c.options[c.answer] == "OOM" for c in bank)  # the notes do yield questions
    for c in bank:
        assert "不能在以下" not in c.prompt and "不能在以下" not in c.options, c.prompt


def test_cut_short_texts() -> None:
    assert cut_short("与您的部署组关联的服务角色不具备在以下AWS服务")
    assert cut_short("uploads the build to the following")
    assert cut_short('journalctl --since "1 hour ago')
    assert cut_short("要求如下：")
    assert not cut_short("Deploy to targets such as EC2 and Lambda")
    assert not cut_short("跑在 TCP 上，队头阻塞还在")
    assert not cut_short("read the following guide and apply it")


UNITS = """# systemd
## Dependencies
- `Requires=` pulls in another unit and stops this one if that unit stops; `Wants=` is the weak form.
- `BindsTo=` stops this unit as soon as the other one becomes inactive.
- `PartOf=` propagates only stop and restart from the other unit.
"""


def test_a_clause_about_another_term_is_not_glued_to_the_description() -> None:
    """ "Which of these pulls in another unit …; Wants= is the weak form?" asked two things."""
    stems = [c.prompt for c in candidates(UNITS) if c.options[c.answer] == "Requires="]
    reverse = [s for s in stems if "pulls in" in s]
    assert reverse, stems
    assert all("Wants=" not in s and "weak form" not in s for s in reverse), reverse


def test_a_clause_header_is_asked_as_a_question() -> None:
    """ "What do the notes give for forking under “When systemd considers …”?" is the notes'
    layout read aloud; an exam asks "when does systemd consider …"."""
    header = "When nginx reloads the config"
    assert wh_header(header) == ("When", "does nginx reload the config", header[5:])
    assert table_forward("SIGHUP", header, "en") == "For SIGHUP, when does nginx reload the config?"
    assert table_reverse("Signal", header, "on a HUP", "en") == (
        "For which signal does nginx reload the config “on a HUP”?"
    )
    assert table_statement("SIGHUP", header, "on a HUP", "en") == (
        "For SIGHUP, nginx reloads the config “on a HUP”"
    )
    assert wh_header("Where the state is kept") == (
        "Where",
        "is the state kept",
        "the state is kept",
    )
    assert wh_header("When to use") is None


def test_a_phrase_heading_is_not_pasted_in_front_of_a_chinese_line() -> None:
    notes = """# Deploy
## For zero downtime

如果服务需要处理后台任务，部署包里还必须包括一个 `cron.yaml` 文件，默认每 60 秒检查一次。
"""
    for f in extract(parse_document(notes, "t.md")):
        assert f.context != "For zero downtime", f


def test_a_chinese_stem_puts_no_space_before_its_question_mark() -> None:
    """ "以下描述的是哪个 Method ？": a Latin noun keeps its space before Chinese, not before ？."""
    from questions.stems import label_property, reverse_definition

    assert reverse_definition("整个替换资源", "Method", "zh", False) == (
        "以下描述的是哪个 Method？“整个替换资源”"
    )
    assert label_property("头部压缩换成了 QPACK", "Protocol", "zh").endswith("哪个 Protocol？")
    assert table_reverse("Method", "说明", "整个替换资源", "zh").startswith(
        "以下描述的是哪个 Method？"
    )


PERSISTENCE = """# Redis
## Persistence modes
- **RDB** – point-in-time snapshots of the dataset written at intervals. fork() copies the process, so a large instance may pause briefly while the child writes the file to disk.
- **AOF** – an append-only log of every write operation. it is replayed at startup to rebuild the dataset; the fsync policy decides how much a crash loses.
- **Hybrid** – an append-only log of every write operation, with a snapshot at its start. by default it is off, and it needs a recent server version to be turned on at all.
- **None** – nothing is written to disk, a restart starts empty
"""


def test_a_long_description_is_quoted_by_the_sentence_that_singles_out_its_term() -> None:
    """An exam quotes what identifies the answer, not the whole note; a first sentence that
    another term's line also says (the AOF and Hybrid logs) keeps the rest that tells them
    apart."""
    stems = {c.options[c.answer]: c.prompt for c in candidates(PERSISTENCE) if c.style == "reverse"}
    assert "RDB" in stems, stems
    assert "snapshots of the dataset written at intervals" in stems["RDB"]
    assert "fork()" not in stems["RDB"]
    # AOF's first sentence is the start of Hybrid's too; Hybrid's says more
    assert "AOF" in stems and "replayed at startup" in stems["AOF"]
    assert "snapshot at its start" in stems["Hybrid"] and "by default" not in stems["Hybrid"]


def test_a_first_sentence_that_only_sets_the_scene_is_not_quoted_alone() -> None:
    notes = """# nginx
## Directives
- **spooling** – by default the server holds the whole upstream response. the client gets it once it is complete, so slow clients never tie up the upstream server.
- **sendfile** – copies a file to the socket inside the kernel, without a copy through user space
- **tcp_nopush** – sends the response header and the start of a file in one packet
"""
    stems = {c.options[c.answer]: c.prompt for c in candidates(notes) if c.style == "reverse"}
    assert "spooling" in stems, stems
    assert "slow clients" in stems["spooling"], stems["spooling"]


def test_a_value_the_sentence_gives_again_as_a_setting_is_not_left_beside_its_blank() -> None:
    """ "within ___ (StartLimitIntervalSec=10s)" and the false "within 5 seconds (…=10s)"
    answered themselves: the aside that restates the value leaves the stem."""
    notes = """# Redis
## Slow log
- Slow queries: by default commands slower than 20 ms are logged (`slowlog-log-slower-than=20ms`); the log keeps the last entries only.
- `maxclients` default **10000**, each client is one file descriptor
- `timeout` default 0, idle clients are never closed
"""
    asked_20 = [c for c in candidates(notes) if "20 ms" in c.options or "20 ms" in c.prompt]
    assert asked_20, [c.prompt for c in candidates(notes)]
    for c in asked_20:
        assert "=20ms" not in c.prompt, c.prompt


def test_a_description_that_points_back_to_the_line_before_is_not_quoted() -> None:
    """ "True or false: systemctl mask does both in one step": both of what, the stem cannot say."""
    notes = """# git
## Syncing
- `git fetch` downloads new commits from the remote without touching your branch.
- `git merge` joins another branch's history into the current branch.
- `git pull` does both in one step.
- `git push` uploads your commits to the remote branch.
"""
    bank = candidates(notes)
    assert any(c.options[c.answer] == "git fetch" for c in bank), [c.prompt for c in bank]
    assert not any("does both" in c.prompt or "do both" in c.prompt for c in bank)


def test_a_key_named_for_its_column_is_asked_without_repeating_it() -> None:
    """ "What is the address of network address?" (review 16) says the noun twice."""
    assert table_forward("network address", "Address", "en") == "What is the network address?"
    assert table_forward("VPC router", "Address", "en") == "What is the address of VPC router?"


def test_a_quote_inside_a_quoted_description_takes_single_marks() -> None:
    """ "以下描述的是哪一项？““匹配还是不匹配？ ” -> 不算分”" read as garbled (review 16)."""
    from questions.stems import quoted

    assert quoted("“匹配还是不匹配？ ” -> 不算分", "zh") == "“‘匹配还是不匹配？’ -> 不算分”"
    assert quoted("plain words", "en") == "“plain words”"


def test_a_config_line_is_asked_as_a_setting() -> None:
    """ "哪条命令用于“coordinating only”？" -> `node.roles: []`: a setting, not a command."""
    from questions.stems import command

    assert command("coordinating only", "zh", "setting") == "哪项配置用于“coordinating only”？"
    notes = "# ES\n\n## Roles\n\n- coordinating only: `node.roles: []`, routes requests\n"
    notes += "\n```yaml\ncluster.name: prod\nnode.name: n1\nnode.roles: [ master ]\n```\n"
    for _, q in generate_document("n.md", notes).chosen:
        if q.choices[q.answer] == "node.roles: []":
            assert "command" not in q.prompt, q.prompt


def test_a_comment_naming_a_kind_of_thing_is_no_order() -> None:
    """`lsblk -f  # block devices`: "Which command blocks devices?" read a noun as a verb."""
    assert command("block devices", "en") == "Which command is for “block devices”?"
    assert command("disk partitions with their UUIDs", "en").endswith(
        "is for “disk partitions with their UUIDs”?"
    )
    assert command("list databases", "en") == "Which command lists databases?"


def test_a_chinese_noun_drops_its_count_before_or_after() -> None:
    """ "拒绝策略 4 种：…" leads a list: "以下描述的是哪个拒绝策略 4 种？" pasted the count."""
    assert which("拒绝策略 4 种", "zh") == "哪个拒绝策略"
    assert which("四种隔离级别", "zh") == "哪个隔离级别"
    assert which("隔离级别", "zh") == "哪个隔离级别"


def test_a_comment_that_says_when_asks_when_to_run() -> None:
    """`systemctl daemon-reload  # after editing unit files`: "is for “after editing …”" said
    nothing of a use."""
    assert command("after editing unit files", "en") == (
        "Which command do you run after editing unit files?"
    )
    assert command("when a pod is stuck in Terminating", "en").startswith(
        "Which command do you run when"
    )


def test_a_default_stem_does_not_say_defaults_twice() -> None:
    """ "TTL defaults: min 0, default 86,400 s" read "What is the default value of TTL defaults?"."""
    from questions.stems import default_number

    assert default_number("TTL defaults", "en") == "What is the default value of TTL?"
    assert default_number("maxSurge", "en") == "What is the default value of maxSurge?"
    assert default_number("defaults", "en") == "What is the default value of defaults?"


def test_a_quoted_verb_phrase_drops_its_copula() -> None:
    """ "**State** is how TF maps config → real-world resources" was quoted "“is how TF maps
    …”": a predicate with an arrow is quoted, and the quote says what the thing is."""
    from questions.stems import reverse_definition

    stem = reverse_definition("is how TF maps config → real-world resources", None, "en", True)
    assert stem == "Which of these is described here: “how TF maps config → real-world resources”?"
    # a description that is no verb phrase keeps its words ("is" may be a name there)
    assert "“is a list”" in reverse_definition("is a list", None, "en", False)

"""Notes in Traditional Chinese (unseen review of session 38: a Taiwanese student's OS notes
were asked in Simplified templates, "哪个…是什么？", and no Chinese rule, all written in
Simplified, read their "例題" and "習題"). questions/chinese_script.py reads such notes in
Simplified and writes their questions back in the notes' own characters."""

from __future__ import annotations

from questions.chinese_script import is_traditional, simplified, writer_back
from questions.generate import generate_document, generate_from_texts, render_summary

NOTES = """# 作業系統筆記

## 一、行程狀態

| 狀態 | 說明 |
|---|---|
| New | 行程正在被建立 |
| Ready | 等待分配 CPU |
| Running | 指令正在執行 |
| Waiting | 等待 I/O 或事件完成 |
| Terminated | 執行完畢，資源回收 |

## 二、排程演算法

- **FCFS**：先到先服務，不可搶先，會有護航效應（convoy effect）
- **SJF**：最短工作優先，平均等待時間最小，但無法事先知道 burst
- **RR**：輪流排程，時間配額 q 用完就換下一個行程，適合分時系統
- **Priority**：優先權排程，低優先權可能飢餓，可用老化（aging）避免
- **MLFQ**：多層回饋佇列，行程可以在佇列之間移動

## 三、例題：FCFS 平均等待時間

- 三個行程 burst 分別為 24、3、3 ms
- 等待 0、24、27 → 平均等待時間＝(0＋24＋27)／3＝17 ms

## 四、記憶體

- 分頁（paging）沒有外部碎片，但有內部碎片
- 控制暫存器 CR3 存放分頁表的實體位址
- 複製時寫入（Copy-on-Write）：fork() 後父子共享頁面，有人寫入才複製那一頁
- TLB 命中率 98%，記憶體存取 100 ns
"""

#: characters only Simplified writes, as the generator's own templates do (哪个 / 什么 / 判断正误
#: / 以下描述的是哪一项 / 填空); notes in Traditional never hold them
SIMPLIFIED_ONLY = set("个么断误项这说对错题为")


def test_traditional_notes_are_told_from_simplified_and_mixed_ones() -> None:
    assert is_traditional(NOTES)
    assert not is_traditional(simplified(NOTES))
    english = "# Notes\n\n- The 作業系統 (operating system) runs processes.\n" * 3
    assert not is_traditional(english)


def test_questions_speak_the_notes_script() -> None:
    result = generate_document("os.md", NOTES)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 5, [q.prompt for q in asked]
    for q in asked:
        text = " ".join([q.prompt, *q.choices, q.explanation])
        assert not SIMPLIFIED_ONLY & set(text), text
    prompts = " ".join(q.prompt for q in asked)
    assert "哪個" in prompts or "以下描述的是哪" in prompts, prompts


def test_a_worked_example_heading_in_traditional_asks_nothing() -> None:
    result = generate_document("os.md", NOTES)
    for c, q in result.chosen:
        assert "例題" not in c.fact.section.key and "例题" not in c.fact.section.key, q.prompt
        assert "24、27" not in q.prompt and "17 ms" not in q.choices, q.prompt
    noise = {n.reason for n in result.doc.noise}
    assert "worked example" in noise, noise


def test_a_character_written_two_ways_keeps_each_way() -> None:
    # 制 and 製 are both read as 制: each is written back as the notes wrote it at that place
    read = simplified(NOTES)
    written = writer_back(NOTES, read)
    assert read.count("制") == 3
    assert written("控制暂存器 CR3") == "控制暫存器 CR3"
    assert written("有人写入才复制那一页") == "有人寫入才複製那一頁"
    assert written(read) == NOTES
    # words the notes never hold: OpenCC's Traditional
    assert written("哪个状态是什么？") == "哪個狀態是什麼？"


def test_the_summary_names_sections_as_the_notes_do() -> None:
    bank, report = generate_from_texts([("os.md", NOTES)], "os")
    summary = render_summary(report)
    assert "一、行程狀態" in summary and "行程状态" not in summary, summary
    for q in bank.questions:
        assert q.source is not None and q.source.line is not None
        line = NOTES.split("\n")[q.source.line - 1]
        assert line.strip(), q.prompt

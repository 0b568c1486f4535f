"""The five sample notices import with their parts right (real 文号, titles, dates,
attachments, headings, kinds, run fonts)."""
from __future__ import annotations

import pytest

from conftest import sample
from editor.docx_import import import_docx
from editor.model import Heading, ListItem, PageBreak, Paragraph, Table


@pytest.fixture(scope="module")
def docs():
    return {n: import_docx(sample(n)).document for n in ("01", "02", "03", "04", "05")}


def test_notice_01_head_and_attachment(docs):
    d = docs["01"]
    assert d.kind == "notice"
    assert d.issuer_mark == "东西湖区人民政府文件"
    assert d.doc_number == "东政发〔2025〕3号"
    assert d.title == "东西湖区人民政府关于公布第一至第三批区级文物保护单位保护范围和建设控制地带的通知"
    assert d.recipients == "各街道办事处、开发区管委会各产业办公室，区人民政府各部门，区直各单位："
    assert d.signature == ["东西湖区人民政府"]
    assert d.date == "2025年3月13日"
    assert len(d.body) == 1 and d.body[0].text.startswith("根据《中华人民共和国文物保护法》")
    (att,) = d.attachments
    assert att.label == "" and att.title == "第一至第三批区级文物保护单位保护范围和建设控制地带"
    sites = [b for b in att.blocks if isinstance(b, Heading)]
    assert [b.text.split(".")[0] for b in sites] == [str(n) for n in range(1, 10)]
    assert all(b.level == 3 for b in sites)
    assert not any(isinstance(b, PageBreak) for b in att.blocks)


def test_notice_02_plan_and_task_table(docs):
    d = docs["02"]
    assert (d.issuer_mark, d.doc_number) == ("东西湖区人民政府办公室文件", "东政办〔2025〕2号")
    assert d.title == "区人民政府办公室关于印发东西湖区持续改进提升营商环境行动方案的通知"
    assert d.signature == ["东西湖区人民政府办公室"] and d.date == "2025年3月28日"
    plan, tasks = d.attachments
    assert plan.label == "" and plan.title == "东西湖区持续改进提升营商环境行动方案"
    assert tasks.label == "附件" and tasks.title == "东西湖区持续改进提升营商环境行动方案任务清单"
    notes = [b for b in plan.blocks if isinstance(b, Paragraph) and b.role == "attachment_note"]
    assert [n.text.strip() for n in notes] == ["附件：东西湖区持续改进提升营商环境行动方案任务清单"]
    heads = [(b.level, b.text) for b in plan.blocks if isinstance(b, Heading)]
    assert heads[:4] == [(1, "一、总体要求"), (1, "二、主要工作任务"),
                         (2, "（一）持续打造竞争有序的市场环境"), (2, "（二）持续打造依法依规的法治环境")]
    assert len(heads) == 12
    # Run-in leads ("1.便利市场准入准营。持续…") stay body paragraphs with their bold lead.
    lead = next(b for b in plan.blocks if b.text.startswith("1.便利市场准入准营。"))
    assert type(lead) is Paragraph and lead.runs[0].bold
    assert isinstance(tasks.blocks[0], Table)


def test_notice_03_named_styles(docs):
    d = docs["03"]
    assert d.doc_number == "东政办〔2025〕3号" and d.date == "2025年4月30日"
    assert d.title == ("区人民政府办公室关于印发东西湖区推进高校毕业生创新创业和外出务工人员返乡"
                       "创业工作行动方案（2025—2027年）的通知")
    plan, tasks = d.attachments
    assert plan.title == "东西湖区推进高校毕业生创新创业和外出务工人员返乡创业工作行动方案（2025—2027年）"
    assert tasks.title.endswith("重点任务清单")
    levels = [b.level for b in plan.blocks if isinstance(b, Heading)]
    assert levels.count(1) == 3 and levels.count(2) == 8
    # Heading 1 is a 黑体 style in styles.xml; body paragraphs are 仿宋_GB2312 三号 (16 pt).
    h1 = next(b for b in plan.blocks if isinstance(b, Heading) and b.level == 1)
    assert h1.runs[0].role == "hei" and h1.runs[0].size == 16.0
    body = next(b for b in plan.blocks if type(b) is Paragraph and len(b.text) > 60)
    assert {r.role for r in body.runs} == {"fangsong"}
    assert {r.size for r in body.runs} == {16.0}


def test_head_runs_have_roles_and_red_issuer(docs):
    from editor.docx_import.package import Package  # noqa: F401  (module is importable)
    d = docs["01"]
    for block in d.all_blocks():
        if isinstance(block, Paragraph):
            assert all(r.role for r in block.runs if r.text.strip()), block.id


def test_doc_list_04_labels_from_numbering(docs):
    d = docs["04"]
    assert d.kind == "doc_list" and d.title == "上级政府文件目录（选登）"
    heads = [b.text for b in d.body if isinstance(b, Heading)]
    assert heads == ["一、市人民政府文件", "二、市人民政府办公厅文件"]
    items = [b for b in d.body if isinstance(b, ListItem)]
    assert [b.label for b in items] == [f"{n}." for n in range(1, 4)] + \
        [f"{n}." for n in range(1, 11)]
    assert all(b.role == "list_entry" for b in items)
    assert items[0].text.startswith("市人民政府关于印发2025年市《政府工作报告》")
    assert items[-1].display_text.startswith("10.市人民政府办公厅关于印发武汉市推动长江中游航运中心")


def test_chronicle_05_entries(docs):
    d = docs["05"]
    assert d.kind == "chronicle" and d.title == "大事记" and d.subtitle == "2025年（1-6月）"
    assert len(d.body) == 33
    assert all(b.role == "chronicle_entry" for b in d.body)
    first = d.body[0]
    assert first.runs[0].bold and first.runs[0].text.startswith("1月3日")
    assert d.body[-1].text.startswith("同日")


def test_ids_are_deterministic_and_unique(docs):
    again = import_docx(sample("02")).document
    ids = [b.id for b in docs["02"].all_blocks()]
    assert ids == [b.id for b in again.all_blocks()]
    every = list(ids)
    for b in docs["02"].all_blocks():
        if isinstance(b, Table):
            every.extend(c.id for r in b.rows for c in r.cells)
            every.extend(x.id for r in b.rows for c in r.cells for x in c.blocks)
    assert len(every) == len(set(every))
    assert all(i.startswith(("p", "t", "pb")) for i in ids)

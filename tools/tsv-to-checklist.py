#!/usr/bin/env python3
# tsv-to-checklist.py — turn shared/reference/outline-2021-2025.tsv into the shipped checklist JSON.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/tsv-to-checklist.py OUTLINE.tsv > resources/checklists/outline-2021-2025.json
#
# The JSON is the shipped data; this script only records how it was made. Phrase cells of the
# TSV are written for people ("部门协同/联动机制", "自由裁量基准（文件）"): they are expanded here
# into plain phrases the engine can match literally.

import json
import re
import sys

CN_NUM = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}

# Default points by outline block (reporting-rules.md, "A reasonable default ...").
BLOCKS = [
    ("leadership", "党的领导、第一责任人、推进机制、能力建设", 12, [1, 2, 3, 32, 33, 34, 35]),
    ("functions", "政府职能、放管服、营商环境", 10, [4, 5, 6]),
    ("rules", "立法、规范性文件", 8, [7, 8, 9]),
    ("decisions", "行政决策", 10, [10, 11, 12]),
    ("enforcement", "行政执法", 20, [13, 14, 15, 16]),
    ("emergencies", "突发事件应对", 12, [17, 18, 19]),
    ("disputes", "矛盾纠纷化解", 6, [20, 21, 22, 23]),
    ("oversight", "监督、政务公开、政务诚信", 8, [24, 25, 26, 27, 28]),
    ("digital", "数字法治政府", 4, [29, 30, 31]),
]
NOT_APPLICABLE = {21}  # 行政裁决: almost never in an emergency-management bureau's report

FORM = {
    "max_points": 10,
    "deductions": [
        {"code": "missing-part", "points": 3, "description": "缺少一个必备部分，每缺一项扣3分"},
        {"code": "late-publication", "points": 2, "description": "逾期公开（晚于次年4月1日）"},
        {"code": "dated-before-period-end", "points": 2, "description": "报告年度尚未结束即成文"},
        {"code": "missing-title", "points": 1, "description": "缺少标题"},
        {"code": "missing-date", "points": 1, "description": "缺少成文或发布日期"},
        {"code": "numbering-missing", "points": 1, "description": "标题序号缺失"},
        {"code": "numbering-gap", "points": 1, "description": "标题序号不连续"},
        {"code": "enumeration-gap", "points": 0.5, "description": "段内列举（一是、二是……）不连续"},
        {"code": "unbalanced-punctuation", "points": 0.5, "description": "引号、括号、书名号不配对"},
    ],
}

GRADES = [
    {"name": "优秀", "min": 90},
    {"name": "良好", "min": 80},
    {"name": "合格", "min": 60},
    {"name": "不合格", "min": 0},
]

LOW_RELEVANCE = {
    "discount": 0.5,
    "phrases": ["防汛", "防台", "防台风", "森林防灭火", "防灭火", "救灾", "抢险", "灾害救助",
                "汛期", "三防", "台风", "地质灾害", "受灾群众", "物资调拨", "火情", "雨情",
                "森林防火", "森林火灾", "山火", "扑火", "灾后重建", "恢复重建", "救助",
                "转移群众", "巡查值守"],
    "legal_phrases": ["法治", "依法", "执法", "法律", "法规", "规章", "规范性文件", "合法性",
                      "行政处罚", "行政许可", "复议", "诉讼", "条例", "制度", "程序"],
}


# Cells the general rules below would misread, spelled out. A trailing bracket is a
# qualifier, not an optional part: 应急预案（重大） is about major plans, and bare 应急预案
# would make every contingency plan a 重大行政决策. "/" alternatives that share a head or
# a tail the rules cannot see: 行政许可/处罚公示 is 行政许可公示 and 行政处罚公示, never bare
# 行政许可. Generic words that say nothing of the item on their own (考核, 轮训, 支队,
# 建议书) only count inside the longer phrase.
EXPLICIT = {
    "行政许可/处罚/强制/检查事项数": ["行政许可事项", "行政处罚事项", "行政强制事项", "行政检查事项"],
    "应急预案(重大)": ["重大应急预案"],
    "执法总队/支队": ["执法总队", "执法支队"],
    "复议意见书/建议书": ["复议意见书", "复议建议书"],
    "行政许可/处罚公示": ["行政许可公示", "行政处罚公示", "双公示"],
    "考核/纳入绩效考核": ["法治政府建设考核", "法治建设考核", "纳入绩效考核"],
    "执法人员培训/轮训": ["执法人员培训", "执法人员轮训"],
    "说理式/帮扶式执法": ["说理式执法", "帮扶式执法"],
    "最多跑一次/一趟不用跑": ["最多跑一次", "一趟不用跑"],
    "编制": ["机构编制", "人员编制", "编制管理"],
    "公共卫生": ["公共卫生立法", "公共卫生领域立法"],
    "防范风险": ["防范风险立法", "防范风险领域立法"],
    "清理": ["文件清理", "集中清理"],
    "目录": ["文件目录", "规范性文件目录"],
    "评估": ["文件评估", "实施后评估"],
    "工作要点": ["法治政府建设工作要点", "依法行政工作要点"],
    "安全生产": ["安全生产执法", "安全生产行政执法", "安全生产领域执法"],
}


def clean(phrase):
    phrase = phrase.strip().replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", phrase)


def split_alternatives(form):
    """"部门协同/联动机制" → both; "总体/专项/部门应急预案" → 总体应急预案, 专项应急预案, …:
    a short alternative borrows the tail of the last one."""
    if "/" not in form:
        return [form]
    segs = form.split("/")
    last = segs[-1]
    out = []
    for seg in segs[:-1]:
        if len(seg) <= 2 and len(last) > len(seg) + 1:
            seg = seg + last[len(seg):]
        out.append(seg)
    out.append(last)
    return [s for s in out if len(s) >= 2]


def expand(cell):
    """One TSV cell → a list of plain phrases, longest first within each cell entry."""
    out = []
    for raw in cell.split(";"):
        raw = clean(raw)
        if not raw or raw == "—" or raw.startswith("("):
            continue
        if raw in EXPLICIT:
            out.extend(v for v in EXPLICIT[raw] if v not in out)
            continue
        variants = []
        # "乡镇(街道)权责清单" → also without the bracketed part.
        bare = re.sub(r"\([^)]*\)", "", raw)
        for form in sorted({raw, bare}):
            variants.extend(split_alternatives(form))
        # "马上办、网上办、…": each enumerated phrase on its own when the list is a short run
        # of short slogans; a long slogan list would leave fragments such as 法治政府.
        more = []
        for v in variants:
            if "、" in v:
                parts = v.split("、")
                if len(parts) <= 5 and all(3 <= len(p) <= 4 for p in parts):
                    more.extend(parts)
                more.append(v.replace("、", ""))
        variants.extend(more)
        for v in variants:
            if len(v) >= 2 and "(" not in v and v not in out:
                out.append(v)
    return out


def main(path):
    chapters, items = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("level\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            level, chapter, label, title = cols[0], cols[1], cols[2], cols[3]
            if level == "chapter":
                chapters.append({"number": CN_NUM[chapter], "label": chapter, "title": title})
                continue
            code = len(items) + 1
            phrases = expand(cols[5] if len(cols) > 5 else "")
            em = [p for p in expand(cols[6] if len(cols) > 6 else "") if p not in phrases]
            items.append({
                "code": code,
                "label": label,
                "chapter": CN_NUM[chapter],
                "title": title,
                "requirement": "报告应反映“%s”方面的举措和成效%s。" % (
                    title, "，如" + "、".join(phrases[:4]) if phrases else ""),
                "phrases": phrases,
                "em_phrases": em,
            })

    blocks = []
    for block_id, title, points, codes in BLOCKS:
        blocks.append({"id": block_id, "title": title, "points": points})
        weight = round(points / len(codes), 4)
        applicable = [c for c in codes if c not in NOT_APPLICABLE]
        for c in codes:
            item = items[c - 1]
            item["block"] = block_id
            item["weight"] = weight
            item["applicable"] = c not in NOT_APPLICABLE
            item["max_points"] = round(points / len(applicable), 4) if item["applicable"] else 0

    data = {
        "format": "pingcha-checklist",
        "format_version": 1,
        "id": "outline-2021-2025",
        "version": "2021-2025.2",
        "title": "法治政府建设实施纲要（2021－2025年）",
        "source": "中共中央、国务院，中发〔2021〕33号",
        "chapters": chapters,
        "blocks": blocks,
        "items": items,
        "form": FORM,
        "grades": GRADES,
        "low_relevance": LOW_RELEVANCE,
    }
    assert len(items) == 35 and len(chapters) == 10
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])

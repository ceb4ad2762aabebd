#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads back the workbooks `pingcha-cli export` writes from the corpus reports.

Usage: check_xlsx.py PINGCHA-CLI   (PINGCHA_CORPUS_DIR names the corpus)
Exits 77 (skipped) when openpyxl is missing.
"""
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed: skipped")
    sys.exit(77)

CLI = sys.argv[1]
CORPUS = os.environ.get("PINGCHA_CORPUS_DIR", "")
REPORTS = sorted(glob.glob(os.path.join(CORPUS, "reports", "*.txt")))
EQUALS_LINE = "=SUM(A1:A9)坚持严格规范公正文明执法，全面推行行政执法三项制度，办理行政处罚案件32件。"
GRADES = [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args, env=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)


def grade_for(total):
    for name, low in GRADES:
        if total + 1e-6 >= low:
            return name
    return GRADES[-1][0]


def check_print(ws, header_row, what):
    check(ws.page_setup.orientation == "landscape", f"{what}: landscape")
    check(str(ws.page_setup.paperSize) == "9", f"{what}: A4 (paperSize 9)")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          f"{what}: fit to page")
    check(ws.page_setup.fitToWidth in (None, 1, "1"), f"{what}: one page wide")
    check(str(ws.page_setup.fitToHeight) == "0", f"{what}: any number of pages tall")
    check(ws.print_title_rows == f"${header_row}:${header_row}", f"{what}: header row repeated ({ws.print_title_rows})")
    check(ws.freeze_panes is not None and ws.freeze_panes.endswith(str(header_row + 1)),
          f"{what}: panes frozen below the header ({ws.freeze_panes})")
    check(bool(ws.auto_filter.ref), f"{what}: autofilter")
    fonts = {c.font.name for row in ws.iter_rows(max_row=header_row) for c in row if c.value is not None}
    check(fonts == {"宋体"}, f"{what}: 宋体 font ({fonts})")


def check_summary(ws, cached, n_reports, wb=None):
    header = [c.value for c in ws[1]]
    check(header[:5] == ["序号", "单位", "年度", "发布日期", "评分表"], f"summary header {header[:5]}")
    check(header[5:15] == list("一二三四五六七八九十") and header[15] == "形式", f"summary parts {header[5:16]}")
    check(header[16:] == ["总分", "等级", "排名"], f"summary totals header {header[16:]}")
    check(ws.max_row == n_reports + 1, f"summary has one row per report ({ws.max_row - 1})")
    totals = []
    for r in range(2, ws.max_row + 1):
        parts = [cached.cell(r, c).value for c in range(6, 17)]
        check(all(isinstance(p, (int, float)) for p in parts), f"summary row {r}: part points are numbers")
        total = cached.cell(r, 17).value
        link = ws.cell(r, 5).hyperlink
        if link is not None:
            check_summary_links(ws, cached, wb, r, link.location.split("!")[0])
        else:
            formula = ws.cell(r, 17).value
            check(formula == f"=SUM(F{r}:P{r})", f"summary row {r}: total formula {formula}")
            check(isinstance(total, float) and abs(total - sum(parts)) < 1e-6,
                  f"summary row {r}: cached total {total} is the sum {sum(parts)}")
        check(str(ws.cell(r, 18).value).startswith("=IF("), f"summary row {r}: grade is a formula")
        check(cached.cell(r, 18).value == grade_for(total), f"summary row {r}: cached grade {cached.cell(r, 18).value}")
        check(ws.cell(r, 19).value == f"=RANK(Q{r},$Q$2:$Q${n_reports + 1})", f"summary row {r}: rank formula")
        totals.append(total)
    for i, total in enumerate(totals):
        rank = cached.cell(i + 2, 19).value
        check(rank == 1 + sum(1 for t in totals if t > total), f"summary row {i + 2}: cached rank {rank}")
    check(len(ws.conditional_formatting) >= 1, "summary: colour scale")
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    check(rules and all(rule.type == "colorScale" and len(rule.colorScale.color) == 3 for rule in rules),
          "summary: 3-colour scales")
    check_print(ws, 1, "summary")
    return totals


def check_summary_links(ws, cached, wb, r, quoted):
    """A summary row of a report with a scorecard takes its points from the scorecard."""
    card = wb[quoted.strip("'").replace("''", "'")]
    labels = {card.cell(i, 3).value: i for i in range(40, card.max_row + 1)}
    first, last = 5, 39
    for c in range(6, 16):
        col = openpyxl.utils.get_column_letter(c)
        formula = ws.cell(r, c).value
        check(formula == f"=SUMPRODUCT(({quoted}!$B${first}:$B${last}={col}$1)*{quoted}!$G${first}:$G${last})",
              f"summary row {r}: part {col} sums the scorecard's points ({formula})")
    form = labels.get("形式得分")
    check(ws.cell(r, 16).value == f"={quoted}!$G${form}", f"summary row {r}: form points from the scorecard")
    items = labels.get("事项得分")
    possible = f"{quoted}!$D${items}+{quoted}!$D${form}"
    check(ws.cell(r, 17).value == f"=IF({possible}>0,100*SUM(F{r}:P{r})/({possible}),0)",
          f"summary row {r}: total over the scorecard's 满分 ({ws.cell(r, 17).value})")


def check_charts(ws, cached, summary_cached, n_reports):
    check(len(ws._charts) == 2, f"charts: two charts ({len(ws._charts)})")
    check({c.tagname for c in ws._charts} == {"barChart"}, "charts: column and bar charts")
    for r in range(2, 13):
        formula = ws.cell(r, 3).value
        col = openpyxl.utils.get_column_letter(4 + r)
        check(formula == f"=AVERAGE('汇总'!{col}2:{col}{n_reports + 1})", f"charts row {r}: {formula}")
        values = [summary_cached.cell(i, 4 + r).value for i in range(2, n_reports + 2)]
        check(abs(cached.cell(r, 3).value - sum(values) / len(values)) < 1e-6, f"charts row {r}: cached average")


def check_row_heights(ws, what):
    """A row of wrapped text is at least as high as its lines: LibreOffice and print show a row
    without a height as one line, cutting the quotes."""
    for row in ws.iter_rows(min_row=2):
        lines = max((str(c.value).count("\n") + 1 for c in row
                     if isinstance(c.value, str) and not c.value.startswith("=") and c.alignment.wrap_text),
                    default=1)
        if lines > 1:
            height = ws.row_dimensions[row[0].row].height
            check(height is not None and height >= lines * 14, f"{what}: row {row[0].row} is {height} pt for {lines} lines")


def check_register(ws, sheets=None):
    header = [c.value for c in ws[1]]
    check(header == ["序号", "单位", "年度", "评分表", "章节", "纲要事项", "原文", "问题", "整改建议", "严重程度", "状态",
                     "评查人", "日期"], f"register header {header}")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    check(len(rows) > 0, "register has rows")
    check(all(row[10] in ("待处理", "有异议", "已解决") for row in rows), "register: every row has a status")
    # In the words of the window's register, not the checklist's deduction rule.
    check(any(row[7] == "报告缺少标题" for row in rows), "register: the form findings are there (报告缺少标题)")
    # A form finding is as severe as what it costs: a missing title (1 point) is 中, a missing part (3) 高.
    form = [row for row in rows if row[5] == "报告形式"]
    check(all(row[9] in ("高", "中", "低") for row in form), "register: every form finding has a severity")
    check(all(row[9] == "中" for row in form if row[7] == "报告缺少标题"), "register: 报告缺少标题 is 中")
    missing = [row for row in form if row[7].startswith("缺少必备内容：")]
    check(len(missing) > 0 and all(row[9] == "高" for row in missing), "register: a missing part is 高 and named")
    # Each row names its report's scorecard and links to it.
    if sheets is not None:
        check(all(row[3] in sheets for row in rows), "register: 评分表 names a scorecard")
        links = [c.hyperlink.location for c in ws["D"][1:] if c.hyperlink]
        check(len(links) == len(rows) and all(l.strip("'").rsplit("'!", 1)[0].replace("''", "'") in sheets
                                                for l in links), "register: 评分表 links to the scorecard")
    check_print(ws, 1, "register")
    check_row_heights(ws, "register")
    return rows


def check_scorecard(ws, cached, name):
    check(len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), f"sheet name {name}")
    header = [c.value for c in ws[4]]
    check(header == ["序号", "部分", "评查项目", "满分", "权重", "评定", "得分", "证据位置", "证据原文", "问题",
                     "整改建议", "评查人", "板块"], f"{name}: header {header}")
    items = list(cached.iter_rows(min_row=5, max_row=39, values_only=True))
    check([row[0] for row in items] == list(range(1, 36)), f"{name}: 35 items")
    check(all(row[5] in ("充分", "部分", "未体现", "不适用") for row in items), f"{name}: ratings")
    labels = {ws.cell(r, 3).value: r for r in range(40, ws.max_row + 1)}
    for label in ("事项得分", "形式得分", "总分", "等级"):
        check(label in labels, f"{name}: {label} row")
    check_live_items(ws, cached, name)
    r = labels.get("事项得分")
    if r:
        check(ws.cell(r, 7).value == "=SUM(G5:G39)", f"{name}: items total formula")
        check(ws.cell(r, 4).value == "=SUM(D5:D39)", f"{name}: items maximum formula")
        check(abs(cached.cell(r, 7).value - sum(row[6] for row in items)) < 1e-6, f"{name}: cached items total")
    r = labels.get("总分")
    if r:
        total = cached.cell(r, 7).value
        i, f = r - 2, r - 1
        check(ws.cell(r, 7).value == f"=IF(D{i}+D{f}>0,100*(G{i}+G{f})/(D{i}+D{f}),0)",
              f"{name}: total formula {ws.cell(r, 7).value}")
        possible = cached.cell(i, 4).value + cached.cell(f, 4).value
        check(abs(total - 100 * (cached.cell(i, 7).value + cached.cell(f, 7).value) / possible) < 1e-6,
              f"{name}: cached total")
        check(cached.cell(r + 1, 7).value == grade_for(total), f"{name}: cached grade")
        line = ws.cell(3, 1).value
        check(line == f'="总分："&FIXED(G{r},2,TRUE)&"　　等级："&G{r + 1}', f"{name}: live score line {line}")
        check(cached.cell(3, 1).value == f"总分：{total:.2f}　　等级：{grade_for(total)}",
              f"{name}: cached score line {cached.cell(3, 1).value}")
        check("总分" not in str(ws.cell(2, 1).value or ""), f"{name}: no static total on the meta line")
    check_print(ws, 4, name)
    check_row_heights(ws, name)


def check_live_items(ws, cached, name):
    """满分 and 得分 are formulas of 评定 and the weights, with the engine's values cached."""
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    check(len(lists) == 1 and str(lists[0].sqref) == "F5:F39" and
          lists[0].formula1 == '"充分,部分,未体现,不适用"', f"{name}: 评定 has the list of ratings")
    check(ws.column_dimensions["M"].hidden, f"{name}: the block column is hidden")
    blocks = {}
    for r in range(5, 40):
        d, g = ws.cell(r, 4).value, ws.cell(r, 7).value
        check(isinstance(d, str) and d.startswith(f'=IF($F{r}="不适用",0,IFERROR(') and
              f"SUMIFS($E$5:$E$39,$M$5:$M$39,$M{r},$F$5:$F$39,\"<>不适用\")" in d,
              f"{name}: 满分 formula in row {r}: {d}")
        check(g == f'=$D{r}*IF($F{r}="充分",1,IF($F{r}="部分",0.5,0))', f"{name}: 得分 formula in row {r}: {g}")
        block = cached.cell(r, 13).value
        check(isinstance(block, int), f"{name}: row {r} has its block number")
        if isinstance(d, str) and "IFERROR(" in d:
            blocks.setdefault(block, []).append((r, float(d.split("IFERROR(")[1].split("*")[0])))
    # The engine's arithmetic, recomputed from the cached ratings and weights.
    for block, rows in blocks.items():
        rating = {r: cached.cell(r, 6).value for r, _ in rows}
        applicable = sum(cached.cell(r, 5).value for r, _ in rows if rating[r] != "不适用")
        for r, points in rows:
            factor = {"充分": 1, "部分": 0.5}.get(rating[r], 0)
            expected = 0 if rating[r] == "不适用" or applicable <= 0 else points * cached.cell(r, 5).value / applicable
            check(abs(cached.cell(r, 4).value - expected) < 1e-9, f"{name}: cached 满分 in row {r}")
            check(abs(cached.cell(r, 7).value - expected * factor) < 1e-9, f"{name}: cached 得分 in row {r}")


def wb_rows(path, sheet):
    return list(openpyxl.load_workbook(path, data_only=True)[sheet].iter_rows(min_row=2, values_only=True))


def check_workbook(path, n_reports, expect_equals):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    names = wb.sheetnames
    check(names[:3] == ["汇总", "图表", "问题清单"], f"sheet names {names[:3]}")
    check(len(names) == 3 + n_reports, f"one scorecard per report ({len(names) - 3})")
    check(len({n.casefold() for n in names}) == len(names), "sheet names are unique")
    check_summary(wb["汇总"], cached["汇总"], n_reports, wb)
    check_charts(wb["图表"], cached["图表"], cached["汇总"], n_reports)
    check_register(wb["问题清单"], names[3:])
    for name in names[3:]:
        check_scorecard(wb[name], cached[name], name)
    links = [c.hyperlink.location for c in wb["汇总"]["E"][1:] if c.hyperlink]
    check(len(links) == n_reports, f"summary links to the scorecards ({len(links)})")
    if expect_equals:
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str) and "SUM(A1:A9)" in c.value]
        check(len(cells) > 0, "the quote starting with = is in the workbook")
        check(all(c.data_type == "s" and c.value.startswith("=SUM(A1:A9)坚持") for c in cells),
              "a quote starting with = stays a string")


def check_soffice(path, tmp):
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not installed: LibreOffice check skipped")
        return
    env = dict(os.environ, HOME=os.path.join(tmp, "lo-home"))
    out = os.path.join(tmp, "lo-out")
    probe = os.path.join(tmp, "probe.xlsx")
    book = openpyxl.Workbook()
    book.active["A1"] = "probe"
    book.save(probe)
    proc = subprocess.run([soffice, "--headless", "--convert-to", "csv", "--outdir", out, probe],
                          capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0 or not os.path.exists(os.path.join(out, "probe.csv")):
        print("LibreOffice cannot load spreadsheets here (no Calc component?): check skipped")
        return
    stem = os.path.splitext(os.path.basename(path))[0]
    # Comma-separated, double quotes, UTF-8 (76), whatever the locale.
    proc = subprocess.run([soffice, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                           "--outdir", out, path],
                          capture_output=True, text=True, env=env, timeout=300)
    check(proc.returncode == 0 and "Error" not in proc.stderr, f"LibreOffice converts it: {proc.stderr}")
    csv_path = os.path.join(out, stem + ".csv")
    check(os.path.exists(csv_path), "LibreOffice wrote the CSV of the summary")
    if os.path.exists(csv_path):
        head = open(csv_path, encoding="utf-8", errors="replace").read(2000)
        check("单位" in head and "总分" in head, f"the summary's header survives LibreOffice: {head[:200]!r}")
    # PDF: every sheet and both charts loaded and laid out for print.
    proc = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out, path],
                          capture_output=True, text=True, env=env, timeout=300)
    pdf_path = os.path.join(out, stem + ".pdf")
    check(proc.returncode == 0 and os.path.exists(pdf_path) and os.path.getsize(pdf_path) > 10000,
          f"LibreOffice prints it to PDF: {proc.stderr}")


RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(path, tmp):
    """The workbook as LibreOffice recalculates it on load, or None without LibreOffice Calc."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = os.path.join(tmp, "lo-recalc")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(RECALC_PROFILE)
    out = os.path.join(tmp, "recalc-" + os.path.basename(path).replace(".xlsx", ""))
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", out, path], capture_output=True, text=True, timeout=300)
    result = os.path.join(out, os.path.basename(path))
    return openpyxl.load_workbook(result, data_only=True) if os.path.exists(result) else None


def set_cells(src, dst, sheet_index, values):
    """Copies the workbook, typing @values ({cell: text}) into sheet @sheet_index (1-based) as a
    reviewer would: only those cells change, every cached result stays."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{sheet_index}.xml":
                text = data.decode("utf-8")
                for cell, value in values.items():
                    text, n = re.subn(rf'<c r="{cell}"( s="\d+")?( t="\w+")?>.*?</c>',
                                      rf'<c r="{cell}"\1 t="inlineStr"><is><t>{value}</t></is></c>', text, count=1)
                    check(n == 1, f"the cell {cell} to edit is there")
                data = text.encode("utf-8")
            zout.writestr(item, data)


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def pick_edits(card):
    """An item rated 未体现 to rate 充分, and one of another block to rate 不适用, each in a block
    with other applicable items, so both the points and the sharing of a block change."""
    rows = {r: (card.cell(r, 6).value, card.cell(r, 13).value) for r in range(5, 40)}
    def others(r):
        return [o for o, (rating, block) in rows.items() if o != r and block == rows[r][1] and rating != "不适用"]
    absent = next(r for r, (rating, _) in rows.items() if rating == "未体现" and others(r))
    dropped = next(r for r, (rating, block) in rows.items()
                   if rating in ("充分", "部分") and block != rows[absent][1] and others(r))
    return {absent: ("充分", "full"), dropped: ("不适用", "not-applicable")}


def check_live_edit(project, project_xlsx, tmp):
    """A rating typed into a scorecard gives, once recalculated, what the app gives for the same
    rating: the scorecard's points, total and grade, and the summary's parts, total, grade and
    rank. LibreOffice does the recalculation."""
    untouched = recalculate(project_xlsx, tmp)
    if untouched is None:
        print("LibreOffice cannot recalculate here: live workbook check skipped")
        return
    book = openpyxl.load_workbook(project_xlsx)
    cached = openpyxl.load_workbook(project_xlsx, data_only=True)
    formulas = [(ws.title, c.coordinate) for ws in book.worksheets for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    differ = [f for f in formulas if not same(cached[f[0]][f[1]].value, untouched[f[0]][f[1]].value)]
    check(not differ, f"LibreOffice recalculates every formula to its cached value ({differ[:5]})")

    name = book.sheetnames[3]
    edits = pick_edits(cached[name])
    edited = os.path.join(tmp, "edited.xlsx")
    set_cells(project_xlsx, edited, 4, {f"F{r}": label for r, (label, _) in edits.items()})
    recalculated = recalculate(edited, tmp)

    db = sqlite3.connect(project)
    checklist = db.execute("SELECT id FROM checklists WHERE active = 1").fetchone()[0]
    report = db.execute("SELECT min(id) FROM reports").fetchone()[0]
    for r, (_, rating) in edits.items():
        db.execute("INSERT INTO item_ratings (report_id, checklist, item, proposed, override, reviewer)"
                   " VALUES (?, ?, ?, 'absent', ?, '复核') ON CONFLICT (report_id, checklist, item)"
                   " DO UPDATE SET override = excluded.override, reviewer = excluded.reviewer",
                   (report, checklist, cached[name].cell(r, 1).value, rating))
    db.commit()
    db.close()
    expected_xlsx = os.path.join(tmp, "rated.xlsx")
    proc = run("export", "--project", project, "--xlsx", expected_xlsx)
    check(proc.returncode == 0, f"export after rating: {proc.stderr}")
    expected = openpyxl.load_workbook(expected_xlsx, data_only=True)
    cells = [(name, f"{col}{r}") for r in range(5, cached[name].max_row + 1) for col in "DG"]
    cells += [(name, "A3")]
    cells += [("汇总", f"{openpyxl.utils.get_column_letter(c)}{r}") for r in range(2, cached["汇总"].max_row + 1)
              for c in range(6, 20)]
    cells += [("图表", f"C{r}") for r in range(2, 13)]
    wrong = [(s, c, recalculated[s][c].value, expected[s][c].value) for s, c in cells
             if not same(recalculated[s][c].value, expected[s][c].value)]
    check(not wrong, f"the edited workbook recalculates to the app's scores ({wrong[:5]})")
    total = next(r for r in range(40, 70) if cached[name].cell(r, 3).value == "总分")
    check(not same(cached[name].cell(total, 7).value, recalculated[name].cell(total, 7).value),
          "the edit changed the scorecard's total")
    check(not same(cached["汇总"]["Q2"].value, recalculated["汇总"]["Q2"].value), "the edit reached the summary")


RATING_LABELS = {"full": "充分", "partial": "部分", "absent": "未体现", "not-applicable": "不适用"}


def assess_project(project, agency):
    proc = run("assess", "--project", project, "--json")
    check(proc.returncode == 0, f"assess --project: {proc.stderr}")
    return next(r for r in json.loads(proc.stdout) if r["agency"] == agency)


def check_review_decisions(tmp):
    """The workbook shows what the app shows of a reviewed report: the reviewers' decisions on
    the evidence, their ratings and names, and the notes on the form findings."""
    project = os.path.join(tmp, "reviewed.db")
    proc = run("import", "--project", project, *REPORTS)
    check(proc.returncode == 0, f"import: {proc.stderr}")
    db = sqlite3.connect(project)
    report, agency = db.execute("SELECT id, agency FROM reports ORDER BY id LIMIT 1").fetchone()
    before = assess_project(project, agency)
    checklist = db.execute("SELECT id FROM checklists WHERE active = 1").fetchone()[0]
    items = before["items"]
    rejected = next(i["item"] for i in items if i["rating"] in ("full", "partial") and i["sections"])
    added = next(i["item"] for i in items if i["rating"] == "absent")
    rated = next(i["item"] for i in items if i["item"] not in (rejected, added) and i["rating"] != "full")
    finding = before["findings"][0]
    key = f'{finding["code"]}/{finding.get("part") or finding.get("section") or ""}/{finding["range"][0]}'
    for item, decision in ((rejected, "reject"), (added, "add")):
        db.execute("INSERT INTO coverage_decisions (report_id, checklist, item, section, decision, reviewer,"
                   " decided_at) VALUES (?, ?, ?, '', ?, '赵审', '2025-03-01T08:00:00Z')",
                   (report, checklist, item, decision))
    db.execute("UPDATE item_ratings SET override = 'full', reviewer = '李复核' WHERE report_id = ? AND item = ?",
               (report, rated))
    db.execute("INSERT INTO finding_status (report_id, finding_key, status, reviewer, note, modified)"
               " VALUES (?, ?, 'resolved', '王五', '已补充成文日期', '2025-03-02T08:00:00Z')", (report, key))
    db.commit()
    db.close()
    after = assess_project(project, agency)
    check(after["score"]["total"] != before["score"]["total"], "the decisions change the app's score")

    out = os.path.join(tmp, "reviewed.xlsx")
    proc = run("export", "--project", project, "--xlsx", out)
    check(proc.returncode == 0, f"export of the reviewed project: {proc.stderr}")
    if proc.returncode != 0:
        return
    book = openpyxl.load_workbook(out, data_only=True)
    card = book[book.sheetnames[3]]
    by_code = {card.cell(r, 1).value: r for r in range(5, 40)}
    for item in after["items"]:
        r = by_code[item["item"]]
        check(card.cell(r, 6).value == RATING_LABELS[item["rating"]],
              f"item {item['item']}: rated {card.cell(r, 6).value} as the app does ({item['rating']})")
        check(abs(card.cell(r, 7).value - item["points"]) < 0.006, f"item {item['item']}: the app's points")
    check(not card.cell(by_code[rejected], 8).value and not card.cell(by_code[rejected], 9).value,
          "the rejected evidence is not shown")
    check("李复核" in str(card.cell(by_code[rated], 12).value), "the rating's reviewer is named")
    total = next(r for r in range(40, card.max_row + 1) if card.cell(r, 3).value == "总分")
    check(abs(card.cell(total, 7).value - after["score"]["total"]) < 0.006,
          f"the app's total {after['score']['total']} ({card.cell(total, 7).value})")
    check(abs(book["汇总"]["Q2"].value - after["score"]["total"]) < 0.006, "the summary has the app's total")
    notes = [card.cell(r, 11).value for r in range(40, total) if card.cell(r, 2).value == "形式"]
    check("已补充成文日期" in notes, f"the finding's note is on the scorecard ({notes})")


def check_read_only_project(project, tmp):
    """A project the user may only read (another user's file in another user's folder) exports,
    and is not called damaged. As root, the export runs as nobody; otherwise the file and its
    folder are made read-only."""
    cli = os.path.abspath(CLI)
    base = tempfile.mkdtemp(dir=os.path.dirname(cli))
    try:
        folder, out = os.path.join(base, "ro"), os.path.join(base, "out")
        os.makedirs(folder)
        os.makedirs(out)
        copy = os.path.join(folder, "p.db")
        shutil.copy(project, copy)
        for path in (base, folder):
            os.chmod(path, 0o755)
        os.chmod(out, 0o777)
        os.chmod(copy, 0o444)
        prefix = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            parents = [os.path.dirname(cli)]
            while parents[-1] != os.path.dirname(parents[-1]):
                parents.append(os.path.dirname(parents[-1]))
            if setpriv is None or not all(os.stat(p).st_mode & 0o001 for p in parents):
                print("SKIP read-only project: cannot run the export as another user here")
                return
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        else:
            os.chmod(folder, 0o555)
        before = sorted(os.listdir(folder))
        xlsx = os.path.join(out, "ro.xlsx")
        proc = subprocess.run([*prefix, cli, "export", "--project", copy, "--xlsx", xlsx], capture_output=True,
                              text=True, timeout=300, env=dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8"))
        check(proc.returncode == 0 and os.path.exists(xlsx), f"export of a read-only project: {proc.stderr}")
        check("damaged" not in proc.stderr, f"a read-only project is not called damaged: {proc.stderr}")
        check(sorted(os.listdir(folder)) == before, "nothing is written beside a read-only project")
        if proc.returncode == 0:
            names = openpyxl.load_workbook(xlsx).sheetnames
            check(len(names) == 3 + len(REPORTS), f"the read-only project's workbook has every report ({len(names)})")
    finally:
        os.chmod(base, 0o755)
        for root, dirs, _ in os.walk(base):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(base, ignore_errors=True)


def check_errors(tmp):
    out = os.path.join(tmp, "never.xlsx")
    proc = run("export", REPORTS[0])
    check(proc.returncode == 2 and "--xlsx" in proc.stderr, f"no --xlsx: {proc.returncode} {proc.stderr}")
    proc = run("export", "--xlsx", out)
    check(proc.returncode == 2 and proc.stderr.strip(), "nothing to export is an error")
    proc = run("export", "--xlsx", out, "--project", os.path.join(tmp, "missing.db"))
    check(proc.returncode == 1 and "missing.db" in proc.stderr, f"missing project: {proc.stderr}")
    proc = run("export", "--xlsx", out, os.path.join(tmp, "missing.txt"))
    check(proc.returncode == 1 and "missing.txt" in proc.stderr, f"missing report: {proc.stderr}")
    proc = run("export", "--xlsx", os.path.join(tmp, "no-such-dir", "x.xlsx"), REPORTS[0])
    check(proc.returncode == 1 and "no-such-dir" in proc.stderr and "[ERROR]" not in proc.stderr,
          f"unwritable workbook: {proc.stderr}")
    empty = os.path.join(tmp, "empty.db")
    proc = run("import", "--project", empty, REPORTS[0])
    db = sqlite3.connect(empty)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("DELETE FROM reports")
    db.commit()
    db.close()
    proc = run("export", "--project", empty, "--xlsx", out, env=dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8"))
    check(proc.returncode == 1 and "no reports" in proc.stderr, f"a project without reports: {proc.returncode} {proc.stderr}")
    proc = run("export", "--project", empty, "--xlsx", out, env=dict(os.environ, LANGUAGE="zh_CN", LC_ALL="C.UTF-8"))
    check(proc.returncode == 1 and "没有可导出的报告" in proc.stderr, f"in Chinese: {proc.stderr}")
    check(not os.path.exists(out), "no workbook is left behind after an error")
    check(not any(p.endswith(".part") for p in os.listdir(tmp)), "no partial file is left behind")


def main():
    if not REPORTS:
        print("no corpus reports: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        fixture = os.path.join(tmp, "equals-2023.txt")
        base = next((r for r in REPORTS if "pudong" in r), REPORTS[-1])
        with open(base, encoding="utf-8") as f:
            text = f.read()
        with open(fixture, "w", encoding="utf-8") as f:
            f.write(text.rstrip("\n") + "\n" + EQUALS_LINE + "\n")

        files_xlsx = os.path.join(tmp, "files.xlsx")
        proc = run("export", "--xlsx", files_xlsx, *REPORTS, fixture)
        check(proc.returncode == 0, f"export of files: {proc.stderr}")
        if proc.returncode == 0:
            check_workbook(files_xlsx, len(REPORTS) + 1, True)

        project = os.path.join(tmp, "p.db")
        proc = run("import", "--project", project, *REPORTS)
        check(proc.returncode == 0, f"import: {proc.stderr}")
        project_xlsx = os.path.join(tmp, "project.xlsx")
        proc = run("export", "--project", project, "--xlsx", project_xlsx)
        check(proc.returncode == 0, f"export of the project: {proc.stderr}")
        if proc.returncode == 0:
            check_workbook(project_xlsx, len(REPORTS), False)
            # The register's form rows are the reports' form findings, one each.
            n_findings = sum(len(json.loads(run("read", "--json", r).stdout)["findings"]) for r in REPORTS)
            form_rows = [row for row in wb_rows(project_xlsx, "问题清单") if row[5] == "报告形式"]
            check(len(form_rows) == n_findings,
                  f"register: {len(form_rows)} form rows for {n_findings} form findings")
            check_soffice(project_xlsx, tmp)
            check_live_edit(project, project_xlsx, tmp)
        one_xlsx = os.path.join(tmp, "one.xlsx")
        proc = run("export", "--project", project, "--report", "2", "--xlsx", one_xlsx)
        check(proc.returncode == 0 and len(openpyxl.load_workbook(one_xlsx).sheetnames) == 4,
              f"export of one report of the project: {proc.stderr}")
        check_review_decisions(tmp)
        check_read_only_project(project, tmp)
        check_errors(tmp)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

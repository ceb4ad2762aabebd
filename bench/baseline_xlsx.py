#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The baseline for pc-bench-export: the same workbook written with python3-xlsxwriter.

Usage: baseline_xlsx.py CARDS.json OUT.xlsx — prints the seconds spent writing (after the
JSON is loaded) on stdout.
"""
import datetime
import gc
import json
import sys
import time

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

FONT = "宋体"
CARD_COLUMNS = ["序号", "部分", "评查项目", "满分", "权重", "评定", "得分", "证据位置", "证据原文", "问题", "整改建议", "评查人", "板块"]
REGISTER_COLUMNS = ["序号", "单位", "年度", "评分表", "章节", "纲要事项", "原文", "问题", "整改建议", "严重程度", "状态", "评查人", "日期"]
RATINGS = {1: "充分", 2: "部分", 3: "未体现", 4: "不适用", 0: "未体现"}
SEVERITIES = {0: "", 1: "低", 2: "中", 3: "高"}
STATUSES = {0: "待处理", 1: "有异议", 2: "已解决"}


def char_width(c):
    return 2 if ord(c) > 0x2E7F else 1


def width(text):
    return max((sum(char_width(c) for c in line) for line in str(text).split("\n")), default=0)


def lines(text, room):
    room = max(room, 1)
    return sum(max(-(-sum(char_width(c) for c in line) // room), 1) for line in str(text).split("\n"))


class Widths:
    """Column widths from the text written, and each row's height from its wrapped text
    (15 pt a line and 3 pt of padding), set when the next row starts, as pingcha does."""

    def __init__(self, ws, bounds, wrapped=()):
        self.ws, self.bounds, self.w = ws, bounds, [0] * len(bounds)
        self.wrapped, self.row, self.lines = wrapped, None, 0

    def start(self, row):
        if row != self.row:
            if self.lines > 1:
                self.ws.set_row(self.row, self.lines * 15.0 + 3.0)
            self.row, self.lines = row, 0

    def text(self, row, col, value, fmt):
        self.start(row)
        if value:
            self.w[col] = max(self.w[col], width(value))
            if fmt in self.wrapped:
                self.lines = max(self.lines, lines(value, self.bounds[col][1] - 1))
            self.ws.write_string(row, col, value, fmt)
        else:
            self.ws.write_blank(row, col, None, fmt)

    def finish(self, wrap, hidden=()):
        self.start(None)
        for c, (low, high) in enumerate(self.bounds):
            self.ws.set_column(c, c, min(max(self.w[c] + 2, low), high), None, {"hidden": c in hidden})


def grade_formula(grades, cell):
    s = "="
    for g in grades[:-1]:
        s += f'IF({cell}+0.000001>={g["min"]:g},"{g["name"]}",'
    return s + f'"{grades[-1]["name"]}"' + ")" * (len(grades) - 1)


def grade_for(grades, total):
    for g in grades:
        if total + 1e-6 >= g["min"]:
            return g["name"]
    return grades[-1]["name"]


def setup(ws, header_row, freeze_col):
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.freeze_panes(header_row + 1, freeze_col)
    ws.set_margins(0.4, 0.4, 0.6, 0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")


def write(data, path, constant):
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant})
    base = {"font_name": FONT, "font_size": 10.5, "valign": "top"}
    f = lambda **kw: wb.add_format({**base, **kw})
    f_title = f(bold=True, font_size=14)
    f_header = f(bold=True, text_wrap=True, bg_color="#DDEBF7", border=1, align="center", valign="vcenter")
    f_text, f_wrap, f_center = f(border=1), f(border=1, text_wrap=True), f(border=1, align="center")
    f_number, f_bold = f(border=1, num_format="0.00"), f(border=1, num_format="0.00", bold=True)
    f_plain, f_link = f(), f(border=1, underline=1, font_color="blue")
    f_date = f(border=1, align="center", num_format="yyyy-mm-dd")
    chapters, grades, cards = data["chapters"], data["grades"], data["cards"]
    n_parts = len(chapters) + 1

    summary = wb.add_worksheet("汇总")
    charts = wb.add_worksheet("图表")
    register = wb.add_worksheet("问题清单")
    s_cols = ["序号", "单位", "年度", "发布日期", "评分表"] + [c["label"] for c in chapters] + ["形式", "总分", "等级", "排名"]
    s_bounds = [(5, 7), (10, 30), (6, 6), (11, 11), (10, 30)] + [(7, 8)] * n_parts + [(8, 8), (7, 8), (6, 6)]
    sw = Widths(summary, s_bounds, (f_wrap, f_header))
    for c, h in enumerate(s_cols):
        sw.text(0, c, h, f_header)
    setup(summary, 0, 2)
    rw = Widths(register, [(5, 7), (10, 30), (6, 6), (10, 30), (12, 30), (12, 26), (20, 50), (16, 40), (16, 40), (9, 9), (8, 8), (8, 16), (11, 11)], (f_wrap, f_header))
    for c, h in enumerate(REGISTER_COLUMNS):
        rw.text(0, c, h, f_header)
    setup(register, 0, 2)
    register.autofilter(0, 0, 1, len(REGISTER_COLUMNS) - 1)
    reg_row, used, sheets, layout = 1, set(), [], {}

    for card in cards:
        name = f'{card["agency"]}{card["year"]}'[:31]
        n = 2
        while name.casefold() in used:
            suffix = f"({n})"
            name = f'{card["agency"]}{card["year"]}'[:31 - len(suffix)] + suffix
            n += 1
        used.add(name.casefold())
        sheets.append(name)
        ws = wb.add_worksheet(name)
        cw = Widths(ws, [(5, 6), (5, 6), (16, 30), (6, 8), (6, 8), (7, 8), (7, 10), (14, 28), (20, 60), (12, 36), (12, 36), (8, 16), (4, 6)], (f_wrap, f_header))
        items = card["items"]
        n_items, n_findings = len(items), len(card["findings"])
        total_row = 5 + n_items + 1 + n_findings + 1 + 3  # 0-based: blank, findings, blank, 合计, 事项, 形式
        ws.write_string(0, 0, f'{card["agency"]}{card["year"]}年度法治政府建设年度报告评分表', f_title)
        ws.write_string(1, 0, f'标题：{card["title"]}　　发布日期：{card["published"]}', f_plain)
        ws.write_formula(2, 0, f'="总分："&FIXED(G{total_row + 1},2,TRUE)&"　　等级："&G{total_row + 2}', f_plain,
                         f'总分：{card["total"]:.2f}　　等级：{card["grade"]}')
        for c, h in enumerate(CARD_COLUMNS):
            cw.text(3, c, h, f_header)
        setup(ws, 3, 3)
        ws.autofilter(3, 0, 3 + max(n_items, 1), len(CARD_COLUMNS) - 1)
        ws.data_validation(4, 5, 3 + n_items, 5, {"validate": "list", "source": ["充分", "部分", "未体现", "不适用"]})
        first, last = 5, 4 + n_items
        for i, it in enumerate(items):
            r = 4 + i
            x = r + 1
            ws.write_number(r, 0, it["code"], f_center)
            cw.text(r, 1, it["chapter"], f_center)
            cw.text(r, 2, it["title"], f_wrap)
            ws.write_formula(r, 3, f'=IF($F{x}="不适用",0,IFERROR({it["block_points"]!r}*$E{x}/SUMIFS($E${first}:$E${last},'
                                   f'$M${first}:$M${last},$M{x},$F${first}:$F${last},"<>不适用"),0))', f_number, it["max_points"])
            ws.write_number(r, 4, it["weight"], f_number)
            cw.text(r, 5, RATINGS[it["rating"]], f_center)
            ws.write_formula(r, 6, f'=$D{x}*IF($F{x}="充分",1,IF($F{x}="部分",0.5,0))', f_number, it["points"])
            for c, key in ((7, "sections"), (8, "quotes"), (9, "problems"), (10, "fixes"), (11, "reviewers")):
                cw.text(r, c, it[key], f_wrap)
            ws.write_number(r, 12, it["block"], f_center)
        row = 5 + len(items)
        for c, h in enumerate(["序号", "类别", "形式问题", "", "", "状态", "扣分", "位置", "原文", "", "整改说明", "评查人"]):
            cw.text(row, c, h, f_header)
        row += 1
        first = row
        for i, fd in enumerate(card["findings"]):
            ws.write_number(row, 0, i + 1, f_center)
            cw.text(row, 1, "形式", f_center)
            cw.text(row, 2, fd["description"], f_wrap)
            cw.text(row, 5, STATUSES[fd["status"]], f_center)
            ws.write_number(row, 6, fd["deduction"], f_number)
            cw.text(row, 7, fd["section"], f_wrap)
            cw.text(row, 8, fd["quote"], f_wrap)
            cw.text(row, 10, fd["note"], f_wrap)
            cw.text(row, 11, fd["reviewer"], f_wrap)
            row += 1
        end, row = row, row + 1
        items_points = sum(it["points"] for it in items)
        items_max = sum(it["max_points"] for it in items)
        form = max(card["form_max"] - sum(fd["deduction"] for fd in card["findings"]), 0)
        total = card["total"]
        for c, h in ((2, "合计"), (3, "满分"), (6, "得分")):
            cw.text(row, c, h, f_header)
        row += 1
        layout[len(sheets) - 1] = (row + 1, row + 2)
        cw.text(row, 2, "事项得分", f_header)
        ws.write_formula(row, 3, f"=SUM(D5:D{4 + n_items})", f_bold, items_max)
        ws.write_formula(row, 6, f"=SUM(G5:G{4 + n_items})", f_bold, items_points)
        cw.text(row + 1, 2, "形式得分", f_header)
        ws.write_number(row + 1, 3, card["form_max"], f_bold)
        ws.write_formula(row + 1, 6, f'=MAX(0,{card["form_max"]:g}-SUM(G{first + 1}:G{end}))' if end > first
                         else f'=MAX(0,{card["form_max"]:g})', f_bold, form)
        i, f = row + 1, row + 2
        cw.text(row + 2, 2, "总分", f_header)
        ws.write_formula(row + 2, 6, f"=IF(D{i}+D{f}>0,100*(G{i}+G{f})/(D{i}+D{f}),0)", f_bold, total)
        cw.text(row + 3, 2, "等级", f_header)
        ws.write_formula(row + 3, 6, grade_formula(grades, f"G{row + 3}"), f_center, grade_for(grades, total))
        cw.finish(f_wrap, hidden=(12,))

        for p in card["problems"]:
            r = reg_row
            register.write_number(r, 0, r, f_center)
            rw.text(r, 1, card["agency"], f_wrap)
            register.write_number(r, 2, card["year"], f_center)
            rw.w[3] = max(rw.w[3], width(name))
            if r <= 65530:
                register.write_url(r, 3, f"internal:'{name}'!A1", f_link, name)
            else:
                register.write_string(r, 3, name, f_text)
            for c, key in ((4, "section"), (5, "item_title"), (6, "quote"), (7, "problem"), (8, "fix")):
                rw.text(r, c, p[key], f_wrap)
            rw.text(r, 9, SEVERITIES[p["severity"]], f_center)
            rw.text(r, 10, STATUSES[p["status"]], f_center)
            rw.text(r, 11, p["reviewer"], f_wrap)
            try:
                register.write_datetime(r, 12, datetime.datetime.strptime(p["date"], "%Y-%m-%d"), f_date)
            except ValueError:
                rw.text(r, 12, p["date"], f_center)
            reg_row += 1

    n = len(cards)
    totals = [c["total"] for c in cards]
    ordered = sorted(totals, reverse=True)
    total_col = 5 + n_parts
    first, last, tl = xl_col_to_name(5), xl_col_to_name(total_col - 1), xl_col_to_name(total_col)
    for c in range(n_parts):
        summary.conditional_format(1, 5 + c, n, 5 + c, {"type": "3_color_scale", "min_color": "#F8696B",
                                                       "mid_color": "#FFEB84", "max_color": "#63BE7B"})
    summary.autofilter(0, 0, max(n, 1), len(s_cols) - 1)
    for i, card in enumerate(cards):
        r = i + 1
        summary.write_number(r, 0, r, f_center)
        sw.text(r, 1, card["agency"], f_text)
        summary.write_number(r, 2, card["year"], f_center)
        sw.text(r, 3, card["published"], f_center)
        summary.write_url(r, 4, f"internal:'{sheets[i]}'!A1", f_link, sheets[i])
        q = "'" + sheets[i].replace("'", "''") + "'"
        for c, v in enumerate(card["parts"][:-1]):
            col = xl_col_to_name(5 + c)
            summary.write_formula(r, 5 + c, f"=SUMPRODUCT(({q}!$B$5:$B${4 + len(card['items'])}={col}$1)*"
                                             f"{q}!$G$5:$G${4 + len(card['items'])})", f_number, v)
        items_row, form_row = layout[i]
        summary.write_formula(r, 5 + n_parts - 1, f"={q}!$G${form_row}", f_number, card["parts"][-1])
        possible = f"{q}!$D${items_row}+{q}!$D${form_row}"
        summary.write_formula(r, total_col, f"=IF({possible}>0,100*SUM({first}{r + 1}:{last}{r + 1})/({possible}),0)",
                              f_bold, totals[i])
        summary.write_formula(r, total_col + 1, grade_formula(grades, f"{tl}{r + 1}"), f_center, grade_for(grades, totals[i]))
        summary.write_formula(r, total_col + 2, f"=RANK({tl}{r + 1},${tl}$2:${tl}${n + 1})", f_center,
                              ordered.index(totals[i]) + 1)
    sw.finish(f_wrap)

    cw = Widths(charts, [(6, 8), (20, 60), (10, 10)], (f_wrap, f_header))
    for c, h in enumerate(["部分", "标题", "平均得分"]):
        cw.text(0, c, h, f_header)
    setup(charts, 0, 0)
    for i in range(n_parts):
        col = xl_col_to_name(5 + i)
        cw.text(i + 1, 0, chapters[i]["label"] if i < len(chapters) else "形式", f_center)
        cw.text(i + 1, 1, chapters[i]["title"] if i < len(chapters) else "报告形式", f_wrap)
        charts.write_formula(i + 1, 2, f"=AVERAGE('汇总'!{col}2:{col}{n + 1})", f_number,
                             sum(c["parts"][i] for c in cards) / n)
    cw.finish(f_wrap)
    column = wb.add_chart({"type": "column"})
    column.add_series({"categories": f"='汇总'!$E$2:$E${n + 1}", "values": f"='汇总'!${tl}$2:${tl}${n + 1}"})
    column.set_title({"name": "各报告总分", "name_font": {"name": FONT, "size": 12, "bold": True}})
    column.set_legend({"none": True})
    bar = wb.add_chart({"type": "bar"})
    bar.add_series({"categories": f"='图表'!$A$2:$A${n_parts + 1}", "values": f"='图表'!$C$2:$C${n_parts + 1}"})
    bar.set_title({"name": "各部分平均得分", "name_font": {"name": FONT, "size": 12, "bold": True}})
    bar.set_legend({"none": True})
    bar.set_y_axis({"reverse": True})
    charts.insert_chart(0, 4, column, {"x_scale": 2, "y_scale": 1.2})
    charts.insert_chart(19, 4, bar, {"x_scale": 2, "y_scale": 1.4})
    rw.finish(f_wrap)
    register.autofilter(0, 0, max(reg_row - 1, 1), len(REGISTER_COLUMNS) - 1)
    summary.activate()
    wb.close()


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    # The same memory mode as Pingcha's writer, which the benchmark passes as argv[3].
    constant = len(sys.argv) > 3 and sys.argv[3] == "constant"
    start = time.perf_counter()
    write(data, sys.argv[2], constant)
    # As libxlsxwriter's workbook_close() frees the workbook, the baseline's time includes
    # releasing the writer's objects; the input, like Pingcha's cards, stays alive.
    gc.collect()
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()

/* pc-export-xlsx.c — writing the workbook with libxlsxwriter.
 *
 * Sheets, in tab order: 汇总 (one row per report, points per outline part with a colour
 * scale, total, grade and rank as formulas with their values cached), 图表 (average points
 * per part, and two charts), 问题清单 (every problem and form finding), then one 评分表 per
 * report — or, above the sheet limit, one 评分明细 sheet with every report's items, form findings,
 * total and grade, each row naming its report as the register does.
 *
 * The scorecards are live: 评定 is a list, 满分 and 得分 are formulas of it and the weights
 * that do the engine's arithmetic, and 汇总 sums each part from the scorecard, so a reviewer
 * who changes a rating in the workbook sees the total, grade, rank and charts follow. Every
 * formula is written with the value the app computed as its cached result. In 评分明细 the
 * points stay numbers.
 *
 * Large projects (more than PC_EXPORT_CONSTANT_MEMORY_ABOVE reports): the workbook is written
 * in libxlsxwriter's constant_memory mode, which keeps one row per sheet in memory and requires
 * each sheet's rows in order; smaller ones keep their cells in memory and share strings. Reports are
 * fetched one at a time: each report's scorecard is written whole and its register rows
 * appended, and only a small summary row (numbers and names) is kept, because the ranks are
 * known only once every report is scored; the summary is written last. Column widths are
 * set at the end too, from the text written (libxlsxwriter writes <cols> when it closes).
 *
 * Text from reports and reviewers is always written with worksheet_write_string(), after
 * pc_export_clean_text(); formulas are only ever built from numbers and cell references.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-export-xlsx"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/vfs.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pc-export-xlsx.h"
#include "pc-project-annotations.h"
#include "pc-project-private.h"
#include "pc-project-review.h"
#include "pc-register.h"

#define FONT_NAME      "宋体"
#define MAX_COLUMNS    20
#define PAPER_A4       9
#define HEADER_FILL    0xDDEBF7
/* A line of 10.5 pt text, in points, with the leading of the CJK fonts that stand in for
 * 宋体 (Noto CJK in LibreOffice), and the cell's padding. */
#define MAX_LINKS      65530   /* Excel's limit of hyperlinks on a worksheet */
#define LINE_HEIGHT    15.0
#define ROW_PADDING    3.0
#define SHEET_SUMMARY  "汇总"
#define SHEET_CHARTS   "图表"
#define SHEET_REGISTER "问题清单"
#define SHEET_DETAILS  "评分明细"

/* Scorecard layout: title, meta line, the live total and grade, header, items, a blank row,
 * the form findings, a blank row, the totals. Column M holds each item's block, hidden: the
 * 满分 formulas share a block's points over its applicable items by it. */
#define CARD_SCORE_ROW  2
#define CARD_HEADER_ROW 3
#define CARD_BLOCK_COL  12

/* Rows of one scorecard, 0-based. */
typedef struct
{
  guint first_item;
  guint end_item;      /* one past the last item */
  guint findings_header;
  guint end_finding;   /* one past the last finding */
  guint totals_header;
  guint items_total;
  guint form_total;
  guint total;
  guint grade;
} CardLayout;

typedef struct
{
  const char *header;
  guint       min;
  guint       max;
  gboolean    hidden;
} Column;

typedef struct
{
  lxw_worksheet *ws;
  const Column  *columns;
  guint          n_columns;
  guint          widths[MAX_COLUMNS];
  guint          row;       /* the row being written, + 1; 0 before the first */
  guint          lines;     /* the most lines a wrapped cell of it takes */
  guint          links;
} Sheet;

typedef struct
{
  char   *agency;
  guint   year;
  char   *published;
  char       *sheet;    /* the report's scorecard sheet, or NULL */
  char       *label;    /* its name in the workbook, unique: the sheet's when it has one */
  CardLayout  layout;   /* where its rows are, when it has a sheet */
  guint       details_row; /* its first row in 评分明细, when it has no sheet */
  double     *parts;
  double      possible;
  double      total;
} SummaryRow;

typedef struct
{
  lxw_workbook *wb;
  PcChecklist  *checklist;
  guint         n_chapters;
  guint         n_parts;
  gboolean      per_report_sheets;
  GHashTable   *used_names;
  GArray       *rows;       /* SummaryRow */
  lxw_error     error;

  lxw_format   *f_title;
  lxw_format   *f_header;
  lxw_format   *f_text;
  lxw_format   *f_wrap;
  lxw_format   *f_center;
  lxw_format   *f_number;
  lxw_format   *f_bold_number;
  lxw_format   *f_link;
  lxw_format   *f_plain;
  lxw_format   *f_date;

  Sheet         summary;
  Sheet         charts;
  Sheet         reg;
  Sheet         details;
  guint         reg_row;
  guint         details_row;
  Column       *summary_columns;
} Writer;

static const Column card_columns[] = {
  { "序号", 5, 6 },
  { "部分", 5, 6 },
  { "评查项目", 16, 30 },
  { "满分", 6, 8 },
  { "权重", 6, 8 },
  { "评定", 7, 8 },
  { "得分", 7, 10 },
  { "证据位置", 14, 28 },
  { "证据原文", 20, 60 },
  { "问题", 12, 36 },
  { "整改建议", 12, 36 },
  { "评查人", 8, 16 },
  { "板块", 4, 6, TRUE },
};

static const Column details_columns[] = {
  { "评分表", 10, 30 },
  { "单位", 10, 30 },
  { "年度", 6, 6 },
  { "序号", 5, 6 },
  { "部分", 5, 6 },
  { "评查项目", 16, 30 },
  { "满分", 6, 8 },
  { "权重", 6, 8 },
  { "评定", 7, 8 },
  { "得分", 7, 10 },
  { "证据", 20, 60 },
  { "问题", 12, 36 },
  { "整改建议", 12, 36 },
  { "评查人", 8, 16 },
};

static const Column register_columns[] = {
  { "序号", 5, 7 },
  { "单位", 10, 30 },
  { "年度", 6, 6 },
  { "评分表", 10, 30 },
  { "章节", 12, 30 },
  { "纲要事项", 12, 26 },
  { "原文", 20, 50 },
  { "问题", 16, 40 },
  { "整改建议", 16, 40 },
  { "严重程度", 9, 9 },
  { "状态", 8, 8 },
  { "评查人", 8, 16 },
  { "日期", 11, 11 },
};

static const Column chart_columns[] = {
  { "部分", 6, 8 },
  { "标题", 20, 60 },
  { "平均得分", 10, 10 },
};

/* Cells ----------------------------------------------------------------------------------- */

static void
note_error (Writer    *w,
            lxw_error  error)
{
  if (error != LXW_NO_ERROR && w->error == LXW_NO_ERROR)
    w->error = error;
}

/* Row heights. Excel works out the height of a row of wrapped text when it loads the file,
 * LibreOffice and printing do not: they show a row whose height is not written as one line
 * high, cutting the quotes. So each row's height is written from the text in it, estimated
 * from the column widths. A column's width is known only at the end, but it is its widest
 * line's width clamped to the column's bounds: wrapped at the upper bound, a cell takes as
 * many lines as it will at the final width. */

/* Sets the height of the row finished; libxlsxwriter's constant_memory mode keeps only the
 * row being written, so this happens before the first cell of the next row is written. */
static void
finish_row (Writer *w,
            Sheet  *sheet)
{
  if (sheet->row > 0 && sheet->lines > 1)
    note_error (w, worksheet_set_row (sheet->ws, sheet->row - 1, sheet->lines * LINE_HEIGHT + ROW_PADDING, NULL));
  sheet->row = 0;
  sheet->lines = 0;
}

static void
start_cell (Writer *w,
            Sheet  *sheet,
            guint   row)
{
  if (sheet->row != row + 1)
    {
      finish_row (w, sheet);
      sheet->row = row + 1;
    }
}

static void
note_lines (Sheet      *sheet,
            guint       col,
            const char *text)
{
  guint room = sheet->columns && col < sheet->n_columns ? sheet->columns[col].max - 1 : 8;

  sheet->lines = MAX (sheet->lines, pc_export_text_lines (text, room));
}

static void
put_text (Writer     *w,
          Sheet      *sheet,
          guint       row,
          guint       col,
          const char *text,
          lxw_format *format)
{
  g_autofree char *clean = NULL;
  guint width = 0;

  g_assert (col < MAX_COLUMNS);
  if (!pc_export_text_is_clean (text, &width))
    {
      clean = pc_export_clean_text (text);
      width = pc_export_text_width (clean);
      text = clean;
    }
  start_cell (w, sheet, row);
  if (text[0] == '\0')
    {
      note_error (w, worksheet_write_blank (sheet->ws, row, col, format));
      return;
    }
  if (format == w->f_wrap || format == w->f_header)
    note_lines (sheet, col, text);
  sheet->widths[col] = MAX (sheet->widths[col], width);
  note_error (w, worksheet_write_string (sheet->ws, row, col, text, format));
}

static void
put_number (Writer     *w,
            Sheet      *sheet,
            guint       row,
            guint       col,
            double      value,
            lxw_format *format)
{
  start_cell (w, sheet, row);
  note_error (w, worksheet_write_number (sheet->ws, row, col, value, format));
}

static void
put_formula (Writer     *w,
             Sheet      *sheet,
             guint       row,
             guint       col,
             const char *formula,
             double      value,
             lxw_format *format)
{
  start_cell (w, sheet, row);
  note_error (w, worksheet_write_formula_num (sheet->ws, row, col, formula, format, value));
}

static void
put_formula_text (Writer     *w,
                  Sheet      *sheet,
                  guint       row,
                  guint       col,
                  const char *formula,
                  const char *value,
                  lxw_format *format)
{
  g_autofree char *clean = pc_export_clean_text (value);

  start_cell (w, sheet, row);
  sheet->widths[col] = MAX (sheet->widths[col], pc_export_text_width (clean));
  note_error (w, worksheet_write_formula_str (sheet->ws, row, col, formula, format, clean));
}

/* A YYYY-MM-DD date as a date cell, so that it sorts and filters as one; other text as it is. */
static void
put_date (Writer     *w,
          Sheet      *sheet,
          guint       row,
          guint       col,
          const char *text)
{
  guint year, month, day;
  char end;

  if (text && sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      lxw_datetime date = { .year = year, .month = month, .day = day };

      start_cell (w, sheet, row);
      sheet->widths[col] = MAX (sheet->widths[col], 10);
      note_error (w, worksheet_write_datetime (sheet->ws, row, col, &date, w->f_date));
      return;
    }
  put_text (w, sheet, row, col, text, w->f_center);
}

static void
put_header (Writer *w,
            Sheet  *sheet,
            guint   row)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    put_text (w, sheet, row, c, sheet->columns[c].header, w->f_header);
}

/* Widths from the text written, within each column's bounds; two units of padding. */
static void
finish_columns (Writer *w,
                Sheet  *sheet)
{
  finish_row (w, sheet);
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const Column *column = &sheet->columns[c];
      guint width = CLAMP (sheet->widths[c] + 2, column->min, column->max);
      lxw_row_col_options hidden = { .hidden = LXW_TRUE };

      /* Only the cells written have borders: a column's own format would frame the empty
       * cells above and below the tables too. */
      note_error (w, worksheet_set_column_opt (sheet->ws, c, c, width, NULL, column->hidden ? &hidden : NULL));
    }
}

static void
setup_print (lxw_worksheet *ws,
             guint          header_row,
             guint          freeze_col)
{
  worksheet_set_paper (ws, PAPER_A4);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, header_row, header_row);
  worksheet_freeze_panes (ws, header_row + 1, freeze_col);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_set_footer (ws, "&C第 &P 页，共 &N 页");
}

static char *
quote_sheet (const char *name)
{
  g_autoptr(GString) s = g_string_new ("'");

  for (const char *p = name; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (s, '\'');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The grade as an Excel formula over @cell, the same bands as pc_checklist_grade_for(). */
static char *
grade_formula (PcChecklist *checklist,
               const char  *cell)
{
  guint n = pc_checklist_get_n_grades (checklist);
  g_autoptr(GString) s = g_string_new ("=");
  g_autoptr(GString) name = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (n == 0)
    return g_strdup ("=\"\"");
  for (guint i = 0; i + 1 < n; i++)
    {
      const PcChecklistGrade *grade = pc_checklist_get_grade (checklist, i);

      g_string_assign (name, grade->name);
      g_string_replace (name, "\"", "\"\"", 0);
      g_string_append_printf (s, "IF(%s+0.000001>=%s,\"%s\",", cell,
                              g_ascii_dtostr (number, sizeof number, grade->min), name->str);
    }
  g_string_assign (name, pc_checklist_get_grade (checklist, n - 1)->name);
  g_string_replace (name, "\"", "\"\"", 0);
  g_string_append_printf (s, "\"%s\"", name->str);
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_c (s, ')');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
scale_suffix (double possible)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (possible - 100.0) < 1e-9 || possible <= 0)
    return g_strdup ("");
  return g_strdup_printf ("*100/%s", g_ascii_dtostr (number, sizeof number, possible));
}

/* Formats --------------------------------------------------------------------------------- */

static lxw_format *
new_format (lxw_workbook *wb)
{
  lxw_format *format = workbook_add_format (wb);

  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, 10.5);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
make_formats (Writer *w)
{
  w->f_title = new_format (w->wb);
  format_set_bold (w->f_title);
  format_set_font_size (w->f_title, 14);

  w->f_header = new_format (w->wb);
  format_set_bold (w->f_header);
  format_set_text_wrap (w->f_header);
  format_set_bg_color (w->f_header, HEADER_FILL);
  format_set_border (w->f_header, LXW_BORDER_THIN);
  format_set_align (w->f_header, LXW_ALIGN_CENTER);
  format_set_align (w->f_header, LXW_ALIGN_VERTICAL_CENTER);

  w->f_text = new_format (w->wb);
  format_set_border (w->f_text, LXW_BORDER_THIN);

  w->f_wrap = new_format (w->wb);
  format_set_border (w->f_wrap, LXW_BORDER_THIN);
  format_set_text_wrap (w->f_wrap);

  w->f_center = new_format (w->wb);
  format_set_border (w->f_center, LXW_BORDER_THIN);
  format_set_align (w->f_center, LXW_ALIGN_CENTER);

  w->f_number = new_format (w->wb);
  format_set_border (w->f_number, LXW_BORDER_THIN);
  format_set_num_format (w->f_number, "0.00");

  w->f_bold_number = new_format (w->wb);
  format_set_border (w->f_bold_number, LXW_BORDER_THIN);
  format_set_num_format (w->f_bold_number, "0.00");
  format_set_bold (w->f_bold_number);

  w->f_plain = new_format (w->wb);

  w->f_date = new_format (w->wb);
  format_set_border (w->f_date, LXW_BORDER_THIN);
  format_set_align (w->f_date, LXW_ALIGN_CENTER);
  format_set_num_format (w->f_date, "yyyy-mm-dd");

  w->f_link = new_format (w->wb);
  format_set_border (w->f_link, LXW_BORDER_THIN);
  format_set_underline (w->f_link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (w->f_link, LXW_COLOR_BLUE);
}

/* Sheets ---------------------------------------------------------------------------------- */

static lxw_worksheet *
add_sheet (Writer     *w,
           const char *wanted,
           char      **out_name)
{
  g_autofree char *name = pc_export_sheet_name (wanted, w->used_names);
  lxw_error invalid = workbook_validate_sheet_name (w->wb, name);
  lxw_worksheet *ws = NULL;

  /* The name is made valid above: should libxlsxwriter still refuse it, say why. */
  if (invalid != LXW_NO_ERROR)
    note_error (w, invalid);
  else if ((ws = workbook_add_worksheet (w->wb, name)) == NULL)
    note_error (w, LXW_ERROR_MEMORY_MALLOC_FAILED);
  if (out_name)
    *out_name = g_steal_pointer (&name);
  return ws;
}

/* The filter of a sheet whose length is known only at the end: libxlsxwriter 1.1.4 refuses
 * a range above the row being written in constant_memory mode, so the range is set on the
 * empty sheet and its last row grown when the rows are written. The struct is public and
 * libxlsxwriter makes the _FilterDatabase name and <autoFilter> from it when it closes. */
static void
start_growing_filter (Writer *w,
                      Sheet  *sheet)
{
  setup_print (sheet->ws, 0, 2);
  note_error (w, worksheet_autofilter (sheet->ws, 0, 0, 1, sheet->n_columns - 1));
}

static void
finish_growing_filter (Writer *w,
                       Sheet  *sheet,
                       guint   end_row)
{
  finish_columns (w, sheet);
  sheet->ws->autofilter.last_row = MAX (end_row, 2) - 1;
}

static void
make_summary_columns (Writer *w)
{
  static const Column fixed_before[] = {
    { "序号", 5, 7 }, { "单位", 10, 30 }, { "年度", 6, 6 }, { "发布日期", 11, 11 }, { "评分表", 10, 30 },
  };
  static const Column fixed_after[] = {
    { "总分", 8, 8 }, { "等级", 7, 8 }, { "排名", 6, 6 },
  };
  guint n = 0;

  w->summary_columns = g_new0 (Column, G_N_ELEMENTS (fixed_before) + w->n_parts + G_N_ELEMENTS (fixed_after));
  for (guint i = 0; i < G_N_ELEMENTS (fixed_before); i++)
    w->summary_columns[n++] = fixed_before[i];
  for (guint i = 0; i < w->n_chapters; i++)
    w->summary_columns[n++] = (Column) { pc_checklist_get_chapter (w->checklist, i)->label, 7, 8 };
  w->summary_columns[n++] = (Column) { "形式", 7, 8 };
  for (guint i = 0; i < G_N_ELEMENTS (fixed_after); i++)
    w->summary_columns[n++] = fixed_after[i];
  w->summary.columns = w->summary_columns;
  w->summary.n_columns = n;
}

#define SUMMARY_FIRST_PART 5

static gboolean
add_fixed_sheets (Writer *w)
{
  make_summary_columns (w);
  w->summary.ws = add_sheet (w, SHEET_SUMMARY, NULL);
  w->charts.ws = add_sheet (w, SHEET_CHARTS, NULL);
  w->charts.columns = chart_columns;
  w->charts.n_columns = G_N_ELEMENTS (chart_columns);
  w->reg.ws = add_sheet (w, SHEET_REGISTER, NULL);
  w->reg.columns = register_columns;
  w->reg.n_columns = G_N_ELEMENTS (register_columns);
  if (!w->per_report_sheets)
    {
      w->details.ws = add_sheet (w, SHEET_DETAILS, NULL);
      w->details.columns = details_columns;
      w->details.n_columns = G_N_ELEMENTS (details_columns);
    }
  if (w->summary.n_columns > MAX_COLUMNS || w->error != LXW_NO_ERROR)
    return FALSE;

  put_header (w, &w->summary, 0);
  setup_print (w->summary.ws, 0, 2);
  put_header (w, &w->reg, 0);
  start_growing_filter (w, &w->reg);
  w->reg_row = 1;
  if (w->details.ws)
    {
      put_header (w, &w->details, 0);
      start_growing_filter (w, &w->details);
      w->details_row = 1;
    }
  return w->error == LXW_NO_ERROR;
}

/* Scorecards ------------------------------------------------------------------------------ */

/* The cells that name and rate an item, from 序号 to 评定, but its 满分 and 得分, which the
 * caller writes: numbers, or formulas. */
static void
put_item_cells (Writer             *w,
                Sheet              *sheet,
                guint               row,
                guint               col,
                const PcExportItem *item)
{
  const PcChecklistChapter *chapter = item->chapter >= 1 && item->chapter <= w->n_chapters
    ? pc_checklist_get_chapter (w->checklist, item->chapter - 1) : NULL;

  put_number (w, sheet, row, col, item->code, w->f_center);
  put_text (w, sheet, row, col + 1, chapter ? chapter->label : "", w->f_center);
  put_text (w, sheet, row, col + 2, item->title, w->f_wrap);
  put_number (w, sheet, row, col + 4, item->weight, w->f_number);
  put_text (w, sheet, row, col + 5, pc_export_rating_label (item->rating), w->f_center);
}

/* The reviewers' problems, fixes and names, from @col. */
static void
put_item_notes (Writer             *w,
                Sheet              *sheet,
                guint               row,
                guint               col,
                const PcExportItem *item)
{
  put_text (w, sheet, row, col, item->problems, w->f_wrap);
  put_text (w, sheet, row, col + 1, item->fixes, w->f_wrap);
  put_text (w, sheet, row, col + 2, item->reviewers, w->f_wrap);
}

/* An item's 满分 and 得分 on its scorecard, as the engine computes them (pc_scoring_compute()):
 * the block's points shared by weight over the block's items not rated 不适用, then the
 * rating's factor. Ranges are absolute and the row's own cells relative, so that sorting the
 * items with the filter keeps every formula right. */
static void
put_item_formulas (Writer             *w,
                   Sheet              *sheet,
                   guint               row,
                   const CardLayout   *layout,
                   const PcExportItem *item)
{
  g_autofree char *formula = NULL;
  char points[G_ASCII_DTOSTR_BUF_SIZE];
  guint r = row + 1, first = layout->first_item + 1, last = layout->end_item;

  g_ascii_dtostr (points, sizeof points, item->block_points);
  formula = g_strdup_printf ("=IF($F%u=\"不适用\",0,IFERROR(%s*$E%u/SUMIFS($E$%u:$E$%u,$M$%u:$M$%u,$M%u,"
                             "$F$%u:$F$%u,\"<>不适用\"),0))",
                             r, points, r, first, last, first, last, r, first, last);
  put_formula (w, sheet, row, 3, formula, item->max_points, w->f_number);
  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=$D%u*IF($F%u=\"充分\",1,IF($F%u=\"部分\",0.5,0))", r, r, r);
  put_formula (w, sheet, row, 6, formula, item->points, w->f_number);
  put_number (w, sheet, row, CARD_BLOCK_COL, item->block, w->f_center);
}

/* The reviewer picks a rating from the list; the scores follow. */
static void
add_rating_list (Writer           *w,
                 Sheet            *sheet,
                 const CardLayout *layout)
{
  char *ratings[] = { "充分", "部分", "未体现", "不适用", NULL };
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = ratings,
  };

  if (layout->end_item > layout->first_item)
    note_error (w, worksheet_data_validation_range (sheet->ws, layout->first_item, 5, layout->end_item - 1, 5,
                                                    &validation));
}

static char *
card_heading (const PcExportCard *card)
{
  if (card->year > 0)
    return g_strdup_printf ("%s%u年度法治政府建设年度报告评分表", card->agency ? card->agency : "", card->year);
  return g_strdup_printf ("%s法治政府建设年度报告评分表", card->agency ? card->agency : "");
}

/* The report's title and date; the total and grade are formulas on the row below. */
static char *
card_meta (const PcExportCard *card)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (card->title && *card->title)
    g_string_append_printf (s, "标题：%s", card->title);
  if (card->published && *card->published)
    g_string_append_printf (s, "%s发布日期：%s", s->len ? "　　" : "", card->published);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
put_card_score_line (Writer             *w,
                     Sheet              *sheet,
                     const CardLayout   *layout,
                     const PcExportCard *card)
{
  g_autofree char *formula = g_strdup_printf ("=\"总分：\"&FIXED(G%u,2,TRUE)&\"　　等级：\"&G%u",
                                              layout->total + 1, layout->grade + 1);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = g_strdup_printf ("总分：%s　　等级：%s",
                                            g_ascii_formatd (number, sizeof number, "%.2f", card->total),
                                            card->grade ? card->grade : "");

  put_formula_text (w, sheet, CARD_SCORE_ROW, 0, formula, value, w->f_plain);
  sheet->widths[0] = 0;
}

static CardLayout
card_layout (const PcExportCard *card)
{
  CardLayout l;

  l.first_item = CARD_HEADER_ROW + 1;
  l.end_item = l.first_item + card->items->len;
  l.findings_header = l.end_item + 1;
  l.end_finding = l.findings_header + 1 + card->findings->len;
  l.totals_header = l.end_finding + 1;
  l.items_total = l.totals_header + 1;
  l.form_total = l.items_total + 1;
  l.total = l.form_total + 1;
  l.grade = l.total + 1;
  return l;
}

static void
put_card_findings (Writer             *w,
                   Sheet              *sheet,
                   const CardLayout   *layout,
                   const PcExportCard *card)
{
  static const char *headers[] = {
    "序号", "类别", "形式问题", "", "", "状态", "扣分", "位置", "原文", "", "整改说明", "评查人",
  };
  guint row = layout->findings_header;

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    put_text (w, sheet, row, c, headers[c], w->f_header);
  row++;
  for (guint i = 0; i < card->findings->len; i++, row++)
    {
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);

      put_number (w, sheet, row, 0, i + 1, w->f_center);
      put_text (w, sheet, row, 1, "形式", w->f_center);
      put_text (w, sheet, row, 2, f->description, w->f_wrap);
      put_text (w, sheet, row, 5, pc_export_status_label (f->status), w->f_center);
      put_number (w, sheet, row, 6, f->deduction, w->f_number);
      put_text (w, sheet, row, 7, f->section, w->f_wrap);
      put_text (w, sheet, row, 8, f->quote, w->f_wrap);
      put_text (w, sheet, row, 10, f->note, w->f_wrap);
      put_text (w, sheet, row, 11, f->reviewer, w->f_wrap);
    }
}

/* The form block: its maximum less the deductions listed above, unless a reviewer gave
 * the form a figure of their own, which stays a number. */
static void
put_card_form (Writer             *w,
               Sheet              *sheet,
               const CardLayout   *layout,
               const PcExportCard *card)
{
  g_autofree char *formula = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double deductions = 0;

  for (guint i = 0; i < card->findings->len; i++)
    deductions += g_array_index (card->findings, PcExportFinding, i).deduction;
  put_number (w, sheet, layout->form_total, 3, card->form_max, w->f_bold_number);
  if (fabs (MAX (card->form_max - deductions, 0.0) - card->form_points) > 1e-9)
    {
      put_number (w, sheet, layout->form_total, 6, card->form_points, w->f_bold_number);
      return;
    }
  g_ascii_dtostr (number, sizeof number, card->form_max);
  if (layout->end_finding > layout->findings_header + 1)
    formula = g_strdup_printf ("=MAX(0,%s-SUM(G%u:G%u))", number, layout->findings_header + 2, layout->end_finding);
  else
    formula = g_strdup_printf ("=MAX(0,%s)", number);
  put_formula (w, sheet, layout->form_total, 6, formula, card->form_points, w->f_bold_number);
}

/* Totals under a header of their own: 满分 and 得分 of the items and the form, the total
 * rescaled to 100 over what is applicable, and the grade. */
static void
put_card_totals (Writer             *w,
                 Sheet              *sheet,
                 const CardLayout   *layout,
                 const PcExportCard *card)
{
  g_autofree char *formula = NULL;
  g_autofree char *cell = NULL;
  guint it = layout->items_total + 1, fo = layout->form_total + 1;
  double items_max = 0, items_points = 0;

  for (guint i = 0; i < card->items->len; i++)
    {
      items_max += g_array_index (card->items, PcExportItem, i).max_points;
      items_points += g_array_index (card->items, PcExportItem, i).points;
    }
  put_text (w, sheet, layout->totals_header, 2, "合计", w->f_header);
  put_text (w, sheet, layout->totals_header, 3, "满分", w->f_header);
  put_text (w, sheet, layout->totals_header, 6, "得分", w->f_header);

  put_text (w, sheet, layout->items_total, 2, "事项得分", w->f_header);
  formula = g_strdup_printf ("=SUM(D%u:D%u)", layout->first_item + 1, layout->end_item);
  put_formula (w, sheet, layout->items_total, 3, formula, items_max, w->f_bold_number);
  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=SUM(G%u:G%u)", layout->first_item + 1, layout->end_item);
  put_formula (w, sheet, layout->items_total, 6, formula, items_points, w->f_bold_number);

  put_text (w, sheet, layout->form_total, 2, "形式得分", w->f_header);
  put_card_form (w, sheet, layout, card);

  put_text (w, sheet, layout->total, 2, "总分", w->f_header);
  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=IF(D%u+D%u>0,100*(G%u+G%u)/(D%u+D%u),0)", it, fo, it, fo, it, fo);
  put_formula (w, sheet, layout->total, 6, formula, card->total, w->f_bold_number);

  put_text (w, sheet, layout->grade, 2, "等级", w->f_header);
  cell = g_strdup_printf ("G%u", layout->total + 1);
  g_clear_pointer (&formula, g_free);
  formula = grade_formula (w->checklist, cell);
  put_formula_text (w, sheet, layout->grade, 6, formula, card->grade ? card->grade : "", w->f_center);
}

/* What a report is called in the workbook, before it is made unique: its scorecard's name. */
static char *
card_name (const PcExportCard *card)
{
  if (card->agency && *card->agency)
    return card->year ? g_strdup_printf ("%s%u", card->agency, card->year) : g_strdup (card->agency);
  return g_strdup_printf ("报告%" G_GINT64_FORMAT, card->report_id);
}

static gboolean
write_card_sheet (Writer             *w,
                  const PcExportCard *card,
                  char              **out_name,
                  CardLayout         *out_layout)
{
  g_autofree char *wanted = NULL;
  g_autofree char *heading = card_heading (card);
  g_autofree char *meta = NULL;
  Sheet sheet = { NULL, card_columns, G_N_ELEMENTS (card_columns), { 0 } };
  CardLayout layout = card_layout (card);

  wanted = card_name (card);
  if ((sheet.ws = add_sheet (w, wanted, out_name)) == NULL)
    return FALSE;

  put_text (w, &sheet, 0, 0, heading, w->f_title);
  sheet.widths[0] = 0;
  meta = card_meta (card);
  put_text (w, &sheet, 1, 0, meta, w->f_plain);
  sheet.widths[0] = 0;
  put_card_score_line (w, &sheet, &layout, card);
  put_header (w, &sheet, CARD_HEADER_ROW);
  /* In constant_memory mode ranges must start at or below the row being written. */
  setup_print (sheet.ws, CARD_HEADER_ROW, 3);
  note_error (w, worksheet_autofilter (sheet.ws, CARD_HEADER_ROW, 0, MAX (layout.end_item, layout.first_item + 1) - 1,
                                       sheet.n_columns - 1));
  add_rating_list (w, &sheet, &layout);
  for (guint i = 0; i < card->items->len; i++)
    {
      const PcExportItem *item = &g_array_index (card->items, PcExportItem, i);

      put_item_cells (w, &sheet, layout.first_item + i, 0, item);
      put_text (w, &sheet, layout.first_item + i, 7, item->sections, w->f_wrap);
      put_text (w, &sheet, layout.first_item + i, 8, item->quotes, w->f_wrap);
      put_item_notes (w, &sheet, layout.first_item + i, 9, item);
      put_item_formulas (w, &sheet, layout.first_item + i, &layout, item);
    }
  put_card_findings (w, &sheet, &layout, card);
  put_card_totals (w, &sheet, &layout, card);

  finish_columns (w, &sheet);
  *out_layout = layout;
  return w->error == LXW_NO_ERROR;
}

/* Which report a row of 评分明细 is about: its name in the workbook, as the register gives
 * it, tells apart two reports of one agency and year. */
static void
put_details_report (Writer             *w,
                    guint               row,
                    const PcExportCard *card,
                    const char         *label)
{
  Sheet *sheet = &w->details;

  put_text (w, sheet, row, 0, label, w->f_text);
  put_text (w, sheet, row, 1, card->agency, w->f_text);
  put_number (w, sheet, row, 2, card->year, w->f_center);
}

/* An item's evidence, each place with its quotes on one line; none for an item rated
 * 未体现: what the engine found there was not enough, and beside the rating it reads as
 * if it were. */
static const char *
details_evidence (const PcExportItem *item)
{
  if (item->rating == PC_RATING_ABSENT || item->rating == PC_RATING_UNSET)
    return "";
  return item->evidence;
}

/* The report's total and grade under its items and findings, as its scorecard would end;
 * 部分 says 合计, so that a filter keeps them or leaves them out. */
static void
put_details_totals (Writer             *w,
                    const PcExportCard *card,
                    const char         *label)
{
  Sheet *sheet = &w->details;

  put_details_report (w, w->details_row, card, label);
  put_text (w, sheet, w->details_row, 4, "合计", w->f_center);
  put_text (w, sheet, w->details_row, 5, "总分", w->f_header);
  put_number (w, sheet, w->details_row, 9, card->total, w->f_bold_number);
  w->details_row++;
  put_details_report (w, w->details_row, card, label);
  put_text (w, sheet, w->details_row, 4, "合计", w->f_center);
  put_text (w, sheet, w->details_row, 5, "等级", w->f_header);
  put_text (w, sheet, w->details_row, 9, card->grade ? card->grade : "", w->f_center);
  w->details_row++;
}

static void
write_card_details (Writer             *w,
                    const PcExportCard *card,
                    const char         *label)
{
  Sheet *sheet = &w->details;

  for (guint i = 0; i < card->items->len; i++, w->details_row++)
    {
      const PcExportItem *item = &g_array_index (card->items, PcExportItem, i);

      put_details_report (w, w->details_row, card, label);
      put_item_cells (w, sheet, w->details_row, 3, item);
      put_number (w, sheet, w->details_row, 6, item->max_points, w->f_number);
      put_number (w, sheet, w->details_row, 9, item->points, w->f_number);
      put_text (w, sheet, w->details_row, 10, details_evidence (item), w->f_wrap);
      put_item_notes (w, sheet, w->details_row, 11, item);
    }
  for (guint i = 0; i < card->findings->len; i++, w->details_row++)
    {
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);
      g_autofree char *evidence = pc_export_evidence_line (f->section, f->quote);

      put_details_report (w, w->details_row, card, label);
      put_text (w, sheet, w->details_row, 4, "形式", w->f_center);
      put_text (w, sheet, w->details_row, 5, f->description, w->f_wrap);
      put_number (w, sheet, w->details_row, 9, -f->deduction, w->f_number);
      put_text (w, sheet, w->details_row, 10, evidence, w->f_wrap);
      put_text (w, sheet, w->details_row, 13, f->reviewer, w->f_wrap);
    }
  put_details_totals (w, card, label);
}

/* A report's scorecard, named as the summary names it, with a link when it has a sheet: it
 * tells apart two reports of one agency and year, which 单位 and 年度 cannot. */
static void
put_card_link (Writer     *w,
               Sheet      *sheet,
               guint       row,
               guint       col,
               const char *label,
               const char *target)
{
  g_autofree char *clean = pc_export_clean_text (label);
  g_autofree char *url = target ? g_strdup_printf ("internal:%s", target) : NULL;

  if (url == NULL || sheet->links >= MAX_LINKS)
    {
      put_text (w, sheet, row, col, clean, w->f_text);
      return;
    }
  sheet->links++;
  start_cell (w, sheet, row);
  sheet->widths[col] = MAX (sheet->widths[col], pc_export_text_width (clean));
  note_error (w, worksheet_write_url_opt (sheet->ws, row, col, url, w->f_link, clean, NULL));
}

static void
write_register_rows (Writer             *w,
                     const PcExportCard *card,
                     const char         *label,
                     const char         *target)
{
  Sheet *sheet = &w->reg;

  for (guint i = 0; i < card->problems->len; i++, w->reg_row++)
    {
      const PcExportProblem *p = &g_array_index (card->problems, PcExportProblem, i);
      guint r = w->reg_row;

      put_number (w, sheet, r, 0, r, w->f_center);
      put_text (w, sheet, r, 1, card->agency, w->f_wrap);
      if (card->year)
        put_number (w, sheet, r, 2, card->year, w->f_center);
      else
        put_text (w, sheet, r, 2, "", w->f_center);
      put_card_link (w, sheet, r, 3, label, target);
      put_text (w, sheet, r, 4, p->section, w->f_wrap);
      put_text (w, sheet, r, 5, p->item_title, w->f_wrap);
      put_text (w, sheet, r, 6, p->quote, w->f_wrap);
      put_text (w, sheet, r, 7, p->problem, w->f_wrap);
      put_text (w, sheet, r, 8, p->fix, w->f_wrap);
      put_text (w, sheet, r, 9, pc_export_severity_label (p->severity), w->f_center);
      put_text (w, sheet, r, 10, pc_export_status_label (p->status), w->f_center);
      put_text (w, sheet, r, 11, p->reviewer, w->f_wrap);
      put_date (w, sheet, r, 12, p->date);
    }
}

static void
clear_summary_row (gpointer data)
{
  SummaryRow *row = data;

  g_free (row->agency);
  g_free (row->published);
  g_free (row->sheet);
  g_free (row->label);
  g_free (row->parts);
}

static gboolean
add_card (Writer             *w,
          const PcExportCard *card)
{
  SummaryRow row = { 0 };
  g_autofree char *target = NULL;

  if (card->n_parts != w->n_parts)
    {
      note_error (w, LXW_ERROR_PARAMETER_VALIDATION);
      return FALSE;
    }
  if (w->per_report_sheets)
    {
      g_autofree char *quoted = NULL;

      if (!write_card_sheet (w, card, &row.sheet, &row.layout))
        return FALSE;
      row.label = g_strdup (row.sheet);
      quoted = quote_sheet (row.sheet);
      target = g_strdup_printf ("%s!A1", quoted);
    }
  else
    {
      g_autofree char *wanted = card_name (card);

      row.label = pc_export_sheet_name (wanted, w->used_names);
      row.details_row = w->details_row;
      write_card_details (w, card, row.label);
    }
  write_register_rows (w, card, row.label, target);

  row.agency = g_strdup (card->agency);
  row.year = card->year;
  row.published = g_strdup (card->published);
  row.parts = g_memdup2 (card->parts, card->n_parts * sizeof (double));
  row.possible = card->possible;
  row.total = card->total;
  g_array_append_val (w->rows, row);
  return w->error == LXW_NO_ERROR;
}

/* Summary and charts ---------------------------------------------------------------------- */

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* 1 + the number of totals strictly greater, as Excel's RANK counts. */
static guint
rank_of (const double *sorted,
         guint         n,
         double        total)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorted[mid] > total)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo + 1;
}

/* A report's points per part summed from its scorecard, by the part's label in column B
 * (compared exactly, so no label is taken for a pattern), and its total rescaled over the
 * scorecard's 满分: a rating changed on the scorecard reaches the total, grade and rank. */
static void
put_summary_parts (Writer           *w,
                   guint             r,
                   const SummaryRow *row,
                   const char       *first,
                   const char       *last)
{
  Sheet *sheet = &w->summary;
  guint total_col = SUMMARY_FIRST_PART + w->n_parts;
  g_autofree char *card = quote_sheet (row->sheet);
  g_autofree char *possible = g_strdup_printf ("%s!$D$%u+%s!$D$%u", card, row->layout.items_total + 1,
                                               card, row->layout.form_total + 1);
  g_autofree char *formula = NULL;
  guint a = row->layout.first_item + 1, b = row->layout.end_item;

  for (guint i = 0; i < w->n_chapters; i++)
    {
      g_autofree char *col = pc_export_column_name (SUMMARY_FIRST_PART + i);

      g_clear_pointer (&formula, g_free);
      formula = g_strdup_printf ("=SUMPRODUCT((%s!$B$%u:$B$%u=%s$1)*%s!$G$%u:$G$%u)", card, a, b, col, card, a, b);
      put_formula (w, sheet, r, SUMMARY_FIRST_PART + i, formula, row->parts[i], w->f_number);
    }
  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=%s!$G$%u", card, row->layout.form_total + 1);
  put_formula (w, sheet, r, SUMMARY_FIRST_PART + w->n_chapters, formula, row->parts[w->n_chapters], w->f_number);

  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=IF(%s>0,100*SUM(%s%u:%s%u)/(%s),0)", possible, first, r + 1, last, r + 1, possible);
  put_formula (w, sheet, r, total_col, formula, row->total, w->f_bold_number);
}

/* The report's name, linked to its scorecard, or to its first row in 评分明细. */
static void
put_summary_link (Writer           *w,
                  guint             r,
                  const SummaryRow *row)
{
  g_autofree char *quoted = quote_sheet (row->sheet ? row->sheet : SHEET_DETAILS);
  g_autofree char *target = row->sheet ? g_strdup_printf ("%s!A1", quoted)
                                       : g_strdup_printf ("%s!A%u", quoted, row->details_row + 1);

  put_card_link (w, &w->summary, r, 4, row->label, target);
}

static void
put_summary_row (Writer           *w,
                 guint             r,
                 const SummaryRow *row,
                 const double     *totals,
                 const double     *sorted,
                 guint             n)
{
  Sheet *sheet = &w->summary;
  guint total_col = SUMMARY_FIRST_PART + w->n_parts;
  g_autofree char *first = pc_export_column_name (SUMMARY_FIRST_PART);
  g_autofree char *last = pc_export_column_name (total_col - 1);
  g_autofree char *total_letter = pc_export_column_name (total_col);
  g_autofree char *formula = NULL;
  g_autofree char *cell = NULL;
  double total = totals[r - 1];

  put_number (w, sheet, r, 0, r, w->f_center);
  put_text (w, sheet, r, 1, row->agency, w->f_text);
  if (row->year)
    put_number (w, sheet, r, 2, row->year, w->f_center);
  else
    put_text (w, sheet, r, 2, "", w->f_center);
  put_text (w, sheet, r, 3, row->published, w->f_center);
  put_summary_link (w, r, row);
  if (row->sheet)
    put_summary_parts (w, r, row, first, last);
  else
    {
      g_autofree char *suffix = scale_suffix (row->possible);

      for (guint i = 0; i < w->n_parts; i++)
        put_number (w, sheet, r, SUMMARY_FIRST_PART + i, row->parts[i], w->f_number);
      formula = g_strdup_printf ("=SUM(%s%u:%s%u)%s", first, r + 1, last, r + 1, suffix);
      put_formula (w, sheet, r, total_col, formula, total, w->f_bold_number);
    }

  cell = g_strdup_printf ("%s%u", total_letter, r + 1);
  g_clear_pointer (&formula, g_free);
  formula = grade_formula (w->checklist, cell);
  put_formula_text (w, sheet, r, total_col + 1, formula, pc_checklist_grade_for (w->checklist, total),
                    w->f_center);

  g_clear_pointer (&formula, g_free);
  formula = g_strdup_printf ("=RANK(%s,$%s$2:$%s$%u)", cell, total_letter, total_letter, n + 1);
  put_formula (w, sheet, r, total_col + 2, formula, rank_of (sorted, n, total), w->f_center);
}

static void
add_color_scales (Writer *w,
                  guint   n)
{
  for (guint i = 0; i < w->n_parts && n > 0; i++)
    {
      lxw_conditional_format scale = { 0 };
      guint col = SUMMARY_FIRST_PART + i;

      scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
      scale.min_color = 0xF8696B;
      scale.mid_color = 0xFFEB84;
      scale.max_color = 0x63BE7B;
      note_error (w, worksheet_conditional_format_range (w->summary.ws, 1, col, n, col, &scale));
    }
}

static void
write_summary (Writer *w)
{
  guint n = w->rows->len;
  g_autofree double *totals = g_new0 (double, MAX (n, 1));
  g_autofree double *sorted = NULL;

  for (guint i = 0; i < n; i++)
    {
      const SummaryRow *row = &g_array_index (w->rows, SummaryRow, i);

      totals[i] = row->total;
    }
  sorted = g_memdup2 (totals, MAX (n, 1) * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_descending);
  add_color_scales (w, n);
  note_error (w, worksheet_autofilter (w->summary.ws, 0, 0, MAX (n, 1), w->summary.n_columns - 1));
  for (guint i = 0; i < n; i++)
    put_summary_row (w, i + 1, &g_array_index (w->rows, SummaryRow, i), totals, sorted, n);
  finish_columns (w, &w->summary);
  worksheet_activate (w->summary.ws);
}

static void
set_chart_fonts (lxw_chart  *chart,
                 const char *title)
{
  lxw_chart_font font = { .name = FONT_NAME, .size = 12, .bold = LXW_TRUE };
  lxw_chart_font axis = { .name = FONT_NAME, .size = 9 };

  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &font);
  chart_axis_set_num_font (chart->x_axis, &axis);
  chart_axis_set_num_font (chart->y_axis, &axis);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
}

static void
write_charts (Writer *w)
{
  Sheet *sheet = &w->charts;
  guint n = w->rows->len;
  g_autofree char *summary = quote_sheet (SHEET_SUMMARY);
  g_autofree char *charts = quote_sheet (SHEET_CHARTS);

  put_header (w, sheet, 0);
  setup_print (sheet->ws, 0, 0);
  for (guint i = 0; i < w->n_parts; i++)
    {
      g_autofree char *col = pc_export_column_name (SUMMARY_FIRST_PART + i);
      g_autofree char *formula = g_strdup_printf ("=AVERAGE(%s!%s2:%s%u)", summary, col, col, n + 1);
      const PcChecklistChapter *chapter = i < w->n_chapters ? pc_checklist_get_chapter (w->checklist, i) : NULL;
      double sum = 0;

      for (guint r = 0; r < n; r++)
        sum += g_array_index (w->rows, SummaryRow, r).parts[i];
      put_text (w, sheet, i + 1, 0, chapter ? chapter->label : "形式", w->f_center);
      put_text (w, sheet, i + 1, 1, chapter ? chapter->title : "报告形式", w->f_wrap);
      if (n > 0)
        put_formula (w, sheet, i + 1, 2, formula, sum / n, w->f_number);
      else
        put_number (w, sheet, i + 1, 2, 0, w->f_number);
    }
  finish_columns (w, sheet);

  if (n > 0)
    {
      lxw_chart *totals = workbook_add_chart (w->wb, LXW_CHART_COLUMN);
      lxw_chart *parts = workbook_add_chart (w->wb, LXW_CHART_BAR);
      g_autofree char *total_col = pc_export_column_name (SUMMARY_FIRST_PART + w->n_parts);
      /* The reports' names tell apart two reports of one agency; 单位 alone would not. */
      g_autofree char *cats = g_strdup_printf ("=%s!$E$2:$E$%u", summary, n + 1);
      g_autofree char *vals = g_strdup_printf ("=%s!$%s$2:$%s$%u", summary, total_col, total_col, n + 1);
      g_autofree char *part_cats = g_strdup_printf ("=%s!$A$2:$A$%u", charts, w->n_parts + 1);
      g_autofree char *part_vals = g_strdup_printf ("=%s!$C$2:$C$%u", charts, w->n_parts + 1);
      lxw_chart_options wide = { .x_scale = 2.0, .y_scale = 1.2 };
      lxw_chart_options tall = { .x_scale = 2.0, .y_scale = 1.4 };

      chart_add_series (totals, cats, vals);
      set_chart_fonts (totals, "各报告总分");
      chart_add_series (parts, part_cats, part_vals);
      set_chart_fonts (parts, "各部分平均得分");
      chart_axis_set_reverse (parts->y_axis);
      note_error (w, worksheet_insert_chart_opt (sheet->ws, 0, 4, totals, &wide));
      note_error (w, worksheet_insert_chart_opt (sheet->ws, 19, 4, parts, &tall));
    }
}

static void
finish_register (Writer *w)
{
  finish_growing_filter (w, &w->reg, w->reg_row);
  if (w->details.ws)
    finish_growing_filter (w, &w->details, w->details_row);
}

/* Driving --------------------------------------------------------------------------------- */

/* Each worksheet holds a temp file in constant_memory mode: make sure the descriptors are there. */
static gboolean
ensure_file_limit (guint needed)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return FALSE;
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= needed)
    return TRUE;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
    return FALSE;
  limit.rlim_cur = needed;
  return setrlimit (RLIMIT_NOFILE, &limit) == 0;
}

#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC 0x01021994
#endif

/* A directory in memory with room to spare, or %NULL. */
static const char *
memory_dir (const char *dir)
{
  struct statfs fs;

  if (dir == NULL || statfs (dir, &fs) != 0 || fs.f_type != TMPFS_MAGIC)
    return NULL;
  if ((guint64) fs.f_bavail * (guint64) fs.f_bsize < PC_EXPORT_TEMP_ROOM)
    return NULL;
  if (g_access (dir, W_OK | X_OK) != 0)
    return NULL;
  return dir;
}

/**
 * pc_export_temp_dir:
 * @constant_memory: whether the workbook is written in constant_memory mode
 *
 * Where libxlsxwriter's temp files go. It makes one for each worksheet: in memory mode each
 * lives only while its sheet is zipped, so a directory in memory (the user's runtime
 * directory, else /dev/shm) spares the disk a thousand file creations, which ext4 makes slow
 * when many files were deleted recently. In constant_memory mode they hold every row until
 * the end, so they go to the temp directory (`TMPDIR`, which libxlsxwriter alone would not
 * read).
 *
 * Returns: an interned path
 */
const char *
pc_export_temp_dir (gboolean constant_memory)
{
  const char *dir = NULL;

  if (!constant_memory)
    {
      const char *runtime = g_getenv ("XDG_RUNTIME_DIR");

      dir = memory_dir (runtime);
      if (dir == NULL)
        dir = memory_dir ("/dev/shm");
    }
  return g_intern_string (dir ? dir : g_get_tmp_dir ());
}

static void
writer_free (Writer *w)
{
  g_clear_pointer (&w->used_names, g_hash_table_unref);
  g_clear_pointer (&w->rows, g_array_unref);
  g_clear_pointer (&w->summary_columns, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_free)

static gboolean
set_write_error (Writer      *w,
                 const char  *path,
                 GError     **error)
{
  g_set_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE,
               /* Translators: the workbook file, then libxlsxwriter's reason */
               _("Could not write the workbook “%s”: %s"), path, lxw_strerror (w->error));
  return FALSE;
}

/* Whether the workbook can be written at @path, before any work is done: libxlsxwriter
 * finds out only when it closes the workbook, after every report. */
static gboolean
check_destination (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE,
                   /* Translators: the workbook file, then its folder */
                   _("Could not write the workbook “%s”: the folder “%s” does not exist"), display, dir_display);
      return FALSE;
    }
  if (g_access (dir, W_OK | X_OK) != 0)
    {
      g_set_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE,
                   /* Translators: the workbook file, then its folder */
                   _("Could not write the workbook “%s”: the folder “%s” cannot be written to"), display,
                   dir_display);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      g_set_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook “%s”: the file is read-only"), display);
      return FALSE;
    }
  return TRUE;
}

/**
 * pc_export_uses_constant_memory:
 * @options: (nullable): the export options
 *
 * Returns: whether a workbook of @n_reports reports is written in constant_memory mode
 */
gboolean
pc_export_uses_constant_memory (const PcExportOptions *options,
                                guint                  n_reports)
{
  PcExportMemory memory = options ? options->memory : PC_EXPORT_MEMORY_AUTO;

  if (memory == PC_EXPORT_MEMORY_AUTO)
    return n_reports > PC_EXPORT_CONSTANT_MEMORY_ABOVE;
  return memory == PC_EXPORT_MEMORY_CONSTANT;
}

/**
 * pc_export_xlsx_write:
 * @fetch: returns each report's card in turn; called once per index, in order
 * @options: (nullable): defaults: PC_EXPORT_MEMORY_AUTO, temp files in pc_export_temp_dir(), PC_EXPORT_DEFAULT_SHEET_LIMIT
 * @progress: (nullable): called after each report and once the file is written
 *
 * Writes the workbook to a temporary file beside @path and renames it into place, so that
 * an error or a cancellation leaves no half-written workbook.
 */
gboolean
pc_export_xlsx_write (const char             *path,
                      PcChecklist            *checklist,
                      guint                   n_reports,
                      PcExportFetchFunc       fetch,
                      gpointer                fetch_data,
                      const PcExportOptions  *options,
                      PcExportProgressFunc    progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_auto(Writer) w = { 0 };
  g_autofree char *tmp_path = NULL;
  lxw_workbook_options wb_options = { 0 };
  guint limit;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (fetch != NULL || n_reports == 0, FALSE);

  if (n_reports == 0)
    {
      g_set_error_literal (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_EMPTY, _("There are no reports to export"));
      return FALSE;
    }
  if (!check_destination (path, error))
    return FALSE;

  limit = options && options->sheet_limit ? options->sheet_limit : PC_EXPORT_DEFAULT_SHEET_LIMIT;
  wb_options.constant_memory = pc_export_uses_constant_memory (options, n_reports) ? LXW_TRUE : LXW_FALSE;
  wb_options.tmpdir = (char *) (options && options->tmpdir ? options->tmpdir
                                                            : pc_export_temp_dir (wb_options.constant_memory));
  w.checklist = checklist;
  w.n_chapters = pc_checklist_get_n_chapters (checklist);
  w.n_parts = w.n_chapters + 1;
  w.per_report_sheets = n_reports <= limit &&
                        (!wb_options.constant_memory || ensure_file_limit (n_reports + 256));
  w.used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.rows = g_array_sized_new (FALSE, TRUE, sizeof (SummaryRow), n_reports);
  g_array_set_clear_func (w.rows, clear_summary_row);

  tmp_path = g_strdup_printf ("%s.%u.part", path, g_random_int ());
  w.wb = workbook_new_opt (tmp_path, &wb_options);
  if (w.wb == NULL)
    {
      g_set_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE,
                   _("Could not start the workbook “%s”"), path);
      return FALSE;
    }
  make_formats (&w);
  if (!add_fixed_sheets (&w))
    {
      lxw_workbook_free (w.wb);
      return set_write_error (&w, path, error);
    }

  for (guint i = 0; i < n_reports; i++)
    {
      g_autoptr(PcExportCard) card = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (card = fetch (i, fetch_data, cancellable, error)) == NULL)
        {
          lxw_workbook_free (w.wb);
          return FALSE;
        }
      if (!add_card (&w, card))
        {
          lxw_workbook_free (w.wb);
          return set_write_error (&w, path, error);
        }
      if (progress)
        progress (i + 1, n_reports + 1, progress_data);
    }

  write_summary (&w);
  write_charts (&w);
  finish_register (&w);
  if (w.error != LXW_NO_ERROR)
    {
      lxw_workbook_free (w.wb);
      return set_write_error (&w, path, error);
    }
  w.error = workbook_close (w.wb);
  if (w.error != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      return set_write_error (&w, path, error);
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the workbook “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (progress)
    progress (n_reports + 1, n_reports + 1, progress_data);
  return TRUE;
}

/* Sources --------------------------------------------------------------------------------- */

typedef struct
{
  PcProject        *project;
  PcChecklist      *checklist;
  PcCoverageEngine *engine;
  GArray           *ids;
} ProjectSource;

static PcExportCard *
fetch_project_card (guint          index,
                    gpointer       user_data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ProjectSource *source = user_data;
  gint64 id = g_array_index (source->ids, gint64, index);
  g_autoptr(PcReport) report = NULL;
  g_autoptr(PcCoverage) coverage = NULL;
  g_autofree PcRating *overrides = NULL;
  g_autoptr(PcScore) score = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  PcExportCard *card;

  if ((report = pc_project_load_report (source->project, id, error)) == NULL)
    return NULL;
  /* As the review shows the report: the engine's reading with the reviewers' decisions on
   * its evidence, then their ratings over its proposals. */
  coverage = pc_coverage_engine_run (source->engine, report);
  if (!pc_project_review_apply_decisions (source->project, id, coverage, error) ||
      (overrides = pc_project_review_get_ratings (source->project, id, TRUE, error)) == NULL ||
      (reviewers = pc_project_review_get_rating_reviewers (source->project, id, error)) == NULL ||
      (annotations = pc_project_list_annotations (source->project, id, error)) == NULL ||
      (statuses = pc_project_list_finding_statuses (source->project, id, error)) == NULL ||
      (entries = pc_register_build (source->project, id, error)) == NULL)
    return NULL;
  score = pc_coverage_score (coverage, overrides);
  card = pc_export_card_new (source->checklist, report, coverage, score, annotations, statuses);
  pc_export_card_set_register (card, source->checklist, report, entries);
  for (guint i = 0; i < reviewers->len; i++)
    pc_export_card_add_reviewer (card, i + 1, g_ptr_array_index (reviewers, i));
  return card;
}

static GArray *
list_report_ids (PcProject  *project,
                 GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (_pc_project_get_db (project), "SELECT id FROM reports ORDER BY id", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      _pc_project_set_sql_error (project, error, _("listing reports"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (project, error, _("listing reports"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* @ids in order, each once: a report asked for twice is exported once. */
static GArray *
unique_ids (const gint64 *ids,
            guint         n_ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *unique = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_add (seen, (gpointer) &ids[i]))
      g_array_append_val (unique, ids[i]);
  return unique;
}

/**
 * pc_export_xlsx_project:
 * @ids: (nullable) (array length=n_ids): the reports to export, in order; %NULL for all
 *
 * Exports the project's reports as the project's review scores them: its checklist and
 * weights, the engine's proposals with the reviewers' ratings over them, the annotations
 * and the register status of the form findings. Runs on the project's owner thread; reads
 * one report at a time.
 */
gboolean
pc_export_xlsx_project (PcProject            *project,
                        const gint64         *ids,
                        guint                 n_ids,
                        const char           *path,
                        PcExportProgressFunc  progress,
                        gpointer              user_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcCoverageEngine) engine = NULL;
  g_autoptr(GArray) id_array = NULL;
  ProjectSource source;

  g_return_val_if_fail (PC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((checklist = pc_project_review_load_checklist (project, NULL, error)) == NULL)
    return FALSE;
  if (ids != NULL)
    id_array = unique_ids (ids, n_ids);
  else if ((id_array = list_report_ids (project, error)) == NULL)
    return FALSE;

  engine = pc_coverage_engine_new (checklist);
  source = (ProjectSource) { project, checklist, engine, id_array };
  return pc_export_xlsx_write (path, checklist, id_array->len, fetch_project_card, &source, NULL,
                               progress, user_data, cancellable, error);
}

typedef struct
{
  GPtrArray        *reports;
  PcChecklist      *checklist;
  PcCoverageEngine *engine;
} ReportsSource;

static PcExportCard *
fetch_report_card (guint          index,
                   gpointer       user_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ReportsSource *source = user_data;
  PcReport *report = g_ptr_array_index (source->reports, index);
  g_autoptr(PcCoverage) coverage = pc_coverage_engine_run (source->engine, report);
  g_autoptr(PcScore) score = pc_coverage_score (coverage, NULL);

  return pc_export_card_new (source->checklist, report, coverage, score, NULL, NULL);
}

/**
 * pc_export_xlsx_reports:
 * @reports: (element-type PcReport): reports not in a project
 * @checklist: (nullable): the outline to score against; the default one when %NULL
 *
 * Exports @reports as the engine assesses them, with its proposed ratings.
 */
gboolean
pc_export_xlsx_reports (GPtrArray             *reports,
                        PcChecklist           *checklist,
                        const char            *path,
                        PcExportProgressFunc   progress,
                        gpointer               user_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(PcChecklist) own = NULL;
  g_autoptr(PcCoverageEngine) engine = NULL;
  ReportsSource source;

  g_return_val_if_fail (reports != NULL, FALSE);
  g_return_val_if_fail (checklist == NULL || PC_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (checklist == NULL)
    checklist = own = pc_checklist_new_default ();
  engine = pc_coverage_engine_new (checklist);
  source = (ReportsSource) { reports, checklist, engine };
  return pc_export_xlsx_write (path, checklist, reports->len, fetch_report_card, &source, NULL,
                               progress, user_data, cancellable, error);
}

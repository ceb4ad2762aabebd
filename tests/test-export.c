/* test-export.c — the xlsx export: cell text, widths, sheet names, and workbooks written
 * from a project with annotations (read back from the zip with libarchive).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pc-export-xlsx.h"
#include "pc-finding.h"
#include "pc-project-annotations.h"
#include "pc-reader.h"

static void
test_clean_text (void)
{
  g_autofree char *plain = pc_export_clean_text ("=1+1 依法行政");
  g_autofree char *controls = pc_export_clean_text ("a\x01" "b\x0b" "c\td\ne\x7f");
  g_autofree char *invalid = pc_export_clean_text ("ok\xff\xfe" "end");
  g_autofree char *nonchar = pc_export_clean_text ("x\xef\xbf\xbe" "y");
  g_autofree char *empty = pc_export_clean_text (NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *cut = NULL;

  g_assert_cmpstr (plain, ==, "=1+1 依法行政");
  g_assert_cmpstr (controls, ==, "abc\td\ne\x7f");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ok") && g_str_has_suffix (invalid, "end"));
  g_assert_cmpstr (nonchar, ==, "xy");
  g_assert_cmpstr (empty, ==, "");

  for (guint i = 0; i < 40000; i++)
    g_string_append (huge, "法");
  cut = pc_export_clean_text (huge->str);
  g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, PC_EXPORT_CELL_TEXT_MAX);
  g_assert_true (g_str_has_suffix (cut, "…"));
}

/* The fast path writes text as it is only when cleaning would not change it, and
 * measures it as pc_export_text_width() does. */
static void
test_text_is_clean (void)
{
  const char *samples[] = {
    "依法行政", "=SUM(A1:A3)", "第一行\n第二行更长一些", "ISO 9001", "", "全角（括号）和“引号”",
    "a\x01b", "ok\xff\xfe", "x\xef\xbf\xbey", "tab\there", "emoji \xf0\x9f\x98\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *clean = pc_export_clean_text (samples[i]);
      guint width = G_MAXUINT;
      gboolean fast = pc_export_text_is_clean (samples[i], &width);

      g_assert_cmpint (fast, ==, g_str_equal (clean, samples[i]));
      if (fast)
        g_assert_cmpuint (width, ==, pc_export_text_width (samples[i]));
    }
  g_assert_false (pc_export_text_is_clean (NULL, NULL));
}

/* The byte-level fast path against GLib's decoder, on random strings built from the edges
 * of UTF-8: overlong forms, surrogates, code points past U+10FFFF, sequences cut short,
 * noncharacters, controls, CJK and astral characters. */
static void
test_text_is_clean_random (void)
{
  static const char *pieces[] = {
    "a", " ", "\n", "\t", "\r", "\x01", "\x1f", "\x7f", "依", "法", "（", "　", "\xc2\xa0", "\xc3\xa9",
    "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
    "\xef\xbf\xbd", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
    "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xe4\xbe",
    "\xf0\x9f\x98", "\xc3", "\x80", "\xbf", "\xfe", "\xff", "\xcc\x81", "\xe2\x80\x8b", "\xea\xb0\x80",
  };
  GRand *rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 8);
      g_autofree char *clean = NULL;
      guint width = G_MAXUINT;
      gboolean fast;

      for (guint k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      clean = pc_export_clean_text (text->str);
      fast = pc_export_text_is_clean (text->str, &width);
      if (fast != g_str_equal (clean, text->str))
        g_error ("is_clean says %d for “%s”", fast, g_strescape (text->str, NULL));
      if (fast)
        g_assert_cmpuint (width, ==, pc_export_text_width (text->str));
    }
  g_rand_free (rand);
}

static void
test_memory_mode (void)
{
  PcExportOptions normal = { .memory = PC_EXPORT_MEMORY_NORMAL };
  PcExportOptions constant = { .memory = PC_EXPORT_MEMORY_CONSTANT };

  g_assert_false (pc_export_uses_constant_memory (NULL, 1000));
  g_assert_false (pc_export_uses_constant_memory (NULL, PC_EXPORT_CONSTANT_MEMORY_ABOVE));
  g_assert_true (pc_export_uses_constant_memory (NULL, PC_EXPORT_CONSTANT_MEMORY_ABOVE + 1));
  g_assert_false (pc_export_uses_constant_memory (&normal, 100000));
  g_assert_true (pc_export_uses_constant_memory (&constant, 1));
}

/* Transient temp files go to memory when there is a tmpfs to take them, never to a
 * directory on disk that merely claims to be the runtime directory. */
static void
test_temp_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));
  g_autofree char *disk = g_dir_make_tmp ("pc-export-runtime-XXXXXX", NULL);
  const char *dir;

  g_assert_cmpstr (pc_export_temp_dir (TRUE), ==, g_get_tmp_dir ());

  g_setenv ("XDG_RUNTIME_DIR", disk, TRUE);
  dir = pc_export_temp_dir (FALSE);
  g_assert_cmpstr (dir, !=, disk);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_access (dir, W_OK), ==, 0);
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    g_assert_true (g_str_equal (dir, "/dev/shm") || g_str_equal (dir, g_get_tmp_dir ()));

  g_setenv ("XDG_RUNTIME_DIR", "/nonexistent/runtime", TRUE);
  g_assert_cmpstr (pc_export_temp_dir (FALSE), !=, "/nonexistent/runtime");

  if (saved)
    g_setenv ("XDG_RUNTIME_DIR", saved, TRUE);
  else
    g_unsetenv ("XDG_RUNTIME_DIR");
  g_rmdir (disk);
}

static void
test_text_width (void)
{
  g_assert_cmpuint (pc_export_text_width (NULL), ==, 0);
  g_assert_cmpuint (pc_export_text_width ("abc"), ==, 3);
  g_assert_cmpuint (pc_export_text_width ("应急管理局"), ==, 10);
  g_assert_cmpuint (pc_export_text_width ("（一）ab"), ==, 8);
  g_assert_cmpuint (pc_export_text_width ("短\n长一些的行\nx"), ==, 10);
}

static void
test_text_lines (void)
{
  g_assert_cmpuint (pc_export_text_lines (NULL, 10), ==, 1);
  g_assert_cmpuint (pc_export_text_lines ("", 10), ==, 1);
  g_assert_cmpuint (pc_export_text_lines ("abc", 10), ==, 1);
  g_assert_cmpuint (pc_export_text_lines ("abcdefghijk", 10), ==, 2);
  /* A Chinese character takes two units: twenty of them, four lines of ten units. */
  g_assert_cmpuint (pc_export_text_lines ("法治政府建设年度报告法治政府建设年度报告", 10), ==, 4);
  g_assert_cmpuint (pc_export_text_lines ("a\nb", 10), ==, 2);
  g_assert_cmpuint (pc_export_text_lines ("ab\n\ncd\n", 10), ==, 4);
  g_assert_cmpuint (pc_export_text_lines ("abc", 0), ==, 3);
}

static void
test_sheet_name (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *a = pc_export_sheet_name ("深圳市[坪山]区:应急*管理?局/2024\\", used);
  g_autofree char *b = pc_export_sheet_name ("深圳市坪山区应急管理局2024", used);
  g_autofree char *c = pc_export_sheet_name ("Report", used);
  g_autofree char *d = pc_export_sheet_name ("REPORT", used);
  g_autofree char *e = pc_export_sheet_name ("'quoted'", used);
  g_autofree char *f = pc_export_sheet_name ("", used);
  g_autofree char *g = pc_export_sheet_name ("history", used);
  g_autofree char *long_name = pc_export_sheet_name ("中华人民共和国某某省某某市某某区应急管理局法治政府建设年度报告2024", used);
  g_autofree char *long_again = pc_export_sheet_name ("中华人民共和国某某省某某市某某区应急管理局法治政府建设年度报告2024", used);

  g_assert_cmpstr (a, ==, "深圳市坪山区应急管理局2024");
  g_assert_cmpstr (b, ==, "深圳市坪山区应急管理局2024(2)");
  g_assert_cmpstr (c, ==, "Report");
  g_assert_cmpstr (d, ==, "REPORT(2)");
  g_assert_cmpstr (e, ==, "quoted");
  g_assert_cmpstr (f, ==, "评分表");
  g_assert_cmpstr (g, ==, "评分表(2)");
  g_assert_cmpuint (g_utf8_strlen (long_name, -1), ==, PC_EXPORT_SHEET_NAME_MAX);
  g_assert_cmpuint (g_utf8_strlen (long_again, -1), ==, PC_EXPORT_SHEET_NAME_MAX);
  g_assert_true (g_str_has_suffix (long_again, "(2)"));
  g_assert_cmpstr (long_name, !=, long_again);
}

/* A name cut to 31 units is made valid again: no apostrophe or space left at its end. */
static void
test_sheet_name_cut (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* 30 characters, then the apostrophe or the space that the cut at 31 leaves last. */
  g_autofree char *apostrophe = pc_export_sheet_name ("某某省某某市某某区某某县某某镇某某乡某某村委会应急管理局办办's office 2024", used);
  g_autofree char *space = pc_export_sheet_name ("乙某省某某市某某区某某县某某镇某某乡某某村委会应急管理局办办 会议", used);
  g_autofree char *again = pc_export_sheet_name ("某某省某某市某某区某某县某某镇某某乡某某村委会应急管理's office", used);
  g_autofree char *suffixed = pc_export_sheet_name ("某某省某某市某某区某某县某某镇某某乡某某村委会应急管理's office", used);

  g_assert_cmpstr (apostrophe, ==, "某某省某某市某某区某某县某某镇某某乡某某村委会应急管理局办办");
  g_assert_cmpstr (space, ==, "乙某省某某市某某区某某县某某镇某某乡某某村委会应急管理局办办");
  g_assert_cmpstr (again, ==, "某某省某某市某某区某某县某某镇某某乡某某村委会应急管理's o");
  /* Cut to 28 for the counter, it would end with the apostrophe. */
  g_assert_cmpstr (suffixed, ==, "某某省某某市某某区某某县某某镇某某乡某某村委会应急管理(2)");
}

static void
test_column_name (void)
{
  const struct { guint col; const char *name; } cases[] = {
    { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = pc_export_column_name (cases[i].col);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* The text of one member of the xlsx zip, or NULL. */
static char *
read_member (const char *xlsx,
             const char *member)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  char *text = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, xlsx, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      if (g_str_equal (archive_entry_pathname (entry), member))
        {
          g_autoptr(GString) s = g_string_new (NULL);
          char buf[65536];
          la_ssize_t n;

          while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
            g_string_append_len (s, buf, n);
          text = g_string_free (g_steal_pointer (&s), FALSE);
          break;
        }
    }
  archive_read_free (a);
  return text;
}

static char *
corpus_report (const char *name)
{
  const char *dir = g_getenv ("PINGCHA_CORPUS_DIR");

  return g_build_filename (dir ? dir : ".", "reports", name, NULL);
}

typedef struct
{
  char      *dir;
  PcProject *project;
  gint64     ids[2];
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *a = corpus_report ("pudong-2023.txt");
  g_autofree char *b = corpus_report ("wuhan-2021.txt");
  const char *paths[] = { a, b, NULL };
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(PcAnnotation) problem = pc_annotation_new ();
  g_autoptr(PcAnnotation) fix = pc_annotation_new ();

  fx->dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fx->dir, "p.db", NULL);
  fx->project = pc_project_open (db, &error);
  g_assert_no_error (error);
  summary = pc_project_import_files (fx->project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 2);
  fx->ids[0] = g_array_index (summary->ids, gint64, 0);
  fx->ids[1] = g_array_index (summary->ids, gint64, 1);

  pc_annotation_set_report_id (problem, fx->ids[0]);
  pc_annotation_set_range (problem, (PcRange) { 100, 120 });
  pc_annotation_set_quote (problem, "=SUM(A1:A2) quoted");
  pc_annotation_set_context_before (problem, "");
  pc_annotation_set_context_after (problem, "");
  pc_annotation_set_modified (problem, "2025-03-01T08:00:00Z");
  pc_annotation_set_item (problem, 13);
  pc_annotation_set_kind (problem, PC_ANNOTATION_PROBLEM);
  pc_annotation_set_severity (problem, PC_SEVERITY_HIGH);
  pc_annotation_set_comment (problem, "=HYPERLINK(\"http://example.com\",\"x\") 执法数据缺失");
  pc_annotation_set_fix (problem, "补充行政处罚案件数量\x01");
  pc_annotation_set_reviewer (problem, "张三");
  pc_annotation_set_created (problem, "2025-03-01T08:00:00Z");
  pc_project_insert_annotation (fx->project, problem, &error);
  g_assert_no_error (error);

  pc_annotation_set_report_id (fix, fx->ids[0]);
  pc_annotation_set_range (fix, (PcRange) { 200, 210 });
  pc_annotation_set_quote (fix, "\n某段原文 ");
  pc_annotation_set_context_before (fix, "");
  pc_annotation_set_context_after (fix, "");
  pc_annotation_set_created (fix, "2025-03-02T08:00:00Z");
  pc_annotation_set_modified (fix, "2025-03-02T08:00:00Z");
  pc_annotation_set_item (fix, 13);
  pc_annotation_set_kind (fix, PC_ANNOTATION_FIX);
  pc_annotation_set_comment (fix, "建议细化执法公示");
  pc_annotation_set_fix (fix, "按月公开执法数据");
  pc_annotation_set_reviewer (fix, "李四");
  pc_project_insert_annotation (fx->project, fix, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
  const char *name;

  g_clear_object (&fx->project);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, ==, *calls + 1);
  (*calls)++;
}

/* A sheet's XML followed by the shared strings: a small workbook shares its strings, so
 * a cell's text may stand in either. The register never holds a formula. */
static char *
read_sheet_text (const char *path,
                 const char *member)
{
  g_autofree char *sheet = read_member (path, member);
  g_autofree char *shared = read_member (path, "xl/sharedStrings.xml");

  g_assert_nonnull (sheet);
  return g_strconcat (sheet, shared ? shared : "", NULL);
}

static void
test_project (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "out.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *card = NULL;
  g_autofree char *chart = NULL;
  guint calls = 0;

  g_assert_true (pc_export_xlsx_project (fx->project, NULL, 0, out, count_progress, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 3);

  workbook = read_member (out, "xl/workbook.xml");
  g_assert_nonnull (workbook);
  g_assert_nonnull (strstr (workbook, "name=\"汇总\""));
  g_assert_nonnull (strstr (workbook, "name=\"图表\""));
  g_assert_nonnull (strstr (workbook, "name=\"问题清单\""));
  g_assert_nonnull (strstr (workbook, "浦东新区应急管理局2023"));

  /* The register: the reviewer's text is a string even when it looks like a formula, and
   * the control character is gone. */
  reg = read_sheet_text (out, "xl/worksheets/sheet3.xml");
  g_assert_nonnull (strstr (reg, "<t>=HYPERLINK(\"http://example.com\",\"x\") 执法数据缺失</t>"));
  g_assert_null (strstr (reg, "<f>HYPERLINK"));
  g_assert_nonnull (strstr (reg, "<t>=SUM(A1:A2) quoted</t>"));
  g_assert_nonnull (strstr (reg, "<t>补充行政处罚案件数量</t>"));
  g_assert_nonnull (strstr (reg, "<t>建议细化执法公示</t>"));
  g_assert_nonnull (strstr (reg, "<t>张三</t>"));
  g_assert_nonnull (strstr (reg, "<t>高</t>"));
  /* A fix with a comment keeps both; a quote loses the line break around it; a date is a
   * date (2025-03-01 is day 45717). */
  g_assert_nonnull (strstr (reg, "<t>按月公开执法数据</t>"));
  g_assert_nonnull (strstr (reg, "<t>某段原文</t>"));
  g_assert_nonnull (strstr (reg, "<v>45717</v>"));
  /* Each row names its report's scorecard, linked: two reports of one agency and year are
   * told apart. Form findings are as severe as they cost (punctuation, 0.5 points, 低). */
  g_assert_nonnull (strstr (reg, "<hyperlink ref=\"D2\" location=\"'浦东新区应急管理局2023'!A1\""));
  g_assert_nonnull (strstr (reg, "<t>低</t>"));

  /* The scorecard of the first report has the problem on item 13. */
  card = read_sheet_text (out, "xl/worksheets/sheet4.xml");
  g_assert_nonnull (card);
  g_assert_nonnull (strstr (card, "执法数据缺失"));
  g_assert_nonnull (strstr (card, "<f>SUM(G5:G39)</f>"));
  /* Live: the ratings are a list, the points formulas of them. */
  g_assert_nonnull (strstr (card, "<dataValidation type=\"list\""));
  g_assert_nonnull (strstr (card, "<f>$D5*IF($F5=\"充分\",1,IF($F5=\"部分\",0.5,0))</f>"));
  /* The bars of the totals are named by the scorecards, agency and year. */
  chart = read_member (out, "xl/charts/chart1.xml");
  g_assert_nonnull (strstr (chart, "<c:f>'汇总'!$E$2:$E$3</c:f>"));
  /* Rows of wrapped text are as high as their text: LibreOffice and print show a row
   * without a height as one line. */
  g_assert_nonnull (strstr (card, "customHeight=\"1\""));
  g_assert_nonnull (strstr (reg, "customHeight=\"1\""));
  /* No column carries a format: empty cells have no borders. */
  g_assert_null (strstr (strstr (card, "<cols>"), " style=\""));
}

/* The workbook is Chinese under any locale: no English description, the preamble and the
 * whole report named the same way in the register and on the scorecard. */
static void
test_project_chinese (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "c.xlsx", NULL);
  g_autofree char *reg = NULL;
  g_autofree char *card = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  setlocale (LC_ALL, "C");
  g_assert_true (pc_export_xlsx_project (fx->project, NULL, 0, out, NULL, NULL, NULL, &error));
  setlocale (LC_ALL, saved);
  g_assert_no_error (error);

  reg = read_sheet_text (out, "xl/worksheets/sheet3.xml");
  card = read_sheet_text (out, "xl/worksheets/sheet4.xml");
  for (const char *const *key = pc_part_keys (); *key; key++)
    {
      g_assert_null (strstr (reg, pc_part_key_describe (*key)));
      g_assert_null (strstr (card, pc_part_key_describe (*key)));
    }
  g_assert_null (strstr (reg, "Preamble"));
  /* 浦东 2023 lacks the principal leader's part: one place, the whole report. */
  g_assert_nonnull (strstr (reg, "：党政主要负责人履行推进法治建设第一责任人职责情况</t>"));
  g_assert_nonnull (strstr (card, "：党政主要负责人履行推进法治建设第一责任人职责情况</t>"));
  g_assert_nonnull (strstr (reg, "<t>全文</t>"));
  g_assert_nonnull (strstr (card, "<t>全文</t>"));
  /* Evidence is placed by its headings, as the register places the annotations. */
  g_assert_nonnull (strstr (card, " › "));
  g_assert_nonnull (strstr (reg, " › "));
}

/* The Chinese the workbook writes is zh_CN's translation of what the UI shows. */
static void
test_chinese_describers (void)
{
  const char *codes[] = {
    PC_FINDING_MISSING_PART, PC_FINDING_NUMBERING_MISSING, PC_FINDING_NUMBERING_GAP,
    PC_FINDING_ENUMERATION_GAP, PC_FINDING_DATED_BEFORE_PERIOD, PC_FINDING_LATE_PUBLICATION,
    PC_FINDING_MISSING_TITLE, PC_FINDING_MISSING_DATE, PC_FINDING_UNBALANCED_PUNCTUATION,
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpstr (pc_finding_code_describe (codes[i]), ==, pc_finding_code_describe_chinese (codes[i]));
  for (const char *const *key = pc_part_keys (); *key; key++)
    g_assert_cmpstr (pc_part_key_describe (*key), ==, pc_part_key_describe_chinese (*key));
  setlocale (LC_ALL, saved);
}

static void
test_project_subset (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "one.xlsx", NULL);
  g_autofree char *workbook = NULL;

  g_assert_true (pc_export_xlsx_project (fx->project, &fx->ids[1], 1, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  workbook = read_member (out, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "武汉"));
  g_assert_null (strstr (workbook, "浦东"));
}

/* A report asked for twice is exported once. */
static void
test_project_twice (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "twice.xlsx", NULL);
  g_autofree char *workbook = NULL;
  gint64 ids[] = { fx->ids[1], fx->ids[1] };

  g_assert_true (pc_export_xlsx_project (fx->project, ids, G_N_ELEMENTS (ids), out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  workbook = read_member (out, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "sheetId=\"4\""));
  g_assert_null (strstr (workbook, "sheetId=\"5\""));
}

/* Nothing to export is an error, and no file is written. */
static void
test_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autofree char *dir = g_dir_make_tmp ("test-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "empty.xlsx", NULL);

  g_assert_false (pc_export_xlsx_write (out, checklist, 0, NULL, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_EMPTY);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static PcExportCard *
fetch_never (guint          index,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_assert_not_reached ();
  return NULL;
}

/* A folder that is not there is found before any report is fetched, and said so. */
static void
test_no_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();

  g_assert_false (pc_export_xlsx_write ("/nonexistent/folder/x.xlsx", checklist, 3, fetch_never, NULL, NULL, NULL,
                                        NULL, NULL, &error));
  g_assert_error (error, PC_EXPORT_ERROR, PC_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder"));
}

static void
test_missing_report (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "missing.xlsx", NULL);
  gint64 id = 9999;

  g_assert_false (pc_export_xlsx_project (fx->project, &id, 1, out, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = g_build_filename (fx->dir, "cancelled.xlsx", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (pc_export_xlsx_project (fx->project, NULL, 0, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GPtrArray   *reports;
  PcChecklist *checklist;
  PcCoverageEngine *engine;
} Cards;

static PcExportCard *
fetch_card (guint          index,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Cards *cards = user_data;
  PcReport *report = g_ptr_array_index (cards->reports, index % cards->reports->len);
  g_autoptr(PcCoverage) coverage = pc_coverage_engine_run (cards->engine, report);
  g_autoptr(PcScore) score = pc_coverage_score (coverage, NULL);

  return pc_export_card_new (cards->checklist, report, coverage, score, NULL, NULL);
}

/* Above the sheet limit the scorecards go into one sheet. */
static void
test_sheet_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus_report ("pudong-2023.txt");
  g_autoptr(PcReport) report = pc_reader_read_file (path, NULL, &error);
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(PcCoverageEngine) engine = pc_coverage_engine_new (checklist);
  g_autofree char *dir = g_dir_make_tmp ("test-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "limit.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *details = NULL;
  g_autofree char *summary = NULL;
  PcExportOptions options = { .sheet_limit = 2, .memory = PC_EXPORT_MEMORY_CONSTANT };
  Cards cards = { reports, checklist, engine };

  g_assert_no_error (error);
  g_ptr_array_add (reports, report);
  g_assert_true (pc_export_xlsx_write (out, checklist, 3, fetch_card, &cards, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  workbook = read_member (out, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"评分明细\""));
  g_assert_null (strstr (workbook, "浦东新区应急管理局2023"));
  details = read_member (out, "xl/worksheets/sheet4.xml");
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (details, "<autoFilter ref=\"A1:N"));
  /* Without scorecards the summary keeps the points as numbers, its totals still formulas. */
  summary = read_member (out, "xl/worksheets/sheet1.xml");
  g_assert_null (strstr (summary, "SUMPRODUCT"));
  g_assert_nonnull (strstr (summary, "<f>SUM(F2:P2)</f>"));
  g_unlink (out);
  g_rmdir (dir);
}

/* The text or value of cell @ref in a sheet's XML written in constant_memory mode (strings
 * inline), or NULL when the cell is not there or empty. */
static char *
cell_value (const char *xml,
            const char *ref)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = xml, *end, *value, *stop;

  while ((start = strstr (start, open)) != NULL)
    {
      char next = start[strlen (open)];

      if (next == ' ' || next == '>' || next == '/')
        break;
      start += strlen (open);
    }
  if (start == NULL || (end = strstr (start, "</c>")) == NULL || strstr (start, "/>") < strchr (start, '>') + 1)
    return NULL;
  if ((value = strstr (start, "<t")) != NULL && value < end)
    {
      value = strchr (value, '>') + 1;
      stop = strstr (value, "</t>");
    }
  else if ((value = strstr (start, "<v>")) != NULL && value < end)
    {
      value += 3;
      stop = strstr (value, "</v>");
    }
  else
    return NULL;
  return g_strndup (value, stop - value);
}

static void
assert_cell (const char *xml,
             const char *ref,
             const char *expected)
{
  g_autofree char *value = cell_value (xml, ref);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("cell %s is “%s”, not “%s”", ref, value ? value : "(none)", expected ? expected : "(none)");
}

typedef struct
{
  char        *dir;
  char        *out;
  PcChecklist *checklist;
  GPtrArray   *cards;     /* PcExportCard, as the workbook has them */
  GPtrArray   *coverages; /* PcCoverage, the engine's reading of each */
} Details;

static PcExportCard *
fetch_prepared (guint          index,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  Details *details = user_data;

  return pc_export_card_ref (g_ptr_array_index (details->cards, index));
}

/* Three reports past a sheet limit of two: 浦东 2023, 武汉 2021, and 浦东 2023 again, which
 * only its name in the workbook tells apart from the first. */
static void
details_set_up (Details       *details,
                gconstpointer  data)
{
  const char *names[] = { "pudong-2023.txt", "wuhan-2021.txt", "pudong-2023.txt" };
  g_autoptr(PcCoverageEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  PcExportOptions options = { .sheet_limit = 2, .memory = PC_EXPORT_MEMORY_CONSTANT };

  details->checklist = pc_checklist_new_default ();
  engine = pc_coverage_engine_new (details->checklist);
  details->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_export_card_unref);
  details->coverages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = corpus_report (names[i]);
      g_autoptr(PcReport) report = pc_reader_read_file (path, NULL, &error);
      g_autoptr(PcCoverage) coverage = NULL;
      g_autoptr(PcScore) score = NULL;

      g_assert_no_error (error);
      pc_report_set_id (report, i + 1);
      coverage = pc_coverage_engine_run (engine, report);
      score = pc_coverage_score (coverage, NULL);
      g_ptr_array_add (details->cards, pc_export_card_new (details->checklist, report, coverage, score, NULL, NULL));
      g_ptr_array_add (details->coverages, g_steal_pointer (&coverage));
    }
  details->dir = g_dir_make_tmp ("test-export-XXXXXX", NULL);
  details->out = g_build_filename (details->dir, "details.xlsx", NULL);
  g_assert_true (pc_export_xlsx_write (details->out, details->checklist, details->cards->len, fetch_prepared,
                                       details, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
details_tear_down (Details       *details,
                   gconstpointer  data)
{
  g_unlink (details->out);
  g_rmdir (details->dir);
  g_free (details->out);
  g_free (details->dir);
  g_clear_object (&details->checklist);
  g_ptr_array_unref (details->cards);
  g_ptr_array_unref (details->coverages);
}

/* The rows of 评分明细 a report takes: its items, its form findings, its total and grade. */
static guint
details_rows (const PcExportCard *card)
{
  return card->items->len + card->findings->len + 2;
}

/* The first row (1-based) of report @index in 评分明细, below the header. */
static guint
details_first_row (Details *details,
                   guint    index)
{
  guint row = 2;

  for (guint i = 0; i < index; i++)
    row += details_rows (g_ptr_array_index (details->cards, i));
  return row;
}

/* Every row of 评分明细 names its report as the register does. */
static void
test_details_names (Details       *details,
                    gconstpointer  data)
{
  g_autofree char *sheet = read_member (details->out, "xl/worksheets/sheet4.xml");
  g_autofree char *reg = read_member (details->out, "xl/worksheets/sheet3.xml");
  guint third = details_first_row (details, 2);
  g_autofree char *first_ref = g_strdup_printf ("A%u", third - 1);
  g_autofree char *third_ref = g_strdup_printf ("A%u", third);
  g_autofree char *agency_ref = g_strdup_printf ("B%u", third);

  assert_cell (sheet, "A1", "评分表");
  assert_cell (sheet, "A2", "浦东新区应急管理局2023");
  assert_cell (sheet, first_ref, "武汉市应急管理局2021");
  assert_cell (sheet, third_ref, "浦东新区应急管理局2023(2)");
  assert_cell (sheet, agency_ref, "浦东新区应急管理局");
  g_assert_nonnull (strstr (reg, "<t>浦东新区应急管理局2023(2)</t>"));
}

/* Each report in the summary is named as in 评分明细 and linked to its first row there; the
 * chart of the totals names the bars so. */
static void
test_details_links (Details       *details,
                    gconstpointer  data)
{
  g_autofree char *summary = read_member (details->out, "xl/worksheets/sheet1.xml");
  g_autofree char *chart = read_member (details->out, "xl/charts/chart1.xml");

  for (guint i = 0; i < details->cards->len; i++)
    {
      g_autofree char *link = g_strdup_printf ("<hyperlink ref=\"E%u\" location=\"'评分明细'!A%u\"", i + 2,
                                               details_first_row (details, i));

      g_assert_nonnull (strstr (summary, link));
    }
  assert_cell (summary, "E4", "浦东新区应急管理局2023(2)");
  g_assert_nonnull (strstr (chart, "<c:f>'汇总'!$E$2:$E$4</c:f>"));
}

/* Each report's rows in 评分明细 end with its total and grade. */
static void
test_details_totals (Details       *details,
                     gconstpointer  data)
{
  g_autofree char *sheet = read_member (details->out, "xl/worksheets/sheet4.xml");
  const char *names[] = { "浦东新区应急管理局2023", "武汉市应急管理局2021", "浦东新区应急管理局2023(2)" };

  for (guint i = 0; i < details->cards->len; i++)
    {
      const PcExportCard *card = g_ptr_array_index (details->cards, i);
      guint total = details_first_row (details, i + 1) - 2;
      g_autofree char *name = g_strdup_printf ("A%u", total);
      g_autofree char *part = g_strdup_printf ("E%u", total);
      g_autofree char *label = g_strdup_printf ("F%u", total);
      g_autofree char *grade_label = g_strdup_printf ("F%u", total + 1);
      g_autofree char *points = g_strdup_printf ("J%u", total);
      g_autofree char *grade = g_strdup_printf ("J%u", total + 1);
      g_autofree char *value = cell_value (sheet, points);

      assert_cell (sheet, part, "合计");
      assert_cell (sheet, label, "总分");
      assert_cell (sheet, grade_label, "等级");
      g_assert_nonnull (value);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL), card->total, 1e-9);
      assert_cell (sheet, grade, card->grade);
      assert_cell (sheet, name, names[i]);
    }
}

static void
test_evidence_line (void)
{
  const struct { const char *place, *quote, *line; } cases[] = {
    { "一、 › （二）", "完善制度\n建设。", "一、 › （二）：完善制度 建设。" },
    { "导语", " 引文 ", "导语：引文" },
    { "全文", "", "全文" },
    { NULL, "引文", "引文" },
    { "", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = pc_export_evidence_line (cases[i].place, cases[i].quote);

      g_assert_cmpstr (line, ==, cases[i].line);
    }
}

static char *
unescape_xml (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "&lt;", "<", 0);
  g_string_replace (s, "&gt;", ">", 0);
  g_string_replace (s, "&amp;", "&", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Line @n of @text, or NULL. */
static char *
nth_line (const char *text,
          guint       n)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  return n < g_strv_length (lines) ? g_strdup (lines[n]) : NULL;
}

/* In 评分明细 each quote is on one line after its place, in one cell, as "place：quote"; an
 * item rated 未体现 shows no evidence, though the engine found some. */
static void
test_details_evidence (Details       *details,
                       gconstpointer  data)
{
  g_autofree char *sheet = read_member (details->out, "xl/worksheets/sheet4.xml");
  const PcExportCard *card = g_ptr_array_index (details->cards, 0);
  PcCoverage *coverage = g_ptr_array_index (details->coverages, 0);
  guint absent_with_evidence = 0, quoted = 0;

  assert_cell (sheet, "K1", "证据");
  assert_cell (sheet, "L1", "问题");
  for (guint i = 0; i < card->items->len; i++)
    {
      const PcExportItem *item = &g_array_index (card->items, PcExportItem, i);
      const PcItemCoverage *cov = pc_coverage_get_item (coverage, item->code);
      g_autofree char *ref = g_strdup_printf ("K%u", i + 2);
      g_autofree char *raw = cell_value (sheet, ref);
      g_autofree char *cell = raw ? unescape_xml (raw) : NULL;
      g_auto(GStrv) lines = g_strsplit (cell ? cell : "", "\n", -1);

      if (item->rating == PC_RATING_ABSENT)
        {
          absent_with_evidence += item->sections[0] != '\0';
          g_assert_null (cell);
          continue;
        }
      for (guint q = 0; cov && q < MIN (cov->quotes->len, 2); q++)
        {
          const PcQuote *quote = &g_array_index (cov->quotes, PcQuote, q);
          g_autofree char *place = NULL;
          g_autofree char *line = NULL;

          for (guint k = 0; k < MIN (cov->sections->len, 5) && place == NULL; k++)
            if (g_strcmp0 (g_ptr_array_index (cov->sections, k), quote->section) == 0)
              place = nth_line (item->sections, k);
          if (place == NULL)
            continue;
          line = g_strdup_printf ("%s：%s", place, quote->text);
          g_strdelimit (line, "\n", ' ');
          if (!g_strv_contains ((const char *const *) lines, g_strstrip (line)))
            g_error ("item %u: “%s” not a line of “%s”", item->code, line, cell);
          quoted++;
        }
    }
  g_assert_cmpuint (absent_with_evidence, >, 0);
  g_assert_cmpuint (quoted, >, 0);

  /* A form finding's place and quote are one line as well. */
  for (guint i = 0; i < card->findings->len; i++)
    {
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);
      g_autofree char *ref = g_strdup_printf ("K%u", card->items->len + i + 2);
      g_autofree char *line = *f->quote ? g_strdup_printf ("%s：%s", f->section, f->quote) : g_strdup (f->section);
      g_autofree char *raw = cell_value (sheet, ref);
      g_autofree char *cell = raw ? unescape_xml (raw) : NULL;

      g_assert_cmpstr (cell, ==, line);
    }
}

/* In constant_memory mode, which needs each sheet's rows in order, the scorecards are live
 * as well. */
static void
test_constant_memory_cards (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus_report ("wuhan-2021.txt");
  g_autoptr(PcReport) report = pc_reader_read_file (path, NULL, &error);
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(PcCoverageEngine) engine = pc_coverage_engine_new (checklist);
  g_autofree char *dir = g_dir_make_tmp ("test-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "constant.xlsx", NULL);
  g_autofree char *card = NULL;
  g_autofree char *summary = NULL;
  PcExportOptions options = { .memory = PC_EXPORT_MEMORY_CONSTANT };
  Cards cards = { reports, checklist, engine };

  g_assert_no_error (error);
  g_ptr_array_add (reports, report);
  g_assert_true (pc_export_xlsx_write (out, checklist, 2, fetch_card, &cards, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  card = read_member (out, "xl/worksheets/sheet5.xml");
  g_assert_nonnull (card);
  g_assert_nonnull (strstr (card, "<dataValidation type=\"list\""));
  g_assert_nonnull (strstr (card, "SUMIFS($E$5:$E$39,$M$5:$M$39,$M5"));
  summary = read_member (out, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (summary, "SUMPRODUCT("));
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/text/clean", test_clean_text);
  g_test_add_func ("/export/text/width", test_text_width);
  g_test_add_func ("/export/text/lines", test_text_lines);
  g_test_add_func ("/export/text/is-clean", test_text_is_clean);
  g_test_add_func ("/export/text/is-clean-random", test_text_is_clean_random);
  g_test_add_func ("/export/memory-mode", test_memory_mode);
  g_test_add_func ("/export/temp-dir", test_temp_dir);
  g_test_add_func ("/export/sheet-name", test_sheet_name);
  g_test_add_func ("/export/sheet-name-cut", test_sheet_name_cut);
  g_test_add_func ("/export/nothing", test_nothing);
  g_test_add_func ("/export/no-folder", test_no_folder);
  g_test_add_func ("/export/column-name", test_column_name);
  g_test_add_func ("/export/evidence-line", test_evidence_line);
  g_test_add_func ("/export/sheet-limit", test_sheet_limit);
  g_test_add_func ("/export/constant-memory-cards", test_constant_memory_cards);
  g_test_add ("/export/details/names", Details, NULL, details_set_up, test_details_names, details_tear_down);
  g_test_add ("/export/details/links", Details, NULL, details_set_up, test_details_links, details_tear_down);
  g_test_add ("/export/details/totals", Details, NULL, details_set_up, test_details_totals, details_tear_down);
  g_test_add ("/export/details/evidence", Details, NULL, details_set_up, test_details_evidence, details_tear_down);
  g_test_add ("/export/project/all", Fixture, NULL, fixture_set_up, test_project, fixture_tear_down);
  g_test_add_func ("/export/chinese-describers", test_chinese_describers);
  g_test_add ("/export/project/chinese", Fixture, NULL, fixture_set_up, test_project_chinese, fixture_tear_down);
  g_test_add ("/export/project/subset", Fixture, NULL, fixture_set_up, test_project_subset, fixture_tear_down);
  g_test_add ("/export/project/twice", Fixture, NULL, fixture_set_up, test_project_twice, fixture_tear_down);
  g_test_add ("/export/project/missing-report", Fixture, NULL, fixture_set_up, test_missing_report,
              fixture_tear_down);
  g_test_add ("/export/project/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  return g_test_run ();
}

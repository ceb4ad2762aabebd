/* test-reader.c — the reader against the shared corpus and against small made-up reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "pc-error.h"
#include "pc-reader.h"

static const char *corpus_names[] = {
  "kaiping-2025", "pingshan-2024", "pudong-2023", "wuhan-2021", "zhangzhou-2023",
};

static char *
corpus_path (const char *sub,
             const char *name)
{
  const char *dir = g_getenv ("PINGCHA_CORPUS_DIR");

  if (dir == NULL)
    dir = "../shared/corpus";
  return g_build_filename (dir, sub, name, NULL);
}

/* The matching rule of shared/corpus/README.md: fold full-width forms and （）, drop white
 * space, then the parsed title starts with the expected one's first 6 characters and is at
 * most 40 characters longer. */
static char *
fold_title (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
title_matches (const char *parsed,
               const char *expected)
{
  g_autofree char *p = NULL;
  g_autofree char *e = NULL;
  g_autofree char *prefix = NULL;

  if (expected == NULL || parsed == NULL)
    return expected == parsed;
  p = fold_title (parsed);
  e = fold_title (expected);
  prefix = g_utf8_substring (e, 0, MIN (6, g_utf8_strlen (e, -1)));
  return g_str_has_prefix (p, prefix) && g_utf8_strlen (p, -1) <= g_utf8_strlen (e, -1) + 40;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  if (!json_object_has_member (object, name) || json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member (object, name);
}

static void
compare_sections (JsonArray  *expected,
                  GListModel *parsed,
                  const char *where)
{
  guint n = json_array_get_length (expected);

  g_assert_cmpuint (g_list_model_get_n_items (parsed), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      g_autoptr(PcSection) s = g_list_model_get_item (parsed, i);
      guint number = json_object_get_null_member (e, "number") ? 0 : (guint) json_object_get_int_member (e, "number");

      g_test_message ("%s: %s %s", where, pc_section_get_path (s), pc_section_get_title (s));
      g_assert_cmpuint (pc_section_get_level (s), ==, json_object_get_int_member (e, "level"));
      g_assert_cmpuint (pc_section_get_number (s), ==, number);
      if (!title_matches (pc_section_get_title (s), json_object_get_string_member (e, "title")))
        g_error ("%s: section %s title “%s” does not match “%s”", where, pc_section_get_path (s),
                 pc_section_get_title (s), json_object_get_string_member (e, "title"));
      if (json_object_has_member (e, "children"))
        compare_sections (json_object_get_array_member (e, "children"), pc_section_get_children (s), where);
      else
        g_assert_cmpuint (pc_section_get_n_children (s), ==, 0);
    }
}

static void
compare_parts (JsonObject *expected,
               PcReport   *report)
{
  g_autoptr(GList) keys = json_object_get_members (expected);

  for (GList *l = keys; l; l = l->next)
    {
      JsonObject *e = json_object_get_object_member (expected, l->data);
      PcPart *part = pc_report_find_part (report, l->data);

      g_assert_nonnull (part);
      g_test_message ("part %s", (const char *) l->data);
      g_assert_cmpint (part->present, ==, json_object_get_boolean_member (e, "present"));
      g_assert_cmpstr (part->section, ==, member_string (e, "section"));
      if (json_object_has_member (e, "own_section"))
        g_assert_cmpint (part->own_section, ==, json_object_get_boolean_member (e, "own_section"));
    }
}

static int
compare_finding (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
compare_findings (JsonArray *expected,
                  PcReport  *report)
{
  GPtrArray *findings = pc_report_get_findings (report);
  g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const char *part = member_string (e, "part");

      g_ptr_array_add (want, g_strdup_printf ("%s %s", json_object_get_string_member (e, "code"), part ? part : ""));
    }
  for (guint i = 0; i < findings->len; i++)
    {
      PcFinding *f = g_ptr_array_index (findings, i);

      g_ptr_array_add (got, g_strdup_printf ("%s %s", f->code, f->part ? f->part : ""));
      /* every finding points into the text */
      g_assert_cmpuint (f->range.end, <=, pc_report_get_length (report));
    }
  g_ptr_array_sort (want, compare_finding);
  g_ptr_array_sort (got, compare_finding);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));
}

static void
check_ranges (PcReport   *report,
              GListModel *sections,
              PcRange     parent)
{
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PcSection) s = g_list_model_get_item (sections, i);
      PcRange r = pc_section_get_range (s);
      PcRange h = pc_section_get_heading (s);
      g_autofree char *heading = pc_report_dup_slice (report, h);
      g_autofree char *display = pc_section_dup_display (s);

      g_assert_cmpuint (r.start, >=, parent.start);
      g_assert_cmpuint (r.end, <=, parent.end);
      g_assert_cmpuint (h.start, ==, r.start);
      g_assert_cmpuint (h.end, <=, r.end);
      /* the heading range, sliced out of the clean text by characters, is the heading */
      g_assert_cmpstr (heading, ==, display);
      check_ranges (report, pc_section_get_children (s), r);
    }
}

static void
test_corpus_report (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *expected_path = corpus_path ("expected", json_name);
  g_autofree char *report_path = corpus_path ("reports", txt_name);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *expected;
  guint year;

  if (!g_file_test (expected_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared corpus is not beside the project");
      return;
    }
  g_assert_true (json_parser_load_from_file (parser, expected_path, &error));
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (g_file_get_contents (report_path, &text, NULL, &error));

  report = pc_reader_read (text, &error);
  g_assert_no_error (error);

  g_assert_true (title_matches (pc_report_get_title (report), member_string (expected, "title")));
  g_assert_cmpstr (pc_report_get_agency (report), ==, member_string (expected, "agency"));
  year = json_object_get_null_member (expected, "year") ? 0 : (guint) json_object_get_int_member (expected, "year");
  g_assert_cmpuint (pc_report_get_year (report), ==, year);
  g_assert_cmpstr (pc_report_get_date (report), ==, member_string (expected, "published"));
  g_assert_cmpstr (pc_report_get_doc_number (report), ==, member_string (expected, "doc_number"));

  compare_sections (json_object_get_array_member (expected, "sections"), pc_report_get_sections (report), name);
  check_ranges (report, pc_report_get_sections (report), (PcRange) { 0, pc_report_get_length (report) });
  compare_parts (json_object_get_object_member (expected, "parts"), report);
  compare_findings (json_object_get_array_member (expected, "findings"), report);
}

/* Page chrome goes, the metadata it carried stays, the report's own characters are kept. */
static void
test_chrome (void)
{
  const char *text =
    "首页 > 政务公开 > 法治政府建设\n"
    "某某市司法局2022年法治政府建设年度报告\n"
    "信息来源：某某市司法局　发布时间：2023-01-15 09:00\n"
    "【 下载 】\n"
    "2022年，我局认真履行职责（全年无复议）。\n"
    "一、主要举措和成效\n"
    "全年办理案件12件。\n"
    "扫一扫在手机打开当前页\n"
    "关联 附件\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read (text, &error);
  const char *clean;

  g_assert_no_error (error);
  clean = pc_report_get_text (report);
  g_assert_null (strstr (clean, "首页"));
  g_assert_null (strstr (clean, "发布时间"));
  g_assert_null (strstr (clean, "下载"));
  g_assert_null (strstr (clean, "扫一扫"));
  g_assert_null (strstr (clean, "关联"));
  g_assert_nonnull (strstr (clean, "2022年，我局认真履行职责（全年无复议）。"));
  g_assert_cmpstr (pc_report_get_published (report), ==, "2023-01-15");
  g_assert_cmpstr (pc_report_get_agency (report), ==, "某某市司法局");
  g_assert_cmpuint (pc_report_get_year (report), ==, 2022);
  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), ==, 1);
}

static gboolean
has_finding (PcReport   *report,
             const char *code,
             const char *part_or_section)
{
  GPtrArray *findings = pc_report_get_findings (report);

  for (guint i = 0; i < findings->len; i++)
    {
      PcFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->code, code)
          && (part_or_section == NULL || g_strcmp0 (f->part, part_or_section) == 0
              || g_strcmp0 (f->section, part_or_section) == 0))
        return TRUE;
    }
  return FALSE;
}

/* A portal's index table (索引号 / 名　　称 / 文　　号) is metadata: its labels are not
 * part of the title, which comes from the page heading, or from the table without one. */
static void
test_index_table (void)
{
  const char *table =
    "索引号： 11440783MB2C12345X/2025-00012 发布机构： 某县应急管理局\n"
    "发文日期： 2025-03-05 主题分类： 其他\n"
    "名　　称： 某县应急管理局2024年度法治政府建设情况报告\n"
    "文　　号： 某应急〔2025〕5号 发布日期： 2025-03-28\n";
  const char *body =
    "县人民政府：\n"
    "2024年，我局主要负责人认真履行推进法治建设第一责任人职责。现将有关情况报告如下：\n"
    "一、主要举措和成效\n"
    "全年办理行政处罚案件56件。\n"
    "某县应急管理局\n"
    "2025年3月5日\n";
  g_autofree char *with_heading = g_strconcat (table, "某县应急管理局2024年度法治政府建设情况报告\n", body, NULL);
  g_autofree char *without_heading = g_strconcat (table, body, NULL);
  g_autoptr(PcReport) report = pc_reader_read (with_heading, NULL);
  g_autoptr(PcReport) bare = pc_reader_read (without_heading, NULL);

  g_assert_cmpstr (pc_report_get_title (report), ==, "某县应急管理局2024年度法治政府建设情况报告");
  g_assert_cmpstr (pc_report_get_doc_number (report), ==, "某应急〔2025〕5号");
  g_assert_cmpstr (pc_report_get_published (report), ==, "2025-03-28");
  g_assert_null (strstr (pc_report_get_text (report), "名"));
  g_assert_cmpstr (pc_report_get_title (bare), ==, "某县应急管理局2024年度法治政府建设情况报告");
  g_assert_false (has_finding (bare, PC_FINDING_MISSING_TITLE, NULL));
}

/* A web page's related-links block after the signature is page chrome: the signature
 * date is still read, and the links are neither sections nor text. */
static void
test_trailing_links (void)
{
  const char *text =
    "某县应急管理局2024年度法治政府建设情况报告\n"
    "2024年，我局主要负责人认真履行推进法治建设第一责任人职责。\n"
    "一、主要举措和成效\n"
    "全年办理行政处罚案件56件。\n"
    "二、存在的不足和原因\n"
    "基层执法力量不足。\n"
    "三、2025年工作安排\n"
    "开展执法案卷评查。\n"
    "某县应急管理局\n"
    "2025年3月5日\n"
    "【 下载 】【 打印 】【 关闭 】\n"
    "关联文章\n"
    "一、某县应急管理局2023年度法治政府建设情况报告\n"
    "（一）关于印发安全生产工作要点的通知\n"
    "关联附件\n"
    "附件1.doc\n"
    "返回 上一篇：二、关于开展执法检查的通知 下一篇：三、2025年防汛工作方案\n";
  g_autoptr(PcReport) report = pc_reader_read (text, NULL);

  g_assert_cmpstr (pc_report_get_signed (report), ==, "2025-03-05");
  g_assert_cmpstr (pc_report_get_agency (report), ==, "某县应急管理局");
  g_assert_false (has_finding (report, PC_FINDING_MISSING_DATE, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), ==, 3);
  g_assert_cmpuint (pc_section_get_n_children (pc_report_find_section (report, "3")), ==, 0);
  g_assert_null (strstr (pc_report_get_text (report), "关联"));
  g_assert_null (strstr (pc_report_get_text (report), "附件1.doc"));
  g_assert_null (strstr (pc_report_get_text (report), "上一篇"));
  g_assert_true (g_str_has_suffix (pc_report_get_text (report), "2025年3月5日"));
}


/* A report with no line breaks at all: headings run inline and end at white space. */
static void
test_inline_headings (void)
{
  g_autoptr(GString) text = g_string_new ("2023年，某县应急管理局坚持依法行政。");
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *top;
  g_autoptr(PcSection) second = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "全面推进严格规范公正文明执法，落实行政执法三项制度。");
  g_string_append (text, " 一、工作开展情况 (一)完善制度。 一是健全机制。二是规范执法。 (二)强化监督。 持续加强监督。"
                         " 二、存在的问题和不足 一是基础薄弱。 三、下一步工作安排 继续推进。");
  report = pc_reader_read (text->str, &error);
  g_assert_no_error (error);
  top = pc_report_get_sections (report);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 3);
  second = g_list_model_get_item (top, 1);
  g_assert_cmpstr (pc_section_get_title (second), ==, "存在的问题和不足");
  g_assert_cmpuint (pc_section_get_n_children (pc_section_get_child (pc_report_find_section (report, "1"), 0)), ==, 0);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1.2")), ==, "强化监督");
  /* the report now reads one paragraph per line, and no range moved */
  g_assert_nonnull (strstr (pc_report_get_text (report), "\n二、存在的问题和不足\n一是基础薄弱。"));
  g_assert_cmpuint (g_utf8_strlen (pc_report_get_text (report), -1), ==, g_utf8_strlen (text->str, -1));
  {
    g_autofree char *heading = pc_report_dup_slice (report, pc_section_get_heading (second));
    g_assert_cmpstr (heading, ==, "二、存在的问题和不足");
  }
  /* 一是 / 二是 are items in a paragraph, not sections */
  g_assert_null (pc_report_find_section (report, "1.3"));
  g_assert_true (has_finding (report, PC_FINDING_MISSING_PART, PC_PART_FIRST_RESPONSIBLE));
  g_assert_false (has_finding (report, PC_FINDING_MISSING_PART, PC_PART_SHORTCOMINGS));
  g_assert_true (has_finding (report, PC_FINDING_MISSING_TITLE, NULL));
  g_assert_true (has_finding (report, PC_FINDING_MISSING_DATE, NULL));
}

static void
test_numbering_and_enumeration (void)
{
  const char *text =
    "某区司法局2023年法治政府建设情况报告\n"
    "2023年，我局主要负责人认真履行推进法治建设第一责任人职责。\n"
    "一、主要举措和成效\n"
    "（一）完善制度体系\n"
    "一是建立清单。二是健全机制。四是强化考核。\n"
    "（三）推进严格执法\n"
    "全年查处案件20宗。\n"
    "1.规范程序。\n"
    "二、存在问题\n"
    "执法力量不足。\n"
    "四、2024年工作计划\n"
    "持续推进。\n"
    "某区司法局\n"
    "2024年4月20日\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pc_report_get_signed (report), ==, "2024-04-20");
  g_assert_true (has_finding (report, PC_FINDING_NUMBERING_GAP, "1.2"));
  g_assert_true (has_finding (report, PC_FINDING_NUMBERING_GAP, "3"));
  g_assert_true (has_finding (report, PC_FINDING_ENUMERATION_GAP, "1.1"));
  g_assert_true (has_finding (report, PC_FINDING_LATE_PUBLICATION, NULL));
  g_assert_false (has_finding (report, PC_FINDING_DATED_BEFORE_PERIOD, NULL));
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_FIRST_RESPONSIBLE)->section, ==, "preamble");
  /* 1. under a subsection is the third level */
  g_assert_nonnull (pc_report_find_section (report, "1.2.1"));
  g_assert_cmpuint (pc_section_get_level (pc_report_find_section (report, "1.2.1")), ==, 3);
  /* the signature is not part of the last section */
  {
    g_autofree char *last = pc_report_dup_slice (report, pc_section_get_range (pc_report_find_section (report, "3")));
    g_assert_null (strstr (last, "司法局"));
  }
}

static void
test_punctuation (void)
{
  g_autoptr(PcReport) balanced = pc_reader_read ("某局2023年报告\n一、工作情况\n落实“谁执法谁普法”责任制，修订《条例》（试行）。\n", NULL);
  g_autoptr(PcReport) unbalanced = pc_reader_read ("某局2023年报告\n一、工作情况\n落实谁执法谁普法”责任制，修订《条例》。\n", NULL);
  g_autoptr(PcReport) item = pc_reader_read ("某局2023年报告\n一、工作情况\n目标有二：1)事故下降；2)死亡率下降。\n", NULL);

  g_assert_false (has_finding (balanced, PC_FINDING_UNBALANCED_PUNCTUATION, NULL));
  g_assert_true (has_finding (unbalanced, PC_FINDING_UNBALANCED_PUNCTUATION, NULL));
  g_assert_false (has_finding (item, PC_FINDING_UNBALANCED_PUNCTUATION, NULL));
}

static void
test_dates (void)
{
  g_autoptr(PcReport) report = pc_reader_read ("某县应急管理局2023年法治政府建设工作报告\n一、工作情况\n略。\n某县应急管理局\n二〇二四年三月五日\n", NULL);

  g_assert_cmpstr (pc_report_get_signed (report), ==, "2024-03-05");
  g_assert_cmpuint (pc_report_get_year (report), ==, 2023);
  g_assert_false (has_finding (report, PC_FINDING_LATE_PUBLICATION, NULL));
  g_assert_false (has_finding (report, PC_FINDING_MISSING_DATE, NULL));
}

/* Dates and document numbers as typists and PDF converters write them. */
static void
test_date_and_number_forms (void)
{
  static const struct { const char *number; const char *date; const char *want_number; const char *want_date; } cases[] = {
    { "某应急〔2025〕5号", "2025 年 3 月 5 日", "某应急〔2025〕5号", "2025-03-05" },
    { "某应急〔2025〕5 号", "二○二五年三月五日", "某应急〔2025〕5号", "2025-03-05" },
    { "某应急﹝2025﹞5号", "二O二五年三月五日", "某应急﹝2025﹞5号", "2025-03-05" },
    { "某应急字〔2025〕第5号", "2025年3月5日", "某应急字〔2025〕第5号", "2025-03-05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("某县应急管理局2024 年度法治政府建设情况报告\n%s\n县人民政府：\n"
                                               "2024 年，我局认真履行职责。\n一、主要举措和成效\n略。\n"
                                               "某县应急管理局\n%s\n", cases[i].number, cases[i].date);
      g_autoptr(PcReport) report = pc_reader_read (text, NULL);

      g_test_message ("%s / %s", cases[i].number, cases[i].date);
      g_assert_cmpstr (pc_report_get_doc_number (report), ==, cases[i].want_number);
      g_assert_cmpstr (pc_report_get_signed (report), ==, cases[i].want_date);
      g_assert_cmpuint (pc_report_get_year (report), ==, 2024);
      g_assert_false (has_finding (report, PC_FINDING_MISSING_DATE, NULL));
    }
}

/* A letterhead title on two lines, the addressee with its colon, a signature on one line. */
static void
test_letterhead (void)
{
  const char *text =
    "某某市城市管理局关于\n"
    "2022年度法治政府建设情况的报告\n"
    "某城管〔2023〕5号\n"
    "市委全面依法治市委员会办公室：\n"
    "2022年，我局主要负责人切实履行推进法治建设第一责任人职责。现将有关情况报告如下：\n"
    "一、主要举措和成效\n"
    "（一）深化行政执法体制改革\n"
    "全年办结案件86件。\n"
    "二、存在的不足和原因\n"
    "执法队伍专业化程度不高。\n"
    "三、2023年工作安排\n"
    "持续推进。\n"
    "某某市城市管理局 2023年3月20日\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pc_report_get_title (report), ==, "某某市城市管理局关于2022年度法治政府建设情况的报告");
  g_assert_cmpstr (pc_report_get_agency (report), ==, "某某市城市管理局");
  g_assert_cmpstr (pc_report_get_doc_number (report), ==, "某城管〔2023〕5号");
  g_assert_cmpstr (pc_report_get_addressee (report), ==, "市委全面依法治市委员会办公室");
  g_assert_cmpstr (pc_report_get_signed (report), ==, "2023-03-20");
  g_assert_cmpuint (pc_report_get_year (report), ==, 2022);
  g_assert_cmpuint (pc_report_get_findings (report)->len, ==, 0);
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_SHORTCOMINGS)->section, ==, "2");
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_NEXT_YEAR)->section, ==, "3");
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_FIRST_RESPONSIBLE)->section, ==, "preamble");
}

/* PDF text carries spaces between Chinese and digits; titles shown to the reviewer drop
 * them, the clean text and the heading range keep the report's own characters. */
static void
test_pdf_spaces (void)
{
  g_autoptr(PcReport) report = pc_reader_read ("某区应急管理局2023 年度法治政府建设情况报告\n"
                                               "一、2023 年法治政府 建设工作总结\n"
                                               "落实 ISO 9001 质量管理要求。\n", NULL);
  PcSection *section = pc_report_find_section (report, "1");
  g_autofree char *heading = pc_report_dup_slice (report, pc_section_get_heading (section));

  g_assert_cmpstr (pc_report_get_title (report), ==, "某区应急管理局2023年度法治政府建设情况报告");
  g_assert_cmpstr (pc_section_get_title (section), ==, "2023年法治政府建设工作总结");
  g_assert_cmpstr (heading, ==, "一、2023 年法治政府 建设工作总结");
  g_assert_nonnull (strstr (pc_report_get_text (report), "ISO 9001"));
}

/* Slices are cut through an index of the text; every range must give the same
 * characters as counting from the start does. */
static void
test_slices (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PcReport) report = NULL;
  glong length;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, i % 3 ? "依法行政" : "ab\xf0\x9f\x98\x80" "c");
  report = pc_report_new (text->str);
  length = g_utf8_strlen (text->str, -1);
  g_assert_cmpuint (pc_report_get_length (report), ==, length);
  for (guint start = 0; start < (guint) length; start += 37)
    for (guint span = 0; span < 600 && start + span <= (guint) length; span += 97)
      {
        g_autofree char *got = pc_report_dup_slice (report, (PcRange) { start, start + span });
        g_autofree char *want = g_utf8_substring (text->str, start, start + span);

        g_assert_cmpstr (got, ==, want);
      }
  /* out of range is clamped */
  {
    g_autofree char *tail = pc_report_dup_slice (report, (PcRange) { length - 2, length + 50 });
    g_autofree char *want = g_utf8_substring (text->str, length - 2, length);
    g_assert_cmpstr (tail, ==, want);
  }
}

/* A part numbered 1. 2. directly under 一、, without （一）: its subsections are in the
 * tree; "1." inside a paragraph stays an item. */
static void
test_arabic_subsections (void)
{
  const char *text =
    "某县司法局2023年法治政府建设年度报告\n"
    "2023年，我局主要负责人履行推进法治建设第一责任人职责。\n"
    "一、主要举措和成效\n"
    "1.完善制度体系。全年制定制度5项。\n"
    "2.规范行政执法。重点有三：1.程序；2.文书。\n"
    "二、存在的问题\n"
    "执法力量不足。\n"
    "三、下一步工作安排\n"
    "持续推进。\n";
  g_autoptr(PcReport) report = pc_reader_read (text, NULL);
  PcSection *part = pc_report_find_section (report, "1");

  g_assert_cmpuint (pc_section_get_n_children (part), ==, 2);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1.1")), ==, "完善制度体系");
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1.2")), ==, "规范行政执法");
  g_assert_cmpuint (pc_section_get_level (pc_report_find_section (report, "1.2")), ==, 3);
  g_assert_null (pc_report_find_section (report, "1.2.1"));
  g_assert_cmpuint (pc_section_get_n_children (pc_report_find_section (report, "2")), ==, 0);
  /* no numbering finding: the only one is that the report gives no date */
  g_assert_cmpuint (pc_report_get_findings (report)->len, ==, 1);
  g_assert_true (has_finding (report, PC_FINDING_MISSING_DATE, NULL));
}

/* A plain report in which one test changes a few lines: a part heading is written
 * @part1 … @part3, the subsections of part one @sub1 … @sub3. */
static PcReport *
read_variant (const char *part1,
              const char *part2,
              const char *part3,
              const char *sub1,
              const char *sub2,
              const char *sub3)
{
  g_autofree char *text = g_strdup_printf (
    "某县应急管理局2024年度法治政府建设情况报告\n"
    "某应急〔2025〕5号\n"
    "县人民政府：\n"
    "2024年，我局主要负责人认真履行推进法治建设第一责任人职责。现将有关情况报告如下：\n"
    "%s2024年推进法治政府建设的主要举措和成效\n"
    "%s加强党对法治政府建设的领导\n"
    "全年组织局党组理论学习中心组学法4次。\n"
    "%s严格规范公正文明执法\n"
    "全年办理行政处罚案件56件，无一被复议撤销。\n"
    "%s推进行政决策科学化民主化法治化\n"
    "严格执行重大行政决策程序。\n"
    "%s存在的不足和原因\n"
    "基层执法力量不足。\n"
    "%s2025年工作安排\n"
    "（一）深入学习贯彻习近平法治思想\n"
    "举办法治培训班2期。\n"
    "（二）提升执法规范化水平\n"
    "开展执法案卷评查。\n"
    "某县应急管理局\n"
    "2025年3月5日\n",
    part1, sub1, sub2, sub3, part2, part3);
  g_autoptr(GError) error = NULL;
  PcReport *report = pc_reader_read (text, &error);

  g_assert_no_error (error);
  return report;
}

static void
assert_three_parts (PcReport *report)
{
  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), ==, 3);
  g_assert_cmpuint (pc_section_get_n_children (pc_report_find_section (report, "1")), ==, 3);
  g_assert_cmpuint (pc_section_get_n_children (pc_report_find_section (report, "3")), ==, 2);
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_SHORTCOMINGS)->section, ==, "2");
  g_assert_cmpstr (pc_report_find_part (report, PC_PART_NEXT_YEAR)->section, ==, "3");
  g_assert_false (has_finding (report, PC_FINDING_MISSING_PART, NULL));
}

/* A repeated or out-of-order number keeps its section and is flagged. */
static void
test_numbering_out_of_order (void)
{
  g_autoptr(PcReport) plain = read_variant ("一、", "二、", "三、", "（一）", "（二）", "（三）");
  g_autoptr(PcReport) dup_part = read_variant ("一、", "二、", "二、", "（一）", "（二）", "（三）");
  g_autoptr(PcReport) swapped = read_variant ("一、", "三、", "二、", "（一）", "（二）", "（三）");
  g_autoptr(PcReport) dup_sub = read_variant ("一、", "二、", "三、", "（一）", "（二）", "（二）");
  g_autoptr(PcReport) order_sub = read_variant ("一、", "二、", "三、", "（一）", "（三）", "（二）");

  assert_three_parts (plain);
  g_assert_cmpuint (pc_report_get_findings (plain)->len, ==, 0);

  assert_three_parts (dup_part);
  g_assert_cmpuint (pc_section_get_number (pc_report_find_section (dup_part, "3")), ==, 2);
  g_assert_true (has_finding (dup_part, PC_FINDING_NUMBERING_GAP, "3"));

  assert_three_parts (swapped);
  g_assert_true (has_finding (swapped, PC_FINDING_NUMBERING_GAP, "2"));
  g_assert_true (has_finding (swapped, PC_FINDING_NUMBERING_GAP, "3"));

  assert_three_parts (dup_sub);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (dup_sub, "1.3")), ==, "推进行政决策科学化民主化法治化");
  g_assert_true (has_finding (dup_sub, PC_FINDING_NUMBERING_GAP, "1.3"));

  assert_three_parts (order_sub);
  g_assert_true (has_finding (order_sub, PC_FINDING_NUMBERING_GAP, "1.2"));
  g_assert_true (has_finding (order_sub, PC_FINDING_NUMBERING_GAP, "1.3"));
}

/* A blank in place of a number: an unnumbered section, flagged, not a gap. */
static void
test_numbering_blank (void)
{
  const char *blanks[] = { "()", "( )", "（　）", "（ ）" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(PcReport) report = read_variant ("一、", "二、", "三、", "（一）", blanks[i], "（三）");

      g_test_message ("blank %s", blanks[i]);
      assert_three_parts (report);
      g_assert_cmpuint (pc_section_get_number (pc_report_find_section (report, "1.2")), ==, 0);
      g_assert_true (has_finding (report, PC_FINDING_NUMBERING_MISSING, "1.2"));
      g_assert_false (has_finding (report, PC_FINDING_NUMBERING_GAP, NULL));
    }
  {
    g_autoptr(PcReport) report = read_variant ("一、", "、", "三、", "（一）", "（二）", "（三）");

    assert_three_parts (report);
    g_assert_cmpuint (pc_section_get_number (pc_report_find_section (report, "2")), ==, 0);
    g_assert_true (has_finding (report, PC_FINDING_NUMBERING_MISSING, "2"));
  }
}

/* Part numbers written 一、 on a line of its own, 一 、, 一．or 一. */
static void
test_part_number_forms (void)
{
  const char *forms[][3] = {
    { "一、\n", "二、\n", "三、\n" },
    { "一 、", "二 、", "三 、" },
    { "一．", "二．", "三．" },
    { "一.", "二.", "三." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(PcReport) report = read_variant (forms[i][0], forms[i][1], forms[i][2], "（一）", "（二）", "（三）");

      g_test_message ("form %s", forms[i][1]);
      assert_three_parts (report);
      g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "2")), ==, "存在的不足和原因");
      g_assert_cmpuint (pc_report_get_findings (report)->len, ==, 0);
    }
}

/* A short report saved on one line, paragraphs apart by spaces: its metadata and
 * sections read as from the text with line breaks, and an inline （一） after a part
 * title without a full stop starts a subsection. */
static void
test_one_line (void)
{
  const char *text =
    "某县应急管理局2024年度法治政府建设情况报告 某应急〔2025〕5号 县人民政府： "
    "2024年，我局主要负责人认真履行推进法治建设第一责任人职责。现将有关情况报告如下： "
    "一、2024年推进法治政府建设的主要举措和成效 （一）加强党对法治政府建设的领导 "
    "全年组织局党组理论学习中心组学法4次。 （二）严格规范公正文明执法 "
    "全年办理行政处罚案件56件，无一被复议撤销。 二、存在的不足和原因 基层执法力量不足。 "
    "三、2025年工作安排 （一）深入学习贯彻习近平法治思想 举办法治培训班2期。 "
    "（二）提升执法规范化水平 开展执法案卷评查。 某县应急管理局 2025年3月5日";
  g_autoptr(PcReport) report = pc_reader_read (text, NULL);

  g_assert_cmpuint (g_utf8_strlen (text, -1), <, 600);
  g_assert_cmpstr (pc_report_get_title (report), ==, "某县应急管理局2024年度法治政府建设情况报告");
  g_assert_cmpstr (pc_report_get_doc_number (report), ==, "某应急〔2025〕5号");
  g_assert_cmpstr (pc_report_get_addressee (report), ==, "县人民政府");
  g_assert_cmpstr (pc_report_get_signed (report), ==, "2025-03-05");
  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), ==, 3);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1")), ==, "2024年推进法治政府建设的主要举措和成效");
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1.1")), ==, "加强党对法治政府建设的领导");
  g_assert_cmpuint (pc_section_get_n_children (pc_report_find_section (report, "3")), ==, 2);
  g_assert_cmpuint (pc_report_get_findings (report)->len, ==, 0);
}

/* A heading with its paragraph on the same line after a space, each sentence on a line of
 * its own: the title ends at the space, and a subheading after the space is a section. */
static void
test_run_on_headings (void)
{
  const char *text =
    "2024年，某县应急管理局坚持依法行政，现将有关情况报告如下。\n"
    "一、加强法治政府建设的组织领导 局主要负责人深入学习贯彻习近平法治思想，统筹推进法治政府建设。\n"
    "二、主要负责人履行推进法治建设第一责任人职责情况 一是加强组织部署。二是带头学法。\n"
    "三、推进法治政府建设的主要举措和成效 （一）依法全面履行政府职能。\n"
    "全面落实权责清单制度。\n"
    "（二）强化执法监督 压实工作责任。\n"
    "全年开展执法案卷评查2次。\n"
    "四、存在的不足和原因 基层执法力量不足，执法人员专业知识有待提高。\n"
    "五、2025年工作安排 继续推进法治政府建设。\n";
  g_autoptr(PcReport) report = pc_reader_read (text, NULL);
  PcSection *third = pc_report_find_section (report, "3");

  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), ==, 5);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "1")), ==, "加强法治政府建设的组织领导");
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "2")), ==,
                   "主要负责人履行推进法治建设第一责任人职责情况");
  g_assert_cmpstr (pc_section_get_title (third), ==, "推进法治政府建设的主要举措和成效");
  g_assert_cmpuint (pc_section_get_n_children (third), ==, 2);
  g_assert_cmpuint (pc_section_get_number (pc_report_find_section (report, "3.1")), ==, 1);
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "3.1")), ==, "依法全面履行政府职能");
  /* a title's second phrase, alone on its line with its full stop, stays in the title */
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "3.2")), ==, "强化执法监督压实工作责任");
  g_assert_cmpstr (pc_section_get_title (pc_report_find_section (report, "4")), ==, "存在的不足和原因");
  g_assert_false (has_finding (report, PC_FINDING_NUMBERING_GAP, NULL));
}

/* A report that starts with its addressee, with no title above it; a letterhead line
 * before the addressee is not taken for it. */
static void
test_addressee_without_title (void)
{
  const char *body =
    "2024年，我局认真履行推进法治建设第一责任人职责。现将有关情况报告如下：\n"
    "一、2024年推进法治政府建设的主要举措和成效\n全年办理行政处罚案件56件。\n"
    "某县应急管理局\n2025年3月5日\n";
  g_autofree char *bare = g_strconcat ("县人民政府：\n", body, NULL);
  g_autofree char *numbered = g_strconcat ("某县应急管理局办公室\n某应急〔2025〕5号\n县人民政府：\n", body, NULL);
  g_autoptr(PcReport) first = pc_reader_read (bare, NULL);
  g_autoptr(PcReport) second = pc_reader_read (numbered, NULL);

  g_assert_null (pc_report_get_title (first));
  g_assert_cmpstr (pc_report_get_addressee (first), ==, "县人民政府");
  g_assert_null (pc_report_get_title (second));
  g_assert_cmpstr (pc_report_get_doc_number (second), ==, "某应急〔2025〕5号");
  g_assert_cmpstr (pc_report_get_addressee (second), ==, "县人民政府");
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read ("首页 > 政务公开\n\n  \n返回\n", &error);

  g_assert_null (report);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reader/corpus/%s", corpus_names[i]);
      g_test_add_data_func (path, corpus_names[i], test_corpus_report);
    }
  g_test_add_func ("/reader/chrome", test_chrome);
  g_test_add_func ("/reader/trailing-links", test_trailing_links);
  g_test_add_func ("/reader/index-table", test_index_table);
  g_test_add_func ("/reader/inline-headings", test_inline_headings);
  g_test_add_func ("/reader/numbering-and-enumeration", test_numbering_and_enumeration);
  g_test_add_func ("/reader/punctuation", test_punctuation);
  g_test_add_func ("/reader/dates", test_dates);
  g_test_add_func ("/reader/date-and-number-forms", test_date_and_number_forms);
  g_test_add_func ("/reader/letterhead", test_letterhead);
  g_test_add_func ("/reader/pdf-spaces", test_pdf_spaces);
  g_test_add_func ("/reader/slices", test_slices);
  g_test_add_func ("/reader/arabic-subsections", test_arabic_subsections);
  g_test_add_func ("/reader/empty", test_empty);
  g_test_add_func ("/reader/one-line", test_one_line);
  g_test_add_func ("/reader/run-on-headings", test_run_on_headings);
  g_test_add_func ("/reader/addressee-without-title", test_addressee_without_title);
  g_test_add_func ("/reader/numbering-out-of-order", test_numbering_out_of_order);
  g_test_add_func ("/reader/numbering-blank", test_numbering_blank);
  g_test_add_func ("/reader/part-number-forms", test_part_number_forms);
  return g_test_run ();
}

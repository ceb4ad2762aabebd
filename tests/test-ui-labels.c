/* test-ui-labels.c — what the window shows, computed without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-labels"

#include "config.h"

#include <locale.h>

#include "pc-labels.h"

static PcSection *
make_section (guint          level,
              guint          number,
              const char    *label,
              const char    *title,
              PcRange        heading,
              PcSectionFlags flags)
{
  PcSection *section = pc_section_new (level, number, label, title);

  pc_section_set_heading (section, heading);
  pc_section_set_range (section, (PcRange) { heading.start, heading.end + 10 });
  pc_section_set_flags (section, flags);
  return section;
}

static PcReport *
make_report (void)
{
  PcReport *report = pc_report_new ("标题\n一、2023年工作开展情况\n（一）积极推动。\n（）加强学习。\n二、存在的不足\n");
  g_autoptr(PcSection) one = make_section (1, 1, "一、", "2023年工作开展情况",
                                           (PcRange) { 3, 15 }, PC_SECTION_FLAG_NONE);
  g_autoptr(PcSection) one_one = make_section (2, 1, "（一）", "积极推动。",
                                               (PcRange) { 16, 24 }, PC_SECTION_FLAG_NONE);
  g_autoptr(PcSection) one_two = make_section (2, 0, "（）", "加强学习。",
                                               (PcRange) { 25, 32 }, PC_SECTION_FLAG_NUMBER_MISSING);
  g_autoptr(PcSection) two = make_section (1, 2, "二、", "存在的不足",
                                           (PcRange) { 33, 40 }, PC_SECTION_FLAG_NONE);

  pc_section_append_child (one, one_one);
  pc_section_append_child (one, one_two);
  pc_report_append_section (report, one);
  pc_report_append_section (report, two);
  return report;
}

static void
test_labels_report_title (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autofree char *unnamed = NULL;
  g_autofree char *named = NULL;

  unnamed = pc_labels_report_title (report);
  g_assert_nonnull (unnamed);

  pc_report_set_agency (report, "漳州市应急管理局");
  pc_report_set_year (report, 2023);
  named = pc_labels_report_title (report);
  g_assert_cmpstr (named, ==, "漳州市应急管理局 2023");
}

/* The library shows the year in a label of its own, which is never cut off. */
static void
test_labels_report_name_year (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autofree char *display = pc_report_dup_display_name (report);
  g_autofree char *bare_name = NULL;
  g_autofree char *bare_year = NULL;
  g_autofree char *titled_name = NULL;
  g_autofree char *titled_year = NULL;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;

  bare_name = pc_labels_report_name (report);
  bare_year = pc_labels_report_year (report);
  g_assert_cmpstr (bare_name, ==, display);
  g_assert_cmpstr (bare_year, ==, "");

  /* A year without an agency: the title is the name, the year still beside it. */
  pc_report_set_title (report, "某局法治政府建设年度报告");
  pc_report_set_year (report, 2024);
  titled_name = pc_labels_report_name (report);
  titled_year = pc_labels_report_year (report);
  g_assert_cmpstr (titled_name, ==, "某局法治政府建设年度报告");
  g_assert_cmpstr (titled_year, ==, "2024");

  pc_report_set_agency (report, "深圳市坪山区应急管理局");
  name = pc_labels_report_name (report);
  year = pc_labels_report_year (report);
  g_assert_cmpstr (name, ==, "深圳市坪山区应急管理局");
  g_assert_cmpstr (year, ==, "2024");
}

static void
test_labels_report_subtitle (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autofree char *full = NULL;
  g_autofree char *date_only = NULL;
  g_autofree char *nothing = NULL;

  nothing = pc_labels_report_subtitle (report);
  g_assert_cmpstr (nothing, ==, "No title or date found");

  pc_report_set_agency (report, "漳州市应急管理局");
  pc_report_set_year (report, 2023);
  pc_report_set_published (report, "2023-12-28");
  date_only = pc_labels_report_subtitle (report);
  g_assert_cmpstr (date_only, ==, "Dec 28, 2023");

  pc_report_set_title (report, "漳州市应急管理局关于2023年度法治政府建设情况的工作报告");
  full = pc_labels_report_subtitle (report);
  g_assert_cmpstr (full, ==, "Dec 28, 2023 · 漳州市应急管理局关于2023年度法治政府建设情况的工作报告");
}

static void
test_labels_report_subtitle_no_repeat (void)
{
  g_autoptr(PcReport) report = pc_report_new ("正文");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Without agency and year the title is the name; the subtitle must not repeat it. */
  pc_report_set_title (report, "某局2024年法治政府建设年度报告");
  pc_report_set_signed (report, "2025-01-15");
  title = pc_labels_report_title (report);
  subtitle = pc_labels_report_subtitle (report);
  g_assert_cmpstr (title, ==, "某局2024年法治政府建设年度报告");
  g_assert_cmpstr (subtitle, ==, "Jan 15, 2025");
}

static void
test_labels_format_date (void)
{
  g_autofree char *ok = pc_labels_format_date ("2024-03-01");

  g_assert_cmpstr (ok, ==, "Mar 1, 2024");
  g_assert_null (pc_labels_format_date (NULL));
  g_assert_null (pc_labels_format_date ("2023年12月"));
  g_assert_null (pc_labels_format_date ("2023-02-30"));
}

static void
test_labels_report_sections (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autoptr(PcReport) empty = pc_report_new ("");
  g_autoptr(PcSection) three = pc_section_new (1, 3, "三、", "下一步");
  g_autofree char *two = pc_labels_report_sections (report);
  g_autofree char *none = pc_labels_report_sections (empty);
  g_autofree char *one = NULL;

  g_assert_cmpstr (two, ==, "2 parts");
  g_assert_cmpstr (none, ==, "No parts");
  pc_report_append_section (empty, three);
  one = pc_labels_report_sections (empty);
  g_assert_cmpstr (one, ==, "1 part");
}

static void
test_labels_section_row (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autoptr(PcSection) one = g_list_model_get_item (pc_report_get_sections (report), 0);
  PcSection *numbered = pc_section_get_child (one, 0);
  PcSection *missing = pc_section_get_child (one, 1);
  g_autoptr(PcSection) bare = pc_section_new (2, 0, NULL, NULL);
  g_autofree char *top = pc_labels_section_text (one);
  g_autofree char *child = pc_labels_section_text (numbered);
  g_autofree char *marked = pc_labels_section_text (missing);
  g_autofree char *tip = pc_labels_section_tooltip (missing);
  g_autofree char *untitled = pc_labels_section_text (bare);
  g_autofree char *inline_tip = NULL;

  g_assert_cmpstr (top, ==, "一、2023年工作开展情况");
  g_assert_cmpstr (child, ==, "（一）积极推动。");
  g_assert_cmpstr (marked, ==, "（）加强学习。");
  g_assert_cmpstr (untitled, ==, "Untitled part");

  g_assert_false (pc_labels_section_is_marked (one));
  g_assert_null (pc_labels_section_tooltip (one));
  g_assert_true (pc_labels_section_is_marked (missing));
  g_assert_cmpstr (tip, ==, "The number of this part is missing");

  pc_section_set_flags (missing, PC_SECTION_FLAG_NUMBER_MISSING | PC_SECTION_FLAG_INLINE);
  inline_tip = pc_labels_section_tooltip (missing);
  g_assert_cmpstr (inline_tip, ==,
                   "The number of this part is missing\nThis heading runs on inside a paragraph");
}

static void
test_labels_heading_spans (void)
{
  g_autoptr(PcReport) report = make_report ();
  g_autoptr(GArray) spans = pc_labels_heading_spans (report);
  static const guint starts[] = { 3, 16, 25, 33 };
  static const guint levels[] = { 1, 2, 2, 1 };

  g_assert_cmpuint (spans->len, ==, 4);
  for (guint i = 0; i < spans->len; i++)
    {
      const PcHeadingSpan *span = &g_array_index (spans, PcHeadingSpan, i);

      g_assert_cmpuint (span->range.start, ==, starts[i]);
      g_assert_cmpuint (span->level, ==, levels[i]);
      g_assert_true (PC_IS_SECTION (span->section));
      g_assert_cmpint (span->number_missing, ==, i == 2);
    }
}

static void
test_labels_heading_spans_skip_empty (void)
{
  g_autoptr(PcReport) report = pc_report_new ("一、概况\n");
  g_autoptr(PcSection) section = pc_section_new (1, 1, "一、", "概况");
  g_autoptr(GArray) spans = NULL;

  pc_report_append_section (report, section);
  spans = pc_labels_heading_spans (report);
  g_assert_cmpuint (spans->len, ==, 0);
}

static void
test_labels_project (void)
{
  g_autofree char *plain = pc_labels_project_name ("/home/a/评查 2024.db", NULL);
  g_autofree char *samples = pc_labels_project_name ("/d/pingcha/samples.db", "/d/pingcha/samples.db");
  g_autofree char *dotless = pc_labels_project_name ("/home/a/project", "/d/pingcha/samples.db");
  g_autofree char *hidden = pc_labels_project_name ("/home/a/.db", NULL);
  g_autofree char *none = pc_labels_project_subtitle (0);
  g_autofree char *one = pc_labels_project_subtitle (1);
  g_autofree char *five = pc_labels_project_subtitle (5);

  g_assert_cmpstr (plain, ==, "评查 2024");
  g_assert_cmpstr (samples, ==, "Sample Reports");
  g_assert_cmpstr (dotless, ==, "project");
  g_assert_cmpstr (hidden, ==, ".db");
  g_assert_cmpstr (none, ==, "No reports");
  g_assert_cmpstr (one, ==, "1 report");
  g_assert_cmpstr (five, ==, "5 reports");
}

static void
test_labels_compare (void)
{
  PcCompareRow item = { PC_COMPARE_ROW_ITEM, 3, (char *) "3 总体目标",
                        { PC_RATING_ABSENT, PC_RATING_PARTIAL }, { 0, 0.857 }, { 1.714, 1.714 } };
  PcCompareRow same_points = { PC_COMPARE_ROW_ITEM, 4, (char *) "4",
                               { PC_RATING_ABSENT, PC_RATING_PARTIAL }, { 0, 0 }, { 0, 0 } };
  PcCompareRow na = { PC_COMPARE_ROW_ITEM, 22, (char *) "22",
                      { PC_RATING_FULL, PC_RATING_NOT_APPLICABLE }, { 1.5, 0 }, { 1.5, 0 } };
  PcCompareRow part = { PC_COMPARE_ROW_CHAPTER, 5, (char *) "五、", { 0 }, { 12.25, 8 }, { 20, 20 } };
  PcComparison cmp = { NULL, { 38.84, 41.6 }, { (char *) "不合格", (char *) "合格" }, 3, 1 };
  g_autofree char *cell = pc_labels_compare_cell (&item, 1);
  g_autofree char *na_cell = pc_labels_compare_cell (&na, 1);
  g_autofree char *part_cell = pc_labels_compare_cell (&part, 0);
  g_autofree char *up = pc_labels_compare_change (&item);
  g_autofree char *arrow = pc_labels_compare_change (&same_points);
  g_autofree char *none = pc_labels_compare_change (&na);
  g_autofree char *down = pc_labels_compare_change (&part);
  g_autofree char *summary = pc_labels_compare_summary (&cmp);

  /* The same words as the checklist panel's rating buttons. */
  g_assert_cmpstr (cell, ==, "Partial · 0.9");
  g_assert_cmpstr (na_cell, ==, "N/A");
  g_assert_cmpstr (part_cell, ==, "12.2 / 20.0");
  g_assert_cmpstr (up, ==, "+0.9");
  g_assert_cmpstr (arrow, ==, "↑");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (down, ==, "−4.2");
  g_assert_cmpstr (summary, ==, "Total 38.8 → 41.6 (+2.8) · 不合格 → 合格 · 3 items better, 1 item worse");

  /* The difference is of the totals as shown: 40.8 − 22.9 is 17.9, not 18.0. */
  {
    PcComparison rounded = { NULL, { 22.88, 40.84 }, { (char *) "不合格", (char *) "不合格" }, 1, 0 };
    g_autofree char *line = pc_labels_compare_summary (&rounded);

    g_assert_nonnull (strstr (line, "22.9 → 40.8 (+17.9)"));
  }
}

static PcReport *
report_of (const char *agency,
           guint       year)
{
  PcReport *report = pc_report_new ("正文");

  pc_report_set_agency (report, agency);
  pc_report_set_year (report, year);
  return report;
}

/* The comparison says when it is not last year's report of the same agency. */
static void
test_labels_compare_note (void)
{
  g_autoptr(PcReport) pudong_2022 = report_of ("浦东新区应急管理局", 2022);
  g_autoptr(PcReport) pudong_2023 = report_of ("上海市浦东新区应急管理局", 2023);
  g_autoptr(PcReport) kaiping_2025 = report_of ("开平市应急管理局", 2025);
  g_autofree char *none = pc_labels_compare_note (pudong_2022, pudong_2023);
  g_autofree char *later = pc_labels_compare_note (pudong_2023, pudong_2022);
  g_autofree char *peers = pc_labels_compare_note (kaiping_2025, pudong_2023);

  g_assert_null (none);
  g_assert_nonnull (strstr (later, "earlier year"));
  g_assert_nonnull (strstr (peers, "different agencies"));
}

static void
test_labels_phrases (void)
{
  const char *phrases[] = { "四个意识", "职能科学、权责法定、执法严明", "职能科学权责法定执法严明",
                            "两个维护", "四个意识", NULL };
  g_autofree char *text = pc_labels_phrases (phrases);
  g_autofree char *none = pc_labels_phrases (NULL);

  g_assert_cmpstr (text, ==, "四个意识、职能科学、权责法定、执法严明、两个维护");
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/labels/report-title", test_labels_report_title);
  g_test_add_func ("/ui/labels/report-name-year", test_labels_report_name_year);
  g_test_add_func ("/ui/labels/compare", test_labels_compare);
  g_test_add_func ("/ui/labels/report-subtitle", test_labels_report_subtitle);
  g_test_add_func ("/ui/labels/report-subtitle-no-repeat", test_labels_report_subtitle_no_repeat);
  g_test_add_func ("/ui/labels/format-date", test_labels_format_date);
  g_test_add_func ("/ui/labels/report-sections", test_labels_report_sections);
  g_test_add_func ("/ui/labels/section-row", test_labels_section_row);
  g_test_add_func ("/ui/labels/heading-spans", test_labels_heading_spans);
  g_test_add_func ("/ui/labels/heading-spans-skip-empty", test_labels_heading_spans_skip_empty);
  g_test_add_func ("/ui/labels/project", test_labels_project);
  g_test_add_func ("/ui/labels/compare-note", test_labels_compare_note);
  g_test_add_func ("/ui/labels/phrases", test_labels_phrases);

  return g_test_run ();
}

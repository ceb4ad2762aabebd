/* test-scoring.c — the arithmetic of ratings, weights, N/A rescaling, form points and grades,
 * on small made-up checklists.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pc-compare.h"
#include "pc-finding.h"
#include "pc-scoring.h"

/* Two blocks: A (60 points: items 1, 2, 3 with weights 1, 1, 2) and B (30 points: item 4);
 * form 10 points. */
static const char small_json[] =
  "{\"format\": \"pingcha-checklist\", \"format_version\": 1, \"id\": \"small\", \"version\": \"1\","
  " \"title\": \"Small\","
  " \"chapters\": [{\"number\": 1, \"label\": \"一\", \"title\": \"c\"}],"
  " \"blocks\": [{\"id\": \"a\", \"points\": 60}, {\"id\": \"b\", \"points\": 30}],"
  " \"items\": ["
  "  {\"code\": 1, \"chapter\": 1, \"block\": \"a\", \"title\": \"one\", \"weight\": 1, \"phrases\": [\"甲甲\"]},"
  "  {\"code\": 2, \"chapter\": 1, \"block\": \"a\", \"title\": \"two\", \"weight\": 1, \"phrases\": [\"乙乙\"]},"
  "  {\"code\": 3, \"chapter\": 1, \"block\": \"a\", \"title\": \"three\", \"weight\": 2, \"phrases\": [\"丙丙\"]},"
  "  {\"code\": 4, \"chapter\": 1, \"block\": \"b\", \"title\": \"four\", \"weight\": 1, \"phrases\": [\"丁丁\"]}],"
  " \"form\": {\"max_points\": 10, \"deductions\": [{\"code\": \"missing-part\", \"points\": 3},"
  "   {\"code\": \"late-publication\", \"points\": 2}]},"
  " \"grades\": [{\"name\": \"A\", \"min\": 90}, {\"name\": \"B\", \"min\": 80},"
  "   {\"name\": \"C\", \"min\": 60}, {\"name\": \"D\", \"min\": 0}]}";

static PcChecklist *
small_checklist (void)
{
  g_autoptr(GError) error = NULL;
  PcChecklist *checklist = pc_checklist_new_from_data (small_json, -1, &error);

  g_assert_no_error (error);
  return checklist;
}

static void
test_all_full (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating r[] = { PC_RATING_FULL, PC_RATING_FULL, PC_RATING_FULL, PC_RATING_FULL };
  g_autoptr(PcScore) s = pc_scoring_compute (c, r, G_N_ELEMENTS (r), 10);

  g_assert_cmpfloat_with_epsilon (s->items[0].max_points, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->items[2].max_points, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->items[3].max_points, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->total, 100, 1e-9);
  g_assert_cmpstr (s->grade, ==, "A");
}

static void
test_partial_and_absent (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating r[] = { PC_RATING_PARTIAL, PC_RATING_ABSENT, PC_RATING_FULL, PC_RATING_PARTIAL };
  g_autoptr(PcScore) s = pc_scoring_compute (c, r, G_N_ELEMENTS (r), 7);

  /* 7.5 + 0 + 30 + 15 + 7 */
  g_assert_cmpfloat_with_epsilon (s->items_points, 52.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->total, 59.5, 1e-9);
  g_assert_cmpstr (s->grade, ==, "D");
}

static void
test_not_applicable_rescales (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating r[] = { PC_RATING_NOT_APPLICABLE, PC_RATING_FULL, PC_RATING_PARTIAL, PC_RATING_FULL };
  g_autoptr(PcScore) s = pc_scoring_compute (c, r, G_N_ELEMENTS (r), 10);

  /* Block A keeps 60 points over items 2 and 3 (weights 1 : 2). */
  g_assert_cmpfloat (s->items[0].max_points, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->items[1].max_points, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->items[2].max_points, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->items_max, 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->total, 20 + 20 + 30 + 10, 1e-9);
}

static void
test_whole_block_not_applicable (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating r[] = { PC_RATING_FULL, PC_RATING_FULL, PC_RATING_ABSENT, PC_RATING_NOT_APPLICABLE };
  g_autoptr(PcScore) s = pc_scoring_compute (c, r, G_N_ELEMENTS (r), 10);

  /* 30 + 10 of 70 possible, rescaled to 100. */
  g_assert_cmpfloat_with_epsilon (s->items_max, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->total, 100.0 * 40 / 70, 1e-9);
}

static void
test_overrides (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating proposed[] = { PC_RATING_ABSENT, PC_RATING_PARTIAL, PC_RATING_FULL, PC_RATING_FULL };
  PcRating overrides[] = { PC_RATING_FULL, PC_RATING_UNSET, PC_RATING_NOT_APPLICABLE, PC_RATING_UNSET };
  PcRating effective[4];
  g_autoptr(PcScore) s = NULL;

  for (guint i = 0; i < 4; i++)
    effective[i] = pc_rating_resolve (proposed[i], overrides[i]);
  g_assert_cmpint (effective[0], ==, PC_RATING_FULL);
  g_assert_cmpint (effective[1], ==, PC_RATING_PARTIAL);
  g_assert_cmpint (effective[2], ==, PC_RATING_NOT_APPLICABLE);
  s = pc_scoring_compute (c, effective, 4, 10);
  /* Block A over items 1 and 2 only: 30 + 15, block B 30, form 10. */
  g_assert_cmpfloat_with_epsilon (s->total, 85, 1e-9);
  g_assert_cmpstr (s->grade, ==, "B");
  /* Unset ratings count as absent. */
  g_clear_pointer (&s, pc_score_free);
  s = pc_scoring_compute (c, overrides, 2, 0);
  g_assert_cmpint (s->items[1].rating, ==, PC_RATING_ABSENT);
  g_assert_cmpint (s->items[3].rating, ==, PC_RATING_ABSENT);
}

static void
test_weight_edits (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating r[] = { PC_RATING_FULL, PC_RATING_ABSENT, PC_RATING_ABSENT, PC_RATING_ABSENT };
  g_autoptr(PcScore) before = pc_scoring_compute (c, r, 4, 0);
  g_autoptr(PcScore) after = NULL;

  g_assert_cmpfloat_with_epsilon (before->items[0].points, 15, 1e-9);
  g_assert_true (pc_checklist_set_item_weight (c, 1, 2));
  after = pc_scoring_compute (c, r, 4, 0);
  /* Weights 2 : 1 : 2 share block A's 60 points. */
  g_assert_cmpfloat_with_epsilon (after->items[0].points, 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (after->items[2].max_points, 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (pc_checklist_get_item_max_points (c, 2), 12, 1e-9);
  g_assert_true (pc_checklist_set_block_points (c, "b", 40));
  g_clear_pointer (&after, pc_score_free);
  after = pc_scoring_compute (c, r, 4, 0);
  /* 24 of 60 + 40 + 10 possible. */
  g_assert_cmpfloat_with_epsilon (after->total, 100.0 * 24 / 110, 1e-9);
}

static void
test_grades (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();

  g_assert_cmpstr (pc_checklist_grade_for (c, 100), ==, "A");
  g_assert_cmpstr (pc_checklist_grade_for (c, 90), ==, "A");
  g_assert_cmpstr (pc_checklist_grade_for (c, 89.99), ==, "B");
  g_assert_cmpstr (pc_checklist_grade_for (c, 60), ==, "C");
  g_assert_cmpstr (pc_checklist_grade_for (c, 0), ==, "D");
  g_assert_true (pc_checklist_set_grade_min (c, "A", 85));
  g_assert_cmpstr (pc_checklist_grade_for (c, 86), ==, "A");
  g_assert_true (pc_checklist_set_grade_min (c, "C", 95));  /* out of order: bands re-sort */
  g_assert_cmpstr (pc_checklist_grade_for (c, 96), ==, "C");
  g_assert_false (pc_checklist_set_grade_min (c, "Z", 1));
}

/* Whatever order the bands end up in, a total gets the band with the highest minimum it
 * reaches, and one below every band gets the lowest band, never the highest. */
static void
test_grades_any_order (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();

  g_assert_true (pc_checklist_set_grade_min (c, "A", 60));
  g_assert_true (pc_checklist_set_grade_min (c, "C", 90));
  g_assert_true (pc_checklist_set_grade_min (c, "D", 20));
  g_assert_cmpstr (pc_checklist_grade_for (c, 95), ==, "C");
  g_assert_cmpstr (pc_checklist_grade_for (c, 85), ==, "B");
  g_assert_cmpstr (pc_checklist_grade_for (c, 65), ==, "A");
  g_assert_cmpstr (pc_checklist_grade_for (c, 30), ==, "D");
  g_assert_cmpstr (pc_checklist_grade_for (c, 10), ==, "D");
}

static void
test_form_points (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_finding_unref);
  PcRange none = { 0, 0 };

  g_assert_cmpfloat (pc_scoring_form_points (c, findings), ==, 10);
  g_ptr_array_add (findings, pc_finding_new ("missing-part", "shortcomings", NULL, NULL, none));
  g_ptr_array_add (findings, pc_finding_new ("late-publication", NULL, NULL, NULL, none));
  g_ptr_array_add (findings, pc_finding_new ("not-in-table", NULL, NULL, NULL, none));
  g_assert_cmpfloat (pc_scoring_form_points (c, findings), ==, 5);
  g_ptr_array_add (findings, pc_finding_new ("missing-part", "next_year", NULL, NULL, none));
  g_ptr_array_add (findings, pc_finding_new ("missing-part", "measures", NULL, NULL, none));
  g_assert_cmpfloat (pc_scoring_form_points (c, findings), ==, 0);  /* never below zero */
}

static void
test_propose (void)
{
  g_assert_cmpint (pc_scoring_propose (FALSE, TRUE, 0.9, 0.9), ==, PC_RATING_NOT_APPLICABLE);
  g_assert_cmpint (pc_scoring_propose (TRUE, FALSE, 0.4, 0.9), ==, PC_RATING_ABSENT);
  g_assert_cmpint (pc_scoring_propose (TRUE, TRUE, 0.9, 0.9), ==, PC_RATING_FULL);
  g_assert_cmpint (pc_scoring_propose (TRUE, TRUE, 0.9, 0.1), ==, PC_RATING_PARTIAL);
  g_assert_cmpint (pc_scoring_propose (TRUE, TRUE, 0.55, 0.9), ==, PC_RATING_PARTIAL);
  for (PcRating r = PC_RATING_FULL; r <= PC_RATING_NOT_APPLICABLE; r++)
    g_assert_cmpint (pc_rating_from_string (pc_rating_to_string (r)), ==, r);
  g_assert_cmpint (pc_rating_from_string ("bogus"), ==, PC_RATING_UNSET);
}

/* Last year against this year: item 1 gained, item 3 fell from full to partial, item 2
 * stayed absent but is N/A this year (no change, though the points moved), the form lost
 * a deduction's worth. */
static void
test_compare (void)
{
  g_autoptr(PcChecklist) c = small_checklist ();
  PcRating before[] = { PC_RATING_ABSENT, PC_RATING_ABSENT, PC_RATING_FULL, PC_RATING_PARTIAL };
  PcRating after[] = { PC_RATING_FULL, PC_RATING_NOT_APPLICABLE, PC_RATING_PARTIAL, PC_RATING_PARTIAL };
  g_autoptr(PcScore) first = pc_scoring_compute (c, before, G_N_ELEMENTS (before), 10);
  g_autoptr(PcScore) second = pc_scoring_compute (c, after, G_N_ELEMENTS (after), 8);
  g_autoptr(PcComparison) cmp = pc_comparison_new (c, first, second);
  const PcCompareRow *chapter, *form;
  double sum[2] = { 0, 0 };

  /* One chapter, its four items, the form. */
  g_assert_cmpuint (cmp->rows->len, ==, 6);
  chapter = &g_array_index (cmp->rows, PcCompareRow, 0);
  g_assert_cmpint (chapter->kind, ==, PC_COMPARE_ROW_CHAPTER);
  g_assert_cmpstr (chapter->label, ==, "一、c");
  for (guint i = 1; i <= 4; i++)
    {
      const PcCompareRow *row = &g_array_index (cmp->rows, PcCompareRow, i);

      g_assert_cmpint (row->kind, ==, PC_COMPARE_ROW_ITEM);
      g_assert_cmpuint (row->code, ==, i);
      g_assert_cmpint (row->rating[0], ==, before[i - 1]);
      g_assert_cmpint (row->rating[1], ==, after[i - 1]);
      sum[0] += row->points[0];
      sum[1] += row->points[1];
    }
  g_assert_cmpfloat_with_epsilon (chapter->points[0], sum[0], 1e-9);
  g_assert_cmpfloat_with_epsilon (chapter->points[1], sum[1], 1e-9);

  g_assert_cmpint (pc_compare_row_change (&g_array_index (cmp->rows, PcCompareRow, 1)), ==, PC_COMPARE_BETTER);
  g_assert_cmpint (pc_compare_row_change (&g_array_index (cmp->rows, PcCompareRow, 2)), ==, PC_COMPARE_SAME);
  g_assert_cmpint (pc_compare_row_change (&g_array_index (cmp->rows, PcCompareRow, 3)), ==, PC_COMPARE_WORSE);
  g_assert_cmpuint (cmp->n_better, ==, 1);
  g_assert_cmpuint (cmp->n_worse, ==, 1);

  form = &g_array_index (cmp->rows, PcCompareRow, 5);
  g_assert_cmpint (form->kind, ==, PC_COMPARE_ROW_FORM);
  g_assert_cmpfloat_with_epsilon (form->points[0], 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (form->points[1], 8, 1e-9);
  g_assert_cmpint (pc_compare_row_change (form), ==, PC_COMPARE_WORSE);
  g_assert_cmpfloat_with_epsilon (cmp->total[0], first->total, 1e-9);
  g_assert_cmpfloat_with_epsilon (cmp->total[1], second->total, 1e-9);
  g_assert_cmpstr (cmp->grade[1], ==, second->grade);
}

static PcReport *
report_of (gint64      id,
           const char *agency,
           guint       year)
{
  PcReport *report = pc_report_new ("正文");

  pc_report_set_id (report, id);
  pc_report_set_agency (report, agency);
  pc_report_set_year (report, year);
  return report;
}

/* Last year's report of the same agency first, whether or not the city is in its name;
 * then a later year's; then any other report. */
static void
test_compare_counterpart (void)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcReport) alone = report_of (9, "某局", 2024);
  g_autoptr(GPtrArray) just_one = g_ptr_array_new ();
  PcReport *current;

  g_ptr_array_add (reports, report_of (1, "漳州市应急管理局", 2023));
  g_ptr_array_add (reports, report_of (2, "上海市浦东新区应急管理局", 2021));
  g_ptr_array_add (reports, report_of (3, "浦东新区应急管理局", 2023));
  g_ptr_array_add (reports, report_of (4, "浦东新区应急管理局", 2022));
  g_ptr_array_add (reports, report_of (5, "浦东新区应急管理局", 2025));
  current = g_ptr_array_index (reports, 2);

  g_assert_cmpint (pc_compare_pick_counterpart (reports, current), ==, 3);
  g_ptr_array_remove_index (reports, 3);
  g_assert_cmpint (pc_compare_pick_counterpart (reports, current), ==, 1);
  g_ptr_array_remove_index (reports, 1);
  /* Only a later year of the same agency. */
  g_assert_cmpint (pc_compare_pick_counterpart (reports, g_ptr_array_index (reports, 1)), ==, 2);
  /* Another agency only: a peer of the same year, else the latest earlier year, never a
   * later one while an earlier one exists. */
  g_assert_cmpint (pc_compare_pick_counterpart (reports, alone), ==, 0);
  {
    g_autoptr(PcReport) later = report_of (10, "开平市应急管理局", 2025);
    g_autoptr(GPtrArray) others = g_ptr_array_new ();
    g_autoptr(PcReport) peer = report_of (11, "坪山区应急管理局", 2024);

    g_ptr_array_add (others, later);
    g_ptr_array_add (others, g_ptr_array_index (reports, 0));
    g_ptr_array_add (others, g_ptr_array_index (reports, 1));
    g_assert_cmpint (pc_compare_pick_counterpart (others, alone), ==, 1);
    g_ptr_array_add (others, peer);
    g_assert_cmpint (pc_compare_pick_counterpart (others, alone), ==, 3);
    g_ptr_array_set_size (others, 1);
    g_assert_cmpint (pc_compare_pick_counterpart (others, alone), ==, 0);
    g_assert_false (pc_compare_same_agency (later, alone));
    g_assert_true (pc_compare_same_agency (g_ptr_array_index (reports, 1), g_ptr_array_index (reports, 2)));
  }
  g_ptr_array_add (just_one, alone);
  g_assert_cmpint (pc_compare_pick_counterpart (just_one, alone), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/all-full", test_all_full);
  g_test_add_func ("/scoring/partial-and-absent", test_partial_and_absent);
  g_test_add_func ("/scoring/not-applicable/rescales-block", test_not_applicable_rescales);
  g_test_add_func ("/scoring/not-applicable/whole-block", test_whole_block_not_applicable);
  g_test_add_func ("/scoring/overrides", test_overrides);
  g_test_add_func ("/scoring/weight-edits", test_weight_edits);
  g_test_add_func ("/scoring/grades", test_grades);
  g_test_add_func ("/scoring/grades/any-order", test_grades_any_order);
  g_test_add_func ("/scoring/form-points", test_form_points);
  g_test_add_func ("/scoring/propose", test_propose);
  g_test_add_func ("/scoring/compare", test_compare);
  g_test_add_func ("/scoring/compare/counterpart", test_compare_counterpart);

  return g_test_run ();
}

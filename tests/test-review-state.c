/* test-review-state.c — what the review window shows, without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-review-state"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "pc-review-marks.h"
#include "pc-review-state.h"

static void
test_item_state (void)
{
  g_assert_cmpint (pc_review_state_item_state (TRUE, FALSE, PC_DECISION_NONE, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_NONE);
  g_assert_cmpint (pc_review_state_item_state (TRUE, TRUE, PC_DECISION_NONE, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_SUGGESTED);
  g_assert_cmpint (pc_review_state_item_state (TRUE, TRUE, PC_DECISION_ACCEPT, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_ACCEPTED);
  g_assert_cmpint (pc_review_state_item_state (TRUE, TRUE, PC_DECISION_REJECT, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_REJECTED);
  g_assert_cmpint (pc_review_state_item_state (TRUE, FALSE, PC_DECISION_ADD, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_ADDED);
  /* A rating says more than a decision. */
  g_assert_cmpint (pc_review_state_item_state (TRUE, TRUE, PC_DECISION_ACCEPT, PC_RATING_PARTIAL),
                   ==, PC_ITEM_STATE_RATED);
  g_assert_cmpint (pc_review_state_item_state (TRUE, TRUE, PC_DECISION_NONE, PC_RATING_NOT_APPLICABLE),
                   ==, PC_ITEM_STATE_NOT_APPLICABLE);
  g_assert_cmpint (pc_review_state_item_state (FALSE, FALSE, PC_DECISION_NONE, PC_RATING_UNSET),
                   ==, PC_ITEM_STATE_NOT_APPLICABLE);
  /* A reviewer may still rate an item the checklist calls not applicable. */
  g_assert_cmpint (pc_review_state_item_state (FALSE, FALSE, PC_DECISION_NONE, PC_RATING_FULL),
                   ==, PC_ITEM_STATE_RATED);

  /* Every state has its own icon and badge. */
  for (int a = PC_ITEM_STATE_NONE; a <= PC_ITEM_STATE_NOT_APPLICABLE; a++)
    for (int b = a + 1; b <= PC_ITEM_STATE_NOT_APPLICABLE; b++)
      {
        g_assert_cmpstr (pc_review_state_item_icon (a), !=, pc_review_state_item_icon (b));
        g_assert_cmpstr (pc_review_state_item_badge (a), !=, pc_review_state_item_badge (b));
      }
}

/* Alt+A, Alt+R and Alt+D act only where the button they stand for is shown. */
static void
test_decision_fits (void)
{
  g_assert_true (pc_review_state_decision_fits (TRUE, PC_DECISION_ACCEPT));
  g_assert_true (pc_review_state_decision_fits (TRUE, PC_DECISION_REJECT));
  g_assert_false (pc_review_state_decision_fits (TRUE, PC_DECISION_ADD));
  g_assert_false (pc_review_state_decision_fits (FALSE, PC_DECISION_ACCEPT));
  g_assert_false (pc_review_state_decision_fits (FALSE, PC_DECISION_REJECT));
  g_assert_true (pc_review_state_decision_fits (FALSE, PC_DECISION_ADD));
  g_assert_false (pc_review_state_decision_fits (TRUE, PC_DECISION_NONE));
}

static void
test_texts (void)
{
  g_autofree char *progress = pc_review_state_progress_text (12, 35);
  g_autofree char *score = pc_review_state_score_text (86.54, "良好");
  g_autofree char *points = pc_review_state_points_text (PC_RATING_PARTIAL, 1.25, 2.5);
  g_autofree char *na = pc_review_state_points_text (PC_RATING_NOT_APPLICABLE, 0, 0);
  g_autofree char *library = pc_review_state_library_progress (3, 35, "合格", 71.0);
  g_autofree char *library_unscored = pc_review_state_library_progress (0, 35, NULL, 0);

  g_assert_cmpstr (progress, ==, "12 / 35 rated");
  g_assert_cmpstr (score, ==, "86.5 points · 良好");
  g_assert_cmpstr (points, ==, "1.2 / 2.5");
  g_assert_cmpstr (na, ==, "N/A");
  g_assert_cmpstr (library, ==, "3 / 35 rated · 合格 71.0");
  g_assert_cmpstr (library_unscored, ==, "0 / 35 rated");

  g_assert_cmpint (pc_review_state_rating_from_key ("full"), ==, PC_RATING_FULL);
  g_assert_cmpint (pc_review_state_rating_from_key ("not-applicable"), ==, PC_RATING_NOT_APPLICABLE);
  g_assert_cmpint (pc_review_state_rating_from_key ("unset"), ==, PC_RATING_UNSET);
  g_assert_cmpint (pc_review_state_rating_from_key (NULL), ==, PC_RATING_UNSET);
}

static void
test_annotation_label_and_colour (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autofree char *label = pc_review_state_annotation_label (12);
  g_autofree char *none = pc_review_state_annotation_label (0);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (label, ==, "12");
  g_assert_cmpstr (none, ==, "·");

  /* Ten distinct chapter colours, each a colour CSS understands; a grey for none. */
  for (guint chapter = 1; chapter <= PC_N_CHAPTER_COLORS; chapter++)
    {
      const char *color = pc_review_state_chapter_color (chapter);

      g_assert_true (g_str_has_prefix (color, "#"));
      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_false (g_hash_table_contains (seen, color));
      g_hash_table_add (seen, (gpointer) color);
    }
  g_assert_false (g_hash_table_contains (seen, pc_review_state_chapter_color (0)));
  g_assert_cmpstr (pc_review_state_chapter_color (11), ==, pc_review_state_chapter_color (0));
  g_hash_table_unref (seen);

  /* Items take the colour of their part; item 1 is in 一, item 35 in 十. */
  g_assert_cmpuint (pc_review_state_item_chapter (checklist, 1), ==, 1);
  g_assert_cmpuint (pc_review_state_item_chapter (checklist, 35), ==, 10);
  g_assert_cmpuint (pc_review_state_item_chapter (checklist, 0), ==, 0);
  g_assert_cmpuint (pc_review_state_item_chapter (NULL, 3), ==, 0);
}

static guint
count_matches (PcChecklist *checklist,
               const char  *query,
               guint       *first)
{
  guint n = 0;

  *first = 0;
  for (guint i = 0; i < pc_checklist_get_n_items (checklist); i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);

      if (pc_review_state_item_matches (item, query))
        {
          if (n++ == 0)
            *first = item->code;
        }
    }
  return n;
}

static void
test_type_ahead (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  guint first;

  g_assert_cmpuint (count_matches (checklist, NULL, &first), ==, 35);
  g_assert_cmpuint (count_matches (checklist, "", &first), ==, 35);
  /* A number narrows by prefix: 1, 10–19. */
  g_assert_cmpuint (count_matches (checklist, "1", &first), ==, 11);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (count_matches (checklist, "12", &first), ==, 1);
  g_assert_cmpuint (first, ==, 12);
  g_assert_cmpuint (count_matches (checklist, "36", &first), ==, 0);
  /* Words match titles, requirements and phrases. */
  g_assert_cmpuint (count_matches (checklist, "指导思想", &first), >=, 1);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (count_matches (checklist, "习近平法治思想", &first), >=, 1);
  /* Every term must match; an ideographic space separates terms. */
  g_assert_cmpuint (count_matches (checklist, "指导思想　两个维护", &first), ==, 1);
  g_assert_cmpuint (count_matches (checklist, "指导思想 没有这个词", &first), ==, 0);
}

/* The best match first: 执法 is in items 13–16's titles, only mentioned by item 1. */
static void
test_type_ahead_rank (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  guint best = 0, best_rank = 0;

  for (guint i = 0; i < pc_checklist_get_n_items (checklist); i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);
      guint rank = pc_review_state_item_rank (item, "执法");

      g_assert_cmpint (rank > 0, ==, pc_review_state_item_matches (item, "执法"));
      if (rank > best_rank)
        {
          best_rank = rank;
          best = item->code;
        }
    }
  g_assert_cmpuint (best, ==, 13);
  g_assert_cmpuint (pc_review_state_item_rank (pc_checklist_find_item (checklist, 13), "执法"), >,
                    pc_review_state_item_rank (pc_checklist_find_item (checklist, 1), "执法"));
  g_assert_cmpuint (pc_review_state_item_rank (pc_checklist_find_item (checklist, 13), "没有"), ==, 0);
}

static void
test_span_adjust (void)
{
  const char *text = "一、加强领导，推进建设。二、完善制度";
  PcRange range;

  /* By a character at either end. */
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 6 }, PC_SPAN_GROW_START,
                                              PC_SPAN_UNIT_CHAR, &range));
  g_assert_cmpuint (range.start, ==, 1);
  g_assert_cmpuint (range.end, ==, 6);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 6 }, PC_SPAN_SHRINK_END,
                                              PC_SPAN_UNIT_CHAR, &range));
  g_assert_cmpuint (range.start, ==, 2);
  g_assert_cmpuint (range.end, ==, 5);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 6 }, PC_SPAN_GROW_END,
                                              PC_SPAN_UNIT_CHAR, &range));
  g_assert_cmpuint (range.end, ==, 7);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 6 }, PC_SPAN_SHRINK_START,
                                              PC_SPAN_UNIT_CHAR, &range));
  g_assert_cmpuint (range.start, ==, 3);

  /* Never past the text, never empty. */
  g_assert_false (pc_review_state_span_adjust (text, (PcRange) { 0, 3 }, PC_SPAN_GROW_START,
                                               PC_SPAN_UNIT_CHAR, &range));
  g_assert_false (pc_review_state_span_adjust (text, (PcRange) { 16, 18 }, PC_SPAN_GROW_END,
                                               PC_SPAN_UNIT_CHAR, &range));
  g_assert_false (pc_review_state_span_adjust (text, (PcRange) { 4, 5 }, PC_SPAN_SHRINK_END,
                                               PC_SPAN_UNIT_CHAR, &range));
  g_assert_false (pc_review_state_span_adjust (text, (PcRange) { 4, 5 }, PC_SPAN_SHRINK_START,
                                               PC_SPAN_UNIT_CHAR, &range));

  /* By a clause: "加强领导，" then "推进建设。". */
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 4 }, PC_SPAN_GROW_END,
                                              PC_SPAN_UNIT_CLAUSE, &range));
  g_assert_cmpuint (range.end, ==, 7);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 7 }, PC_SPAN_GROW_END,
                                              PC_SPAN_UNIT_CLAUSE, &range));
  g_assert_cmpuint (range.end, ==, 12);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 12 }, PC_SPAN_SHRINK_END,
                                              PC_SPAN_UNIT_CLAUSE, &range));
  g_assert_cmpuint (range.end, ==, 7);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 9, 12 }, PC_SPAN_GROW_START,
                                              PC_SPAN_UNIT_CLAUSE, &range));
  g_assert_cmpuint (range.start, ==, 7);
  g_assert_true (pc_review_state_span_adjust (text, (PcRange) { 2, 12 }, PC_SPAN_SHRINK_START,
                                              PC_SPAN_UNIT_CLAUSE, &range));
  g_assert_cmpuint (range.start, ==, 7);
}

static void
test_report_filter (void)
{
  g_autoptr(PcReport) report = pc_report_new ("正文");

  pc_report_set_title (report, "漳州市2023年法治政府建设年度报告");
  pc_report_set_agency (report, "漳州市人民政府");
  pc_report_set_year (report, 2023);
  pc_report_set_source_name (report, "zhangzhou-2023.txt");

  g_assert_true (pc_review_state_report_matches (report, NULL, 0, NULL));
  g_assert_true (pc_review_state_report_matches (report, "漳州", 0, NULL));
  g_assert_true (pc_review_state_report_matches (report, "ZHANGZHOU", 0, NULL));
  g_assert_true (pc_review_state_report_matches (report, "漳州 2023", 2023, "漳州市人民政府"));
  g_assert_false (pc_review_state_report_matches (report, "武汉", 0, NULL));
  g_assert_false (pc_review_state_report_matches (report, NULL, 2024, NULL));
  g_assert_false (pc_review_state_report_matches (report, NULL, 0, "武汉市人民政府"));
  g_assert_true (pc_review_state_report_matches (report, "", 0, ""));
}

static void
test_register_item (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autofree char *none = pc_review_state_register_item (checklist, 0);
  g_autofree char *first = pc_review_state_register_item (checklist, 1);
  g_autofree char *unknown = pc_review_state_register_item (NULL, 7);

  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (first, ==, "1 指导思想");
  g_assert_cmpstr (unknown, ==, "7");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-state/item-state", test_item_state);
  g_test_add_func ("/review-state/decision-fits", test_decision_fits);
  g_test_add_func ("/review-state/texts", test_texts);
  g_test_add_func ("/review-state/annotation-label-colour", test_annotation_label_and_colour);
  g_test_add_func ("/review-state/type-ahead", test_type_ahead);
  g_test_add_func ("/review-state/type-ahead-rank", test_type_ahead_rank);
  g_test_add_func ("/review-state/span-adjust", test_span_adjust);
  g_test_add_func ("/review-state/report-filter", test_report_filter);
  g_test_add_func ("/review-state/register-item", test_register_item);

  return g_test_run ();
}

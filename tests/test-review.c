/* test-review.c — storing the review: engine output is replaced on every run, reviewer
 * decisions and overrides never are.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "pc-error.h"
#include "pc-project-review.h"
#include "pc-reader.h"

typedef struct
{
  char      *dir;
  char      *path;
  PcProject *project;
  gint64     report_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report_path = NULL;
  g_autoptr(PcReport) report = NULL;
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");

  f->dir = g_dir_make_tmp ("pingcha-review-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "review.db", NULL);
  f->project = pc_project_open (f->path, &error);
  g_assert_no_error (error);
  report_path = g_build_filename (corpus ? corpus : "../shared/corpus", "reports", "pudong-2023.txt", NULL);
  report = pc_reader_read_file (report_path, NULL, &error);
  g_assert_no_error (error);
  pc_project_add_report (f->project, report, &f->report_id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->project);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const PcReviewDecision *
find_decision (GPtrArray *decisions,
               guint      item)
{
  for (guint i = 0; i < decisions->len; i++)
    if (((PcReviewDecision *) g_ptr_array_index (decisions, i))->item == item)
      return g_ptr_array_index (decisions, i);
  return NULL;
}

static void
test_rerun_keeps_decisions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = pc_project_review_assess_all (f->project, NULL, &error);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree PcRating *overrides = NULL;
  guint stored;
  double first_total;

  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  first_total = ((PcReviewResult *) g_ptr_array_index (first, 0))->score->total;
  stored = pc_project_review_count_suggestions (f->project, f->report_id);
  g_assert_cmpuint (stored, >, 0);

  /* The reviewer accepts one suggestion, rejects another, adds a missed item and rates. */
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 14, "1.2", PC_DECISION_ACCEPT, "王审", NULL, &error));
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 35, NULL, PC_DECISION_REJECT, "王审", "宣传不是理论研究", &error));
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 7, "1.3", PC_DECISION_ADD, "王审", "法治课题含立法建议", &error));
  g_assert_true (pc_project_review_set_rating (f->project, f->report_id, 7, PC_RATING_FULL, "王审", &error));
  g_assert_true (pc_project_review_set_rating (f->project, f->report_id, 35, PC_RATING_ABSENT, "王审", &error));
  g_assert_no_error (error);

  second = pc_project_review_assess_all (f->project, NULL, &error);
  g_assert_no_error (error);
  /* Engine output replaced, not piled up. */
  g_assert_cmpuint (pc_project_review_count_suggestions (f->project, f->report_id), ==, stored);

  decisions = pc_project_review_list_decisions (f->project, f->report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 3);
  g_assert_cmpint (find_decision (decisions, 14)->decision, ==, PC_DECISION_ACCEPT);
  g_assert_cmpstr (find_decision (decisions, 14)->section, ==, "1.2");
  g_assert_cmpint (find_decision (decisions, 35)->decision, ==, PC_DECISION_REJECT);
  g_assert_cmpstr (find_decision (decisions, 35)->note, ==, "宣传不是理论研究");
  g_assert_cmpint (find_decision (decisions, 7)->decision, ==, PC_DECISION_ADD);
  g_assert_cmpstr (find_decision (decisions, 7)->reviewer, ==, "王审");
  g_assert_nonnull (find_decision (decisions, 7)->decided_at);

  overrides = pc_project_review_get_ratings (f->project, f->report_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (overrides[6], ==, PC_RATING_FULL);
  g_assert_cmpint (overrides[34], ==, PC_RATING_ABSENT);
  g_assert_cmpint (overrides[13], ==, PC_RATING_UNSET);
  /* The override shows in the score of the second run. */
  g_assert_cmpint (((PcReviewResult *) g_ptr_array_index (second, 0))->score->items[6].rating, ==, PC_RATING_FULL);
  g_assert_cmpfloat (((PcReviewResult *) g_ptr_array_index (second, 0))->score->total, !=, first_total);

  /* Decisions shape what the second run shows: 35 rejected, 7 added in 1.3, 14 accepted. */
  {
    PcCoverage *coverage = ((PcReviewResult *) g_ptr_array_index (second, 0))->coverage;
    const PcItemCoverage *rejected = pc_coverage_get_item (coverage, 35);
    const PcItemCoverage *added = pc_coverage_get_item (coverage, 7);
    const PcItemCoverage *accepted = pc_coverage_get_item (coverage, 14);

    g_assert_false (rejected->suggested);
    g_assert_cmpuint (rejected->sections->len, ==, 0);
    g_assert_cmpint (rejected->proposed, ==, PC_RATING_ABSENT);
    g_assert_true (rejected->decided);
    g_assert_cmpint (rejected->decision, ==, PC_DECISION_REJECT);
    g_assert_true (added->suggested);
    g_assert_cmpint (added->proposed, !=, PC_RATING_ABSENT);
    g_assert_true (g_ptr_array_find_with_equal_func (added->sections, "1.3", g_str_equal, NULL));
    g_assert_true (accepted->suggested);
    g_assert_cmpint (accepted->decision, ==, PC_DECISION_ACCEPT);
  }

  /* Clearing an override falls back to the engine's proposal. */
  g_assert_true (pc_project_review_set_rating (f->project, f->report_id, 7, PC_RATING_UNSET, "王审", &error));
  g_clear_pointer (&overrides, g_free);
  overrides = pc_project_review_get_ratings (f->project, f->report_id, TRUE, &error);
  g_assert_cmpint (overrides[6], ==, PC_RATING_UNSET);
}

static void
test_checklist_weights (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcChecklist) again = NULL;
  gint64 id = 0, id2 = 0;

  checklist = pc_project_review_load_checklist (f->project, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_checklist_get_id (checklist), ==, PC_CHECKLIST_DEFAULT_ID);
  g_assert_false (pc_checklist_find_item (checklist, 21)->applicable);

  g_assert_true (pc_project_review_set_item_weight (f->project, 14, 9, &error));
  g_assert_true (pc_project_review_set_item_applicable (f->project, 21, TRUE, &error));
  g_assert_false (pc_project_review_set_item_weight (f->project, 99, 1, &error));
  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = pc_project_review_load_checklist (f->project, &id2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, id2);
  g_assert_cmpfloat (pc_checklist_find_item (again, 14)->weight, ==, 9);
  g_assert_true (pc_checklist_find_item (again, 21)->applicable);

  /* Storing the same version again keeps the project's weights. */
  g_assert_cmpint (pc_project_review_store_checklist (f->project, checklist, &error), ==, id);
  g_clear_object (&again);
  again = pc_project_review_load_checklist (f->project, NULL, &error);
  g_assert_cmpfloat (pc_checklist_find_item (again, 14)->weight, ==, 9);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review/rerun-keeps-decisions", Fixture, NULL,
              fixture_set_up, test_rerun_keeps_decisions, fixture_tear_down);
  g_test_add ("/review/checklist-weights", Fixture, NULL,
              fixture_set_up, test_checklist_weights, fixture_tear_down);

  return g_test_run ();
}

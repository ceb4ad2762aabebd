/* test-review.c — storing the review: engine output is replaced on every run, reviewer
 * decisions and overrides never are.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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

  /* Storing the project's checklist as it is changes nothing and keeps its weights. */
  g_assert_cmpint (pc_project_review_store_checklist (f->project, again, NULL, &error), ==, id);
  g_clear_object (&again);
  again = pc_project_review_load_checklist (f->project, NULL, &error);
  g_assert_cmpfloat (pc_checklist_find_item (again, 14)->weight, ==, 9);
}

/* @checklist as JSON, edited by @edit, read back: what a reviewer does to an export. */
static PcChecklist *
edited (PcChecklist *checklist,
        void       (*edit) (JsonObject *root))
{
  g_autofree char *json = pc_checklist_to_json (checklist);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  PcChecklist *result;

  edit (json_node_get_object (root));
  out = json_to_string (root, FALSE);
  result = pc_checklist_new_from_data (out, -1, &error);
  g_assert_no_error (error);
  return result;
}

static JsonObject *
item_object (JsonObject *root,
             guint       code)
{
  return json_array_get_object_element (json_object_get_array_member (root, "items"), code - 1);
}

static void
edit_weights (JsonObject *root)
{
  json_object_set_double_member (item_object (root, 14), "weight", 10);
  json_object_set_boolean_member (item_object (root, 17), "applicable", FALSE);
}

static void
edit_weights_and_grade (JsonObject *root)
{
  edit_weights (root);
  json_object_set_int_member (json_array_get_object_element (json_object_get_array_member (root, "grades"), 0),
                              "min", 85);
}

/* A new version of the outline: other weights and a 36th item. */
static void
edit_new_version (JsonObject *root)
{
  JsonObject *item = json_object_new ();
  JsonArray *phrases = json_array_new ();

  edit_weights (root);
  json_object_set_string_member (root, "version", "2021-2025.audit");
  json_array_add_string_element (phrases, "普法责任制");
  json_object_set_int_member (item, "code", 36);
  json_object_set_int_member (item, "chapter", 8);
  json_object_set_string_member (item, "block", "oversight");
  json_object_set_string_member (item, "title", "普法宣传");
  json_object_set_int_member (item, "weight", 2);
  json_object_set_array_member (item, "phrases", phrases);
  json_array_add_object_element (json_object_get_array_member (root, "items"), item);
}

static void
edit_other_id (JsonObject *root)
{
  json_object_set_string_member (root, "id", "province-2026");
}

static void
test_checklist_same_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) stored = NULL;
  g_autoptr(PcChecklist) weights = NULL;
  g_autoptr(PcChecklist) grade = NULL;
  g_autoptr(PcChecklist) now = NULL;
  PcChecklistStoreInfo info;
  gint64 id = 0;

  stored = pc_project_review_load_checklist (f->project, &id, &error);
  g_assert_no_error (error);

  /* The export imported back as it is: nothing to do, and the caller is told so. */
  g_assert_cmpint (pc_project_review_store_checklist (f->project, stored, &info, &error), ==, id);
  g_assert_false (info.added || info.activated || info.settings_changed);

  /* Weights and applicability edited in the export: the project's weights now. */
  weights = edited (stored, edit_weights);
  g_assert_cmpint (pc_project_review_store_checklist (f->project, weights, &info, &error), ==, id);
  g_assert_no_error (error);
  g_assert_true (info.settings_changed);
  g_assert_false (info.added || info.activated);
  now = pc_project_review_load_checklist (f->project, NULL, &error);
  g_assert_cmpfloat (pc_checklist_find_item (now, 14)->weight, ==, 10);
  g_assert_false (pc_checklist_find_item (now, 17)->applicable);
  g_clear_object (&now);

  /* A grade band edited under the same version is refused, and nothing of it is stored. */
  g_assert_true (pc_project_review_set_item_weight (f->project, 14, 7, &error));
  grade = edited (stored, edit_weights_and_grade);
  g_assert_cmpint (pc_project_review_store_checklist (f->project, grade, &info, &error), ==, 0);
  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_CHECKLIST_CHANGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "grades"));
  g_assert_nonnull (strstr (error->message, "version"));
  g_clear_error (&error);
  now = pc_project_review_load_checklist (f->project, NULL, &error);
  g_assert_cmpfloat (pc_checklist_find_item (now, 14)->weight, ==, 7);
  g_assert_cmpstr (pc_checklist_grade_for (now, 87), ==, "良好");
}

static void
assert_decisions (Fixture    *f,
                  guint       n,
                  guint       item,
                  PcDecision  decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = pc_project_review_list_decisions (f->project, f->report_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, n);
  if (n > 0)
    {
      g_assert_nonnull (find_decision (decisions, item));
      g_assert_cmpint (find_decision (decisions, item)->decision, ==, decision);
    }
}

static PcRating
override_of (Fixture *f,
             guint    item)
{
  g_autoptr(GError) error = NULL;
  g_autofree PcRating *overrides = pc_project_review_get_ratings (f->project, f->report_id, TRUE, &error);

  g_assert_no_error (error);
  return overrides[item - 1];
}

static void
test_checklist_new_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = pc_project_review_assess_all (f->project, NULL, &error);
  g_autoptr(PcChecklist) first = NULL;
  g_autoptr(PcChecklist) second = NULL;
  g_autoptr(PcChecklist) other = NULL;
  PcChecklistStoreInfo info;
  gint64 first_id = 0, second_id;

  g_assert_no_error (error);
  first = pc_project_review_load_checklist (f->project, &first_id, &error);
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 17, NULL, PC_DECISION_REJECT, "王审", NULL, &error));
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 34, "1.5", PC_DECISION_ADD, "王审", "轮训", &error));
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 14, "1.2", PC_DECISION_ACCEPT, "王审", NULL, &error));
  g_assert_true (pc_project_review_set_rating (f->project, f->report_id, 22, PC_RATING_ABSENT, "王审", &error));
  g_assert_no_error (error);

  /* A new version of the same checklist keeps the review, in full. */
  second = edited (first, edit_new_version);
  second_id = pc_project_review_store_checklist (f->project, second, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_id, !=, first_id);
  g_assert_true (info.added && info.activated);
  g_assert_cmpuint (info.n_carried_decisions, ==, 3);
  g_assert_cmpuint (info.n_carried_ratings, ==, 1);
  assert_decisions (f, 3, 34, PC_DECISION_ADD);
  g_assert_cmpint (override_of (f, 22), ==, PC_RATING_ABSENT);

  /* Running the engine under the new version leaves the reviewer's work alone. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = pc_project_review_assess_all (f->project, NULL, &error);
  g_assert_no_error (error);
  assert_decisions (f, 3, 17, PC_DECISION_REJECT);
  g_assert_cmpint (override_of (f, 22), ==, PC_RATING_ABSENT);
  g_assert_cmpint (((PcReviewResult *) g_ptr_array_index (results, 0))->score->items[21].rating, ==, PC_RATING_ABSENT);

  /* Work under the new version, then back to the old one: it comes along, except for
   * the item the old version does not have. */
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 14, "1.2", PC_DECISION_REJECT, "李审", NULL, &error));
  g_assert_true (pc_project_review_set_decision (f->project, f->report_id, 36, NULL, PC_DECISION_ADD, "李审", NULL, &error));
  g_assert_true (pc_project_review_set_rating (f->project, f->report_id, 22, PC_RATING_UNSET, "李审", &error));
  assert_decisions (f, 4, 36, PC_DECISION_ADD);
  g_assert_cmpint (pc_project_review_store_checklist (f->project, first, &info, &error), ==, first_id);
  g_assert_no_error (error);
  g_assert_true (info.activated && !info.added);
  assert_decisions (f, 3, 14, PC_DECISION_REJECT);
  g_assert_cmpint (override_of (f, 22), ==, PC_RATING_UNSET);

  /* A province's own system starts without the outline's review ... */
  other = edited (first, edit_other_id);
  g_assert_cmpint (pc_project_review_store_checklist (f->project, other, &info, &error), >, 0);
  g_assert_true (info.added && info.activated);
  g_assert_cmpuint (info.n_carried_decisions + info.n_carried_ratings, ==, 0);
  assert_decisions (f, 0, 0, 0);

  /* ... and leaves it as it was. */
  g_assert_cmpint (pc_project_review_store_checklist (f->project, first, &info, &error), ==, first_id);
  g_assert_cmpuint (info.n_carried_decisions, ==, 0);
  assert_decisions (f, 3, 34, PC_DECISION_ADD);
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
  g_test_add ("/review/checklist/same-version", Fixture, NULL,
              fixture_set_up, test_checklist_same_version, fixture_tear_down);
  g_test_add ("/review/checklist/new-version-keeps-review", Fixture, NULL,
              fixture_set_up, test_checklist_new_version, fixture_tear_down);

  return g_test_run ();
}

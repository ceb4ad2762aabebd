/* pc-review-marks.c — ratings and decisions through a review session.
 *
 * The window rates items and decides on suggestions as often as it annotates; these edits
 * run as jobs on the session's database thread and push their inverse onto the session's
 * undo stack, so that win.undo covers them along with annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-review-marks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-project-private.h"
#include "pc-review-marks.h"

struct _PcReviewMarks
{
  GObject          parent_instance;
  PcReviewSession *session;
};

G_DEFINE_FINAL_TYPE (PcReviewMarks, pc_review_marks, G_TYPE_OBJECT)

enum {
  RATING_CHANGED,
  DECISION_CHANGED,
  CHECKLIST_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The review of one report -------------------------------------------------------------- */

void
pc_report_review_free (PcReportReview *review)
{
  if (review == NULL)
    return;
  g_clear_object (&review->checklist);
  g_clear_object (&review->coverage);
  g_free (review->overrides);
  g_free (review->decisions);
  g_free (review);
}

/* The reviewer's report-wide decisions on @report_id, by code − 1; PC_DECISION_NONE where
 * there is none. */
static PcDecision *
load_decisions (PcProject  *project,
                gint64      report_id,
                guint       n_items,
                GError    **error)
{
  g_autoptr(GPtrArray) decisions = pc_project_review_list_decisions (project, report_id, error);
  PcDecision *by_item;

  if (decisions == NULL)
    return NULL;
  by_item = g_new (PcDecision, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    by_item[i] = PC_DECISION_NONE;
  for (guint i = 0; i < decisions->len; i++)
    {
      PcReviewDecision *decision = g_ptr_array_index (decisions, i);

      if (decision->item >= 1 && decision->item <= n_items &&
          (decision->section == NULL || decision->section[0] == '\0'))
        by_item[decision->item - 1] = decision->decision;
    }
  return by_item;
}

/**
 * pc_report_review_load:
 * @project: owned by the calling thread
 *
 * Runs the outline engine over @report, stores its suggestions, and reads the reviewer's
 * ratings and decisions.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
PcReportReview *
pc_report_review_load (PcProject  *project,
                       PcReport   *report,
                       GError    **error)
{
  g_autoptr(PcReportReview) review = g_new0 (PcReportReview, 1);
  g_autoptr(PcCoverageEngine) engine = NULL;
  gint64 checklist_id = 0;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  review->report_id = pc_report_get_id (report);
  review->checklist = pc_project_review_load_checklist (project, &checklist_id, error);
  if (review->checklist == NULL)
    return NULL;
  review->n_items = pc_checklist_get_n_items (review->checklist);
  engine = pc_coverage_engine_new (review->checklist);
  review->coverage = pc_coverage_engine_run (engine, report);
  /* The engine's own output is stored; the window shows it with the reviewers' decisions
   * applied, as the library, the assessment and the export do. */
  if (!pc_project_review_store_coverage (project, checklist_id, review->report_id,
                                         review->coverage, error) ||
      !pc_project_review_apply_decisions (project, review->report_id, review->coverage, error))
    return NULL;
  review->overrides = pc_project_review_get_ratings (project, review->report_id, TRUE, error);
  if (review->overrides == NULL ||
      (review->decisions = load_decisions (project, review->report_id, review->n_items, error)) == NULL)
    return NULL;
  return g_steal_pointer (&review);
}

/**
 * pc_report_review_score:
 *
 * Returns: (transfer full): the score with the reviewer's ratings over the proposals
 */
PcScore *
pc_report_review_score (PcReportReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);
  return pc_coverage_score (review->coverage, review->overrides);
}

/**
 * pc_report_review_get_rating:
 *
 * Returns: the reviewer's rating of @item, or %PC_RATING_UNSET
 */
PcRating
pc_report_review_get_rating (PcReportReview *review,
                             guint           item)
{
  g_return_val_if_fail (review != NULL, PC_RATING_UNSET);

  if (item < 1 || item > review->n_items)
    return PC_RATING_UNSET;
  return review->overrides[item - 1];
}

/* An item is reviewed once the reviewer rated it, or confirmed, rejected or added the
 * engine's suggestion on it. */
static guint
count_reviewed (const PcRating   *overrides,
                const PcDecision *decisions,
                guint             n_items)
{
  guint n = 0;

  for (guint i = 0; i < n_items; i++)
    if (overrides[i] != PC_RATING_UNSET || decisions[i] != PC_DECISION_NONE)
      n++;
  return n;
}

guint
pc_report_review_count_rated (PcReportReview *review)
{
  g_return_val_if_fail (review != NULL, 0);

  return count_reviewed (review->overrides, review->decisions, review->n_items);
}

/* Summaries ----------------------------------------------------------------------------- */

void
pc_report_summary_free (PcReportSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->grade);
  g_free (summary);
}

/**
 * pc_report_summaries_build:
 * @project: owned by the calling thread
 *
 * Assesses every report of @project (storing the suggestions) and sums up each review.
 *
 * Returns: (transfer full) (element-type PcReportSummary): one summary per report
 */
GPtrArray *
pc_report_summaries_build (PcProject     *project,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) results = NULL;
  GPtrArray *summaries;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);

  results = pc_project_review_assess_all (project, cancellable, error);
  if (results == NULL)
    return NULL;
  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_report_summary_free);
  for (guint i = 0; i < results->len; i++)
    {
      PcReviewResult *result = g_ptr_array_index (results, i);
      g_autofree PcDecision *decisions = load_decisions (project, result->report_id,
                                                         result->score->n_items, error);
      PcReportSummary *summary;

      if (decisions == NULL)
        {
          g_ptr_array_unref (summaries);
          return NULL;
        }
      summary = g_new0 (PcReportSummary, 1);
      summary->report_id = result->report_id;
      summary->total = result->score->total;
      summary->grade = g_strdup (result->score->grade);
      summary->n_items = result->score->n_items;
      summary->n_rated = count_reviewed (result->overrides, decisions, summary->n_items);
      g_ptr_array_add (summaries, summary);
    }
  return summaries;
}

/* Undo records -------------------------------------------------------------------------- */

typedef enum
{
  MARK_RATING,
  MARK_DECISION,
} MarkKind;

/* A rating or a decision to write: applying it writes @value, and returns the record that
 * writes back what was there. */
typedef struct
{
  MarkKind  kind;
  gint64    report_id;
  guint     item;
  int       value;      /* PcRating, or PcDecision with PC_DECISION_NONE to remove */
  char     *reviewer;
} MarkRecord;

static MarkRecord *
mark_record_new (MarkKind    kind,
                 gint64      report_id,
                 guint       item,
                 int         value,
                 const char *reviewer)
{
  MarkRecord *record = g_new0 (MarkRecord, 1);

  record->kind = kind;
  record->report_id = report_id;
  record->item = item;
  record->value = value;
  record->reviewer = g_strdup (reviewer);
  return record;
}

static void
mark_record_free (gpointer data)
{
  MarkRecord *record = data;

  g_free (record->reviewer);
  g_free (record);
}

static gboolean
read_rating (PcProject  *project,
             MarkRecord *record,
             int        *out_value,
             GError    **error)
{
  g_autofree PcRating *ratings = pc_project_review_get_ratings (project, record->report_id,
                                                                TRUE, error);
  g_autoptr(PcChecklist) checklist = NULL;

  if (ratings == NULL ||
      (checklist = pc_project_review_load_checklist (project, NULL, error)) == NULL)
    return FALSE;
  /* The ratings are as many as the checklist has items, whatever its size. */
  *out_value = record->item >= 1 && record->item <= pc_checklist_get_n_items (checklist)
               ? (int) ratings[record->item - 1] : (int) PC_RATING_UNSET;
  return TRUE;
}

static gboolean
read_decision (PcProject  *project,
               MarkRecord *record,
               int        *out_value,
               GError    **error)
{
  g_autoptr(GPtrArray) decisions = pc_project_review_list_decisions (project, record->report_id,
                                                                     error);

  if (decisions == NULL)
    return FALSE;
  *out_value = PC_DECISION_NONE;
  for (guint i = 0; i < decisions->len; i++)
    {
      PcReviewDecision *decision = g_ptr_array_index (decisions, i);

      if (decision->item == record->item &&
          (decision->section == NULL || decision->section[0] == '\0'))
        *out_value = decision->decision;
    }
  return TRUE;
}

static gboolean
remove_decision (PcProject  *project,
                 MarkRecord *record,
                 GError    **error)
{
  sqlite3 *db = _pc_project_get_db (project);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "DELETE FROM coverage_decisions WHERE report_id = ?1 AND item = ?2"
                              " AND section = '' AND checklist = (SELECT id FROM checklists"
                              " WHERE active = 1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      _pc_project_set_sql_error (project, error, _("removing a decision"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, record->report_id);
  sqlite3_bind_int (stmt, 2, record->item);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (project, error, _("removing a decision"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_mark (PcProject  *project,
            MarkRecord *record,
            GError    **error)
{
  if (record->kind == MARK_RATING)
    return pc_project_review_set_rating (project, record->report_id, record->item,
                                         (PcRating) record->value, record->reviewer, error);
  if (record->value == (int) PC_DECISION_NONE)
    return remove_decision (project, record, error);
  return pc_project_review_set_decision (project, record->report_id, record->item, "",
                                         (PcDecision) record->value, record->reviewer, NULL,
                                         error);
}

/* Writes @record in one transaction and returns the record that restores the old value. */
static MarkRecord *
apply_mark (PcProject  *project,
            MarkRecord *record,
            GError    **error)
{
  int old = 0;
  gboolean ok;

  if (!_pc_project_begin (project, error))
    return NULL;
  ok = record->kind == MARK_RATING ? read_rating (project, record, &old, error)
                                   : read_decision (project, record, &old, error);
  if (!ok || !write_mark (project, record, error))
    {
      _pc_project_rollback (project);
      return NULL;
    }
  if (!_pc_project_commit (project, error))
    return NULL;
  return mark_record_new (record->kind, record->report_id, record->item, old, record->reviewer);
}

static gpointer
mark_record_apply (gpointer    data,
                   PcProject  *project,
                   GError    **error)
{
  return apply_mark (project, data, error);
}

static void
announce (PcReviewMarks *self,
          MarkRecord    *record)
{
  if (record->kind == MARK_RATING)
    g_signal_emit (self, signals[RATING_CHANGED], 0, record->report_id, record->item,
                   record->value);
  else
    g_signal_emit (self, signals[DECISION_CHANGED], 0, record->report_id, record->item,
                   record->value);
}

static void
mark_record_applied (gpointer data,
                     gpointer target)
{
  announce (target, data);
}

static const PcUndoHandler mark_handler = {
  .apply = mark_record_apply,
  .applied = mark_record_applied,
  .free = mark_record_free,
};

/* Jobs ---------------------------------------------------------------------------------- */

static gpointer
load_job (PcProject     *project,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return pc_report_review_load (project, data, error);
}

static gpointer
summarize_job (PcProject     *project,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return pc_report_summaries_build (project, cancellable, error);
}

typedef struct
{
  MarkRecord *request;
  MarkRecord *reverse;
} MarkJob;

static void
mark_job_free (gpointer data)
{
  MarkJob *job = data;

  g_clear_pointer (&job->request, mark_record_free);
  g_clear_pointer (&job->reverse, mark_record_free);
  g_free (job);
}

static gpointer
mark_job (PcProject     *project,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  MarkJob *job = data;

  job->reverse = apply_mark (project, job->request, error);
  /* The job itself is the result: the main thread files the reverse record. */
  return job->reverse != NULL ? job : NULL;
}

static void
on_mark_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PcReviewMarks *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  MarkJob *job;
  const char *description;

  job = pc_review_session_run_finish (PC_REVIEW_SESSION (source), result, &error);
  if (job == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  description = job->request->kind == MARK_RATING ? _("Rate item") : _("Decide on suggestion");
  if (job->reverse->value != job->request->value)
    pc_review_session_push_undo (self->session, &mark_handler, self,
                                 g_steal_pointer (&job->reverse), description);
  announce (self, job->request);
  g_task_return_boolean (task, TRUE);
}

static void
start_mark (PcReviewMarks       *self,
            MarkRecord          *request,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  MarkJob *job = g_new0 (MarkJob, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  job->request = request;
  /* The job is freed with the run's task, after on_mark_done_cb has used it. */
  pc_review_session_run_async (self->session, mark_job, job, mark_job_free, NULL, NULL,
                               on_mark_done_cb, task);
}

/* Runs @func on the session's thread under a task of our own, so that callers see the
 * marks as the source object. */
static void
on_wrapped_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GDestroyNotify result_free = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer value = pc_review_session_run_finish (PC_REVIEW_SESSION (source), result, &error);

  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, result_free);
}

static void
run_wrapped (PcReviewMarks       *self,
             PcSessionJobFunc     func,
             gpointer             data,
             GDestroyNotify       data_free,
             GDestroyNotify       result_free,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, result_free, NULL);
  pc_review_session_run_async (self->session, func, data, data_free, result_free, cancellable,
                               on_wrapped_done_cb, task);
}

/* GObject ------------------------------------------------------------------------------- */

static void
pc_review_marks_dispose (GObject *object)
{
  PcReviewMarks *self = PC_REVIEW_MARKS (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (pc_review_marks_parent_class)->dispose (object);
}

static void
pc_review_marks_class_init (PcReviewMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pc_review_marks_dispose;

  /**
   * PcReviewMarks::rating-changed:
   * @report_id: the report
   * @item: the outline item
   * @rating: the reviewer's rating now stored (a #PcRating)
   *
   * A rating was set, or changed back by undo or redo.
   */
  signals[RATING_CHANGED] =
    g_signal_new ("rating-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_INT);

  /**
   * PcReviewMarks::decision-changed:
   * @report_id: the report
   * @item: the outline item
   * @decision: the #PcDecision now stored, or %PC_DECISION_NONE
   */
  signals[DECISION_CHANGED] =
    g_signal_new ("decision-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_INT);

  /**
   * PcReviewMarks::checklist-changed:
   *
   * The project checks its reports against another checklist (or version) now: every
   * review, score and summary is to be loaded again.
   */
  signals[CHECKLIST_CHANGED] =
    g_signal_new ("checklist-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_review_marks_init (PcReviewMarks *self)
{
}

PcReviewMarks *
pc_review_marks_new (PcReviewSession *session)
{
  PcReviewMarks *self;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (session), NULL);

  self = g_object_new (PC_TYPE_REVIEW_MARKS, NULL);
  self->session = g_object_ref (session);
  return self;
}

PcReviewSession *
pc_review_marks_get_session (PcReviewMarks *self)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), NULL);
  return self->session;
}

void
pc_review_marks_load_async (PcReviewMarks       *self,
                            PcReport            *report,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_MARKS (self));
  g_return_if_fail (PC_IS_REPORT (report));

  run_wrapped (self, load_job, g_object_ref (report), g_object_unref,
               (GDestroyNotify) pc_report_review_free, pc_review_marks_load_async, cancellable,
               callback, user_data);
}

/**
 * pc_review_marks_load_finish:
 *
 * Returns: (transfer full): the report's review
 */
PcReportReview *
pc_review_marks_load_finish (PcReviewMarks  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pc_review_marks_set_rating_async:
 * @rating: the reviewer's rating, or %PC_RATING_UNSET to let the proposal stand
 *
 * Stores the rating, stamped with the session's reviewer, and makes it undoable.
 */
void
pc_review_marks_set_rating_async (PcReviewMarks       *self,
                                  gint64               report_id,
                                  guint                item,
                                  PcRating             rating,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_MARKS (self));
  g_return_if_fail (item >= 1);

  start_mark (self, mark_record_new (MARK_RATING, report_id, item, rating,
                                     pc_review_session_get_reviewer (self->session)),
              pc_review_marks_set_rating_async, cancellable, callback, user_data);
}

/**
 * pc_review_marks_set_decision_async:
 * @decision: accept, reject, add, or %PC_DECISION_NONE to withdraw the decision
 *
 * Stores a report-wide decision on @item, stamped with the session's reviewer.
 */
void
pc_review_marks_set_decision_async (PcReviewMarks       *self,
                                    gint64               report_id,
                                    guint                item,
                                    PcDecision           decision,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_MARKS (self));
  g_return_if_fail (item >= 1);

  start_mark (self, mark_record_new (MARK_DECISION, report_id, item, decision,
                                     pc_review_session_get_reviewer (self->session)),
              pc_review_marks_set_decision_async, cancellable, callback, user_data);
}

gboolean
pc_review_marks_set_finish (PcReviewMarks  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pc_review_marks_summarize_async (PcReviewMarks       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_MARKS (self));

  run_wrapped (self, summarize_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
               pc_review_marks_summarize_async, cancellable, callback, user_data);
}

/**
 * pc_review_marks_summarize_finish:
 *
 * Returns: (transfer full) (element-type PcReportSummary): one summary per report
 */
GPtrArray *
pc_review_marks_summarize_finish (PcReviewMarks  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Checklists ------------------------------------------------------------------------------ */

static gpointer
list_checklists_job (PcProject     *project,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return pc_project_review_list_checklists (project, error);
}

/**
 * pc_review_marks_list_checklists_async:
 *
 * Lists the checklist versions the project holds; see pc_project_review_list_checklists().
 */
void
pc_review_marks_list_checklists_async (PcReviewMarks       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_MARKS (self));

  run_wrapped (self, list_checklists_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
               pc_review_marks_list_checklists_async, cancellable, callback, user_data);
}

/**
 * pc_review_marks_list_checklists_finish:
 *
 * Returns: (transfer full) (element-type PcStoredChecklist): the versions, or %NULL
 */
GPtrArray *
pc_review_marks_list_checklists_finish (PcReviewMarks  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gint64  id;    /* a stored version, or 0 */
  char   *path;  /* else a checklist file to import */
} ChecklistJob;

static void
checklist_job_free (gpointer data)
{
  ChecklistJob *job = data;

  g_free (job->path);
  g_free (job);
}

static gpointer
use_checklist_job (PcProject     *project,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ChecklistJob *job = data;
  g_autofree PcChecklistStoreInfo *info = g_new0 (PcChecklistStoreInfo, 1);
  g_autoptr(PcChecklist) checklist = NULL;
  gint64 id;

  if (job->path == NULL)
    id = pc_project_review_activate_checklist (project, job->id, info, error);
  else if ((checklist = pc_checklist_new_from_file (job->path, error)) != NULL)
    id = pc_project_review_store_checklist (project, checklist, info, error);
  else
    id = 0;
  return id != 0 ? g_steal_pointer (&info) : NULL;
}

static void
on_checklist_used_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PcReviewMarks *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  PcChecklistStoreInfo *info = pc_review_session_run_finish (PC_REVIEW_SESSION (source), result, &error);

  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (info->activated || info->settings_changed)
    g_signal_emit (self, signals[CHECKLIST_CHANGED], 0);
  g_task_return_pointer (task, info, g_free);
}

static void
use_checklist (PcReviewMarks       *self,
               ChecklistJob        *job,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, use_checklist);
  pc_review_session_run_async (self->session, use_checklist_job, job, checklist_job_free, g_free,
                               cancellable, on_checklist_used_cb, task);
}

/**
 * pc_review_marks_activate_checklist_async:
 * @id: a stored version, from pc_review_marks_list_checklists_async()
 *
 * Makes the project check its reports against a version it holds; the reviewers' work
 * follows to another version of the same checklist. Emits
 * #PcReviewMarks::checklist-changed. Finish with pc_review_marks_use_checklist_finish().
 */
void
pc_review_marks_activate_checklist_async (PcReviewMarks       *self,
                                          gint64               id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  ChecklistJob *job = g_new0 (ChecklistJob, 1);

  g_return_if_fail (PC_IS_REVIEW_MARKS (self));

  job->id = id;
  use_checklist (self, job, cancellable, callback, user_data);
}

/**
 * pc_review_marks_import_checklist_async:
 * @path: a checklist file (JSON), such as a province's own indicator system
 *
 * Stores the checklist in the project and makes it the one reports are checked against;
 * see pc_project_review_store_checklist(). Finish with pc_review_marks_use_checklist_finish().
 */
void
pc_review_marks_import_checklist_async (PcReviewMarks       *self,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  ChecklistJob *job = g_new0 (ChecklistJob, 1);

  g_return_if_fail (PC_IS_REVIEW_MARKS (self));
  g_return_if_fail (path != NULL);

  job->path = g_strdup (path);
  use_checklist (self, job, cancellable, callback, user_data);
}

/**
 * pc_review_marks_use_checklist_finish:
 *
 * Returns: (transfer full) (nullable): what storing the checklist did, or %NULL with
 *   @error set
 */
PcChecklistStoreInfo *
pc_review_marks_use_checklist_finish (PcReviewMarks  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_MARKS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

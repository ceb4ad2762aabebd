/* pc-review-session.c — what the review window edits through.
 *
 * A session holds the reviewer's name, the undo stack, and the way to the project. Made
 * with pc_review_session_new() it uses a project owned by the calling thread and every call
 * runs at once (tests, the CLI). Made with pc_review_session_open_async() it opens its own
 * connection on a database thread of its own, and the _async calls run there; the main
 * loop only prepares the request (quote and context are cut from the report text it
 * already has) and, when the result is back, files the undo record and announces the
 * change.
 *
 * Every edit is one transaction, saved at once, and pushes the inverse operation onto the
 * undo stack; undo and redo come back through the same signals as the edits themselves.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-review-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-project-private.h"
#include "pc-reader.h"
#include "pc-review-session.h"

struct _PcReviewSession
{
  GObject       parent_instance;
  PcProject       *project;  /* synchronous sessions: owned by the caller's thread */
  PcProjectWorker *worker;   /* threaded sessions: the thread that owns the project */
  char            *reviewer;
  PcUndoStack  *undo;
};

G_DEFINE_FINAL_TYPE (PcReviewSession, pc_review_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REVIEWER,
  PROP_UNDO_STACK,
  N_PROPS
};

enum {
  ANNOTATION_CHANGED,
  ANNOTATION_REMOVED,
  FINDING_STATUS_CHANGED,
  REPORTS_CHANGED,
  REPORT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  PcSessionJobFunc func;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data != NULL && job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
emit_changed (PcReviewSession *self,
              PcAnnotation    *annotation)
{
  g_autoptr(PcAnnotation) copy = pc_annotation_copy (annotation);

  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, copy);
}

static void
emit_removed (PcReviewSession *self,
              PcAnnotation    *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_REMOVED], 0, pc_annotation_get_id (annotation),
                 pc_annotation_get_report_id (annotation));
}

/* Undo records for annotations ---------------------------------------------------------- */

typedef enum
{
  ANNOT_DELETE,   /* delete these rows */
  ANNOT_RESTORE,  /* insert these rows again, under their ids */
  ANNOT_WRITE,    /* write these values over the rows */
} AnnotOp;

typedef struct
{
  AnnotOp            op;
  GPtrArray         *annotations;
  PcAnnotationField  fields;       /* what a write changed, for squashing */
} AnnotRecord;

static AnnotRecord *
annot_record_new (AnnotOp            op,
                  GPtrArray         *annotations,
                  PcAnnotationField  fields)
{
  AnnotRecord *record = g_new0 (AnnotRecord, 1);

  record->op = op;
  record->annotations = annotations;
  record->fields = fields;
  return record;
}

static AnnotRecord *
annot_record_new_one (AnnotOp            op,
                      PcAnnotation      *annotation,
                      PcAnnotationField  fields)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (annotations, pc_annotation_copy (annotation));
  return annot_record_new (op, annotations, fields);
}

static void
annot_record_free (gpointer data)
{
  AnnotRecord *record = data;

  g_ptr_array_unref (record->annotations);
  g_free (record);
}

static gboolean
apply_one (PcProject     *project,
           AnnotOp        op,
           PcAnnotation  *annotation,
           GPtrArray     *reverse,
           GError       **error)
{
  gint64 id = pc_annotation_get_id (annotation);
  g_autoptr(PcAnnotation) copy = NULL;
  g_autoptr(PcAnnotation) old = NULL;

  switch (op)
    {
    case ANNOT_DELETE:
      old = pc_project_get_annotation (project, id, error);
      if (old == NULL || !pc_project_delete_annotation (project, id, error))
        return FALSE;
      g_ptr_array_add (reverse, g_steal_pointer (&old));
      return TRUE;

    case ANNOT_RESTORE:
      copy = pc_annotation_copy (annotation);
      if (!pc_project_insert_annotation (project, copy, error))
        return FALSE;
      g_ptr_array_add (reverse, g_steal_pointer (&copy));
      return TRUE;

    case ANNOT_WRITE:
      old = pc_project_get_annotation (project, id, error);
      if (old == NULL || !pc_project_update_annotation (project, annotation, error))
        return FALSE;
      g_ptr_array_add (reverse, g_steal_pointer (&old));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gpointer
annot_record_apply (gpointer    data,
                    PcProject  *project,
                    GError    **error)
{
  AnnotRecord *record = data;
  g_autoptr(GPtrArray) reverse = g_ptr_array_new_with_free_func (g_object_unref);
  AnnotOp reverse_op;

  if (!_pc_project_begin (project, error))
    return NULL;
  for (guint i = 0; i < record->annotations->len; i++)
    if (!apply_one (project, record->op, g_ptr_array_index (record->annotations, i),
                    reverse, error))
      {
        _pc_project_rollback (project);
        return NULL;
      }
  if (!_pc_project_commit (project, error))
    return NULL;

  reverse_op = record->op == ANNOT_DELETE ? ANNOT_RESTORE
             : record->op == ANNOT_RESTORE ? ANNOT_DELETE
             : ANNOT_WRITE;
  return annot_record_new (reverse_op, g_steal_pointer (&reverse), record->fields);
}

static void
annot_record_applied (gpointer data,
                      gpointer target)
{
  AnnotRecord *record = data;
  PcReviewSession *self = target;

  for (guint i = 0; i < record->annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (record->annotations, i);

      if (record->op == ANNOT_DELETE)
        emit_removed (self, annotation);
      else
        emit_changed (self, annotation);
    }
}

static gboolean
annot_record_squash (gconstpointer older,
                     gconstpointer newer)
{
  const AnnotRecord *a = older;
  const AnnotRecord *b = newer;

  return a->op == ANNOT_WRITE && b->op == ANNOT_WRITE &&
         a->fields == b->fields && a->fields != 0 &&
         a->annotations->len == 1 && b->annotations->len == 1 &&
         pc_annotation_get_id (g_ptr_array_index (a->annotations, 0)) ==
         pc_annotation_get_id (g_ptr_array_index (b->annotations, 0));
}

static const PcUndoHandler annot_handler = {
  .apply = annot_record_apply,
  .applied = annot_record_applied,
  .free = annot_record_free,
  .squash = annot_record_squash,
};

/* Undo records for finding statuses ----------------------------------------------------- */

typedef struct
{
  gint64           report_id;
  char            *finding_key;
  PcFindingStatus *status;       /* NULL: no status stored */
} StatusRecord;

static StatusRecord *
status_record_new (gint64                 report_id,
                   const char            *finding_key,
                   const PcFindingStatus *status)
{
  StatusRecord *record = g_new0 (StatusRecord, 1);

  record->report_id = report_id;
  record->finding_key = g_strdup (finding_key);
  record->status = status != NULL ? pc_finding_status_copy (status) : NULL;
  return record;
}

static void
status_record_free (gpointer data)
{
  StatusRecord *record = data;

  g_clear_pointer (&record->status, pc_finding_status_free);
  g_free (record->finding_key);
  g_free (record);
}

static gpointer
status_record_apply (gpointer    data,
                     PcProject  *project,
                     GError    **error)
{
  StatusRecord *record = data;
  g_autoptr(PcFindingStatus) current = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  current = pc_project_get_finding_status (project, record->report_id, record->finding_key,
                                           &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record->status != NULL)
    ok = pc_project_put_finding_status (project, record->status, error);
  else
    ok = pc_project_clear_finding_status (project, record->report_id, record->finding_key,
                                          error);
  if (!ok)
    return NULL;
  return status_record_new (record->report_id, record->finding_key, current);
}

static void
status_record_applied (gpointer data,
                       gpointer target)
{
  StatusRecord *record = data;

  g_signal_emit (target, signals[FINDING_STATUS_CHANGED], 0, record->report_id,
                 record->finding_key);
}

static const PcUndoHandler status_handler = {
  .apply = status_record_apply,
  .applied = status_record_applied,
  .free = status_record_free,
};

/* Edits of whole reports ---------------------------------------------------------------- */

typedef enum
{
  REPORT_REMOVAL,      /* payload: the removal's GBytes to put the report back; NULL to remove it */
  REPORT_DETAILS,      /* payload: the PcReportDetails to store */
  REPORT_REPLACEMENT,  /* payload: a Replacement */
} ReportOp;

/* A revised version: read from @path the first time, then the recorded changes undone
 * (@invert) or redone. */
typedef struct
{
  char              *path;
  GBytes            *changes;
  gboolean           invert;
  PcReanchorSummary  summary;
} Replacement;

static Replacement *
replacement_new (const char        *path,
                 GBytes            *changes,
                 gboolean           invert,
                 PcReanchorSummary  summary)
{
  Replacement *replacement = g_new0 (Replacement, 1);

  replacement->path = g_strdup (path);
  replacement->changes = changes;
  replacement->invert = invert;
  replacement->summary = summary;
  return replacement;
}

static void
replacement_free (Replacement *replacement)
{
  g_free (replacement->path);
  g_clear_pointer (&replacement->changes, g_bytes_unref);
  g_free (replacement);
}

static Replacement *
replacement_apply (Replacement  *replacement,
                   PcProject    *project,
                   gint64        report_id,
                   GError      **error)
{
  g_autoptr(PcReport) revised = NULL;
  PcReanchorSummary summary = { 0 };
  GBytes *changes;

  if (replacement->changes != NULL)
    return pc_project_apply_changes (project, replacement->changes, replacement->invert, error)
           ? replacement_new (NULL, g_bytes_ref (replacement->changes), !replacement->invert,
                              replacement->summary)
           : NULL;
  if ((revised = pc_reader_read_file (replacement->path, NULL, error)) == NULL ||
      (changes = pc_project_replace_report (project, report_id, revised, &summary, error)) == NULL)
    return NULL;
  return replacement_new (NULL, changes, TRUE, summary);
}

/* Applying a record makes the edit and returns the record that reverses it. */
typedef struct
{
  ReportOp op;
  gint64   report_id;
  gpointer payload;
} ReportRecord;

static ReportRecord *
report_record_new (ReportOp op,
                   gint64   report_id,
                   gpointer payload)
{
  ReportRecord *record = g_new0 (ReportRecord, 1);

  record->op = op;
  record->report_id = report_id;
  record->payload = payload;
  return record;
}

static void
report_record_free (gpointer data)
{
  ReportRecord *record = data;

  if (record->op == REPORT_REMOVAL)
    g_clear_pointer (&record->payload, g_bytes_unref);
  else if (record->op == REPORT_DETAILS)
    g_clear_pointer (&record->payload, pc_report_details_free);
  else
    g_clear_pointer (&record->payload, replacement_free);
  g_free (record);
}

static gpointer
report_record_apply (gpointer    data,
                     PcProject  *project,
                     GError    **error)
{
  ReportRecord *record = data;
  gpointer reverse = NULL;

  switch (record->op)
    {
    case REPORT_REMOVAL:
      if (record->payload != NULL)
        return pc_project_restore_report (project, record->payload, error)
               ? report_record_new (REPORT_REMOVAL, record->report_id, NULL) : NULL;
      reverse = pc_project_remove_report (project, record->report_id, error);
      break;
    case REPORT_DETAILS:
      reverse = pc_project_set_report_details (project, record->report_id, record->payload, error);
      break;
    case REPORT_REPLACEMENT:
      reverse = replacement_apply (record->payload, project, record->report_id, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return reverse != NULL ? report_record_new (record->op, record->report_id, reverse) : NULL;
}

static void
report_record_applied (gpointer data,
                       gpointer target)
{
  ReportRecord *record = data;

  g_signal_emit (target, signals[record->op == REPORT_REMOVAL ? REPORTS_CHANGED
                                                              : REPORT_CHANGED],
                 0, record->report_id);
}

static const PcUndoHandler report_handler = {
  .apply = report_record_apply,
  .applied = report_record_applied,
  .free = report_record_free,
};

static gpointer
report_job (PcProject     *project,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return report_record_apply (data, project, error);
}

/* Running jobs -------------------------------------------------------------------------- */

static void
on_worker_job_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer value = pc_project_worker_run_finish (PC_PROJECT_WORKER (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, job->result_free);
}

/* Threaded sessions run each job on the worker's database thread, in order with the
 * worker's own requests; synchronous sessions run it here. */
static void
queue_job (PcReviewSession     *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  gpointer result;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* A change that was written is reported as such, even if cancelled too late. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->worker != NULL)
    {
      pc_project_worker_run_async (self->worker, (PcProjectWorkerFunc) job->func, job->data,
                                   NULL, job->result_free, cancellable,
                                   on_worker_job_done_cb, g_steal_pointer (&task));
      return;
    }
  result = job->func (self->project, job->data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

static Job *
job_new (PcSessionJobFunc func,
         gpointer         data,
         GDestroyNotify   data_free,
         GDestroyNotify   result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  return job;
}

static gpointer
run_sync (PcReviewSession  *self,
          PcSessionJobFunc  func,
          gpointer          data,
          GError          **error)
{
  g_return_val_if_fail (self->project != NULL, NULL);
  g_return_val_if_fail (_pc_project_is_owner (self->project), NULL);

  return func (self->project, data, NULL, error);
}

/* Jobs ---------------------------------------------------------------------------------- */

typedef struct
{
  PcAnnotation *old;
  PcAnnotation *new;
} EditResult;

static void
edit_result_free (gpointer data)
{
  EditResult *result = data;

  g_clear_object (&result->old);
  g_clear_object (&result->new);
  g_free (result);
}

static gpointer
add_job (PcProject     *project,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(PcAnnotation) annotation = pc_annotation_copy (data);

  if (!pc_project_insert_annotation (project, annotation, error))
    return NULL;
  return g_steal_pointer (&annotation);
}

typedef struct
{
  gint64             id;
  PcAnnotationField  fields;
  PcAnnotation      *values;
  char              *now;
} EditRequest;

static void
edit_request_free (gpointer data)
{
  EditRequest *request = data;

  g_clear_object (&request->values);
  g_free (request->now);
  g_free (request);
}

static void
copy_fields (PcAnnotation      *to,
             PcAnnotation      *from,
             PcAnnotationField  fields)
{
  if (fields & PC_ANNOTATION_FIELD_ITEM)
    pc_annotation_set_item (to, pc_annotation_get_item (from));
  if (fields & PC_ANNOTATION_FIELD_KIND)
    pc_annotation_set_kind (to, pc_annotation_get_kind (from));
  if (fields & PC_ANNOTATION_FIELD_SEVERITY)
    pc_annotation_set_severity (to, pc_annotation_get_severity (from));
  if (fields & PC_ANNOTATION_FIELD_COMMENT)
    pc_annotation_set_comment (to, pc_annotation_get_comment (from));
  if (fields & PC_ANNOTATION_FIELD_FIX)
    pc_annotation_set_fix (to, pc_annotation_get_fix (from));
  if (fields & PC_ANNOTATION_FIELD_STATUS)
    pc_annotation_set_status (to, pc_annotation_get_status (from));
  if (fields & PC_ANNOTATION_FIELD_RANGE)
    {
      pc_annotation_set_range (to, pc_annotation_get_range (from));
      pc_annotation_set_quote (to, pc_annotation_get_quote (from));
      pc_annotation_set_context_before (to, pc_annotation_get_context_before (from));
      pc_annotation_set_context_after (to, pc_annotation_get_context_after (from));
    }
}

/* Only problems have a severity; a problem always has one. */
static void
normalize_severity (PcAnnotation *annotation)
{
  if (pc_annotation_get_kind (annotation) != PC_ANNOTATION_PROBLEM)
    pc_annotation_set_severity (annotation, PC_SEVERITY_NONE);
  else if (pc_annotation_get_severity (annotation) == PC_SEVERITY_NONE)
    pc_annotation_set_severity (annotation, PC_SEVERITY_MEDIUM);
}

static gpointer
edit_job (PcProject     *project,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  EditRequest *request = data;
  g_autoptr(PcAnnotation) old = NULL;
  g_autoptr(PcAnnotation) new = NULL;
  EditResult *result;

  old = pc_project_get_annotation (project, request->id, error);
  if (old == NULL)
    return NULL;
  new = pc_annotation_copy (old);
  copy_fields (new, request->values, request->fields);
  normalize_severity (new);
  pc_annotation_set_modified (new, request->now);
  if (!pc_project_update_annotation (project, new, error))
    return NULL;
  result = g_new0 (EditResult, 1);
  result->old = g_steal_pointer (&old);
  result->new = g_steal_pointer (&new);
  return result;
}

static gpointer
delete_job (PcProject     *project,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(PcAnnotation) old = NULL;
  gboolean ok;

  if (!_pc_project_begin (project, error))
    return NULL;
  old = pc_project_get_annotation (project, id, error);
  ok = old != NULL && pc_project_delete_annotation (project, id, error);
  if (!ok)
    {
      _pc_project_rollback (project);
      return NULL;
    }
  if (!_pc_project_commit (project, error))
    return NULL;
  return g_steal_pointer (&old);
}

typedef struct
{
  PcFindingStatus *old;   /* nullable */
  PcFindingStatus *new;
} StatusResult;

static void
status_result_free (gpointer data)
{
  StatusResult *result = data;

  g_clear_pointer (&result->old, pc_finding_status_free);
  g_clear_pointer (&result->new, pc_finding_status_free);
  g_free (result);
}

static gpointer
status_job (PcProject     *project,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PcFindingStatus *status = data;
  g_autoptr(GError) local_error = NULL;
  StatusResult *result;
  PcFindingStatus *old;

  old = pc_project_get_finding_status (project, status->report_id, status->finding_key,
                                       &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!pc_project_put_finding_status (project, status, error))
    {
      pc_finding_status_free (old);
      return NULL;
    }
  result = g_new0 (StatusResult, 1);
  result->old = old;
  result->new = pc_finding_status_copy (status);
  return result;
}

static gpointer
list_job (PcProject     *project,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return pc_project_list_annotations (project, *(gint64 *) data, error);
}

static gpointer
step_job (PcProject     *project,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  /* The step keeps its own error, for pc_undo_stack_finish(). */
  pc_undo_step_run (data, project, NULL);
  return data;
}

typedef struct
{
  gint64        from_report_id;
  gint64        to_report_id;
  PcAnchorText *text;
  char         *now;
} ReanchorRequest;

static void
reanchor_request_free (gpointer data)
{
  ReanchorRequest *request = data;

  g_clear_pointer (&request->text, pc_anchor_text_free);
  g_free (request->now);
  g_free (request);
}

typedef struct
{
  GPtrArray         *old;
  GPtrArray         *new;
  PcReanchorSummary  summary;
} ReanchorResult;

static void
reanchor_result_free (gpointer data)
{
  ReanchorResult *result = data;

  g_clear_pointer (&result->old, g_ptr_array_unref);
  g_clear_pointer (&result->new, g_ptr_array_unref);
  g_free (result);
}

static gpointer
reanchor_job (PcProject     *project,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ReanchorRequest *request = data;
  g_autoptr(GPtrArray) annotations = NULL;
  ReanchorResult *result;

  annotations = pc_project_list_annotations (project, request->from_report_id, error);
  if (annotations == NULL || !_pc_project_begin (project, error))
    return NULL;
  result = g_new0 (ReanchorResult, 1);
  result->old = g_ptr_array_new_with_free_func (g_object_unref);
  result->new = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (annotations, i);
      PcAnchorMatch match;
      g_autoptr(PcAnnotation) moved = pc_annotation_reanchored (annotation, request->text,
                                                                request->to_report_id,
                                                                request->now, &match);

      pc_reanchor_summary_count (&result->summary, match);
      if (moved == NULL)
        continue;
      if (!pc_project_update_annotation (project, moved, error))
        {
          _pc_project_rollback (project);
          reanchor_result_free (result);
          return NULL;
        }
      g_ptr_array_add (result->old, g_object_ref (annotation));
      g_ptr_array_add (result->new, g_steal_pointer (&moved));
    }
  if (!_pc_project_commit (project, error))
    {
      reanchor_result_free (result);
      return NULL;
    }
  return result;
}

/* Back on the session's thread ---------------------------------------------------------- */

static const char *
describe_edit (PcAnnotationField fields)
{
  switch (fields)
    {
    case PC_ANNOTATION_FIELD_ITEM:
      return _("Reassign Outline Item");
    case PC_ANNOTATION_FIELD_KIND:
      return _("Change Annotation Kind");
    case PC_ANNOTATION_FIELD_SEVERITY:
      return _("Change Severity");
    case PC_ANNOTATION_FIELD_COMMENT:
      return _("Edit Comment");
    case PC_ANNOTATION_FIELD_FIX:
      return _("Edit Recommended Fix");
    case PC_ANNOTATION_FIELD_STATUS:
      return _("Change Status");
    case PC_ANNOTATION_FIELD_RANGE:
      return _("Resize Annotation");
    default:
      return _("Edit Annotation");
    }
}

static void
added (PcReviewSession *self,
       PcAnnotation    *annotation)
{
  pc_undo_stack_push (self->undo, &annot_handler, self,
                      annot_record_new_one (ANNOT_DELETE, annotation, 0),
                      _("Add Annotation"));
  emit_changed (self, annotation);
}

static void
edited (PcReviewSession   *self,
        EditResult        *result,
        PcAnnotationField  fields)
{
  pc_undo_stack_push (self->undo, &annot_handler, self,
                      annot_record_new_one (ANNOT_WRITE, result->old, fields),
                      describe_edit (fields));
  emit_changed (self, result->new);
}

static void
deleted (PcReviewSession *self,
         PcAnnotation    *old)
{
  pc_undo_stack_push (self->undo, &annot_handler, self,
                      annot_record_new_one (ANNOT_RESTORE, old, 0),
                      _("Delete Annotation"));
  emit_removed (self, old);
}

static void
status_set (PcReviewSession *self,
            StatusResult    *result)
{
  pc_undo_stack_push (self->undo, &status_handler, self,
                      status_record_new (result->new->report_id, result->new->finding_key,
                                         result->old),
                      _("Change Finding Status"));
  g_signal_emit (self, signals[FINDING_STATUS_CHANGED], 0, result->new->report_id,
                 result->new->finding_key);
}

static void
reanchored (PcReviewSession *self,
            ReanchorResult  *result)
{
  if (result->old->len > 0)
    pc_undo_stack_push (self->undo, &annot_handler, self,
                        annot_record_new (ANNOT_WRITE, g_ptr_array_ref (result->old),
                                          PC_ANNOTATION_FIELD_RANGE),
                        _("Re-anchor Annotations"));
  for (guint i = 0; i < result->new->len; i++)
    emit_changed (self, g_ptr_array_index (result->new, i));
}

/* Requests, prepared on the session's thread -------------------------------------------- */

static gboolean
capture (PcReport      *report,
         PcRange        range,
         PcAnnotation  *annotation,
         GError       **error)
{
  g_autoptr(PcAnchorText) text = pc_anchor_text_new (pc_report_get_text (report));
  g_autofree char *quote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!pc_anchor_capture (text, range, PC_ANNOTATION_CONTEXT_CHARS, &quote, &before, &after))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The selected passage (characters %u to %u) is not inside the report "
                     "text, which has %u characters."),
                   range.start, range.end, pc_anchor_text_length (text));
      return FALSE;
    }
  pc_annotation_set_range (annotation, range);
  pc_annotation_set_quote (annotation, quote);
  pc_annotation_set_context_before (annotation, before);
  pc_annotation_set_context_after (annotation, after);
  return TRUE;
}

static PcAnnotation *
prepare_new (PcReviewSession   *self,
             PcReport          *report,
             PcRange            range,
             guint              item,
             PcAnnotationKind   kind,
             PcSeverity         severity,
             const char        *comment,
             const char        *fix,
             GError           **error)
{
  g_autoptr(PcAnnotation) annotation = pc_annotation_new ();
  g_autofree char *now = dup_now ();

  if (!capture (report, range, annotation, error))
    return NULL;
  pc_annotation_set_report_id (annotation, pc_report_get_id (report));
  pc_annotation_set_item (annotation, item);
  pc_annotation_set_kind (annotation, kind);
  pc_annotation_set_severity (annotation, severity);
  normalize_severity (annotation);
  pc_annotation_set_comment (annotation, comment);
  pc_annotation_set_fix (annotation, fix);
  pc_annotation_set_status (annotation, PC_STATUS_OPEN);
  pc_annotation_set_reviewer (annotation, self->reviewer);
  pc_annotation_set_created (annotation, now);
  pc_annotation_set_modified (annotation, now);
  return g_steal_pointer (&annotation);
}

static EditRequest *
edit_request_new (gint64             id,
                  PcAnnotationField  fields,
                  PcAnnotation      *values)
{
  EditRequest *request = g_new0 (EditRequest, 1);

  request->id = id;
  request->fields = fields;
  request->values = pc_annotation_copy (values);
  request->now = dup_now ();
  return request;
}

static EditRequest *
range_request_new (PcReport  *report,
                   gint64     id,
                   PcRange    range,
                   GError   **error)
{
  g_autoptr(PcAnnotation) values = pc_annotation_new ();

  if (!capture (report, range, values, error))
    return NULL;
  return edit_request_new (id, PC_ANNOTATION_FIELD_RANGE, values);
}

static PcFindingStatus *
status_request_new (PcReviewSession *self,
                    gint64           report_id,
                    const char      *finding_key,
                    PcStatus         status,
                    const char      *note)
{
  g_autofree char *now = dup_now ();

  return pc_finding_status_new (report_id, finding_key, status, self->reviewer, note, now);
}

/* Object -------------------------------------------------------------------------------- */

static void
pc_review_session_dispose (GObject *object)
{
  PcReviewSession *self = PC_REVIEW_SESSION (object);

  if (self->undo != NULL)
    pc_undo_stack_clear (self->undo);
  /* A worker closes the project on its own thread, after whatever was queued before. */
  g_clear_object (&self->worker);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (pc_review_session_parent_class)->dispose (object);
}

static void
pc_review_session_finalize (GObject *object)
{
  PcReviewSession *self = PC_REVIEW_SESSION (object);

  g_clear_object (&self->undo);
  g_clear_pointer (&self->reviewer, g_free);

  G_OBJECT_CLASS (pc_review_session_parent_class)->finalize (object);
}

static void
pc_review_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcReviewSession *self = PC_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_review_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PcReviewSession *self = PC_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_REVIEWER:
      pc_review_session_set_reviewer (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_review_session_class_init (PcReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pc_review_session_dispose;
  object_class->finalize = pc_review_session_finalize;
  object_class->get_property = pc_review_session_get_property;
  object_class->set_property = pc_review_session_set_property;

  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, PC_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PcReviewSession::annotation-changed:
   * @annotation: a copy of the annotation as it is now stored
   *
   * An annotation was added, edited, or brought back by undo or redo.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PC_TYPE_ANNOTATION);

  /**
   * PcReviewSession::annotation-removed:
   * @id: the annotation's id
   * @report_id: the report it was on
   */
  signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * PcReviewSession::finding-status-changed:
   * @report_id: the report
   * @finding_key: the finding, as pc_finding_dup_key() names it
   */
  signals[FINDING_STATUS_CHANGED] =
    g_signal_new ("finding-status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * PcReviewSession::reports-changed:
   * @report_id: the report removed or put back
   *
   * A report left the project or came back, by pc_review_session_remove_report_async()
   * or by undo or redo.
   */
  signals[REPORTS_CHANGED] =
    g_signal_new ("reports-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PcReviewSession::report-changed:
   * @report_id: the report
   *
   * A report's title, agency, year, date or number was corrected, or it was replaced with a
   * revised version (its annotations moved along), or either was undone or redone.
   */
  signals[REPORT_CHANGED] =
    g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
pc_review_session_init (PcReviewSession *self)
{
  self->undo = pc_undo_stack_new ();
}

/**
 * pc_review_session_new:
 * @project: a project owned by the calling thread
 * @reviewer: (nullable): the name stamped on every annotation made
 *
 * A session whose calls all run at once on this thread: for tests and the CLI. The _async
 * calls work too, but do their work before they return.
 */
PcReviewSession *
pc_review_session_new (PcProject  *project,
                       const char *reviewer)
{
  PcReviewSession *self;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (_pc_project_is_owner (project), NULL);

  self = g_object_new (PC_TYPE_REVIEW_SESSION, "reviewer", reviewer, NULL);
  self->project = g_object_ref (project);
  return self;
}

/**
 * pc_review_session_new_for_worker:
 * @worker: the project's database thread, opened or with its open request queued
 *
 * A threaded session: every edit runs on @worker's thread, the one connection to the
 * project, in order with the worker's other requests.
 *
 * Returns: (transfer full): the session
 */
PcReviewSession *
pc_review_session_new_for_worker (PcProjectWorker *worker,
                                  const char      *reviewer)
{
  PcReviewSession *self;

  g_return_val_if_fail (PC_IS_PROJECT_WORKER (worker), NULL);

  self = g_object_new (PC_TYPE_REVIEW_SESSION, "reviewer", reviewer, NULL);
  self->worker = g_object_ref (worker);
  return self;
}

static void
on_worker_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!pc_project_worker_open_finish (PC_PROJECT_WORKER (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (g_task_get_source_object (task)), g_object_unref);
}

/**
 * pc_review_session_open_async:
 * @path: the project file
 *
 * Starts a threaded session with a #PcProjectWorker of its own and opens @path on it. A
 * window that already has a worker for the project uses
 * pc_review_session_new_for_worker() instead, so the project has one connection.
 */
void
pc_review_session_open_async (const char          *path,
                              const char          *reviewer,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(PcProjectWorker) worker = NULL;
  g_autoptr(PcReviewSession) self = NULL;
  GTask *task;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  worker = pc_project_worker_new (path);
  self = pc_review_session_new_for_worker (worker, reviewer);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pc_review_session_open_async);
  pc_project_worker_open_async (worker, cancellable, on_worker_opened_cb, task);
}

/**
 * pc_review_session_open_finish:
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
PcReviewSession *
pc_review_session_open_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_review_session_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
pc_review_session_is_threaded (PcReviewSession *self)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  return self->worker != NULL;
}

/**
 * pc_review_session_get_undo_stack:
 *
 * Returns: (transfer none): the stack; win.undo and win.redo follow its can-undo and
 *   can-redo, and call pc_review_session_undo_async() and pc_review_session_redo_async()
 */
PcUndoStack *
pc_review_session_get_undo_stack (PcReviewSession *self)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  return self->undo;
}

const char *
pc_review_session_get_reviewer (PcReviewSession *self)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  return self->reviewer;
}

void
pc_review_session_set_reviewer (PcReviewSession *self,
                                const char      *reviewer)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));

  if (g_strcmp0 (self->reviewer, reviewer) == 0)
    return;
  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

/* Generic jobs -------------------------------------------------------------------------- */

/**
 * pc_review_session_run:
 *
 * Runs @func on the session's project at once (synchronous sessions only).
 *
 * Returns: (transfer full): what @func returned
 */
gpointer
pc_review_session_run (PcReviewSession   *self,
                       PcSessionJobFunc   func,
                       gpointer           data,
                       GError           **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  return run_sync (self, func, data, error);
}

/**
 * pc_review_session_run_async:
 * @data_free: (nullable): frees @data when the job is done
 * @result_free: (nullable): frees a result nobody finished
 *
 * Runs @func on the project's owner thread, in order with every other request of the
 * session. A %NULL result without an error is a valid result.
 */
void
pc_review_session_run_async (PcReviewSession     *self,
                             PcSessionJobFunc     func,
                             gpointer             data,
                             GDestroyNotify       data_free,
                             GDestroyNotify       result_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (func != NULL);

  queue_job (self, job_new (func, data, data_free, result_free), pc_review_session_run_async,
             cancellable, callback, user_data);
}

gpointer
pc_review_session_run_finish (PcReviewSession  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pc_review_session_push_undo:
 *
 * Records an edit another model made through this session's jobs, so that the one undo
 * stack covers it; see pc_undo_stack_push().
 */
void
pc_review_session_push_undo (PcReviewSession     *self,
                             const PcUndoHandler *handler,
                             gpointer             target,
                             gpointer             data,
                             const char          *description)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  pc_undo_stack_push (self->undo, handler, target, data, description);
}

/* Synchronous API ----------------------------------------------------------------------- */

/**
 * pc_review_session_add_annotation:
 * @report: the report, with its id and text
 * @range: the passage, in characters of the report text; must not be empty
 * @item: an item of the project's checklist, or 0
 * @severity: for problems; ignored for the other kinds
 *
 * Stores a new annotation with the quote and context cut from @report, stamped with the
 * reviewer and the time.
 *
 * Returns: (transfer full): the stored annotation, with its id
 */
PcAnnotation *
pc_review_session_add_annotation (PcReviewSession   *self,
                                  PcReport          *report,
                                  PcRange            range,
                                  guint              item,
                                  PcAnnotationKind   kind,
                                  PcSeverity         severity,
                                  const char        *comment,
                                  const char        *fix,
                                  GError           **error)
{
  g_autoptr(PcAnnotation) request = NULL;
  PcAnnotation *annotation;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);
  g_return_val_if_fail (item <= PC_ANNOTATION_MAX_ITEM, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = prepare_new (self, report, range, item, kind, severity, comment, fix, error);
  if (request == NULL)
    return NULL;
  annotation = run_sync (self, add_job, request, error);
  if (annotation != NULL)
    added (self, annotation);
  return annotation;
}

/**
 * pc_review_session_update_annotation:
 * @fields: which fields of @values to store; a single field makes an undo step that
 *   squashes with quick further edits of the same field
 * @values: an annotation holding the new values
 *
 * Returns: (transfer full): the annotation as now stored
 */
PcAnnotation *
pc_review_session_update_annotation (PcReviewSession    *self,
                                     gint64              id,
                                     PcAnnotationField   fields,
                                     PcAnnotation       *values,
                                     GError            **error)
{
  EditRequest *request;
  EditResult *result;
  PcAnnotation *annotation;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (PC_IS_ANNOTATION (values), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = edit_request_new (id, fields, values);
  result = run_sync (self, edit_job, request, error);
  edit_request_free (request);
  if (result == NULL)
    return NULL;
  edited (self, result, fields);
  annotation = g_steal_pointer (&result->new);
  edit_result_free (result);
  return annotation;
}

/**
 * pc_review_session_set_range:
 *
 * Widens, narrows or moves an annotation on @report; its quote and context are cut again.
 *
 * Returns: (transfer full): the annotation as now stored
 */
PcAnnotation *
pc_review_session_set_range (PcReviewSession  *self,
                             PcReport         *report,
                             gint64            id,
                             PcRange           range,
                             GError          **error)
{
  EditRequest *request;
  EditResult *result;
  PcAnnotation *annotation;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = range_request_new (report, id, range, error);
  if (request == NULL)
    return NULL;
  result = run_sync (self, edit_job, request, error);
  edit_request_free (request);
  if (result == NULL)
    return NULL;
  edited (self, result, PC_ANNOTATION_FIELD_RANGE);
  annotation = g_steal_pointer (&result->new);
  edit_result_free (result);
  return annotation;
}

gboolean
pc_review_session_delete_annotation (PcReviewSession  *self,
                                     gint64            id,
                                     GError          **error)
{
  g_autoptr(PcAnnotation) old = NULL;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = run_sync (self, delete_job, &id, error);
  if (old == NULL)
    return FALSE;
  deleted (self, old);
  return TRUE;
}

/**
 * pc_review_session_list_annotations:
 * @report_id: a report, or 0 for all
 *
 * Returns: (transfer container) (element-type PcAnnotation): the annotations in text order
 */
GPtrArray *
pc_review_session_list_annotations (PcReviewSession  *self,
                                    gint64            report_id,
                                    GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  return run_sync (self, list_job, &report_id, error);
}

/**
 * pc_review_session_set_finding_status:
 * @finding_key: from pc_finding_dup_key()
 * @note: (nullable): the reviewer's note on the finding
 */
gboolean
pc_review_session_set_finding_status (PcReviewSession  *self,
                                      gint64            report_id,
                                      const char       *finding_key,
                                      PcStatus          status,
                                      const char       *note,
                                      GError          **error)
{
  g_autoptr(PcFindingStatus) request = NULL;
  StatusResult *result;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (finding_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  request = status_request_new (self, report_id, finding_key, status, note);
  result = run_sync (self, status_job, request, error);
  if (result == NULL)
    return FALSE;
  status_set (self, result);
  status_result_free (result);
  return TRUE;
}

/**
 * pc_review_session_reanchor:
 * @from_report_id: the report the annotations were made on
 * @to_report: the same report read again, stored, with its id (it may be @from_report_id)
 * @out_summary: (out) (optional): how each annotation was found
 *
 * Moves every annotation of @from_report_id onto @to_report, at the passage that
 * pc_anchor_locate() finds, as one undo step. Orphans stay where they were.
 */
gboolean
pc_review_session_reanchor (PcReviewSession    *self,
                            gint64              from_report_id,
                            PcReport           *to_report,
                            PcReanchorSummary  *out_summary,
                            GError            **error)
{
  ReanchorRequest *request;
  ReanchorResult *result;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (PC_IS_REPORT (to_report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  request = g_new0 (ReanchorRequest, 1);
  request->from_report_id = from_report_id;
  request->to_report_id = pc_report_get_id (to_report);
  request->text = pc_anchor_text_new (pc_report_get_text (to_report));
  request->now = dup_now ();
  result = run_sync (self, reanchor_job, request, error);
  reanchor_request_free (request);
  if (result == NULL)
    return FALSE;
  reanchored (self, result);
  if (out_summary != NULL)
    *out_summary = result->summary;
  reanchor_result_free (result);
  return TRUE;
}

static gboolean
step_now (PcReviewSession  *self,
          PcUndoDirection   direction,
          GError          **error)
{
  g_return_val_if_fail (self->project != NULL, FALSE);

  return direction == PC_UNDO_DIRECTION_UNDO
         ? pc_undo_stack_undo (self->undo, self->project, error)
         : pc_undo_stack_redo (self->undo, self->project, error);
}

/**
 * pc_review_session_undo:
 *
 * Returns: %FALSE when there was nothing to undo, or with @error set when it failed
 */
gboolean
pc_review_session_undo (PcReviewSession  *self,
                        GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  return step_now (self, PC_UNDO_DIRECTION_UNDO, error);
}

gboolean
pc_review_session_redo (PcReviewSession  *self,
                        GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  return step_now (self, PC_UNDO_DIRECTION_REDO, error);
}

/* Asynchronous API ---------------------------------------------------------------------- */

typedef enum
{
  CONT_ADD,
  CONT_EDIT,
  CONT_DELETE,
  CONT_STATUS,
  CONT_STEP,
  CONT_LIST,
} ContKind;

/* What to do when a job comes back: file its undo record, then answer the caller. */
typedef struct
{
  ContKind           kind;
  PcAnnotationField  fields;
} Cont;

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PcReviewSession *self = PC_REVIEW_SESSION (source);
  g_autoptr(GTask) task = user_data;
  Cont *cont = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer value;

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (cont->kind)
    {
    case CONT_ADD:
      added (self, value);
      g_task_return_pointer (task, value, g_object_unref);
      break;

    case CONT_EDIT:
      edited (self, value, cont->fields);
      g_task_return_pointer (task, g_steal_pointer (&((EditResult *) value)->new),
                             g_object_unref);
      edit_result_free (value);
      break;

    case CONT_DELETE:
      deleted (self, value);
      g_object_unref (value);
      g_task_return_boolean (task, TRUE);
      break;

    case CONT_STATUS:
      status_set (self, value);
      status_result_free (value);
      g_task_return_boolean (task, TRUE);
      break;

    case CONT_STEP:
      if (pc_undo_stack_finish (self->undo, value, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;

    case CONT_LIST:
      g_task_return_pointer (task, value, (GDestroyNotify) g_ptr_array_unref);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
start (PcReviewSession     *self,
       ContKind             kind,
       PcAnnotationField    fields,
       gpointer             source_tag,
       PcSessionJobFunc     func,
       gpointer             data,
       GDestroyNotify       data_free,
       GDestroyNotify       result_free,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Cont *cont = g_new0 (Cont, 1);

  cont->kind = kind;
  cont->fields = fields;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, cont, g_free);
  g_task_set_check_cancellable (task, FALSE);
  /* The job itself is not cancelled once queued: a started edit is always filed. */
  queue_job (self, job_new (func, data, data_free, result_free), start, NULL,
             on_job_done_cb, task);
}

static void
fail_now (PcReviewSession     *self,
          gpointer             source_tag,
          GError              *error,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_task_report_error (self, callback, user_data, source_tag, error);
}

void
pc_review_session_add_annotation_async (PcReviewSession     *self,
                                        PcReport            *report,
                                        PcRange              range,
                                        guint                item,
                                        PcAnnotationKind     kind,
                                        PcSeverity           severity,
                                        const char          *comment,
                                        const char          *fix,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GError *error = NULL;
  PcAnnotation *request;

  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (PC_IS_REPORT (report));
  g_return_if_fail (item <= PC_ANNOTATION_MAX_ITEM);

  request = prepare_new (self, report, range, item, kind, severity, comment, fix, &error);
  if (request == NULL)
    {
      fail_now (self, pc_review_session_edit_finish, error, callback, user_data);
      return;
    }
  start (self, CONT_ADD, 0, pc_review_session_edit_finish, add_job, request, g_object_unref,
         g_object_unref, cancellable, callback, user_data);
}

void
pc_review_session_update_annotation_async (PcReviewSession     *self,
                                           gint64               id,
                                           PcAnnotationField    fields,
                                           PcAnnotation        *values,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (PC_IS_ANNOTATION (values));

  start (self, CONT_EDIT, fields, pc_review_session_edit_finish, edit_job,
         edit_request_new (id, fields, values), edit_request_free, edit_result_free,
         cancellable, callback, user_data);
}

void
pc_review_session_set_range_async (PcReviewSession     *self,
                                   PcReport            *report,
                                   gint64               id,
                                   PcRange              range,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GError *error = NULL;
  EditRequest *request;

  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (PC_IS_REPORT (report));

  request = range_request_new (report, id, range, &error);
  if (request == NULL)
    {
      fail_now (self, pc_review_session_edit_finish, error, callback, user_data);
      return;
    }
  start (self, CONT_EDIT, PC_ANNOTATION_FIELD_RANGE, pc_review_session_edit_finish, edit_job,
         request, edit_request_free, edit_result_free, cancellable, callback, user_data);
}

/**
 * pc_review_session_edit_finish:
 *
 * Returns: (transfer full): the annotation as now stored
 */
PcAnnotation *
pc_review_session_edit_finish (PcReviewSession  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_review_session_edit_finish, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pc_review_session_delete_annotation_async (PcReviewSession     *self,
                                           gint64               id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));

  start (self, CONT_DELETE, 0, pc_review_session_change_finish, delete_job,
         g_memdup2 (&id, sizeof id), g_free, g_object_unref, cancellable, callback, user_data);
}

void
pc_review_session_set_finding_status_async (PcReviewSession     *self,
                                            gint64               report_id,
                                            const char          *finding_key,
                                            PcStatus             status,
                                            const char          *note,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (finding_key != NULL);

  start (self, CONT_STATUS, 0, pc_review_session_change_finish, status_job,
         status_request_new (self, report_id, finding_key, status, note),
         (GDestroyNotify) pc_finding_status_free, status_result_free,
         cancellable, callback, user_data);
}

static void
step_async (PcReviewSession     *self,
            PcUndoDirection      direction,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  PcUndoStep *step = pc_undo_stack_begin (self->undo, direction);

  if (step == NULL)
    {
      fail_now (self, pc_review_session_change_finish,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                     direction == PC_UNDO_DIRECTION_UNDO
                                     ? _("There is nothing to undo.")
                                     : _("There is nothing to redo.")),
                callback, user_data);
      return;
    }
  /* An unfinished step is never dropped: it always comes back to finish(). */
  start (self, CONT_STEP, 0, pc_review_session_change_finish, step_job, step, NULL, NULL,
         cancellable, callback, user_data);
}

/**
 * pc_review_session_undo_async:
 *
 * Undoes the last edit on the database thread; can-undo and can-redo are %FALSE meanwhile,
 * and the change comes back through the session's signals before @callback runs.
 */
void
pc_review_session_undo_async (PcReviewSession     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  step_async (self, PC_UNDO_DIRECTION_UNDO, cancellable, callback, user_data);
}

void
pc_review_session_redo_async (PcReviewSession     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  step_async (self, PC_UNDO_DIRECTION_REDO, cancellable, callback, user_data);
}

gboolean
pc_review_session_change_finish (PcReviewSession  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_review_session_change_finish, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_report_edited_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PcReviewSession *self = PC_REVIEW_SESSION (source);
  GError *error = NULL;
  ReportRecord *reverse = pc_review_session_run_finish (self, result, &error);
  PcReanchorSummary *summary = NULL;

  if (reverse == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A replacement tells how its annotations fared; the record goes to the stack below. */
  if (reverse->op == REPORT_REPLACEMENT)
    summary = g_memdup2 (&((Replacement *) reverse->payload)->summary, sizeof (PcReanchorSummary));
  report_record_applied (reverse, self);
  pc_undo_stack_push (self->undo, &report_handler, self, reverse, g_task_get_task_data (task));
  if (summary != NULL)
    g_task_return_pointer (task, summary, g_free);
  else
    g_task_return_boolean (task, TRUE);
}

/* Makes the edit @request holds on the database thread, then files its reverse as one undo
 * step called @description. */
static void
start_report_edit (PcReviewSession     *self,
                   ReportRecord        *request,
                   const char          *description,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_strdup (description), g_free);
  pc_review_session_run_async (self, report_job, request, report_record_free, report_record_free,
                               cancellable, on_report_edited_cb, task);
}

/**
 * pc_review_session_set_report_details_async:
 *
 * Stores a reviewer's correction of the report's title, agency, year, date or number as one
 * undo step; see pc_project_set_report_details(). Finish with
 * pc_review_session_change_finish().
 */
void
pc_review_session_set_report_details_async (PcReviewSession       *self,
                                            gint64                 report_id,
                                            const PcReportDetails *details,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (details != NULL);

  start_report_edit (self, report_record_new (REPORT_DETAILS, report_id,
                                              pc_report_details_copy (details)),
                     _("Correct report details"), pc_review_session_change_finish, cancellable,
                     callback, user_data);
}

/**
 * pc_review_session_remove_report_async:
 * @description: (nullable): the undo step's label, such as “Remove 某局 2023”
 *
 * Takes the report out of the project with everything made on it, as one undo step: undo
 * puts it all back under the same ids. Finish with pc_review_session_change_finish().
 */
void
pc_review_session_remove_report_async (PcReviewSession     *self,
                                       gint64               report_id,
                                       const char          *description,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));

  start_report_edit (self, report_record_new (REPORT_REMOVAL, report_id, NULL),
                     description ? description : _("Remove report"),
                     pc_review_session_change_finish, cancellable, callback, user_data);
}

/**
 * pc_review_session_replace_report_async:
 * @path: the revised version's file
 *
 * Reads @path and gives the report its text, keeping the review and moving the annotations
 * along (pc_project_replace_report()), as one undo step. Finish with
 * pc_review_session_replace_report_finish().
 */
void
pc_review_session_replace_report_async (PcReviewSession     *self,
                                        gint64               report_id,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  PcReanchorSummary none = { 0 };

  g_return_if_fail (PC_IS_REVIEW_SESSION (self));
  g_return_if_fail (path != NULL);

  start_report_edit (self, report_record_new (REPORT_REPLACEMENT, report_id,
                                              replacement_new (path, NULL, FALSE, none)),
                     _("Replace with revised version"), pc_review_session_replace_report_finish,
                     cancellable, callback, user_data);
}

/**
 * pc_review_session_replace_report_finish:
 * @out_summary: (out) (optional): how the annotations were found again
 */
gboolean
pc_review_session_replace_report_finish (PcReviewSession    *self,
                                         GAsyncResult       *result,
                                         PcReanchorSummary  *out_summary,
                                         GError            **error)
{
  g_autofree PcReanchorSummary *summary = NULL;

  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_review_session_replace_report_finish, FALSE);

  summary = g_task_propagate_pointer (G_TASK (result), error);
  if (summary == NULL)
    return FALSE;
  if (out_summary != NULL)
    *out_summary = *summary;
  return TRUE;
}

void
pc_review_session_list_annotations_async (PcReviewSession     *self,
                                          gint64               report_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (PC_IS_REVIEW_SESSION (self));

  start (self, CONT_LIST, 0, pc_review_session_list_annotations_async, list_job,
         g_memdup2 (&report_id, sizeof report_id), g_free,
         (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * pc_review_session_list_annotations_finish:
 *
 * Returns: (transfer container) (element-type PcAnnotation): the annotations in text order
 */
GPtrArray *
pc_review_session_list_annotations_finish (PcReviewSession  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

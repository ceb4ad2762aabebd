/* pc-project-annotations.c — storing annotations and the register status of form findings.
 *
 * Every call runs on the project's owner thread; every write is one transaction (or a
 * savepoint of the caller's). Statements are prepared per call: they are cheap next to the
 * write itself, and the project finalizes nothing it does not know about.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project-annotations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-project-annotations.h"
#include "pc-project-private.h"

#define ANNOTATION_COLUMNS \
  "id, report_id, start, \"end\", quote, context_before, context_after, item, kind, " \
  "severity, comment, fix, status, reviewer, created, modified"

#define FINDING_STATUS_COLUMNS "report_id, finding_key, status, reviewer, note, modified"

/* Runs one statement that returns no rows, in its own transaction. */
static gboolean
run_write (PcProject   *self,
           sqlite3_stmt *stmt,
           const char  *doing,
           GError     **error)
{
  if (!_pc_project_begin (self, error))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, doing);
      _pc_project_rollback (self);
      return FALSE;
    }
  return _pc_project_commit (self, error);
}

static gboolean
check_changed (PcProject   *self,
               gint64       id,
               GError     **error)
{
  g_autofree char *number = NULL;

  if (sqlite3_changes (_pc_project_get_db (self)) > 0)
    return TRUE;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
               _("There is no annotation %s in the project."), number);
  return FALSE;
}

/* Annotations --------------------------------------------------------------------------- */

static void
bind_annotation (sqlite3_stmt *stmt,
                 PcAnnotation *annotation)
{
  PcRange range = pc_annotation_get_range (annotation);

  sqlite3_bind_int64 (stmt, 2, pc_annotation_get_report_id (annotation));
  sqlite3_bind_int64 (stmt, 3, range.start);
  sqlite3_bind_int64 (stmt, 4, range.end);
  _pc_sql_bind_text (stmt, 5, pc_annotation_get_quote (annotation));
  _pc_sql_bind_text (stmt, 6, pc_annotation_get_context_before (annotation));
  _pc_sql_bind_text (stmt, 7, pc_annotation_get_context_after (annotation));
  sqlite3_bind_int (stmt, 8, (int) pc_annotation_get_item (annotation));
  _pc_sql_bind_text (stmt, 9, pc_annotation_kind_to_string (pc_annotation_get_kind (annotation)));
  _pc_sql_bind_text (stmt, 10, pc_severity_to_string (pc_annotation_get_severity (annotation)));
  _pc_sql_bind_text (stmt, 11, pc_annotation_get_comment (annotation));
  _pc_sql_bind_text (stmt, 12, pc_annotation_get_fix (annotation));
  _pc_sql_bind_text (stmt, 13, pc_status_to_string (pc_annotation_get_status (annotation)));
  _pc_sql_bind_text (stmt, 14, pc_annotation_get_reviewer (annotation));
  _pc_sql_bind_text (stmt, 15, pc_annotation_get_created (annotation));
  _pc_sql_bind_text (stmt, 16, pc_annotation_get_modified (annotation));
}

static PcAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  PcAnnotation *annotation = pc_annotation_new ();
  PcAnnotationKind kind = PC_ANNOTATION_NOTE;
  PcSeverity severity = PC_SEVERITY_NONE;
  PcStatus status = PC_STATUS_OPEN;

  pc_annotation_kind_from_string (_pc_sql_column_text (stmt, 8), &kind);
  pc_severity_from_string (_pc_sql_column_text (stmt, 9), &severity);
  pc_status_from_string (_pc_sql_column_text (stmt, 12), &status);

  pc_annotation_set_id (annotation, sqlite3_column_int64 (stmt, 0));
  pc_annotation_set_report_id (annotation, sqlite3_column_int64 (stmt, 1));
  pc_annotation_set_range (annotation, (PcRange) { (guint) sqlite3_column_int64 (stmt, 2),
                                                   (guint) sqlite3_column_int64 (stmt, 3) });
  pc_annotation_set_quote (annotation, _pc_sql_column_text (stmt, 4));
  pc_annotation_set_context_before (annotation, _pc_sql_column_text (stmt, 5));
  pc_annotation_set_context_after (annotation, _pc_sql_column_text (stmt, 6));
  pc_annotation_set_item (annotation, (guint) CLAMP (sqlite3_column_int (stmt, 7), 0,
                                                     PC_ANNOTATION_MAX_ITEM));
  pc_annotation_set_kind (annotation, kind);
  pc_annotation_set_severity (annotation, severity);
  pc_annotation_set_comment (annotation, _pc_sql_column_text (stmt, 10));
  pc_annotation_set_fix (annotation, _pc_sql_column_text (stmt, 11));
  pc_annotation_set_status (annotation, status);
  pc_annotation_set_reviewer (annotation, _pc_sql_column_text (stmt, 13));
  pc_annotation_set_created (annotation, _pc_sql_column_text (stmt, 14));
  pc_annotation_set_modified (annotation, _pc_sql_column_text (stmt, 15));
  return annotation;
}

static GPtrArray *
collect_annotations (PcProject   *self,
                     sqlite3_stmt *stmt,
                     GError     **error)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annotations, annotation_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("loading annotations"));
      return NULL;
    }
  return g_steal_pointer (&annotations);
}

/**
 * pc_project_insert_annotation:
 *
 * Stores @annotation as it is. With an id of 0 it gets a new id, set on @annotation; with
 * an id it is stored under that id, which is how a deleted annotation is brought back.
 */
gboolean
pc_project_insert_annotation (PcProject     *self,
                              PcAnnotation  *annotation,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (PC_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _pc_project_prepare (self,
                  "INSERT INTO annotations (" ANNOTATION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5,"
                  " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);
  if (stmt == NULL)
    return FALSE;
  if (pc_annotation_get_id (annotation) > 0)
    sqlite3_bind_int64 (stmt, 1, pc_annotation_get_id (annotation));
  bind_annotation (stmt, annotation);
  if (!run_write (self, stmt, _("storing an annotation"), error))
    return FALSE;
  pc_annotation_set_id (annotation, sqlite3_last_insert_rowid (_pc_project_get_db (self)));
  return TRUE;
}

/**
 * pc_project_update_annotation:
 *
 * Writes every field of @annotation over the stored row with its id.
 */
gboolean
pc_project_update_annotation (PcProject     *self,
                              PcAnnotation  *annotation,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (PC_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (pc_annotation_get_id (annotation) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _pc_project_prepare (self,
                  "UPDATE annotations SET report_id = ?2, start = ?3, \"end\" = ?4, quote = ?5,"
                  " context_before = ?6, context_after = ?7, item = ?8, kind = ?9,"
                  " severity = ?10, comment = ?11, fix = ?12, status = ?13, reviewer = ?14,"
                  " created = ?15, modified = ?16 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pc_annotation_get_id (annotation));
  bind_annotation (stmt, annotation);
  if (!run_write (self, stmt, _("storing an annotation"), error))
    return FALSE;
  return check_changed (self, pc_annotation_get_id (annotation), error);
}

gboolean
pc_project_delete_annotation (PcProject  *self,
                              gint64      id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _pc_project_prepare (self, "DELETE FROM annotations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_write (self, stmt, _("deleting an annotation"), error))
    return FALSE;
  return check_changed (self, id, error);
}

/**
 * pc_project_get_annotation:
 *
 * Returns: (transfer full): the annotation, or %NULL with %PC_PROJECT_ERROR_NOT_FOUND
 */
PcAnnotation *
pc_project_get_annotation (PcProject  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_project_prepare (self, "SELECT " ANNOTATION_COLUMNS " FROM annotations WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return annotation_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
                   _("There is no annotation %s in the project."), number);
    }
  else
    _pc_project_set_sql_error (self, error, _("loading an annotation"));
  return NULL;
}

/**
 * pc_project_list_annotations:
 * @report_id: a report, or 0 for every report
 *
 * Returns: (transfer container) (element-type PcAnnotation): the annotations in text order
 *   (by report, then start offset)
 */
GPtrArray *
pc_project_list_annotations (PcProject  *self,
                             gint64      report_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_project_prepare (self,
                  "SELECT " ANNOTATION_COLUMNS " FROM annotations"
                  " WHERE ?1 = 0 OR report_id = ?1 ORDER BY report_id, start, \"end\", id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  return collect_annotations (self, stmt, error);
}

/**
 * pc_project_list_problems:
 *
 * Returns: (transfer container) (element-type PcAnnotation): the problems noted in every
 *   report, by report and then in text order
 */
GPtrArray *
pc_project_list_problems (PcProject  *self,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_project_prepare (self,
                  "SELECT " ANNOTATION_COLUMNS " FROM annotations WHERE kind = 'problem'"
                  " ORDER BY report_id, start, \"end\", id", error);
  if (stmt == NULL)
    return NULL;
  return collect_annotations (self, stmt, error);
}

/* Finding status ------------------------------------------------------------------------ */

PcFindingStatus *
pc_finding_status_new (gint64      report_id,
                       const char *finding_key,
                       PcStatus    status,
                       const char *reviewer,
                       const char *note,
                       const char *modified)
{
  PcFindingStatus *self = g_new0 (PcFindingStatus, 1);

  self->report_id = report_id;
  self->finding_key = g_strdup (finding_key);
  self->status = status;
  self->reviewer = g_strdup (reviewer);
  self->note = g_strdup (note);
  self->modified = g_strdup (modified);
  return self;
}

PcFindingStatus *
pc_finding_status_copy (const PcFindingStatus *status)
{
  g_return_val_if_fail (status != NULL, NULL);

  return pc_finding_status_new (status->report_id, status->finding_key, status->status,
                                status->reviewer, status->note, status->modified);
}

void
pc_finding_status_free (PcFindingStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->finding_key);
  g_free (status->reviewer);
  g_free (status->note);
  g_free (status->modified);
  g_free (status);
}

/**
 * pc_finding_dup_key:
 *
 * Returns: (transfer full): a key for @finding that stays the same when the report is read
 *   again from the same text: its code, part or section, and start offset
 */
char *
pc_finding_dup_key (const PcFinding *finding)
{
  const char *where;

  g_return_val_if_fail (finding != NULL, NULL);

  where = finding->part != NULL ? finding->part : finding->section;
  return g_strdup_printf ("%s/%s/%u", finding->code, where != NULL ? where : "",
                          finding->range.start);
}

static PcFindingStatus *
finding_status_from_row (sqlite3_stmt *stmt)
{
  PcStatus status = PC_STATUS_OPEN;

  pc_status_from_string (_pc_sql_column_text (stmt, 2), &status);
  return pc_finding_status_new (sqlite3_column_int64 (stmt, 0), _pc_sql_column_text (stmt, 1), status,
                                _pc_sql_column_text (stmt, 3), _pc_sql_column_text (stmt, 4),
                                _pc_sql_column_text (stmt, 5));
}

/**
 * pc_project_put_finding_status:
 *
 * Stores @status for its finding, replacing the one stored before.
 */
gboolean
pc_project_put_finding_status (PcProject              *self,
                               const PcFindingStatus  *status,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (status != NULL && status->finding_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _pc_project_prepare (self,
                  "INSERT OR REPLACE INTO finding_status (" FINDING_STATUS_COLUMNS ")"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, status->report_id);
  _pc_sql_bind_text (stmt, 2, status->finding_key);
  _pc_sql_bind_text (stmt, 3, pc_status_to_string (status->status));
  _pc_sql_bind_text (stmt, 4, status->reviewer);
  _pc_sql_bind_text (stmt, 5, status->note);
  _pc_sql_bind_text (stmt, 6, status->modified != NULL ? status->modified : "");
  return run_write (self, stmt, _("storing the status of a finding"), error);
}

/**
 * pc_project_clear_finding_status:
 *
 * Forgets the status of one finding, which is then open again. Clearing a status that was
 * never set is not an error.
 */
gboolean
pc_project_clear_finding_status (PcProject   *self,
                                 gint64       report_id,
                                 const char  *finding_key,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (finding_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _pc_project_prepare (self,
                  "DELETE FROM finding_status WHERE report_id = ?1 AND finding_key = ?2",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  _pc_sql_bind_text (stmt, 2, finding_key);
  return run_write (self, stmt, _("storing the status of a finding"), error);
}

/**
 * pc_project_get_finding_status:
 *
 * Returns: (transfer full) (nullable): the stored status, or %NULL — with @error set only
 *   when the database failed, not when no status was ever set
 */
PcFindingStatus *
pc_project_get_finding_status (PcProject   *self,
                               gint64       report_id,
                               const char  *finding_key,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (finding_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_project_prepare (self,
                  "SELECT " FINDING_STATUS_COLUMNS " FROM finding_status"
                  " WHERE report_id = ?1 AND finding_key = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  _pc_sql_bind_text (stmt, 2, finding_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return finding_status_from_row (stmt);
  if (rc != SQLITE_DONE)
    _pc_project_set_sql_error (self, error, _("loading the status of a finding"));
  return NULL;
}

/**
 * pc_project_list_finding_statuses:
 * @report_id: a report, or 0 for every report
 *
 * Returns: (transfer container) (element-type PcFindingStatus): every stored status
 */
GPtrArray *
pc_project_list_finding_statuses (PcProject  *self,
                                  gint64      report_id,
                                  GError    **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_project_prepare (self,
                  "SELECT " FINDING_STATUS_COLUMNS " FROM finding_status"
                  " WHERE ?1 = 0 OR report_id = ?1 ORDER BY report_id, finding_key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_finding_status_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (statuses, finding_status_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("loading the status of findings"));
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

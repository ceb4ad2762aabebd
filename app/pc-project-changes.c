/* pc-project-changes.c — edits of whole reports, recorded so they can be undone: taking a
 * report out of a project, and giving it a revised version of its text.
 *
 * A report's rows reach into most tables (sections, findings, annotations, ratings,
 * decisions …), all of them deleted with it by ON DELETE CASCADE. SQLite's session
 * extension records what an edit and its cascades changed as a changeset; applied inverted,
 * the changeset puts every row back with its own ids, so that annotations, the undo records
 * that name them and the register come back exactly as they were. The engine's suggestions
 * are left out: they are made again whenever the report's review loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-annotation.h"
#include "pc-error.h"
#include "pc-project-annotations.h"
#include "pc-project-private.h"
#include "pc-report-details.h"

typedef gboolean (*EditFunc) (PcProject  *self,
                              gpointer    data,
                              GError    **error);

/* The engine's output is made again whenever a review loads, so it is no part of an edit:
 * recorded, it would stand in the way of undoing one. */
static const char * const engine_tables[] = { "coverage_items", "coverage_suggestions", NULL };

static int
is_recorded (void       *user_data,
             const char *table)
{
  return !g_strv_contains (engine_tables, table);
}

/* Runs @edit in a transaction of its own, watched by a session on every table.
 * Returns the changeset, or %NULL with @error set and nothing changed. */
static GBytes *
record_edit (PcProject  *self,
             EditFunc    edit,
             gpointer    data,
             const char *doing,
             GError    **error)
{
  sqlite3_session *session = NULL;
  void *changes = NULL;
  int n_changes = 0;
  int rc;

  if (sqlite3session_create (_pc_project_get_db (self), "main", &session) == SQLITE_OK)
    sqlite3session_table_filter (session, is_recorded, NULL);
  if (session == NULL || sqlite3session_attach (session, NULL) != SQLITE_OK)
    {
      _pc_project_set_sql_error (self, error, doing);
      g_clear_pointer (&session, sqlite3session_delete);
      return NULL;
    }
  if (!_pc_project_begin (self, error))
    {
      sqlite3session_delete (session);
      return NULL;
    }
  if (!edit (self, data, error))
    {
      _pc_project_rollback (self);
      sqlite3session_delete (session);
      return NULL;
    }
  /* Taken before the commit: should the commit fail, nothing was changed anyway. */
  rc = sqlite3session_changeset (session, &n_changes, &changes);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      _pc_project_set_sql_error (self, error, doing);
      _pc_project_rollback (self);
      sqlite3_free (changes);
      return NULL;
    }
  if (!_pc_project_commit (self, error))
    {
      sqlite3_free (changes);
      return NULL;
    }
  return g_bytes_new_with_free_func (changes, n_changes, sqlite3_free, changes);
}

/* A row already gone is where a delete wanted it: a cascade took it first (a section's
 * children go with it). Anything else in the way means the project changed since. */
static int
on_conflict (void                   *user_data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  int *refused = user_data;
  const char *table;
  int n_columns, op, indirect;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;
  *refused = conflict;
  return SQLITE_CHANGESET_ABORT;
}

/**
 * pc_project_apply_changes:
 * @changes: a changeset that pc_project_remove_report() or pc_project_replace_report()
 *   returned
 * @invert: whether to undo @changes rather than make them again
 *
 * Undoes or redoes a recorded edit in one transaction. Fails without changing anything when
 * a row it would change is not as the edit left it.
 */
gboolean
pc_project_apply_changes (PcProject  *self,
                          GBytes     *changes,
                          gboolean    invert,
                          GError    **error)
{
  void *inverse = NULL;
  int n_inverse = 0;
  int refused = 0;
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (changes, &size);
  if (invert)
    {
      if (sqlite3changeset_invert ((int) size, data, &n_inverse, &inverse) != SQLITE_OK)
        {
          g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                       _("The change cannot be undone: its record is damaged"));
          return FALSE;
        }
      data = inverse;
      size = (gsize) n_inverse;
    }
  if (!_pc_project_begin (self, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  rc = sqlite3changeset_apply (_pc_project_get_db (self), (int) size, (void *) data, NULL,
                               on_conflict, &refused);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK || refused != 0)
    {
      if (refused != 0)
        g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                     _("The change cannot be undone or redone: the project has changed since"));
      else
        _pc_project_set_sql_error (self, error, _("undoing a change"));
      _pc_project_rollback (self);
      return FALSE;
    }
  return _pc_project_commit (self, error);
}

/* Removing ------------------------------------------------------------------------------ */

static gboolean
delete_report (PcProject  *self,
               gpointer    data,
               GError    **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if ((stmt = _pc_project_prepare (self, "DELETE FROM reports WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_pc_project_step_done (self, stmt, _("removing a report"), error))
    return FALSE;
  if (sqlite3_changes (_pc_project_get_db (self)) == 0)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
                   _("The report is no longer in the project"));
      return FALSE;
    }
  return TRUE;
}

/**
 * pc_project_remove_report:
 * @id: the report's id
 *
 * Deletes the report and everything made on it (annotations, ratings, decisions, finding
 * statuses) in one transaction. Runs on the project's owner thread.
 *
 * Returns: (transfer full): what pc_project_restore_report() needs to put it all back, or
 *   %NULL with @error set (%PC_PROJECT_ERROR_NOT_FOUND when there is no such report)
 */
GBytes *
pc_project_remove_report (PcProject  *self,
                          gint64      id,
                          GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return record_edit (self, delete_report, &id, _("removing a report"), error);
}

/**
 * pc_project_restore_report:
 * @removal: what pc_project_remove_report() returned
 *
 * Puts a removed report back with everything that was made on it, under the same ids. Fails
 * without changing anything when a row it would restore is in the way (the same report was
 * imported again meanwhile, say).
 */
gboolean
pc_project_restore_report (PcProject  *self,
                           GBytes     *removal,
                           GError    **error)
{
  return pc_project_apply_changes (self, removal, TRUE, error);
}

/* Replacing ----------------------------------------------------------------------------- */

typedef struct
{
  gint64             id;
  PcReport          *revised;
  PcReanchorSummary  summary;
} Replacement;

static gboolean
replace_report (PcProject  *self,
                gpointer    data,
                GError    **error)
{
  Replacement *replacement = data;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(PcAnchorText) text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  if ((annotations = pc_project_list_annotations (self, replacement->id, error)) == NULL ||
      !pc_project_keep_corrections (self, replacement->id, replacement->revised, error) ||
      !_pc_project_rewrite_report (self, replacement->id, replacement->revised, error) ||
      !_pc_project_delete_report_rows (self, replacement->id, engine_tables,
                                       _("replacing a report"), error))
    return FALSE;

  text = pc_anchor_text_new (pc_report_get_text (replacement->revised));
  for (guint i = 0; i < annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (annotations, i);
      PcAnchorMatch match;
      g_autoptr(PcAnnotation) moved = pc_annotation_reanchored (annotation, text, replacement->id,
                                                                stamp, &match);

      pc_reanchor_summary_count (&replacement->summary, match);
      if (moved != NULL ? !pc_project_update_annotation (self, moved, error)
                        : !pc_project_delete_annotation (self, pc_annotation_get_id (annotation),
                                                         error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pc_project_replace_report:
 * @id: the report
 * @revised: the revised version, read but not stored
 * @out_summary: (out) (optional): how its annotations were found again
 *
 * Gives report @id the text, metadata and reading of @revised, keeping its id, its ratings,
 * decisions and finding statuses, and moving each annotation to where its passage now is
 * (pc_annotation_reanchored()); an annotation whose passage is gone is removed, and counted
 * as orphaned. The engine's suggestions for the old text are dropped, to be made again. All
 * in one transaction; the same content as a report of the project is refused with
 * %PC_IMPORT_ERROR_DUPLICATE.
 *
 * Returns: (transfer full): the changes, for pc_project_apply_changes() to undo or redo, or
 *   %NULL with @error set and nothing changed
 */
GBytes *
pc_project_replace_report (PcProject          *self,
                           gint64              id,
                           PcReport           *revised,
                           PcReanchorSummary  *out_summary,
                           GError            **error)
{
  Replacement replacement = { id, revised, { 0 } };
  GBytes *changes;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (PC_IS_REPORT (revised), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  changes = record_edit (self, replace_report, &replacement, _("replacing a report"), error);
  if (changes != NULL && out_summary != NULL)
    *out_summary = replacement.summary;
  return changes;
}

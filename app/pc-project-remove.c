/* pc-project-remove.c — taking a report out of a project, and putting it back.
 *
 * A report's rows reach into most tables (sections, findings, annotations, ratings,
 * decisions …), all of them deleted with it by ON DELETE CASCADE. SQLite's session
 * extension records what the delete and its cascades removed as a changeset; inverted, the
 * changeset inserts every row again with its own ids, so that annotations, the undo records
 * that name them and the register come back exactly as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-project-private.h"

static gboolean
delete_report (PcProject  *self,
               gint64      id,
               GError    **error)
{
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
  sqlite3 *db;
  sqlite3_session *session = NULL;
  void *changes = NULL;
  int n_changes = 0;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _pc_project_get_db (self);
  if (sqlite3session_create (db, "main", &session) != SQLITE_OK ||
      sqlite3session_attach (session, NULL) != SQLITE_OK)
    {
      _pc_project_set_sql_error (self, error, _("removing a report"));
      g_clear_pointer (&session, sqlite3session_delete);
      return NULL;
    }

  if (!_pc_project_begin (self, error))
    {
      sqlite3session_delete (session);
      return NULL;
    }
  if (!delete_report (self, id, error))
    {
      _pc_project_rollback (self);
      sqlite3session_delete (session);
      return NULL;
    }
  /* Taken before the commit: should the commit fail, nothing was removed anyway. */
  rc = sqlite3session_changeset (session, &n_changes, &changes);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      _pc_project_set_sql_error (self, error, _("removing a report"));
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

static int
refuse_conflict (void                   *user_data,
                 int                     conflict,
                 sqlite3_changeset_iter *iter)
{
  int *seen = user_data;

  *seen = conflict;
  return SQLITE_CHANGESET_ABORT;
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
  void *inverse = NULL;
  int n_inverse = 0;
  int conflict = 0;
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (removal != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (removal, &size);
  if (sqlite3changeset_invert ((int) size, data, &n_inverse, &inverse) != SQLITE_OK)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                   _("The removed report cannot be restored: its record is damaged"));
      return FALSE;
    }
  if (!_pc_project_begin (self, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  rc = sqlite3changeset_apply (_pc_project_get_db (self), n_inverse, inverse, NULL,
                               refuse_conflict, &conflict);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK || conflict != 0)
    {
      if (conflict != 0)
        g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                     _("The removed report cannot be restored: the project has changed since"));
      else
        _pc_project_set_sql_error (self, error, _("restoring a report"));
      _pc_project_rollback (self);
      return FALSE;
    }
  return _pc_project_commit (self, error);
}

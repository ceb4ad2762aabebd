/* pc-project-private.h — storage internals shared with the worker and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pc-project.h"

G_BEGIN_DECLS

/* "PCHA": written to PRAGMA application_id so a project file can be told apart from
 * any other SQLite database. */
#define PC_PROJECT_APPLICATION_ID 0x50434841

int        _pc_project_get_latest_version (void);
PcProject *_pc_project_open_at_version    (const char  *path,
                                           int          version,
                                           GError     **error);
gboolean   _pc_project_is_owner           (PcProject   *self);

/* For the other pc-project-*.c files: the connection (owner thread only), nested
 * transactions, and errors worded like the rest of the project's. */
sqlite3  *_pc_project_get_db             (PcProject   *self);
gboolean  _pc_project_begin              (PcProject   *self,
                                          GError     **error);
gboolean  _pc_project_commit             (PcProject   *self,
                                          GError     **error);
void      _pc_project_rollback           (PcProject   *self);
gboolean  _pc_project_delete_report_rows (PcProject          *self,
                                          gint64              id,
                                          const char * const *tables,
                                          const char         *doing,
                                          GError            **error);
gboolean  _pc_project_rewrite_report     (PcProject   *self,
                                          gint64       id,
                                          PcReport    *report,
                                          GError     **error);
gboolean  _pc_project_insert_findings    (PcProject   *self,
                                          gint64       report_id,
                                          GPtrArray   *findings,
                                          GError     **error);
void      _pc_project_set_sql_error      (PcProject   *self,
                                          GError     **error,
                                          const char  *doing);
sqlite3_stmt *_pc_project_prepare        (PcProject     *self,
                                          const char    *sql,
                                          GError       **error);
gboolean  _pc_project_step_done          (PcProject     *self,
                                          sqlite3_stmt  *stmt,
                                          const char    *doing,
                                          GError       **error);
void      _pc_sql_bind_text              (sqlite3_stmt  *stmt,
                                          int            column,
                                          const char    *value);
const char *_pc_sql_column_text          (sqlite3_stmt  *stmt,
                                          int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

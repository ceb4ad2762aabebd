/* pc-project.c — a review project: one SQLite file, owned by one thread.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pc-error.h"
#include "pc-extract.h"
#include "pc-project-private.h"
#include "pc-reader.h"

/* Numbered schema migrations. Migration i brings a file from user_version i to i + 1; it
 * runs in one transaction together with the user_version update, and is written so that
 * running it again is harmless. Append new migrations at the end; never edit a shipped one. */
static const char * const migrations[] = {
  /* 1: metadata, reports and what the reader found in them */
  "PRAGMA application_id = 1346586689;\n" /* PC_PROJECT_APPLICATION_ID */
  "CREATE TABLE IF NOT EXISTS project (\n"
  "  key   TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ");\n"
  "INSERT OR IGNORE INTO project (key, value)\n"
  "  VALUES ('created', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),\n"
  "         ('app_version', '" PACKAGE_VERSION "');\n"
  "CREATE TABLE IF NOT EXISTS reports (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  content_hash  TEXT NOT NULL UNIQUE,\n"
  "  title         TEXT,\n"
  "  agency        TEXT,\n"
  "  year          INTEGER NOT NULL DEFAULT 0,\n"
  "  published     TEXT,\n"
  "  signed        TEXT,\n"
  "  doc_number    TEXT,\n"
  "  addressee     TEXT,\n"
  "  source_name   TEXT,\n"
  "  source_format TEXT NOT NULL DEFAULT 'unknown',\n"
  "  encoding      TEXT,\n"
  "  text          TEXT NOT NULL,\n"
  "  char_length   INTEGER NOT NULL,\n"
  "  imported_at   TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS sections (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  parent_id     INTEGER REFERENCES sections (id) ON DELETE CASCADE,\n"
  "  ord           INTEGER NOT NULL,\n"
  "  level         INTEGER NOT NULL,\n"
  "  number        INTEGER NOT NULL,\n"
  "  label         TEXT,\n"
  "  title         TEXT,\n"
  "  path          TEXT,\n"
  "  flags         INTEGER NOT NULL DEFAULT 0,\n"
  "  start         INTEGER NOT NULL,\n"
  "  \"end\"         INTEGER NOT NULL CHECK (\"end\" >= start),\n"
  "  heading_start INTEGER NOT NULL,\n"
  "  heading_end   INTEGER NOT NULL CHECK (heading_end >= heading_start)\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS sections_by_report ON sections (report_id);\n"
  "CREATE INDEX IF NOT EXISTS sections_by_parent ON sections (parent_id);\n"
  "CREATE TABLE IF NOT EXISTS findings (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  code          TEXT NOT NULL,\n"
  "  part          TEXT,\n"
  "  section       TEXT,\n"
  "  note          TEXT,\n"
  "  start         INTEGER NOT NULL,\n"
  "  \"end\"         INTEGER NOT NULL CHECK (\"end\" >= start)\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS findings_by_report ON findings (report_id);\n"
  "CREATE INDEX IF NOT EXISTS findings_by_code ON findings (code);\n"
  "CREATE TABLE IF NOT EXISTS parts (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  key           TEXT NOT NULL,\n"
  "  present       INTEGER NOT NULL,\n"
  "  section       TEXT,\n"
  "  own_section   INTEGER NOT NULL,\n"
  "  start         INTEGER NOT NULL,\n"
  "  \"end\"         INTEGER NOT NULL CHECK (\"end\" >= start)\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS parts_by_report ON parts (report_id);\n",
  /* 2: the reviewer's annotations on report text, and a register status for form findings */
  "CREATE TABLE IF NOT EXISTS annotations (\n"
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  start          INTEGER NOT NULL CHECK (start >= 0),\n"
  "  \"end\"          INTEGER NOT NULL CHECK (\"end\" > start),\n"
  "  quote          TEXT NOT NULL,\n"
  "  context_before TEXT NOT NULL DEFAULT '',\n"
  "  context_after  TEXT NOT NULL DEFAULT '',\n"
  "  item           INTEGER NOT NULL DEFAULT 0 CHECK (item BETWEEN 0 AND 35),\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('problem', 'fix', 'strength', 'note')),\n"
  "  severity       TEXT NOT NULL DEFAULT 'none'\n"
  "                 CHECK (severity IN ('none', 'low', 'medium', 'high')),\n"
  "  comment        TEXT,\n"
  "  fix            TEXT,\n"
  "  status         TEXT NOT NULL DEFAULT 'open'\n"
  "                 CHECK (status IN ('open', 'disputed', 'resolved')),\n"
  "  reviewer       TEXT,\n"
  "  created        TEXT NOT NULL,\n"
  "  modified       TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS annotations_by_report ON annotations (report_id, start);\n"
  "CREATE INDEX IF NOT EXISTS annotations_by_item ON annotations (item);\n"
  "CREATE TABLE IF NOT EXISTS finding_status (\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  finding_key    TEXT NOT NULL,\n"
  "  status         TEXT NOT NULL DEFAULT 'open'\n"
  "                 CHECK (status IN ('open', 'disputed', 'resolved')),\n"
  "  reviewer       TEXT,\n"
  "  note           TEXT,\n"
  "  modified       TEXT NOT NULL,\n"
  "  PRIMARY KEY (report_id, finding_key)\n"
  ");\n",
  /* 3: outline checklists with per-project weights, coverage suggestions (engine output,
   * replaced on every run), reviewer decisions (never touched by the engine) and ratings */
  "CREATE TABLE IF NOT EXISTS checklists (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  checklist_id   TEXT NOT NULL,\n"
  "  version        TEXT NOT NULL,\n"
  "  title          TEXT,\n"
  "  json           TEXT NOT NULL,\n"
  "  active         INTEGER NOT NULL DEFAULT 0,\n"
  "  stored_at      TEXT NOT NULL,\n"
  "  UNIQUE (checklist_id, version)\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS checklist_items (\n"
  "  checklist      INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,\n"
  "  item           INTEGER NOT NULL CHECK (item > 0),\n"
  "  title          TEXT NOT NULL,\n"
  "  block          TEXT NOT NULL,\n"
  "  weight         REAL NOT NULL CHECK (weight >= 0),\n"
  "  applicable     INTEGER NOT NULL DEFAULT 1,\n"
  "  PRIMARY KEY (checklist, item)\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS coverage_items (\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  checklist      INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,\n"
  "  item           INTEGER NOT NULL,\n"
  "  suggested      INTEGER NOT NULL,\n"
  "  confidence     REAL NOT NULL,\n"
  "  strength       REAL NOT NULL,\n"
  "  sections       TEXT NOT NULL DEFAULT '',\n"
  "  run_at         TEXT NOT NULL,\n"
  "  PRIMARY KEY (report_id, checklist, item)\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS coverage_suggestions (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  checklist      INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,\n"
  "  item           INTEGER NOT NULL,\n"
  "  section        TEXT NOT NULL,\n"
  "  confidence     REAL NOT NULL,\n"
  "  low_relevance  INTEGER NOT NULL DEFAULT 0,\n"
  "  phrase         TEXT,\n"
  "  start          INTEGER NOT NULL,\n"
  "  \"end\"          INTEGER NOT NULL CHECK (\"end\" >= start)\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS coverage_suggestions_by_report\n"
  "  ON coverage_suggestions (report_id, checklist, item);\n"
  "CREATE TABLE IF NOT EXISTS coverage_decisions (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  checklist      INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,\n"
  "  item           INTEGER NOT NULL,\n"
  "  section        TEXT NOT NULL DEFAULT '',\n"
  "  decision       TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'add')),\n"
  "  reviewer       TEXT,\n"
  "  note           TEXT,\n"
  "  decided_at     TEXT NOT NULL,\n"
  "  UNIQUE (report_id, checklist, item, section)\n"
  ");\n"
  "CREATE TABLE IF NOT EXISTS item_ratings (\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  checklist      INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,\n"
  "  item           INTEGER NOT NULL,\n"
  "  proposed       TEXT NOT NULL,\n"
  "  override       TEXT,\n"
  "  reviewer       TEXT,\n"
  "  modified       TEXT,\n"
  "  PRIMARY KEY (report_id, checklist, item)\n"
  ");\n",
  /* 4: annotations on items beyond 35, for checklists with more items than the outline.
   * SQLite cannot change a CHECK in place: the table is rebuilt with its rows, its ids and
   * its AUTOINCREMENT counter, then its indexes. No other table or trigger refers to it. */
  "DROP TABLE IF EXISTS annotations_rebuilt;\n"
  "CREATE TABLE annotations_rebuilt (\n"
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  start          INTEGER NOT NULL CHECK (start >= 0),\n"
  "  \"end\"          INTEGER NOT NULL CHECK (\"end\" > start),\n"
  "  quote          TEXT NOT NULL,\n"
  "  context_before TEXT NOT NULL DEFAULT '',\n"
  "  context_after  TEXT NOT NULL DEFAULT '',\n"
  "  item           INTEGER NOT NULL DEFAULT 0 CHECK (item >= 0),\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('problem', 'fix', 'strength', 'note')),\n"
  "  severity       TEXT NOT NULL DEFAULT 'none'\n"
  "                 CHECK (severity IN ('none', 'low', 'medium', 'high')),\n"
  "  comment        TEXT,\n"
  "  fix            TEXT,\n"
  "  status         TEXT NOT NULL DEFAULT 'open'\n"
  "                 CHECK (status IN ('open', 'disputed', 'resolved')),\n"
  "  reviewer       TEXT,\n"
  "  created        TEXT NOT NULL,\n"
  "  modified       TEXT NOT NULL\n"
  ");\n"
  "INSERT INTO annotations_rebuilt (id, report_id, start, \"end\", quote, context_before,\n"
  "    context_after, item, kind, severity, comment, fix, status, reviewer, created, modified)\n"
  "  SELECT id, report_id, start, \"end\", quote, context_before, context_after, item, kind,\n"
  "         severity, comment, fix, status, reviewer, created, modified FROM annotations;\n"
  "DELETE FROM sqlite_sequence WHERE name = 'annotations_rebuilt';\n"
  "INSERT INTO sqlite_sequence (name, seq)\n"
  "  SELECT 'annotations_rebuilt', seq FROM sqlite_sequence WHERE name = 'annotations';\n"
  "DROP TABLE annotations;\n"
  "ALTER TABLE annotations_rebuilt RENAME TO annotations;\n"
  "CREATE INDEX IF NOT EXISTS annotations_by_report ON annotations (report_id, start);\n"
  "CREATE INDEX IF NOT EXISTS annotations_by_item ON annotations (item);\n",

  /* 4 → 5: an import looks for the same text read from other bytes, and for a second
   * report of the agency's year; without these every import scanned every report's text. */
  "CREATE INDEX IF NOT EXISTS reports_by_opening ON reports (char_length, substr (text, 1, 64));\n"
  "CREATE INDEX IF NOT EXISTS reports_by_period ON reports (agency, year);\n",

  /* 5 → 6: which details a reviewer corrected (PcReportDetailsField bits), so that a
   * revised version of the report keeps them. */
  "CREATE TABLE IF NOT EXISTS report_corrections (\n"
  "  report_id  INTEGER PRIMARY KEY NOT NULL REFERENCES reports (id) ON DELETE CASCADE,\n"
  "  fields     INTEGER NOT NULL DEFAULT 0\n"
  ");\n",
};

G_STATIC_ASSERT (PC_PROJECT_APPLICATION_ID == 1346586689);

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_SAVEPOINT,
  STMT_RELEASE,
  STMT_ROLLBACK_TO,
  STMT_FIND_BY_HASH,
  STMT_FIND_BY_TEXT,
  STMT_FIND_SAME_PERIOD,
  STMT_COUNT_REPORTS,
  STMT_INSERT_REPORT,
  STMT_INSERT_SECTION,
  STMT_INSERT_FINDING,
  STMT_INSERT_PART,
  STMT_SELECT_REPORT,
  STMT_SELECT_REPORTS,
  STMT_SELECT_SECTIONS,
  STMT_SELECT_FINDINGS,
  STMT_SELECT_PARTS,
  N_STMTS
} StmtId;

#define REPORT_COLUMNS \
  "id, content_hash, title, agency, year, published, signed, doc_number, addressee, " \
  "source_name, source_format, encoding, text"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_SAVEPOINT] = "SAVEPOINT pc_nested",
  [STMT_RELEASE] = "RELEASE pc_nested",
  [STMT_ROLLBACK_TO] = "ROLLBACK TO pc_nested",
  [STMT_FIND_BY_HASH] =
    "SELECT id, title, agency, year, source_name FROM reports WHERE content_hash = ?1",
  /* The same report read from other bytes (a BOM, CRLF, another encoding or format):
   * the reading is what is compared. Length and opening (indexed) narrow it to the
   * candidates whose whole text is worth comparing; the unary + keeps the planner from
   * trading the opening's index term for the text's. */
  [STMT_FIND_BY_TEXT] =
    "SELECT id, title, agency, year, source_name FROM reports"
    " WHERE char_length = ?2 AND substr (text, 1, 64) = substr (?1, 1, 64) AND +text = ?1"
    " LIMIT 1",
  [STMT_FIND_SAME_PERIOD] =
    "SELECT id, title, agency, year, source_name FROM reports"
    " WHERE agency = ?1 AND year = ?2 AND id != ?3 ORDER BY id LIMIT 1",
  [STMT_COUNT_REPORTS] = "SELECT count(*) FROM reports",
  [STMT_INSERT_REPORT] =
    "INSERT INTO reports (content_hash, title, agency, year, published, signed, doc_number,"
    " addressee, source_name, source_format, encoding, text, char_length, imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [STMT_INSERT_SECTION] =
    "INSERT INTO sections (report_id, parent_id, ord, level, number, label, title, path,"
    " flags, start, \"end\", heading_start, heading_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [STMT_INSERT_FINDING] =
    "INSERT INTO findings (report_id, code, part, section, note, start, \"end\")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_INSERT_PART] =
    "INSERT INTO parts (report_id, key, present, section, own_section, start, \"end\")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_SELECT_REPORT] = "SELECT " REPORT_COLUMNS " FROM reports WHERE id = ?1",
  [STMT_SELECT_REPORTS] = "SELECT " REPORT_COLUMNS " FROM reports ORDER BY id",
  /* Sections are written in document order, parents before children, so id order
   * rebuilds the tree. */
  [STMT_SELECT_SECTIONS] =
    "SELECT id, parent_id, level, number, label, title, path, flags, start, \"end\","
    " heading_start, heading_end FROM sections WHERE report_id = ?1 ORDER BY id",
  [STMT_SELECT_FINDINGS] =
    "SELECT code, part, section, note, start, \"end\" FROM findings"
    " WHERE report_id = ?1 ORDER BY id",
  [STMT_SELECT_PARTS] =
    "SELECT key, present, section, own_section, start, \"end\" FROM parts"
    " WHERE report_id = ?1 ORDER BY id",
};

struct _PcProject
{
  GObject        parent_instance;
  char          *path;
  sqlite3       *db;
  GThread       *owner;
  int            schema_version;
  guint          tx_depth;
  int            last_error_code;  /* of the last statement that failed */
  sqlite3_stmt  *stmts[N_STMTS];
};

G_DEFINE_FINAL_TYPE (PcProject, pc_project, G_TYPE_OBJECT)

/* A cached statement on loan: reset and unbound when the lease goes out of scope. */
typedef sqlite3_stmt StmtLease;

static void
stmt_lease_return (StmtLease *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StmtLease, stmt_lease_return)

/* Reads one report file, or one in-memory document, into a report. */
typedef PcReport *(*ReadFunc) (gpointer       source,
                               guint          index,
                               GCancellable  *cancellable,
                               GError       **error);

void
pc_import_summary_free (PcImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->errors, g_ptr_array_unref);
  g_clear_pointer (&summary->warnings, g_ptr_array_unref);
  g_clear_pointer (&summary->ids, g_array_unref);
  g_free (summary);
}

static PcImportSummary *
pc_import_summary_new (void)
{
  PcImportSummary *summary = g_new0 (PcImportSummary, 1);

  summary->errors = g_ptr_array_new_with_free_func (g_free);
  summary->warnings = g_ptr_array_new_with_free_func (g_free);
  summary->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return summary;
}

gboolean
_pc_project_is_owner (PcProject *self)
{
  return self->owner == g_thread_self ();
}

int
_pc_project_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
set_sql_error (PcProject   *self,
               GError     **error,
               const char  *doing)
{
  self->last_error_code = sqlite3_extended_errcode (self->db);
  g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
               /* Translators: "while <doing>: <SQLite message>" */
               _("Database error while %s: %s"), doing, sqlite3_errmsg (self->db));
}

static gboolean
exec_sql (PcProject   *self,
          const char  *sql,
          GError     **error)
{
  g_autofree char *message = NULL;
  char *errmsg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) == SQLITE_OK)
    return TRUE;
  message = g_strdup (errmsg ? errmsg : sqlite3_errmsg (self->db));
  sqlite3_free (errmsg);
  g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
               _("Database error: %s"), message);
  return FALSE;
}

static StmtLease *
lease (PcProject  *self,
       StmtId      id,
       GError    **error)
{
  g_assert (id < N_STMTS);

  if (self->stmts[id] == NULL &&
      sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                          &self->stmts[id], NULL) != SQLITE_OK)
    {
      set_sql_error (self, error, _("preparing a statement"));
      return NULL;
    }
  return self->stmts[id];
}

static gboolean
run_simple (PcProject  *self,
            StmtId      id,
            GError    **error)
{
  g_autoptr(StmtLease) stmt = lease (self, id, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sql_error (self, error, stmt_sql[id]);
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones are savepoints,
 * so one import file can be rolled back alone inside the import's transaction. */
static gboolean
tx_begin (PcProject  *self,
          GError    **error)
{
  if (!run_simple (self, self->tx_depth == 0 ? STMT_BEGIN : STMT_SAVEPOINT, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static void
tx_rollback (PcProject *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->tx_depth > 0);

  self->tx_depth--;
  if (self->tx_depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db) && !run_simple (self, STMT_ROLLBACK, &error))
        g_critical ("Could not roll back: %s", error->message);
    }
  else if (!run_simple (self, STMT_ROLLBACK_TO, &error) ||
           !run_simple (self, STMT_RELEASE, &error))
    g_critical ("Could not roll back to a savepoint: %s", error->message);
}

static gboolean
tx_commit (PcProject  *self,
           GError    **error)
{
  g_assert (self->tx_depth > 0);

  if (!run_simple (self, self->tx_depth == 1 ? STMT_COMMIT : STMT_RELEASE, error))
    {
      tx_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

/**
 * _pc_sql_bind_text:
 *
 * Binds @value, or NULL, copying it: the caller's string may go before the step.
 */
void
_pc_sql_bind_text (sqlite3_stmt *stmt,
                   int           column,
                   const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

const char *
_pc_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_pc_project_step_done (PcProject     *self,
                       sqlite3_stmt  *stmt,
                       const char    *doing,
                       GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  set_sql_error (self, error, doing);
  return FALSE;
}

/* A statement for one-off use; the caller finalizes it (g_autoptr (sqlite3_stmt)). */
sqlite3_stmt *
_pc_project_prepare (PcProject   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_assert (_pc_project_is_owner (self));

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (self, error, _("preparing a statement"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Opening ------------------------------------------------------------------------------ */

static void
pc_project_finalize (GObject *object)
{
  PcProject *self = (PcProject *) object;

  if (self->db != NULL && !_pc_project_is_owner (self))
    g_critical ("Project %s finalized outside its owner thread", self->path);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pc_project_parent_class)->finalize (object);
}

static void
pc_project_class_init (PcProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_project_finalize;
}

static void
pc_project_init (PcProject *self)
{
  self->owner = g_thread_self ();
}

static gboolean
query_int (PcProject   *self,
           const char  *sql,
           gint64      *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    set_sql_error (self, error, sql);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static void
set_not_a_project_error (GError     **error,
                         const char  *display)
{
  g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
               _("“%s” is not a Pingcha project: it is not a database file. Give the name of "
                 "a project file, or a new name to create one; the file was left as it is."),
               display);
}

/* Reads the first bytes ourselves, so that a file that is no database at all is refused
 * with a clear message before SQLite ever sees it. */
static gboolean
check_header (const char  *path,
              const char  *display,
              gboolean    *out_exists,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  gsize n_read = 0;

  *out_exists = FALSE;
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                     _("“%s” is a folder, not a project; give the name of a project file, or a "
                       "new name to create one"), display);
      else
        g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                     _("Could not open the project “%s”; check that the file is there and that "
                       "you may read it (%s)"), display, local_error->message);
      return FALSE;
    }
  *out_exists = TRUE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                NULL, &local_error))
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                   _("Could not open the project “%s”; check that the file is there and that "
                     "you may read it (%s)"), display, local_error->message);
      return FALSE;
    }
  /* An empty file is an empty database to SQLite, and there is nothing in it to lose. */
  if (n_read > 0 && (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0))
    {
      set_not_a_project_error (error, display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (PcProject   *self,
                 const char  *display,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  /* At most three problems are named; the first row may only say which database. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 (_pc_sql_column_text (stmt, 0), "ok") != 0)
    {
      g_autoptr(GString) rows = g_string_new (NULL);

      for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
        {
          g_auto(GStrv) lines = g_strsplit (_pc_sql_column_text (stmt, 0), "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "***"))
              g_string_append_printf (rows, "%s%s", rows->len ? "; " : "", lines[i]);
        }
      problem = g_string_free (g_steal_pointer (&rows), FALSE);
      rc = SQLITE_ROW;
    }
  else if (rc != SQLITE_ROW)
    problem = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  if (problem == NULL)
    return TRUE;
  /* A file the user may only read is not damaged: SQLite could not set up its shared
   * memory beside it, or a journal to roll back needed writing. */
  if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
    g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_READ_ONLY,
                 _("“%s” cannot be opened: you may read the file but not change it, or its "
                   "folder (%s). Copy it to a folder of yours, or ask its owner for write "
                   "access."), display, problem);
  else if ((rc & 0xff) == SQLITE_NOTADB)
    set_not_a_project_error (error, display);
  else
    g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                 _("“%s” is damaged and cannot be opened (%s). The file was left as it "
                   "is; open a backup copy instead."), display, problem);
  return FALSE;
}

/* Refuses what we must not touch: another application's database, or a newer project. */
static gboolean
check_identity (PcProject   *self,
                const char  *display,
                GError     **error)
{
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_objects = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (app_id != PC_PROJECT_APPLICATION_ID && (n_objects > 0 || version != 0))
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                   _("“%s” is a database of another application, not a Pingcha project. Give "
                     "the name of a project file, or a new name to create one; the file was left "
                     "as it is."),
                   display);
      return FALSE;
    }
  if (version > _pc_project_get_latest_version ())
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Pingcha (project format %d; this "
                     "version reads formats up to %d). Update Pingcha to open it."),
                   display, (int) version, _pc_project_get_latest_version ());
      return FALSE;
    }
  self->schema_version = (int) version;
  return TRUE;
}

static gboolean
configure (PcProject  *self,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_wal = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    is_wal = g_ascii_strcasecmp (_pc_sql_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (!is_wal)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                   _("Could not switch “%s” to write-ahead logging: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  return exec_sql (self, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", error);
}

static gboolean
backup_to (sqlite3     *source,
           const char  *dest_path,
           GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                   _("Could not write the copy “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  sqlite3_close (dest);
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL,
                   _("Could not write the copy “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A file that already holds a schema is someone's work: before its format is changed in
 * any way, a copy of it as it was is written beside it. */
static gboolean
backup_before_upgrade (PcProject  *self,
                       int         target_version,
                       GError    **error)
{
  g_autofree char *backup_path = NULL;
  gint64 n_objects = 0;

  if (self->schema_version >= target_version)
    return TRUE;
  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;
  if (n_objects == 0)
    return TRUE;

  backup_path = g_strdup_printf ("%s.bak-v%d", self->path, self->schema_version);
  if (!backup_to (self->db, backup_path, error))
    return FALSE;
  g_message ("Saved %s before upgrading it to format %d", backup_path, target_version);
  return TRUE;
}

static gboolean
migrate (PcProject  *self,
         int         target_version,
         GError    **error)
{
  for (int version = self->schema_version; version < target_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!tx_begin (self, error))
        return FALSE;
      if (!exec_sql (self, migrations[version], error) || !exec_sql (self, set_version, error))
        {
          tx_rollback (self);
          g_prefix_error (error, _("Could not upgrade the project to format %d: "), version + 1);
          return FALSE;
        }
      if (!tx_commit (self, error))
        return FALSE;
      self->schema_version = version + 1;
    }
  return TRUE;
}

/* A project only read: nothing written, not even the WAL's shared memory when the folder
 * cannot hold it (the file is then opened as immutable, which is safe only without a
 * write-ahead log waiting to be checkpointed). */
static gboolean
open_for_reading (PcProject   *self,
                  const char  *display,
                  GError     **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;

      if (check_integrity (self, display, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_READ_ONLY) ||
          (g_stat (wal, &st) == 0 && st.st_size > 0))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  sqlite3_close (self->db);
  self->db = NULL;
  absolute = g_canonicalize_filename (self->path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri != NULL)
    {
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE,
                            NULL);
    }
  if (uri == NULL || rc != SQLITE_OK)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_READ_ONLY, _("Could not open “%s”: %s"), display,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  return check_integrity (self, display, error);
}

/**
 * pc_project_open_read_only:
 * @path: an existing project file
 *
 * Opens a project to read it, such as to export it, when the file or its folder cannot be
 * written: nothing is written to it. A project in an older format must be upgraded, which
 * needs writing, and is refused with %PC_PROJECT_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
PcProject *
pc_project_open_read_only (const char  *path,
                           GError     **error)
{
  g_autoptr(PcProject) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (!check_header (path, display, &exists, error))
    return NULL;
  if (!exists)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN, _("Could not open “%s”: %s"), display,
                   g_strerror (ENOENT));
      return NULL;
    }
  self = g_object_new (PC_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);
  if (!open_for_reading (self, display, error) ||
      !check_identity (self, display, error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON;", error))
    return NULL;
  if (self->schema_version < _pc_project_get_latest_version ())
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is in an older project format (%d), which Pingcha upgrades when it opens "
                     "a file it may change; this one it may only read. Copy it to a folder of "
                     "yours, or ask its owner for write access."),
                   display, self->schema_version);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  return g_steal_pointer (&self);
}

static PcProject *
open_at_version (const char  *path,
                 int          target_version,
                 GError     **error)
{
  g_autoptr(PcProject) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists = FALSE;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE;
  int rc;

  display = g_filename_display_name (path);
  if (!check_header (path, display, &exists, error))
    return NULL;

  self = g_object_new (PC_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);
  if (!exists)
    flags |= SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
                   _("Could not open or create the project “%s”; check that its folder exists "
                     "and that you may write there (%s)"), display,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  /* Nothing is written before the file has been checked. */
  if (!check_integrity (self, display, error) ||
      !check_identity (self, display, error) ||
      !backup_before_upgrade (self, target_version, error) ||
      !configure (self, error) ||
      !migrate (self, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pc_project_open:
 * @path: the project file; created when it does not exist
 *
 * Opens a project on the calling thread, which owns it from then on: every other call
 * must come from the same thread.
 *
 * A file that is not a project, or is damaged, is refused with %PC_PROJECT_ERROR_OPEN and
 * left untouched; one written by a newer Pingcha with %PC_PROJECT_ERROR_TOO_NEW. An older
 * project is copied to "@path.bak-vN" and then upgraded.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
PcProject *
pc_project_open (const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_at_version (path, _pc_project_get_latest_version (), error);
}

/* For tests of the migrations: a project upgraded to @version and no further, as a
 * Pingcha that knew only that format would have left it. */
PcProject *
_pc_project_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= _pc_project_get_latest_version (), NULL);

  return open_at_version (path, version, error);
}

const char *
pc_project_get_path (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return self->path;
}

int
pc_project_get_schema_version (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  return self->schema_version;
}

/* Storing ------------------------------------------------------------------------------ */

static char *
dup_display_name (const char *title,
                  const char *agency,
                  guint       year,
                  const char *source_name)
{
  g_autoptr(PcReport) stub = pc_report_new ("");

  pc_report_set_title (stub, title);
  pc_report_set_agency (stub, agency);
  pc_report_set_year (stub, year);
  pc_report_set_source_name (stub, source_name);
  return pc_report_dup_display_name (stub);
}

/**
 * pc_project_find_by_hash:
 *
 * Returns: the id of the report with @content_hash, or 0
 */
gint64
pc_project_find_by_hash (PcProject  *self,
                         const char *content_hash)
{
  g_autoptr(StmtLease) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  g_return_val_if_fail (_pc_project_is_owner (self), 0);
  g_return_val_if_fail (content_hash != NULL, 0);

  stmt = lease (self, STMT_FIND_BY_HASH, NULL);
  if (stmt == NULL)
    return 0;
  _pc_sql_bind_text (stmt, 1, content_hash);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The display name and number of the report in @stmt's row (id, title, agency, year,
 * source_name). */
static void
describe_row (sqlite3_stmt  *stmt,
              char         **name,
              char         **number)
{
  *name = dup_display_name (_pc_sql_column_text (stmt, 1), _pc_sql_column_text (stmt, 2),
                            (guint) sqlite3_column_int (stmt, 3), _pc_sql_column_text (stmt, 4));
  *number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
}

/* Steps @stmt; on a row, sets the duplicate error. */
static gboolean
check_no_row (PcProject     *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autofree char *existing = NULL;
  g_autofree char *number = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      set_sql_error (self, error, _("looking for duplicates"));
      return FALSE;
    }
  describe_row (stmt, &existing, &number);
  g_set_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_DUPLICATE,
               /* Translators: the existing report's name, then its number in the project */
               _("The same content is already in the project as “%s” (report %s)."),
               existing, number);
  return FALSE;
}

/* The same file; with @compare_text, also the same text read from another file. Only
 * imports compare texts: a caller that stores a report with a content hash of its own
 * decides what counts as the same. */
static gboolean
check_not_duplicate (PcProject  *self,
                     PcReport   *report,
                     gboolean    compare_text,
                     GError    **error)
{
  g_autoptr(StmtLease) by_hash = lease (self, STMT_FIND_BY_HASH, error);
  g_autoptr(StmtLease) by_text = NULL;

  if (by_hash == NULL)
    return FALSE;
  _pc_sql_bind_text (by_hash, 1, pc_report_get_content_hash (report));
  if (!check_no_row (self, by_hash, error))
    return FALSE;
  if (!compare_text)
    return TRUE;

  by_text = lease (self, STMT_FIND_BY_TEXT, error);
  if (by_text == NULL)
    return FALSE;
  _pc_sql_bind_text (by_text, 1, pc_report_get_text (report));
  sqlite3_bind_int64 (by_text, 2, pc_report_get_length (report));
  return check_no_row (self, by_text, error);
}

/* Returns: (nullable): a translated warning when the project already holds another report
 * of @report's agency and year — a second version, or the same report read differently */
static char *
dup_same_period_warning (PcProject *self,
                         PcReport  *report,
                         gint64     id)
{
  g_autoptr(StmtLease) stmt = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *number = NULL;

  if (pc_report_get_agency (report) == NULL || pc_report_get_year (report) == 0)
    return NULL;
  stmt = lease (self, STMT_FIND_SAME_PERIOD, NULL);
  if (stmt == NULL)
    return NULL;
  _pc_sql_bind_text (stmt, 1, pc_report_get_agency (report));
  sqlite3_bind_int (stmt, 2, (int) pc_report_get_year (report));
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  describe_row (stmt, &existing, &number);
  /* Translators: an agency, a year, then the existing report's name and number */
  return g_strdup_printf (_("The project already has a report of %s for %u: “%s” (report %s)."),
                          pc_report_get_agency (report), pc_report_get_year (report), existing, number);
}

/* Binds the report's columns as ?1 … ?14, in the order of STMT_INSERT_REPORT. */
static void
bind_report_row (sqlite3_stmt *stmt,
                 PcReport     *report,
                 const char   *imported_at)
{
  _pc_sql_bind_text (stmt, 1, pc_report_get_content_hash (report));
  _pc_sql_bind_text (stmt, 2, pc_report_get_title (report));
  _pc_sql_bind_text (stmt, 3, pc_report_get_agency (report));
  sqlite3_bind_int (stmt, 4, (int) pc_report_get_year (report));
  _pc_sql_bind_text (stmt, 5, pc_report_get_published (report));
  _pc_sql_bind_text (stmt, 6, pc_report_get_signed (report));
  _pc_sql_bind_text (stmt, 7, pc_report_get_doc_number (report));
  _pc_sql_bind_text (stmt, 8, pc_report_get_addressee (report));
  _pc_sql_bind_text (stmt, 9, pc_report_get_source_name (report));
  _pc_sql_bind_text (stmt, 10, pc_source_format_to_string (pc_report_get_source_format (report)));
  _pc_sql_bind_text (stmt, 11, pc_report_get_encoding (report));
  _pc_sql_bind_text (stmt, 12, pc_report_get_text (report));
  sqlite3_bind_int64 (stmt, 13, pc_report_get_length (report));
  _pc_sql_bind_text (stmt, 14, imported_at);
}

static void
ensure_content_hash (PcReport *report)
{
  g_autofree char *hash = NULL;

  if (pc_report_get_content_hash (report) != NULL)
    return;
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, pc_report_get_text (report), -1);
  pc_report_set_content_hash (report, hash);
}

static gboolean
insert_report_row (PcProject   *self,
                   PcReport    *report,
                   const char  *imported_at,
                   gint64      *out_id,
                   GError     **error)
{
  g_autoptr(StmtLease) stmt = lease (self, STMT_INSERT_REPORT, error);

  if (stmt == NULL)
    return FALSE;
  bind_report_row (stmt, report, imported_at);
  if (!_pc_project_step_done (self, stmt, _("storing a report"), error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
insert_sections (PcProject   *self,
                 gint64       report_id,
                 gint64       parent_id,
                 GListModel  *sections,
                 GError     **error)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcRange range = pc_section_get_range (section);
      PcRange heading = pc_section_get_heading (section);
      gint64 id;

      {
        g_autoptr(StmtLease) stmt = lease (self, STMT_INSERT_SECTION, error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, report_id);
        if (parent_id > 0)
          sqlite3_bind_int64 (stmt, 2, parent_id);
        sqlite3_bind_int (stmt, 3, (int) i);
        sqlite3_bind_int (stmt, 4, (int) pc_section_get_level (section));
        sqlite3_bind_int64 (stmt, 5, pc_section_get_number (section));
        _pc_sql_bind_text (stmt, 6, pc_section_get_label (section));
        _pc_sql_bind_text (stmt, 7, pc_section_get_title (section));
        _pc_sql_bind_text (stmt, 8, pc_section_get_path (section));
        sqlite3_bind_int (stmt, 9, (int) pc_section_get_flags (section));
        sqlite3_bind_int64 (stmt, 10, range.start);
        sqlite3_bind_int64 (stmt, 11, range.end);
        sqlite3_bind_int64 (stmt, 12, heading.start);
        sqlite3_bind_int64 (stmt, 13, heading.end);
        if (!_pc_project_step_done (self, stmt, _("storing a section"), error))
          return FALSE;
        id = sqlite3_last_insert_rowid (self->db);
      }

      if (!insert_sections (self, report_id, id, pc_section_get_children (section), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_findings (PcProject  *self,
                 gint64      report_id,
                 GPtrArray  *findings,
                 GError    **error)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr(StmtLease) stmt = lease (self, STMT_INSERT_FINDING, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, report_id);
      _pc_sql_bind_text (stmt, 2, finding->code);
      _pc_sql_bind_text (stmt, 3, finding->part);
      _pc_sql_bind_text (stmt, 4, finding->section);
      _pc_sql_bind_text (stmt, 5, finding->note);
      sqlite3_bind_int64 (stmt, 6, finding->range.start);
      sqlite3_bind_int64 (stmt, 7, finding->range.end);
      if (!_pc_project_step_done (self, stmt, _("storing a finding"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_parts (PcProject  *self,
              gint64      report_id,
              GPtrArray  *parts,
              GError    **error)
{
  for (guint i = 0; i < parts->len; i++)
    {
      const PcPart *part = g_ptr_array_index (parts, i);
      g_autoptr(StmtLease) stmt = lease (self, STMT_INSERT_PART, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, report_id);
      _pc_sql_bind_text (stmt, 2, part->key);
      sqlite3_bind_int (stmt, 3, part->present ? 1 : 0);
      _pc_sql_bind_text (stmt, 4, part->section);
      sqlite3_bind_int (stmt, 5, part->own_section ? 1 : 0);
      sqlite3_bind_int64 (stmt, 6, part->range.start);
      sqlite3_bind_int64 (stmt, 7, part->range.end);
      if (!_pc_project_step_done (self, stmt, _("storing a required part"), error))
        return FALSE;
    }
  return TRUE;
}

static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Stores @report inside a transaction (or a savepoint of the caller's transaction). */
/* The report's sections, findings and parts, under report @id. */
static gboolean
insert_reading (PcProject  *self,
                gint64      id,
                PcReport   *report,
                GError    **error)
{
  return insert_sections (self, id, 0, pc_report_get_sections (report), error) &&
         insert_findings (self, id, pc_report_get_findings (report), error) &&
         insert_parts (self, id, pc_report_get_parts (report), error);
}

static gboolean
store_report (PcProject   *self,
              PcReport    *report,
              gboolean     compare_text,
              gint64      *out_id,
              GError     **error)
{
  g_autofree char *imported_at = dup_now_iso8601 ();
  gint64 id = 0;

  ensure_content_hash (report);

  if (!tx_begin (self, error))
    return FALSE;
  if (!check_not_duplicate (self, report, compare_text, error) ||
      !insert_report_row (self, report, imported_at, &id, error) ||
      !insert_reading (self, id, report, error))
    {
      tx_rollback (self);
      return FALSE;
    }
  if (!tx_commit (self, error))
    return FALSE;

  pc_report_set_id (report, id);
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/* Deletes report @id's rows from each of @tables (a NULL-terminated list of tables with a
 * report_id column). */
gboolean
_pc_project_delete_report_rows (PcProject          *self,
                                gint64              id,
                                const char * const *tables,
                                const char         *doing,
                                GError            **error)
{
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE report_id = ?1", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_pc_project_step_done (self, stmt, doing, error))
        return FALSE;
    }
  return TRUE;
}

static const char * const reading_tables[] = { "sections", "findings", "parts", NULL };

/* Gives report @id the text, metadata and reading of @report, inside the caller's
 * transaction; content already in the project (the same version again) is refused. */
gboolean
_pc_project_rewrite_report (PcProject  *self,
                            gint64      id,
                            PcReport   *report,
                            GError    **error)
{
  g_autofree char *imported_at = dup_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  ensure_content_hash (report);
  if (!check_not_duplicate (self, report, FALSE, error))
    return FALSE;
  stmt = _pc_project_prepare (self, "UPDATE reports SET content_hash = ?1, title = ?2, agency = ?3,"
                                    " year = ?4, published = ?5, signed = ?6, doc_number = ?7,"
                                    " addressee = ?8, source_name = ?9, source_format = ?10,"
                                    " encoding = ?11, text = ?12, char_length = ?13,"
                                    " imported_at = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    return FALSE;
  bind_report_row (stmt, report, imported_at);
  sqlite3_bind_int64 (stmt, 15, id);
  if (!_pc_project_step_done (self, stmt, _("replacing a report"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
                   _("The report is no longer in the project"));
      return FALSE;
    }
  if (!_pc_project_delete_report_rows (self, id, reading_tables, _("replacing a report"), error) ||
      !insert_reading (self, id, report, error))
    return FALSE;
  pc_report_set_id (report, id);
  return TRUE;
}

/**
 * pc_project_add_report:
 * @out_id: (out) (optional): the new report's id
 *
 * Stores @report with its sections, findings and parts in one transaction, and sets its
 * id. A report without a content hash gets the SHA-256 of its text. Content that is
 * already in the project is refused with %PC_IMPORT_ERROR_DUPLICATE and nothing is written.
 */
gboolean
pc_project_add_report (PcProject  *self,
                       PcReport   *report,
                       gint64     *out_id,
                       GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (PC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store_report (self, report, FALSE, out_id, error);
}

/* Importing ---------------------------------------------------------------------------- */

static void
add_error_line (PcImportSummary *summary,
                const char      *name,
                const GError    *error)
{
  /* Translators: a file name and why it was not imported */
  g_ptr_array_add (summary->errors, g_strdup_printf (_("%s: %s"), name, error->message));
}

/* One import file: read it (no statement is active meanwhile), then store it in its own
 * savepoint. Returns FALSE only for what ends the whole import: cancellation or a failure
 * of the database itself. */
static gboolean
import_one (PcProject        *self,
            ReadFunc          read,
            gpointer          source,
            guint             index,
            const char       *name,
            PcImportSummary  *summary,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PcReport) report = NULL;
  gint64 id = 0;

  report = read (source, index, cancellable, &local_error);
  if (report == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (report != NULL && store_report (self, report, TRUE, &id, &local_error))
    {
      g_autofree char *warning = dup_same_period_warning (self, report, id);

      summary->imported++;
      g_array_append_val (summary->ids, id);
      if (warning != NULL)
        /* Translators: a file name and a warning about it */
        g_ptr_array_add (summary->warnings, g_strdup_printf (_("%s: %s"), name, warning));
      return TRUE;
    }

  /* A report the schema refuses is that file's problem; any other database failure
   * (a full disk, an I/O error) is the whole import's. */
  if (local_error->domain == PC_PROJECT_ERROR &&
      (self->last_error_code & 0xff) != SQLITE_CONSTRAINT)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_error_matches (local_error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_DUPLICATE))
    summary->duplicates++;
  else
    summary->failed++;
  add_error_line (summary, name, local_error);
  return TRUE;
}

static PcImportSummary *
import_all (PcProject             *self,
            ReadFunc               read,
            gpointer               source,
            const char * const    *names,
            guint                  total,
            PcImportProgressFunc   progress,
            gpointer               user_data,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(PcImportSummary) summary = pc_import_summary_new ();

  if (!tx_begin (self, error))
    return NULL;

  for (guint i = 0; i < total; i++)
    {
      g_autofree char *name = g_filename_display_basename (names[i]);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_one (self, read, source, i, name, summary, cancellable, error))
        {
          tx_rollback (self);
          return NULL;
        }
      if (progress != NULL)
        progress (i + 1, total, names[i], user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      tx_rollback (self);
      return NULL;
    }
  if (!tx_commit (self, error))
    return NULL;
  return g_steal_pointer (&summary);
}

static PcReport *
read_path (gpointer       source,
           guint          index,
           GCancellable  *cancellable,
           GError       **error)
{
  const char * const *paths = source;

  return pc_reader_read_file (paths[index], cancellable, error);
}

/**
 * pc_project_import_files:
 * @paths: %NULL-terminated file names
 * @progress: (nullable): called after each file, on this thread
 *
 * Reads and stores each file, all in one transaction with one savepoint per file: a file
 * that cannot be read or is already in the project is left out and counted in the summary;
 * cancelling (checked between files) or a database failure rolls back the whole import.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set and nothing written
 */
PcImportSummary *
pc_project_import_files (PcProject             *self,
                         const char * const    *paths,
                         PcImportProgressFunc   progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_all (self, read_path, (gpointer) paths, paths, g_strv_length ((char **) paths),
                     progress, user_data, cancellable, error);
}

typedef struct
{
  GPtrArray          *contents;
  const char * const *names;
} BytesSource;

static PcReport *
read_bytes (gpointer       source,
            guint          index,
            GCancellable  *cancellable,
            GError       **error)
{
  BytesSource *bytes_source = source;
  const char *name = bytes_source->names[index];
  g_autoptr(PcExtraction) extraction = NULL;

  extraction = pc_extract_bytes (g_ptr_array_index (bytes_source->contents, index), name,
                                 cancellable, error);
  if (extraction == NULL)
    return NULL;
  return pc_reader_read_extraction (extraction, name, error);
}

/**
 * pc_project_import_bytes:
 * @contents: (element-type GBytes): the documents, as a file would hold them
 * @names: file names for @contents, as many as there are documents
 *
 * Like pc_project_import_files(), for documents already in memory.
 */
PcImportSummary *
pc_project_import_bytes (PcProject             *self,
                         GPtrArray             *contents,
                         const char * const    *names,
                         PcImportProgressFunc   progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  BytesSource source = { contents, names };

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (names != NULL && g_strv_length ((char **) names) == contents->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_all (self, read_bytes, &source, names, contents->len,
                     progress, user_data, cancellable, error);
}

/* Loading ------------------------------------------------------------------------------ */

static gboolean
load_sections (PcProject  *self,
               PcReport   *report,
               GError    **error)
{
  g_autoptr(StmtLease) stmt = lease (self, STMT_SELECT_SECTIONS, error);
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  sqlite3_bind_int64 (stmt, 1, pc_report_get_id (report));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);
      PcSection *parent = NULL;
      PcSection *section;

      section = pc_section_new ((guint) sqlite3_column_int (stmt, 2),
                                (guint) sqlite3_column_int64 (stmt, 3),
                                _pc_sql_column_text (stmt, 4), _pc_sql_column_text (stmt, 5));
      pc_section_set_path (section, _pc_sql_column_text (stmt, 6));
      pc_section_set_flags (section, (PcSectionFlags) sqlite3_column_int (stmt, 7));
      pc_section_set_range (section, (PcRange) { (guint) sqlite3_column_int64 (stmt, 8),
                                                 (guint) sqlite3_column_int64 (stmt, 9) });
      pc_section_set_heading (section, (PcRange) { (guint) sqlite3_column_int64 (stmt, 10),
                                                   (guint) sqlite3_column_int64 (stmt, 11) });
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                             sizeof (gint64)), section);

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        parent = g_hash_table_lookup (by_id, &parent_id);
      if (parent != NULL)
        pc_section_append_child (parent, section);
      else
        pc_report_append_section (report, section);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, _("loading sections"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_findings (PcProject  *self,
               PcReport   *report,
               GError    **error)
{
  g_autoptr(StmtLease) stmt = lease (self, STMT_SELECT_FINDINGS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pc_report_get_id (report));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PcFinding) finding = NULL;
      PcRange range = { (guint) sqlite3_column_int64 (stmt, 4),
                        (guint) sqlite3_column_int64 (stmt, 5) };

      finding = pc_finding_new (_pc_sql_column_text (stmt, 0), _pc_sql_column_text (stmt, 1),
                                _pc_sql_column_text (stmt, 2), _pc_sql_column_text (stmt, 3), range);
      pc_report_add_finding (report, finding);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, _("loading findings"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_parts (PcProject  *self,
            PcReport   *report,
            GError    **error)
{
  g_autoptr(StmtLease) stmt = lease (self, STMT_SELECT_PARTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pc_report_get_id (report));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PcPart) part = NULL;
      PcRange range = { (guint) sqlite3_column_int64 (stmt, 4),
                        (guint) sqlite3_column_int64 (stmt, 5) };

      part = pc_part_new (_pc_sql_column_text (stmt, 0), sqlite3_column_int (stmt, 1) != 0,
                          _pc_sql_column_text (stmt, 2), sqlite3_column_int (stmt, 3) != 0, range);
      pc_report_add_part (report, part);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, _("loading required parts"));
      return FALSE;
    }
  return TRUE;
}

/* Builds a report from a row of REPORT_COLUMNS, with everything that belongs to it. */
static PcReport *
report_from_row (PcProject     *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(PcReport) report = pc_report_new (_pc_sql_column_text (stmt, 12));

  pc_report_set_id (report, sqlite3_column_int64 (stmt, 0));
  pc_report_set_content_hash (report, _pc_sql_column_text (stmt, 1));
  pc_report_set_title (report, _pc_sql_column_text (stmt, 2));
  pc_report_set_agency (report, _pc_sql_column_text (stmt, 3));
  pc_report_set_year (report, (guint) sqlite3_column_int (stmt, 4));
  pc_report_set_published (report, _pc_sql_column_text (stmt, 5));
  pc_report_set_signed (report, _pc_sql_column_text (stmt, 6));
  pc_report_set_doc_number (report, _pc_sql_column_text (stmt, 7));
  pc_report_set_addressee (report, _pc_sql_column_text (stmt, 8));
  pc_report_set_source_name (report, _pc_sql_column_text (stmt, 9));
  pc_report_set_source_format (report, pc_source_format_from_string (_pc_sql_column_text (stmt, 10)));
  pc_report_set_encoding (report, _pc_sql_column_text (stmt, 11));

  if (!load_sections (self, report, error) ||
      !load_findings (self, report, error) ||
      !load_parts (self, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

/**
 * pc_project_list_reports:
 *
 * Returns: (transfer container) (element-type PcReport): every report in import order,
 *   fully loaded (text, metadata, section tree, findings, parts)
 */
GPtrArray *
pc_project_list_reports (PcProject  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(StmtLease) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = lease (self, STMT_SELECT_REPORTS, error);
  if (stmt == NULL)
    return NULL;
  reports = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcReport *report = report_from_row (self, stmt, error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (reports, report);
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, _("listing reports"));
      return NULL;
    }
  return g_steal_pointer (&reports);
}

/**
 * pc_project_load_report:
 *
 * Returns: (transfer full): the report with @id, fully loaded, or %NULL with
 *   %PC_PROJECT_ERROR_NOT_FOUND
 */
PcReport *
pc_project_load_report (PcProject  *self,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(StmtLease) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = lease (self, STMT_SELECT_REPORT, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return report_from_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
                   _("There is no report %s in the project."), number);
    }
  else
    set_sql_error (self, error, _("loading a report"));
  return NULL;
}

guint
pc_project_count_reports (PcProject *self)
{
  g_autoptr(StmtLease) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  g_return_val_if_fail (_pc_project_is_owner (self), 0);

  stmt = lease (self, STMT_COUNT_REPORTS, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * pc_project_backup:
 * @dest_path: where to write the copy; replaced if it exists
 *
 * Writes a consistent copy of the project with the SQLite backup API. The copy appears
 * under @dest_path only once it is complete.
 */
gboolean
pc_project_backup (PcProject   *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return backup_to (self->db, dest_path, error);
}

/* Storage internals for the other pc-project-*.c files ---------------------------------- */

sqlite3 *
_pc_project_get_db (PcProject *self)
{
  g_assert (_pc_project_is_owner (self));
  return self->db;
}

/* One transaction, or a savepoint inside the caller's. */
gboolean
_pc_project_begin (PcProject  *self,
                   GError    **error)
{
  g_assert (_pc_project_is_owner (self));
  return tx_begin (self, error);
}

gboolean
_pc_project_commit (PcProject  *self,
                    GError    **error)
{
  return tx_commit (self, error);
}

void
_pc_project_rollback (PcProject *self)
{
  tx_rollback (self);
}

gboolean
_pc_project_insert_findings (PcProject  *self,
                             gint64      report_id,
                             GPtrArray  *findings,
                             GError    **error)
{
  return insert_findings (self, report_id, findings, error);
}

void
_pc_project_set_sql_error (PcProject   *self,
                           GError     **error,
                           const char  *doing)
{
  set_sql_error (self, error, doing);
}

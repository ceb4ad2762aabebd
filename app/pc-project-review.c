/* pc-project-review.c — storing the review in the project file.
 *
 * The engine's output (coverage_items, coverage_suggestions, item_ratings.proposed) is
 * replaced on every run; what reviewers decide (coverage_decisions, item_ratings.override)
 * is written only by the reviewer calls below. Every call runs on the project's owner
 * thread, every write in one transaction (or a savepoint of the caller's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project-review"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-project-private.h"
#include "pc-project-review.h"

/* Suggestions weaker than this are not worth a row. */
#define MIN_STORED_CONFIDENCE 0.1

static gboolean
exec (PcProject   *self,
      const char  *sql,
      gint64       a,
      gint64       b,
      const char  *doing,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _pc_project_step_done (self, stmt, doing, error);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
pc_decision_to_string (PcDecision decision)
{
  switch (decision)
    {
    case PC_DECISION_ACCEPT:
      return "accept";
    case PC_DECISION_REJECT:
      return "reject";
    case PC_DECISION_ADD:
      return "add";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
pc_decision_from_string (const char *str,
                         PcDecision *out)
{
  for (PcDecision d = PC_DECISION_ACCEPT; d <= PC_DECISION_ADD; d++)
    if (g_strcmp0 (str, pc_decision_to_string (d)) == 0)
      {
        *out = d;
        return TRUE;
      }
  return FALSE;
}

void
pc_review_decision_free (PcReviewDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->section);
  g_free (decision->reviewer);
  g_free (decision->note);
  g_free (decision->decided_at);
  g_free (decision);
}

void
pc_review_result_free (PcReviewResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->coverage);
  g_free (result->overrides);
  pc_score_free (result->score);
  g_free (result);
}

/* Checklists */

static gboolean
store_checklist_items (PcProject    *self,
                       gint64        id,
                       PcChecklist  *checklist,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self,
    "INSERT INTO checklist_items (checklist, item, title, block, weight, applicable)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (checklist, item) DO UPDATE SET"
    " weight = excluded.weight, applicable = excluded.applicable", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < pc_checklist_get_n_items (checklist); i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, item->code);
      _pc_sql_bind_text (stmt, 3, item->title);
      _pc_sql_bind_text (stmt, 4, item->block);
      sqlite3_bind_double (stmt, 5, item->weight);
      sqlite3_bind_int (stmt, 6, item->applicable);
      if (!_pc_project_step_done (self, stmt, _("storing the checklist"), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_checklist (PcProject    *self,
                  PcChecklist  *checklist,
                  GError      **error)
{
  g_autofree char *json = pc_checklist_to_json (checklist);
  g_autofree char *now = now_iso ();
  g_autoptr(sqlite3_stmt) insert = _pc_project_prepare (self,
    "INSERT INTO checklists (checklist_id, version, title, json, stored_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (insert == NULL)
    return 0;
  _pc_sql_bind_text (insert, 1, pc_checklist_get_id (checklist));
  _pc_sql_bind_text (insert, 2, pc_checklist_get_version (checklist));
  _pc_sql_bind_text (insert, 3, pc_checklist_get_title (checklist));
  _pc_sql_bind_text (insert, 4, json);
  _pc_sql_bind_text (insert, 5, now);
  if (!_pc_project_step_done (self, insert, _("storing the checklist"), error))
    return 0;
  return sqlite3_last_insert_rowid (_pc_project_get_db (self));
}

/* The row id of the checklist @sql selects (binding @checklist_id and @version where it
 * names them), 0 when there is none, -1 on error; with @out_checklist_id its checklist id. */
static gint64
find_checklist (PcProject   *self,
                const char  *sql,
                const char  *checklist_id,
                const char  *version,
                char       **out_checklist_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  _pc_sql_bind_text (stmt, 1, checklist_id);
  _pc_sql_bind_text (stmt, 2, version);
  if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _pc_project_set_sql_error (self, error, _("reading the checklist"));
      return -1;
    }
  if (out_checklist_id)
    *out_checklist_id = g_strdup (_pc_sql_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
apply_item_settings (PcProject    *self,
                     gint64        id,
                     PcChecklist  *checklist,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self,
    "SELECT item, weight, applicable FROM checklist_items WHERE checklist = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint code = sqlite3_column_int (stmt, 0);

      pc_checklist_set_item_weight (checklist, code, MAX (sqlite3_column_double (stmt, 1), 0));
      pc_checklist_set_item_applicable (checklist, code, sqlite3_column_int (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("reading the checklist"));
      return FALSE;
    }
  return TRUE;
}

/* A stored checklist as the project uses it: with the project's weights and applicability. */
static PcChecklist *
load_checklist_row (PcProject  *self,
                    gint64      id,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self, "SELECT json FROM checklists WHERE id = ?1", error);
  g_autoptr(PcChecklist) checklist = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _pc_project_set_sql_error (self, error, _("reading the checklist"));
      return NULL;
    }
  checklist = pc_checklist_new_from_data (_pc_sql_column_text (stmt, 0), -1, error);
  if (checklist == NULL || !apply_item_settings (self, id, checklist, error))
    return NULL;
  return g_steal_pointer (&checklist);
}

/* The same id and version again: the file may change what a project may change anyway,
 * each item's weight and applicability, and nothing else. A checklist whose definition
 * changed needs a version of its own, or the projects and exports that name this version
 * would no longer agree on what it means. */
static gboolean
update_stored_checklist (PcProject             *self,
                         gint64                 id,
                         PcChecklist           *checklist,
                         PcChecklistStoreInfo  *info,
                         GError               **error)
{
  g_autoptr(PcChecklist) stored = load_checklist_row (self, id, error);
  g_auto(GStrv) differ = NULL;

  if (stored == NULL)
    return FALSE;
  differ = pc_checklist_diff_definition (stored, checklist);
  if (differ[0] != NULL)
    {
      g_autofree char *members = g_strjoinv (_(", "), differ);

      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_CHECKLIST_CHANGED,
                   /* Translators: a checklist id, its version, then JSON member names such as “grades” */
                   _("The project already holds checklist “%s” version “%s”, and this file "
                     "changes more than item weights and applicability (it differs in: %s). "
                     "Give the edited checklist a new “version” and import it again; the "
                     "reviewers’ decisions and ratings are carried over to it."),
                   pc_checklist_get_id (checklist), pc_checklist_get_version (checklist), members);
      return FALSE;
    }
  if (pc_checklist_same_settings (stored, checklist))
    return TRUE;
  info->settings_changed = TRUE;
  return store_checklist_items (self, id, checklist, error);
}

/* The reviewers' work under checklist @from also holds under @to, a version of the same
 * checklist, for every item @to still has. What is newer wins: the work under @from. */
static gboolean
carry_review_over (PcProject             *self,
                   gint64                 from,
                   gint64                 to,
                   PcChecklistStoreInfo  *info,
                   GError               **error)
{
  sqlite3 *db = _pc_project_get_db (self);

  if (!exec (self,
             "INSERT INTO coverage_decisions (report_id, checklist, item, section, decision,"
             " reviewer, note, decided_at)"
             " SELECT report_id, ?2, item, section, decision, reviewer, note, decided_at"
             " FROM coverage_decisions WHERE checklist = ?1"
             " AND item IN (SELECT item FROM checklist_items WHERE checklist = ?2)"
             " ON CONFLICT (report_id, checklist, item, section) DO UPDATE SET"
             " decision = excluded.decision, reviewer = excluded.reviewer, note = excluded.note,"
             " decided_at = excluded.decided_at",
             from, to, _("carrying decisions over"), error))
    return FALSE;
  info->n_carried_decisions = sqlite3_changes (db);
  /* Rows a reviewer touched (an override, or one cleared again) have a modified time; the
   * engine's proposal is the new version's to make. */
  if (!exec (self,
             "INSERT INTO item_ratings (report_id, checklist, item, proposed, override,"
             " reviewer, modified)"
             " SELECT report_id, ?2, item, 'absent', override, reviewer, modified"
             " FROM item_ratings WHERE checklist = ?1 AND modified IS NOT NULL"
             " AND item IN (SELECT item FROM checklist_items WHERE checklist = ?2)"
             " ON CONFLICT (report_id, checklist, item) DO UPDATE SET"
             " override = excluded.override, reviewer = excluded.reviewer,"
             " modified = excluded.modified",
             from, to, _("carrying ratings over"), error))
    return FALSE;
  info->n_carried_ratings = sqlite3_changes (db);
  return TRUE;
}

static gint64
store_checklist (PcProject             *self,
                 PcChecklist           *checklist,
                 PcChecklistStoreInfo  *info,
                 GError               **error)
{
  g_autofree char *active_checklist_id = NULL;
  gint64 active, id;

  if ((active = find_checklist (self, "SELECT id, checklist_id FROM checklists WHERE active = 1",
                                NULL, NULL,
                                &active_checklist_id, error)) < 0 ||
      (id = find_checklist (self, "SELECT id, checklist_id FROM checklists"
                            " WHERE checklist_id = ?1 AND version = ?2",
                            pc_checklist_get_id (checklist), pc_checklist_get_version (checklist),
                            NULL, error)) < 0)
    return 0;
  if (id > 0 && !update_stored_checklist (self, id, checklist, info, error))
    return 0;
  if (id == 0)
    {
      info->added = TRUE;
      if ((id = insert_checklist (self, checklist, error)) == 0 ||
          !store_checklist_items (self, id, checklist, error))
        return 0;
    }
  if (id == active)
    return id;
  info->activated = TRUE;
  if (active > 0 && g_strcmp0 (active_checklist_id, pc_checklist_get_id (checklist)) == 0 &&
      !carry_review_over (self, active, id, info, error))
    return 0;
  if (!exec (self, "UPDATE checklists SET active = (id = ?1) WHERE ?2 = ?2", id, 0,
             _("storing the checklist"), error))
    return 0;
  return id;
}

/**
 * pc_project_review_store_checklist:
 * @out_info: (out caller-allocates) (optional): what storing did
 *
 * Makes @checklist the project's checklist, in one transaction.
 *
 * A version the project does not have yet is stored. A version it has may bring other
 * item weights and applicability, which replace the project's; any other change to a
 * stored version is refused with %PC_PROJECT_ERROR_CHECKLIST_CHANGED: it needs a version
 * of its own.
 *
 * When @checklist replaces another version of the same checklist (same id), the
 * reviewers' decisions and rating overrides are carried over to it for every item it
 * still has, so a new version of the weights does not lose the review. A checklist with
 * another id starts without them.
 *
 * Returns: the checklist's row id, or 0 with @error set
 */
gint64
pc_project_review_store_checklist (PcProject             *self,
                                   PcChecklist           *checklist,
                                   PcChecklistStoreInfo  *out_info,
                                   GError               **error)
{
  PcChecklistStoreInfo info = { 0 };
  gint64 id;

  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  g_return_val_if_fail (_pc_project_is_owner (self), 0);
  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), 0);

  if (!_pc_project_begin (self, error))
    return 0;
  if ((id = store_checklist (self, checklist, &info, error)) == 0 ||
      !_pc_project_commit (self, error))
    {
      _pc_project_rollback (self);
      return 0;
    }
  if (out_info)
    *out_info = info;
  return id;
}

static gint64 active_checklist_id (PcProject  *self,
                                   GError    **error);

void
pc_stored_checklist_free (PcStoredChecklist *stored)
{
  if (stored == NULL)
    return;
  g_free (stored->checklist_id);
  g_free (stored->version);
  g_free (stored->title);
  g_free (stored);
}

/**
 * pc_project_review_list_checklists:
 *
 * Returns: (transfer container) (element-type PcStoredChecklist): every checklist version
 *   the project holds, in the order they were stored
 */
GPtrArray *
pc_project_review_list_checklists (PcProject  *self,
                                   GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_stored_checklist_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  /* A project that has never been assessed gets the built-in outline first. */
  if (active_checklist_id (self, error) == 0)
    return NULL;
  stmt = _pc_project_prepare (self, "SELECT id, checklist_id, version, title, active FROM checklists"
                              " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcStoredChecklist *stored = g_new0 (PcStoredChecklist, 1);

      stored->id = sqlite3_column_int64 (stmt, 0);
      stored->checklist_id = g_strdup (_pc_sql_column_text (stmt, 1));
      stored->version = g_strdup (_pc_sql_column_text (stmt, 2));
      stored->title = g_strdup (_pc_sql_column_text (stmt, 3));
      stored->active = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (list, stored);
    }
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("reading the checklist"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * pc_project_review_activate_checklist:
 * @id: a row id from pc_project_review_list_checklists()
 *
 * Makes a stored version the project's checklist again, with the project's weights for
 * it, carrying the reviewers' work over as pc_project_review_store_checklist() does.
 *
 * Returns: @id, or 0 with @error set
 */
gint64
pc_project_review_activate_checklist (PcProject             *self,
                                      gint64                 id,
                                      PcChecklistStoreInfo  *out_info,
                                      GError               **error)
{
  g_autoptr(PcChecklist) checklist = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  g_return_val_if_fail (_pc_project_is_owner (self), 0);

  if ((checklist = load_checklist_row (self, id, error)) == NULL)
    return 0;
  return pc_project_review_store_checklist (self, checklist, out_info, error);
}

static gint64
active_checklist_id (PcProject  *self,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self, "SELECT id FROM checklists WHERE active = 1", error);
  g_autoptr(PcChecklist) fallback = NULL;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  fallback = pc_checklist_new_default ();
  return pc_project_review_store_checklist (self, fallback, NULL, error);
}

/**
 * pc_project_review_load_checklist:
 * @out_id: (out) (optional): the checklist's row id
 *
 * The project's checklist with the project's weights and applicability; the built-in
 * outline is stored first when the project has none yet.
 *
 * Returns: (transfer full) (nullable): the checklist
 */
PcChecklist *
pc_project_review_load_checklist (PcProject  *self,
                                  gint64     *out_id,
                                  GError    **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  gint64 id;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  if ((id = active_checklist_id (self, error)) == 0 ||
      (checklist = load_checklist_row (self, id, error)) == NULL)
    return NULL;
  if (out_id)
    *out_id = id;
  return g_steal_pointer (&checklist);
}

static gboolean
update_item (PcProject   *self,
             const char  *sql,
             guint        item,
             double       value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if ((id = active_checklist_id (self, error)) == 0 || (stmt = _pc_project_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int (stmt, 3, item);
  if (!_pc_project_step_done (self, stmt, _("changing the checklist"), error))
    return FALSE;
  if (sqlite3_changes (_pc_project_get_db (self)) == 0)
    {
      /* Translators: an outline item number */
      g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND,
                   _("The checklist has no item %u"), item);
      return FALSE;
    }
  return TRUE;
}

gboolean
pc_project_review_set_item_weight (PcProject  *self,
                                   guint       item,
                                   double      weight,
                                   GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (weight >= 0, FALSE);

  return update_item (self, "UPDATE checklist_items SET weight = ?1 WHERE checklist = ?2 AND item = ?3",
                      item, weight, error);
}

gboolean
pc_project_review_set_item_applicable (PcProject  *self,
                                       guint       item,
                                       gboolean    applicable,
                                       GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);

  return update_item (self, "UPDATE checklist_items SET applicable = ?1 WHERE checklist = ?2 AND item = ?3",
                      item, applicable ? 1 : 0, error);
}

/* Engine output */

static gboolean
store_section_suggestions (PcProject    *self,
                           gint64        checklist_id,
                           gint64        report_id,
                           PcCoverage   *coverage,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_project_prepare (self,
    "INSERT INTO coverage_suggestions (report_id, checklist, item, section, confidence,"
    " low_relevance, phrase, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint s = 0; s < pc_coverage_get_n_sections (coverage); s++)
    {
      const PcSectionCoverage *section = pc_coverage_get_section (coverage, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          const PcSectionItem *si = &g_array_index (section->items, PcSectionItem, i);
          const PcCoverageHit *best = &g_array_index (si->hits, PcCoverageHit, 0);

          if (si->confidence < MIN_STORED_CONFIDENCE)
            continue;
          for (guint h = 1; h < si->hits->len; h++)
            if (g_array_index (si->hits, PcCoverageHit, h).weight > best->weight)
              best = &g_array_index (si->hits, PcCoverageHit, h);
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, report_id);
          sqlite3_bind_int64 (stmt, 2, checklist_id);
          sqlite3_bind_int (stmt, 3, si->item);
          _pc_sql_bind_text (stmt, 4, section->path);
          sqlite3_bind_double (stmt, 5, si->confidence);
          sqlite3_bind_int (stmt, 6, section->low_relevance);
          _pc_sql_bind_text (stmt, 7, best->phrase);
          sqlite3_bind_int (stmt, 8, best->sentence.start);
          sqlite3_bind_int (stmt, 9, best->sentence.end);
          if (!_pc_project_step_done (self, stmt, _("storing suggestions"), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
store_item_results (PcProject    *self,
                    gint64        checklist_id,
                    gint64        report_id,
                    PcCoverage   *coverage,
                    GError      **error)
{
  g_autofree char *now = now_iso ();
  g_autoptr(sqlite3_stmt) items = _pc_project_prepare (self,
    "INSERT INTO coverage_items (report_id, checklist, item, suggested, confidence, strength,"
    " sections, run_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  /* The proposal follows the engine; a reviewer's override stays as it was. */
  g_autoptr(sqlite3_stmt) ratings = _pc_project_prepare (self,
    "INSERT INTO item_ratings (report_id, checklist, item, proposed) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (report_id, checklist, item) DO UPDATE SET proposed = excluded.proposed", error);

  if (items == NULL || ratings == NULL)
    return FALSE;
  for (guint code = 1; code <= pc_coverage_get_n_items (coverage); code++)
    {
      const PcItemCoverage *item = pc_coverage_get_item (coverage, code);
      g_autofree char *sections = NULL;

      g_ptr_array_add (item->sections, NULL);
      sections = g_strjoinv (",", (char **) item->sections->pdata);
      g_ptr_array_set_size (item->sections, item->sections->len - 1);
      sqlite3_reset (items);
      sqlite3_bind_int64 (items, 1, report_id);
      sqlite3_bind_int64 (items, 2, checklist_id);
      sqlite3_bind_int (items, 3, code);
      sqlite3_bind_int (items, 4, item->suggested);
      sqlite3_bind_double (items, 5, item->confidence);
      sqlite3_bind_double (items, 6, item->evidence.strength);
      _pc_sql_bind_text (items, 7, sections);
      _pc_sql_bind_text (items, 8, now);
      sqlite3_reset (ratings);
      sqlite3_bind_int64 (ratings, 1, report_id);
      sqlite3_bind_int64 (ratings, 2, checklist_id);
      sqlite3_bind_int (ratings, 3, code);
      _pc_sql_bind_text (ratings, 4, pc_rating_to_string (item->proposed));
      if (!_pc_project_step_done (self, items, _("storing suggestions"), error) ||
          !_pc_project_step_done (self, ratings, _("storing suggestions"), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pc_project_review_store_coverage:
 *
 * Replaces the engine's earlier output for @report_id under @checklist_id with @coverage.
 * Reviewer decisions and rating overrides are left alone.
 */
gboolean
pc_project_review_store_coverage (PcProject   *self,
                                  gint64       checklist_id,
                                  gint64       report_id,
                                  PcCoverage  *coverage,
                                  GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);
  g_return_val_if_fail (PC_IS_COVERAGE (coverage), FALSE);

  if (!_pc_project_begin (self, error))
    return FALSE;
  if (!exec (self, "DELETE FROM coverage_suggestions WHERE report_id = ?1 AND checklist = ?2",
             report_id, checklist_id, _("storing suggestions"), error) ||
      !exec (self, "DELETE FROM coverage_items WHERE report_id = ?1 AND checklist = ?2",
             report_id, checklist_id, _("storing suggestions"), error) ||
      !store_section_suggestions (self, checklist_id, report_id, coverage, error) ||
      !store_item_results (self, checklist_id, report_id, coverage, error) ||
      !_pc_project_commit (self, error))
    {
      _pc_project_rollback (self);
      return FALSE;
    }
  return TRUE;
}

guint
pc_project_review_count_suggestions (PcProject *self,
                                     gint64     report_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), 0);

  stmt = _pc_project_prepare (self, "SELECT count(*) FROM coverage_suggestions WHERE report_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, report_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/* Reviewer decisions and ratings */

/**
 * pc_project_review_set_decision:
 * @section: (nullable): a section path, or %NULL for the report as a whole
 *
 * Records a reviewer's decision on an item; a later decision on the same item and section
 * replaces the earlier one. The engine never writes here.
 */
gboolean
pc_project_review_set_decision (PcProject   *self,
                                gint64       report_id,
                                guint        item,
                                const char  *section,
                                PcDecision   decision,
                                const char  *reviewer,
                                const char  *note,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_iso ();
  gint64 checklist_id;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);

  if ((checklist_id = active_checklist_id (self, error)) == 0 ||
      (stmt = _pc_project_prepare (self,
         "INSERT INTO coverage_decisions (report_id, checklist, item, section, decision, reviewer,"
         " note, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
         " ON CONFLICT (report_id, checklist, item, section) DO UPDATE SET"
         " decision = excluded.decision, reviewer = excluded.reviewer, note = excluded.note,"
         " decided_at = excluded.decided_at", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, checklist_id);
  sqlite3_bind_int (stmt, 3, item);
  _pc_sql_bind_text (stmt, 4, section ? section : "");
  _pc_sql_bind_text (stmt, 5, pc_decision_to_string (decision));
  _pc_sql_bind_text (stmt, 6, reviewer);
  _pc_sql_bind_text (stmt, 7, note);
  _pc_sql_bind_text (stmt, 8, now);
  return _pc_project_step_done (self, stmt, _("storing a decision"), error);
}

/**
 * pc_project_review_list_decisions:
 *
 * Returns: (transfer full) (element-type PcReviewDecision): the decisions on @report_id
 *   under the project's checklist, by item
 */
GPtrArray *
pc_project_review_list_decisions (PcProject  *self,
                                  gint64      report_id,
                                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 checklist_id;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  if ((checklist_id = active_checklist_id (self, error)) == 0 ||
      (stmt = _pc_project_prepare (self,
         "SELECT item, section, decision, reviewer, note, decided_at FROM coverage_decisions"
         " WHERE report_id = ?1 AND checklist = ?2 ORDER BY item, section", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, checklist_id);
  decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_review_decision_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcReviewDecision *d = g_new0 (PcReviewDecision, 1);

      d->report_id = report_id;
      d->item = sqlite3_column_int (stmt, 0);
      d->section = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      pc_decision_from_string ((const char *) sqlite3_column_text (stmt, 2), &d->decision);
      d->reviewer = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      d->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      d->decided_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (decisions, d);
    }
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("reading decisions"));
      return NULL;
    }
  return g_steal_pointer (&decisions);
}

/**
 * pc_project_review_set_rating:
 * @override: the reviewer's rating, or %PC_RATING_UNSET to fall back to the proposal
 */
gboolean
pc_project_review_set_rating (PcProject   *self,
                              gint64       report_id,
                              guint        item,
                              PcRating     override,
                              const char  *reviewer,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_iso ();
  gint64 checklist_id;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (_pc_project_is_owner (self), FALSE);

  if ((checklist_id = active_checklist_id (self, error)) == 0 ||
      (stmt = _pc_project_prepare (self,
         "INSERT INTO item_ratings (report_id, checklist, item, proposed, override, reviewer, modified)"
         " VALUES (?1, ?2, ?3, 'absent', ?4, ?5, ?6)"
         " ON CONFLICT (report_id, checklist, item) DO UPDATE SET override = excluded.override,"
         " reviewer = excluded.reviewer, modified = excluded.modified", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, checklist_id);
  sqlite3_bind_int (stmt, 3, item);
  _pc_sql_bind_text (stmt, 4, pc_rating_to_string (override));
  _pc_sql_bind_text (stmt, 5, reviewer);
  _pc_sql_bind_text (stmt, 6, now);
  return _pc_project_step_done (self, stmt, _("storing a rating"), error);
}

/**
 * pc_project_review_get_ratings:
 * @overrides_only: %TRUE for the reviewer's overrides alone, %FALSE for the effective ratings
 *
 * Returns: (transfer full) (array): ratings by code − 1, as many as the checklist has items;
 *   %PC_RATING_UNSET where nothing is stored
 */
PcRating *
pc_project_review_get_ratings (PcProject  *self,
                               gint64      report_id,
                               gboolean    overrides_only,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree PcRating *ratings = NULL;
  gint64 checklist_id;
  guint n = 0;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  if ((checklist_id = active_checklist_id (self, error)) == 0 ||
      (stmt = _pc_project_prepare (self, "SELECT count(*) FROM checklist_items WHERE checklist = ?1", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  ratings = g_new0 (PcRating, MAX (n, 1));

  if ((stmt = _pc_project_prepare (self, "SELECT item, proposed, override FROM item_ratings"
                             " WHERE report_id = ?1 AND checklist = ?2", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, checklist_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint item = sqlite3_column_int (stmt, 0);
      PcRating proposed = pc_rating_from_string ((const char *) sqlite3_column_text (stmt, 1));
      PcRating override = pc_rating_from_string ((const char *) sqlite3_column_text (stmt, 2));

      if (item >= 1 && item <= n)
        ratings[item - 1] = overrides_only ? override : pc_rating_resolve (proposed, override);
    }
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("reading ratings"));
      return NULL;
    }
  return g_steal_pointer (&ratings);
}

/**
 * pc_project_review_get_rating_reviewers:
 *
 * Returns: (transfer full) (element-type utf8): by code − 1, as many as the checklist has
 *   items, who set the rating of each item the reviewers rated, %NULL elsewhere
 */
GPtrArray *
pc_project_review_get_rating_reviewers (PcProject  *self,
                                        gint64      report_id,
                                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  gint64 checklist_id;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  if ((checklist_id = active_checklist_id (self, error)) == 0 ||
      (stmt = _pc_project_prepare (self, "SELECT count(*) FROM checklist_items WHERE checklist = ?1", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_id);
  reviewers = g_ptr_array_new_with_free_func (g_free);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_set_size (reviewers, sqlite3_column_int (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if ((stmt = _pc_project_prepare (self, "SELECT item, reviewer FROM item_ratings WHERE report_id = ?1"
                                   " AND checklist = ?2 AND override IS NOT NULL AND reviewer <> ''", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, checklist_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint item = sqlite3_column_int (stmt, 0);

      if (item >= 1 && item <= reviewers->len)
        g_ptr_array_index (reviewers, item - 1) = g_strdup (_pc_sql_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _pc_project_set_sql_error (self, error, _("reading ratings"));
      return NULL;
    }
  return g_steal_pointer (&reviewers);
}

/**
 * pc_project_review_apply_decisions:
 * @coverage: the engine's output for @report_id, as stored
 *
 * Applies the reviewers' stored decisions on the report to @coverage, oldest first, so
 * what the engine proposes and what a reviewer decided are shown together. The stored
 * engine output itself stays the engine's.
 */
gboolean
pc_project_review_apply_decisions (PcProject   *self,
                                   gint64       report_id,
                                   PcCoverage  *coverage,
                                   GError     **error)
{
  g_autoptr(GPtrArray) decisions = NULL;
  guint n_items;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PC_IS_COVERAGE (coverage), FALSE);

  decisions = pc_project_review_list_decisions (self, report_id, error);
  if (decisions == NULL)
    return FALSE;
  n_items = pc_coverage_get_n_items (coverage);
  for (guint i = 0; i < decisions->len; i++)
    {
      PcReviewDecision *d = g_ptr_array_index (decisions, i);

      if (d->item >= 1 && d->item <= n_items)
        pc_coverage_apply_decision (coverage, d->item, d->section, d->decision);
    }
  return TRUE;
}

/**
 * pc_project_review_assess_all:
 *
 * Runs the engine on every report of the project under the project's checklist, stores its
 * output and scores each report with the reviewers' overrides.
 *
 * Returns: (transfer full) (element-type PcReviewResult): one result per report
 */
GPtrArray *
pc_project_review_assess_all (PcProject     *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcCoverageEngine) engine = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 checklist_id = 0;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (_pc_project_is_owner (self), NULL);

  if ((checklist = pc_project_review_load_checklist (self, &checklist_id, error)) == NULL ||
      (reports = pc_project_list_reports (self, error)) == NULL)
    return NULL;
  engine = pc_coverage_engine_new (checklist);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_review_result_free);
  for (guint i = 0; i < reports->len; i++)
    {
      PcReport *report = g_ptr_array_index (reports, i);
      g_autoptr(PcReviewResult) result = g_new0 (PcReviewResult, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      result->report_id = pc_report_get_id (report);
      result->coverage = pc_coverage_engine_run (engine, report);
      if (!pc_project_review_store_coverage (self, checklist_id, result->report_id, result->coverage, error) ||
          !pc_project_review_apply_decisions (self, result->report_id, result->coverage, error) ||
          (result->overrides = pc_project_review_get_ratings (self, result->report_id, TRUE, error)) == NULL)
        return NULL;
      result->score = pc_coverage_score (result->coverage, result->overrides);
      g_ptr_array_add (results, g_steal_pointer (&result));
    }
  return g_steal_pointer (&results);
}

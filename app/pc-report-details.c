/* pc-report-details.c — correcting a report's title, agency, year, date and number.
 *
 * The reader takes these from the text and the page around it; on a report it has never
 * seen it can be wrong, and the library, the filters and the scorecards all show them. The
 * reviewer's correction is stored over the reading, and the findings that depend on them
 * (no title, no date, dated too early, published late) are found again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "pc-project-private.h"
#include "pc-reader.h"
#include "pc-report-details.h"
#include "pc-textutil.h"

/* Empty and blank strings are no value. */
static char *
dup_value (const char *value)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;

  return stripped != NULL && *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

PcReportDetails *
pc_report_details_new_from_report (PcReport *report)
{
  PcReportDetails *details = g_new0 (PcReportDetails, 1);

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  details->title = dup_value (pc_report_get_title (report));
  details->agency = dup_value (pc_report_get_agency (report));
  details->year = pc_report_get_year (report);
  details->published = dup_value (pc_report_get_published (report));
  details->doc_number = dup_value (pc_report_get_doc_number (report));
  return details;
}

PcReportDetails *
pc_report_details_copy (const PcReportDetails *details)
{
  PcReportDetails *copy = g_new0 (PcReportDetails, 1);

  copy->title = dup_value (details->title);
  copy->agency = dup_value (details->agency);
  copy->year = details->year;
  copy->published = dup_value (details->published);
  copy->doc_number = dup_value (details->doc_number);
  return copy;
}

void
pc_report_details_free (PcReportDetails *details)
{
  if (details == NULL)
    return;
  g_free (details->title);
  g_free (details->agency);
  g_free (details->published);
  g_free (details->doc_number);
  g_free (details);
}

gboolean
pc_report_details_equal (const PcReportDetails *a,
                         const PcReportDetails *b)
{
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->agency, b->agency) == 0 &&
         a->year == b->year && g_strcmp0 (a->published, b->published) == 0 &&
         g_strcmp0 (a->doc_number, b->doc_number) == 0;
}

/**
 * pc_report_details_parse_date:
 *
 * Reads a date as a reviewer types it: 2024-02-20, 2024/2/20, 2024.02.20, 2024年2月20日,
 * 二〇二四年二月二十日.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL when @text holds none
 */
char *
pc_report_details_parse_date (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  char *iso = NULL;

  if (text == NULL || (chars = g_utf8_to_ucs4 (text, -1, NULL, &n, NULL)) == NULL)
    return NULL;
  if (!pc_parse_date (chars, 0, (guint) n, &iso, NULL))
    return NULL;
  return iso;
}

/**
 * pc_report_details_new_from_text:
 * @year: digits, or blank for an unknown year
 * @published: a date in any form pc_report_details_parse_date() reads, or blank
 * @problems: (out): the fields that could not be read
 *
 * The details as a reviewer typed them into the form.
 *
 * Returns: (transfer full) (nullable): the details, or %NULL when @problems is not
 *   %PC_REPORT_DETAILS_VALID
 */
PcReportDetails *
pc_report_details_new_from_text (const char             *title,
                                 const char             *agency,
                                 const char             *year,
                                 const char             *published,
                                 const char             *doc_number,
                                 PcReportDetailsProblem *problems)
{
  g_autoptr(PcReportDetails) details = g_new0 (PcReportDetails, 1);
  g_autofree char *year_text = dup_value (year);
  g_autofree char *date_text = dup_value (published);
  PcReportDetailsProblem found = PC_REPORT_DETAILS_VALID;

  details->title = dup_value (title);
  details->agency = dup_value (agency);
  details->doc_number = dup_value (doc_number);
  if (year_text != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (year_text, 10, 1949, 2199, &value, NULL))
        found |= PC_REPORT_DETAILS_BAD_YEAR;
      details->year = (guint) value;
    }
  if (date_text != NULL && (details->published = pc_report_details_parse_date (date_text)) == NULL)
    found |= PC_REPORT_DETAILS_BAD_DATE;
  *problems = found;
  return found == PC_REPORT_DETAILS_VALID ? g_steal_pointer (&details) : NULL;
}

/**
 * pc_report_apply_details:
 *
 * Sets @details on @report and finds its title and date findings again.
 */
void
pc_report_apply_details (PcReport              *report,
                         const PcReportDetails *details)
{
  g_autoptr(PcReportDetails) clean = pc_report_details_copy (details);

  g_return_if_fail (PC_IS_REPORT (report));

  pc_report_set_title (report, clean->title);
  pc_report_set_agency (report, clean->agency);
  pc_report_set_year (report, clean->year);
  pc_report_set_published (report, clean->published);
  pc_report_set_doc_number (report, clean->doc_number);
  pc_reader_recheck_dates (report);
}

/* The fields in which @a and @b differ. */
static PcReportDetailsField
differing_fields (const PcReportDetails *a,
                  const PcReportDetails *b)
{
  PcReportDetailsField fields = 0;

  if (g_strcmp0 (a->title, b->title) != 0)
    fields |= PC_REPORT_DETAILS_TITLE;
  if (g_strcmp0 (a->agency, b->agency) != 0)
    fields |= PC_REPORT_DETAILS_AGENCY;
  if (a->year != b->year)
    fields |= PC_REPORT_DETAILS_YEAR;
  if (g_strcmp0 (a->published, b->published) != 0)
    fields |= PC_REPORT_DETAILS_PUBLISHED;
  if (g_strcmp0 (a->doc_number, b->doc_number) != 0)
    fields |= PC_REPORT_DETAILS_DOC_NUMBER;
  return fields;
}

static gboolean
store_details (PcProject             *project,
               PcReport              *report,
               const PcReportDetails *details,
               PcReportDetailsField   corrected,
               GError               **error)
{
  static const char * const findings[] = { "findings", NULL };
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 id = pc_report_get_id (report);

  g_autoptr(sqlite3_stmt) mark = NULL;

  update = _pc_project_prepare (project, "UPDATE reports SET title = ?1, agency = ?2, year = ?3,"
                                         " published = ?4, doc_number = ?5 WHERE id = ?6", error);
  if (update == NULL)
    return FALSE;
  _pc_sql_bind_text (update, 1, details->title);
  _pc_sql_bind_text (update, 2, details->agency);
  sqlite3_bind_int64 (update, 3, details->year);
  _pc_sql_bind_text (update, 4, details->published);
  _pc_sql_bind_text (update, 5, details->doc_number);
  sqlite3_bind_int64 (update, 6, id);
  if (!_pc_project_step_done (project, update, _("correcting a report's details"), error))
    return FALSE;
  if (corrected != 0)
    {
      mark = _pc_project_prepare (project, "INSERT INTO report_corrections (report_id, fields)"
                                           " VALUES (?1, ?2) ON CONFLICT (report_id)"
                                           " DO UPDATE SET fields = fields | excluded.fields", error);
      if (mark == NULL)
        return FALSE;
      sqlite3_bind_int64 (mark, 1, id);
      sqlite3_bind_int (mark, 2, corrected);
      if (!_pc_project_step_done (project, mark, _("correcting a report's details"), error))
        return FALSE;
    }

  return _pc_project_delete_report_rows (project, id, findings, _("correcting a report's details"),
                                         error) &&
         _pc_project_insert_findings (project, id, pc_report_get_findings (report), error);
}

/**
 * pc_project_set_report_details:
 *
 * Stores the reviewer's correction of a report's details, and the report's title and date
 * findings found again with them, in one transaction. Runs on the project's owner thread.
 * Statuses set on findings that go away stay stored, for when they come back.
 *
 * Returns: (transfer full): the details as they were, or %NULL with @error set
 */
PcReportDetails *
pc_project_set_report_details (PcProject              *project,
                               gint64                  report_id,
                               const PcReportDetails  *details,
                               GError                **error)
{
  g_autoptr(PcReport) report = NULL;
  g_autoptr(PcReportDetails) old = NULL;
  g_autoptr(PcReportDetails) clean = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (details != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pc_project_begin (project, error))
    return NULL;
  if ((report = pc_project_load_report (project, report_id, error)) == NULL)
    {
      _pc_project_rollback (project);
      return NULL;
    }
  old = pc_report_details_new_from_report (report);
  clean = pc_report_details_copy (details);
  if (clean->published != NULL)
    {
      char *iso = pc_report_details_parse_date (clean->published);

      if (iso == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a date"), clean->published);
          _pc_project_rollback (project);
          return NULL;
        }
      g_free (clean->published);
      clean->published = iso;
    }
  if (clean->year > 9999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%u is not a reporting year"), clean->year);
      _pc_project_rollback (project);
      return NULL;
    }
  pc_report_apply_details (report, clean);
  if (!store_details (project, report, clean, differing_fields (old, clean), error))
    {
      _pc_project_rollback (project);
      return NULL;
    }
  if (!_pc_project_commit (project, error))
    return NULL;
  return g_steal_pointer (&old);
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/**
 * pc_project_keep_corrections:
 * @revised: a revised version of report @report_id, read but not stored
 *
 * Gives @revised the details a reviewer corrected on the stored report (its title, agency,
 * year, publication date or number), and checks its dates again: a revised version keeps
 * the review, and a correction is part of it. Runs inside the caller's transaction.
 */
gboolean
pc_project_keep_corrections (PcProject  *project,
                             gint64      report_id,
                             PcReport   *revised,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(PcReportDetails) kept = NULL;
  g_autoptr(PcReportDetails) reviewer = NULL;
  PcReportDetailsField corrected;

  g_return_val_if_fail (PC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (PC_IS_REPORT (revised), FALSE);

  stmt = _pc_project_prepare (project, "SELECT fields FROM report_corrections WHERE report_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  corrected = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  if (corrected == 0)
    return TRUE;
  if ((stored = pc_project_load_report (project, report_id, error)) == NULL)
    return FALSE;
  reviewer = pc_report_details_new_from_report (stored);
  kept = pc_report_details_new_from_report (revised);
  if (corrected & PC_REPORT_DETAILS_TITLE)
    replace_str (&kept->title, reviewer->title);
  if (corrected & PC_REPORT_DETAILS_AGENCY)
    replace_str (&kept->agency, reviewer->agency);
  if (corrected & PC_REPORT_DETAILS_YEAR)
    kept->year = reviewer->year;
  if (corrected & PC_REPORT_DETAILS_PUBLISHED)
    replace_str (&kept->published, reviewer->published);
  if (corrected & PC_REPORT_DETAILS_DOC_NUMBER)
    replace_str (&kept->doc_number, reviewer->doc_number);
  pc_report_apply_details (revised, kept);
  return TRUE;
}

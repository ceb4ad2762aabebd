/* pingcha-cli-export.c — `pingcha-cli export`: a project, or report files assessed on the
 * fly, as an Excel workbook.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pingcha-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-checklist.h"
#include "pc-export-xlsx.h"
#include "pc-project.h"
#include "pc-reader.h"
#include "pingcha-cli-export.h"

static void
on_export_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  gboolean tty = GPOINTER_TO_INT (user_data);

  if (!tty)
    return;
  /* Translators: export progress: reports written, reports in all (plus one for the file) */
  g_printerr (_("\r\033[KWriting the workbook… %u/%u"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static gboolean
parse_ids (char      **strings,
           GArray     *ids,
           GError    **error)
{
  for (guint i = 0; strings && strings[i]; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (strings[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: the value given to --report */
                       _("“%s” is not a report id"), strings[i]);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static int
export_project (const char *project_path,
                GArray     *ids,
                const char *xlsx_path)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (project_path);

  if (!g_file_test (project_path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: the project file given with --project */
      g_printerr (_("%s: no such project\n"), project_path);
      return 1;
    }
  /* Exporting only reads the project: one the user may not change is opened to be read. */
  if (g_access (project_path, W_OK) == 0 && g_access (dir, W_OK | X_OK) == 0)
    project = pc_project_open (project_path, &error);
  else
    project = pc_project_open_read_only (project_path, &error);
  if (project == NULL)
    {
      g_printerr (_("%s: %s\n"), project_path, error->message);
      return 1;
    }
  if (!pc_export_xlsx_project (project, ids->len ? (const gint64 *) ids->data : NULL, ids->len,
                               xlsx_path, on_export_progress, GINT_TO_POINTER (isatty (fileno (stderr))),
                               NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
export_files (char      **files,
              int         n_files,
              const char *checklist_path,
              const char *xlsx_path)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;

  if (checklist_path)
    {
      checklist = pc_checklist_new_from_file (checklist_path, &error);
      if (checklist == NULL)
        {
          g_printerr (_("%s: %s\n"), checklist_path, error->message);
          return 1;
        }
    }
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) read_error = NULL;
      PcReport *report = pc_reader_read_file (files[i], NULL, &read_error);

      if (report == NULL)
        {
          g_printerr (_("%s: %s\n"), files[i], read_error->message);
          failed = TRUE;
          continue;
        }
      pc_report_set_id (report, i + 1);
      g_ptr_array_add (reports, report);
    }
  if (failed)
    {
      g_printerr ("%s\n", _("No workbook written: some reports could not be read"));
      return 1;
    }
  if (!pc_export_xlsx_reports (reports, checklist, xlsx_path, on_export_progress,
                               GINT_TO_POINTER (isatty (fileno (stderr))), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
pc_cli_export (int    argc,
               char **argv)
{
  g_autofree char *project_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *checklist_path = NULL;
  g_auto(GStrv) report_ids = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("The project database"), N_("FILE") },
    { "xlsx", 'o', 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("The workbook to write"), N_("FILE") },
    { "report", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &report_ids,
      N_("Export only this report of the project (repeatable)"), N_("ID") },
    { "checklist", 'c', 0, G_OPTION_ARG_FILENAME, &checklist_path,
      N_("Score report files against this checklist instead of the default outline"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("export --xlsx OUT.xlsx (--project P.db | FILE…) — write an Excel workbook"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !parse_ids (report_ids, ids, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (xlsx_path == NULL)
    {
      g_printerr ("%s\n", _("Give the workbook to write with --xlsx"));
      return 2;
    }
  if (project_path == NULL && argc <= 2)
    {
      g_printerr ("%s\n", _("Give a project with --project, or report files to assess"));
      return 2;
    }
  if (project_path != NULL && argc > 2)
    {
      g_printerr ("%s\n", _("Give either a project with --project or report files, not both"));
      return 2;
    }
  if (project_path == NULL && ids->len > 0)
    {
      g_printerr ("%s\n", _("--report needs --project"));
      return 2;
    }
  if (project_path != NULL)
    return export_project (project_path, ids, xlsx_path);
  return export_files (argv + 2, argc - 2, checklist_path, xlsx_path);
}

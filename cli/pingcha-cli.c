/* pingcha-cli.c — batch work and tests; links only the core library.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pingcha-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-project.h"
#include "pc-reader.h"
#include "pingcha-cli-assess.h"
#include "pingcha-cli-checklist.h"
#include "pingcha-cli-export.h"

static void
print_error (const char   *what,
             const GError *error)
{
  if (what)
    /* Translators: a file name, then the reason it could not be read */
    g_printerr (_("%s: %s\n"), what, error->message);
  else
    g_printerr ("%s\n", error->message);
}

static void
print_sections (GListModel *sections,
                guint       depth)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      g_autofree char *display = pc_section_dup_display (section);

      g_print ("%*s%s  %s%s\n", depth * 2, "", pc_section_get_path (section), display,
               pc_section_get_number (section) == 0 ? _("  [number missing]") : "");
      print_sections (pc_section_get_children (section), depth + 1);
    }
}

/* A section path as shown: the text before the first part is not called by its key. */
static const char *
describe_path (const char *path)
{
  if (g_strcmp0 (path, "preamble") == 0)
    return _("Preamble");
  return path;
}

static void
print_report (PcReport *report)
{
  GPtrArray *parts = pc_report_get_parts (report);
  GPtrArray *findings = pc_report_get_findings (report);
  const char *unknown = _("(none)");

  g_print ("%s\t%s\n", _("Title:"), pc_report_get_title (report) ? pc_report_get_title (report) : unknown);
  g_print ("%s\t%s\n", _("Agency:"), pc_report_get_agency (report) ? pc_report_get_agency (report) : unknown);
  if (pc_report_get_year (report) > 0)
    g_print ("%s\t%u\n", _("Year:"), pc_report_get_year (report));
  else
    g_print ("%s\t%s\n", _("Year:"), unknown);
  g_print ("%s\t%s\n", _("Date:"), pc_report_get_date (report) ? pc_report_get_date (report) : unknown);
  g_print ("%s\t%s\n", _("Number:"), pc_report_get_doc_number (report) ? pc_report_get_doc_number (report) : unknown);
  g_print ("\n%s\n", _("Sections:"));
  print_sections (pc_report_get_sections (report), 1);
  g_print ("\n%s\n", _("Required parts:"));
  for (guint i = 0; i < parts->len; i++)
    {
      PcPart *part = g_ptr_array_index (parts, i);

      gboolean optional = g_str_equal (part->key, PC_PART_PRIOR_RECTIFICATION);

      /* Translators: a required part, whether it is there, the section path, and a note */
      g_print (_("  %s: %s %s%s\n"), pc_part_key_describe (part->key),
               part->present ? _("present") : optional ? _("absent (optional)") : _("missing"),
               part->section ? describe_path (part->section) : "",
               part->present && !part->own_section ? _(" (a paragraph, not a section of its own)") : "");
    }
  g_print ("\n%s\n", _("Findings:"));
  for (guint i = 0; i < findings->len; i++)
    {
      PcFinding *finding = g_ptr_array_index (findings, i);

      const char *where = finding->part ? pc_part_key_describe (finding->part) : describe_path (finding->section);

      if (where)
        /* Translators: a form finding, then the part or section it concerns */
        g_print (_("  %s: %s\n"), pc_finding_code_describe (finding->code), where);
      else
        g_print ("  %s\n", pc_finding_code_describe (finding->code));
    }
}

static int
command_read (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the reading as JSON"), NULL },
    { NULL }
  };
  int status = 0;

  context = g_option_context_new (_("read FILE… — read reports and show their structure"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (NULL, error);
      return 2;
    }
  if (argc < 3)
    {
      g_printerr ("%s\n", _("Give at least one report file to read"));
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(PcReport) report = NULL;
      g_autoptr(GError) read_error = NULL;

      report = pc_reader_read_file (argv[i], NULL, &read_error);
      if (report == NULL)
        {
          print_error (argv[i], read_error);
          status = 1;
          continue;
        }
      if (json)
        {
          g_autofree char *text = pc_report_to_json (report, TRUE);
          fputs (text, stdout);
          fputc ('\n', stdout);
        }
      else
        print_report (report);
    }
  return status;
}

static void
on_import_progress (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  g_autofree char *name = g_path_get_basename (path);
  gboolean tty = GPOINTER_TO_INT (user_data);

  /* Translators: import progress: files done, files in all, the current file */
  g_printerr (_("%s[%u/%u] %s"), tty ? "\r\033[K" : "", done, total, name);
  if (!tty || done == total)
    g_printerr ("\n");
}

/* A project file made only for an import that brought nothing in is not left behind,
 * nor SQLite's files beside it. */
static void
remove_new_project (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_remove (file) != 0 && errno != ENOENT)
        g_printerr (_("%s: could not remove the empty project: %s\n"), file, g_strerror (errno));
    }
}

static int
command_import (int    argc,
                char **argv)
{
  g_autofree char *project_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  gboolean created;
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("The project database"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("import --project P.db FILE… — import reports into a project"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (NULL, error);
      return 2;
    }
  if (project_path == NULL || argc < 3)
    {
      g_printerr ("%s\n", _("Give a project with --project and at least one report file"));
      return 2;
    }

  created = !g_file_test (project_path, G_FILE_TEST_EXISTS);
  project = pc_project_open (project_path, &error);
  if (project == NULL)
    {
      print_error (project_path, error);
      if (created && g_file_test (project_path, G_FILE_TEST_EXISTS))
        remove_new_project (project_path);
      return 1;
    }
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  g_ptr_array_add (paths, NULL);

  summary = pc_project_import_files (project, (const char * const *) paths->pdata, on_import_progress,
                                     GINT_TO_POINTER (isatty (fileno (stderr))), NULL, &error);
  if (created && (summary == NULL || summary->imported == 0))
    {
      g_clear_object (&project);
      remove_new_project (project_path);
      /* Translators: the project file given with --project */
      g_printerr (_("%s: nothing was imported, so the new project was not kept\n"), project_path);
    }
  if (summary == NULL)
    {
      print_error (project_path, error);
      return 1;
    }
  for (guint i = 0; summary->errors && i < summary->errors->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (summary->errors, i));
  for (guint i = 0; summary->warnings && i < summary->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (summary->warnings, i));
  g_print (_("Imported %u, already in the project %u, failed %u\n"),
           summary->imported, summary->duplicates, summary->failed);
  return summary->failed > 0 ? 1 : 0;
}

static void
usage (void)
{
  g_printerr ("%s\n", _("Usage: pingcha-cli COMMAND [OPTION…]"));
  g_printerr ("\n%s\n", _("Commands:"));
  g_printerr ("  read [--json] FILE…\n      %s\n", _("Read reports and show their structure"));
  g_printerr ("  import --project P.db FILE…\n      %s\n", _("Import reports into a project"));
  g_printerr ("  assess [--json] FILE… | --project P.db\n      %s\n", _("Suggest outline items and score reports"));
  g_printerr ("  compare [--json] FIRST SECOND\n      %s\n", _("Compare two reports item by item, such as an agency's two years"));
  g_printerr ("  export --xlsx OUT.xlsx FILE… | --project P.db\n      %s\n", _("Write scorecards, summary and register as an Excel workbook"));
  g_printerr ("  checklist [--project P.db] [--import-json F] [--export-json F] [--export-qdc F]\n      %s\n",
              _("Show, import or export the checklist reports are scored against"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage ();
      return 2;
    }
  if (g_str_equal (argv[1], "read"))
    return command_read (argc, argv);
  if (g_str_equal (argv[1], "import"))
    return command_import (argc, argv);
  if (g_str_equal (argv[1], "assess"))
    return pc_cli_assess (argc, argv);
  if (g_str_equal (argv[1], "compare"))
    return pc_cli_compare (argc, argv);
  if (g_str_equal (argv[1], "export"))
    return pc_cli_export (argc, argv);
  if (g_str_equal (argv[1], "checklist"))
    return pc_cli_checklist (argc, argv);

  g_printerr (_("Unknown command “%s”\n"), argv[1]);
  usage ();
  return 2;
}

/* pingcha-cli-checklist.c — `pingcha-cli checklist`: show, import and export the checklist
 * a project scores against, and export it as a REFI-QDA codebook.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pingcha-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-checklist.h"
#include "pc-project-review.h"
#include "pingcha-cli-checklist.h"

static void
print_summary (PcChecklist *checklist)
{
  g_print ("%s\t%s\n", _("Checklist:"), pc_checklist_get_title (checklist));
  g_print ("%s\t%s %s\n", _("Version:"), pc_checklist_get_id (checklist), pc_checklist_get_version (checklist));
  for (guint i = 0; i < pc_checklist_get_n_items (checklist); i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);

      g_print ("  %2u  %5.2f  %s%s%s\n", item->code,
               pc_checklist_get_item_max_points (checklist, item->code), item->title,
               item->applicable ? "" : "  ", item->applicable ? "" : _("(not applicable)"));
    }
  g_print ("  %s %.1f\n", _("Report form:"), pc_checklist_get_form_max_points (checklist));
}

/* Importing says what it did, so an edit that changed nothing is not mistaken for one
 * that was applied. */
static void
print_store_info (PcChecklist                *checklist,
                  const PcChecklistStoreInfo *info)
{
  const char *id = pc_checklist_get_id (checklist);
  const char *version = pc_checklist_get_version (checklist);

  /* Translators: each of these names a checklist id, then its version */
  if (info->added)
    g_print (_("Stored checklist “%s” version “%s” and made it the project’s.\n"), id, version);
  else if (info->activated)
    g_print (_("The project had checklist “%s” version “%s” already; it is the project’s "
               "checklist again.\n"), id, version);
  if (info->settings_changed)
    g_print (_("Took the item weights and applicability of checklist “%s” version “%s” from "
               "the file.\n"), id, version);
  if (!info->added && !info->activated && !info->settings_changed)
    g_print (_("The project’s checklist already is “%s” version “%s” as in the file; nothing "
               "changed.\n"), id, version);
  if (info->n_carried_decisions > 0 || info->n_carried_ratings > 0)
    /* Translators: numbers of reviewer decisions and of rating overrides */
    g_print (_("Carried over from the version before: reviewer decisions %u, rating overrides %u.\n"),
             info->n_carried_decisions, info->n_carried_ratings);
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  return g_file_set_contents (path, contents, -1, error);
}

static int
fail (const char   *what,
      const GError *error)
{
  /* Translators: a file name, then what went wrong with it */
  g_printerr (_("%s: %s\n"), what, error->message);
  return 1;
}

int
pc_cli_checklist (int    argc,
                  char **argv)
{
  g_autofree char *project_path = NULL;
  g_autofree char *import_json = NULL;
  g_autofree char *export_json = NULL;
  g_autofree char *export_qdc = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project_path, N_("The project database (else the built-in outline)"), N_("FILE") },
    { "import-json", 0, 0, G_OPTION_ARG_FILENAME, &import_json, N_("Make the checklist in this JSON file the project's"), N_("FILE") },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, &export_json, N_("Write the checklist as JSON"), N_("FILE") },
    { "export-qdc", 0, 0, G_OPTION_ARG_FILENAME, &export_qdc, N_("Write the checklist as a REFI-QDA codebook"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("checklist [--project P.db] — show, import or export the checklist"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (import_json && !project_path)
    {
      g_printerr ("%s\n", _("Importing a checklist needs a project: give --project"));
      return 2;
    }

  if (project_path && (project = pc_project_open (project_path, &error)) == NULL)
    return fail (project_path, error);

  if (import_json)
    {
      g_autoptr(PcChecklist) imported = pc_checklist_new_from_file (import_json, &error);

      g_autofree char *note = NULL;
      PcChecklistStoreInfo info;

      if (imported == NULL)
        return fail (import_json, error);
      if (pc_project_review_store_checklist (project, imported, &info, &error) == 0)
        return fail (project_path, error);
      if ((note = pc_checklist_dup_recomputed_note (imported)) != NULL)
        /* Translators: a file name, then what was not taken from it as written */
        g_printerr (_("%s: %s\n"), import_json, note);
      print_store_info (imported, &info);
    }

  checklist = project ? pc_project_review_load_checklist (project, NULL, &error)
                      : pc_checklist_new_default ();
  if (checklist == NULL)
    return fail (project_path ? project_path : "checklist", error);

  if (export_json && !pc_checklist_save_to_file (checklist, export_json, &error))
    return fail (export_json, error);
  if (export_qdc)
    {
      g_autofree char *qdc = pc_checklist_to_qdc (checklist, &error);

      if (qdc == NULL || !write_file (export_qdc, qdc, &error))
        return fail (export_qdc, error);
    }
  if (!export_json && !export_qdc)
    print_summary (checklist);
  return 0;
}

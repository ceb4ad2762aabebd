/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pingcha"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PcApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  setlocale (LC_ALL, "");

  /* From the build tree, use the freshly compiled translations and settings schema. */
  if (pc_application_is_uninstalled ())
    {
      if (g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
        localedir = BUILD_LOCALEDIR;
      g_setenv ("GSETTINGS_SCHEMA_DIR", PINGCHA_SCHEMADIR, FALSE);
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* pc-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "pc-application.h"
#include "pc-preferences-window.h"
#include "pc-tooltips.h"
#include "pc-window.h"

struct _PcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  guint           samples_requested : 1;
};

G_DEFINE_FINAL_TYPE (PcApplication, pc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "samples", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the sample reports"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static PcWindow *
find_window (PcApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      const char *window_path;

      if (!PC_IS_WINDOW (l->data))
        continue;
      window_path = pc_window_get_project_path (l->data);
      if (g_strcmp0 (window_path, path) == 0)
        return l->data;
    }
  return NULL;
}

/* A window already showing @path, else one with no project, else a new one. */
static PcWindow *
window_for_project (PcApplication *self,
                    const char    *path)
{
  PcWindow *window = find_window (self, path);

  if (window == NULL)
    window = find_window (self, NULL);
  if (window == NULL)
    window = pc_window_new (self);
  return window;
}

static void
open_project (PcApplication      *self,
              const char         *path,
              const char * const *seed_paths)
{
  PcWindow *window = window_for_project (self, path);

  if (g_strcmp0 (pc_window_get_project_path (window), path) != 0)
    pc_window_open_project (window, path, seed_paths);
  gtk_window_present (GTK_WINDOW (window));
}

static void
pc_application_actions_quit_cb (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  PcApplication *self = user_data;

  g_assert (PC_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_window_close (l->data);
}

static void
pc_application_actions_open_samples_cb (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  pc_application_open_samples (user_data);
}

static void
pc_application_actions_about_cb (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  PcApplication *self = user_data;
  static const char *developers[] = { "The Pingcha developers", NULL };
  GtkWidget *about;

  g_assert (PC_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Pingcha"),
                        "developer-name", _("The Pingcha developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Review annual reports on building rule-of-law government"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: credit yourself here, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
pc_application_actions_preferences_cb (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  PcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (PC_IS_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (pc_preferences_window_new (parent,
                                                            PC_IS_WINDOW (parent)
                                                            ? pc_window_get_marks (PC_WINDOW (parent))
                                                            : NULL)));
}

static const GActionEntry app_entries[] = {
  { "quit", pc_application_actions_quit_cb },
  { "open-samples", pc_application_actions_open_samples_cb },
  { "about", pc_application_actions_about_cb },
  { "preferences", pc_application_actions_preferences_cb },
};

static int
pc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "pingcha", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "samples"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* A running instance opens them through the action; this one on activate. */
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-samples", NULL);
          return 0;
        }
      PC_APPLICATION (app)->samples_requested = TRUE;
    }

  return G_APPLICATION_CLASS (pc_application_parent_class)->handle_local_options (app, options);
}

static void
pc_application_startup (GApplication *app)
{
  PcApplication *self = PC_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  /* There is no manual: About, with the version and the project's address, is the help. */
  static const char *about_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (pc_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.about", about_accels);
  gtk_window_set_default_icon_name (APP_ID);
  pc_tooltips_init ();
}

static void
pc_application_activate (GApplication *app)
{
  PcApplication *self = PC_APPLICATION (app);
  g_autofree char *last = NULL;
  g_autofree char *samples = NULL;
  GtkWindow *window;

  if (self->samples_requested)
    {
      self->samples_requested = FALSE;
      pc_application_open_samples (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  last = g_settings_get_string (self->settings, "last-project");
  samples = pc_application_dup_samples_path ();
  if (*last != '\0' && !g_str_equal (last, samples) && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    open_project (self, last, NULL);
  else
    pc_application_open_samples (self);
}

static void
pc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PcApplication *self = PC_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_warning ("Not a local file: %s", uri);
          continue;
        }
      open_project (self, path, NULL);
    }
}

static void
pc_application_dispose (GObject *object)
{
  PcApplication *self = PC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_application_parent_class)->dispose (object);
}

static void
pc_application_class_init (PcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pc_application_dispose;

  app_class->handle_local_options = pc_application_handle_local_options;
  app_class->startup = pc_application_startup;
  app_class->activate = pc_application_activate;
  app_class->open = pc_application_open;

  g_type_ensure (PC_TYPE_WINDOW);
}

static void
pc_application_init (PcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT.db…]"));
}

PcApplication *
pc_application_new (void)
{
  return g_object_new (PC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/pingcha/Pingcha",
                       NULL);
}

/**
 * pc_application_get_settings:
 *
 * Returns: (transfer none): the application's settings, available after startup
 */
GSettings *
pc_application_get_settings (PcApplication *self)
{
  g_return_val_if_fail (PC_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * pc_application_is_uninstalled:
 *
 * Returns: whether this process runs from the build tree
 */
gboolean
pc_application_is_uninstalled (void)
{
  static gsize initialized;
  static gboolean uninstalled;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      uninstalled = exe != NULL && g_str_has_prefix (exe, PINGCHA_BUILDDIR G_DIR_SEPARATOR_S);
      g_once_init_leave (&initialized, 1);
    }
  return uninstalled;
}

/**
 * pc_application_dup_samples_path:
 *
 * Returns: (transfer full): the database of the sample project
 */
char *
pc_application_dup_samples_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pingcha", "samples.db", NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * pc_application_dup_sample_files:
 *
 * Returns: (transfer full): the bundled sample reports, sorted by name
 */
char **
pc_application_dup_sample_files (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *dirname;
  const char *name;

  dirname = pc_application_is_uninstalled () ? SAMPLES_SRCDIR : PKGDATADIR "/samples";
  dir = g_dir_open (dirname, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dirname, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));
  return g_strv_builder_end (builder);
}

/**
 * pc_application_open_samples:
 *
 * Opens the sample project, importing the bundled sample reports in the background when
 * the project holds none yet.
 */
void
pc_application_open_samples (PcApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) files = NULL;

  g_return_if_fail (PC_IS_APPLICATION (self));

  path = pc_application_dup_samples_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
  files = pc_application_dup_sample_files ();
  open_project (self, path, (const char * const *) files);
}

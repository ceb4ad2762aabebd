/* test-window.c — the main window on a real project, under Xvfb.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>

#include "pc-application.h"
#include "pc-library-item.h"
#include "pc-project.h"
#include "pc-tooltips.h"
#include "gui-util.h"
#include "pc-window-private.h"

static PcApplication *app;

static gboolean
is_mapped (PcWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
has_five_reports (PcWindow *window)
{
  return !pc_window_get_busy (window)
         && g_list_model_get_n_items (_pc_window_get_reports (window)) == 5;
}

static gboolean
is_idle (PcWindow *window)
{
  return !pc_window_get_busy (window);
}

/* The cursor, which activating a section puts on its heading, is scrolled into view. */
static gboolean
is_cursor_visible (PcWindow *window)
{
  GtkTextView *view = _pc_window_get_text_view (window);
  GtkTextBuffer *buffer = _pc_window_get_text_buffer (window);
  GdkRectangle location, visible;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_get_visible_rect (view, &visible);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static char **
corpus_reports (void)
{
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");
  static const char *names[] = {
    "kaiping-2025.txt", "pingshan-2024.txt", "pudong-2023.txt", "wuhan-2021.txt",
    "zhangzhou-2023.txt", NULL
  };
  char **paths = g_new0 (char *, G_N_ELEMENTS (names));

  g_assert_nonnull (corpus);
  for (guint i = 0; names[i] != NULL; i++)
    paths[i] = g_build_filename (corpus, "reports", names[i], NULL);
  return paths;
}

static char *
make_project_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pingcha-window-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "project.db", NULL);
}

/* Let GTK lay out and paint a few frames so the screenshot shows settled widgets. */
static void
settle (void)
{
  gui_settle_for (400);
}

static void
import_corpus (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);
  g_autoptr(PcImportSummary) summary = NULL;
  g_auto(GStrv) reports = corpus_reports ();

  g_assert_no_error (error);
  summary = pc_project_import_files (project, (const char * const *) reports, NULL, NULL,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 5);
}

static void
find_labels_with_class (GtkWidget  *widget,
                        const char *css_class,
                        GPtrArray  *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels_with_class (child, css_class, labels);
}

/* Each library row shows its year whole, inside the list, however long the agency. */
static void
assert_library_years_shown (PcWindow *window)
{
  GtkWidget *list = GTK_WIDGET (window->reports_view);
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean any_cut = FALSE;
  guint n_shown = 0;

  find_labels_with_class (list, "report-year", years);
  find_labels_with_class (list, "report-name", names);
  g_assert_cmpuint (years->len, >=, 3);
  for (guint i = 0; i < years->len; i++)
    {
      GtkWidget *year = years->pdata[i];
      graphene_rect_t bounds;
      int natural;

      /* Rows scrolled out of the sidebar are not laid out. */
      if (!gtk_widget_get_mapped (year))
        continue;
      n_shown++;
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (year)), "20"));
      gtk_widget_measure (year, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (year), >=, natural);
      g_assert_true (gtk_widget_compute_bounds (year, list, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (list));
    }
  g_assert_cmpuint (n_shown, >=, 3);
  for (guint i = 0; i < names->len; i++)
    any_cut |= pango_layout_is_ellipsized (gtk_label_get_layout (names->pdata[i]));
  /* At the sidebar's 300 px the longest agencies are cut, at their end (the place names that tell them apart stay), never the year. */
  g_assert_true (any_cut);
}

static void
test_window_shows_project (void)
{
  g_autofree char *path = make_project_path ();
  PcWindow *window;
  GListModel *sections;
  g_autoptr(GtkTreeListRow) first = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter insert;
  guint position, top_level = 0, n_rows;

  import_corpus (path);

  window = pc_window_new (app);
  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, is_mapped));
  g_assert_true (gui_wait_for (window, has_five_reports));
  g_assert_cmpstr (_pc_window_get_visible_page (window), ==, "reports");
  settle ();
  assert_library_years_shown (window);

  position = gui_find_report (window, "zhangzhou-2023");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  _pc_window_select_report (window, position);

  /* 一、二、三、 with nine （一）… under the first; all rows start expanded. */
  sections = _pc_window_get_sections (window);
  g_assert_nonnull (sections);
  n_rows = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (sections, i);

      if (gtk_tree_list_row_get_depth (row) == 0)
        top_level++;
    }
  g_assert_cmpuint (top_level, ==, 3);
  first = g_list_model_get_item (sections, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_tree_list_row_get_children (first)), ==, 9);

  buffer = _pc_window_get_text_buffer (window);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 1000);

  /* Activating 一、 selects its heading, found by character offset. */
  _pc_window_activate_section (window, 0);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  {
    g_autoptr(PcSection) section = gtk_tree_list_row_get_item (first);

    g_assert_cmpint (gtk_text_iter_get_offset (&insert), ==,
                     (int) pc_section_get_heading (section).start);
    g_assert_true (gtk_text_iter_starts_line (&insert));
  }

  /* 三、 is far down the text: the view must scroll to it. */
  {
    g_autoptr(GtkTreeListRow) third = NULL;
    g_autoptr(PcSection) section = NULL;
    guint row = 0;

    for (guint i = 0; i < n_rows; i++)
      {
        g_autoptr(GtkTreeListRow) candidate = g_list_model_get_item (sections, i);

        if (gtk_tree_list_row_get_depth (candidate) == 0)
          row = i;
      }
    third = g_list_model_get_item (sections, row);
    section = gtk_tree_list_row_get_item (third);
    g_assert_cmpuint (pc_section_get_number (section), ==, 3);
    _pc_window_activate_section (window, row);
    gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&insert), ==,
                     (int) pc_section_get_heading (section).start);
    g_assert_true (gui_wait_for (window, is_cursor_visible));
  }

  /* Back to 一、 for the screenshot. */
  _pc_window_activate_section (window, 0);
  g_assert_true (gui_wait_for (window, is_cursor_visible));
  settle ();
  gui_save_screenshot (GTK_WIDGET (window), "window.png");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_remove_project (path);
}

static void
test_window_imports_seeds (void)
{
  g_autofree char *path = make_project_path ();
  g_auto(GStrv) reports = corpus_reports ();
  PcWindow *window;

  window = pc_window_new (app);
  pc_window_open_project (window, path, (const char * const *) reports);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_five_reports));
  g_assert_cmpstr (_pc_window_get_visible_page (window), ==, "reports");
  g_assert_nonnull (_pc_window_get_sections (window));

  /* A second open of the same project imports nothing more. */
  pc_window_open_project (window, path, (const char * const *) reports);
  g_assert_true (gui_wait_for (window, has_five_reports));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_remove_project (path);
}

static gboolean
is_export_done (PcWindow *window)
{
  return !window->exporting;
}

/* Export from the window: in the background on the project's thread, the progress bar
 * shown meanwhile, then a workbook on disk and the window ready again; with the library
 * filtered, only the reports it shows. */
static void
test_window_export (void)
{
  g_autofree char *path = make_project_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *all = g_build_filename (dir, "all.xlsx", NULL);
  g_autofree char *some = g_build_filename (dir, "some.xlsx", NULL);
  g_auto(GStrv) reports = corpus_reports ();
  g_autofree char *bytes_all = NULL;
  g_autofree char *bytes_some = NULL;
  gsize len_all = 0, len_some = 0;
  PcWindow *window;

  window = pc_window_new (app);
  pc_window_open_project (window, path, (const char * const *) reports);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_five_reports));

  _pc_window_export_to (window, all, FALSE);
  g_assert_true (window->exporting);
  g_assert_true (gtk_widget_get_visible (window->progress_box));
  g_assert_true (gui_wait_for (window, is_export_done));
  g_assert_false (gtk_widget_get_visible (window->progress_box));
  g_assert_true (g_file_get_contents (all, &bytes_all, &len_all, NULL));
  g_assert_cmpuint (len_all, >, 10000);
  g_assert_true (g_str_has_prefix (bytes_all, "PK"));

  /* Only the reports the filter leaves. */
  gtk_editable_set_text (GTK_EDITABLE (window->library_search), "漳州");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->library_filter_model)), ==, 1);
  _pc_window_export_to (window, some, FALSE);
  g_assert_true (gui_wait_for (window, is_export_done));
  g_assert_true (g_file_get_contents (some, &bytes_some, &len_some, NULL));
  g_assert_cmpuint (len_some, <, len_all);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_remove_project (path);
}

static void
test_window_empty_project (void)
{
  g_autofree char *path = make_project_path ();
  PcWindow *window;

  window = pc_window_new (app);
  g_assert_cmpstr (_pc_window_get_visible_page (window), ==, "none");
  pc_window_open_project (window, path, NULL);
  g_assert_true (pc_window_get_busy (window));
  g_assert_true (gui_wait_for (window, is_idle));
  g_assert_cmpstr (_pc_window_get_visible_page (window), ==, "empty");
  g_assert_cmpstr (pc_window_get_project_path (window), ==, path);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_remove_project (path);
}

static void
test_window_bad_project (void)
{
  g_autofree char *path = make_project_path ();
  PcWindow *window;

  g_assert_true (g_file_set_contents (path, "not a database, just some text", -1, NULL));

  window = pc_window_new (app);
  pc_window_open_project (window, path, NULL);
  g_assert_true (gui_wait_for (window, is_idle));
  g_assert_cmpstr (_pc_window_get_visible_page (window), ==, "none");
  g_assert_null (pc_window_get_project_path (window));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_remove_project (path);
}

static void
test_window_help_overlay (void)
{
  PcWindow *window = pc_window_new (app);
  GtkShortcutsWindow *overlay;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A key and its modifiers, as a shortcut trigger or a help overlay accelerator gives them. */
typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Accel;

static char *
accel_key (guint           keyval,
           GdkModifierType mods)
{
  return g_strdup_printf ("%u/%u", gdk_keyval_to_lower (keyval), (guint) mods);
}

/* Adds the window's shortcuts, its class bindings and the controllers in its template, as
 * key → action name to @shortcuts and the action names to @actions. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *shortcuts,
                   GHashTable *actions)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win."))
            continue;
          g_hash_table_insert (shortcuts,
                               accel_key (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               g_strdup (name));
          g_hash_table_add (actions, g_strdup (name));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts, actions);
}

static void
add_accels (GHashTable *keys,
            const char *accelerators,
            const char *name)
{
  g_auto(GStrv) accels = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType mods;

      if (*accels[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &mods));
      g_hash_table_insert (keys, accel_key (keyval, mods), g_strdup (name));
    }
}

/* The keys the help overlay lists, as key → title. */
static GHashTable *
listed_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/pingcha/Pingcha/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator,
                    "action-name", &action_name, NULL);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        action_name);
          g_autofree char *joined = g_strjoinv (" ", accels);

          g_assert_cmpstr (joined, !=, "");
          add_accels (listed, joined, title);
        }
      if (accelerator != NULL)
        add_accels (listed, accelerator, title);
    }
  return listed;
}

/* Every command of the window with a key, and every key of the application, is in the
 * shortcuts window; every window command either has a key or is named here with why not. */
static void
test_window_shortcuts_listed (void)
{
  static const char *without_key[] = {
    "win.annotate",       /* the annotation popover's Save, which carries the form */
    "win.open-recent",    /* one menu item per recent project */
    "win.cancel-import",  /* the button beside the import's progress */
    "win.show-export",    /* the button of the toast after an export */
    NULL
  };
  PcWindow *window = pc_window_new (app);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = listed_shortcuts ();
  g_autoptr(GHashTable) bound_actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) app_actions = g_action_group_list_actions (G_ACTION_GROUP (app));
  GHashTableIter iter;
  const char *key, *name;
  const char *action_name, *property_name;
  const GVariantType *parameter_type;
  GType owner;

  collect_shortcuts (GTK_WIDGET (window), bound, bound_actions);
  for (guint i = 0; app_actions[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strconcat ("app.", app_actions[i], NULL);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      g_autofree char *joined = g_strjoinv (" ", accels);

      add_accels (bound, joined, detailed);
    }

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &name))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s has a key (%s) the shortcuts window does not list", name, key);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &name))
    if (!g_hash_table_contains (bound, key) && g_strcmp0 (name, "Show keyboard shortcuts") != 0)
      g_error ("The shortcuts window lists “%s” (%s), which no key does", name, key);

  /* GTK 4.8 fills in every out argument, wanted or not. */
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                                    &action_name, &parameter_type,
                                                    &property_name); i++)
    if (g_str_has_prefix (action_name, "win.")
        && !g_hash_table_contains (bound_actions, action_name)
        && !g_strv_contains (without_key, action_name))
      g_error ("%s has no key", action_name);

  /* The decisions and the register's marks each have one key per target. */
  {
    const char *keys[] = { "<Alt>a", "<Alt>r", "<Alt>d", "<Alt>1", "<Alt>2", "<Alt>3", "F1" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        guint keyval;
        GdkModifierType mods;
        g_autofree char *k = NULL;

        g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &mods));
        k = accel_key (keyval, mods);
        g_assert_true (g_hash_table_contains (bound, k));
        g_assert_true (g_hash_table_contains (listed, k));
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tooltips stay on one line while they fit: GTK 4.8 sizes a tooltip to its label's minimum,
 * which for Chinese is a character or two. */
static void
test_window_tooltips (void)
{
  static const char long_text[] =
    "用修订版替换报告，批注随之迁移；原有评定、判定与问题清单保持不变，导出时使用修订版的页码";
  PcWindow *window = pc_window_new (app);
  GtkWidget *button = gtk_button_new_with_label ("+");
  GtkWidget *label;
  int min, natural;

  gtk_widget_set_tooltip_text (button, "导入报告…");
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, is_mapped));
  g_assert_true (g_signal_has_handler_pending (button, g_signal_lookup ("query-tooltip",
                                                                        GTK_TYPE_WIDGET),
                                               0, FALSE));

  label = pc_tooltips_get_label (button);
  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &natural, NULL, NULL);
  g_assert_cmpint (min, ==, natural);
  g_assert_cmpint (min, >, 0);

  gtk_widget_set_tooltip_text (button, long_text);
  g_assert_true (pc_tooltips_get_label (button) == label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, long_text);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, ==, PC_TOOLTIP_MAX_WIDTH);

  gtk_widget_set_tooltip_text (button, NULL);
  g_assert_null (pc_tooltips_get_label (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PcWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = pc_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, is_mapped));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("REQUIRE_DISPLAY") != NULL)
        {
          g_printerr ("Bail out! no display\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  app = pc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/shows-project", test_window_shows_project);
  g_test_add_func ("/window/imports-seeds", test_window_imports_seeds);
  g_test_add_func ("/window/export", test_window_export);
  g_test_add_func ("/window/empty-project", test_window_empty_project);
  g_test_add_func ("/window/bad-project", test_window_bad_project);
  g_test_add_func ("/window/help-overlay", test_window_help_overlay);
  g_test_add_func ("/window/shortcuts-listed", test_window_shortcuts_listed);
  g_test_add_func ("/window/tooltips", test_window_tooltips);
  g_test_add_func ("/window/state", test_window_state);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}

/* pc-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-labels.h"
#include "pc-library-item.h"
#include "pc-project-worker.h"
#include "pc-review-state.h"
#include "pc-window-private.h"

G_DEFINE_FINAL_TYPE (PcWindow, pc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT_PATH,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload_reports (PcWindow *self);

void
_pc_window_show_toast (PcWindow   *self,
                       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pc_window_show_error (PcWindow     *self,
                       const GError *error)
{
  AdwToast *toast;
  g_autofree char *escaped = NULL;

  g_debug ("%s", error->message);
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_stale (PcWindow     *self,
          GObject      *source,
          const GError *error)
{
  return (PcProjectWorker *) source != self->worker
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
update_state (PcWindow *self)
{
  guint n_reports = g_list_model_get_n_items (G_LIST_MODEL (self->reports));
  gboolean busy = self->loading || self->importing;
  const char *page;

  if (self->project_path == NULL)
    page = "none";
  else if (n_reports > 0)
    page = "reports";
  else if (busy)
    page = "busy";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->stack, page);

  adw_status_page_set_title (self->busy_page,
                             self->importing ? _("Importing Reports…") : _("Opening Project…"));
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (self->progress_box, self->importing || self->exporting);

  if (self->project_path != NULL)
    {
      g_autofree char *samples = pc_application_dup_samples_path ();
      g_autofree char *name = pc_labels_project_name (self->project_path, samples);
      g_autofree char *subtitle = pc_labels_project_subtitle (n_reports);

      adw_view_switcher_title_set_title (self->window_title, name);
      adw_view_switcher_title_set_subtitle (self->window_title, self->loading ? "" : subtitle);
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  else
    {
      adw_view_switcher_title_set_title (self->window_title, _("Pingcha"));
      adw_view_switcher_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Pingcha"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->worker != NULL && !self->loading && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import",
                                 self->importing || self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->worker != NULL && n_reports > 0 && !self->loading &&
                                 !self->importing && !self->exporting);
}

void
_pc_window_update_state (PcWindow *self)
{
  update_state (self);
}

static void
set_busy (PcWindow *self,
          gboolean  loading,
          gboolean  importing)
{
  gboolean was_busy = pc_window_get_busy (self);

  self->loading = !!loading;
  self->importing = !!importing;
  update_state (self);
  if (was_busy != pc_window_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The position of report @id in @model (of PcLibraryItem), or GTK_INVALID_LIST_POSITION. */
guint
_pc_window_find_report_in (GListModel *model,
                           gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (model, i);

      if (pc_report_get_id (pc_library_item_get_report (item)) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The position of report @id in the filtered library. */
static guint
find_report (PcWindow *self,
             gint64    id)
{
  return _pc_window_find_report_in (G_LIST_MODEL (self->library_filter_model), id);
}

void
_pc_window_select_report_id (PcWindow *self,
                             gint64    id)
{
  guint position = find_report (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by the filters: show every report again. */
      gtk_editable_set_text (GTK_EDITABLE (self->library_search), "");
      gtk_drop_down_set_selected (self->year_dropdown, 0);
      gtk_drop_down_set_selected (self->agency_dropdown, 0);
      position = find_report (self, id);
    }
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->reports_selection, position);
}

static int
compare_years_desc (gconstpointer a,
                    gconstpointer b)
{
  return (int) GPOINTER_TO_UINT (*(gpointer *) b) - (int) GPOINTER_TO_UINT (*(gpointer *) a);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The filter dropdowns list the years and agencies of the reports, after "all". */
static void
update_filter_choices (PcWindow  *self,
                       GPtrArray *reports)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();
  g_autoptr(GPtrArray) year_labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reports->len; i++)
    {
      PcReport *report = g_ptr_array_index (reports, i);
      gpointer year = GUINT_TO_POINTER (pc_report_get_year (report));
      const char *agency = pc_report_get_agency (report);

      if (year != NULL && !g_ptr_array_find (years, year, NULL))
        g_ptr_array_add (years, year);
      if (agency != NULL && *agency != '\0' &&
          !g_ptr_array_find_with_equal_func (agencies, agency, g_str_equal, NULL))
        g_ptr_array_add (agencies, (gpointer) agency);
    }
  g_ptr_array_sort (years, compare_years_desc);
  g_ptr_array_sort (agencies, compare_strings);

  g_ptr_array_add (year_labels, g_strdup (_("All years")));
  for (guint i = 0; i < years->len; i++)
    g_ptr_array_add (year_labels, g_strdup_printf ("%u", GPOINTER_TO_UINT (years->pdata[i])));
  g_ptr_array_add (year_labels, NULL);
  g_ptr_array_insert (agencies, 0, (gpointer) _("All agencies"));
  g_ptr_array_add (agencies, NULL);

  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)),
                          (const char * const *) year_labels->pdata);
  gtk_string_list_splice (self->agencies, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->agencies)),
                          (const char * const *) agencies->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->agency_dropdown, 0);
}

static void
publish_reports (PcWindow  *self,
                 GPtrArray *reports)
{
  gint64 keep_id = self->selected_id ? self->selected_id : self->restore_report_id;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < reports->len; i++)
    g_ptr_array_add (items, pc_library_item_new (g_ptr_array_index (reports, i)));
  update_filter_choices (self, reports);
  g_list_store_splice (self->reports, 0, g_list_model_get_n_items (G_LIST_MODEL (self->reports)),
                       items->pdata, items->len);
  self->restore_report_id = 0;
  if (keep_id != 0)
    _pc_window_select_report_id (self, keep_id);
  _pc_window_refresh_summaries (self);
}

static gboolean
library_filter_cb (gpointer item,
                   gpointer user_data)
{
  PcWindow *self = user_data;
  guint year_index = gtk_drop_down_get_selected (self->year_dropdown);
  guint agency_index = gtk_drop_down_get_selected (self->agency_dropdown);
  const char *year = year_index > 0 && year_index != GTK_INVALID_LIST_POSITION
                     ? gtk_string_list_get_string (self->years, year_index) : NULL;
  const char *agency = agency_index > 0 && agency_index != GTK_INVALID_LIST_POSITION
                       ? gtk_string_list_get_string (self->agencies, agency_index) : NULL;

  return pc_review_state_report_matches (pc_library_item_get_report (item),
                                         gtk_editable_get_text (GTK_EDITABLE (self->library_search)),
                                         year ? (guint) g_ascii_strtoull (year, NULL, 10) : 0,
                                         agency);
}

static void
on_library_filter_changed_cb (PcWindow *self)
{
  g_assert (PC_IS_WINDOW (self));

  gtk_filter_changed (GTK_FILTER (self->library_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_import_progress_cb (guint       done,
                       guint       total,
                       const char *path,
                       gpointer    user_data)
{
  PcWindow *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_assert (PC_IS_WINDOW (self));

  if (total == 0)
    return;
  name = path ? g_path_get_basename (path) : NULL;
  /* Translators: import progress: files done, files in all, the file just read */
  text = g_strdup_printf (_("%u of %u · %s"), done, total, name ? name : "");
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
report_import_summary (PcWindow        *self,
                       PcImportSummary *summary)
{
  g_autofree char *message = NULL;

  if (summary->imported > 0 || (summary->failed == 0 && summary->duplicates == 0))
    {
      message = g_strdup_printf (ngettext ("Imported %u report", "Imported %u reports",
                                           summary->imported),
                                 summary->imported);
      _pc_window_show_toast (self, message);
    }

  /* One toast a file, as the overlay queues them; a long list would never end. */
  for (guint i = 0; summary->errors != NULL && i < MIN (summary->errors->len, 3); i++)
    _pc_window_show_toast (self, g_ptr_array_index (summary->errors, i));
  if (summary->errors != NULL && summary->errors->len > 3)
    {
      guint more = summary->errors->len - 3;
      g_autofree char *rest = g_strdup_printf (ngettext ("%u more file was not imported",
                                                         "%u more files were not imported",
                                                         more),
                                               more);
      _pc_window_show_toast (self, rest);
    }
  for (guint i = 0; summary->warnings != NULL && i < MIN (summary->warnings->len, 3); i++)
    _pc_window_show_toast (self, g_ptr_array_index (summary->warnings, i));
}

static void
on_import_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PcWindow) self = user_data;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = pc_project_worker_import_finish (PC_PROJECT_WORKER (source), result, &error);
  if ((PcProjectWorker *) source != self->worker)
    return;
  g_clear_object (&self->import_cancellable);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _pc_window_show_toast (self, _("Import cancelled"));
  else if (summary == NULL)
    _pc_window_show_error (self, error);
  else
    report_import_summary (self, summary);

  set_busy (self, self->loading, FALSE);
  reload_reports (self);
}

static void
on_list_reports_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PcWindow) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  reports = pc_project_worker_list_reports_finish (PC_PROJECT_WORKER (source), result, &error);
  if (reports == NULL && is_stale (self, source, error))
    return;
  if ((PcProjectWorker *) source != self->worker)
    return;

  if (reports == NULL)
    _pc_window_show_error (self, error);
  else
    publish_reports (self, reports);

  if (reports != NULL && reports->len == 0 && self->seed_paths != NULL)
    {
      g_auto(GStrv) seeds = g_steal_pointer (&self->seed_paths);

      /* Import first, so the busy page stays up instead of flashing the empty one. */
      pc_window_import (self, (const char * const *) seeds);
      set_busy (self, FALSE, self->importing);
      return;
    }
  g_clear_pointer (&self->seed_paths, g_strfreev);
  set_busy (self, FALSE, self->importing);
}

static void
reload_reports (PcWindow *self)
{
  g_assert (PC_IS_WINDOW (self));
  g_assert (self->worker != NULL);

  set_busy (self, TRUE, self->importing);
  pc_project_worker_list_reports_async (self->worker, self->cancellable,
                                        on_list_reports_cb, g_object_ref (self));
}

void
_pc_window_reload_reports (PcWindow *self)
{
  if (self->worker != NULL)
    reload_reports (self);
}

#define MAX_RECENT 8

static void
rebuild_recent_menu (PcWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
remember_recent (PcWindow   *self,
                 const char *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *samples = pc_application_dup_samples_path ();
  guint n = 1;

  if (g_str_equal (path, samples))
    return;
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) updated);
}

static void
pc_window_actions_open_recent_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  pc_window_open_project (PC_WINDOW (widget), g_variant_get_string (param, NULL), NULL);
}

static void
pc_window_actions_cancel_import_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* Dropped files: a project opens, reports are imported. */
static gboolean
on_drop_cb (PcWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  g_assert (PC_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        continue;
      if (g_str_has_suffix (path, ".db") && l->next == NULL && l == files)
        {
          pc_window_open_project (self, path, NULL);
          return TRUE;
        }
      g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL || self->worker == NULL)
    return FALSE;
  pc_window_import (self, (const char * const *) paths);
  return TRUE;
}

static void
on_open_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_project_worker_open_finish (PC_PROJECT_WORKER (source), result, &error))
    {
      if (is_stale (self, source, error))
        return;
      _pc_window_show_error (self, error);
      g_clear_object (&self->worker);
      g_clear_pointer (&self->project_path, g_free);
      g_clear_pointer (&self->seed_paths, g_strfreev);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_PATH]);
      set_busy (self, FALSE, FALSE);
      return;
    }
  if ((PcProjectWorker *) source != self->worker)
    return;

  g_settings_set_string (self->settings, "last-project", self->project_path);
  remember_recent (self, self->project_path);
  reload_reports (self);
}

static void
on_reports_selection_notify_cb (PcWindow           *self,
                                GParamSpec         *pspec,
                                GtkSingleSelection *selection)
{
  PcLibraryItem *item = gtk_single_selection_get_selected_item (selection);

  g_assert (PC_IS_WINDOW (self));

  _pc_window_review_show_report (self, item ? pc_library_item_get_report (item) : NULL);
}


/* Closures of the list item factories in pc-window.ui; @item may be NULL while unbound. */

static char *
report_title_cb (gpointer  unused,
                 PcReport *report)
{
  return report ? pc_labels_report_title (report) : NULL;
}

static char *
report_name_cb (gpointer  unused,
                PcReport *report)
{
  return report ? pc_labels_report_name (report) : NULL;
}

static char *
report_year_cb (gpointer  unused,
                PcReport *report)
{
  return report ? pc_labels_report_year (report) : NULL;
}

static char *
report_subtitle_cb (gpointer  unused,
                    PcReport *report)
{
  return report ? pc_labels_report_subtitle (report) : NULL;
}

static char *
report_sections_cb (gpointer  unused,
                    PcReport *report)
{
  return report ? pc_labels_report_sections (report) : NULL;
}

static char *
section_text_cb (gpointer   unused,
                 PcSection *section)
{
  return section ? pc_labels_section_text (section) : NULL;
}

static char *
section_tooltip_cb (gpointer   unused,
                    PcSection *section)
{
  return section ? pc_labels_section_tooltip (section) : NULL;
}

static gboolean
section_is_marked_cb (gpointer   unused,
                      PcSection *section)
{
  return section ? pc_labels_section_is_marked (section) : FALSE;
}

static void
on_import_dialog_response_cb (PcWindow             *self,
                              int                   response,
                              GtkFileChooserNative *native)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) paths = NULL;
  guint n;

  g_assert (PC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      builder = g_strv_builder_new ();
      n = g_list_model_get_n_items (files);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        pc_window_import (self, (const char * const *) paths);
    }
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The formats a report comes in, and everything. */
void
_pc_window_add_report_filters (GtkFileChooser *chooser)
{
  static const char *reports[] = { "*.txt", "*.html", "*.htm", "*.docx", "*.pdf", NULL };
  static const char *all[] = { "*", NULL };

  add_filter (chooser, _("Reports"), reports);
  add_filter (chooser, _("All Files"), all);
}

static void
pc_window_actions_import_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  _pc_window_add_report_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_open_dialog_response_cb (PcWindow             *self,
                            int                   response,
                            GtkFileChooserNative *native)
{
  g_assert (PC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        pc_window_open_project (self, path, NULL);
    }
  g_object_unref (native);
}

static void
pc_window_actions_open_project_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  static const char *projects[] = { "*.db", "*.sqlite", NULL };
  static const char *all[] = { "*", NULL };
  PcWindow *self = PC_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Review Projects"), projects);
  add_filter (GTK_FILE_CHOOSER (native), _("All Files"), all);
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The file chooser has confirmed replacing an existing file: remove it and SQLite's
 * companions, off the main thread, before the new project is created there. */
static void
remove_project_files_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  const char *path = task_data;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int saved_errno;

      if (g_unlink (file) == 0)
        continue;
      saved_errno = errno;
      if (saved_errno == ENOENT)
        continue;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Cannot replace “%s”: %s"), file, g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_project_files_removed_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  PcWindow *self = PC_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _pc_window_show_error (self, error);
      return;
    }
  pc_window_open_project (self, g_task_get_task_data (G_TASK (result)), NULL);
}

static void
on_new_dialog_response_cb (PcWindow             *self,
                           int                   response,
                           GtkFileChooserNative *native)
{
  g_assert (PC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autoptr(GTask) task = g_task_new (self, NULL, on_project_files_removed_cb, NULL);

          g_task_set_source_tag (task, on_new_dialog_response_cb);
          g_task_set_task_data (task, path, g_free);
          g_task_run_in_thread (task, remove_project_files_thread);
        }
    }
  g_object_unref (native);
}

static void
pc_window_actions_new_project_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the file name offered for a new project; keep the .db extension */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Review Project.db"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_new_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
restore_window_state (PcWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 640), MAX (height, 480));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->library_paned,
                          g_settings_get_int (self->settings, "library-pane-position"));
  gtk_paned_set_position (self->sidebar_paned,
                          g_settings_get_int (self->settings, "sidebar-pane-position"));
  gtk_paned_set_position (self->reader_paned,
                          g_settings_get_int (self->settings, "reader-pane-position"));
  gtk_paned_set_position (pc_checklist_panel_get_paned (self->checklist_panel),
                          g_settings_get_int (self->settings, "outline-pane-position"));
}

static void
save_window_state (PcWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* The default size follows the window while it is not maximized. */
  g_settings_delay (self->settings);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_set_int (self->settings, "library-pane-position",
                      gtk_paned_get_position (self->library_paned));
  g_settings_set_int (self->settings, "sidebar-pane-position",
                      gtk_paned_get_position (self->sidebar_paned));
  g_settings_set_int (self->settings, "reader-pane-position",
                      gtk_paned_get_position (self->reader_paned));
  g_settings_set_int (self->settings, "outline-pane-position",
                      gtk_paned_get_position (pc_checklist_panel_get_paned (self->checklist_panel)));
  if (self->selected_id != 0)
    g_settings_set_int64 (self->settings, "last-report", self->selected_id);
  g_settings_apply (self->settings);
}

static gboolean
pc_window_close_request (GtkWindow *window)
{
  save_window_state (PC_WINDOW (window));

  return GTK_WINDOW_CLASS (pc_window_parent_class)->close_request (window);
}

static void
pc_window_dispose (GObject *object)
{
  PcWindow *self = PC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  _pc_window_review_dispose (self);
  if (self->sidebar_paned != NULL)
    g_settings_unbind (self->sidebar_paned, "visible");
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->reports);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_window_parent_class)->dispose (object);
}

static void
pc_window_finalize (GObject *object)
{
  PcWindow *self = PC_WINDOW (object);

  g_clear_pointer (&self->project_path, g_free);
  g_clear_pointer (&self->seed_paths, g_strfreev);
  g_clear_pointer (&self->export_path, g_free);

  G_OBJECT_CLASS (pc_window_parent_class)->finalize (object);
}

static void
pc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PcWindow *self = PC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_PATH:
      g_value_set_string (value, self->project_path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, pc_window_get_busy (self));
      break;
    default:
      _pc_window_review_get_property (object, prop_id, value, pspec);
    }
}

/* F9: the library pane goes, and the report and the outline get the whole window (a small
 * screen, or a long day in one report); the choice is remembered. */
static void
pc_window_actions_toggle_library_cb (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);

  g_settings_set_boolean (self->settings, "show-library",
                          !g_settings_get_boolean (self->settings, "show-library"));
}

static void
pc_window_class_init (PcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pc_window_dispose;
  object_class->finalize = pc_window_finalize;
  object_class->get_property = pc_window_get_property;

  window_class->close_request = pc_window_close_request;

  properties[PROP_PROJECT_PATH] =
    g_param_spec_string ("project-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PC_TYPE_LIBRARY_ITEM);
  g_type_ensure (PC_TYPE_REPORT_VIEW);
  g_type_ensure (PC_TYPE_CHECKLIST_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pingcha/Pingcha/pc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, library_paned);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reader_paned);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, library_search);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, years);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, agencies);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, library_filter_model);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, library_filter);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reports_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reports_selection);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sections_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sections_selection);
  gtk_widget_class_bind_template_callback (widget_class, on_reports_selection_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_library_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_year_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_sections_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_is_marked_cb);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL,
                                   pc_window_actions_new_project_cb);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL,
                                   pc_window_actions_open_project_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   pc_window_actions_open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   pc_window_actions_import_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   pc_window_actions_cancel_import_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-library", NULL,
                                   pc_window_actions_toggle_library_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-library", NULL);

  _pc_window_review_class_init (widget_class);
  _pc_window_export_class_init (widget_class);
}

static void
pc_window_init (PcWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "show-library", self->sidebar_paned, "visible",
                   G_SETTINGS_BIND_GET);
  self->cancellable = g_cancellable_new ();
  self->reports = g_list_store_new (PC_TYPE_LIBRARY_ITEM);
  gtk_custom_filter_set_filter_func (self->library_filter, library_filter_cb, self, NULL);
  gtk_filter_list_model_set_model (self->library_filter_model, G_LIST_MODEL (self->reports));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  _pc_window_review_init (self);
  restore_window_state (self);
  update_state (self);
}

PcWindow *
pc_window_new (PcApplication *application)
{
  g_return_val_if_fail (PC_IS_APPLICATION (application), NULL);

  return g_object_new (PC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pc_window_get_project_path:
 *
 * Returns: (nullable): the project database shown, or %NULL before one is opened
 */
const char *
pc_window_get_project_path (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->project_path;
}

/**
 * pc_window_get_busy:
 *
 * Returns: whether the window waits for the project: opening, listing or importing
 */
gboolean
pc_window_get_busy (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), FALSE);
  return self->loading || self->importing;
}

/**
 * pc_window_open_project:
 * @path: the project database; created when it does not exist
 * @seed_paths: (nullable): reports to import when the project holds none yet
 *
 * Shows the project at @path, replacing the one shown before. Opening, listing and
 * importing run on the project's worker thread; annotations, ratings and decisions on the
 * review session's.
 */
void
pc_window_open_project (PcWindow           *self,
                        const char         *path,
                        const char * const *seed_paths)
{
  g_autofree char *last = NULL;
  g_autofree char *reviewer = NULL;
  g_autoptr(PcReviewSession) session = NULL;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  last = g_settings_get_string (self->settings, "last-project");
  self->restore_report_id = g_str_equal (last, path)
                            ? g_settings_get_int64 (self->settings, "last-report") : 0;
  g_clear_object (&self->worker);
  self->worker = pc_project_worker_new (path);
  _pc_window_review_set_session (self, NULL);
  g_free (self->project_path);
  self->project_path = g_strdup (path);
  g_strfreev (self->seed_paths);
  self->seed_paths = seed_paths ? g_strdupv ((char **) seed_paths) : NULL;
  self->selected_id = 0;
  g_list_store_remove_all (self->reports);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_PATH]);

  set_busy (self, TRUE, FALSE);
  pc_project_worker_open_async (self->worker, self->cancellable, on_open_cb, g_object_ref (self));
  /* Review edits run on the same worker, queued behind the open: one connection. */
  reviewer = g_settings_get_string (self->settings, "reviewer-name");
  session = pc_review_session_new_for_worker (self->worker, reviewer);
  _pc_window_review_set_session (self, session);
}

/**
 * pc_window_import:
 * @paths: report files to import into the open project
 *
 * Imports in the background, showing progress with a cancel button; does nothing while
 * another import runs.
 */
void
pc_window_import (PcWindow           *self,
                  const char * const *paths)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->worker == NULL || self->importing)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  g_cancellable_connect (self->cancellable, G_CALLBACK (g_cancellable_cancel),
                         g_object_ref (self->import_cancellable), g_object_unref);
  set_busy (self, self->loading, TRUE);
  pc_project_worker_import_async (self->worker, paths, on_import_progress_cb, self,
                                  self->import_cancellable, on_import_cb, g_object_ref (self));
}

GListModel *
_pc_window_get_reports (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->reports);
}

GListModel *
_pc_window_get_sections (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_model (self->sections_selection);
}

GtkTextBuffer *
_pc_window_get_text_buffer (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->text_buffer;
}

GtkTextView *
_pc_window_get_text_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return GTK_TEXT_VIEW (self->text_view);
}

const char *
_pc_window_get_visible_page (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * _pc_window_select_report:
 * @position: in _pc_window_get_reports(), the unfiltered library
 */
void
_pc_window_select_report (PcWindow *self,
                          guint     position)
{
  g_autoptr(PcLibraryItem) item = NULL;

  g_return_if_fail (PC_IS_WINDOW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->reports), position);
  if (item != NULL)
    _pc_window_select_report_id (self, pc_report_get_id (pc_library_item_get_report (item)));
}

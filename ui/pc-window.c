/* pc-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-labels.h"
#include "pc-project-worker.h"
#include "pc-window-private.h"

struct _PcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkSpinner           *busy_spinner;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  AdwStatusPage        *busy_page;
  GtkListView          *reports_view;
  GtkSingleSelection   *reports_selection;
  GtkListView          *sections_view;
  GtkSingleSelection   *sections_selection;
  GtkTextView          *text_view;
  GtkTextBuffer        *text_buffer;

  GSettings            *settings;
  GListStore           *reports;
  PcProjectWorker      *worker;
  GCancellable         *cancellable;
  char                 *project_path;
  char                **seed_paths;
  GtkTextMark          *scroll_mark;
  GtkTextTag           *heading1_tag;
  GtkTextTag           *heading2_tag;
  GtkTextTag           *number_missing_tag;
  gint64                selected_id;
  guint                 scroll_source;

  guint                 loading : 1;
  guint                 importing : 1;
};

G_DEFINE_FINAL_TYPE (PcWindow, pc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT_PATH,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload_reports (PcWindow *self);

static void
show_toast (PcWindow   *self,
            const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (PcWindow     *self,
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
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->importing);

  if (self->project_path != NULL)
    {
      g_autofree char *samples = pc_application_dup_samples_path ();
      g_autofree char *name = pc_labels_project_name (self->project_path, samples);
      g_autofree char *subtitle = pc_labels_project_subtitle (n_reports);

      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, self->loading ? "" : subtitle);
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Pingcha"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Pingcha"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->worker != NULL && !self->loading && !self->importing);
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

static GListModel *
create_section_children_cb (gpointer item,
                            gpointer user_data)
{
  PcSection *section = item;

  if (pc_section_get_n_children (section) == 0)
    return NULL;
  return g_object_ref (pc_section_get_children (section));
}

static void
apply_heading_tags (PcWindow *self,
                    PcReport *report)
{
  g_autoptr(GArray) spans = pc_labels_heading_spans (report);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->text_buffer, &start, &end);

  for (guint i = 0; i < spans->len; i++)
    {
      const PcHeadingSpan *span = &g_array_index (spans, PcHeadingSpan, i);
      gboolean is_inline = pc_section_get_flags (span->section) & PC_SECTION_FLAG_INLINE;
      GtkTextTag *tag = (span->level == 1 && !is_inline) ? self->heading1_tag : self->heading2_tag;

      gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, span->range.start);
      gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, span->range.end);
      gtk_text_buffer_apply_tag (self->text_buffer, tag, &start, &end);
      if (span->number_missing)
        gtk_text_buffer_apply_tag (self->text_buffer, self->number_missing_tag, &start, &end);
    }
}

static gboolean
scroll_to_mark_cb (gpointer user_data)
{
  PcWindow *self = user_data;

  self->scroll_source = 0;
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.0);
  return G_SOURCE_REMOVE;
}

/* GtkTextView lays out new text in idle chunks at a higher priority; scrolling before that
 * is done aims at estimated line heights and lands in the wrong place. */
static void
scroll_to_mark_later (PcWindow *self)
{
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, scroll_to_mark_cb, self, NULL);
}

static void
show_report (PcWindow *self,
             PcReport *report)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  GtkTextIter start;

  if (report == NULL)
    {
      self->selected_id = 0;
      gtk_single_selection_set_model (self->sections_selection, NULL);
      gtk_text_buffer_set_text (self->text_buffer, "", 0);
      return;
    }

  self->selected_id = pc_report_get_id (report);
  tree = gtk_tree_list_model_new (g_object_ref (pc_report_get_sections (report)),
                                  FALSE, TRUE, create_section_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->sections_selection, G_LIST_MODEL (tree));

  gtk_text_buffer_begin_irreversible_action (self->text_buffer);
  gtk_text_buffer_set_text (self->text_buffer, pc_report_get_text (report), -1);
  apply_heading_tags (self, report);
  gtk_text_buffer_end_irreversible_action (self->text_buffer);

  gtk_text_buffer_get_start_iter (self->text_buffer, &start);
  gtk_text_buffer_place_cursor (self->text_buffer, &start);
  gtk_text_buffer_move_mark (self->text_buffer, self->scroll_mark, &start);
  scroll_to_mark_later (self);
}

static void
scroll_to_section (PcWindow  *self,
                   PcSection *section)
{
  PcRange heading = pc_section_get_heading (section);
  GtkTextIter start, end;

  if (heading.end <= heading.start)
    heading = (PcRange) { pc_section_get_range (section).start, pc_section_get_range (section).start };

  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, heading.start);
  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, heading.end);
  gtk_text_buffer_select_range (self->text_buffer, &start, &end);
  gtk_text_buffer_move_mark (self->text_buffer, self->scroll_mark, &start);
  scroll_to_mark_later (self);
}

static guint
find_report (PcWindow *self,
             gint64    id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reports));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcReport) report = g_list_model_get_item (G_LIST_MODEL (self->reports), i);

      if (pc_report_get_id (report) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
publish_reports (PcWindow  *self,
                 GPtrArray *reports)
{
  gint64 keep_id = self->selected_id;
  guint position;

  g_list_store_splice (self->reports, 0, g_list_model_get_n_items (G_LIST_MODEL (self->reports)),
                       reports->pdata, reports->len);

  position = keep_id != 0 ? find_report (self, keep_id) : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->reports_selection, position);
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
      show_toast (self, message);
    }

  /* One toast a file, as the overlay queues them; a long list would never end. */
  for (guint i = 0; summary->errors != NULL && i < MIN (summary->errors->len, 3); i++)
    show_toast (self, g_ptr_array_index (summary->errors, i));
  if (summary->errors != NULL && summary->errors->len > 3)
    {
      guint more = summary->errors->len - 3;
      g_autofree char *rest = g_strdup_printf (ngettext ("%u more file was not imported",
                                                         "%u more files were not imported",
                                                         more),
                                               more);
      show_toast (self, rest);
    }
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
  if (summary == NULL && is_stale (self, source, error))
    return;
  if ((PcProjectWorker *) source != self->worker)
    return;

  if (summary == NULL)
    show_error (self, error);
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
    show_error (self, error);
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
      show_error (self, error);
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
  reload_reports (self);
}

static void
on_reports_selection_notify_cb (PcWindow           *self,
                                GParamSpec         *pspec,
                                GtkSingleSelection *selection)
{
  g_assert (PC_IS_WINDOW (self));

  show_report (self, gtk_single_selection_get_selected_item (selection));
}

static void
on_sections_view_activate_cb (PcWindow    *self,
                              guint        position,
                              GtkListView *view)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(PcSection) section = NULL;

  g_assert (PC_IS_WINDOW (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->sections_selection), position);
  if (row == NULL)
    return;
  section = gtk_tree_list_row_get_item (row);
  scroll_to_section (self, section);
}

/* Closures of the list item factories in pc-window.ui; @item may be NULL while unbound. */

static char *
report_title_cb (gpointer  unused,
                 PcReport *report)
{
  return report ? pc_labels_report_title (report) : NULL;
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

static void
pc_window_actions_import_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  static const char *reports[] = { "*.txt", "*.html", "*.htm", "*.docx", "*.pdf", NULL };
  static const char *all[] = { "*", NULL };
  PcWindow *self = PC_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Reports"), reports);
  add_filter (GTK_FILE_CHOOSER (native), _("All Files"), all);
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
      show_error (self, error);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
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
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pingcha/Pingcha/pc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reports_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reports_selection);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sections_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sections_selection);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, text_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_reports_selection_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_sections_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_is_marked_cb);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL,
                                   pc_window_actions_new_project_cb);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL,
                                   pc_window_actions_open_project_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   pc_window_actions_import_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

static void
pc_window_init (PcWindow *self)
{
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->reports = g_list_store_new (PC_TYPE_REPORT);
  gtk_single_selection_set_model (self->reports_selection, G_LIST_MODEL (self->reports));

  self->heading1_tag = gtk_text_buffer_create_tag (self->text_buffer, "heading-1",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   "scale", 1.2,
                                                   "pixels-above-lines", 14,
                                                   NULL);
  self->heading2_tag = gtk_text_buffer_create_tag (self->text_buffer, "heading-2",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
  self->number_missing_tag = gtk_text_buffer_create_tag (self->text_buffer, "number-missing",
                                                         "underline", PANGO_UNDERLINE_ERROR,
                                                         "underline-rgba",
                                                         &(GdkRGBA) { 0.9, 0.6, 0.0, 1.0 },
                                                         NULL);
  gtk_text_buffer_get_start_iter (self->text_buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->text_buffer, "scroll", &start, TRUE);

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
 * importing run on the project's worker thread.
 */
void
pc_window_open_project (PcWindow           *self,
                        const char         *path,
                        const char * const *seed_paths)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->worker);
  self->worker = pc_project_worker_new (path);
  g_free (self->project_path);
  self->project_path = g_strdup (path);
  g_strfreev (self->seed_paths);
  self->seed_paths = seed_paths ? g_strdupv ((char **) seed_paths) : NULL;
  self->selected_id = 0;
  g_list_store_remove_all (self->reports);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_PATH]);

  set_busy (self, TRUE, FALSE);
  pc_project_worker_open_async (self->worker, self->cancellable, on_open_cb, g_object_ref (self));
}

/**
 * pc_window_import:
 * @paths: report files to import into the open project
 *
 * Imports in the background, showing progress; does nothing while another import runs.
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
  set_busy (self, self->loading, TRUE);
  pc_project_worker_import_async (self->worker, paths, on_import_progress_cb, self,
                                  self->cancellable, on_import_cb, g_object_ref (self));
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
  return self->text_view;
}

const char *
_pc_window_get_visible_page (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
_pc_window_select_report (PcWindow *self,
                          guint     position)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->reports_selection, position);
}

void
_pc_window_activate_section (PcWindow *self,
                             guint     position)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->sections_selection, position);
  on_sections_view_activate_cb (self, position, self->sections_view);
}

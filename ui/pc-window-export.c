/* pc-window-export.c — the window's Excel export: choose a file, write it on the project's
 * thread with progress and cancel, then show it in the file manager.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-export-async.h"
#include "pc-library-item.h"
#include "pc-window-private.h"

static void
on_export_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  PcWindow *self = user_data;
  g_autofree char *text = NULL;

  g_assert (PC_IS_WINDOW (self));

  if (total == 0)
    return;
  /* Translators: export progress: reports written, reports in all */
  text = g_strdup_printf (_("Exporting %u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

/* Without a file manager there is nothing to show; the toast has said where the file is. */
static void
on_folder_shown_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_debug ("Could not open the folder: %s", error->message);
}

static void
on_show_items_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PcWindow) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && self->export_path != NULL)
    {
      /* No file manager that shows items: open the folder instead. */
      g_autofree char *dir = g_path_get_dirname (self->export_path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("Could not show the workbook: %s", error->message);
      gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, on_folder_shown_cb, NULL);
    }
}

/* Shows @path selected in the file manager (org.freedesktop.FileManager1). */
static void
reveal (PcWindow   *self,
        const char *path)
{
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    return;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_show_items_cb, g_object_ref (self));
}

static void
on_export_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pc_export_xlsx_project_finish (PC_PROJECT_WORKER (source), result, &error);

  self->exporting = FALSE;
  g_clear_object (&self->export_cancellable);
  _pc_window_update_state (self);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pc_window_show_toast (self, _("Export cancelled"));
      else
        _pc_window_show_error (self, error);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (self->export_path);
    /* Translators: the file name of the workbook */
    g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("_Show"));
    adw_toast_set_action_name (toast, "win.show-export");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
  if (self->reveal_export)
    reveal (self, self->export_path);
}

/* The reports the library shows: all of them, or those the filters leave. */
static GArray *
shown_report_ids (PcWindow *self)
{
  GListModel *shown = G_LIST_MODEL (self->library_filter_model);
  guint n = g_list_model_get_n_items (shown);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (shown, i);
      gint64 id = pc_report_get_id (pc_library_item_get_report (item));

      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * _pc_window_export_to:
 * @reveal: whether to show the workbook in the file manager once written
 *
 * Exports the reports the library shows (all of them unless filtered) to @path in the
 * background; the actions and the tests both come here.
 */
void
_pc_window_export_to (PcWindow   *self,
                      const char *path,
                      gboolean    reveal_when_done)
{
  g_autoptr(GArray) ids = NULL;
  gboolean all;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->worker == NULL || self->exporting)
    return;

  ids = shown_report_ids (self);
  all = ids->len == g_list_model_get_n_items (G_LIST_MODEL (self->reports));
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  self->reveal_export = !!reveal_when_done;
  self->exporting = TRUE;
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  g_cancellable_connect (self->cancellable, G_CALLBACK (g_cancellable_cancel),
                         g_object_ref (self->export_cancellable), g_object_unref);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
  _pc_window_update_state (self);

  pc_export_xlsx_project_async (self->worker, all ? NULL : (gint64 *) (gpointer) ids->data,
                                all ? 0 : ids->len, path, on_export_progress_cb, self,
                                self->export_cancellable, on_export_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        PcWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!g_str_has_suffix (path, ".xlsx"))
        {
          char *with_suffix = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with_suffix;
        }
      g_settings_set_string (self->settings, "last-export-folder", dir);
      _pc_window_export_to (self, path, TRUE);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
pc_window_actions_export_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder = g_settings_get_string (self->settings, "last-export-folder");
  g_autofree char *project = g_path_get_basename (self->project_path);
  g_autofree char *stem = g_strndup (project, strlen (project) - (g_str_has_suffix (project, ".db") ? 3 : 0));
  /* Translators: the default name of the exported workbook; %s is the project's name */
  g_autofree char *name = g_strdup_printf (_("%s scorecards.xlsx"), stem);

  chooser = gtk_file_chooser_native_new (_("Export Scorecards"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder[0] != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
pc_window_actions_show_export_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);

  if (self->export_path != NULL)
    reveal (self, self->export_path);
}

void
_pc_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, pc_window_actions_export_cb);
  gtk_widget_class_install_action (widget_class, "win.show-export", NULL,
                                   pc_window_actions_show_export_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
}

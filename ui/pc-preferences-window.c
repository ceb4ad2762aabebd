/* pc-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-preferences-window.h"

struct _PcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *reviewer_row;
  AdwComboRow          *checklist_row;
  GtkStringList        *versions;
  AdwActionRow         *import_row;
  GtkSwitch            *prior_switch;

  GSettings            *settings;
  PcReviewMarks        *marks;       /* the open project's, or NULL */
  GCancellable         *cancellable;
  GPtrArray            *stored;      /* PcStoredChecklist, parallel to versions */
  gboolean              filling;     /* the combo row changes because the list is loaded */
};

G_DEFINE_FINAL_TYPE (PcPreferencesWindow, pc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void load_checklists (PcPreferencesWindow *self);

static void
on_checklists_listed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = pc_review_marks_list_checklists_finish (PC_REVIEW_MARKS (source), result, &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint active = GTK_INVALID_LIST_POSITION;

  if (stored == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      PcStoredChecklist *checklist = g_ptr_array_index (stored, i);

      /* Translators: a checklist's version, then its title; the version first, as the
       * list cuts long titles and versions of one checklist share the title */
      g_ptr_array_add (labels, g_strdup_printf (_("Version %s · %s"), checklist->version, checklist->title));
      if (checklist->active)
        active = i;
    }
  g_ptr_array_add (labels, NULL);
  self->filling = TRUE;
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  self->stored = g_steal_pointer (&stored);
  gtk_string_list_splice (self->versions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->versions)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->checklist_row, active);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->checklist_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_row), TRUE);
}

static void
load_checklists (PcPreferencesWindow *self)
{
  if (self->marks != NULL)
    pc_review_marks_list_checklists_async (self->marks, self->cancellable, on_checklists_listed_cb,
                                           g_object_ref (self));
}

/* What changing the checklist did to the review, in a toast. */
static void
on_checklist_used_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree PcChecklistStoreInfo *info = pc_review_marks_use_checklist_finish (PC_REVIEW_MARKS (source), result, &error);
  g_autofree char *message = NULL;

  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup (error->message);
    }
  else if (info->n_carried_decisions + info->n_carried_ratings > 0)
    /* Translators: reviewer decisions and rating overrides moved to the new checklist version */
    message = g_strdup_printf (_("Checklist changed; %u decisions and %u ratings carried over"),
                               info->n_carried_decisions, info->n_carried_ratings);
  else if (info->activated || info->settings_changed)
    message = g_strdup (_("Checklist changed"));
  else
    message = g_strdup (_("The project already uses this checklist"));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
  load_checklists (self);
}

static void
on_checklist_selected_cb (PcPreferencesWindow *self,
                          GParamSpec          *pspec,
                          AdwComboRow         *row)
{
  guint selected = adw_combo_row_get_selected (row);
  PcStoredChecklist *checklist;

  g_assert (PC_IS_PREFERENCES_WINDOW (self));

  if (self->filling || self->marks == NULL || self->stored == NULL || selected >= self->stored->len)
    return;
  checklist = g_ptr_array_index (self->stored, selected);
  if (checklist->active)
    return;
  pc_review_marks_activate_checklist_async (self->marks, checklist->id, self->cancellable,
                                            on_checklist_used_cb, g_object_ref (self));
}

static void
on_import_response_cb (PcPreferencesWindow  *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_assert (PC_IS_PREFERENCES_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && self->marks != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    pc_preferences_window_import_checklist (self, path);
  g_object_unref (native);
}

static void
on_import_clicked_cb (PcPreferencesWindow *self,
                      GtkButton           *button)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  g_assert (PC_IS_PREFERENCES_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Import Checklist"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Checklists (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
pc_preferences_window_dispose (GObject *object)
{
  PcPreferencesWindow *self = PC_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->marks);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->stored, g_ptr_array_unref);

  G_OBJECT_CLASS (pc_preferences_window_parent_class)->dispose (object);
}

static void
pc_preferences_window_class_init (PcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pingcha/Pingcha/pc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, versions);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, import_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, prior_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
}

static void
pc_preferences_window_init (PcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reviewer-name", self->reviewer_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "require-prior-rectification", self->prior_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  self->cancellable = g_cancellable_new ();
}

/**
 * pc_preferences_window_new:
 * @marks: (nullable): the open project's review marks; without a project the checklist
 *   rows stay insensitive
 */
PcPreferencesWindow *
pc_preferences_window_new (GtkWindow     *parent,
                           PcReviewMarks *marks)
{
  PcPreferencesWindow *self = g_object_new (PC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_set_object (&self->marks, marks);
  load_checklists (self);
  return self;
}

/* Imports a checklist file into the project and makes it the project's; the chooser's way
 * in, and the tests'. */
void
pc_preferences_window_import_checklist (PcPreferencesWindow *self,
                                        const char          *path)
{
  g_return_if_fail (PC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->marks != NULL)
    pc_review_marks_import_checklist_async (self->marks, path, self->cancellable,
                                            on_checklist_used_cb, g_object_ref (self));
}

/* The versions the row offers, as labels; for the tests. */
GListModel *
pc_preferences_window_get_versions (PcPreferencesWindow *self)
{
  g_return_val_if_fail (PC_IS_PREFERENCES_WINDOW (self), NULL);

  return G_LIST_MODEL (self->versions);
}

void
pc_preferences_window_choose_version (PcPreferencesWindow *self,
                                      guint                position)
{
  g_return_if_fail (PC_IS_PREFERENCES_WINDOW (self));

  adw_combo_row_set_selected (self->checklist_row, position);
}

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
  GtkSwitch            *prior_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PcPreferencesWindow, pc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_checklist_selected_cb (PcPreferencesWindow *self,
                          GParamSpec          *pspec,
                          AdwComboRow         *row)
{
  GtkStringObject *version = adw_combo_row_get_selected_item (row);

  g_assert (PC_IS_PREFERENCES_WINDOW (self));

  if (version != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "checklist-version",
                           gtk_string_object_get_string (version));
}

static void
select_version (PcPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "checklist-version");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->versions, i), current) == 0)
      adw_combo_row_set_selected (self->checklist_row, i);
}

static void
pc_preferences_window_dispose (GObject *object)
{
  PcPreferencesWindow *self = PC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, prior_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_selected_cb);
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
  select_version (self);
}

PcPreferencesWindow *
pc_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

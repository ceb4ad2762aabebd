/* pc-tooltips.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 sizes a tooltip to its label's minimum width. A wrapping label may break Chinese
 * between any two characters, so its minimum is one or two characters and 撤销 or 导入报告…
 * come out as a column. Every widget gets, when it is first mapped, a handler that shows its
 * tooltip text in a label of our own, as wide as the text up to PC_TOOLTIP_MAX_WIDTH. Doing it
 * from an emission hook covers tooltips set in templates, in list rows and from bindings
 * alike, without touching each.
 */
#define G_LOG_DOMAIN "pc-tooltips"

#include "config.h"

#include "pc-tooltips.h"

#define TOOLTIP_LABEL_KEY "pc-tooltip-label"

static void
update_label (GtkLabel   *label,
              const char *markup)
{
  int natural;

  if (g_strcmp0 (gtk_label_get_label (label), markup) == 0)
    return;
  gtk_label_set_markup (label, markup);
  gtk_widget_set_size_request (GTK_WIDGET (label), -1, -1);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                      NULL, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (label), MIN (natural, PC_TOOLTIP_MAX_WIDTH), -1);
}

/**
 * pc_tooltips_get_label:
 *
 * Returns: (transfer none) (nullable): the label showing @widget's tooltip text, or %NULL when
 *   it has none
 */
GtkWidget *
pc_tooltips_get_label (GtkWidget *widget)
{
  const char *markup;
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  markup = gtk_widget_get_tooltip_markup (widget);
  if (markup == NULL)
    return NULL;
  label = g_object_get_data (G_OBJECT (widget), TOOLTIP_LABEL_KEY);
  if (label == NULL)
    {
      label = g_object_new (GTK_TYPE_LABEL,
                            "wrap", TRUE,
                            "wrap-mode", PANGO_WRAP_WORD_CHAR,
                            "xalign", 0.0f,
                            NULL);
      g_object_set_data_full (G_OBJECT (widget), TOOLTIP_LABEL_KEY, g_object_ref_sink (label),
                              g_object_unref);
    }
  update_label (GTK_LABEL (label), markup);
  return label;
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  GtkWidget *label = pc_tooltips_get_label (widget);

  if (label == NULL)
    return FALSE;
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

/* A handler connected while "query-tooltip" is emitted would answer only the next query, so
 * widgets get theirs when they are mapped, before any tooltip of theirs can show. */
static gboolean
map_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GObject *widget = g_value_get_object (&params[0]);
  static GQuark connected;

  if (connected == 0)
    connected = g_quark_from_static_string ("pc-tooltip-connected");
  if (g_object_get_qdata (widget, connected) == NULL)
    {
      g_object_set_qdata (widget, connected, GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
    }
  return TRUE;
}

/**
 * pc_tooltips_init:
 *
 * Makes every tooltip text of the application show on one line when it fits. Call once, after
 * gtk_init().
 */
void
pc_tooltips_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* The signal exists once the class does, which may not be yet. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint signal_id = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_type_class_unref (widget_class);
      g_signal_add_emission_hook (signal_id, 0, map_hook, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

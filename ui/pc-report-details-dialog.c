/* pc-report-details-dialog.c — the form a reviewer corrects a report's details in.
 *
 * It holds no state of its own: it is filled from the report's details and, on Save, hands
 * back what was typed, read by pc_report_details_new_from_text(); the window stores it
 * through the review session. A year or date that cannot be read marks its row and keeps
 * Save off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-report-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-report-details-dialog.h"

struct _PcReportDetailsDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *agency_row;
  AdwEntryRow *year_row;
  AdwEntryRow *published_row;
  AdwActionRow *signed_row;
  AdwEntryRow *doc_number_row;

  gint64       report_id;
};

G_DEFINE_FINAL_TYPE (PcReportDetailsDialog, pc_report_details_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static PcReportDetails *
read_form (PcReportDetailsDialog  *self,
           PcReportDetailsProblem *problems)
{
  return pc_report_details_new_from_text (row_text (self->title_row), row_text (self->agency_row),
                                          row_text (self->year_row), row_text (self->published_row),
                                          row_text (self->doc_number_row), problems);
}

static void
mark_row (AdwEntryRow *row,
          gboolean     bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_form_changed_cb (PcReportDetailsDialog *self)
{
  PcReportDetailsProblem problems = PC_REPORT_DETAILS_VALID;
  g_autoptr(PcReportDetails) details = read_form (self, &problems);

  g_assert (PC_IS_REPORT_DETAILS_DIALOG (self));

  mark_row (self->year_row, (problems & PC_REPORT_DETAILS_BAD_YEAR) != 0);
  mark_row (self->published_row, (problems & PC_REPORT_DETAILS_BAD_DATE) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save", details != NULL);
}

static void
pc_report_details_dialog_actions_save_cb (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  PcReportDetailsDialog *self = PC_REPORT_DETAILS_DIALOG (widget);
  PcReportDetailsProblem problems = PC_REPORT_DETAILS_VALID;
  g_autoptr(PcReportDetails) details = read_form (self, &problems);

  if (details == NULL)
    return;
  g_signal_emit (self, signals[SAVE], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pc_report_details_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PC_TYPE_REPORT_DETAILS_DIALOG);

  G_OBJECT_CLASS (pc_report_details_dialog_parent_class)->dispose (object);
}

static void
pc_report_details_dialog_class_init (PcReportDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_report_details_dialog_dispose;

  /**
   * PcReportDetailsDialog::save:
   *
   * The reviewer saved a form that reads; pc_report_details_dialog_dup_details() has it.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pingcha/Pingcha/pc-report-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, signed_row);
  gtk_widget_class_bind_template_child (widget_class, PcReportDetailsDialog, doc_number_row);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "details.save", NULL,
                                   pc_report_details_dialog_actions_save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "details.save",
                                       NULL);
}

static void
pc_report_details_dialog_init (PcReportDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pc_report_details_dialog_new:
 * @details: the report's details as they are now
 * @signed_date: (nullable): the date of the signature (YYYY-MM-DD): shown, read-only, as
 *   the date the report is checked by while it gives no publication date
 */
PcReportDetailsDialog *
pc_report_details_dialog_new (GtkWindow             *parent,
                              gint64                 report_id,
                              const PcReportDetails *details,
                              const char            *signed_date)
{
  PcReportDetailsDialog *self = g_object_new (PC_TYPE_REPORT_DETAILS_DIALOG,
                                              "transient-for", parent, NULL);
  g_autofree char *year = details->year ? g_strdup_printf ("%u", details->year) : g_strdup ("");

  self->report_id = report_id;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), details->title ? details->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->agency_row), details->agency ? details->agency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  gtk_editable_set_text (GTK_EDITABLE (self->published_row),
                         details->published ? details->published : "");
  gtk_editable_set_text (GTK_EDITABLE (self->doc_number_row),
                         details->doc_number ? details->doc_number : "");
  if (signed_date != NULL)
    {
      g_autofree char *subtitle = details->published == NULL
        /* Translators: the signature's date, when the report gives no publication date */
        ? g_strdup_printf (_("%s — the date the report is checked by until a publication date is given"), signed_date)
        : g_strdup (signed_date);

      adw_action_row_set_subtitle (self->signed_row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->signed_row), TRUE);
    }
  on_form_changed_cb (self);
  return self;
}

gint64
pc_report_details_dialog_get_report_id (PcReportDetailsDialog *self)
{
  g_return_val_if_fail (PC_IS_REPORT_DETAILS_DIALOG (self), 0);

  return self->report_id;
}

/**
 * pc_report_details_dialog_dup_details:
 *
 * Returns: (transfer full) (nullable): the details the form holds, %NULL while a year or
 *   date in it cannot be read
 */
PcReportDetails *
pc_report_details_dialog_dup_details (PcReportDetailsDialog *self)
{
  PcReportDetailsProblem problems = PC_REPORT_DETAILS_VALID;

  g_return_val_if_fail (PC_IS_REPORT_DETAILS_DIALOG (self), NULL);

  return read_form (self, &problems);
}

/**
 * pc_report_details_dialog_set_text:
 * @field: "title", "agency", "year", "published" or "doc-number"
 *
 * Types into the form, for tests and for callers that know better.
 */
void
pc_report_details_dialog_set_text (PcReportDetailsDialog *self,
                                   const char            *field,
                                   const char            *text)
{
  AdwEntryRow *row = NULL;

  g_return_if_fail (PC_IS_REPORT_DETAILS_DIALOG (self));

  if (g_str_equal (field, "title"))
    row = self->title_row;
  else if (g_str_equal (field, "agency"))
    row = self->agency_row;
  else if (g_str_equal (field, "year"))
    row = self->year_row;
  else if (g_str_equal (field, "published"))
    row = self->published_row;
  else if (g_str_equal (field, "doc-number"))
    row = self->doc_number_row;
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

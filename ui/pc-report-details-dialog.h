/* pc-report-details-dialog.h — correcting a report's title, agency, year, date and number.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-report-details.h"

G_BEGIN_DECLS

#define PC_TYPE_REPORT_DETAILS_DIALOG (pc_report_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PcReportDetailsDialog, pc_report_details_dialog, PC, REPORT_DETAILS_DIALOG,
                      AdwWindow)

PcReportDetailsDialog *pc_report_details_dialog_new         (GtkWindow             *parent,
                                                             gint64                 report_id,
                                                             const PcReportDetails *details,
                                                             const char            *signed_date);
gint64                 pc_report_details_dialog_get_report_id (PcReportDetailsDialog *self);
PcReportDetails       *pc_report_details_dialog_dup_details (PcReportDetailsDialog *self);
void                   pc_report_details_dialog_set_text    (PcReportDetailsDialog *self,
                                                             const char            *field,
                                                             const char            *text);

G_END_DECLS

/* pc-report-view.h — the report text, with each annotation's item number in the left
 * margin beside the line where it starts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One margin label: where it goes, what it says, its colour. */
typedef struct
{
  guint    start;   /* character offset the annotation starts at */
  guint    item;    /* 0 when on no item */
  GdkRGBA  color;
} PcMarginLabel;

#define PC_REPORT_VIEW_MARGIN 64

#define PC_TYPE_REPORT_VIEW (pc_report_view_get_type ())

G_DECLARE_FINAL_TYPE (PcReportView, pc_report_view, PC, REPORT_VIEW, GtkTextView)

void   pc_report_view_set_labels  (PcReportView *self,
                                   GArray       *labels);
guint  pc_report_view_get_n_drawn (PcReportView *self);

G_END_DECLS

/* pc-compare-window.h — the report shown against another, item by item.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-compare.h"
#include "pc-review-marks.h"

G_BEGIN_DECLS

#define PC_TYPE_COMPARE_WINDOW (pc_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (PcCompareWindow, pc_compare_window, PC, COMPARE_WINDOW, AdwWindow)

PcCompareWindow    *pc_compare_window_new             (GtkWindow       *parent,
                                                       PcReviewMarks   *marks,
                                                       GListModel      *library,
                                                       PcReport        *report);
guint               pc_compare_window_get_n_choices   (PcCompareWindow *self);
void                pc_compare_window_choose          (PcCompareWindow *self,
                                                       guint            choice);
PcReport           *pc_compare_window_get_counterpart (PcCompareWindow *self);
const PcComparison *pc_compare_window_get_comparison  (PcCompareWindow *self);
GListModel         *pc_compare_window_get_rows        (PcCompareWindow *self);

G_END_DECLS

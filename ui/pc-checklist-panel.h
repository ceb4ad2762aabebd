/* pc-checklist-panel.h — the outline of a report's review: 10 parts, 35 items, each with
 * its state, and the selected item's requirement, evidence, rating and decision.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-review-marks.h"

G_BEGIN_DECLS

#define PC_TYPE_CHECKLIST_PANEL (pc_checklist_panel_get_type ())

G_DECLARE_FINAL_TYPE (PcChecklistPanel, pc_checklist_panel, PC, CHECKLIST_PANEL, GtkWidget)

void        pc_checklist_panel_set_review        (PcChecklistPanel *self,
                                                  PcReportReview   *review);
guint       pc_checklist_panel_get_selected_item (PcChecklistPanel *self);
void        pc_checklist_panel_select_item       (PcChecklistPanel *self,
                                                  guint             code);
GListModel *pc_checklist_panel_get_items         (PcChecklistPanel *self);
GtkPaned   *pc_checklist_panel_get_paned         (PcChecklistPanel *self);
GListModel *pc_checklist_panel_get_evidence      (PcChecklistPanel *self);
void        pc_checklist_panel_activate_evidence (PcChecklistPanel *self,
                                                  guint             position);

G_END_DECLS

/* pc-annotate-popover.h — pick the outline item, kind, severity, comment and fix of an
 * annotation; saving goes through the window's win.annotate action.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-annotation.h"
#include "pc-checklist.h"

G_BEGIN_DECLS

/* The parameter of win.annotate: id (0 for a new annotation on the selection), item,
 * kind, severity, comment, fix. */
#define PC_ANNOTATE_PARAM_TYPE "(xuiiss)"

#define PC_TYPE_ANNOTATE_POPOVER (pc_annotate_popover_get_type ())

G_DECLARE_FINAL_TYPE (PcAnnotatePopover, pc_annotate_popover, PC, ANNOTATE_POPOVER, GtkPopover)

PcAnnotatePopover *pc_annotate_popover_new        (void);
void               pc_annotate_popover_set_items  (PcAnnotatePopover *self,
                                                   GListModel        *items,
                                                   PcChecklist       *checklist);
void               pc_annotate_popover_edit       (PcAnnotatePopover *self,
                                                   PcAnnotation      *annotation,
                                                   guint              default_item);
void               pc_annotate_popover_set_query  (PcAnnotatePopover *self,
                                                   const char        *query);
guint              pc_annotate_popover_get_n_matches (PcAnnotatePopover *self);
GVariant          *pc_annotate_popover_dup_params (PcAnnotatePopover *self);
void               pc_annotate_popover_save       (PcAnnotatePopover *self);

G_END_DECLS

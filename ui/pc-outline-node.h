/* pc-outline-node.h — one row of the outline tree: a chapter (part) or an item.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-checklist.h"

G_BEGIN_DECLS

#define PC_TYPE_OUTLINE_NODE (pc_outline_node_get_type ())

G_DECLARE_FINAL_TYPE (PcOutlineNode, pc_outline_node, PC, OUTLINE_NODE, GObject)

PcOutlineNode *pc_outline_node_new_part      (const PcChecklistChapter *chapter);
PcOutlineNode *pc_outline_node_new_item      (const PcChecklistItem    *item);
gboolean       pc_outline_node_is_part       (PcOutlineNode            *self);
guint          pc_outline_node_get_code      (PcOutlineNode            *self);
guint          pc_outline_node_get_chapter   (PcOutlineNode            *self);
const char    *pc_outline_node_get_title     (PcOutlineNode            *self);
GListModel    *pc_outline_node_get_children  (PcOutlineNode            *self);
void           pc_outline_node_append        (PcOutlineNode            *self,
                                              PcOutlineNode            *child);
void           pc_outline_node_set_status    (PcOutlineNode            *self,
                                              const char               *icon_name,
                                              const char               *badge,
                                              const char               *points);
const char    *pc_outline_node_get_badge     (PcOutlineNode            *self);
const char    *pc_outline_node_get_icon_name (PcOutlineNode            *self);

G_END_DECLS

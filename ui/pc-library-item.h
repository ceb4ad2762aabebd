/* pc-library-item.h — one report of the library, with how far its review is.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-report.h"

G_BEGIN_DECLS

#define PC_TYPE_LIBRARY_ITEM (pc_library_item_get_type ())

G_DECLARE_FINAL_TYPE (PcLibraryItem, pc_library_item, PC, LIBRARY_ITEM, GObject)

PcLibraryItem *pc_library_item_new          (PcReport      *report);
PcReport      *pc_library_item_get_report   (PcLibraryItem *self);
const char    *pc_library_item_get_progress (PcLibraryItem *self);
void           pc_library_item_set_progress (PcLibraryItem *self,
                                             const char    *progress);

G_END_DECLS

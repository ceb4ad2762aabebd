/* pc-section.h — one numbered part of a report: 一、 / （一） / 1.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_SECTION (pc_section_get_type ())

G_DECLARE_FINAL_TYPE (PcSection, pc_section, PC, SECTION, GObject)

typedef enum
{
  PC_SECTION_FLAG_NONE           = 0,
  PC_SECTION_FLAG_NUMBER_MISSING = 1 << 0,  /* written "()" with no number */
  PC_SECTION_FLAG_INLINE         = 1 << 1,  /* heading runs on inside a paragraph */
} PcSectionFlags;

PcSection      *pc_section_new             (guint           level,
                                            guint           number,
                                            const char     *label,
                                            const char     *title);
guint           pc_section_get_level       (PcSection      *self);
guint           pc_section_get_number      (PcSection      *self);
const char     *pc_section_get_label       (PcSection      *self);
const char     *pc_section_get_title       (PcSection      *self);
PcSectionFlags  pc_section_get_flags       (PcSection      *self);
void            pc_section_set_flags       (PcSection      *self,
                                            PcSectionFlags  flags);
PcRange         pc_section_get_range       (PcSection      *self);
void            pc_section_set_range       (PcSection      *self,
                                            PcRange         range);
PcRange         pc_section_get_heading     (PcSection      *self);
void            pc_section_set_heading     (PcSection      *self,
                                            PcRange         heading);
const char     *pc_section_get_path        (PcSection      *self);
void            pc_section_set_path        (PcSection      *self,
                                            const char     *path);
GListModel     *pc_section_get_children    (PcSection      *self);
guint           pc_section_get_n_children  (PcSection      *self);
PcSection      *pc_section_get_child       (PcSection      *self,
                                            guint           position);
void            pc_section_append_child    (PcSection      *self,
                                            PcSection      *child);
char           *pc_section_dup_display     (PcSection      *self);

G_END_DECLS

/* pc-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PC_TYPE_APPLICATION (pc_application_get_type ())

G_DECLARE_FINAL_TYPE (PcApplication, pc_application, PC, APPLICATION, AdwApplication)

PcApplication  *pc_application_new                (void);
GSettings      *pc_application_get_settings       (PcApplication *self);
void            pc_application_open_samples       (PcApplication *self);
char           *pc_application_dup_samples_path   (void);
char          **pc_application_dup_sample_files   (void);
gboolean        pc_application_is_uninstalled     (void);

G_END_DECLS

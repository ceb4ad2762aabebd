/* pc-preferences-window.h — reviewer name, checklist version, required parts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-review-marks.h"

G_BEGIN_DECLS

#define PC_TYPE_PREFERENCES_WINDOW (pc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PcPreferencesWindow, pc_preferences_window, PC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

PcPreferencesWindow *pc_preferences_window_new              (GtkWindow           *parent,
                                                             PcReviewMarks       *marks);
void                 pc_preferences_window_import_checklist (PcPreferencesWindow *self,
                                                             const char          *path);
GListModel          *pc_preferences_window_get_versions     (PcPreferencesWindow *self);
void                 pc_preferences_window_choose_version   (PcPreferencesWindow *self,
                                                             guint                position);

G_END_DECLS

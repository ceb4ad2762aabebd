/* pc-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-application.h"
#include "pc-review-marks.h"

G_BEGIN_DECLS

#define PC_TYPE_WINDOW (pc_window_get_type ())

G_DECLARE_FINAL_TYPE (PcWindow, pc_window, PC, WINDOW, AdwApplicationWindow)

PcWindow   *pc_window_new               (PcApplication      *application);
const char *pc_window_get_project_path  (PcWindow           *self);
void        pc_window_open_project      (PcWindow           *self,
                                         const char         *path,
                                         const char * const *seed_paths);
void        pc_window_import            (PcWindow           *self,
                                         const char * const *paths);
gboolean    pc_window_get_busy          (PcWindow           *self);
PcReviewMarks *pc_window_get_marks      (PcWindow           *self);

G_END_DECLS

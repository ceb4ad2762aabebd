/* pc-window-private.h — for tests: the window's models and views.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-window.h"

G_BEGIN_DECLS

GListModel    *_pc_window_get_reports          (PcWindow *self);
GListModel    *_pc_window_get_sections         (PcWindow *self);
GtkTextBuffer *_pc_window_get_text_buffer      (PcWindow *self);
GtkTextView   *_pc_window_get_text_view        (PcWindow *self);
const char    *_pc_window_get_visible_page     (PcWindow *self);
void           _pc_window_select_report        (PcWindow *self,
                                                guint     position);
void           _pc_window_activate_section     (PcWindow *self,
                                                guint     position);

G_END_DECLS

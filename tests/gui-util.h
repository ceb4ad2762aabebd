/* gui-util.h — what the widget tests share: waiting on the main loop, temp projects,
 * finding a report in the library, screenshots.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-window-private.h"

G_BEGIN_DECLS

#define GUI_WAIT_MS 30000

typedef gboolean (*GuiCondition) (PcWindow *window);

gboolean gui_wait_for        (PcWindow     *window,
                              GuiCondition  condition);
void     gui_settle_for      (guint         ms);
void     gui_remove_project  (const char   *path);
guint    gui_find_report     (PcWindow     *window,
                              const char   *stem);
void     gui_save_screenshot (GtkWidget    *widget,
                              const char   *name);

G_END_DECLS

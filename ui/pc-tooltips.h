/* pc-tooltips.h — tooltips as one line when they fit, in place of GTK 4.8's, which break
 * Chinese after every character or two.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The widest a tooltip grows before it wraps, in pixels: about 25 Chinese characters. */
#define PC_TOOLTIP_MAX_WIDTH 360

void       pc_tooltips_init      (void);
GtkWidget *pc_tooltips_get_label (GtkWidget *widget);

G_END_DECLS

/* pc-extract-private.h — shared by the pc-extract*.c files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _pc_extract_contains_bytes (const guint8 *data,
                                     gsize         len,
                                     const char   *needle,
                                     gsize         needle_len);

G_END_DECLS

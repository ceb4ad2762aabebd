/* pc-textutil.c — STUB, to be written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-textutil"

#include "config.h"

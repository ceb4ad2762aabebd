/* pc-report-private.h — for the reader only.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-report.h"

G_BEGIN_DECLS

void _pc_report_replace_text (PcReport   *self,
                              const char *text);

G_END_DECLS

/* pc-reader.h — read extracted text into a PcReport: clean page chrome, metadata,
 * section tree, required parts and form findings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-extract.h"
#include "pc-report.h"

G_BEGIN_DECLS

/* Reads @text (UTF-8, one paragraph per line, as pc_extract_*() produce) into a report.
 * The report's clean text keeps the report's own characters; only page chrome and blank
 * lines are dropped. */
PcReport *pc_reader_read            (const char     *text,
                                     GError        **error);
PcReport *pc_reader_read_extraction (PcExtraction   *extraction,
                                     const char     *source_name,
                                     GError        **error);
PcReport *pc_reader_read_file       (const char     *path,
                                     GCancellable   *cancellable,
                                     GError        **error);
void      pc_reader_recheck_dates   (PcReport       *report);

G_END_DECLS

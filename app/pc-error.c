/* pc-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-error"

#include "config.h"

#include "pc-error.h"
#include "pc-types.h"

G_DEFINE_QUARK (pc-import-error-quark, pc_import_error)
G_DEFINE_QUARK (pc-project-error-quark, pc_project_error)

static const char *format_names[] = {
  [PC_SOURCE_FORMAT_UNKNOWN] = "unknown",
  [PC_SOURCE_FORMAT_TEXT] = "txt",
  [PC_SOURCE_FORMAT_HTML] = "html",
  [PC_SOURCE_FORMAT_DOCX] = "docx",
  [PC_SOURCE_FORMAT_PDF] = "pdf",
};

const char *
pc_source_format_to_string (PcSourceFormat format)
{
  g_return_val_if_fail (format <= PC_SOURCE_FORMAT_PDF, "unknown");
  return format_names[format];
}

PcSourceFormat
pc_source_format_from_string (const char *str)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (str, format_names[i]) == 0)
      return (PcSourceFormat) i;
  return PC_SOURCE_FORMAT_UNKNOWN;
}

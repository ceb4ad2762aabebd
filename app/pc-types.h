/* pc-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PcReport  PcReport;
typedef struct _PcSection PcSection;
typedef struct _PcFinding PcFinding;
typedef struct _PcPart    PcPart;
typedef struct _PcProject PcProject;

typedef enum
{
  PC_SOURCE_FORMAT_UNKNOWN,
  PC_SOURCE_FORMAT_TEXT,
  PC_SOURCE_FORMAT_HTML,
  PC_SOURCE_FORMAT_DOCX,
  PC_SOURCE_FORMAT_PDF,
} PcSourceFormat;

const char     *pc_source_format_to_string   (PcSourceFormat  format);
PcSourceFormat  pc_source_format_from_string (const char     *str);

/* Offsets into a report's clean text are in characters (Unicode code points), never bytes. */
typedef struct
{
  guint start;
  guint end;
} PcRange;

G_END_DECLS

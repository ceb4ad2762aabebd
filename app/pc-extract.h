/* pc-extract.h — turn a downloaded file into UTF-8 text, one paragraph per line.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* Larger than any real annual report by a wide margin; beyond these we refuse with
 * PC_IMPORT_ERROR_TOO_LARGE instead of reading it all into memory. */
#define PC_EXTRACT_MAX_TEXT_FILE_BYTES   (16 * 1024 * 1024)
#define PC_EXTRACT_MAX_BINARY_FILE_BYTES (128 * 1024 * 1024)
#define PC_EXTRACT_MAX_TEXT_CHARS        (4 * 1024 * 1024)

typedef struct
{
  PcSourceFormat  format;
  char           *text;          /* UTF-8, paragraphs separated by '\n', no NUL */
  char           *encoding;      /* what the bytes were decoded from, e.g. "UTF-8", "GB18030"; NULL for docx/pdf */
  char           *content_hash;  /* SHA-256 hex of the file's bytes */
} PcExtraction;

void          pc_extraction_free  (PcExtraction  *extraction);

PcSourceFormat pc_extract_sniff   (const guint8  *data,
                                   gsize          len,
                                   const char    *filename);
PcExtraction *pc_extract_bytes    (GBytes        *bytes,
                                   const char    *filename,
                                   GCancellable  *cancellable,
                                   GError       **error);
PcExtraction *pc_extract_file     (const char    *path,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Per format. Each returns newly allocated UTF-8 text or NULL with a PC_IMPORT_ERROR. */
char *pc_extract_text (const guint8  *data,
                       gsize          len,
                       char         **encoding,
                       GError       **error);
char *pc_extract_html (const guint8  *data,
                       gsize          len,
                       char         **encoding,
                       GError       **error);
char *pc_extract_docx (const guint8  *data,
                       gsize          len,
                       GError       **error);
char *pc_extract_pdf  (const guint8  *data,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcExtraction, pc_extraction_free)

G_END_DECLS

/* pc-reader-private.h — what the reader's stages share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-reader.h"
#include "pc-textutil.h"

G_BEGIN_DECLS

typedef struct
{
  /* The clean text as code points, and a folded copy of the same length for parsing. */
  gunichar  *chars;
  gunichar  *norm;
  guint      len;
  GArray    *lines;          /* PcRange: one per paragraph of the clean text */

  /* Metadata carried by page chrome that was dropped from the clean text. */
  char      *meta_published;
  char      *meta_source;
  char      *meta_doc_number;
  char      *meta_title;

  /* Set by the metadata stage. */
  guint      body_start;     /* first character of the report body (after title, number, addressee) */
  guint      body_end;       /* where the signature block starts, or len */
  gboolean   inline_mode;    /* the body has (almost) no paragraph breaks */

  PcReport  *report;
} PcReadContext;

/* pc-reader.c */
char     *_pc_reader_strip_chrome  (const char     *text,
                                    PcReadContext  *ctx);
gboolean  _pc_reader_is_boundary   (PcReadContext  *ctx,
                                    guint           pos);
guint     _pc_reader_line_of       (PcReadContext  *ctx,
                                    guint           pos);

/* pc-reader-meta.c */
void      _pc_reader_read_metadata (PcReadContext  *ctx);

/* pc-reader-sections.c */
void      _pc_reader_read_sections (PcReadContext  *ctx);

/* pc-reader-form.c */
void      _pc_reader_check_form    (PcReadContext  *ctx);

G_END_DECLS

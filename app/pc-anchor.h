/* pc-anchor.h — capturing an annotation's quote and context, and finding it again in a
 * changed text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

typedef enum
{
  PC_ANCHOR_EXACT,     /* the quote is still at the stored offsets */
  PC_ANCHOR_CONTEXT,   /* the quote was found elsewhere; its context chose among occurrences */
  PC_ANCHOR_FUZZY,     /* a slightly different passage is the most similar to the quote */
  PC_ANCHOR_ORPHANED,  /* nothing in the text is close enough */
} PcAnchorMatch;

/* The lowest character similarity (0–1) a passage needs to be taken as an edited quote. */
#define PC_ANCHOR_FUZZY_THRESHOLD 0.7

typedef struct _PcAnchorText PcAnchorText;

/* How the annotations of a report were found again in a new version of its text. */
typedef struct
{
  guint exact;
  guint context;
  guint fuzzy;
  guint orphaned;
} PcReanchorSummary;

void           pc_reanchor_summary_count (PcReanchorSummary  *summary,
                                          PcAnchorMatch       match);

PcAnchorText  *pc_anchor_text_new      (const char          *text);
void           pc_anchor_text_free     (PcAnchorText        *self);
guint          pc_anchor_text_length   (const PcAnchorText  *self);

gboolean       pc_anchor_capture       (const PcAnchorText  *text,
                                        PcRange              range,
                                        guint                context_chars,
                                        char               **out_quote,
                                        char               **out_before,
                                        char               **out_after);
PcAnchorMatch  pc_anchor_locate        (const PcAnchorText  *text,
                                        PcRange              old_range,
                                        const char          *quote,
                                        const char          *before,
                                        const char          *after,
                                        PcRange             *out_range,
                                        double              *out_score);
PcAnchorMatch  pc_anchor_locate_utf8   (const char          *text,
                                        PcRange              old_range,
                                        const char          *quote,
                                        const char          *before,
                                        const char          *after,
                                        PcRange             *out_range);
const char    *pc_anchor_match_to_string (PcAnchorMatch      match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcAnchorText, pc_anchor_text_free)

G_END_DECLS

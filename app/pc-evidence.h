/* pc-evidence.h — how strong the evidence for an item is: quantified statements and named
 * instruments count, bare slogans hardly.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint   sentences;    /* distinct sentences looked at */
  guint   quantified;   /* sentences with a number and a unit: 32件, 1.5万元, 93.8% */
  guint   instruments;  /* sentences naming an instrument 《…》 (and not quantified) */
  guint   bare;         /* the rest: statements without facts */
  double  strength;     /* 0–1 */
} PcEvidenceStrength;

gboolean pc_evidence_is_quantified    (const gunichar     *text,
                                       PcRange             sentence);
gboolean pc_evidence_has_instrument   (const gunichar     *text,
                                       PcRange             sentence);
void     pc_evidence_assess           (const gunichar     *text,
                                       const PcRange      *sentences,
                                       guint               n_sentences,
                                       PcEvidenceStrength *out);
double   pc_evidence_strength_for     (guint               quantified,
                                       guint               instruments,
                                       guint               bare);

G_END_DECLS

/* pc-scoring.h — ratings to points: item ratings by weight, form deductions, total and grade.
 * Pure functions over a checklist; nothing here reads a report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-annotation.h"
#include "pc-checklist.h"
#include "pc-evidence.h"

G_BEGIN_DECLS

typedef enum
{
  PC_RATING_UNSET = 0,        /* no reviewer override */
  PC_RATING_FULL,             /* 充分 */
  PC_RATING_PARTIAL,          /* 部分 */
  PC_RATING_ABSENT,           /* 未体现 */
  PC_RATING_NOT_APPLICABLE,   /* 不适用: out of the denominator */
} PcRating;

typedef struct
{
  guint     code;
  PcRating  rating;      /* the effective rating: override, else proposed */
  double    points;
  double    max_points;  /* after rescaling the block over its applicable items; 0 when N/A */
} PcItemScore;

typedef struct
{
  double      total;        /* 0–100 */
  const char *grade;        /* owned by the checklist */
  double      items_points;
  double      items_max;
  double      form_points;
  double      form_max;
  guint       n_items;
  PcItemScore items[];      /* by code - 1 */
} PcScore;

const char *pc_rating_to_string       (PcRating            rating);
PcRating    pc_rating_from_string     (const char         *str);
const char *pc_rating_label           (PcRating            rating);
double      pc_rating_factor          (PcRating            rating);
PcRating    pc_rating_resolve         (PcRating            proposed,
                                       PcRating            override);

PcRating    pc_scoring_propose        (gboolean            applicable,
                                       gboolean            suggested,
                                       double              confidence,
                                       double              strength);
double      pc_scoring_form_points    (PcChecklist        *checklist,
                                       GPtrArray          *findings);
PcSeverity  pc_scoring_finding_severity (PcChecklist        *checklist,
                                         const char         *code);
PcScore    *pc_scoring_compute        (PcChecklist        *checklist,
                                       const PcRating     *ratings,
                                       guint               n_ratings,
                                       double              form_points);
void        pc_score_free             (PcScore            *score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcScore, pc_score_free)

G_END_DECLS

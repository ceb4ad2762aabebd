/* pc-scoring.c — ratings to points.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-finding.h"
#include "pc-scoring.h"

/* Below this confidence an engine suggestion is at best partial; at or above it, with
 * strong evidence, it is proposed as 充分. */
#define FULL_CONFIDENCE 0.7
#define FULL_STRENGTH   0.5

static const struct
{
  PcRating    rating;
  const char *id;
  const char *label;
} ratings[] = {
  { PC_RATING_FULL, "full", N_("Fully addressed") },
  { PC_RATING_PARTIAL, "partial", N_("Partly addressed") },
  { PC_RATING_ABSENT, "absent", N_("Not addressed") },
  { PC_RATING_NOT_APPLICABLE, "not-applicable", N_("Not applicable") },
};

/**
 * pc_rating_to_string:
 *
 * Returns: the stable id stored in projects and printed as JSON ("full", "partial",
 *   "absent", "not-applicable"), or %NULL for %PC_RATING_UNSET
 */
const char *
pc_rating_to_string (PcRating rating)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (ratings[i].rating == rating)
      return ratings[i].id;
  return NULL;
}

PcRating
pc_rating_from_string (const char *str)
{
  for (guint i = 0; str && i < G_N_ELEMENTS (ratings); i++)
    if (g_str_equal (ratings[i].id, str))
      return ratings[i].rating;
  return PC_RATING_UNSET;
}

/* The reviewer's word for a rating (充分 / 部分 / 未体现 / 不适用 once translated). */
const char *
pc_rating_label (PcRating rating)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (ratings[i].rating == rating)
      return _(ratings[i].label);
  return "";
}

double
pc_rating_factor (PcRating rating)
{
  switch (rating)
    {
    case PC_RATING_FULL:
      return 1.0;
    case PC_RATING_PARTIAL:
      return 0.5;
    case PC_RATING_UNSET:
    case PC_RATING_ABSENT:
    case PC_RATING_NOT_APPLICABLE:
    default:
      return 0.0;
    }
}

PcRating
pc_rating_resolve (PcRating proposed,
                   PcRating override)
{
  return override != PC_RATING_UNSET ? override : proposed;
}

/**
 * pc_scoring_propose:
 *
 * The engine's proposal for one item: 充分 needs a confident suggestion backed by facts,
 * any suggestion is at least 部分, no suggestion is 未体现.
 */
PcRating
pc_scoring_propose (gboolean applicable,
                    gboolean suggested,
                    double   confidence,
                    double   strength)
{
  if (!applicable)
    return PC_RATING_NOT_APPLICABLE;
  if (!suggested)
    return PC_RATING_ABSENT;
  if (confidence >= FULL_CONFIDENCE && strength >= FULL_STRENGTH)
    return PC_RATING_FULL;
  return PC_RATING_PARTIAL;
}

/**
 * pc_scoring_form_points:
 * @findings: (element-type PcFinding): the report's form findings
 *
 * The form block's points: its maximum less the checklist's deduction for each finding,
 * never below zero.
 */
double
pc_scoring_form_points (PcChecklist *checklist,
                        GPtrArray   *findings)
{
  double points;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), 0);

  points = pc_checklist_get_form_max_points (checklist);
  for (guint i = 0; findings && i < findings->len; i++)
    {
      PcFinding *finding = g_ptr_array_index (findings, i);

      points -= pc_checklist_get_deduction_points (checklist, finding->code);
    }
  return MAX (points, 0.0);
}

/**
 * pc_scoring_finding_severity:
 *
 * How grave a form finding is, by what it costs under @checklist: a missing part or a date
 * out of the period (2 points or more) is high, a missing title, date or heading number (1)
 * medium, a slip in an enumeration or the punctuation low. The register and the workbook
 * both say so.
 */
PcSeverity
pc_scoring_finding_severity (PcChecklist *checklist,
                             const char  *code)
{
  double deduction;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), PC_SEVERITY_NONE);

  deduction = pc_checklist_get_deduction_points (checklist, code);
  if (deduction >= 2)
    return PC_SEVERITY_HIGH;
  if (deduction >= 1)
    return PC_SEVERITY_MEDIUM;
  return deduction > 0 ? PC_SEVERITY_LOW : PC_SEVERITY_NONE;
}

/* Sum of the weights of the items of each block that are still applicable. */
static void
sum_block_weights (PcChecklist    *checklist,
                   const PcRating *effective,
                   double         *sums)
{
  guint n = pc_checklist_get_n_items (checklist);

  for (guint i = 0; i < n; i++)
    if (effective[i] != PC_RATING_NOT_APPLICABLE)
      sums[pc_checklist_get_item_block_index (checklist, i)] += pc_checklist_get_item (checklist, i)->weight;
}

/**
 * pc_scoring_compute:
 * @ratings: (array length=n_ratings): effective ratings by code - 1; %PC_RATING_UNSET
 *   counts as 未体现. Items beyond @n_ratings count as 未体现 too.
 * @form_points: from pc_scoring_form_points(), or a reviewer's figure
 *
 * Each block keeps its points: they are shared out by weight among the block's items that
 * are not 不适用. A block with no applicable item leaves the denominator, and the total is
 * rescaled to 100 over what remains.
 *
 * Returns: (transfer full): the score
 */
PcScore *
pc_scoring_compute (PcChecklist    *checklist,
                    const PcRating *ratings_in,
                    guint           n_ratings,
                    double          form_points)
{
  guint n = pc_checklist_get_n_items (checklist);
  guint n_blocks = pc_checklist_get_n_blocks (checklist);
  g_autofree PcRating *effective = g_new0 (PcRating, n);
  g_autofree double *sums = g_new0 (double, n_blocks);
  PcScore *score = g_malloc0 (sizeof (PcScore) + n * sizeof (PcItemScore));
  double possible;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), score);

  for (guint i = 0; i < n; i++)
    effective[i] = i < n_ratings && ratings_in[i] != PC_RATING_UNSET ? ratings_in[i] : PC_RATING_ABSENT;
  sum_block_weights (checklist, effective, sums);

  score->n_items = n;
  for (guint i = 0; i < n; i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);
      guint block = pc_checklist_get_item_block_index (checklist, i);
      PcItemScore *s = &score->items[i];

      s->code = item->code;
      s->rating = effective[i];
      if (effective[i] != PC_RATING_NOT_APPLICABLE && sums[block] > 0)
        s->max_points = pc_checklist_get_block (checklist, block)->points * item->weight / sums[block];
      s->points = s->max_points * pc_rating_factor (effective[i]);
      score->items_points += s->points;
      score->items_max += s->max_points;
    }

  score->form_max = pc_checklist_get_form_max_points (checklist);
  score->form_points = CLAMP (form_points, 0.0, score->form_max);
  possible = score->items_max + score->form_max;
  score->total = possible > 0 ? 100.0 * (score->items_points + score->form_points) / possible : 0;
  score->grade = pc_checklist_grade_for (checklist, score->total);
  return score;
}

void
pc_score_free (PcScore *score)
{
  g_free (score);
}

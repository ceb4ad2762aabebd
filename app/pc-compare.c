/* pc-compare.c — two reviews side by side.
 *
 * Reviewers read an agency's report against the year before (did the shortcomings named
 * last year get rectified, which items gained or lost ground) and one agency's against
 * another's. Both scores come from the same checklist, so the rows line up item by item;
 * a chapter row sums its items, and the form row holds the form block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-compare"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pc-compare.h"

/* Points closer than this are the same: the display shows two decimals. */
#define SAME_POINTS 0.005

static void
clear_row (gpointer data)
{
  PcCompareRow *row = data;

  g_free (row->label);
}

static void
add_item_row (PcComparison          *comparison,
              const PcChecklistItem *item,
              const PcScore         *scores[2])
{
  PcCompareRow row = { PC_COMPARE_ROW_ITEM, item->code, NULL, { 0 }, { 0 }, { 0 } };

  row.label = g_strdup_printf ("%u %s", item->code, item->title);
  for (guint side = 0; side < 2; side++)
    {
      const PcItemScore *score = &scores[side]->items[item->code - 1];

      row.rating[side] = score->rating;
      row.points[side] = score->points;
      row.max_points[side] = score->max_points;
    }
  g_array_append_val (comparison->rows, row);
  switch (pc_compare_row_change (&row))
    {
    case PC_COMPARE_BETTER:
      comparison->n_better++;
      break;
    case PC_COMPARE_WORSE:
      comparison->n_worse++;
      break;
    case PC_COMPARE_SAME:
    default:
      break;
    }
}

/**
 * pc_comparison_new:
 * @first: the score of the report compared against (last year's, say)
 * @second: the score of the report compared
 *
 * Both scores must come from @checklist.
 */
PcComparison *
pc_comparison_new (PcChecklist   *checklist,
                   const PcScore *first,
                   const PcScore *second)
{
  const PcScore *scores[2] = { first, second };
  PcComparison *comparison;
  guint n_items, n_chapters;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (first != NULL && second != NULL, NULL);

  n_items = pc_checklist_get_n_items (checklist);
  g_return_val_if_fail (first->n_items == n_items && second->n_items == n_items, NULL);

  comparison = g_new0 (PcComparison, 1);
  comparison->rows = g_array_new (FALSE, TRUE, sizeof (PcCompareRow));
  g_array_set_clear_func (comparison->rows, clear_row);
  n_chapters = pc_checklist_get_n_chapters (checklist);

  for (guint c = 0; c < n_chapters; c++)
    {
      const PcChecklistChapter *chapter = pc_checklist_get_chapter (checklist, c);
      PcCompareRow heading = { PC_COMPARE_ROW_CHAPTER, chapter->number, NULL, { 0 }, { 0 }, { 0 } };
      guint at = comparison->rows->len;

      heading.label = g_strdup_printf ("%s、%s", chapter->label, chapter->title);
      g_array_append_val (comparison->rows, heading);
      for (guint i = 0; i < n_items; i++)
        {
          const PcChecklistItem *item = pc_checklist_get_item (checklist, i);
          PcCompareRow *sum;

          if (item->chapter != chapter->number || item->code < 1 || item->code > n_items)
            continue;
          add_item_row (comparison, item, scores);
          sum = &g_array_index (comparison->rows, PcCompareRow, at);
          for (guint side = 0; side < 2; side++)
            {
              sum->points[side] += scores[side]->items[item->code - 1].points;
              sum->max_points[side] += scores[side]->items[item->code - 1].max_points;
            }
        }
    }

  {
    PcCompareRow form = { PC_COMPARE_ROW_FORM, 0, g_strdup (_("Report form")), { 0 }, { 0 }, { 0 } };

    for (guint side = 0; side < 2; side++)
      {
        form.points[side] = scores[side]->form_points;
        form.max_points[side] = scores[side]->form_max;
        comparison->total[side] = scores[side]->total;
        comparison->grade[side] = g_strdup (scores[side]->grade);
      }
    g_array_append_val (comparison->rows, form);
  }
  return comparison;
}

void
pc_comparison_free (PcComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_pointer (&comparison->rows, g_array_unref);
  g_free (comparison->grade[0]);
  g_free (comparison->grade[1]);
  g_free (comparison);
}

/**
 * pc_compare_row_change:
 *
 * Whether the second report does better, worse or the same on @row: by points, and for an
 * item by its rating where the points are equal (partial over absent when both weigh 0,
 * say); an item that applies to only one of them is no change.
 */
PcCompareChange
pc_compare_row_change (const PcCompareRow *row)
{
  double delta = row->points[1] - row->points[0];

  if (row->kind == PC_COMPARE_ROW_ITEM &&
      (row->rating[0] == PC_RATING_NOT_APPLICABLE || row->rating[1] == PC_RATING_NOT_APPLICABLE))
    return PC_COMPARE_SAME;
  if (fabs (delta) >= SAME_POINTS)
    return delta > 0 ? PC_COMPARE_BETTER : PC_COMPARE_WORSE;
  if (row->kind == PC_COMPARE_ROW_ITEM && row->rating[0] != row->rating[1])
    return pc_rating_factor (row->rating[1]) > pc_rating_factor (row->rating[0])
           ? PC_COMPARE_BETTER : PC_COMPARE_WORSE;
  return PC_COMPARE_SAME;
}

/**
 * pc_compare_same_agency:
 *
 * Agencies are written with and without their city ("浦东新区应急管理局" and
 * "上海市浦东新区应急管理局"): one name ending the other is the same agency.
 */
gboolean
pc_compare_same_agency (PcReport *a,
                        PcReport *b)
{
  const char *x, *y;

  g_return_val_if_fail (PC_IS_REPORT (a) && PC_IS_REPORT (b), FALSE);

  x = pc_report_get_agency (a);
  y = pc_report_get_agency (b);
  if (x == NULL || y == NULL || *x == '\0' || *y == '\0')
    return FALSE;
  return g_str_has_suffix (x, y) || g_str_has_suffix (y, x);
}

/**
 * pc_compare_pick_counterpart:
 * @reports: (element-type PcReport): the reports to choose from; @report may be among them
 *
 * The report a reviewer most likely compares @report with: the same agency's report of the
 * latest earlier year; else the same agency's of the nearest later year; else another
 * agency's of the same year (a peer); else another agency's of the latest earlier year;
 * else the first other report. A later year of another agency is never preferred, so
 * that what the comparison calls better or worse does not run backwards in time.
 *
 * Returns: the index in @reports, or -1 when there is no other report
 */
int
pc_compare_pick_counterpart (GPtrArray *reports,
                             PcReport  *report)
{
  guint year = pc_report_get_year (report);
  int earlier = -1, later = -1, peer = -1, before = -1, other = -1;

  for (guint i = 0; i < reports->len; i++)
    {
      PcReport *candidate = g_ptr_array_index (reports, i);
      guint y = pc_report_get_year (candidate);

      if (candidate == report || pc_report_get_id (candidate) == pc_report_get_id (report))
        continue;
      if (other < 0)
        other = (int) i;
      if (!pc_compare_same_agency (candidate, report))
        {
          if (y == year && peer < 0)
            peer = (int) i;
          else if (y < year && (before < 0 ||
                                y > pc_report_get_year (g_ptr_array_index (reports, before))))
            before = (int) i;
          continue;
        }
      if (y < year && (earlier < 0 ||
                       y > pc_report_get_year (g_ptr_array_index (reports, earlier))))
        earlier = (int) i;
      else if (y >= year && (later < 0 ||
                             y < pc_report_get_year (g_ptr_array_index (reports, later))))
        later = (int) i;
    }
  if (earlier >= 0)
    return earlier;
  if (later >= 0)
    return later;
  if (peer >= 0)
    return peer;
  return before >= 0 ? before : other;
}

/* pc-compare.h — two reviews side by side: an agency's report against another year's, or
 * two agencies' reports, item by item and part by part.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-checklist.h"
#include "pc-report.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

typedef enum
{
  PC_COMPARE_ROW_CHAPTER,  /* a part of the outline: its items' points summed */
  PC_COMPARE_ROW_ITEM,
  PC_COMPARE_ROW_FORM,     /* the report form */
} PcCompareRowKind;

typedef enum
{
  PC_COMPARE_SAME,
  PC_COMPARE_BETTER,       /* the second report does better */
  PC_COMPARE_WORSE,
} PcCompareChange;

typedef struct
{
  PcCompareRowKind kind;
  guint            code;        /* the item's code, the chapter's number; 0 for the form */
  char            *label;       /* “3 总体目标”, “一、深入学习贯彻…”, “报告形式” */
  PcRating         rating[2];   /* items only */
  double           points[2];
  double           max_points[2];
} PcCompareRow;

typedef struct
{
  GArray *rows;        /* PcCompareRow: each chapter, then its items; the form last */
  double  total[2];
  char   *grade[2];
  guint   n_better;    /* items the second report does better on */
  guint   n_worse;
} PcComparison;

PcComparison    *pc_comparison_new        (PcChecklist        *checklist,
                                           const PcScore      *first,
                                           const PcScore      *second);
void             pc_comparison_free       (PcComparison       *comparison);
PcCompareChange  pc_compare_row_change    (const PcCompareRow *row);
int              pc_compare_pick_counterpart (GPtrArray       *reports,
                                              PcReport        *report);
gboolean         pc_compare_same_agency   (PcReport           *a,
                                           PcReport           *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcComparison, pc_comparison_free)

G_END_DECLS

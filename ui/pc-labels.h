/* pc-labels.h — what the window shows for reports and sections, computed without widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-compare.h"
#include "pc-report.h"

G_BEGIN_DECLS

/* One heading to style in the report text: a CHARACTER range, as PcRange always is. */
typedef struct
{
  PcSection *section;         /* (unowned) */
  PcRange    range;
  guint      level;
  gboolean   number_missing;
} PcHeadingSpan;

char      *pc_labels_report_title       (PcReport   *report);
char      *pc_labels_report_name        (PcReport   *report);
char      *pc_labels_report_year        (PcReport   *report);
char      *pc_labels_report_subtitle    (PcReport   *report);
char      *pc_labels_report_sections    (PcReport   *report);
char      *pc_labels_format_date        (const char *iso_date);
char      *pc_labels_section_text       (PcSection  *section);
char      *pc_labels_section_tooltip    (PcSection  *section);
gboolean   pc_labels_section_is_marked  (PcSection  *section);
char      *pc_labels_project_name       (const char *path,
                                         const char *samples_path);
char      *pc_labels_project_subtitle   (guint       n_reports);
char      *pc_labels_compare_cell       (const PcCompareRow *row,
                                         guint               side);
char      *pc_labels_compare_change     (const PcCompareRow *row);
char      *pc_labels_compare_summary    (const PcComparison *comparison);
char      *pc_labels_compare_note       (PcReport           *first,
                                         PcReport           *second);
GArray    *pc_labels_heading_spans      (PcReport   *report);
char      *pc_labels_phrases            (const char * const *phrases);

G_END_DECLS

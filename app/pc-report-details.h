/* pc-report-details.h — what a reviewer may correct of a report's reading: its title,
 * agency, year, publication date and document number.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project.h"
#include "pc-report.h"

G_BEGIN_DECLS

typedef struct
{
  char  *title;       /* nullable */
  char  *agency;      /* nullable */
  guint  year;        /* 0: unknown */
  char  *published;   /* nullable; YYYY-MM-DD */
  char  *doc_number;  /* nullable */
} PcReportDetails;

/* The details a reviewer corrected, as stored with the report. */
typedef enum
{
  PC_REPORT_DETAILS_TITLE      = 1 << 0,
  PC_REPORT_DETAILS_AGENCY     = 1 << 1,
  PC_REPORT_DETAILS_YEAR       = 1 << 2,
  PC_REPORT_DETAILS_PUBLISHED  = 1 << 3,
  PC_REPORT_DETAILS_DOC_NUMBER = 1 << 4,
} PcReportDetailsField;

/* What pc_report_details_new_from_text() could not read. */
typedef enum
{
  PC_REPORT_DETAILS_VALID     = 0,
  PC_REPORT_DETAILS_BAD_YEAR  = 1 << 0,
  PC_REPORT_DETAILS_BAD_DATE  = 1 << 1,
} PcReportDetailsProblem;

PcReportDetails *pc_report_details_new_from_text   (const char            *title,
                                                    const char            *agency,
                                                    const char            *year,
                                                    const char            *published,
                                                    const char            *doc_number,
                                                    PcReportDetailsProblem *problems);
PcReportDetails *pc_report_details_new_from_report (PcReport              *report);
PcReportDetails *pc_report_details_copy            (const PcReportDetails *details);
void             pc_report_details_free            (PcReportDetails       *details);
gboolean         pc_report_details_equal           (const PcReportDetails *a,
                                                    const PcReportDetails *b);
char            *pc_report_details_parse_date      (const char            *text);
void             pc_report_apply_details           (PcReport              *report,
                                                    const PcReportDetails *details);
gboolean         pc_project_keep_corrections       (PcProject             *project,
                                                    gint64                 report_id,
                                                    PcReport              *revised,
                                                    GError               **error);
PcReportDetails *pc_project_set_report_details     (PcProject             *project,
                                                    gint64                 report_id,
                                                    const PcReportDetails *details,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReportDetails, pc_report_details_free)

G_END_DECLS

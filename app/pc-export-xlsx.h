/* pc-export-xlsx.h — the reviewers' deliverable: an Excel workbook with the summary (汇总),
 * charts (图表), the problem register (问题清单) and one scorecard (评分表) per report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-annotation.h"
#include "pc-checklist.h"
#include "pc-coverage.h"
#include "pc-project.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

#define PC_EXPORT_ERROR (pc_export_error_quark ())

typedef enum
{
  PC_EXPORT_ERROR_WRITE,    /* libxlsxwriter could not write the workbook */
  PC_EXPORT_ERROR_SOURCE,   /* a report could not be loaded or assessed */
  PC_EXPORT_ERROR_EMPTY,    /* there is no report to export */
} PcExportError;

/* Excel's limits. */
#define PC_EXPORT_SHEET_NAME_MAX 31
#define PC_EXPORT_CELL_TEXT_MAX  32767

/* Above this many reports the scorecards go into one sheet (评分明细) instead of one sheet
 * each: a workbook of thousands of tabs cannot be used, and each tab holds a temp file. */
#define PC_EXPORT_DEFAULT_SHEET_LIMIT 1000

/* Called on the exporting thread after each report; @total includes the final assembly. */
typedef void (*PcExportProgressFunc) (guint     done,
                                      guint     total,
                                      gpointer  user_data);

/* One item of a scorecard: plain data, so that a card can outlive its report. */
typedef struct
{
  guint     code;
  guint     chapter;      /* PcChecklistChapter.number */
  char     *title;        /* （一）指导思想 */
  double    weight;
  guint     block;        /* 1-based index of the item's block among the checklist's blocks */
  double    block_points; /* the block's points, shared out over its applicable items */
  double    max_points;
  PcRating  rating;
  double    points;
  char     *sections;     /* evidence: section paths and titles, one a line */
  char     *quotes;       /* evidence: quoted text, one passage a line */
  char     *evidence;     /* the same, one place a line, each with its quotes: "place：quote" */
  char     *problems;     /* problems annotated on the item, one a line */
  char     *fixes;        /* recommended fixes, one a line */
  char     *reviewers;
} PcExportItem;

/* A form finding of a report, with its deduction. */
typedef struct
{
  char     *key;          /* pc_finding_dup_key() */
  char     *code;
  char     *description;
  char     *section;
  char     *quote;
  double    deduction;
  PcStatus  status;
  char     *reviewer;
  char     *note;         /* the reviewer's note in the register */
  char     *problem;      /* what is wrong, in the register's words (“缺少必备内容：…”) */
} PcExportFinding;

/* One row of the problem register. */
typedef struct
{
  char       *section;
  guint       item;       /* 0: not on an outline item */
  char       *item_title;
  char       *quote;
  char       *problem;
  char       *fix;
  PcSeverity  severity;
  PcStatus    status;
  char       *reviewer;
  char       *date;
} PcExportProblem;

/* What the workbook shows of one assessed report; reference-counted. */
typedef struct
{
  gint64      report_id;
  char       *agency;
  guint       year;
  char       *published;
  char       *title;
  GArray     *items;      /* PcExportItem, by code */
  GArray     *findings;   /* PcExportFinding */
  GArray     *problems;   /* PcExportProblem */
  double     *parts;      /* points per chapter, then the form points */
  guint       n_parts;
  double      items_points;
  double      form_points;
  double      form_max;
  double      possible;   /* the points the total is rescaled over (100 unless items are N/A) */
  double      total;
  char       *grade;
} PcExportCard;

/* Above this many reports the workbook is written in libxlsxwriter's constant_memory
 * mode: rows go to disk as they are written. Below it, cells are kept in memory and the
 * strings shared, which is faster and makes a file half the size. */
#define PC_EXPORT_CONSTANT_MEMORY_ABOVE 2000

/* The free space a directory in memory needs to take the temp files of an export. */
#define PC_EXPORT_TEMP_ROOM (256 * 1024 * 1024)

typedef enum
{
  PC_EXPORT_MEMORY_AUTO,      /* constant memory above PC_EXPORT_CONSTANT_MEMORY_ABOVE reports */
  PC_EXPORT_MEMORY_NORMAL,
  PC_EXPORT_MEMORY_CONSTANT,
} PcExportMemory;

typedef struct
{
  guint           sheet_limit;  /* 0: PC_EXPORT_DEFAULT_SHEET_LIMIT */
  PcExportMemory  memory;
  const char     *tmpdir;       /* nullable: pc_export_temp_dir() */
} PcExportOptions;

/* Returns the card of report @index (transfer full), or %NULL with @error set. */
typedef PcExportCard *(*PcExportFetchFunc) (guint          index,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);

GQuark         pc_export_error_quark      (void);

PcExportCard  *pc_export_card_new         (PcChecklist          *checklist,
                                           PcReport             *report,
                                           PcCoverage           *coverage,
                                           const PcScore        *score,
                                           GPtrArray            *annotations,
                                           GPtrArray            *finding_statuses);
PcExportCard  *pc_export_card_ref         (PcExportCard         *card);
void           pc_export_card_unref       (PcExportCard         *card);
void           pc_export_card_set_register (PcExportCard        *card,
                                           PcChecklist          *checklist,
                                           PcReport             *report,
                                           GPtrArray            *entries);

void           pc_export_card_add_reviewer (PcExportCard        *card,
                                           guint                 code,
                                           const char           *reviewer);

gboolean       pc_export_xlsx_write       (const char           *path,
                                           PcChecklist          *checklist,
                                           guint                 n_reports,
                                           PcExportFetchFunc     fetch,
                                           gpointer              fetch_data,
                                           const PcExportOptions *options,
                                           PcExportProgressFunc  progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean       pc_export_xlsx_project     (PcProject            *project,
                                           const gint64         *ids,
                                           guint                 n_ids,
                                           const char           *path,
                                           PcExportProgressFunc  progress,
                                           gpointer              user_data,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean       pc_export_xlsx_reports     (GPtrArray            *reports,
                                           PcChecklist          *checklist,
                                           const char           *path,
                                           PcExportProgressFunc  progress,
                                           gpointer              user_data,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* The pure parts, public for the tests. */
char          *pc_export_clean_text       (const char           *text);
guint          pc_export_text_width       (const char           *text);
guint          pc_export_text_lines       (const char           *text,
                                           guint                 width);
gboolean       pc_export_text_is_clean    (const char           *text,
                                           guint                *width);
char          *pc_export_sheet_name       (const char           *wanted,
                                           GHashTable           *used);
char          *pc_export_column_name      (guint                 col);
char          *pc_export_evidence_line    (const char           *place,
                                           const char           *quote);

const char    *pc_export_rating_label     (PcRating              rating);
const char    *pc_export_severity_label   (PcSeverity            severity);
const char    *pc_export_status_label     (PcStatus              status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcExportCard, pc_export_card_unref)

gboolean pc_export_uses_constant_memory (const PcExportOptions *options,
                                         guint                  n_reports);
const char *pc_export_temp_dir           (gboolean               constant_memory);

G_END_DECLS

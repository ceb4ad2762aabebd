/* pc-review-marks.h — the review window's other edits: item ratings and reviewer decisions
 * on suggestions, saved at once on the session's database thread and undoable on the
 * session's one undo stack; plus the review state of one report and a summary of all.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-checklist.h"
#include "pc-coverage.h"
#include "pc-project-review.h"
#include "pc-review-session.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

/* No decision: the reviewer has not (or no longer) confirmed, rejected or added the item. */
#define PC_DECISION_NONE ((PcDecision) -1)

/* The review of one report, as the window shows it. */
typedef struct
{
  gint64       report_id;
  PcChecklist *checklist;
  PcCoverage  *coverage;
  guint        n_items;
  PcRating    *overrides;   /* by code − 1; PC_RATING_UNSET where the proposal stands */
  PcDecision  *decisions;   /* by code − 1, report-wide; PC_DECISION_NONE when none */
} PcReportReview;

/* One line of the library: how far the review of a report is. */
typedef struct
{
  gint64  report_id;
  double  total;
  char   *grade;
  guint   n_rated;   /* items with a reviewer rating */
  guint   n_items;
} PcReportSummary;

void             pc_report_review_free        (PcReportReview  *review);
PcReportReview  *pc_report_review_load        (PcProject       *project,
                                               PcReport        *report,
                                               GError         **error);
PcScore         *pc_report_review_score       (PcReportReview  *review);
PcRating         pc_report_review_get_rating  (PcReportReview  *review,
                                               guint            item);
guint            pc_report_review_count_rated (PcReportReview  *review);
void             pc_report_summary_free       (PcReportSummary *summary);
GPtrArray       *pc_report_summaries_build    (PcProject       *project,
                                               GCancellable    *cancellable,
                                               GError         **error);

#define PC_TYPE_REVIEW_MARKS (pc_review_marks_get_type ())

G_DECLARE_FINAL_TYPE (PcReviewMarks, pc_review_marks, PC, REVIEW_MARKS, GObject)

PcReviewMarks   *pc_review_marks_new              (PcReviewSession     *session);
PcReviewSession *pc_review_marks_get_session      (PcReviewMarks       *self);
void             pc_review_marks_load_async       (PcReviewMarks       *self,
                                                   PcReport            *report,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PcReportReview  *pc_review_marks_load_finish      (PcReviewMarks       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             pc_review_marks_set_rating_async (PcReviewMarks       *self,
                                                   gint64               report_id,
                                                   guint                item,
                                                   PcRating             rating,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void             pc_review_marks_set_decision_async (PcReviewMarks     *self,
                                                     gint64             report_id,
                                                     guint              item,
                                                     PcDecision         decision,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
/* Both set calls finish with this one. */
gboolean         pc_review_marks_set_finish       (PcReviewMarks       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             pc_review_marks_summarize_async  (PcReviewMarks       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray       *pc_review_marks_summarize_finish (PcReviewMarks       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReportReview, pc_report_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReportSummary, pc_report_summary_free)

void             pc_review_marks_list_checklists_async    (PcReviewMarks       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray       *pc_review_marks_list_checklists_finish   (PcReviewMarks       *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void             pc_review_marks_activate_checklist_async (PcReviewMarks       *self,
                                                           gint64               id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void             pc_review_marks_import_checklist_async   (PcReviewMarks       *self,
                                                           const char          *path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
PcChecklistStoreInfo *pc_review_marks_use_checklist_finish (PcReviewMarks      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS

/* pc-review-session.h — what the review window edits through: annotations and finding
 * statuses, each saved at once and undoable.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-annotation.h"
#include "pc-anchor.h"
#include "pc-project-annotations.h"
#include "pc-project-worker.h"
#include "pc-report.h"
#include "pc-report-details.h"
#include "pc-undo.h"

G_BEGIN_DECLS

typedef enum
{
  PC_ANNOTATION_FIELD_ITEM     = 1 << 0,
  PC_ANNOTATION_FIELD_KIND     = 1 << 1,
  PC_ANNOTATION_FIELD_SEVERITY = 1 << 2,
  PC_ANNOTATION_FIELD_COMMENT  = 1 << 3,
  PC_ANNOTATION_FIELD_FIX      = 1 << 4,
  PC_ANNOTATION_FIELD_STATUS   = 1 << 5,
  PC_ANNOTATION_FIELD_RANGE    = 1 << 6,  /* range, quote and context together */
} PcAnnotationField;


/* Runs on the project's owner thread. */
typedef gpointer (*PcSessionJobFunc) (PcProject     *project,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

#define PC_TYPE_REVIEW_SESSION (pc_review_session_get_type ())

G_DECLARE_FINAL_TYPE (PcReviewSession, pc_review_session, PC, REVIEW_SESSION, GObject)

PcReviewSession *pc_review_session_new            (PcProject            *project,
                                                   const char           *reviewer);
PcReviewSession *pc_review_session_new_for_worker (PcProjectWorker      *worker,
                                                   const char           *reviewer);
void             pc_review_session_open_async     (const char           *path,
                                                   const char           *reviewer,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
PcReviewSession *pc_review_session_open_finish    (GAsyncResult         *result,
                                                   GError              **error);
gboolean         pc_review_session_is_threaded    (PcReviewSession      *self);
PcUndoStack     *pc_review_session_get_undo_stack (PcReviewSession      *self);
const char      *pc_review_session_get_reviewer   (PcReviewSession      *self);
void             pc_review_session_set_reviewer   (PcReviewSession      *self,
                                                   const char           *reviewer);

/* Any work on the project, for other models (ratings, decisions) to share the thread. */
gpointer         pc_review_session_run            (PcReviewSession      *self,
                                                   PcSessionJobFunc      func,
                                                   gpointer              data,
                                                   GError              **error);
void             pc_review_session_run_async      (PcReviewSession      *self,
                                                   PcSessionJobFunc      func,
                                                   gpointer              data,
                                                   GDestroyNotify        data_free,
                                                   GDestroyNotify        result_free,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gpointer         pc_review_session_run_finish     (PcReviewSession      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             pc_review_session_push_undo      (PcReviewSession      *self,
                                                   const PcUndoHandler  *handler,
                                                   gpointer              target,
                                                   gpointer              data,
                                                   const char           *description);

/* Annotations: synchronous calls (sessions made with pc_review_session_new() only). */
PcAnnotation    *pc_review_session_add_annotation (PcReviewSession      *self,
                                                   PcReport             *report,
                                                   PcRange               range,
                                                   guint                 item,
                                                   PcAnnotationKind      kind,
                                                   PcSeverity            severity,
                                                   const char           *comment,
                                                   const char           *fix,
                                                   GError              **error);
PcAnnotation    *pc_review_session_update_annotation (PcReviewSession   *self,
                                                      gint64             id,
                                                      PcAnnotationField  fields,
                                                      PcAnnotation      *values,
                                                      GError           **error);
PcAnnotation    *pc_review_session_set_range      (PcReviewSession      *self,
                                                   PcReport             *report,
                                                   gint64                id,
                                                   PcRange               range,
                                                   GError              **error);
gboolean         pc_review_session_delete_annotation (PcReviewSession   *self,
                                                      gint64             id,
                                                      GError           **error);
GPtrArray       *pc_review_session_list_annotations (PcReviewSession    *self,
                                                     gint64              report_id,
                                                     GError            **error);
gboolean         pc_review_session_set_finding_status (PcReviewSession  *self,
                                                       gint64            report_id,
                                                       const char       *finding_key,
                                                       PcStatus          status,
                                                       const char       *note,
                                                       GError          **error);
gboolean         pc_review_session_reanchor       (PcReviewSession      *self,
                                                   gint64                from_report_id,
                                                   PcReport             *to_report,
                                                   PcReanchorSummary    *out_summary,
                                                   GError              **error);
gboolean         pc_review_session_undo           (PcReviewSession      *self,
                                                   GError              **error);
gboolean         pc_review_session_redo           (PcReviewSession      *self,
                                                   GError              **error);

/* The same, for the window: the work runs on the session's database thread. */
void             pc_review_session_add_annotation_async (PcReviewSession *self,
                                                         PcReport        *report,
                                                         PcRange          range,
                                                         guint            item,
                                                         PcAnnotationKind kind,
                                                         PcSeverity       severity,
                                                         const char      *comment,
                                                         const char      *fix,
                                                         GCancellable    *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer         user_data);
void             pc_review_session_update_annotation_async (PcReviewSession  *self,
                                                            gint64            id,
                                                            PcAnnotationField fields,
                                                            PcAnnotation     *values,
                                                            GCancellable     *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer          user_data);
void             pc_review_session_set_range_async (PcReviewSession     *self,
                                                    PcReport            *report,
                                                    gint64               id,
                                                    PcRange              range,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The three above finish with this one. */
PcAnnotation    *pc_review_session_edit_finish    (PcReviewSession      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             pc_review_session_delete_annotation_async (PcReviewSession  *self,
                                                            gint64            id,
                                                            GCancellable     *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer          user_data);
void             pc_review_session_set_finding_status_async (PcReviewSession *self,
                                                             gint64           report_id,
                                                             const char      *finding_key,
                                                             PcStatus         status,
                                                             const char      *note,
                                                             GCancellable    *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer         user_data);
void             pc_review_session_undo_async     (PcReviewSession      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void             pc_review_session_redo_async     (PcReviewSession      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
/* Delete, finding status, undo and redo finish with this one. */
gboolean         pc_review_session_change_finish  (PcReviewSession      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             pc_review_session_set_report_details_async (PcReviewSession       *self,
                                                             gint64                 report_id,
                                                             const PcReportDetails *details,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
void             pc_review_session_replace_report_async (PcReviewSession  *self,
                                                         gint64            report_id,
                                                         const char       *path,
                                                         GCancellable     *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer          user_data);
gboolean         pc_review_session_replace_report_finish (PcReviewSession   *self,
                                                          GAsyncResult      *result,
                                                          PcReanchorSummary *out_summary,
                                                          GError           **error);
void             pc_review_session_remove_report_async (PcReviewSession  *self,
                                                        gint64            report_id,
                                                        const char       *description,
                                                        GCancellable     *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer          user_data);
void             pc_review_session_list_annotations_async (PcReviewSession *self,
                                                           gint64           report_id,
                                                           GCancellable    *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer         user_data);
GPtrArray       *pc_review_session_list_annotations_finish (PcReviewSession *self,
                                                            GAsyncResult    *result,
                                                            GError         **error);

G_END_DECLS

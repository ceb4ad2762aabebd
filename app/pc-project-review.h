/* pc-project-review.h — storing the review: the project's checklist and weights, engine
 * suggestions, reviewer decisions and ratings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-checklist.h"
#include "pc-coverage.h"
#include "pc-project.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      report_id;
  guint       item;
  char       *section;     /* a section path, or "" for the whole report */
  PcDecision  decision;
  char       *reviewer;
  char       *note;
  char       *decided_at;  /* ISO 8601, UTC */
} PcReviewDecision;

typedef struct
{
  gint64      report_id;
  PcCoverage *coverage;
  PcRating   *overrides;  /* by code − 1; PC_RATING_UNSET where the proposal stands */
  PcScore    *score;
} PcReviewResult;

/* What pc_project_review_store_checklist() did; all FALSE and 0 when the project's
 * checklist already was the one given, as given. */
typedef struct
{
  gboolean added;                /* a version the project did not have */
  gboolean activated;            /* it was not the project's checklist before */
  gboolean settings_changed;     /* the given weights or applicability replaced the stored */
  guint    n_carried_decisions;  /* reviewer decisions carried over from the version before */
  guint    n_carried_ratings;    /* rating overrides carried over */
} PcChecklistStoreInfo;

/* A checklist version a project holds. */
typedef struct
{
  gint64   id;            /* row id */
  char    *checklist_id;  /* “outline-2021-2025” */
  char    *version;
  char    *title;
  gboolean active;
} PcStoredChecklist;

const char   *pc_decision_to_string               (PcDecision         decision);
gboolean      pc_decision_from_string             (const char        *str,
                                                   PcDecision        *out);
void          pc_review_decision_free             (PcReviewDecision  *decision);
void          pc_review_result_free               (PcReviewResult    *result);

gint64        pc_project_review_store_checklist   (PcProject         *self,
                                                   PcChecklist       *checklist,
                                                   PcChecklistStoreInfo *out_info,
                                                   GError           **error);
void          pc_stored_checklist_free            (PcStoredChecklist *stored);
GPtrArray    *pc_project_review_list_checklists   (PcProject         *self,
                                                   GError           **error);
gint64        pc_project_review_activate_checklist (PcProject        *self,
                                                   gint64             id,
                                                   PcChecklistStoreInfo *out_info,
                                                   GError           **error);
PcChecklist  *pc_project_review_load_checklist    (PcProject         *self,
                                                   gint64            *out_id,
                                                   GError           **error);
gboolean      pc_project_review_set_item_weight   (PcProject         *self,
                                                   guint              item,
                                                   double             weight,
                                                   GError           **error);
gboolean      pc_project_review_set_item_applicable (PcProject       *self,
                                                   guint              item,
                                                   gboolean           applicable,
                                                   GError           **error);
gboolean      pc_project_review_store_coverage    (PcProject         *self,
                                                   gint64             checklist_id,
                                                   gint64             report_id,
                                                   PcCoverage        *coverage,
                                                   GError           **error);
gboolean      pc_project_review_set_decision      (PcProject         *self,
                                                   gint64             report_id,
                                                   guint              item,
                                                   const char        *section,
                                                   PcDecision         decision,
                                                   const char        *reviewer,
                                                   const char        *note,
                                                   GError           **error);
GPtrArray    *pc_project_review_list_decisions    (PcProject         *self,
                                                   gint64             report_id,
                                                   GError           **error);
gboolean      pc_project_review_set_rating        (PcProject         *self,
                                                   gint64             report_id,
                                                   guint              item,
                                                   PcRating           override,
                                                   const char        *reviewer,
                                                   GError           **error);
PcRating     *pc_project_review_get_ratings       (PcProject         *self,
                                                   gint64             report_id,
                                                   gboolean           overrides_only,
                                                   GError           **error);
GPtrArray    *pc_project_review_get_rating_reviewers (PcProject     *self,
                                                   gint64             report_id,
                                                   GError           **error);
guint         pc_project_review_count_suggestions (PcProject         *self,
                                                   gint64             report_id);
gboolean      pc_project_review_apply_decisions   (PcProject         *self,
                                                   gint64             report_id,
                                                   PcCoverage        *coverage,
                                                   GError           **error);
GPtrArray    *pc_project_review_assess_all        (PcProject         *self,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReviewDecision, pc_review_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReviewResult, pc_review_result_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcStoredChecklist, pc_stored_checklist_free)

G_END_DECLS

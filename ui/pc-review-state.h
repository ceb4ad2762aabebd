/* pc-review-state.h — what the review window shows, computed without widgets: item state
 * badges, progress and score text, annotation labels and colours, type-ahead over the
 * outline, span arithmetic, library filters and register rows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-annotation.h"
#include "pc-checklist.h"
#include "pc-project-review.h"
#include "pc-register.h"
#include "pc-report.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

/* The outline's ten chapters, one highlight colour each, as CSS colours. */
#define PC_N_CHAPTER_COLORS 10

typedef enum
{
  PC_ITEM_STATE_NONE,            /* nothing found, nothing decided */
  PC_ITEM_STATE_SUGGESTED,       /* the engine suggests it, the reviewer has not decided */
  PC_ITEM_STATE_ACCEPTED,        /* suggestion confirmed */
  PC_ITEM_STATE_REJECTED,        /* suggestion rejected */
  PC_ITEM_STATE_ADDED,           /* added by the reviewer */
  PC_ITEM_STATE_RATED,           /* the reviewer rated it */
  PC_ITEM_STATE_NOT_APPLICABLE,  /* rated 不适用, or not applicable in the checklist */
} PcItemState;

typedef enum
{
  PC_SPAN_GROW_START,
  PC_SPAN_SHRINK_START,
  PC_SPAN_GROW_END,
  PC_SPAN_SHRINK_END,
} PcSpanEdit;

typedef enum
{
  PC_SPAN_UNIT_CHAR,
  PC_SPAN_UNIT_CLAUSE,   /* up to the next ，。；：！？、 or line break */
} PcSpanUnit;

PcItemState  pc_review_state_item_state        (gboolean               applicable,
                                                gboolean               suggested,
                                                PcDecision             decision,
                                                PcRating               rating);
gboolean     pc_review_state_decision_fits     (gboolean               suggested,
                                                PcDecision             decision);
const char  *pc_review_state_item_icon         (PcItemState            state);
const char  *pc_review_state_item_badge        (PcItemState            state);
char        *pc_review_state_progress_text     (guint                  n_rated,
                                                guint                  n_items);
char        *pc_review_state_score_text        (double                 total,
                                                const char            *grade);
char        *pc_review_state_points_text       (PcRating               rating,
                                                double                 points,
                                                double                 max_points);
const char  *pc_review_state_rating_short      (PcRating               rating);
PcRating     pc_review_state_rating_from_key   (const char            *key);
const char  *pc_review_state_chapter_color     (guint                  chapter);
guint        pc_review_state_item_chapter      (PcChecklist           *checklist,
                                                guint                  item);
char        *pc_review_state_annotation_label  (guint                  item);
char        *pc_review_state_item_title        (const PcChecklistItem *item);
gboolean     pc_review_state_item_matches      (const PcChecklistItem *item,
                                                const char            *query);
guint        pc_review_state_item_rank         (const PcChecklistItem *item,
                                                const char            *query);
gboolean     pc_review_state_span_adjust       (const char            *text,
                                                PcRange                range,
                                                PcSpanEdit             edit,
                                                PcSpanUnit             unit,
                                                PcRange               *out_range);
gboolean     pc_review_state_report_matches    (PcReport              *report,
                                                const char            *query,
                                                guint                  year,
                                                const char            *agency);
char        *pc_review_state_library_progress  (guint                  n_rated,
                                                guint                  n_items,
                                                const char            *grade,
                                                double                 total);
char        *pc_review_state_register_item     (PcChecklist           *checklist,
                                                guint                  item);
char        *pc_review_state_register_location (PcRegisterEntry       *entry);
char        *pc_review_state_register_text     (PcRegisterEntry       *entry);

G_END_DECLS

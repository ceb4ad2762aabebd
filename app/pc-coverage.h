/* pc-coverage.h — which outline items each section of a report addresses, with evidence.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-checklist.h"
#include "pc-evidence.h"
#include "pc-report.h"
#include "pc-scoring.h"

G_BEGIN_DECLS

#define PC_TYPE_COVERAGE_ENGINE (pc_coverage_engine_get_type ())
#define PC_TYPE_COVERAGE        (pc_coverage_get_type ())

/* Confidence at which an item is suggested, unless the engine is told otherwise. */
#define PC_COVERAGE_DEFAULT_THRESHOLD 0.5

G_DECLARE_FINAL_TYPE (PcCoverageEngine, pc_coverage_engine, PC, COVERAGE_ENGINE, GObject)
G_DECLARE_FINAL_TYPE (PcCoverage, pc_coverage, PC, COVERAGE, GObject)

/* One matched phrase and the sentence holding it. */
typedef struct
{
  const char *phrase;    /* owned by the engine */
  PcRange     match;     /* the phrase in the report text (characters) */
  PcRange     sentence;  /* the sentence holding it */
  gboolean    in_title;
  gboolean    prospective;  /* in the shortcomings or next year's plan: not work done */
  double      weight;
} PcCoverageHit;

/* One item suggested for one section. */
typedef struct
{
  guint    item;        /* checklist code */
  double   confidence;  /* 0–1, after any low-relevance discount */
  GArray  *hits;        /* PcCoverageHit */
} PcSectionItem;

/* A unit of the report: the preamble or one section's own text (without its children). */
typedef struct
{
  char     *path;           /* "1.3", or "preamble" */
  char     *title;          /* nullable */
  PcRange   range;          /* the unit's own text */
  gboolean  low_relevance;  /* operational, little legal substance */
  GArray   *items;          /* PcSectionItem, best first; every item with any hit */
} PcSectionCoverage;

typedef struct
{
  PcRange  range;
  char    *text;
  char    *phrase;
  char    *section;
} PcQuote;

typedef enum
{
  PC_DECISION_ACCEPT,  /* the reviewer confirms a suggestion */
  PC_DECISION_REJECT,  /* the reviewer rejects a suggestion */
  PC_DECISION_ADD,     /* the reviewer adds an item the engine missed */
} PcDecision;

/* One checklist item over the whole report. */
typedef struct
{
  guint               item;
  gboolean            applicable;
  gboolean            suggested;
  double              confidence;
  GPtrArray          *sections;  /* char*: paths where the item is evidenced, best first */
  GArray             *quotes;    /* PcQuote, strongest first */
  PcEvidenceStrength  evidence;
  PcRating            proposed;
  gboolean            decided;   /* a reviewer's decision was applied */
  PcDecision          decision;  /* the last one applied, when decided */
} PcItemCoverage;

PcCoverageEngine        *pc_coverage_engine_new            (PcChecklist       *checklist);
PcChecklist             *pc_coverage_engine_get_checklist  (PcCoverageEngine  *self);
double                   pc_coverage_engine_get_threshold  (PcCoverageEngine  *self);
void                     pc_coverage_engine_set_threshold  (PcCoverageEngine  *self,
                                                            double             threshold);
PcCoverage              *pc_coverage_engine_run            (PcCoverageEngine  *self,
                                                            PcReport          *report);

void                     pc_coverage_apply_decision        (PcCoverage        *self,
                                                            guint              code,
                                                            const char        *section,
                                                            PcDecision         decision);
PcReport                *pc_coverage_get_report            (PcCoverage        *self);
guint                    pc_coverage_get_n_sections        (PcCoverage        *self);
const PcSectionCoverage *pc_coverage_get_section           (PcCoverage        *self,
                                                            guint              index);
guint                    pc_coverage_get_n_items           (PcCoverage        *self);
const PcItemCoverage    *pc_coverage_get_item              (PcCoverage        *self,
                                                            guint              code);
PcRating                *pc_coverage_dup_proposed_ratings  (PcCoverage        *self);
PcScore                 *pc_coverage_score                 (PcCoverage        *self,
                                                            const PcRating    *overrides);

G_END_DECLS

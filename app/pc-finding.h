/* pc-finding.h — form findings and required-part results, each pointing at a text range.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* Finding codes, as in shared/corpus/README.md. */
#define PC_FINDING_MISSING_PART           "missing-part"
#define PC_FINDING_NUMBERING_MISSING      "numbering-missing"
#define PC_FINDING_NUMBERING_GAP          "numbering-gap"
#define PC_FINDING_ENUMERATION_GAP        "enumeration-gap"
#define PC_FINDING_DATED_BEFORE_PERIOD    "dated-before-period-end"
#define PC_FINDING_LATE_PUBLICATION       "late-publication"
#define PC_FINDING_MISSING_TITLE          "missing-title"
#define PC_FINDING_MISSING_DATE           "missing-date"
#define PC_FINDING_UNBALANCED_PUNCTUATION "unbalanced-punctuation"

/* Required-part keys, as in shared/reference/reporting-rules.md. */
#define PC_PART_MEASURES            "measures"
#define PC_PART_SHORTCOMINGS        "shortcomings"
#define PC_PART_FIRST_RESPONSIBLE   "first_responsible"
#define PC_PART_NEXT_YEAR           "next_year"
#define PC_PART_PRIOR_RECTIFICATION "prior_rectification"

#define PC_TYPE_FINDING (pc_finding_get_type ())
#define PC_TYPE_PART    (pc_part_get_type ())

struct _PcFinding
{
  char    *code;
  char    *part;     /* for missing-part, else NULL */
  char    *section;  /* section path, "preamble" or NULL */
  char    *note;     /* a sentence for the reviewer (translated when shown) */
  PcRange  range;    /* where in the clean text; empty range at 0 when it concerns the whole report */
};

struct _PcPart
{
  char     *key;
  gboolean  present;
  char     *section;      /* section path, "preamble", or NULL */
  gboolean  own_section;  /* a numbered section of its own, or only a paragraph inside another */
  PcRange   range;
};

GType      pc_finding_get_type (void) G_GNUC_CONST;
PcFinding *pc_finding_new      (const char *code,
                                const char *part,
                                const char *section,
                                const char *note,
                                PcRange     range);
PcFinding *pc_finding_ref      (PcFinding  *finding);
void       pc_finding_unref    (PcFinding  *finding);
const char *pc_finding_code_describe (const char *code);
const char *pc_finding_code_describe_chinese (const char *code);

GType      pc_part_get_type    (void) G_GNUC_CONST;
PcPart    *pc_part_new         (const char *key,
                                gboolean    present,
                                const char *section,
                                gboolean    own_section,
                                PcRange     range);
PcPart    *pc_part_ref         (PcPart     *part);
void       pc_part_unref       (PcPart     *part);
const char *pc_part_key_describe (const char *key);
const char *pc_part_key_describe_chinese (const char *key);
const char * const *pc_part_keys (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcFinding, pc_finding_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPart, pc_part_unref)

G_END_DECLS

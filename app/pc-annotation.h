/* pc-annotation.h — a reviewer's note on a span of a report's clean text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-anchor.h"
#include "pc-types.h"

G_BEGIN_DECLS

typedef enum
{
  PC_ANNOTATION_PROBLEM,   /* 问题 */
  PC_ANNOTATION_FIX,       /* 整改建议 */
  PC_ANNOTATION_STRENGTH,  /* 亮点 */
  PC_ANNOTATION_NOTE,      /* 备注 */
} PcAnnotationKind;

typedef enum
{
  PC_SEVERITY_NONE,        /* not a problem */
  PC_SEVERITY_LOW,
  PC_SEVERITY_MEDIUM,
  PC_SEVERITY_HIGH,
} PcSeverity;

typedef enum
{
  PC_STATUS_OPEN,
  PC_STATUS_DISPUTED,
  PC_STATUS_RESOLVED,
} PcStatus;

/* How many characters of context are kept on each side of the quote for re-anchoring. */
#define PC_ANNOTATION_CONTEXT_CHARS 30

/* An item code of the project's checklist: 1–35 in the outline, more in a checklist that
 * extends it; 0 means "not assigned to an item". Only the checklist knows its own count. */
#define PC_ANNOTATION_MAX_ITEM G_MAXINT

#define PC_TYPE_ANNOTATION_KIND (pc_annotation_kind_get_type ())
#define PC_TYPE_SEVERITY        (pc_severity_get_type ())
#define PC_TYPE_STATUS          (pc_status_get_type ())
#define PC_TYPE_ANNOTATION      (pc_annotation_get_type ())

GType pc_annotation_kind_get_type (void) G_GNUC_CONST;
GType pc_severity_get_type        (void) G_GNUC_CONST;
GType pc_status_get_type          (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (PcAnnotation, pc_annotation, PC, ANNOTATION, GObject)

const char       *pc_annotation_kind_to_string   (PcAnnotationKind  kind);
gboolean          pc_annotation_kind_from_string (const char       *str,
                                                  PcAnnotationKind *out_kind);
const char       *pc_annotation_kind_describe    (PcAnnotationKind  kind);
const char       *pc_severity_to_string          (PcSeverity        severity);
gboolean          pc_severity_from_string        (const char       *str,
                                                  PcSeverity       *out_severity);
const char       *pc_severity_describe           (PcSeverity        severity);
const char       *pc_status_to_string            (PcStatus          status);
gboolean          pc_status_from_string          (const char       *str,
                                                  PcStatus         *out_status);
const char       *pc_status_describe             (PcStatus          status);

PcAnnotation     *pc_annotation_new              (void);
PcAnnotation     *pc_annotation_copy             (PcAnnotation     *self);
gboolean          pc_annotation_equal            (PcAnnotation     *a,
                                                  PcAnnotation     *b);

gint64            pc_annotation_get_id           (PcAnnotation     *self);
void              pc_annotation_set_id           (PcAnnotation     *self,
                                                  gint64            id);
gint64            pc_annotation_get_report_id    (PcAnnotation     *self);
void              pc_annotation_set_report_id    (PcAnnotation     *self,
                                                  gint64            report_id);
PcRange           pc_annotation_get_range        (PcAnnotation     *self);
void              pc_annotation_set_range        (PcAnnotation     *self,
                                                  PcRange           range);
guint             pc_annotation_get_start        (PcAnnotation     *self);
guint             pc_annotation_get_end          (PcAnnotation     *self);
const char       *pc_annotation_get_quote        (PcAnnotation     *self);
void              pc_annotation_set_quote        (PcAnnotation     *self,
                                                  const char       *quote);
const char       *pc_annotation_get_context_before (PcAnnotation   *self);
void              pc_annotation_set_context_before (PcAnnotation   *self,
                                                    const char     *context);
const char       *pc_annotation_get_context_after  (PcAnnotation   *self);
void              pc_annotation_set_context_after  (PcAnnotation   *self,
                                                    const char     *context);
guint             pc_annotation_get_item         (PcAnnotation     *self);
void              pc_annotation_set_item         (PcAnnotation     *self,
                                                  guint             item);
PcAnnotationKind  pc_annotation_get_kind         (PcAnnotation     *self);
void              pc_annotation_set_kind         (PcAnnotation     *self,
                                                  PcAnnotationKind  kind);
PcSeverity        pc_annotation_get_severity     (PcAnnotation     *self);
void              pc_annotation_set_severity     (PcAnnotation     *self,
                                                  PcSeverity        severity);
const char       *pc_annotation_get_comment      (PcAnnotation     *self);
void              pc_annotation_set_comment      (PcAnnotation     *self,
                                                  const char       *comment);
const char       *pc_annotation_get_fix          (PcAnnotation     *self);
void              pc_annotation_set_fix          (PcAnnotation     *self,
                                                  const char       *fix);
PcStatus          pc_annotation_get_status       (PcAnnotation     *self);
void              pc_annotation_set_status       (PcAnnotation     *self,
                                                  PcStatus          status);
const char       *pc_annotation_get_reviewer     (PcAnnotation     *self);
void              pc_annotation_set_reviewer     (PcAnnotation     *self,
                                                  const char       *reviewer);
const char       *pc_annotation_get_created      (PcAnnotation     *self);
void              pc_annotation_set_created      (PcAnnotation     *self,
                                                  const char       *iso8601);
const char       *pc_annotation_get_modified     (PcAnnotation     *self);
void              pc_annotation_set_modified     (PcAnnotation     *self,
                                                  const char       *iso8601);

PcAnnotation     *pc_annotation_reanchored        (PcAnnotation       *annotation,
                                                   const PcAnchorText *text,
                                                   gint64              report_id,
                                                   const char         *now,
                                                   PcAnchorMatch      *out_match);

G_END_DECLS

/* pc-annotation.c — a reviewer's note on a span of a report's clean text.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-annotation.h"

struct _PcAnnotation
{
  GObject           parent_instance;
  gint64            id;
  gint64            report_id;
  PcRange           range;
  char             *quote;
  char             *context_before;
  char             *context_after;
  guint             item;
  PcAnnotationKind  kind;
  PcSeverity        severity;
  char             *comment;
  char             *fix;
  PcStatus          status;
  char             *reviewer;
  char             *created;
  char             *modified;
};

G_DEFINE_FINAL_TYPE (PcAnnotation, pc_annotation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PcAnnotationKind, pc_annotation_kind,
  G_DEFINE_ENUM_VALUE (PC_ANNOTATION_PROBLEM, "problem"),
  G_DEFINE_ENUM_VALUE (PC_ANNOTATION_FIX, "fix"),
  G_DEFINE_ENUM_VALUE (PC_ANNOTATION_STRENGTH, "strength"),
  G_DEFINE_ENUM_VALUE (PC_ANNOTATION_NOTE, "note"))

G_DEFINE_ENUM_TYPE (PcSeverity, pc_severity,
  G_DEFINE_ENUM_VALUE (PC_SEVERITY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PC_SEVERITY_LOW, "low"),
  G_DEFINE_ENUM_VALUE (PC_SEVERITY_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (PC_SEVERITY_HIGH, "high"))

G_DEFINE_ENUM_TYPE (PcStatus, pc_status,
  G_DEFINE_ENUM_VALUE (PC_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (PC_STATUS_DISPUTED, "disputed"),
  G_DEFINE_ENUM_VALUE (PC_STATUS_RESOLVED, "resolved"))

enum {
  PROP_0,
  PROP_ID,
  PROP_REPORT_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_CONTEXT_BEFORE,
  PROP_CONTEXT_AFTER,
  PROP_ITEM,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_COMMENT,
  PROP_FIX,
  PROP_STATUS,
  PROP_REVIEWER,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enum names ---------------------------------------------------------------------------- */

/* The nick is what the database stores; it never changes with the locale. */
static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;
  *out_value = enum_value->value;
  return TRUE;
}

const char *
pc_annotation_kind_to_string (PcAnnotationKind kind)
{
  return enum_to_nick (PC_TYPE_ANNOTATION_KIND, kind);
}

gboolean
pc_annotation_kind_from_string (const char       *str,
                                PcAnnotationKind *out_kind)
{
  int value;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (!enum_from_nick (PC_TYPE_ANNOTATION_KIND, str, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

/**
 * pc_annotation_kind_describe:
 *
 * Returns: the translated name of @kind, as the reviewer sees it
 */
const char *
pc_annotation_kind_describe (PcAnnotationKind kind)
{
  switch (kind)
    {
    case PC_ANNOTATION_PROBLEM:
      return _("Problem");
    case PC_ANNOTATION_FIX:
      return _("Recommended Fix");
    case PC_ANNOTATION_STRENGTH:
      return _("Strength");
    case PC_ANNOTATION_NOTE:
      return _("Note");
    default:
      return NULL;
    }
}

const char *
pc_severity_to_string (PcSeverity severity)
{
  return enum_to_nick (PC_TYPE_SEVERITY, severity);
}

gboolean
pc_severity_from_string (const char *str,
                         PcSeverity *out_severity)
{
  int value;

  g_return_val_if_fail (out_severity != NULL, FALSE);

  if (!enum_from_nick (PC_TYPE_SEVERITY, str, &value))
    return FALSE;
  *out_severity = value;
  return TRUE;
}

const char *
pc_severity_describe (PcSeverity severity)
{
  switch (severity)
    {
    case PC_SEVERITY_NONE:
      return "";
    case PC_SEVERITY_LOW:
      /* Translators: severity of a problem */
      return _("Low");
    case PC_SEVERITY_MEDIUM:
      /* Translators: severity of a problem */
      return _("Medium");
    case PC_SEVERITY_HIGH:
      /* Translators: severity of a problem */
      return _("High");
    default:
      return NULL;
    }
}

const char *
pc_status_to_string (PcStatus status)
{
  return enum_to_nick (PC_TYPE_STATUS, status);
}

gboolean
pc_status_from_string (const char *str,
                       PcStatus   *out_status)
{
  int value;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!enum_from_nick (PC_TYPE_STATUS, str, &value))
    return FALSE;
  *out_status = value;
  return TRUE;
}

const char *
pc_status_describe (PcStatus status)
{
  switch (status)
    {
    case PC_STATUS_OPEN:
      /* Translators: status of a finding in the register */
      return _("Open");
    case PC_STATUS_DISPUTED:
      /* Translators: status of a finding in the register */
      return _("Disputed");
    case PC_STATUS_RESOLVED:
      /* Translators: status of a finding in the register */
      return _("Resolved");
    default:
      return NULL;
    }
}

/* Object -------------------------------------------------------------------------------- */

static gboolean
set_string (PcAnnotation  *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
pc_annotation_finalize (GObject *object)
{
  PcAnnotation *self = (PcAnnotation *) object;

  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->context_before, g_free);
  g_clear_pointer (&self->context_after, g_free);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->fix, g_free);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (pc_annotation_parent_class)->finalize (object);
}

static void
pc_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PcAnnotation *self = PC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REPORT_ID:
      g_value_set_int64 (value, self->report_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->range.start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->range.end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_CONTEXT_BEFORE:
      g_value_set_string (value, self->context_before);
      break;
    case PROP_CONTEXT_AFTER:
      g_value_set_string (value, self->context_after);
      break;
    case PROP_ITEM:
      g_value_set_uint (value, self->item);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_FIX:
      g_value_set_string (value, self->fix);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PcAnnotation *self = PC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      pc_annotation_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_REPORT_ID:
      pc_annotation_set_report_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      pc_annotation_set_range (self, (PcRange) { g_value_get_uint (value), self->range.end });
      break;
    case PROP_END:
      pc_annotation_set_range (self, (PcRange) { self->range.start, g_value_get_uint (value) });
      break;
    case PROP_QUOTE:
      pc_annotation_set_quote (self, g_value_get_string (value));
      break;
    case PROP_CONTEXT_BEFORE:
      pc_annotation_set_context_before (self, g_value_get_string (value));
      break;
    case PROP_CONTEXT_AFTER:
      pc_annotation_set_context_after (self, g_value_get_string (value));
      break;
    case PROP_ITEM:
      pc_annotation_set_item (self, g_value_get_uint (value));
      break;
    case PROP_KIND:
      pc_annotation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SEVERITY:
      pc_annotation_set_severity (self, g_value_get_enum (value));
      break;
    case PROP_COMMENT:
      pc_annotation_set_comment (self, g_value_get_string (value));
      break;
    case PROP_FIX:
      pc_annotation_set_fix (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      pc_annotation_set_status (self, g_value_get_enum (value));
      break;
    case PROP_REVIEWER:
      pc_annotation_set_reviewer (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      pc_annotation_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      pc_annotation_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
pc_annotation_class_init (PcAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_annotation_finalize;
  object_class->get_property = pc_annotation_get_property;
  object_class->set_property = pc_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_REPORT_ID] =
    g_param_spec_int64 ("report-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_CONTEXT_BEFORE] =
    g_param_spec_string ("context-before", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_CONTEXT_AFTER] =
    g_param_spec_string ("context-after", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_ITEM] =
    g_param_spec_uint ("item", NULL, NULL, 0, PC_ANNOTATION_MAX_ITEM, 0, RW_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PC_TYPE_ANNOTATION_KIND, PC_ANNOTATION_PROBLEM,
                       RW_FLAGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, PC_TYPE_SEVERITY, PC_SEVERITY_NONE, RW_FLAGS);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_FIX] =
    g_param_spec_string ("fix", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PC_TYPE_STATUS, PC_STATUS_OPEN, RW_FLAGS);
  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL, RW_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_annotation_init (PcAnnotation *self)
{
  self->kind = PC_ANNOTATION_PROBLEM;
  self->severity = PC_SEVERITY_NONE;
  self->status = PC_STATUS_OPEN;
}

PcAnnotation *
pc_annotation_new (void)
{
  return g_object_new (PC_TYPE_ANNOTATION, NULL);
}

/**
 * pc_annotation_copy:
 *
 * Returns: (transfer full): a new annotation with the same values, id included
 */
PcAnnotation *
pc_annotation_copy (PcAnnotation *self)
{
  PcAnnotation *copy;

  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);

  copy = pc_annotation_new ();
  copy->id = self->id;
  copy->report_id = self->report_id;
  copy->range = self->range;
  copy->quote = g_strdup (self->quote);
  copy->context_before = g_strdup (self->context_before);
  copy->context_after = g_strdup (self->context_after);
  copy->item = self->item;
  copy->kind = self->kind;
  copy->severity = self->severity;
  copy->comment = g_strdup (self->comment);
  copy->fix = g_strdup (self->fix);
  copy->status = self->status;
  copy->reviewer = g_strdup (self->reviewer);
  copy->created = g_strdup (self->created);
  copy->modified = g_strdup (self->modified);
  return copy;
}

/**
 * pc_annotation_equal:
 *
 * Returns: whether @a and @b hold the same values in every field, timestamps included
 */
gboolean
pc_annotation_equal (PcAnnotation *a,
                     PcAnnotation *b)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (a), FALSE);
  g_return_val_if_fail (PC_IS_ANNOTATION (b), FALSE);

  return a->id == b->id &&
         a->report_id == b->report_id &&
         a->range.start == b->range.start &&
         a->range.end == b->range.end &&
         g_strcmp0 (a->quote, b->quote) == 0 &&
         g_strcmp0 (a->context_before, b->context_before) == 0 &&
         g_strcmp0 (a->context_after, b->context_after) == 0 &&
         a->item == b->item &&
         a->kind == b->kind &&
         a->severity == b->severity &&
         g_strcmp0 (a->comment, b->comment) == 0 &&
         g_strcmp0 (a->fix, b->fix) == 0 &&
         a->status == b->status &&
         g_strcmp0 (a->reviewer, b->reviewer) == 0 &&
         g_strcmp0 (a->created, b->created) == 0 &&
         g_strcmp0 (a->modified, b->modified) == 0;
}

gint64
pc_annotation_get_id (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), 0);
  return self->id;
}

void
pc_annotation_set_id (PcAnnotation *self,
                      gint64        id)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
pc_annotation_get_report_id (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), 0);
  return self->report_id;
}

void
pc_annotation_set_report_id (PcAnnotation *self,
                             gint64        report_id)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));

  if (self->report_id == report_id)
    return;
  self->report_id = report_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_ID]);
}

PcRange
pc_annotation_get_range (PcAnnotation *self)
{
  static const PcRange empty = { 0, 0 };

  g_return_val_if_fail (PC_IS_ANNOTATION (self), empty);
  return self->range;
}

guint
pc_annotation_get_start (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), 0);
  return self->range.start;
}

guint
pc_annotation_get_end (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), 0);
  return self->range.end;
}

void
pc_annotation_set_range (PcAnnotation *self,
                         PcRange       range)
{
  PcRange old;

  g_return_if_fail (PC_IS_ANNOTATION (self));

  old = self->range;
  self->range = range;
  if (old.start != range.start)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (old.end != range.end)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
pc_annotation_get_quote (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->quote;
}

void
pc_annotation_set_quote (PcAnnotation *self,
                         const char   *quote)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->quote, quote, PROP_QUOTE);
}

const char *
pc_annotation_get_context_before (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->context_before;
}

void
pc_annotation_set_context_before (PcAnnotation *self,
                                  const char   *context)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->context_before, context, PROP_CONTEXT_BEFORE);
}

const char *
pc_annotation_get_context_after (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->context_after;
}

void
pc_annotation_set_context_after (PcAnnotation *self,
                                 const char   *context)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->context_after, context, PROP_CONTEXT_AFTER);
}

guint
pc_annotation_get_item (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), 0);
  return self->item;
}

void
pc_annotation_set_item (PcAnnotation *self,
                        guint         item)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  g_return_if_fail (item <= PC_ANNOTATION_MAX_ITEM);

  if (self->item == item)
    return;
  self->item = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

PcAnnotationKind
pc_annotation_get_kind (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), PC_ANNOTATION_PROBLEM);
  return self->kind;
}

void
pc_annotation_set_kind (PcAnnotation     *self,
                        PcAnnotationKind  kind)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  g_return_if_fail (kind <= PC_ANNOTATION_NOTE);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PcSeverity
pc_annotation_get_severity (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), PC_SEVERITY_NONE);
  return self->severity;
}

void
pc_annotation_set_severity (PcAnnotation *self,
                            PcSeverity    severity)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  g_return_if_fail (severity <= PC_SEVERITY_HIGH);

  if (self->severity == severity)
    return;
  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

const char *
pc_annotation_get_comment (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->comment;
}

void
pc_annotation_set_comment (PcAnnotation *self,
                           const char   *comment)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->comment, comment, PROP_COMMENT);
}

const char *
pc_annotation_get_fix (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->fix;
}

void
pc_annotation_set_fix (PcAnnotation *self,
                       const char   *fix)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->fix, fix, PROP_FIX);
}

PcStatus
pc_annotation_get_status (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), PC_STATUS_OPEN);
  return self->status;
}

void
pc_annotation_set_status (PcAnnotation *self,
                          PcStatus      status)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  g_return_if_fail (status <= PC_STATUS_RESOLVED);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pc_annotation_get_reviewer (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->reviewer;
}

void
pc_annotation_set_reviewer (PcAnnotation *self,
                            const char   *reviewer)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->reviewer, reviewer, PROP_REVIEWER);
}

const char *
pc_annotation_get_created (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->created;
}

void
pc_annotation_set_created (PcAnnotation *self,
                           const char   *iso8601)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->created, iso8601, PROP_CREATED);
}

const char *
pc_annotation_get_modified (PcAnnotation *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATION (self), NULL);
  return self->modified;
}

void
pc_annotation_set_modified (PcAnnotation *self,
                            const char   *iso8601)
{
  g_return_if_fail (PC_IS_ANNOTATION (self));
  set_string (self, &self->modified, iso8601, PROP_MODIFIED);
}

/**
 * pc_annotation_reanchored:
 * @text: the new version of the report's text
 * @report_id: the report the annotation goes on
 * @now: (nullable): the modification time to stamp, ISO 8601
 * @out_match: (out) (optional): how it was found
 *
 * Finds @annotation's passage in @text (pc_anchor_locate()) and cuts its quote and context
 * there again.
 *
 * Returns: (transfer full) (nullable): the annotation moved, same id, or %NULL when nothing in
 *   @text is close enough to its passage
 */
PcAnnotation *
pc_annotation_reanchored (PcAnnotation       *annotation,
                          const PcAnchorText *text,
                          gint64              report_id,
                          const char         *now,
                          PcAnchorMatch      *out_match)
{
  g_autoptr(PcAnnotation) moved = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PcRange range;
  PcAnchorMatch match;

  g_return_val_if_fail (PC_IS_ANNOTATION (annotation), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  match = pc_anchor_locate (text, pc_annotation_get_range (annotation),
                            pc_annotation_get_quote (annotation),
                            pc_annotation_get_context_before (annotation),
                            pc_annotation_get_context_after (annotation), &range, NULL);
  if (match != PC_ANCHOR_ORPHANED &&
      !pc_anchor_capture (text, range, PC_ANNOTATION_CONTEXT_CHARS, &quote, &before, &after))
    match = PC_ANCHOR_ORPHANED;
  if (out_match != NULL)
    *out_match = match;
  if (match == PC_ANCHOR_ORPHANED)
    return NULL;
  moved = pc_annotation_copy (annotation);
  pc_annotation_set_report_id (moved, report_id);
  pc_annotation_set_range (moved, range);
  pc_annotation_set_quote (moved, quote);
  pc_annotation_set_context_before (moved, before);
  pc_annotation_set_context_after (moved, after);
  if (now != NULL)
    pc_annotation_set_modified (moved, now);
  return g_steal_pointer (&moved);
}

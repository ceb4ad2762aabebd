/* pc-register.c — the findings register: every annotation and form finding, one row each.
 *
 * The rows are built on the project's owner thread (pc_register_build()) and published in
 * one splice, so a view sorting or filtering the register sees one change per load.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-project-annotations.h"
#include "pc-project-review.h"
#include "pc-register.h"

struct _PcRegisterEntry
{
  GObject           parent_instance;
  gboolean          is_finding;
  gint64            report_id;
  char             *report_name;
  char             *section;
  guint             section_order;  /* 0 in the preamble, else after the section start */
  PcRange           range;
  gint64            annotation_id;
  char             *finding_key;
  guint             item;
  PcAnnotationKind  kind;
  char             *quote;
  char             *comment;
  char             *fix;
  PcSeverity        severity;
  PcStatus          status;
  char             *reviewer;
  char             *date;
};

struct _PcRegister
{
  GObject    parent_instance;
  GPtrArray *entries;
};

static void pc_register_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (PcRegisterEntry, pc_register_entry, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (PcRegister, pc_register, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pc_register_list_model_iface_init))

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_IS_FINDING,
  ENTRY_PROP_REPORT_NAME,
  ENTRY_PROP_SECTION,
  ENTRY_PROP_ITEM,
  ENTRY_PROP_KIND_NAME,
  ENTRY_PROP_QUOTE,
  ENTRY_PROP_COMMENT,
  ENTRY_PROP_FIX,
  ENTRY_PROP_SEVERITY,
  ENTRY_PROP_SEVERITY_NAME,
  ENTRY_PROP_STATUS,
  ENTRY_PROP_STATUS_NAME,
  ENTRY_PROP_REVIEWER,
  ENTRY_PROP_DATE,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

/* Entry --------------------------------------------------------------------------------- */

static void
pc_register_entry_finalize (GObject *object)
{
  PcRegisterEntry *self = (PcRegisterEntry *) object;

  g_free (self->report_name);
  g_free (self->section);
  g_free (self->finding_key);
  g_free (self->quote);
  g_free (self->comment);
  g_free (self->fix);
  g_free (self->reviewer);
  g_free (self->date);

  G_OBJECT_CLASS (pc_register_entry_parent_class)->finalize (object);
}

static void
pc_register_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcRegisterEntry *self = PC_REGISTER_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_IS_FINDING:
      g_value_set_boolean (value, self->is_finding);
      break;
    case ENTRY_PROP_REPORT_NAME:
      g_value_set_string (value, self->report_name);
      break;
    case ENTRY_PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case ENTRY_PROP_ITEM:
      g_value_set_uint (value, self->item);
      break;
    case ENTRY_PROP_KIND_NAME:
      g_value_set_string (value, pc_register_entry_get_kind_name (self));
      break;
    case ENTRY_PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case ENTRY_PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case ENTRY_PROP_FIX:
      g_value_set_string (value, self->fix);
      break;
    case ENTRY_PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case ENTRY_PROP_SEVERITY_NAME:
      g_value_set_string (value, pc_severity_describe (self->severity));
      break;
    case ENTRY_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case ENTRY_PROP_STATUS_NAME:
      g_value_set_string (value, pc_status_describe (self->status));
      break;
    case ENTRY_PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;
    case ENTRY_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pc_register_entry_class_init (PcRegisterEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_register_entry_finalize;
  object_class->get_property = pc_register_entry_get_property;

  /* Entries never change: a new load makes new entries. */
  entry_properties[ENTRY_PROP_IS_FINDING] =
    g_param_spec_boolean ("is-finding", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_REPORT_NAME] = string_property ("report-name");
  entry_properties[ENTRY_PROP_SECTION] = string_property ("section");
  entry_properties[ENTRY_PROP_ITEM] =
    g_param_spec_uint ("item", NULL, NULL, 0, PC_ANNOTATION_MAX_ITEM, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_KIND_NAME] = string_property ("kind-name");
  entry_properties[ENTRY_PROP_QUOTE] = string_property ("quote");
  entry_properties[ENTRY_PROP_COMMENT] = string_property ("comment");
  entry_properties[ENTRY_PROP_FIX] = string_property ("fix");
  entry_properties[ENTRY_PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, PC_TYPE_SEVERITY, PC_SEVERITY_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_SEVERITY_NAME] = string_property ("severity-name");
  entry_properties[ENTRY_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PC_TYPE_STATUS, PC_STATUS_OPEN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_STATUS_NAME] = string_property ("status-name");
  entry_properties[ENTRY_PROP_REVIEWER] = string_property ("reviewer");
  entry_properties[ENTRY_PROP_DATE] = string_property ("date");
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
pc_register_entry_init (PcRegisterEntry *self)
{
}

gboolean
pc_register_entry_is_finding (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), FALSE);
  return self->is_finding;
}

gint64
pc_register_entry_get_report_id (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), 0);
  return self->report_id;
}

const char *
pc_register_entry_get_report_name (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->report_name;
}

const char *
pc_register_entry_get_section (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->section;
}

guint
pc_register_entry_get_start (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), 0);
  return self->range.start;
}

guint
pc_register_entry_get_end (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), 0);
  return self->range.end;
}

/**
 * pc_register_entry_get_annotation_id:
 *
 * Returns: the annotation's id, or 0 for a form finding
 */
gint64
pc_register_entry_get_annotation_id (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), 0);
  return self->annotation_id;
}

/**
 * pc_register_entry_get_finding_key:
 *
 * Returns: (nullable): the key of a form finding, for
 *   pc_review_session_set_finding_status(); %NULL for an annotation
 */
const char *
pc_register_entry_get_finding_key (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->finding_key;
}

guint
pc_register_entry_get_item (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), 0);
  return self->item;
}

PcAnnotationKind
pc_register_entry_get_kind (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), PC_ANNOTATION_PROBLEM);
  return self->kind;
}

const char *
pc_register_entry_get_kind_name (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);

  if (self->is_finding)
    /* Translators: a problem with the form of a report that the reader found */
    return _("Form Finding");
  return pc_annotation_kind_describe (self->kind);
}

const char *
pc_register_entry_get_quote (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->quote;
}

/**
 * pc_register_entry_get_comment:
 *
 * Returns: the reviewer's comment, or for a form finding the description of its code
 */
const char *
pc_register_entry_get_comment (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->comment;
}

const char *
pc_register_entry_get_fix (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->fix;
}

PcSeverity
pc_register_entry_get_severity (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), PC_SEVERITY_NONE);
  return self->severity;
}

const char *
pc_register_entry_get_severity_name (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return pc_severity_describe (self->severity);
}

PcStatus
pc_register_entry_get_status (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), PC_STATUS_OPEN);
  return self->status;
}

const char *
pc_register_entry_get_status_name (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return pc_status_describe (self->status);
}

const char *
pc_register_entry_get_reviewer (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->reviewer;
}

const char *
pc_register_entry_get_date (PcRegisterEntry *self)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), NULL);
  return self->date;
}

/**
 * pc_register_entry_is_same_row:
 *
 * Whether two entries, of the same load or of two loads, stand for the same annotation or
 * form finding, whatever its status is now.
 */
gboolean
pc_register_entry_is_same_row (PcRegisterEntry *self,
                               PcRegisterEntry *other)
{
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (self), FALSE);
  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (other), FALSE);

  return self->report_id == other->report_id &&
         self->is_finding == other->is_finding &&
         self->annotation_id == other->annotation_id &&
         g_strcmp0 (self->finding_key, other->finding_key) == 0;
}

/* Sorting ------------------------------------------------------------------------------- */

static int
compare_int (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b;
}

/* Report, then text order: the order every sort falls back to. */
static int
compare_position (const PcRegisterEntry *a,
                  const PcRegisterEntry *b)
{
  int cmp = compare_int (a->report_id, b->report_id);

  if (cmp == 0)
    cmp = compare_int (a->range.start, b->range.start);
  if (cmp == 0)
    cmp = compare_int (a->range.end, b->range.end);
  if (cmp == 0)
    cmp = compare_int (a->is_finding, b->is_finding);
  if (cmp == 0)
    cmp = compare_int (a->annotation_id, b->annotation_id);
  if (cmp == 0)
    cmp = g_strcmp0 (a->finding_key, b->finding_key);
  return cmp;
}

int
pc_register_entry_compare_by_report (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = g_utf8_collate (x->report_name ? x->report_name : "",
                            y->report_name ? y->report_name : "");

  return cmp != 0 ? cmp : compare_position (x, y);
}

int
pc_register_entry_compare_by_section (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = compare_int (x->report_id, y->report_id);

  if (cmp == 0)
    cmp = compare_int (x->section_order, y->section_order);
  return cmp != 0 ? cmp : compare_position (x, y);
}

/* Item 1 first; rows of no item ("—"), which include the form findings, last. */
int
pc_register_entry_compare_by_item (gconstpointer a,
                                   gconstpointer b,
                                   gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = compare_int (x->item == 0, y->item == 0);

  if (cmp == 0)
    cmp = compare_int (x->item, y->item);
  return cmp != 0 ? cmp : compare_position (x, y);
}

/* Annotations in the order of their kinds, form findings last. */
int
pc_register_entry_compare_by_kind (gconstpointer a,
                                   gconstpointer b,
                                   gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = compare_int (x->is_finding, y->is_finding);

  if (cmp == 0 && !x->is_finding)
    cmp = compare_int (x->kind, y->kind);
  if (cmp == 0 && x->is_finding)
    cmp = g_strcmp0 (x->comment, y->comment);
  return cmp != 0 ? cmp : compare_position (x, y);
}

/* What the row says: the comment, or the quote where there is none. */
static const char *
entry_text (const PcRegisterEntry *entry)
{
  if (entry->comment != NULL && *entry->comment != '\0')
    return entry->comment;
  return entry->quote != NULL ? entry->quote : "";
}

/* By the comment (else the quote) in the collation of the locale. */
int
pc_register_entry_compare_by_text (gconstpointer a,
                                   gconstpointer b,
                                   gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = g_utf8_collate (entry_text (x), entry_text (y));

  return cmp != 0 ? cmp : compare_position (x, y);
}

/* High first; what has no severity (strengths, notes) last. */
int
pc_register_entry_compare_by_severity (gconstpointer a,
                                       gconstpointer b,
                                       gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = compare_int (y->severity, x->severity);

  return cmp != 0 ? cmp : compare_position (x, y);
}

/* Open, disputed, resolved. */
int
pc_register_entry_compare_by_status (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  const PcRegisterEntry *x = a;
  const PcRegisterEntry *y = b;
  int cmp = compare_int (x->status, y->status);

  return cmp != 0 ? cmp : compare_position (x, y);
}

/* Building ------------------------------------------------------------------------------ */

/* The innermost section around @offset. */
static PcSection *
find_section (GListModel *sections,
              guint       offset)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcRange range = pc_section_get_range (section);
      PcSection *inner;

      if (offset < range.start || offset >= range.end)
        continue;
      inner = find_section (pc_section_get_children (section), offset);
      return inner != NULL ? inner : g_steal_pointer (&section);
    }
  return NULL;
}

/* "一、… › （二）…": the headings from the top down to @target. */
static gboolean
build_path (GListModel *sections,
            PcSection  *target,
            GString    *path)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      gsize len = path->len;
      g_autofree char *display = pc_section_dup_display (section);

      if (len > 0)
        g_string_append (path, " › ");
      g_string_append (path, display);
      if (section == target || build_path (pc_section_get_children (section), target, path))
        return TRUE;
      g_string_truncate (path, len);
    }
  return FALSE;
}

/**
 * pc_register_dup_location:
 * @offset: a character offset in the report's clean text
 *
 * Where @offset is, as the register names it: the headings from the top down to the
 * innermost section around it, "一、… › （二）…".
 *
 * Returns: (transfer full) (nullable): the headings, or %NULL in the preamble
 */
char *
pc_register_dup_location (PcReport *report,
                          guint     offset)
{
  GListModel *sections;
  g_autoptr(PcSection) section = NULL;
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  sections = pc_report_get_sections (report);
  if ((section = find_section (sections, offset)) == NULL)
    return NULL;
  path = g_string_new (NULL);
  build_path (sections, section, path);
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * pc_register_is_past_sections:
 * @offset: a character offset outside every section
 *
 * Whether @offset comes after the sections (the signature, the end of the report) rather
 * than before them (the preamble).
 */
gboolean
pc_register_is_past_sections (PcReport *report,
                              guint     offset)
{
  g_autoptr(PcSection) first = NULL;

  g_return_val_if_fail (PC_IS_REPORT (report), FALSE);

  first = g_list_model_get_item (pc_report_get_sections (report), 0);
  return first != NULL && offset >= pc_section_get_range (first).start;
}

static void
locate (PcReport        *report,
        guint            offset,
        PcRegisterEntry *entry)
{
  GListModel *sections = pc_report_get_sections (report);
  g_autoptr(PcSection) section = find_section (sections, offset);
  g_autoptr(GString) path = NULL;

  /* Outside every section: named as the workbook names it. */
  if (section == NULL && pc_register_is_past_sections (report, offset))
    {
      /* Translators: a place in a report: after its last section, the signature */
      entry->section = g_strdup (_("End of the report"));
      entry->section_order = G_MAXINT;
      return;
    }
  if (section == NULL)
    {
      entry->section = g_strdup (_("Preamble"));
      return;
    }
  path = g_string_new (NULL);
  build_path (sections, section, path);
  entry->section = g_string_free (g_steal_pointer (&path), FALSE);
  /* Sections start in document order, so the start sorts them. */
  entry->section_order = pc_section_get_range (section).start + 1;
}

static PcRegisterEntry *
entry_for_annotation (PcReport     *report,
                      const char   *report_name,
                      PcAnnotation *annotation)
{
  PcRegisterEntry *entry = g_object_new (PC_TYPE_REGISTER_ENTRY, NULL);

  entry->report_id = pc_annotation_get_report_id (annotation);
  entry->report_name = g_strdup (report_name);
  entry->range = pc_annotation_get_range (annotation);
  entry->annotation_id = pc_annotation_get_id (annotation);
  entry->item = pc_annotation_get_item (annotation);
  entry->kind = pc_annotation_get_kind (annotation);
  entry->quote = g_strdup (pc_annotation_get_quote (annotation));
  entry->comment = g_strdup (pc_annotation_get_comment (annotation));
  entry->fix = g_strdup (pc_annotation_get_fix (annotation));
  entry->severity = pc_annotation_get_severity (annotation);
  entry->status = pc_annotation_get_status (annotation);
  entry->reviewer = g_strdup (pc_annotation_get_reviewer (annotation));
  entry->date = g_strdup (pc_annotation_get_modified (annotation));
  locate (report, entry->range.start, entry);
  return entry;
}

static PcRegisterEntry *
entry_for_finding (PcReport        *report,
                   const char      *report_name,
                   const PcFinding *finding,
                   PcChecklist     *checklist,
                   GHashTable      *statuses)
{
  PcRegisterEntry *entry = g_object_new (PC_TYPE_REGISTER_ENTRY, NULL);
  const PcFindingStatus *status;

  entry->is_finding = TRUE;
  entry->severity = pc_scoring_finding_severity (checklist, finding->code);
  entry->report_id = pc_report_get_id (report);
  entry->report_name = g_strdup (report_name);
  entry->range = finding->range;
  entry->finding_key = pc_finding_dup_key (finding);
  entry->quote = entry->range.end > entry->range.start
                 ? pc_report_dup_slice (report, entry->range) : NULL;
  if (finding->part != NULL)
    /* Translators: a register row; %s is the required part, e.g. "存在的不足及原因" */
    entry->comment = g_strdup_printf (_("A required part is missing: %s"),
                                      pc_part_key_describe (finding->part));
  else
    entry->comment = g_strdup (pc_finding_code_describe (finding->code));
  entry->fix = g_strdup (finding->note);
  status = g_hash_table_lookup (statuses, entry->finding_key);
  if (status != NULL)
    {
      entry->status = status->status;
      entry->reviewer = g_strdup (status->reviewer);
      entry->date = g_strdup (status->modified);
    }
  if (entry->range.end <= entry->range.start && finding->section == NULL)
    /* Translators: the place of a finding about the report as a whole (no title, no date,
     * a required part missing) */
    entry->section = g_strdup (_("Whole report"));
  else
    locate (report, entry->range.start, entry);
  return entry;
}

static gboolean
add_report (PcProject   *project,
            PcChecklist *checklist,
            PcReport    *report,
            GPtrArray   *entries,
            GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *name = pc_report_dup_display_name (report);
  GPtrArray *findings = pc_report_get_findings (report);

  annotations = pc_project_list_annotations (project, pc_report_get_id (report), error);
  statuses = annotations != NULL
             ? pc_project_list_finding_statuses (project, pc_report_get_id (report), error)
             : NULL;
  if (statuses == NULL)
    return FALSE;
  for (guint i = 0; i < statuses->len; i++)
    {
      PcFindingStatus *status = g_ptr_array_index (statuses, i);

      g_hash_table_insert (by_key, status->finding_key, status);
    }
  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (entries, entry_for_annotation (report, name,
                                                    g_ptr_array_index (annotations, i)));
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_ptr_array_add (entries, entry_for_finding (report, name, g_ptr_array_index (findings, i),
                                                 checklist, by_key));
  /* The prior-year part is local practice: the reader never calls it missing, but the
   * register lists it for the reviewers who require it (the window filters it). */
  {
    PcPart *prior = pc_report_find_part (report, PC_PART_PRIOR_RECTIFICATION);

    if (prior == NULL || !prior->present)
      {
        g_autoptr(PcFinding) missing = pc_finding_new (PC_FINDING_MISSING_PART,
                                                       PC_PART_PRIOR_RECTIFICATION, NULL, NULL,
                                                       (PcRange) { 0, 0 });

        g_ptr_array_add (entries, entry_for_finding (report, name, missing, checklist, by_key));
      }
  }
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return compare_position (*(PcRegisterEntry * const *) a, *(PcRegisterEntry * const *) b);
}

/**
 * pc_register_build:
 * @project: on its owner thread
 * @report_id: one report, or 0 for the whole project
 *
 * Returns: (transfer container) (element-type PcRegisterEntry): the register's rows, in
 *   report and text order
 */
GPtrArray *
pc_register_build (PcProject  *project,
                   gint64      report_id,
                   GError    **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcChecklist) checklist = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Form findings are as grave as the checklist makes them cost. */
  if ((checklist = pc_project_review_load_checklist (project, NULL, error)) == NULL)
    return NULL;

  if (report_id > 0)
    {
      PcReport *report = pc_project_load_report (project, report_id, error);

      if (report == NULL)
        return NULL;
      reports = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (reports, report);
    }
  else if ((reports = pc_project_list_reports (project, error)) == NULL)
    return NULL;

  for (guint i = 0; i < reports->len; i++)
    if (!add_report (project, checklist, g_ptr_array_index (reports, i), entries, error))
      return NULL;
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* Model --------------------------------------------------------------------------------- */

static GType
pc_register_get_item_type (GListModel *model)
{
  return PC_TYPE_REGISTER_ENTRY;
}

static guint
pc_register_get_n_items (GListModel *model)
{
  return PC_REGISTER (model)->entries->len;
}

static gpointer
pc_register_get_item (GListModel *model,
                      guint       position)
{
  PcRegister *self = PC_REGISTER (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
pc_register_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pc_register_get_item_type;
  iface->get_n_items = pc_register_get_n_items;
  iface->get_item = pc_register_get_item;
}

static void
pc_register_finalize (GObject *object)
{
  PcRegister *self = PC_REGISTER (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (pc_register_parent_class)->finalize (object);
}

static void
pc_register_class_init (PcRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_register_finalize;
}

static void
pc_register_init (PcRegister *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

PcRegister *
pc_register_new (void)
{
  return g_object_new (PC_TYPE_REGISTER, NULL);
}

/**
 * pc_register_replace:
 * @entries: (element-type PcRegisterEntry) (transfer none): the new rows
 *
 * Publishes new rows with one items-changed.
 */
void
pc_register_replace (PcRegister *self,
                     GPtrArray  *entries)
{
  guint removed;

  g_return_if_fail (PC_IS_REGISTER (self));
  g_return_if_fail (entries != NULL);

  removed = self->entries->len;
  g_ptr_array_unref (self->entries);
  self->entries = g_ptr_array_new_full (entries->len, g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (entries, i)));
  if (removed > 0 || entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, entries->len);
}

static gpointer
build_job (PcProject     *project,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return pc_register_build (project, *(gint64 *) data, error);
}

/**
 * pc_register_load:
 * @session: a synchronous session
 * @report_id: one report, or 0 for the whole project
 */
gboolean
pc_register_load (PcRegister       *self,
                  PcReviewSession  *session,
                  gint64            report_id,
                  GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (PC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (PC_IS_REVIEW_SESSION (session), FALSE);

  entries = pc_review_session_run (session, build_job, &report_id, error);
  if (entries == NULL)
    return FALSE;
  pc_register_replace (self, entries);
  return TRUE;
}

static void
on_build_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = pc_review_session_run_finish (PC_REVIEW_SESSION (source), result, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!g_task_return_error_if_cancelled (task))
    {
      pc_register_replace (g_task_get_source_object (task), entries);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * pc_register_load_async:
 * @report_id: one report, or 0 for the whole project
 *
 * Builds the rows on the session's database thread and publishes them in one step, unless
 * @cancellable was cancelled meanwhile.
 */
void
pc_register_load_async (PcRegister          *self,
                        PcReviewSession     *session,
                        gint64               report_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PC_IS_REGISTER (self));
  g_return_if_fail (PC_IS_REVIEW_SESSION (session));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pc_register_load_async);
  pc_review_session_run_async (session, build_job, g_memdup2 (&report_id, sizeof report_id),
                               g_free, (GDestroyNotify) g_ptr_array_unref, cancellable,
                               on_build_done_cb, task);
}

gboolean
pc_register_load_finish (PcRegister    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PC_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

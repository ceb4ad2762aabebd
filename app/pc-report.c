/* pc-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-report.h"
#include "pc-report-private.h"

struct _PcReport
{
  GObject         parent_instance;
  gint64          id;
  char           *text;
  guint           length;
  guint          *checkpoints;   /* byte offset of every CHECKPOINT_STRIDE-th character, lazily */
  char           *title;
  char           *agency;
  guint           year;
  char           *published;
  char           *signed_on;
  char           *doc_number;
  char           *addressee;
  char           *source_name;
  PcSourceFormat  source_format;
  char           *encoding;
  char           *content_hash;
  GListStore     *sections;
  GPtrArray      *findings;
  GPtrArray      *parts;
};

G_DEFINE_FINAL_TYPE (PcReport, pc_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AGENCY,
  PROP_YEAR,
  PROP_PUBLISHED,
  PROP_DOC_NUMBER,
  PROP_SOURCE_NAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pc_report_finalize (GObject *object)
{
  PcReport *self = (PcReport *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->checkpoints, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->signed_on, g_free);
  g_clear_pointer (&self->doc_number, g_free);
  g_clear_pointer (&self->addressee, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (pc_report_parent_class)->finalize (object);
}

static void
pc_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PcReport *self = PC_REPORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, pc_report_get_date (self));
      break;
    case PROP_DOC_NUMBER:
      g_value_set_string (value, self->doc_number);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, pc_report_dup_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_report_class_init (PcReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_report_finalize;
  object_class->get_property = pc_report_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOC_NUMBER] =
    g_param_spec_string ("doc-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_report_init (PcReport *self)
{
  self->sections = g_list_store_new (PC_TYPE_SECTION);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_finding_unref);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_part_unref);
}

#define CHECKPOINT_STRIDE 256

/* Built with the text and never changed after, so a report can be sliced from any thread. */
static void
index_text (PcReport *self)
{
  const char *p = self->text;
  guint n = self->length / CHECKPOINT_STRIDE + 1;

  g_free (self->checkpoints);
  self->checkpoints = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      self->checkpoints[i] = (guint) (p - self->text);
      if (i + 1 < n)
        p = g_utf8_offset_to_pointer (p, CHECKPOINT_STRIDE);
    }
}

/* Character offset to pointer without walking the whole text each time: slices are cut
 * for every evidence quote, annotation and scorecard row. */
static const char *
pointer_at (PcReport *self,
            guint     offset)
{
  guint k = offset / CHECKPOINT_STRIDE;

  return g_utf8_offset_to_pointer (self->text + self->checkpoints[k], offset - k * CHECKPOINT_STRIDE);
}

/**
 * pc_report_new:
 * @text: the clean text, valid UTF-8
 *
 * Every range in the report (sections, findings, later annotations) is a character offset
 * range into this one text.
 */
PcReport *
pc_report_new (const char *text)
{
  PcReport *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (PC_TYPE_REPORT, NULL);
  self->text = g_strdup (text);
  self->length = (guint) g_utf8_strlen (text, -1);
  index_text (self);
  return self;
}

gint64
pc_report_get_id (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), 0);
  return self->id;
}

void
pc_report_set_id (PcReport *self,
                  gint64    id)
{
  g_return_if_fail (PC_IS_REPORT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pc_report_get_text (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  return self->text;
}

guint
pc_report_get_length (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), 0);
  return self->length;
}

/**
 * pc_report_dup_slice:
 *
 * Returns: (transfer full): the characters of @range, clamped to the text
 */
char *
pc_report_dup_slice (PcReport *self,
                     PcRange   range)
{
  const char *start;
  const char *end;

  g_return_val_if_fail (PC_IS_REPORT (self), NULL);

  range.end = MIN (range.end, self->length);
  range.start = MIN (range.start, range.end);
  start = pointer_at (self, range.start);
  end = g_utf8_offset_to_pointer (start, range.end - range.start);
  return g_strndup (start, end - start);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = (value && *value) ? g_strdup (value) : NULL;
  return TRUE;
}

#define DEFINE_STRING_ACCESSORS(name, field, prop)                           \
  const char *                                                               \
  pc_report_get_##name (PcReport *self)                                      \
  {                                                                          \
    g_return_val_if_fail (PC_IS_REPORT (self), NULL);                        \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  pc_report_set_##name (PcReport   *self,                                    \
                        const char *value)                                   \
  {                                                                          \
    g_return_if_fail (PC_IS_REPORT (self));                                  \
    if (set_string (&self->field, value) && prop != PROP_0)                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);          \
  }

DEFINE_STRING_ACCESSORS (title, title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (agency, agency, PROP_AGENCY)
DEFINE_STRING_ACCESSORS (published, published, PROP_PUBLISHED)
DEFINE_STRING_ACCESSORS (signed, signed_on, PROP_PUBLISHED)
DEFINE_STRING_ACCESSORS (doc_number, doc_number, PROP_DOC_NUMBER)
DEFINE_STRING_ACCESSORS (addressee, addressee, PROP_0)
DEFINE_STRING_ACCESSORS (source_name, source_name, PROP_SOURCE_NAME)
DEFINE_STRING_ACCESSORS (encoding, encoding, PROP_0)
DEFINE_STRING_ACCESSORS (content_hash, content_hash, PROP_0)

guint
pc_report_get_year (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), 0);
  return self->year;
}

void
pc_report_set_year (PcReport *self,
                    guint     year)
{
  g_return_if_fail (PC_IS_REPORT (self));
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * pc_report_get_date:
 *
 * Returns: (nullable): the publication date, or else the signature date, as YYYY-MM-DD
 */
const char *
pc_report_get_date (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  return self->published ? self->published : self->signed_on;
}

PcSourceFormat
pc_report_get_source_format (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), PC_SOURCE_FORMAT_UNKNOWN);
  return self->source_format;
}

void
pc_report_set_source_format (PcReport       *self,
                             PcSourceFormat  format)
{
  g_return_if_fail (PC_IS_REPORT (self));
  self->source_format = format;
}

/**
 * pc_report_dup_display_name:
 *
 * Returns: (transfer full): what to call the report in a list: its agency and year, else its
 *   title, else its file name
 */
char *
pc_report_dup_display_name (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);

  if (self->agency && self->year)
    /* Translators: an agency and the year its report covers, e.g. "漳州市应急管理局 2023" */
    return g_strdup_printf (_("%s %u"), self->agency, self->year);
  if (self->title)
    return g_strdup (self->title);
  if (self->agency)
    return g_strdup (self->agency);
  return g_strdup (self->source_name ? self->source_name : _("Untitled report"));
}

/**
 * pc_report_get_sections:
 *
 * Returns: (transfer none): the top-level #PcSection list
 */
GListModel *
pc_report_get_sections (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self->sections);
}

void
pc_report_append_section (PcReport  *self,
                          PcSection *section)
{
  g_return_if_fail (PC_IS_REPORT (self));
  g_return_if_fail (PC_IS_SECTION (section));
  g_list_store_append (self->sections, section);
}

static PcSection *
find_in (GListModel *model,
         const char *path)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (model, i);
      const char *p = pc_section_get_path (section);
      gsize len = strlen (p);

      if (g_str_equal (p, path))
        return section;
      if (g_str_has_prefix (path, p) && path[len] == '.')
        return find_in (pc_section_get_children (section), path);
    }
  return NULL;
}

/**
 * pc_report_find_section:
 * @path: a path such as "1.3"
 *
 * Returns: (transfer none) (nullable): the section at @path
 */
PcSection *
pc_report_find_section (PcReport   *self,
                        const char *path)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  return find_in (G_LIST_MODEL (self->sections), path);
}

/**
 * pc_report_get_findings:
 *
 * Returns: (transfer none) (element-type PcFinding): the form findings
 */
GPtrArray *
pc_report_get_findings (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  return self->findings;
}

void
pc_report_add_finding (PcReport  *self,
                       PcFinding *finding)
{
  g_return_if_fail (PC_IS_REPORT (self));
  g_return_if_fail (finding != NULL);
  g_ptr_array_add (self->findings, pc_finding_ref (finding));
}

/**
 * pc_report_get_parts:
 *
 * Returns: (transfer none) (element-type PcPart): the required-part results
 */
GPtrArray *
pc_report_get_parts (PcReport *self)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);
  return self->parts;
}

void
pc_report_add_part (PcReport *self,
                    PcPart   *part)
{
  g_return_if_fail (PC_IS_REPORT (self));
  g_return_if_fail (part != NULL);
  g_ptr_array_add (self->parts, pc_part_ref (part));
}

/**
 * pc_report_find_part:
 *
 * Returns: (transfer none) (nullable): the result for required part @key
 */
PcPart *
pc_report_find_part (PcReport   *self,
                     const char *key)
{
  g_return_val_if_fail (PC_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->parts->len; i++)
    {
      PcPart *part = g_ptr_array_index (self->parts, i);

      if (g_str_equal (part->key, key))
        return part;
    }
  return NULL;
}

/* Replaces the clean text by one of the same length in characters, so that every range
 * stays valid; the reader uses it to turn white space into paragraph breaks. */
void
_pc_report_replace_text (PcReport   *self,
                         const char *text)
{
  g_return_if_fail (PC_IS_REPORT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail ((guint) g_utf8_strlen (text, -1) == self->length);

  g_free (self->text);
  self->text = g_strdup (text);
  index_text (self);
}

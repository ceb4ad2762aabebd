/* pc-checklist.c — an outline as versioned, editable data.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-checklist"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlwriter.h>

#include "pc-checklist.h"
#include "pc-checklist-resources.h"

#define CHECKLIST_FORMAT         "pingcha-checklist"
#define CHECKLIST_FORMAT_VERSION 1
#define DEFAULT_RESOURCE         "/org/pingcha/Pingcha/checklists/outline-2021-2025.json"

struct _PcChecklist
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title;
  char       *source;
  GArray     *chapters;    /* PcChecklistChapter */
  GArray     *blocks;      /* PcChecklistBlock */
  GArray     *items;       /* PcChecklistItem, by code */
  GArray     *item_block;  /* guint: index into blocks, parallel to items */
  double      form_max;
  GArray     *deductions;  /* PcChecklistDeduction */
  GArray     *grades;      /* PcChecklistGrade, highest first */
  GStrv       low_phrases;
  GStrv       legal_phrases;
  double      low_discount;
  GArray     *file_max;     /* double: "max_points" as the file wrote it, NAN when absent */
  GArray     *recomputed;   /* guint: codes whose file "max_points" did not follow */
};

G_DEFINE_FINAL_TYPE (PcChecklist, pc_checklist, G_TYPE_OBJECT)

G_DEFINE_QUARK (pc-checklist-error-quark, pc_checklist_error)

static void
clear_chapter (gpointer data)
{
  PcChecklistChapter *chapter = data;

  g_clear_pointer (&chapter->label, g_free);
  g_clear_pointer (&chapter->title, g_free);
}

static void
clear_block (gpointer data)
{
  PcChecklistBlock *block = data;

  g_clear_pointer (&block->id, g_free);
  g_clear_pointer (&block->title, g_free);
}

static void
clear_item (gpointer data)
{
  PcChecklistItem *item = data;

  g_clear_pointer (&item->label, g_free);
  g_clear_pointer (&item->block, g_free);
  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->requirement, g_free);
  g_clear_pointer (&item->phrases, g_strfreev);
  g_clear_pointer (&item->em_phrases, g_strfreev);
}

static void
clear_deduction (gpointer data)
{
  PcChecklistDeduction *deduction = data;

  g_clear_pointer (&deduction->code, g_free);
  g_clear_pointer (&deduction->description, g_free);
}

static void
clear_grade (gpointer data)
{
  PcChecklistGrade *grade = data;

  g_clear_pointer (&grade->name, g_free);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

static void
pc_checklist_finalize (GObject *object)
{
  PcChecklist *self = PC_CHECKLIST (object);

  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->source);
  g_array_unref (self->chapters);
  g_array_unref (self->blocks);
  g_array_unref (self->items);
  g_array_unref (self->item_block);
  g_array_unref (self->deductions);
  g_array_unref (self->grades);
  g_strfreev (self->low_phrases);
  g_strfreev (self->legal_phrases);
  g_array_unref (self->file_max);
  g_array_unref (self->recomputed);

  G_OBJECT_CLASS (pc_checklist_parent_class)->finalize (object);
}

static void
pc_checklist_class_init (PcChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_checklist_finalize;
}

static void
pc_checklist_init (PcChecklist *self)
{
  self->chapters = new_array (sizeof (PcChecklistChapter), clear_chapter);
  self->blocks = new_array (sizeof (PcChecklistBlock), clear_block);
  self->items = new_array (sizeof (PcChecklistItem), clear_item);
  self->item_block = g_array_new (FALSE, TRUE, sizeof (guint));
  self->deductions = new_array (sizeof (PcChecklistDeduction), clear_deduction);
  self->grades = new_array (sizeof (PcChecklistGrade), clear_grade);
  self->low_phrases = g_new0 (char *, 1);
  self->legal_phrases = g_new0 (char *, 1);
  self->low_discount = 1.0;
  self->file_max = g_array_new (FALSE, TRUE, sizeof (double));
  self->recomputed = g_array_new (FALSE, TRUE, sizeof (guint));
}

/* Parsing and validation */

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_INVALID,
               /* Translators: the reason a checklist file was refused */
               _("Not a valid checklist: %s"), message);
  return FALSE;
}

static const char *
get_string (JsonObject  *object,
            const char  *member,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      /* Translators: a JSON member name, then where it is missing (e.g. "item 3") */
      invalid (error, _("“%s” must be a non-empty text in %s"), member, where);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *where,
            gboolean     required,
            double       fallback,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    {
      *out = fallback;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return invalid (error, _("“%s” must be a number in %s"), member, where);
  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out < 0)
    return invalid (error, _("“%s” must not be negative in %s"), member, where);
  return TRUE;
}

static GStrv
get_strv (JsonObject  *object,
          const char  *member,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("“%s” must be a list of texts in %s"), member, where);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        {
          invalid (error, _("“%s” must be a list of texts in %s"), member, where);
          return NULL;
        }
      if (*json_node_get_string (element) != '\0')
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("the list “%s” is missing"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        index,
                    const char  *member,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: a position (1-based) and a list name */
      invalid (error, _("entry %u of “%s” is not an object"), index + 1, member);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
parse_chapters (PcChecklist  *self,
                JsonObject   *root,
                GError      **error)
{
  JsonArray *array = get_array (root, "chapters", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "chapters", error);
      g_autofree char *where = g_strdup_printf (_("chapter %u"), i + 1);
      PcChecklistChapter chapter = { 0 };
      double number;

      if (object == NULL ||
          !get_number (object, "number", where, TRUE, 0, &number, error) ||
          get_string (object, "title", where, error) == NULL)
        return FALSE;
      if (number != i + 1)
        return invalid (error, _("chapters must be numbered 1, 2, 3 … in order"));
      chapter.number = number;
      chapter.label = g_strdup (json_object_get_string_member_with_default (object, "label", ""));
      chapter.title = g_strdup (json_object_get_string_member (object, "title"));
      g_array_append_val (self->chapters, chapter);
    }
  if (self->chapters->len == 0)
    return invalid (error, _("the list “%s” is empty"), "chapters");
  return TRUE;
}

static gboolean
parse_blocks (PcChecklist  *self,
              JsonObject   *root,
              GError      **error)
{
  JsonArray *array = get_array (root, "blocks", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "blocks", error);
      g_autofree char *where = g_strdup_printf (_("block %u"), i + 1);
      PcChecklistBlock block = { 0 };
      const char *id;

      if (object == NULL ||
          (id = get_string (object, "id", where, error)) == NULL ||
          !get_number (object, "points", where, TRUE, 0, &block.points, error))
        return FALSE;
      for (guint j = 0; j < self->blocks->len; j++)
        if (g_str_equal (g_array_index (self->blocks, PcChecklistBlock, j).id, id))
          return invalid (error, _("the block “%s” is defined twice"), id);
      block.id = g_strdup (id);
      block.title = g_strdup (json_object_get_string_member_with_default (object, "title", id));
      g_array_append_val (self->blocks, block);
    }
  if (self->blocks->len == 0)
    return invalid (error, _("the list “%s” is empty"), "blocks");
  return TRUE;
}

static gint
find_block (PcChecklist *self,
            const char  *id)
{
  for (guint i = 0; i < self->blocks->len; i++)
    if (g_str_equal (g_array_index (self->blocks, PcChecklistBlock, i).id, id))
      return i;
  return -1;
}

static gboolean
parse_item (PcChecklist  *self,
            JsonObject   *object,
            guint         index,
            GError      **error)
{
  g_autofree char *where = g_strdup_printf (_("item %u"), index + 1);
  PcChecklistItem item = { 0 };
  double code, chapter, file_max;
  const char *block, *title;
  gint block_index;
  guint block_index_u;

  if (!get_number (object, "code", where, TRUE, 0, &code, error) ||
      !get_number (object, "chapter", where, TRUE, 0, &chapter, error) ||
      (block = get_string (object, "block", where, error)) == NULL ||
      (title = get_string (object, "title", where, error)) == NULL ||
      !get_number (object, "weight", where, TRUE, 0, &item.weight, error))
    return FALSE;
  if (code != index + 1)
    return invalid (error, _("items must be numbered 1, 2, 3 … in order (%s)"), where);
  if (chapter < 1 || chapter > self->chapters->len || chapter != floor (chapter))
    return invalid (error, _("%s names a chapter that does not exist"), where);
  if ((block_index = find_block (self, block)) < 0)
    return invalid (error, _("%s names the unknown block “%s”"), where, block);
  if (json_object_has_member (object, "applicable") &&
      (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "applicable")) ||
       json_node_get_value_type (json_object_get_member (object, "applicable")) != G_TYPE_BOOLEAN))
    return invalid (error, _("“%s” must be true or false in %s"), "applicable", where);

  item.phrases = get_strv (object, "phrases", where, error);
  if (item.phrases == NULL)
    return FALSE;
  item.em_phrases = get_strv (object, "em_phrases", where, error);
  if (item.em_phrases == NULL)
    {
      g_strfreev (item.phrases);
      return FALSE;
    }
  item.code = code;
  item.chapter = chapter;
  item.block = g_strdup (block);
  item.title = g_strdup (title);
  item.label = g_strdup (json_object_get_string_member_with_default (object, "label", ""));
  item.requirement = g_strdup (json_object_get_string_member_with_default (object, "requirement", ""));
  item.applicable = json_object_get_boolean_member_with_default (object, "applicable", TRUE);
  if (!get_number (object, "max_points", where, FALSE, NAN, &file_max, error))
    {
      clear_item (&item);
      return FALSE;
    }
  g_array_append_val (self->file_max, file_max);
  g_array_append_val (self->items, item);
  block_index_u = block_index;
  g_array_append_val (self->item_block, block_index_u);
  return TRUE;
}

/* A block's points are shared out by weight among its applicable items, so a block with
 * points whose items weigh nothing would drop out of every score without a word. A block
 * whose items are all not applicable is different: that is a reviewer's decision. */
static gboolean
check_block_weights (PcChecklist  *self,
                     GError      **error)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      const PcChecklistBlock *block = &g_array_index (self->blocks, PcChecklistBlock, b);
      guint n_items = 0, n_applicable = 0;
      double sum = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          const PcChecklistItem *item = &g_array_index (self->items, PcChecklistItem, i);

          if (g_array_index (self->item_block, guint, i) != b)
            continue;
          n_items++;
          if (item->applicable)
            {
              n_applicable++;
              sum += item->weight;
            }
        }
      if (block->points <= 0)
        continue;
      if (n_items == 0)
        return invalid (error, _("the block “%s” has points but no item"), block->id);
      if (n_applicable > 0 && sum <= 0)
        return invalid (error, _("the block “%s” has points, but the weights of its applicable "
                                 "items add up to 0; give at least one of them a weight"), block->id);
    }
  return TRUE;
}

/* "max_points" is written for the reader and worked out again from the weights on reading.
 * Where the file's figure does not follow from them (an edited maximum, or weights edited
 * and the maxima left as they were), the codes are kept so the import can say so. */
static void
note_recomputed_max_points (PcChecklist *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      double file_max = g_array_index (self->file_max, double, i);
      guint code = g_array_index (self->items, PcChecklistItem, i).code;

      /* Written with four decimals. */
      if (!isnan (file_max) && fabs (file_max - pc_checklist_get_item_max_points (self, code)) > 1e-3)
        g_array_append_val (self->recomputed, code);
    }
}

static gboolean
parse_items (PcChecklist  *self,
             JsonObject   *root,
             GError      **error)
{
  JsonArray *array = get_array (root, "items", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "items", error);

      if (object == NULL || !parse_item (self, object, i, error))
        return FALSE;
    }
  if (self->items->len == 0)
    return invalid (error, _("the list “%s” is empty"), "items");
  if (!check_block_weights (self, error))
    return FALSE;
  note_recomputed_max_points (self);
  return TRUE;
}

static gboolean
parse_form (PcChecklist  *self,
            JsonObject   *root,
            GError      **error)
{
  JsonNode *node = json_object_get_member (root, "form");
  JsonObject *form;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("the object “%s” is missing"), "form");
  form = json_node_get_object (node);
  if (!get_number (form, "max_points", "form", TRUE, 0, &self->form_max, error) ||
      (array = get_array (form, "deductions", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "deductions", error);
      g_autofree char *where = g_strdup_printf (_("deduction %u"), i + 1);
      PcChecklistDeduction deduction = { 0 };
      const char *code;

      if (object == NULL ||
          (code = get_string (object, "code", where, error)) == NULL ||
          !get_number (object, "points", where, TRUE, 0, &deduction.points, error))
        return FALSE;
      deduction.code = g_strdup (code);
      deduction.description = g_strdup (json_object_get_string_member_with_default (object, "description", ""));
      g_array_append_val (self->deductions, deduction);
    }
  return TRUE;
}

static gint
compare_grades (gconstpointer a,
                gconstpointer b)
{
  const PcChecklistGrade *ga = a, *gb = b;

  return (ga->min < gb->min) - (ga->min > gb->min);
}

static gboolean
parse_grades (PcChecklist  *self,
              JsonObject   *root,
              GError      **error)
{
  JsonArray *array = get_array (root, "grades", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "grades", error);
      g_autofree char *where = g_strdup_printf (_("grade %u"), i + 1);
      PcChecklistGrade grade = { 0 };
      const char *name;

      if (object == NULL ||
          (name = get_string (object, "name", where, error)) == NULL ||
          !get_number (object, "min", where, TRUE, 0, &grade.min, error))
        return FALSE;
      if (grade.min > 100)
        /* Translators: a grade band's name, e.g. 优秀 */
        return invalid (error, _("the lowest total of the grade “%s” must lie between 0 and 100"), name);
      if (i > 0 && grade.min >= g_array_index (self->grades, PcChecklistGrade, i - 1).min)
        return invalid (error, _("grades must be listed from the highest band down, each with a "
                                 "lower “min” than the one before (“%s” is not below “%s”)"),
                        name, g_array_index (self->grades, PcChecklistGrade, i - 1).name);
      grade.name = g_strdup (name);
      g_array_append_val (self->grades, grade);
    }
  if (self->grades->len == 0)
    return invalid (error, _("the list “%s” is empty"), "grades");
  if (g_array_index (self->grades, PcChecklistGrade, self->grades->len - 1).min != 0)
    return invalid (error, _("the lowest grade “%s” must start at 0, so that every total has a grade"),
                    g_array_index (self->grades, PcChecklistGrade, self->grades->len - 1).name);
  return TRUE;
}

static gboolean
parse_low_relevance (PcChecklist  *self,
                     JsonObject   *root,
                     GError      **error)
{
  JsonNode *node = json_object_get_member (root, "low_relevance");
  JsonObject *object;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("“%s” must be an object"), "low_relevance");
  object = json_node_get_object (node);
  if (!get_number (object, "discount", "low_relevance", FALSE, 1.0, &self->low_discount, error))
    return FALSE;
  if (self->low_discount > 1.0)
    return invalid (error, _("“%s” must lie between 0 and 1"), "discount");
  g_strfreev (self->low_phrases);
  g_strfreev (self->legal_phrases);
  self->low_phrases = get_strv (object, "phrases", "low_relevance", error);
  self->legal_phrases = get_strv (object, "legal_phrases", "low_relevance", error);
  if (self->low_phrases == NULL || self->legal_phrases == NULL)
    {
      /* Keep the object valid for finalize. */
      if (self->low_phrases == NULL)
        self->low_phrases = g_new0 (char *, 1);
      if (self->legal_phrases == NULL)
        self->legal_phrases = g_new0 (char *, 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_root (PcChecklist  *self,
            JsonObject   *root,
            GError      **error)
{
  const char *format = json_object_get_string_member_with_default (root, "format", NULL);
  double format_version = 0;

  if (g_strcmp0 (format, CHECKLIST_FORMAT) != 0)
    return invalid (error, _("“format” must be “%s”"), CHECKLIST_FORMAT);
  if (!get_number (root, "format_version", "checklist", TRUE, 0, &format_version, error))
    return FALSE;
  if (format_version > CHECKLIST_FORMAT_VERSION)
    return invalid (error, _("it was written by a newer version of Pingcha"));
  if (get_string (root, "id", "checklist", error) == NULL ||
      get_string (root, "version", "checklist", error) == NULL ||
      get_string (root, "title", "checklist", error) == NULL)
    return FALSE;
  self->id = g_strdup (json_object_get_string_member (root, "id"));
  self->version = g_strdup (json_object_get_string_member (root, "version"));
  self->title = g_strdup (json_object_get_string_member (root, "title"));
  self->source = g_strdup (json_object_get_string_member_with_default (root, "source", ""));

  return parse_chapters (self, root, error) &&
         parse_blocks (self, root, error) &&
         parse_items (self, root, error) &&
         parse_form (self, root, error) &&
         parse_grades (self, root, error) &&
         parse_low_relevance (self, root, error);
}

/* Writing */

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *strv)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
add_member_string (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_member_double (JsonBuilder *b,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (b, name);
  /* Whole numbers stay integers so the file reads as written by hand. */
  if (value == floor (value) && fabs (value) < 1e9)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, round (value * 10000) / 10000);
}

static void
build_items (PcChecklist *self,
             JsonBuilder *b)
{
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->items->len; i++)
    {
      const PcChecklistItem *item = &g_array_index (self->items, PcChecklistItem, i);

      json_builder_begin_object (b);
      add_member_double (b, "code", item->code);
      add_member_string (b, "label", item->label);
      add_member_double (b, "chapter", item->chapter);
      add_member_string (b, "title", item->title);
      add_member_string (b, "requirement", item->requirement);
      add_strv (b, "phrases", (const char * const *) item->phrases);
      add_strv (b, "em_phrases", (const char * const *) item->em_phrases);
      add_member_string (b, "block", item->block);
      add_member_double (b, "weight", item->weight);
      json_builder_set_member_name (b, "applicable");
      json_builder_add_boolean_value (b, item->applicable);
      add_member_double (b, "max_points", pc_checklist_get_item_max_points (self, item->code));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_form_and_grades (PcChecklist *self,
                       JsonBuilder *b)
{
  json_builder_set_member_name (b, "form");
  json_builder_begin_object (b);
  add_member_double (b, "max_points", self->form_max);
  json_builder_set_member_name (b, "deductions");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->deductions->len; i++)
    {
      const PcChecklistDeduction *d = &g_array_index (self->deductions, PcChecklistDeduction, i);

      json_builder_begin_object (b);
      add_member_string (b, "code", d->code);
      add_member_double (b, "points", d->points);
      add_member_string (b, "description", d->description);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "grades");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->grades->len; i++)
    {
      const PcChecklistGrade *g = &g_array_index (self->grades, PcChecklistGrade, i);

      json_builder_begin_object (b);
      add_member_string (b, "name", g->name);
      add_member_double (b, "min", g->min);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "low_relevance");
  json_builder_begin_object (b);
  add_member_double (b, "discount", self->low_discount);
  add_strv (b, "phrases", (const char * const *) self->low_phrases);
  add_strv (b, "legal_phrases", (const char * const *) self->legal_phrases);
  json_builder_end_object (b);
}

static void
build_chapters_and_blocks (PcChecklist *self,
                           JsonBuilder *b)
{
  json_builder_set_member_name (b, "chapters");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->chapters->len; i++)
    {
      const PcChecklistChapter *c = &g_array_index (self->chapters, PcChecklistChapter, i);

      json_builder_begin_object (b);
      add_member_double (b, "number", c->number);
      add_member_string (b, "label", c->label);
      add_member_string (b, "title", c->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "blocks");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const PcChecklistBlock *block = &g_array_index (self->blocks, PcChecklistBlock, i);

      json_builder_begin_object (b);
      add_member_string (b, "id", block->id);
      add_member_string (b, "title", block->title);
      add_member_double (b, "points", block->points);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Public API */

/**
 * pc_checklist_new_default:
 *
 * Returns: (transfer full): the built-in outline checklist, compiled into the library.
 */
PcChecklist *
pc_checklist_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PcChecklist *self;
  gsize size;
  const char *data;

  /* Looked up in our own bundle so the resource object is always linked in. */
  bytes = g_resource_lookup_data (pc_checklists_get_resource (), DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in checklist is missing: %s", error->message);
  data = g_bytes_get_data (bytes, &size);
  self = pc_checklist_new_from_data (data, size, &error);
  if (self == NULL)
    g_error ("The built-in checklist is broken: %s", error->message);
  return self;
}

/**
 * pc_checklist_new_from_data:
 * @data: checklist JSON
 * @length: its length, or -1 when nul-terminated
 *
 * Returns: (transfer full) (nullable): the checklist, or %NULL with a translated @error
 */
PcChecklist *
pc_checklist_new_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PcChecklist) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_PARSE,
                   /* Translators: the JSON parser's message follows */
                   _("The checklist is not readable JSON: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("the file does not hold a JSON object"));
      return NULL;
    }
  self = g_object_new (PC_TYPE_CHECKLIST, NULL);
  if (!parse_root (self, json_node_get_object (root), error))
    return NULL;
  return g_steal_pointer (&self);
}

PcChecklist *
pc_checklist_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return pc_checklist_new_from_data (contents, length, error);
}

PcChecklist *
pc_checklist_copy (PcChecklist *self)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);

  json = pc_checklist_to_json (self);
  return pc_checklist_new_from_data (json, -1, NULL);
}

/**
 * pc_checklist_to_json:
 *
 * Returns: (transfer full): the checklist as JSON, in the format pc_checklist_new_from_data() reads
 */
char *
pc_checklist_to_json (PcChecklist *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);

  json_builder_begin_object (b);
  add_member_string (b, "format", CHECKLIST_FORMAT);
  add_member_double (b, "format_version", CHECKLIST_FORMAT_VERSION);
  add_member_string (b, "id", self->id);
  add_member_string (b, "version", self->version);
  add_member_string (b, "title", self->title);
  add_member_string (b, "source", self->source);
  build_chapters_and_blocks (self, b);
  build_items (self, b);
  build_form_and_grades (self, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

gboolean
pc_checklist_save_to_file (PcChecklist  *self,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json = pc_checklist_to_json (self);
  return g_file_set_contents (path, json, -1, error);
}

/* REFI-QDA codebook */

static char *
make_guid (PcChecklist *self,
           const char  *what)
{
  g_autofree char *seed = g_strdup_printf ("%s/%s/%s", self->id, self->version, what);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* A stable name-based GUID: the same checklist always exports the same codes. */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-a%.3s-%.12s", sha, sha + 8, sha + 13, sha + 17, sha + 20);
}

static gboolean
write_code_start (PcChecklist      *self,
                  xmlTextWriterPtr  w,
                  const char       *guid_seed,
                  const char       *name,
                  gboolean          codable,
                  const char       *description)
{
  g_autofree char *guid = make_guid (self, guid_seed);

  return xmlTextWriterStartElement (w, BAD_CAST "Code") >= 0 &&
         xmlTextWriterWriteAttribute (w, BAD_CAST "guid", BAD_CAST guid) >= 0 &&
         xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST name) >= 0 &&
         xmlTextWriterWriteAttribute (w, BAD_CAST "isCodable",
                                      BAD_CAST (codable ? "true" : "false")) >= 0 &&
         (description == NULL || *description == '\0' ||
          xmlTextWriterWriteElement (w, BAD_CAST "Description", BAD_CAST description) >= 0);
}

static gboolean
write_codes (PcChecklist      *self,
             xmlTextWriterPtr  w)
{
  for (guint c = 0; c < self->chapters->len; c++)
    {
      const PcChecklistChapter *chapter = &g_array_index (self->chapters, PcChecklistChapter, c);
      g_autofree char *seed = g_strdup_printf ("chapter-%u", chapter->number);
      g_autofree char *name = g_strdup_printf ("%s、%s", chapter->label, chapter->title);

      if (!write_code_start (self, w, seed, name, FALSE, NULL))
        return FALSE;
      for (guint i = 0; i < self->items->len; i++)
        {
          const PcChecklistItem *item = &g_array_index (self->items, PcChecklistItem, i);
          g_autofree char *item_seed = NULL;
          g_autofree char *item_name = NULL;

          if (item->chapter != chapter->number)
            continue;
          item_seed = g_strdup_printf ("item-%u", item->code);
          item_name = g_strdup_printf ("%u %s", item->code, item->title);
          if (!write_code_start (self, w, item_seed, item_name, TRUE, item->requirement) ||
              xmlTextWriterEndElement (w) < 0)
            return FALSE;
        }
      if (xmlTextWriterEndElement (w) < 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * pc_checklist_to_qdc:
 *
 * Exports the outline as a REFI-QDA codebook: chapters are parent codes that cannot be
 * coded, items are codable codes beneath them.
 *
 * Returns: (transfer full) (nullable): the .qdc XML
 */
char *
pc_checklist_to_qdc (PcChecklist  *self,
                     GError      **error)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w;
  g_autofree char *origin = g_strdup_printf ("Pingcha %s", PACKAGE_VERSION);
  gboolean ok;
  char *result = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);

  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  ok = xmlTextWriterStartDocument (w, "1.0", "utf-8", NULL) >= 0 &&
       xmlTextWriterStartElement (w, BAD_CAST "CodeBook") >= 0 &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "urn:QDA-XML:codebook:1.0") >= 0 &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "origin", BAD_CAST origin) >= 0 &&
       xmlTextWriterStartElement (w, BAD_CAST "Codes") >= 0 &&
       write_codes (self, w) &&
       xmlTextWriterEndElement (w) >= 0 &&
       xmlTextWriterEndElement (w) >= 0 &&
       xmlTextWriterEndDocument (w) >= 0;
  xmlFreeTextWriter (w);
  if (ok)
    result = g_strdup ((const char *) xmlBufferContent (buffer));
  else
    g_set_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_INVALID,
                 _("The codebook could not be written"));
  xmlBufferFree (buffer);
  return result;
}

gboolean
pc_checklist_equal (PcChecklist *a,
                    PcChecklist *b)
{
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (a), FALSE);
  g_return_val_if_fail (PC_IS_CHECKLIST (b), FALSE);

  ja = pc_checklist_to_json (a);
  jb = pc_checklist_to_json (b);
  return g_str_equal (ja, jb);
}

const char *
pc_checklist_get_id (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  return self->id;
}

const char *
pc_checklist_get_version (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  return self->version;
}

const char *
pc_checklist_get_title (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  return self->title;
}

guint
pc_checklist_get_n_chapters (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->chapters->len;
}

const PcChecklistChapter *
pc_checklist_get_chapter (PcChecklist *self,
                          guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->chapters->len, NULL);
  return &g_array_index (self->chapters, PcChecklistChapter, index);
}

guint
pc_checklist_get_n_blocks (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->blocks->len;
}

const PcChecklistBlock *
pc_checklist_get_block (PcChecklist *self,
                        guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, PcChecklistBlock, index);
}

gboolean
pc_checklist_set_block_points (PcChecklist *self,
                               const char  *block_id,
                               double       points)
{
  gint index;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (points >= 0, FALSE);

  if ((index = find_block (self, block_id)) < 0)
    return FALSE;
  g_array_index (self->blocks, PcChecklistBlock, index).points = points;
  return TRUE;
}

guint
pc_checklist_get_n_items (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->items->len;
}

const PcChecklistItem *
pc_checklist_get_item (PcChecklist *self,
                       guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, PcChecklistItem, index);
}

const PcChecklistItem *
pc_checklist_find_item (PcChecklist *self,
                        guint        code)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);

  /* Codes are validated to be 1 … n in order. */
  if (code == 0 || code > self->items->len)
    return NULL;
  return &g_array_index (self->items, PcChecklistItem, code - 1);
}

guint
pc_checklist_get_item_block_index (PcChecklist *self,
                                   guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  g_return_val_if_fail (index < self->items->len, 0);
  return g_array_index (self->item_block, guint, index);
}

gboolean
pc_checklist_set_item_weight (PcChecklist *self,
                              guint        code,
                              double       weight)
{
  PcChecklistItem *item;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (weight >= 0, FALSE);

  if (code == 0 || code > self->items->len)
    return FALSE;
  item = &g_array_index (self->items, PcChecklistItem, code - 1);
  item->weight = weight;
  return TRUE;
}

gboolean
pc_checklist_set_item_applicable (PcChecklist *self,
                                  guint        code,
                                  gboolean     applicable)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), FALSE);

  if (code == 0 || code > self->items->len)
    return FALSE;
  g_array_index (self->items, PcChecklistItem, code - 1).applicable = !!applicable;
  return TRUE;
}

/**
 * pc_checklist_get_item_max_points:
 *
 * The points an item can earn under the checklist's own applicability: its block's points
 * shared out by weight among the block's applicable items.
 */
double
pc_checklist_get_item_max_points (PcChecklist *self,
                                  guint        code)
{
  const PcChecklistItem *item;
  guint block;
  double sum = 0;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);

  if ((item = pc_checklist_find_item (self, code)) == NULL || !item->applicable)
    return 0;
  block = g_array_index (self->item_block, guint, code - 1);
  for (guint i = 0; i < self->items->len; i++)
    {
      const PcChecklistItem *other = &g_array_index (self->items, PcChecklistItem, i);

      if (other->applicable && g_array_index (self->item_block, guint, i) == block)
        sum += other->weight;
    }
  if (sum <= 0)
    return 0;
  return g_array_index (self->blocks, PcChecklistBlock, block).points * item->weight / sum;
}

double
pc_checklist_get_form_max_points (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->form_max;
}

void
pc_checklist_set_form_max_points (PcChecklist *self,
                                  double       points)
{
  g_return_if_fail (PC_IS_CHECKLIST (self));
  g_return_if_fail (points >= 0);
  self->form_max = points;
}

guint
pc_checklist_get_n_deductions (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->deductions->len;
}

const PcChecklistDeduction *
pc_checklist_get_deduction (PcChecklist *self,
                            guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->deductions->len, NULL);
  return &g_array_index (self->deductions, PcChecklistDeduction, index);
}

/**
 * pc_checklist_get_deduction_points:
 *
 * Returns: the points one finding with @finding_code costs; 0 for codes not in the table
 */
double
pc_checklist_get_deduction_points (PcChecklist *self,
                                   const char  *finding_code)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  g_return_val_if_fail (finding_code != NULL, 0);

  for (guint i = 0; i < self->deductions->len; i++)
    {
      const PcChecklistDeduction *d = &g_array_index (self->deductions, PcChecklistDeduction, i);

      if (g_str_equal (d->code, finding_code))
        return d->points;
    }
  return 0;
}

void
pc_checklist_set_deduction_points (PcChecklist *self,
                                   const char  *finding_code,
                                   double       points)
{
  PcChecklistDeduction deduction = { 0 };

  g_return_if_fail (PC_IS_CHECKLIST (self));
  g_return_if_fail (finding_code != NULL);
  g_return_if_fail (points >= 0);

  for (guint i = 0; i < self->deductions->len; i++)
    {
      PcChecklistDeduction *d = &g_array_index (self->deductions, PcChecklistDeduction, i);

      if (g_str_equal (d->code, finding_code))
        {
          d->points = points;
          return;
        }
    }
  deduction.code = g_strdup (finding_code);
  deduction.points = points;
  deduction.description = g_strdup ("");
  g_array_append_val (self->deductions, deduction);
}

guint
pc_checklist_get_n_grades (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 0);
  return self->grades->len;
}

const PcChecklistGrade *
pc_checklist_get_grade (PcChecklist *self,
                        guint        index)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->grades->len, NULL);
  return &g_array_index (self->grades, PcChecklistGrade, index);
}

gboolean
pc_checklist_set_grade_min (PcChecklist *self,
                            const char  *name,
                            double       min)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (min >= 0 && min <= 100, FALSE);

  for (guint i = 0; i < self->grades->len; i++)
    {
      PcChecklistGrade *g = &g_array_index (self->grades, PcChecklistGrade, i);

      if (g_str_equal (g->name, name))
        {
          g->min = min;
          g_array_sort (self->grades, compare_grades);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * pc_checklist_grade_for:
 *
 * Returns: the name of the band with the highest minimum that @total reaches; a total
 *   below every band gets the lowest band
 */
const char *
pc_checklist_grade_for (PcChecklist *self,
                        double       total)
{
  const PcChecklistGrade *best = NULL;
  const PcChecklistGrade *lowest = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (self->grades->len > 0, NULL);

  /* Whatever order the bands are in. A small tolerance so that 89.99999 from rescaling
   * still counts as 90. */
  for (guint i = 0; i < self->grades->len; i++)
    {
      const PcChecklistGrade *g = &g_array_index (self->grades, PcChecklistGrade, i);

      if (lowest == NULL || g->min < lowest->min)
        lowest = g;
      if (total + 1e-6 >= g->min && (best == NULL || g->min > best->min))
        best = g;
    }
  return best ? best->name : lowest->name;
}

const char * const *
pc_checklist_get_low_relevance_phrases (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  return (const char * const *) self->low_phrases;
}

const char * const *
pc_checklist_get_legal_phrases (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);
  return (const char * const *) self->legal_phrases;
}

double
pc_checklist_get_low_relevance_discount (PcChecklist *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (self), 1.0);
  return self->low_discount;
}

/**
 * pc_checklist_dup_recomputed_note:
 *
 * What reading the file changed: items whose “max_points” in the file did not follow from
 * the block points and weights, and were worked out again.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL when the file's
 *   maxima were all as computed (or the checklist was not read from a file)
 */
char *
pc_checklist_dup_recomputed_note (PcChecklist *self)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  g_return_val_if_fail (PC_IS_CHECKLIST (self), NULL);

  if (self->recomputed->len == 0)
    return NULL;
  for (guint i = 0; i < self->recomputed->len; i++)
    {
      guint code = g_array_index (self->recomputed, guint, i);

      /* Translators: the separator in a list of item numbers */
      g_string_append_printf (codes, "%s%u → %.4g", i ? _(", ") : "", code,
                              pc_checklist_get_item_max_points (self, code));
    }
  /* Translators: the list is of item numbers and their computed maximum, "14 → 5, 15 → 4" */
  return g_strdup_printf (_("“max_points” follows from the block’s points and the items’ "
                            "weights; where the file’s figure did not, it was replaced (item → "
                            "maximum): %s. To change an item’s maximum, change its “weight” or "
                            "its block’s “points”."), codes->str);
}

/**
 * pc_checklist_diff_definition:
 *
 * Compares what defines two checklists, leaving out what a project may edit: each item's
 * weight and applicability (and the maxima that follow from them).
 *
 * Returns: (transfer full): the names of the checklist file's members that differ, such as
 *   “grades” or “items”; empty when the two define the same checklist
 */
GStrv
pc_checklist_diff_definition (PcChecklist *a,
                              PcChecklist *b)
{
  g_autoptr(PcChecklist) settled = NULL;
  g_autoptr(GStrvBuilder) differ = g_strv_builder_new ();
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object_a, *object_b;

  g_return_val_if_fail (PC_IS_CHECKLIST (a), NULL);
  g_return_val_if_fail (PC_IS_CHECKLIST (b), NULL);

  settled = pc_checklist_copy (b);
  for (guint i = 0; i < MIN (a->items->len, settled->items->len); i++)
    {
      const PcChecklistItem *item = &g_array_index (a->items, PcChecklistItem, i);

      pc_checklist_set_item_weight (settled, item->code, item->weight);
      pc_checklist_set_item_applicable (settled, item->code, item->applicable);
    }
  json_a = pc_checklist_to_json (a);
  json_b = pc_checklist_to_json (settled);
  node_a = json_from_string (json_a, NULL);
  node_b = json_from_string (json_b, NULL);
  object_a = json_node_get_object (node_a);
  object_b = json_node_get_object (node_b);
  /* Both come from pc_checklist_to_json(), so they have the same members. */
  members = json_object_get_members (object_a);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_node_equal (json_object_get_member (object_a, l->data),
                          json_object_get_member (object_b, l->data)))
      g_strv_builder_add (differ, l->data);
  return g_strv_builder_end (differ);
}

/**
 * pc_checklist_same_settings:
 *
 * Returns: whether @a and @b give their items the same weights and applicability
 */
gboolean
pc_checklist_same_settings (PcChecklist *a,
                            PcChecklist *b)
{
  g_return_val_if_fail (PC_IS_CHECKLIST (a), FALSE);
  g_return_val_if_fail (PC_IS_CHECKLIST (b), FALSE);

  if (a->items->len != b->items->len)
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const PcChecklistItem *ia = &g_array_index (a->items, PcChecklistItem, i);
      const PcChecklistItem *ib = &g_array_index (b->items, PcChecklistItem, i);

      /* Weights are written with four decimals. */
      if (ia->applicable != ib->applicable || fabs (ia->weight - ib->weight) > 1e-4)
        return FALSE;
    }
  return TRUE;
}

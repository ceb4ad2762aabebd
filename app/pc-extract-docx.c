/* pc-extract-docx.c — the text of a Word (OOXML) document, list numbers included.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-extract-docx"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pc-error.h"
#include "pc-extract.h"

#define W_NS        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS       "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define N_LEVELS    9
/* No real document part comes near this once inflated; a zip bomb does. */
#define MAX_PART_BYTES ((gsize) 512 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct archive Archive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Archive, archive_read_free)

typedef struct
{
  int       start;
  char     *format;       /* w:numFmt, e.g. "decimal", "chineseCounting" */
  char     *text;         /* w:lvlText, e.g. "%1、" */
  char     *suffix;       /* w:suff: "tab", "space" or "nothing" */
  char     *style;        /* w:pStyle linking the level to a paragraph style */
  int       restart;      /* w:lvlRestart, -1 when absent */
  gboolean  legal;        /* w:isLgl */
} NumLevel;

typedef struct
{
  NumLevel levels[N_LEVELS];
  int      counters[N_LEVELS];
  gboolean started[N_LEVELS];
} AbstractNum;

typedef struct
{
  AbstractNum *abstract;
  int          start_override[N_LEVELS];   /* -1 when absent */
  gboolean     own_counters;
  int          counters[N_LEVELS];
  gboolean     started[N_LEVELS];
} NumInstance;

typedef struct
{
  char *based_on;
  int   num_id;   /* -1 when the style sets none */
  int   ilvl;     /* -1 when the style sets none */
} ParaStyle;

typedef struct
{
  GString    *out;
  GHashTable *abstracts;   /* abstractNumId → AbstractNum */
  GHashTable *nums;        /* numId → NumInstance */
  GHashTable *styles;      /* styleId → ParaStyle */
  char       *default_style;
} DocxReader;

static void
abstract_num_free (gpointer data)
{
  AbstractNum *abstract = data;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (abstract->levels[i].format);
      g_free (abstract->levels[i].text);
      g_free (abstract->levels[i].suffix);
      g_free (abstract->levels[i].style);
    }
  g_free (abstract);
}

static void
para_style_free (gpointer data)
{
  ParaStyle *style = data;

  g_free (style->based_on);
  g_free (style);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && (xmlStrEqual (node->ns->href, (const xmlChar *) W_NS)
             || xmlStrEqual (node->ns->href, (const xmlChar *) W_NS_STRICT))
         && xmlStrEqual (node->name, (const xmlChar *) name);
}

static gboolean
is_mc (xmlNode    *node,
       const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, (const xmlChar *) MC_NS)
         && xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_w (child, name))
      return child;
  return NULL;
}

/* w:val of a child element, or NULL. */
static char *
w_child_val (xmlNode    *node,
             const char *name)
{
  xmlNode *child = w_child (node, name);
  xmlChar *value;

  if (child == NULL)
    return NULL;
  value = xmlGetNsProp (child, (const xmlChar *) "val", (const xmlChar *) W_NS);
  if (value == NULL)
    value = xmlGetNsProp (child, (const xmlChar *) "val", (const xmlChar *) W_NS_STRICT);
  return (char *) value;
}

static int
w_child_int (xmlNode    *node,
             const char *name,
             int         fallback)
{
  g_autofree char *value = w_child_val (node, name);

  if (value == NULL)
    return fallback;
  return (int) g_ascii_strtoll (value, NULL, 10);
}

static char *
w_attr (xmlNode    *node,
        const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) W_NS);

  if (value == NULL)
    value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) W_NS_STRICT);
  return (char *) value;
}

static int
w_attr_int (xmlNode    *node,
            const char *name,
            int         fallback)
{
  g_autofree char *value = w_attr (node, name);

  if (value == NULL)
    return fallback;
  return (int) g_ascii_strtoll (value, NULL, 10);
}

/* ---- Archive ---------------------------------------------------------------------------- */

static void
set_corrupt_error (GError     **error,
                   const char  *detail)
{
  g_set_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_CORRUPT,
               _("The file is not a Word document or it is damaged; open it in Word or WPS, save "
                 "it again as .docx and import that copy (%s)"), detail);
}

static gboolean
is_wanted_part (const char *name)
{
  return g_str_equal (name, "_rels/.rels")
         || (g_str_has_prefix (name, "word/") && g_str_has_suffix (name, ".xml")
             && strchr (name + 5, '/') == NULL);
}

static GBytes *
read_entry (struct archive  *archive,
            GError         **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  la_ssize_t n;

  while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
    {
      if (buffer->len + (gsize) n > MAX_PART_BYTES)
        {
          g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_TOO_LARGE,
                               _("The Word document is far larger than any annual report"));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  if (n < 0)
    {
      set_corrupt_error (error, archive_error_string (archive));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Reads the parts we need into a table of part name → bytes. */
static GHashTable *
read_parts (const guint8  *data,
            gsize          len,
            GError       **error)
{
  g_autoptr(Archive) archive = archive_read_new ();
  g_autoptr(GHashTable) parts = NULL;
  struct archive_entry *entry;
  int status;

  parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, len) != ARCHIVE_OK)
    {
      set_corrupt_error (error, archive_error_string (archive));
      return NULL;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      if (name != NULL && is_wanted_part (name))
        {
          GBytes *bytes = read_entry (archive, error);

          if (bytes == NULL)
            return NULL;
          g_hash_table_replace (parts, g_strdup (name), bytes);
        }
      else if (archive_read_data_skip (archive) != ARCHIVE_OK)
        {
          set_corrupt_error (error, archive_error_string (archive));
          return NULL;
        }
    }

  if (status != ARCHIVE_EOF)
    {
      const char *detail = archive_error_string (archive);

      set_corrupt_error (error, detail != NULL ? detail : _("the archive is truncated"));
      return NULL;
    }

  return g_steal_pointer (&parts);
}

static xmlDoc *
parse_part (GHashTable *parts,
            const char *name)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len > G_MAXINT)
    return NULL;
  return xmlReadMemory (data, (int) len, name, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                        | XML_PARSE_HUGE);
}

/* The main part is named in _rels/.rels; nearly always word/document.xml. */
static char *
find_main_part (GHashTable *parts)
{
  g_autoptr(xmlDoc) rels = parse_part (parts, "_rels/.rels");
  xmlNode *root = rels != NULL ? xmlDocGetRootElement (rels) : NULL;

  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      type = (char *) xmlGetProp (child, (const xmlChar *) "Type");
      target = (char *) xmlGetProp (child, (const xmlChar *) "Target");
      if (type != NULL && target != NULL && g_str_has_suffix (type, "/officeDocument"))
        return g_strdup (target[0] == '/' ? target + 1 : target);
    }

  return g_strdup ("word/document.xml");
}

/* ---- Numbering -------------------------------------------------------------------------- */

static void
load_level (NumLevel *level,
            xmlNode  *lvl)
{
  g_free (level->format);
  g_free (level->text);
  g_free (level->suffix);
  g_free (level->style);
  level->start = w_child_int (lvl, "start", 1);
  level->format = w_child_val (lvl, "numFmt");
  level->text = w_child_val (lvl, "lvlText");
  level->suffix = w_child_val (lvl, "suff");
  level->style = w_child_val (lvl, "pStyle");
  level->restart = w_child_int (lvl, "lvlRestart", -1);
  level->legal = w_child (lvl, "isLgl") != NULL;
}

static void
load_numbering (DocxReader *reader,
                xmlDoc     *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      if (is_w (node, "abstractNum"))
        {
          AbstractNum *abstract = g_new0 (AbstractNum, 1);

          for (guint i = 0; i < N_LEVELS; i++)
            abstract->levels[i].start = 1;
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              int ilvl = is_w (lvl, "lvl") ? w_attr_int (lvl, "ilvl", -1) : -1;

              if (ilvl >= 0 && ilvl < N_LEVELS)
                load_level (&abstract->levels[ilvl], lvl);
            }
          g_hash_table_replace (reader->abstracts,
                                GINT_TO_POINTER (w_attr_int (node, "abstractNumId", -1)),
                                abstract);
        }
      else if (is_w (node, "num"))
        {
          int abstract_id = w_child_int (node, "abstractNumId", -1);
          AbstractNum *abstract = g_hash_table_lookup (reader->abstracts,
                                                       GINT_TO_POINTER (abstract_id));
          NumInstance *num;

          if (abstract == NULL)
            continue;
          num = g_new0 (NumInstance, 1);
          num->abstract = abstract;
          for (guint i = 0; i < N_LEVELS; i++)
            num->start_override[i] = -1;
          for (xmlNode *over = node->children; over != NULL; over = over->next)
            {
              int ilvl = is_w (over, "lvlOverride") ? w_attr_int (over, "ilvl", -1) : -1;

              if (ilvl < 0 || ilvl >= N_LEVELS)
                continue;
              num->start_override[ilvl] = w_child_int (over, "startOverride", -1);
              num->own_counters |= num->start_override[ilvl] >= 0;
            }
          g_hash_table_replace (reader->nums, GINT_TO_POINTER (w_attr_int (node, "numId", -1)),
                                num);
        }
    }
}

static void
load_styles (DocxReader *reader,
             xmlDoc     *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *id = NULL;
      g_autofree char *is_default = NULL;
      xmlNode *num_pr;
      ParaStyle *style;

      if (!is_w (node, "style"))
        continue;
      type = w_attr (node, "type");
      id = w_attr (node, "styleId");
      if (id == NULL || g_strcmp0 (type, "paragraph") != 0)
        continue;

      num_pr = w_child (w_child (node, "pPr"), "numPr");
      style = g_new0 (ParaStyle, 1);
      style->based_on = w_child_val (node, "basedOn");
      style->num_id = w_child_int (num_pr, "numId", -1);
      style->ilvl = w_child_int (num_pr, "ilvl", -1);

      is_default = w_attr (node, "default");
      if (g_strcmp0 (is_default, "1") == 0 || g_strcmp0 (is_default, "true") == 0)
        {
          g_free (reader->default_style);
          reader->default_style = g_strdup (id);
        }
      g_hash_table_replace (reader->styles, g_steal_pointer (&id), style);
    }
}

static void
append_counting (GString    *out,
                 guint       n,
                 const char *digits[10],
                 const char *units[4],
                 gboolean    drop_leading_one)
{
  guint divisors[4] = { 1000, 100, 10, 1 };
  gboolean pending_zero = FALSE;
  gboolean any = FALSE;

  if (n == 0 || n > 9999)
    {
      g_string_append_printf (out, "%u", n);
      return;
    }

  for (guint i = 0; i < 4; i++)
    {
      guint d = (n / divisors[i]) % 10;

      if (d == 0)
        {
          pending_zero = any;
          continue;
        }
      if (pending_zero)
        g_string_append (out, digits[0]);
      pending_zero = FALSE;
      /* 十一, not 一十一, for 10–19. */
      if (!(drop_leading_one && !any && d == 1 && i == 2))
        g_string_append (out, digits[d]);
      g_string_append (out, units[i]);
      any = TRUE;
    }
}

static void
append_alpha (GString *out,
              guint    n,
              char     first)
{
  /* Word repeats the letter: a … z, aa … zz, aaa … */
  guint repeat = (n - 1) / 26 + 1;

  for (guint i = 0; i < repeat; i++)
    g_string_append_c (out, (char) (first + (n - 1) % 26));
}

static void
append_roman (GString  *out,
              guint     n,
              gboolean  upper)
{
  static const guint values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
  static const char *symbols[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v",
                                   "iv", "i" };
  gsize start = out->len;

  for (guint i = 0; i < G_N_ELEMENTS (values) && n > 0; i++)
    for (; n >= values[i]; n -= values[i])
      g_string_append (out, symbols[i]);
  if (upper)
    for (gsize i = start; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
}

static gboolean
append_from_table (GString    *out,
                   guint       n,
                   const char *table)
{
  const char *p = table;

  if (n == 0 || n > (guint) g_utf8_strlen (table, -1))
    return FALSE;
  p = g_utf8_offset_to_pointer (table, n - 1);
  g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return TRUE;
}

static gboolean
append_enclosed (GString  *out,
                 guint     n,
                 gunichar  first,
                 guint     count)
{
  if (n == 0 || n > count)
    return FALSE;
  g_string_append_unichar (out, first + n - 1);
  return TRUE;
}

static void
append_number (GString    *out,
               guint       n,
               const char *format)
{
  static const char *cn_digits[10] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char *cn_units[4] = { "千", "百", "十", "" };
  static const char *legal_digits[10] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
  static const char *legal_units[4] = { "仟", "佰", "拾", "" };

  if (format == NULL || g_str_equal (format, "decimal") || g_str_equal (format, "ordinal")
      || g_str_equal (format, "cardinalText") || g_str_equal (format, "ordinalText"))
    g_string_append_printf (out, "%u", n);
  else if (g_str_equal (format, "decimalZero"))
    g_string_append_printf (out, "%02u", n);
  else if (g_str_equal (format, "none") || g_str_equal (format, "bullet"))
    return;
  else if (g_str_equal (format, "chineseCounting") || g_str_equal (format, "chineseCountingThousand")
           || g_str_equal (format, "japaneseCounting") || g_str_equal (format, "taiwanCounting")
           || g_str_equal (format, "taiwanCountingThousand")
           || g_str_equal (format, "koreanCounting"))
    append_counting (out, n, cn_digits, cn_units, TRUE);
  else if (g_str_equal (format, "chineseLegalSimplified"))
    append_counting (out, n, legal_digits, legal_units, FALSE);
  else if (g_str_equal (format, "ideographDigital") || g_str_equal (format, "taiwanDigital"))
    {
      g_autofree char *digits = g_strdup_printf ("%u", n);

      for (const char *d = digits; *d; d++)
        g_string_append (out, *d == '0' ? "〇" : cn_digits[*d - '0']);
    }
  else if (g_str_equal (format, "upperRoman") || g_str_equal (format, "lowerRoman"))
    append_roman (out, n, format[0] == 'u');
  else if ((g_str_equal (format, "upperLetter") || g_str_equal (format, "lowerLetter")) && n > 0)
    append_alpha (out, n, format[0] == 'u' ? 'A' : 'a');
  else if (g_str_equal (format, "ideographTraditional") && append_from_table (out, n, "甲乙丙丁戊己庚辛壬癸"))
    return;
  else if (g_str_equal (format, "ideographZodiac") && append_from_table (out, n, "子丑寅卯辰巳午未申酉戌亥"))
    return;
  else if ((g_str_equal (format, "decimalEnclosedCircle")
            || g_str_equal (format, "decimalEnclosedCircleChinese"))
           && (append_enclosed (out, n, 0x2460, 20)
               || (n > 20 && n <= 35 && append_enclosed (out, n - 20, 0x3251, 15))
               || (n > 35 && n <= 50 && append_enclosed (out, n - 35, 0x32B1, 15))))
    return;
  else if (g_str_equal (format, "decimalEnclosedParen") && append_enclosed (out, n, 0x2474, 20))
    return;
  else if (g_str_equal (format, "decimalEnclosedFullstop") && append_enclosed (out, n, 0x2488, 20))
    return;
  else if (g_str_has_prefix (format, "decimalFullWidth"))
    {
      g_autofree char *digits = g_strdup_printf ("%u", n);

      for (const char *d = digits; *d; d++)
        g_string_append_unichar (out, 0xFF10 + (gunichar) (*d - '0'));
    }
  else
    g_string_append_printf (out, "%u", n);
}

static gboolean
ends_wide (const GString *text)
{
  const char *last;
  gunichar c;

  if (text->len == 0)
    return TRUE;
  last = g_utf8_find_prev_char (text->str, text->str + text->len);
  c = last != NULL ? g_utf8_get_char (last) : 0;
  return c >= 0x2000;
}

/* Advances the list's counters for a paragraph at @ilvl and returns its number text. */
static char *
number_paragraph (DocxReader *reader,
                  int         num_id,
                  int         ilvl)
{
  NumInstance *num = g_hash_table_lookup (reader->nums, GINT_TO_POINTER (num_id));
  g_autoptr(GString) text = NULL;
  NumLevel *levels;
  int *counters;
  gboolean *started;

  if (num == NULL || ilvl < 0 || ilvl >= N_LEVELS)
    return NULL;

  levels = num->abstract->levels;
  counters = num->own_counters ? num->counters : num->abstract->counters;
  started = num->own_counters ? num->started : num->abstract->started;

#define LEVEL_START(k) (num->start_override[k] >= 0 ? num->start_override[k] : levels[k].start)
  counters[ilvl] = started[ilvl] ? counters[ilvl] + 1 : LEVEL_START (ilvl);
  started[ilvl] = TRUE;
  for (int k = ilvl + 1; k < N_LEVELS; k++)
    if (levels[k].restart != 0 && (levels[k].restart < 0 || ilvl <= levels[k].restart - 1))
      started[k] = FALSE;

  if (g_strcmp0 (levels[ilvl].format, "bullet") == 0 || levels[ilvl].text == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (const char *p = levels[ilvl].text; *p; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          int value = started[k] ? counters[k] : LEVEL_START (k);

          append_number (text, (guint) MAX (value, 0),
                         levels[ilvl].legal ? "decimal" : levels[k].format);
          p++;
        }
      else
        g_string_append_c (text, *p);
    }
#undef LEVEL_START

  /* The tab or space after the number separates it from the text; after 、 or ） it is
   * not needed. */
  if (text->len > 0 && g_strcmp0 (levels[ilvl].suffix, "nothing") != 0 && !ends_wide (text))
    g_string_append_c (text, ' ');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Finds numId and ilvl for a paragraph, from its own properties or its style chain. */
static char *
paragraph_number (DocxReader *reader,
                  xmlNode    *p_pr)
{
  xmlNode *num_pr = w_child (p_pr, "numPr");
  g_autofree char *style_id = w_child_val (p_pr, "pStyle");
  const char *id;
  int num_id = w_child_int (num_pr, "numId", -1);
  int ilvl = w_child_int (num_pr, "ilvl", -1);
  const char *numbered_style = NULL;

  id = style_id != NULL ? style_id : reader->default_style;
  for (guint depth = 0; id != NULL && depth < 16 && (num_id < 0 || ilvl < 0); depth++)
    {
      ParaStyle *style = g_hash_table_lookup (reader->styles, id);

      if (style == NULL)
        break;
      if (num_id < 0 && style->num_id >= 0)
        {
          num_id = style->num_id;
          numbered_style = id;
        }
      if (ilvl < 0 && style->ilvl >= 0)
        ilvl = style->ilvl;
      id = style->based_on;
    }

  if (num_id <= 0)
    return NULL;

  /* A style-linked list names the level that belongs to the style. */
  if (ilvl < 0 && numbered_style != NULL)
    {
      NumInstance *num = g_hash_table_lookup (reader->nums, GINT_TO_POINTER (num_id));

      for (int k = 0; num != NULL && k < N_LEVELS; k++)
        if (g_strcmp0 (num->abstract->levels[k].style, numbered_style) == 0)
          ilvl = k;
    }

  return number_paragraph (reader, num_id, MAX (ilvl, 0));
}

/* ---- Document --------------------------------------------------------------------------- */

static void read_blocks (DocxReader *reader,
                         xmlNode    *node);

static gboolean
run_is_hidden (xmlNode *run)
{
  xmlNode *vanish = w_child (w_child (run, "rPr"), "vanish");
  g_autofree char *value = NULL;

  if (vanish == NULL)
    return FALSE;
  value = w_attr (vanish, "val");
  return value == NULL || !(g_str_equal (value, "0") || g_str_equal (value, "false"));
}

/* The first choice of mc:AlternateContent; its fallback repeats the same content. */
static xmlNode *
alternate_choice (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_mc (child, "Choice"))
      return child;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_mc (child, "Fallback"))
      return child;
  return NULL;
}

/* Text boxes and shapes hold paragraphs of their own, found anywhere below a drawing. */
static void
read_nested_text_boxes (DocxReader *reader,
                        xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (child, "txbxContent"))
        read_blocks (reader, child);
      else if (is_mc (child, "AlternateContent"))
        {
          xmlNode *choice = alternate_choice (child);

          if (choice != NULL)
            read_nested_text_boxes (reader, choice);
        }
      else
        read_nested_text_boxes (reader, child);
    }
}

static void
read_inline (DocxReader *reader,
             xmlNode    *node,
             GString    *text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_w (child, "t"))
        {
          g_autofree char *content = (char *) xmlNodeGetContent (child);

          g_string_append (text, content);
        }
      else if (is_w (child, "tab") || is_w (child, "ptab"))
        g_string_append_c (text, '\t');
      else if (is_w (child, "br") || is_w (child, "cr"))
        g_string_append_c (text, '\n');
      else if (is_w (child, "noBreakHyphen"))
        g_string_append_c (text, '-');
      else if (is_w (child, "r"))
        {
          if (!run_is_hidden (child))
            read_inline (reader, child, text);
        }
      else if (is_w (child, "drawing") || is_w (child, "pict") || is_w (child, "object"))
        read_nested_text_boxes (reader, child);
      else if (is_mc (child, "AlternateContent"))
        {
          xmlNode *choice = alternate_choice (child);

          if (choice != NULL)
            read_inline (reader, choice, text);
        }
      else if (is_w (child, "hyperlink") || is_w (child, "smartTag") || is_w (child, "ins")
               || is_w (child, "moveTo") || is_w (child, "fldSimple") || is_w (child, "customXml")
               || is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "bdo")
               || is_w (child, "dir"))
        read_inline (reader, child, text);
      /* Everything else — w:del, w:moveFrom, w:delText, w:instrText, properties — is not
       * text that the document shows. */
    }
}

static void
append_lines (DocxReader *reader,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      g_string_append (reader->out, line);
      g_string_append_c (reader->out, '\n');
    }
}

static void
read_paragraph (DocxReader *reader,
                xmlNode    *p)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *number = NULL;

  number = paragraph_number (reader, w_child (p, "pPr"));
  read_inline (reader, p, text);
  if (number != NULL)
    g_string_prepend (text, number);
  append_lines (reader, text->str);
}

static void
read_blocks (DocxReader *reader,
             xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_w (child, "p"))
        read_paragraph (reader, child);
      else if (is_w (child, "tbl") || is_w (child, "tr") || is_w (child, "tc")
               || is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml")
               || is_w (child, "ins") || is_w (child, "moveTo") || is_w (child, "smartTag")
               || is_w (child, "body") || is_w (child, "txbxContent"))
        read_blocks (reader, child);
      else if (is_mc (child, "AlternateContent"))
        {
          xmlNode *choice = alternate_choice (child);

          if (choice != NULL)
            read_blocks (reader, choice);
        }
    }
}

/**
 * pc_extract_docx:
 * @data: (array length=len): the document's bytes
 * @len: length of @data
 * @error: return location for a #PC_IMPORT_ERROR
 *
 * Extracts the paragraphs of a Word document in order, table cells as paragraphs of their
 * own, deleted and hidden text left out.  Automatic list numbers (一、, （一）, 1. …) are
 * computed from the numbering definitions and written in front of their paragraphs, as
 * Word shows them.
 *
 * Returns: (transfer full): UTF-8 text, one paragraph per line, or %NULL with @error set
 */
char *
pc_extract_docx (const guint8  *data,
                 gsize          len,
                 GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autofree char *main_part = NULL;
  DocxReader reader = { 0 };
  xmlNode *body;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parts = read_parts (data, len, error);
  if (parts == NULL)
    return NULL;

  main_part = find_main_part (parts);
  if (!g_hash_table_contains (parts, main_part))
    {
      set_corrupt_error (error, _("it has no word/document.xml"));
      return NULL;
    }
  document = parse_part (parts, main_part);
  body = w_child (document != NULL ? xmlDocGetRootElement (document) : NULL, "body");
  if (body == NULL)
    {
      set_corrupt_error (error, _("its main document part cannot be parsed"));
      return NULL;
    }

  reader.out = g_string_new (NULL);
  reader.abstracts = g_hash_table_new_full (NULL, NULL, NULL, abstract_num_free);
  reader.nums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, para_style_free);

  numbering = parse_part (parts, "word/numbering.xml");
  if (numbering != NULL)
    load_numbering (&reader, numbering);
  styles = parse_part (parts, "word/styles.xml");
  if (styles != NULL)
    load_styles (&reader, styles);

  read_blocks (&reader, body);

  g_hash_table_unref (reader.abstracts);
  g_hash_table_unref (reader.nums);
  g_hash_table_unref (reader.styles);
  g_free (reader.default_style);

  return g_string_free (reader.out, FALSE);
}

/* pc-extract-html.c — the text of a saved web page, one paragraph per line.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-extract-html"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "pc-error.h"
#include "pc-extract.h"

/* The charset declaration is looked for this far into the page. */
#define CHARSET_SNIFF_BYTES 4096

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef enum
{
  SPACE_NONE,
  SPACE_SPACE,  /* collapsed white space */
  SPACE_BREAK,  /* collapsed white space that held a line break */
} PendingSpace;

typedef struct
{
  GString      *out;
  GString      *para;
  PendingSpace  pending;
  gunichar      last;
  guint         pre_depth;
  guint         main_depth;
} HtmlWalker;

/* Elements whose content is never part of the document's text. */
static const char *skipped_elements[] = {
  "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "nav",
  "object", "embed", "applet", "svg", "math", "canvas", "audio", "video", "map",
  "input", "select", "option", "optgroup", "textarea", "button", "datalist",
};

static const char *block_elements[] = {
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
  "table", "thead", "tbody", "tfoot", "tr", "caption", "section", "article", "main", "aside",
  "blockquote", "pre", "address", "center", "form", "fieldset", "figure", "figcaption",
  "hr", "body", "html", "details", "summary", "legend",
};

/* id/class words that plainly mark page chrome. */
static const char *chrome_words[] = {
  "nav", "menu", "breadcrumb", "crumb", "sidebar", "share", "toolbar",
};

static const char *header_footer_words[] = {
  "header", "footer",
};

static gboolean
name_in (const char  *name,
         const char **names,
         gsize        n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_wide (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
         || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF)
         || (c >= 0x2010 && c <= 0x203F) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* White space that HTML collapses; the ideographic space U+3000 is text and stays. */
static gboolean
is_collapsible_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x00A0
         || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

static void
flush_paragraph (HtmlWalker *w)
{
  if (w->para->len > 0)
    {
      g_string_append_len (w->out, w->para->str, w->para->len);
      g_string_append_c (w->out, '\n');
      g_string_truncate (w->para, 0);
    }
  w->pending = SPACE_NONE;
  w->last = 0;
}

static void
append_char (HtmlWalker *w,
             gunichar    c)
{
  /* A line break in the source between two CJK characters is not a word space. */
  if (w->pending != SPACE_NONE && w->para->len > 0
      && !(w->pending == SPACE_BREAK && is_wide (w->last) && is_wide (c)))
    g_string_append_c (w->para, ' ');
  w->pending = SPACE_NONE;
  g_string_append_unichar (w->para, c);
  w->last = c;
}

static void
append_text (HtmlWalker *w,
             const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200B || c == 0xFEFF || c == 0xAD || (c < 0x20 && !is_collapsible_space (c)))
        continue;
      if (w->pre_depth > 0 && (c == '\n' || c == '\r'))
        flush_paragraph (w);
      else if (is_collapsible_space (c))
        {
          if (c == '\n' || c == '\r')
            w->pending = SPACE_BREAK;
          else if (w->pending == SPACE_NONE)
            w->pending = SPACE_SPACE;
        }
      else
        append_char (w, c);
    }
}

static gboolean
attribute_has_word (xmlNode     *node,
                    const char  *attribute,
                    const char **words,
                    gsize        n_words)
{
  g_autofree char *value = (char *) xmlGetProp (node, (const xmlChar *) attribute);
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;

  tokens = g_regex_split_simple ("[\\s_-]+", value, 0, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *token = g_ascii_strdown (tokens[i], -1);

      for (gsize j = 0; j < n_words; j++)
        if (g_str_has_prefix (token, words[j])
            || (g_str_equal (words[j], "crumb") && strstr (token, "crumb") != NULL))
          return TRUE;
    }

  return FALSE;
}

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = (char *) xmlGetProp (node, (const xmlChar *) "style");
  g_autoptr(GString) compact = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (style == NULL)
    return FALSE;

  compact = g_string_new (NULL);
  for (const char *p = style; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));

  return strstr (compact->str, "display:none") != NULL
         || strstr (compact->str, "visibility:hidden") != NULL;
}

static gboolean
is_chrome (HtmlWalker *w,
           xmlNode    *node)
{
  const char *name = (const char *) node->name;
  gboolean in_main = w->main_depth > 0;

  if (is_hidden (node))
    return TRUE;
  if (attribute_has_word (node, "class", chrome_words, G_N_ELEMENTS (chrome_words))
      || attribute_has_word (node, "id", chrome_words, G_N_ELEMENTS (chrome_words)))
    return TRUE;

  /* Inside <article> or <main>, a header or footer belongs to the document (title, date). */
  if (in_main)
    return FALSE;
  if (g_ascii_strcasecmp (name, "header") == 0 || g_ascii_strcasecmp (name, "footer") == 0)
    return TRUE;
  return attribute_has_word (node, "class", header_footer_words, G_N_ELEMENTS (header_footer_words))
         || attribute_has_word (node, "id", header_footer_words,
                                G_N_ELEMENTS (header_footer_words));
}

static void walk_children (HtmlWalker *w,
                           xmlNode    *node);

static void
walk_element (HtmlWalker *w,
              xmlNode    *node)
{
  const char *name = (const char *) node->name;
  gboolean is_cell;
  gboolean is_block;
  gboolean is_main;
  gboolean is_pre;

  if (name_in (name, skipped_elements, G_N_ELEMENTS (skipped_elements)) || is_chrome (w, node))
    return;

  if (g_ascii_strcasecmp (name, "br") == 0)
    {
      flush_paragraph (w);
      return;
    }

  is_cell = g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0;
  is_block = name_in (name, block_elements, G_N_ELEMENTS (block_elements));
  is_main = g_ascii_strcasecmp (name, "article") == 0 || g_ascii_strcasecmp (name, "main") == 0;
  is_pre = g_ascii_strcasecmp (name, "pre") == 0 || g_ascii_strcasecmp (name, "textarea") == 0;

  if (is_block)
    flush_paragraph (w);
  else if (is_cell && w->para->len > 0)
    w->pending = SPACE_SPACE;

  w->main_depth += is_main;
  w->pre_depth += is_pre;
  walk_children (w, node);
  w->main_depth -= is_main;
  w->pre_depth -= is_pre;

  if (is_block)
    flush_paragraph (w);
  else if (is_cell && w->para->len > 0)
    w->pending = SPACE_SPACE;
}

static void
walk_children (HtmlWalker *w,
               xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        append_text (w, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        walk_element (w, child);
    }
}

static const char *
canonical_charset (const char *declared)
{
  static const char *gb_names[] = {
    "gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936",
    "euc-cn", "csgb2312", "x-euc-cn", "hz-gb-2312",
  };

  if (name_in (declared, gb_names, G_N_ELEMENTS (gb_names)))
    return "GB18030";
  if (g_ascii_strcasecmp (declared, "utf-8") == 0 || g_ascii_strcasecmp (declared, "utf8") == 0)
    return "UTF-8";
  /* As browsers do, Latin-1 means Windows-1252. */
  if (g_ascii_strcasecmp (declared, "iso-8859-1") == 0
      || g_ascii_strcasecmp (declared, "latin1") == 0
      || g_ascii_strcasecmp (declared, "us-ascii") == 0)
    return "WINDOWS-1252";
  return declared;
}

/* Finds <meta charset=…>, <meta http-equiv content="…; charset=…"> or an XML declaration. */
static char *
find_declared_charset (const guint8 *data,
                       gsize         len)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *head = g_strndup ((const char *) data, MIN (len, CHARSET_SNIFF_BYTES));
  g_autofree char *declared = NULL;

  /* The head is ASCII as far as the declaration is concerned; hide other bytes from PCRE. */
  for (char *p = head; *p; p++)
    if ((guchar) *p >= 0x80)
      *p = '?';

  regex = g_regex_new ("(?:<meta[^>]*?charset\\s*=\\s*[\"']?\\s*|<\\?xml[^>]*?encoding\\s*=\\s*[\"'])"
                       "([A-Za-z0-9_.:-]+)",
                       G_REGEX_CASELESS, 0, NULL);
  if (!g_regex_match (regex, head, 0, &match))
    return NULL;

  declared = g_match_info_fetch (match, 1);
  return g_strdup (canonical_charset (declared));
}

static char *
decode_page (const guint8  *data,
             gsize          len,
             char         **encoding,
             GError       **error)
{
  g_autofree char *declared = NULL;
  char *converted = NULL;
  gsize n_read = 0;

  /* A byte order mark is the strongest statement; the text decoder knows them. */
  if ((len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
      || (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0)))
    return pc_extract_text (data, len, encoding, error);

  declared = find_declared_charset (data, len);
  if (declared == NULL || g_strcmp0 (declared, "UTF-8") == 0)
    {
      if (g_utf8_validate_len ((const char *) data, len, NULL))
        {
          *encoding = g_strdup ("UTF-8");
          return g_strndup ((const char *) data, len);
        }
    }
  else
    {
      converted = g_convert ((const char *) data, len, "UTF-8", declared, &n_read, NULL, NULL);
      if (converted != NULL && n_read == len)
        {
          *encoding = g_steal_pointer (&declared);
          return converted;
        }
      g_free (converted);
    }

  /* The page is not what it says it is. */
  g_debug ("Page bytes are not valid %s; detecting the encoding", declared ? declared : "UTF-8");
  return pc_extract_text (data, len, encoding, error);
}

/* The converted text is UTF-8, but libxml2 would still obey a <meta charset> it meets while
 * parsing and decode the page a second time; blank the declarations out. */
static void
neutralize_charset_declarations (char *text)
{
  gsize len = strlen (text);
  gsize limit = MIN (len, CHARSET_SNIFF_BYTES * 4);

  for (gsize i = 0; i + 5 < limit; i++)
    {
      if (text[i] != '<' || g_ascii_strncasecmp (text + i, "<meta", 5) != 0)
        continue;
      for (gsize j = i + 5; j + 7 <= len && text[j] != '>'; j++)
        if (g_ascii_strncasecmp (text + j, "charset", 7) == 0)
          memcpy (text + j, "x-chars", 7);
    }
}

/**
 * pc_extract_html:
 * @data: (array length=len): the page's bytes
 * @len: length of @data
 * @encoding: (out) (optional) (transfer full): where to store the encoding the page was
 *   decoded from
 * @error: return location for a #PC_IMPORT_ERROR
 *
 * Extracts the text of a web page: the charset comes from a byte order mark or the page's
 * own declaration (gb2312 and GBK read as GB18030) and falls back to the text detector when
 * the bytes do not fit it.  Scripts, styles, forms, navigation, menus, breadcrumbs and
 * page header and footer are dropped; block elements end paragraphs.
 *
 * Returns: (transfer full): UTF-8 text, one paragraph per line, or %NULL with @error set
 */
char *
pc_extract_html (const guint8  *data,
                 gsize          len,
                 char         **encoding,
                 GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *charset = NULL;
  HtmlWalker walker = { 0 };
  xmlNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  utf8 = decode_page (data, len, &charset, error);
  if (utf8 == NULL)
    return NULL;
  neutralize_charset_declarations (utf8);

  doc = htmlReadMemory (utf8, (int) strlen (utf8), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_NONET);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_CORRUPT,
                           _("The web page cannot be read; it is damaged or not a web page"));
      return NULL;
    }

  walker.out = g_string_new (NULL);
  walker.para = g_string_new (NULL);
  walk_element (&walker, root);
  flush_paragraph (&walker);
  g_string_free (walker.para, TRUE);

  if (encoding != NULL)
    *encoding = g_steal_pointer (&charset);

  return g_string_free (walker.out, FALSE);
}

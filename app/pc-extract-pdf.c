/* pc-extract-pdf.c — the text of a PDF, page chrome dropped, wrapped lines joined.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-extract-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "pc-error.h"
#include "pc-extract.h"
#include "pc-extract-private.h"

/* poppler-glib 22 has no autoptr support; private names cannot clash with a later one. */
typedef PopplerDocument PcPdfDocument;
typedef PopplerPage     PcPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPdfDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPdfPage, g_object_unref)

/* How many lines at the top and at the bottom of a page can be running header or footer. */
#define CHROME_LINES 2

typedef struct
{
  char     *text;
  guint     page;
  gboolean  has_box;
  double    x1, y1, x2, y2;
} PdfLine;

typedef struct
{
  double left;        /* where body lines start */
  double right;       /* where full body lines end */
  double em;          /* a character's height */
  double pitch;       /* distance between the tops of two lines of a paragraph */
} Layout;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *line = data;

  g_free (line->text);
}

static gboolean
is_latin_or_digit (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static void
finish_line (GArray       *lines,
             GString      *text,
             guint         page,
             PdfLine      *box)
{
  char *stripped;

  stripped = g_strstrip (g_strdup (text->str));
  if (*stripped == '\0')
    {
      g_free (stripped);
    }
  else
    {
      PdfLine line = *box;

      line.text = stripped;
      line.page = page;
      g_array_append_val (lines, line);
    }

  g_string_truncate (text, 0);
  memset (box, 0, sizeof *box);
}

/* Splits a page's text into lines with the bounding box of their visible characters. */
static void
read_page_lines (PopplerPage *page,
                 guint        page_index,
                 GArray      *lines)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) current = g_string_new (NULL);
  guint n_rects = 0;
  gboolean use_boxes;
  PdfLine box = { 0 };
  guint i = 0;

  if (text == NULL)
    return;

  use_boxes = poppler_page_get_text_layout (page, &rects, &n_rects)
              && n_rects == (guint) g_utf8_strlen (text, -1);

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\f')
        {
          finish_line (lines, current, page_index, &box);
          continue;
        }

      g_string_append_unichar (current, c == '\t' || c == 0xA0 ? ' ' : c);
      if (!use_boxes || g_unichar_isspace (c))
        continue;

      if (!box.has_box)
        {
          box.has_box = TRUE;
          box.x1 = rects[i].x1;
          box.y1 = rects[i].y1;
          box.x2 = rects[i].x2;
          box.y2 = rects[i].y2;
        }
      else
        {
          box.x1 = MIN (box.x1, rects[i].x1);
          box.y1 = MIN (box.y1, rects[i].y1);
          box.x2 = MAX (box.x2, rects[i].x2);
          box.y2 = MAX (box.y2, rects[i].y2);
        }
    }
  finish_line (lines, current, page_index, &box);
}

/* ---- Page chrome ------------------------------------------------------------------------ */

static gboolean
is_page_number (const char *text)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^(?:[-—–－~·•_ ]*[0-9]+[-—–－~·•_ ]*"
                                      "|第\\s*[0-9]+\\s*页(?:\\s*[,，/／]?\\s*共\\s*[0-9]+\\s*页)?"
                                      "|共\\s*[0-9]+\\s*页\\s*[,，/／]?\\s*第\\s*[0-9]+\\s*页"
                                      "|[0-9]+\\s*[/／]\\s*[0-9]+"
                                      "|page\\s*[0-9]+(?:\\s*(?:of|/)\\s*[0-9]+)?)$",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, compiled);
    }

  return g_regex_match (regex, text, 0, NULL);
}

/* Digits vary (page numbers, dates in running heads); the rest of a running line does not. */
static char *
chrome_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (g_unichar_isdigit (c))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
          continue;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_edge_line (GArray *lines,
              guint  *page_start,
              guint  *page_end,
              guint   index)
{
  PdfLine *line = &g_array_index (lines, PdfLine, index);
  guint start = page_start[line->page];
  guint end = page_end[line->page];

  return index < start + CHROME_LINES || index + CHROME_LINES >= end;
}

/* Drops page numbers and the lines that recur at the top or bottom of most pages. */
static void
remove_page_chrome (GArray *lines,
                    guint   n_pages)
{
  g_autoptr(GHashTable) page_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autofree guint *page_start = g_new0 (guint, n_pages + 1);
  g_autofree guint *page_end = g_new0 (guint, n_pages + 1);
  g_autofree gboolean *drop = g_new0 (gboolean, lines->len + 1);
  guint pages_with_text = 0;
  guint out = 0;

  for (guint i = 0; i < n_pages; i++)
    page_start[i] = G_MAXUINT;
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);

      page_start[line->page] = MIN (page_start[line->page], i);
      page_end[line->page] = i + 1;
    }

  /* Count each key once per page. */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (page_start[p] == G_MAXUINT)
        continue;
      pages_with_text++;
      for (guint i = page_start[p]; i < page_end[p]; i++)
        {
          char *key;

          if (!is_edge_line (lines, page_start, page_end, i))
            continue;
          key = chrome_key (g_array_index (lines, PdfLine, i).text);
          if (!g_hash_table_add (seen, key))
            continue;
          g_hash_table_insert (page_counts, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (page_counts, key)) + 1));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_autofree char *key = NULL;
      guint count;

      if (!is_edge_line (lines, page_start, page_end, i))
        continue;
      key = chrome_key (line->text);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (page_counts, key));
      drop[i] = is_page_number (line->text)
                || (pages_with_text >= 2 && count >= 2 && count * 5 >= pages_with_text * 3);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      if (drop[i])
        {
          pdf_line_clear (&g_array_index (lines, PdfLine, i));
          continue;
        }
      g_array_index (lines, PdfLine, out++) = g_array_index (lines, PdfLine, i);
    }
  g_array_set_clear_func (lines, NULL);
  g_array_set_size (lines, out);
  g_array_set_clear_func (lines, pdf_line_clear);
}

/* ---- Paragraphs ------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  fraction)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) floor (fraction * (values->len - 1)));
}

static Layout
measure_layout (GArray *lines)
{
  g_autoptr(GArray) x1s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) x2s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  Layout layout;

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      PdfLine *next = i + 1 < lines->len ? &g_array_index (lines, PdfLine, i + 1) : NULL;
      double height;

      if (!line->has_box)
        continue;
      height = line->y2 - line->y1;
      g_array_append_val (x1s, line->x1);
      g_array_append_val (x2s, line->x2);
      g_array_append_val (heights, height);
      if (next != NULL && next->has_box && next->page == line->page && next->y1 > line->y1)
        {
          double pitch = next->y1 - line->y1;

          g_array_append_val (pitches, pitch);
        }
    }

  layout.left = percentile (x1s, 0.05);
  layout.right = percentile (x2s, 0.9);
  layout.em = MAX (percentile (heights, 0.5), 1.0);
  layout.pitch = pitches->len > 0 ? percentile (pitches, 0.3) : layout.em * 1.5;

  return layout;
}

static gunichar
first_char (const char *text)
{
  return g_utf8_get_char (text);
}

static gunichar
last_char (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));

  return last != NULL ? g_utf8_get_char (last) : 0;
}

static gboolean
ends_sentence (const char *text)
{
  gunichar c = last_char (text);

  return c != 0 && g_utf8_strchr ("。！？：；”』」…!?:;", -1, c) != NULL;
}

static gboolean
is_heading (const char *text)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^(?:[一二三四五六七八九十百]+\\s*[、.．]"
                                      "|[（(]\\s*[一二三四五六七八九十百]+\\s*[)）]"
                                      "|[（(]\\s*[0-9]+\\s*[)）]"
                                      "|[0-9]+\\s*[、.．](?![0-9])"
                                      "|第[一二三四五六七八九十百]+[章节部分条]"
                                      "|[①-⑳])",
                                      G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, compiled);
    }

  return g_regex_match (regex, text, 0, NULL);
}

/* A centred line starts right of the margin, ends left of it and has its middle in the
 * middle of the text column. */
static gboolean
is_centered (const Layout  *layout,
             const PdfLine *line)
{
  double middle = (layout->left + layout->right) / 2;

  return line->has_box && line->x1 > layout->left + MAX (2.0, layout->em * 0.1)
         && line->x2 < layout->right - MAX (2.0, layout->em * 0.1)
         && fabs ((line->x1 + line->x2) / 2 - middle) < layout->em * 0.5;
}

/* Decides whether @next starts a new paragraph after @prev. */
static gboolean
starts_paragraph (const Layout  *layout,
                  const PdfLine *prev,
                  const PdfLine *next)
{
  gboolean same_page = prev->page == next->page;
  gboolean geometry = prev->has_box && next->has_box;
  gboolean indented, short_line, very_short, spaced;

  if (!geometry)
    return ends_sentence (prev->text) || is_heading (next->text) || is_heading (prev->text);

  spaced = same_page && next->y1 - prev->y1 > layout->pitch * 1.3;
  indented = next->x1 > layout->left + layout->em * 0.8;
  short_line = prev->x2 < layout->right - layout->em * 1.5;
  very_short = prev->x2 < layout->right - layout->em * 4;

  if (spaced)
    return TRUE;
  /* A title set in centred lines reads as one paragraph. */
  if (is_centered (layout, prev) && is_centered (layout, next))
    return ends_sentence (prev->text);
  if (indented)
    return TRUE;
  /* A line that stops short of the margin ends its paragraph when it ends a sentence, is a
   * heading, is followed by one, or leaves far too much room for a mere wrap. */
  return short_line
         && (ends_sentence (prev->text) || is_heading (prev->text) || is_heading (next->text)
             || very_short);
}

static char *
join_paragraphs (GArray *lines)
{
  GString *out = g_string_new (NULL);
  Layout layout = measure_layout (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);

      if (i > 0)
        {
          PdfLine *prev = &g_array_index (lines, PdfLine, i - 1);

          if (starts_paragraph (&layout, prev, line))
            g_string_append_c (out, '\n');
          else if (is_latin_or_digit (last_char (prev->text))
                   && is_latin_or_digit (first_char (line->text)))
            g_string_append_c (out, ' ');
        }
      g_string_append (out, line->text);
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static PopplerDocument *
open_document (const guint8  *data,
               gsize          len,
               GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, len);
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  gsize tail = MIN (len, 2048);

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_UNSUPPORTED,
                             _("The PDF is protected by a password; remove the protection "
                               "and import it again"));
      else
        g_set_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_CORRUPT,
                     _("The PDF file is damaged and cannot be read; download it again or save it "
                       "again as PDF from the original document (%s)"),
                     local_error->message);
      return NULL;
    }

  /* poppler rebuilds a cut-off file from what is left and would quietly lose the rest. */
  if (!_pc_extract_contains_bytes (data + len - tail, tail, "%%EOF", 5)
      || poppler_document_get_n_pages (document) == 0)
    {
      g_object_unref (document);
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_CORRUPT,
                           _("The PDF file is incomplete; download it again"));
      return NULL;
    }

  return document;
}

/**
 * pc_extract_pdf:
 * @data: (array length=len): the PDF's bytes
 * @len: length of @data
 * @cancellable: (nullable): checked between pages
 * @error: return location for a #PC_IMPORT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Extracts the text layer of a PDF.  Page numbers and running headers and footers are
 * dropped; lines wrapped by the layout are joined into paragraphs from their geometry
 * (first-line indent, lines ending short of the right margin, paragraph spacing) and their
 * punctuation.  A PDF without any text is refused with %PC_IMPORT_ERROR_NO_TEXT.
 *
 * Returns: (transfer full): UTF-8 text, one paragraph per line, or %NULL with @error set
 */
char *
pc_extract_pdf (const guint8  *data,
                gsize          len,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(PcPdfDocument) document = NULL;
  g_autoptr(GArray) lines = NULL;
  int n_pages;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  document = open_document (data, len, error);
  if (document == NULL)
    return NULL;

  lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  g_array_set_clear_func (lines, pdf_line_clear);
  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PcPdfPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = poppler_document_get_page (document, i);
      if (page != NULL)
        read_page_lines (page, (guint) i, lines);
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_NO_TEXT,
                           _("The PDF has no text layer; it is probably a scanned image. "
                             "Import a version with text, or run text recognition first"));
      return NULL;
    }

  remove_page_chrome (lines, (guint) n_pages);
  return join_paragraphs (lines);
}

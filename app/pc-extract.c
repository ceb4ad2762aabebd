/* pc-extract.c — recognise a downloaded file and turn it into UTF-8 text.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-extract"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-extract.h"
#include "pc-extract-private.h"

/* Signatures are looked for this far into the file. */
#define SNIFF_BYTES 1024

static const char *html_markers[] = {
  "<!doctype html", "<html", "<head", "<meta", "<body", "<title", "<p>", "<p ", "<div",
  "<table", "<br", "<span", "<h1", "<h2",
};

/* memmem() is a GNU extension; this is all we need of it. */
gboolean
_pc_extract_contains_bytes (const guint8 *data,
                            gsize         len,
                            const char   *needle,
                            gsize         needle_len)
{
  const guint8 *p = data;
  const guint8 *end = data + len;

  while (needle_len > 0 && (gsize) (end - p) >= needle_len)
    {
      p = memchr (p, needle[0], (gsize) (end - p) - needle_len + 1);
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, needle_len) == 0)
        return TRUE;
      p++;
    }
  return FALSE;
}

static gboolean
has_prefix_bytes (const guint8 *data,
                  gsize         len,
                  const char   *prefix,
                  gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

static gboolean
filename_has_suffix (const char *filename,
                     const char *suffix)
{
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;
  lower = g_ascii_strdown (filename, -1);
  return g_str_has_suffix (lower, suffix);
}

static gboolean
looks_like_html (const guint8 *data,
                 gsize         len,
                 const char   *filename)
{
  g_autofree char *head = NULL;
  gsize start = 0;

  if (has_prefix_bytes (data, len, "\xef\xbb\xbf", 3))
    start = 3;
  while (start < len && g_ascii_isspace (data[start]))
    start++;

  head = g_ascii_strdown ((const char *) data + start, MIN (len - start, SNIFF_BYTES));

  /* A text file that merely mentions a tag further on is still text; markup starts with '<'. */
  if (head[0] != '<')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (html_markers); i++)
    if (strstr (head, html_markers[i]) != NULL)
      return TRUE;

  return filename_has_suffix (filename, ".html") || filename_has_suffix (filename, ".htm");
}

/**
 * pc_extract_sniff:
 * @data: (array length=len): the file's bytes, or at least its first kilobytes
 * @len: length of @data
 * @filename: (nullable): the file's name, used only as a hint
 *
 * Tells the format from the content: a zip archive holding word/document.xml is DOCX, "%PDF"
 * is PDF, markup that starts like a web page is HTML and anything else is text (which the
 * text extractor may still refuse as binary).  Formats that are recognised but not imported
 * (old .doc, other zip archives, RTF, images) give %PC_SOURCE_FORMAT_UNKNOWN.
 *
 * Returns: the format
 */
PcSourceFormat
pc_extract_sniff (const guint8 *data,
                  gsize         len,
                  const char   *filename)
{
  g_return_val_if_fail (data != NULL || len == 0, PC_SOURCE_FORMAT_UNKNOWN);

  if (has_prefix_bytes (data, len, "PK\x03\x04", 4))
    {
      if (_pc_extract_contains_bytes (data, len, "word/document", 13)
          || filename_has_suffix (filename, ".docx"))
        return PC_SOURCE_FORMAT_DOCX;
      return PC_SOURCE_FORMAT_UNKNOWN;
    }

  if (_pc_extract_contains_bytes (data, MIN (len, SNIFF_BYTES), "%PDF-", 5))
    return PC_SOURCE_FORMAT_PDF;

  if (has_prefix_bytes (data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)
      || has_prefix_bytes (data, len, "{\\rtf", 5)
      || has_prefix_bytes (data, len, "\x89PNG", 4)
      || has_prefix_bytes (data, len, "\xff\xd8\xff", 3)
      || has_prefix_bytes (data, len, "GIF8", 4))
    return PC_SOURCE_FORMAT_UNKNOWN;

  if (looks_like_html (data, len, filename))
    return PC_SOURCE_FORMAT_HTML;

  return PC_SOURCE_FORMAT_TEXT;
}

static gsize
max_file_bytes (PcSourceFormat format)
{
  if (format == PC_SOURCE_FORMAT_TEXT || format == PC_SOURCE_FORMAT_HTML)
    return PC_EXTRACT_MAX_TEXT_FILE_BYTES;
  return PC_EXTRACT_MAX_BINARY_FILE_BYTES;
}

static void
set_too_large_error (GError **error)
{
  g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_TOO_LARGE,
                       _("The file is far larger than any annual report; it was not imported"));
}

static void
set_empty_error (GError **error)
{
  g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY,
                       _("The file contains no text"));
}

static void
set_unsupported_error (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  if (has_prefix_bytes (data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_UNSUPPORTED,
                         _("Old Word (.doc) and Excel files cannot be imported; save the file "
                           "as DOCX or PDF and import it again"));
  else
    g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_UNSUPPORTED,
                         _("This kind of file cannot be imported; save it as DOCX, PDF, a web "
                           "page or plain text and import it again"));
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        return FALSE;
    }
  return TRUE;
}

static char *
extract_format (PcSourceFormat   format,
                const guint8    *data,
                gsize            len,
                char           **encoding,
                GCancellable    *cancellable,
                GError         **error)
{
  switch (format)
    {
    case PC_SOURCE_FORMAT_TEXT:
      return pc_extract_text (data, len, encoding, error);
    case PC_SOURCE_FORMAT_HTML:
      return pc_extract_html (data, len, encoding, error);
    case PC_SOURCE_FORMAT_DOCX:
      return pc_extract_docx (data, len, error);
    case PC_SOURCE_FORMAT_PDF:
      return pc_extract_pdf (data, len, cancellable, error);
    case PC_SOURCE_FORMAT_UNKNOWN:
    default:
      set_unsupported_error (data, len, error);
      return NULL;
    }
}

/**
 * pc_extraction_free:
 * @extraction: (nullable) (transfer full): an extraction
 *
 * Frees @extraction and its strings.
 */
void
pc_extraction_free (PcExtraction *extraction)
{
  if (extraction == NULL)
    return;

  g_free (extraction->text);
  g_free (extraction->encoding);
  g_free (extraction->content_hash);
  g_free (extraction);
}

/**
 * pc_extract_bytes:
 * @bytes: the file's content
 * @filename: (nullable): the file's name, a hint for the format only
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Recognises the format of @bytes and extracts its text, one paragraph per line.
 *
 * Returns: (transfer full): the extraction, or %NULL with @error set (%PC_IMPORT_ERROR, or
 *   %G_IO_ERROR_CANCELLED)
 */
PcExtraction *
pc_extract_bytes (GBytes        *bytes,
                  const char    *filename,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(PcExtraction) extraction = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  const guint8 *data;
  PcSourceFormat format;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  format = pc_extract_sniff (data, len, filename);
  if (len > max_file_bytes (format))
    {
      set_too_large_error (error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  text = extract_format (format, data, len, &encoding, cancellable, error);
  if (text == NULL)
    return NULL;

  if (text_is_blank (text))
    {
      set_empty_error (error);
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > PC_EXTRACT_MAX_TEXT_CHARS)
    {
      set_too_large_error (error);
      return NULL;
    }

  extraction = g_new0 (PcExtraction, 1);
  extraction->format = format;
  extraction->text = g_steal_pointer (&text);
  extraction->encoding = g_steal_pointer (&encoding);
  extraction->content_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

  return g_steal_pointer (&extraction);
}

/* Refuses from the size and the first bytes, before anything large is read. */
static gboolean
check_size (GInputStream  *stream,
            goffset        size,
            guint8        *head,
            gsize         *head_len,
            GCancellable  *cancellable,
            GError       **error)
{
  PcSourceFormat format;

  if (size > PC_EXTRACT_MAX_BINARY_FILE_BYTES)
    {
      set_too_large_error (error);
      return FALSE;
    }

  if (!g_input_stream_read_all (stream, head, SNIFF_BYTES, head_len, cancellable, error))
    return FALSE;

  /* Only the start of the file is at hand: a zip archive counts as binary even if its
   * word/document.xml entry lies further on. */
  format = pc_extract_sniff (head, *head_len, NULL);
  if ((guint64) size > max_file_bytes (format))
    {
      set_too_large_error (error);
      return FALSE;
    }

  return TRUE;
}

/* A file that cannot be read is named in a sentence that says what to do; GIO's own
 * message, which repeats the path, follows only where the case is not a common one. The
 * domain and code stay GIO's, so callers can still tell a cancelled read. */
static void
set_read_error (GError **error,
                GError  *io_error)
{
  const char *message;

  if (io_error->domain != G_IO_ERROR || io_error->code == G_IO_ERROR_CANCELLED)
    {
      g_propagate_error (error, io_error);
      return;
    }
  switch (io_error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      message = _("The file does not exist; check its name and folder");
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      message = _("This is a folder, not a file; choose the report files inside it");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      message = _("You may not read this file; ask its owner for access or copy it first");
      break;
    default:
      message = NULL;
      break;
    }
  if (message)
    g_set_error_literal (error, G_IO_ERROR, io_error->code, message);
  else
    g_set_error (error, G_IO_ERROR, io_error->code,
                 _("The file cannot be read; check that it is still there and readable (%s)"),
                 io_error->message);
  g_error_free (io_error);
}

static GBytes *
read_file_limited (const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 head[SNIFF_BYTES];
  gsize head_len = 0;
  gboolean more;
  goffset size;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         error);
  if (info == NULL)
    return NULL;
  size = g_file_info_get_size (info);

  if (!check_size (G_INPUT_STREAM (stream), size, head, &head_len, cancellable, error))
    return NULL;

  more = head_len == SNIFF_BYTES;
  buffer = g_byte_array_sized_new ((guint) MIN ((gsize) size, PC_EXTRACT_MAX_BINARY_FILE_BYTES)
                                   + 1);
  g_byte_array_append (buffer, head, (guint) head_len);

  /* The file may grow while it is read; never read past the largest acceptable size. */
  while (more)
    {
      guint8 chunk[64 * 1024];
      gssize n;

      n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);
      if (n < 0)
        return NULL;
      more = n > 0;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > PC_EXTRACT_MAX_BINARY_FILE_BYTES)
        {
          set_too_large_error (error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * pc_extract_file:
 * @path: a local file name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like pc_extract_bytes(), for a file.  Files larger than the limits for their format are
 * refused with %PC_IMPORT_ERROR_TOO_LARGE before they are read.  Errors opening or reading
 * the file are reported in the %G_IO_ERROR domain.
 *
 * Returns: (transfer full): the extraction, or %NULL with @error set
 */
PcExtraction *
pc_extract_file (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_file_limited (path, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_read_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  basename = g_path_get_basename (path);
  return pc_extract_bytes (bytes, basename, cancellable, error);
}

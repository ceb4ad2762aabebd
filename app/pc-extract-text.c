/* pc-extract-text.c — decode plain text of unknown encoding into UTF-8.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-extract-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-extract.h"

/* How much of the file the statistical checks look at. */
#define SAMPLE_BYTES (256 * 1024)

/* Fewer double-byte characters than this cannot tell GB18030 from Big5. */
#define MIN_GB18030_CHARS 8

typedef enum
{
  UTF16_NONE,
  UTF16_LE,
  UTF16_BE,
} Utf16Guess;

static gboolean
set_encoding_error (GError **error)
{
  g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_ENCODING,
                       _("Cannot tell the text encoding of this file; save it as UTF-8 or GB18030 "
                         "and import it again"));
  return FALSE;
}

static gboolean
set_binary_error (GError **error)
{
  g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_BINARY,
                       _("The file does not contain text; it looks like a program, an image or "
                         "another binary file"));
  return FALSE;
}

/* ASCII characters stored as UTF-16 have a zero high byte, so text has zeros on one side
 * (fewer the more Chinese it holds; a few ideographs such as 一 U+4E00 put one on the other
 * side); binary data has zeros on both sides. */
static Utf16Guess
guess_utf16 (const guint8 *data,
             gsize         len)
{
  gsize n = MIN (len, SAMPLE_BYTES) & ~(gsize) 1;
  gsize zero_even = 0;
  gsize zero_odd = 0;

  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }

  if (n < 4)
    return UTF16_NONE;
  if (zero_odd * 30 >= n / 2 && zero_even * 4 <= zero_odd)
    return UTF16_LE;
  if (zero_even * 30 >= n / 2 && zero_odd * 4 <= zero_even)
    return UTF16_BE;
  return UTF16_NONE;
}

/* Control characters other than the usual layout ones are rare in text and common in binary
 * files. */
static gboolean
looks_binary (const char *text,
              gsize       len)
{
  gsize n = MIN (len, SAMPLE_BYTES);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v'
           && c != 0x1a && c != 0x1b) || c == 0x7f)
        controls++;
    }

  return controls > 8 && controls * 100 > n;
}

static gboolean
is_cjk_or_wide (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF)     /* radicals, CJK punctuation, kana, ideographs */
         || (c >= 0xF900 && c <= 0xFAFF)  /* compatibility ideographs */
         || (c >= 0xFE30 && c <= 0xFE4F)  /* vertical and compatibility forms */
         || (c >= 0xFF00 && c <= 0xFFEF)  /* full-width forms */
         || (c >= 0x2000 && c <= 0x206F)  /* general punctuation: “” — … */
         || (c >= 0x2150 && c <= 0x21FF)  /* number forms (Ⅱ), arrows */
         || (c >= 0x2460 && c <= 0x24FF)  /* ① ⑴ ⒈ */
         || (c >= 0x2500 && c <= 0x25FF)  /* box drawing, geometric shapes */
         || (c >= 0x20000 && c <= 0x2FFFF)
         || c == 0x00A0 || c == 0x00B7 || c == 0x00D7 || c == 0x00F7 || c == 0x00B0
         || c == 0x00A7 || c == 0x00B1;
}

/* Walks the bytes as GB18030.  Real Chinese text is almost entirely made of GB2312
 * characters (hanzi and full-width punctuation); random high bytes or Latin-1 text decode to
 * rare characters or are not valid GB18030 at all.  A few characters are no evidence: nearly
 * every GB2312 byte pair is a valid Big5 character too, so a handful of them could be either
 * (你好 in GBK is 斕疑 in Big5). */
static gboolean
gb18030_bytes_plausible (const guint8 *data,
                         gsize         len)
{
  gsize n_multi = 0;
  gsize n_common = 0;
  gsize n_four = 0;
  gsize i = 0;

  while (i < len)
    {
      guint8 b = data[i];
      guint8 b2;

      if (b < 0x80)
        {
          i++;
          continue;
        }
      if (b == 0x80 || b == 0xff || i + 1 >= len)
        return FALSE;

      b2 = data[i + 1];
      if (b2 >= 0x30 && b2 <= 0x39)
        {
          if (i + 3 >= len || data[i + 2] < 0x81 || data[i + 2] > 0xfe
              || data[i + 3] < 0x30 || data[i + 3] > 0x39)
            return FALSE;
          n_four++;
          n_multi++;
          i += 4;
          continue;
        }
      if (b2 < 0x40 || b2 == 0x7f || b2 == 0xff)
        return FALSE;

      n_multi++;
      if (b2 >= 0xa1 && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7)))
        n_common++;
      i += 2;
    }

  if (n_multi < MIN_GB18030_CHARS)
    return FALSE;

  return n_common * 10 >= n_multi * 9 && n_four * 20 <= n_multi + 20;
}

static gboolean
utf8_looks_chinese (const char *text)
{
  gsize n_high = 0;
  gsize n_cjk = 0;
  gsize n_private = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      n_high++;
      if (is_cjk_or_wide (c))
        n_cjk++;
      else if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
        n_private++;
    }

  return n_high > 0 && n_cjk * 10 >= n_high * 9 && n_private * 200 <= n_high;
}

/* Nearly every character of a text is printable ASCII, white space or CJK. */
static gboolean
utf8_looks_like_text (const char *text)
{
  gsize n_chars = 0;
  gsize n_plausible = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r' || is_cjk_or_wide (c))
        n_plausible++;
    }

  return n_chars > 0 && n_plausible * 10 >= n_chars * 9;
}

static char *
decode_gb18030 (const guint8 *data,
                gsize         len)
{
  g_autofree char *converted = NULL;
  gsize n_read = 0;
  gsize n_written = 0;

  if (!gb18030_bytes_plausible (data, len))
    return NULL;

  converted = g_convert ((const char *) data, len, "UTF-8", "GB18030", &n_read, &n_written, NULL);
  if (converted == NULL || n_read != len || !utf8_looks_chinese (converted))
    return NULL;

  return g_steal_pointer (&converted);
}

static char *
decode_utf16 (const guint8  *data,
              gsize          len,
              const char    *charset,
              GError       **error)
{
  g_autofree char *converted = NULL;

  converted = g_convert ((const char *) data, len & ~(gsize) 1, "UTF-8", charset, NULL, NULL,
                         NULL);
  if (converted == NULL)
    {
      set_encoding_error (error);
      return NULL;
    }

  return g_steal_pointer (&converted);
}

/* Accepts UTF-8 whose only fault is a character cut off by a truncated download. */
static gboolean
validate_utf8 (const guint8 *data,
               gsize         len,
               gsize        *valid_len)
{
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *) data, len, &end))
    {
      *valid_len = len;
      return TRUE;
    }

  *valid_len = (gsize) (end - (const char *) data);
  if (len - *valid_len < 4 && data[*valid_len] >= 0xc2 && data[*valid_len] <= 0xf4)
    {
      for (gsize i = *valid_len + 1; i < len; i++)
        if ((data[i] & 0xc0) != 0x80)
          return FALSE;
      return *valid_len > 0;
    }

  return FALSE;
}

/* CRLF and CR become LF, form feeds and the Unicode separators end a line, NULs, BOMs and
 * other control characters are dropped. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 1);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, '\n');
      else if (c == 0xFEFF || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        continue;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
strip_nuls (const guint8 *data,
            gsize         len,
            gsize        *out_len)
{
  char *copy = g_malloc (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    if (data[i] != 0)
      copy[n++] = (char) data[i];
  copy[n] = '\0';
  *out_len = n;

  return copy;
}

static char *
decode_without_bom (const guint8  *data,
                    gsize          len,
                    gboolean       utf8_only,
                    const char   **encoding,
                    GError       **error)
{
  Utf16Guess utf16 = guess_utf16 (data, len);
  g_autofree char *stripped = NULL;
  gsize n_nul = 0;
  gsize valid_len = 0;
  char *decoded;

  if (utf16 != UTF16_NONE && !utf8_only)
    {
      g_autofree char *text = NULL;

      *encoding = utf16 == UTF16_LE ? "UTF-16LE" : "UTF-16BE";
      text = decode_utf16 (data, len, *encoding, NULL);
      if (text != NULL && utf8_looks_like_text (text))
        return g_steal_pointer (&text);
    }

  for (gsize i = 0; i < len; i++)
    n_nul += data[i] == 0;

  /* A stray NUL or two (padding after a truncated save) is tolerated, more is binary. */
  if (n_nul > 16 || (n_nul > 2 && n_nul * 1000 > len))
    {
      set_binary_error (error);
      return NULL;
    }
  if (n_nul > 0)
    {
      stripped = strip_nuls (data, len, &len);
      data = (const guint8 *) stripped;
    }

  if (looks_binary ((const char *) data, len))
    {
      set_binary_error (error);
      return NULL;
    }

  if (validate_utf8 (data, len, &valid_len))
    {
      *encoding = utf8_only ? "UTF-8 (BOM)" : "UTF-8";
      return g_strndup ((const char *) data, valid_len);
    }

  decoded = utf8_only ? NULL : decode_gb18030 (data, len);
  if (decoded != NULL)
    {
      *encoding = "GB18030";
      return decoded;
    }

  set_encoding_error (error);
  return NULL;
}

/**
 * pc_extract_text:
 * @data: (array length=len): the file's bytes
 * @len: length of @data
 * @encoding: (out) (optional) (transfer full): where to store the name of the encoding the
 *   bytes were decoded from: "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE" or "UTF-16BE"
 * @error: return location for a #PC_IMPORT_ERROR
 *
 * Decodes plain text.  Byte order marks are honoured, UTF-16 without one is recognised by
 * its zero bytes, valid UTF-8 is taken as it is and anything else must convincingly be
 * GB18030 Chinese text; when the encoding cannot be told with confidence this fails with
 * %PC_IMPORT_ERROR_ENCODING rather than guessing.  Line ends are normalised to '\n'.
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with @error set
 */
char *
pc_extract_text (const guint8  *data,
                 gsize          len,
                 char         **encoding,
                 GError       **error)
{
  g_autofree char *decoded = NULL;
  const char *charset = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      charset = "UTF-8 (BOM)";
      decoded = len > 3 ? decode_without_bom (data + 3, len - 3, TRUE, &charset, error)
                        : g_strdup ("");
    }
  else if (len >= 2 && data[0] == 0xff && data[1] == 0xfe)
    {
      charset = "UTF-16LE";
      decoded = decode_utf16 (data + 2, len - 2, charset, error);
    }
  else if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    {
      charset = "UTF-16BE";
      decoded = decode_utf16 (data + 2, len - 2, charset, error);
    }
  else
    decoded = decode_without_bom (data, len, FALSE, &charset, error);

  if (decoded == NULL)
    return NULL;

  if (looks_binary (decoded, strlen (decoded)))
    {
      set_binary_error (error);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = g_strdup (charset);

  return normalize_text (decoded);
}

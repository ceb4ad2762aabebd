/* pc-textutil.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-textutil"

#include "config.h"

#include "pc-textutil.h"

/**
 * pc_fold_char:
 *
 * Folds a character for parsing only: full-width ASCII forms to ASCII, the ideographic
 * space to a space, CJK brackets that reports use interchangeably to their ASCII form.
 * One character maps to one character, so offsets in a folded copy equal offsets in
 * the original.
 */
gunichar
pc_fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFF01 + 0x21;
  switch (c)
    {
    case 0x3000: /* ideographic space */
    case 0x00A0: /* no-break space */
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200B:
    case '\t':
    case '\r':
      return ' ';
    case 0xFF0E: /* full-width full stop as a numeral separator */
      return '.';
    case 0x2014: /* em dash */
    case 0x2015:
    case 0x2013:
    case 0xFF0D:
      return '-';
    default:
      return c;
    }
}

gunichar *
pc_fold_chars (const gunichar *chars,
               guint           len)
{
  gunichar *out = g_new (gunichar, len + 1);

  for (guint i = 0; i < len; i++)
    out[i] = pc_fold_char (chars[i]);
  out[len] = 0;
  return out;
}

gboolean
pc_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0x00A0 || c == 0x200B
         || (c != '\n' && g_unichar_isspace (c));
}

gboolean
pc_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007;
}

gboolean
pc_is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == '!' || c == '?' || c == ';' || c == 0xFF01
         || c == 0xFF1F || c == 0xFF1B;
}

int
pc_cn_digit (gunichar c)
{
  static const gunichar digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D }; /* 〇一二三四五六七八九 */

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return (int) i;
  if (c == 0x96F6) /* 零 */
    return 0;
  if (c == 0x4E24) /* 两 */
    return 2;
  return -1;
}

/**
 * pc_parse_cn_number:
 *
 * Parses a Chinese numeral below 100 such as 三, 十, 十二, 二十三 at the start of @s.
 * Returns: the value, or 0 when @s does not start with one
 */
guint
pc_parse_cn_number (const gunichar *s,
                    guint           len,
                    guint          *consumed)
{
  guint i = 0;
  guint value = 0;
  int d;

  *consumed = 0;
  if (len == 0)
    return 0;

  if (s[0] == 0x5341) /* 十 */
    {
      value = 10;
      i = 1;
      if (i < len && (d = pc_cn_digit (s[i])) > 0)
        {
          value += (guint) d;
          i++;
        }
    }
  else if ((d = pc_cn_digit (s[0])) > 0)
    {
      value = (guint) d;
      i = 1;
      if (i < len && s[i] == 0x5341)
        {
          value *= 10;
          i++;
          if (i < len && (d = pc_cn_digit (s[i])) > 0)
            {
              value += (guint) d;
              i++;
            }
        }
    }
  *consumed = i;
  return value;
}

guint
pc_parse_ascii_number (const gunichar *s,
                       guint           len,
                       guint          *consumed)
{
  guint i = 0;
  guint value = 0;

  while (i < len && i < 6 && s[i] >= '0' && s[i] <= '9')
    value = value * 10 + (s[i++] - '0');
  *consumed = i;
  return value;
}

/* Whether @utf8 occurs in @s at @pos. */
gboolean
pc_match_at (const gunichar *s,
             guint           len,
             guint           pos,
             const char     *utf8)
{
  const char *p = utf8;

  while (*p)
    {
      if (pos >= len || s[pos] != g_utf8_get_char (p))
        return FALSE;
      pos++;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* Returns: the first position of @utf8 in @s[@start, @end), or -1 */
gint
pc_find (const gunichar *s,
         guint           start,
         guint           end,
         const char     *utf8)
{
  gunichar first = g_utf8_get_char (utf8);

  for (guint i = start; i < end; i++)
    if (s[i] == first && pc_match_at (s, end, i, utf8))
      return (gint) i;
  return -1;
}

gboolean
pc_contains_any (const gunichar     *s,
                 guint               start,
                 guint               end,
                 const char * const *needles)
{
  for (guint i = 0; needles[i]; i++)
    if (pc_find (s, start, end, needles[i]) >= 0)
      return TRUE;
  return FALSE;
}

char *
pc_chars_to_utf8 (const gunichar *s,
                  guint           start,
                  guint           end)
{
  g_return_val_if_fail (start <= end, NULL);
  return g_ucs4_to_utf8 (s + start, end - start, NULL, NULL, NULL);
}

static gboolean
is_cjk_or_digit (gunichar c)
{
  return pc_is_han (c) || (c >= '0' && c <= '9') || (c >= 0x3000 && c <= 0x303F)
         || (c >= 0xFF00 && c <= 0xFFEF);
}

/**
 * pc_squeeze_cjk_spaces:
 *
 * Copies @s[@start, @end) as UTF-8 without the white space that PDF text puts between
 * Chinese characters, or between them and digits ("2023 年度", "深入 贯彻"); white space
 * between Latin words stays. For titles shown to the reader, never for the clean text.
 */
char *
pc_squeeze_cjk_spaces (const gunichar *s,
                       guint           start,
                       guint           end)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    {
      if (pc_is_space (s[i]))
        {
          guint j = i;

          while (j < end && pc_is_space (s[j]))
            j++;
          if (i > start && j < end && is_cjk_or_digit (s[i - 1]) && is_cjk_or_digit (s[j])
              && (pc_is_han (s[i - 1]) || pc_is_han (s[j])))
            {
              i = j - 1;
              continue;
            }
        }
      g_string_append_unichar (out, s[i]);
    }
  return g_string_free (out, FALSE);
}

/* A digit of a year written in Chinese numerals. Besides 〇 and 零, typists use the
 * white circle ○, the large circle ◯ and the letter O for zero. */
static int
year_digit (gunichar c)
{
  if (c == 0x25CB || c == 0x25EF || c == 'O' || c == 0xFF2F)
    return 0;
  return pc_cn_digit (c);
}

static gboolean
parse_cn_date_number (const gunichar *s,
                      guint           end,
                      guint          *pos,
                      guint           max_digits,
                      guint          *value)
{
  guint consumed = 0;

  if (max_digits == 4)
    {
      /* 二〇二三, with the zero also written ○ or O */
      guint v = 0;
      guint i = *pos;

      while (i < end && i - *pos < 4 && year_digit (s[i]) >= 0)
        v = v * 10 + (guint) year_digit (s[i++]);
      if (i - *pos == 4)
        {
          *value = v;
          *pos = i;
          return TRUE;
        }
    }
  *value = pc_parse_ascii_number (s + *pos, end - *pos, &consumed);
  if (consumed == 0 || consumed > max_digits)
    *value = pc_parse_cn_number (s + *pos, end - *pos, &consumed);
  if (consumed == 0 || *value == 0)
    return FALSE;
  *pos += consumed;
  return TRUE;
}

static void
skip_spaces (const gunichar *s,
             guint           end,
             guint          *pos)
{
  while (*pos < end && pc_is_space (s[*pos]))
    (*pos)++;
}

static gboolean
parse_date_at (const gunichar *s,
               guint           pos,
               guint           end,
               char          **iso_date,
               guint          *match_end)
{
  guint y, m, d;
  gboolean cn_style;

  if (!parse_cn_date_number (s, end, &pos, 4, &y) || y < 1990 || y > 2100)
    return FALSE;
  skip_spaces (s, end, &pos);
  if (pos >= end || !(s[pos] == '-' || s[pos] == '/' || s[pos] == '.' || s[pos] == 0x5E74 /* 年 */))
    return FALSE;
  cn_style = s[pos] == 0x5E74;
  pos++;
  skip_spaces (s, end, &pos);
  if (!parse_cn_date_number (s, end, &pos, 2, &m) || m > 12)
    return FALSE;
  skip_spaces (s, end, &pos);
  if (pos >= end || !(s[pos] == '-' || s[pos] == '/' || s[pos] == '.' || s[pos] == 0x6708 /* 月 */))
    return FALSE;
  pos++;
  skip_spaces (s, end, &pos);
  if (!parse_cn_date_number (s, end, &pos, 2, &d) || d > 31)
    return FALSE;
  if (cn_style)
    {
      /* PDF text puts spaces between the digits and 日: "2023 年 12 月 8 日" */
      guint unit = pos;

      skip_spaces (s, end, &unit);
      if (unit < end && (s[unit] == 0x65E5 || s[unit] == 0x53F7)) /* 日 号 */
        pos = unit + 1;
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *iso_date = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  if (match_end)
    *match_end = pos;
  return TRUE;
}

/**
 * pc_parse_date:
 *
 * Finds the first full date in @s[@start, @end): 2024-02-20, 2024/2/20, 2024.02.20,
 * 2022年3月8日, 2023 年 12 月 8 日 or 二〇二三年十二月八日 (also with ○ for 〇).
 */
gboolean
pc_parse_date (const gunichar *s,
               guint           start,
               guint           end,
               char          **iso_date,
               guint          *match_end)
{
  for (guint i = start; i < end; i++)
    {
      if (i > start && s[i - 1] >= '0' && s[i - 1] <= '9')
        continue;
      if ((s[i] >= '0' && s[i] <= '9') || pc_cn_digit (s[i]) > 0)
        if (parse_date_at (s, i, end, iso_date, match_end))
          return TRUE;
    }
  return FALSE;
}

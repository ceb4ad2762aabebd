/* pc-reader-meta.c — title, agency, year, dates, document number, addressee.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-reader-meta"

#include "config.h"

#include <string.h>

#include "pc-reader-private.h"

#define MAX_HEADER_LINES 12
#define MAX_TITLE_CHARS  80
#define MAX_SIGNATURE_LINES 8

static const char * const agency_suffixes[] = {
  "委员会", "办公室", "政府", "局", "厅", "委", "办", "院", "中心", "部", "署", "所", "站", "处", NULL
};

static const char * const title_words[] = { "报告", "情况", "总结", NULL };

static guint
line_len (PcRange r)
{
  return r.end - r.start;
}

static PcRange
line_at (PcReadContext *ctx,
         guint          i)
{
  return g_array_index (ctx->lines, PcRange, i);
}

static gboolean
starts_with_heading_label (PcReadContext *ctx,
                           PcRange        r)
{
  guint consumed = 0;
  guint pos = r.start;

  if (pos < r.end && ctx->norm[pos] == '(')
    {
      pc_parse_cn_number (ctx->norm + pos + 1, r.end - pos - 1, &consumed);
      return pos + 1 + consumed < r.end && ctx->norm[pos + 1 + consumed] == ')';
    }
  pc_parse_cn_number (ctx->norm + pos, r.end - pos, &consumed);
  return consumed > 0 && pos + consumed < r.end && ctx->norm[pos + consumed] == 0x3001; /* 、 */
}

static gboolean
ends_with (PcReadContext *ctx,
           PcRange        r,
           const char    *utf8)
{
  glong n = g_utf8_strlen (utf8, -1);

  return line_len (r) >= (guint) n && pc_match_at (ctx->norm, r.end, r.end - (guint) n, utf8);
}

static gboolean
is_body_line (PcReadContext *ctx,
              PcRange        r)
{
  /* Prose: long, or holding a full stop anywhere ("…职责。现将有关情况报告如下："). */
  return line_len (r) > 60 || pc_find (ctx->norm, r.start, r.end, "。") >= 0
         || starts_with_heading_label (ctx, r);
}

static gboolean
is_open_bracket (gunichar c)
{
  /* 〔 [ ( 【 ⌈ ﹝ 〖 */
  return c == 0x3014 || c == '[' || c == '(' || c == 0x3010 || c == 0x2308 || c == 0xFE5D || c == 0x3016;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == 0x3015 || c == ']' || c == ')' || c == 0x3011 || c == 0x2309 || c == 0xFE5E || c == 0x3017;
}

static guint
skip_spaces (const gunichar *s,
             guint           i,
             guint           end)
{
  while (i < end && s[i] == ' ')
    i++;
  return i;
}

/* 漳应急〔2023〕92号, 青应急﹝2025﹞5号, 青应急字〔2025〕第5号, and with the spaces
 * PDF text puts between digits and characters: 漳应急〔2023〕92 号 */
static gboolean
is_doc_number (const gunichar *s,
               guint           start,
               guint           end)
{
  guint i = start;
  guint consumed = 0;
  guint han = 0;

  while (i < end && pc_is_han (s[i]))
    {
      i++;
      han++;
    }
  if (han == 0 || han > 12)
    return FALSE;
  i = skip_spaces (s, i, end);
  if (i >= end || !is_open_bracket (s[i]))
    return FALSE;
  i = skip_spaces (s, i + 1, end);
  pc_parse_ascii_number (s + i, end - i, &consumed);
  if (consumed != 4)
    return FALSE;
  i = skip_spaces (s, i + consumed, end);
  if (i >= end || !is_close_bracket (s[i]))
    return FALSE;
  i = skip_spaces (s, i + 1, end);
  if (i < end && s[i] == 0x7B2C) /* 第 */
    i = skip_spaces (s, i + 1, end);
  pc_parse_ascii_number (s + i, end - i, &consumed);
  if (consumed == 0)
    return FALSE;
  i = skip_spaces (s, i + consumed, end);
  return i + 1 == end && s[i] == 0x53F7; /* 号 */
}

/* The document number as written, without the white space PDF text adds. */
static char *
doc_number_text (const gunichar *s,
                 guint           start,
                 guint           end)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    if (!pc_is_space (s[i]))
      g_string_append_unichar (out, s[i]);
  return g_string_free (out, FALSE);
}

static gboolean
ends_with_agency_suffix (const char *name)
{
  for (guint i = 0; agency_suffixes[i]; i++)
    if (g_str_has_suffix (name, agency_suffixes[i]))
      return TRUE;
  return FALSE;
}

/* "市应急管理局" names an agency only together with its city. */
static gboolean
agency_is_complete (const char *name)
{
  static const char * const bare[] = { "市", "区", "县", "省", "州", "局", "本", "我", "全", NULL };

  for (guint i = 0; bare[i]; i++)
    if (g_str_has_prefix (name, bare[i]))
      return FALSE;
  return g_utf8_strlen (name, -1) >= 4;
}

/* The agency in a title: everything before 关于 or before the year. */
static char *
agency_from_title (const char *title)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  glong end = 0;
  g_autofree char *name = NULL;

  chars = g_utf8_to_ucs4_fast (title, -1, &n);
  while (end < n && pc_is_han (chars[end]))
    {
      if (end + 1 < n && chars[end] == 0x5173 && chars[end + 1] == 0x4E8E) /* 关于 */
        break;
      end++;
    }
  if (end == 0)
    return NULL;
  name = pc_chars_to_utf8 (chars, 0, (guint) end);
  return ends_with_agency_suffix (name) ? g_steal_pointer (&name) : NULL;
}

static char *
agency_in_text (const char *text)
{
  static GRegex *regex;
  static gsize initialized;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("\\p{Han}{1,12}?(?:省|市|区|县|州|盟|旗)\\p{Han}{1,12}?"
                               "(?:管理局|委员会|办公室|政府|局|厅)",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }
  if (g_regex_match (regex, text, 0, &match))
    return g_match_info_fetch (match, 0);
  return NULL;
}

static guint
year_in (const gunichar *s,
         guint           start,
         guint           end)
{
  for (guint i = start; i + 4 < end; i++)
    {
      guint consumed = 0;
      guint y;

      guint unit;

      if (i > start && s[i - 1] >= '0' && s[i - 1] <= '9')
        continue;
      y = pc_parse_ascii_number (s + i, end - i, &consumed);
      if (consumed != 4)
        continue;
      unit = skip_spaces (s, i + 4, end);  /* "2023 年" in PDF text */
      if (unit < end && s[unit] == 0x5E74 && y >= 1990 && y <= 2100) /* 年 */
        return y;
    }
  return 0;
}

static void
read_signature (PcReadContext *ctx,
                char         **agency,
                char         **signed_on)
{
  guint n = ctx->lines->len;
  guint first = n > MAX_SIGNATURE_LINES ? n - MAX_SIGNATURE_LINES : 0;

  /* From the end of the text back to the last paragraph of prose: what follows the
   * signature is short (an attachment list, a note on publication). */
  for (guint i = n; i-- > first;)
    {
      PcRange r = line_at (ctx, i);
      g_autofree char *iso = NULL;
      guint date_end = 0;
      gint date_start = -1;

      if (line_len (r) > 60 || pc_find (ctx->norm, r.start, r.end, "。") >= 0)
        return;
      if (line_len (r) > 40 || !pc_parse_date (ctx->norm, r.start, r.end, &iso, &date_end))
        continue;
      /* the date must end the line */
      while (date_end < r.end && pc_is_space (ctx->norm[date_end]))
        date_end++;
      if (date_end != r.end)
        continue;

      for (guint k = r.start; k < r.end; k++)
        if ((ctx->norm[k] >= '0' && ctx->norm[k] <= '9') || pc_cn_digit (ctx->norm[k]) >= 0)
          {
            date_start = (gint) k;
            break;
          }
      *signed_on = g_steal_pointer (&iso);
      ctx->body_end = r.start;

      if (date_start > (gint) r.start)
        {
          g_autofree char *name = pc_chars_to_utf8 (ctx->chars, r.start, (guint) date_start);

          g_strstrip (name);
          if (ends_with_agency_suffix (name))
            *agency = g_steal_pointer (&name);
        }
      else if (i > 0)
        {
          PcRange prev = line_at (ctx, i - 1);
          g_autofree char *name = pc_chars_to_utf8 (ctx->chars, prev.start, prev.end);

          if (line_len (prev) <= 40 && ends_with_agency_suffix (name))
            {
              *agency = g_steal_pointer (&name);
              ctx->body_end = prev.start;
            }
        }
      if (ctx->body_end > 0 && ctx->chars[ctx->body_end - 1] == '\n')
        ctx->body_end--;
      return;
    }
}

/* The addressee stands after the title, or — in a report without one — is the line
 * that ends in a colon (县人民政府：), so a letterhead is not taken for it. */
static gboolean
is_addressee (PcReadContext *ctx,
              PcRange        r)
{
  static const char * const organs[] = { "政府", "党委", "市委", "区委", "县委", "省委", "委员会",
                                         "人大", "依法治", "办公室", "司法", "并报", NULL };
  gunichar last;

  if (line_len (r) == 0 || line_len (r) > 30)
    return FALSE;
  if (pc_contains_any (ctx->norm, r.start, r.end, title_words)
      || pc_find (ctx->norm, r.start, r.end, "关于") >= 0)
    return FALSE;
  last = ctx->norm[r.end - 1];
  return last == ':' || pc_contains_any (ctx->norm, r.start, r.end, organs);
}

static void
choose_agency (PcReadContext *ctx,
               const char    *from_title,
               const char    *from_signature,
               const char    *from_body)
{
  const char *candidates[] = { from_signature, ctx->meta_source, from_body };

  if (from_title && agency_is_complete (from_title))
    {
      pc_report_set_agency (ctx->report, from_title);
      return;
    }
  if (from_title)
    for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
      if (candidates[i] && g_str_has_suffix (candidates[i], from_title))
        {
          pc_report_set_agency (ctx->report, candidates[i]);
          return;
        }
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] && ends_with_agency_suffix (candidates[i]) && agency_is_complete (candidates[i]))
      {
        pc_report_set_agency (ctx->report, candidates[i]);
        return;
      }
  pc_report_set_agency (ctx->report, from_title ? from_title : ctx->meta_source);
}

static void
decide_inline_mode (PcReadContext *ctx)
{
  guint first = _pc_reader_line_of (ctx, ctx->body_start);
  guint last = _pc_reader_line_of (ctx, ctx->body_end > 0 ? ctx->body_end - 1 : 0);
  guint n_lines = last - first + 1;
  guint body_len = ctx->body_end - ctx->body_start;

  ctx->inline_mode = body_len / n_lines > 800 || (n_lines <= 3 && body_len > 1500);
}

void
_pc_reader_read_metadata (PcReadContext *ctx)
{
  g_autofree char *title = NULL;
  g_autofree char *agency_title = NULL;
  g_autofree char *agency_signature = NULL;
  g_autofree char *agency_body = NULL;
  g_autofree char *signed_on = NULL;
  g_autofree char *first_paragraph = NULL;
  guint title_line = G_MAXUINT;
  guint body_line = 0;
  guint year = 0;
  guint n_header;

  read_signature (ctx, &agency_signature, &signed_on);

  n_header = MIN (ctx->lines->len, MAX_HEADER_LINES);
  for (body_line = 0; body_line < n_header; body_line++)
    if (is_body_line (ctx, line_at (ctx, body_line)))
      break;
  if (body_line == n_header)
    body_line = 0;

  for (guint i = 0; i < body_line; i++)
    {
      PcRange r = line_at (ctx, i);

      if (title == NULL && line_len (r) <= MAX_TITLE_CHARS
          && pc_contains_any (ctx->norm, r.start, r.end, title_words))
        {
          title = pc_squeeze_cjk_spaces (ctx->chars, r.start, r.end);
          title_line = i;
        }
      else if (title == NULL && i + 1 < body_line && ends_with (ctx, r, "关于"))
        {
          /* A letterhead title set on two lines: "某某局关于" / "2023年度…的报告". */
          PcRange next = line_at (ctx, i + 1);

          if (line_len (r) + line_len (next) <= MAX_TITLE_CHARS
              && pc_contains_any (ctx->norm, next.start, next.end, title_words))
            {
              g_autofree char *first = pc_squeeze_cjk_spaces (ctx->chars, r.start, r.end);
              g_autofree char *second = pc_squeeze_cjk_spaces (ctx->chars, next.start, next.end);

              title = g_strconcat (first, second, NULL);
              title_line = ++i;
            }
        }
      else if (is_doc_number (ctx->norm, r.start, r.end))
        {
          g_autofree char *number = doc_number_text (ctx->chars, r.start, r.end);
          pc_report_set_doc_number (ctx->report, number);
        }
      else if (is_addressee (ctx, r) && pc_report_get_addressee (ctx->report) == NULL
               && (title_line == G_MAXUINT ? ctx->norm[r.end - 1] == ':' : i > title_line))
        {
          guint end = r.end;
          g_autofree char *addressee = NULL;

          if (ctx->norm[end - 1] == ':')
            end--;
          addressee = pc_chars_to_utf8 (ctx->chars, r.start, end);
          pc_report_set_addressee (ctx->report, addressee);
        }
    }
  if (pc_report_get_doc_number (ctx->report) == NULL)
    pc_report_set_doc_number (ctx->report, ctx->meta_doc_number);

  ctx->body_start = body_line < ctx->lines->len ? line_at (ctx, body_line).start : 0;
  if (ctx->body_end < ctx->body_start)
    ctx->body_end = ctx->len;
  decide_inline_mode (ctx);

  if (title == NULL && ctx->meta_title != NULL && g_utf8_strlen (ctx->meta_title, -1) <= MAX_TITLE_CHARS)
    title = g_strdup (ctx->meta_title);
  pc_report_set_title (ctx->report, title);
  pc_report_set_published (ctx->report, ctx->meta_published);
  pc_report_set_signed (ctx->report, signed_on);

  if (title)
    {
      agency_title = agency_from_title (title);
      {
        g_autofree gunichar *tchars = NULL;
        glong tn = 0;

        tchars = g_utf8_to_ucs4_fast (title, -1, &tn);
        year = year_in (tchars, 0, (guint) tn);
      }
    }
  if (ctx->lines->len > body_line)
    {
      PcRange r = line_at (ctx, body_line);
      guint end = MIN (r.end, r.start + 300);

      first_paragraph = pc_chars_to_utf8 (ctx->chars, r.start, end);
      agency_body = agency_in_text (first_paragraph);
      if (year == 0)
        year = year_in (ctx->norm, r.start, end);
    }
  if (year == 0 && pc_report_get_date (ctx->report))
    year = (guint) g_ascii_strtoull (pc_report_get_date (ctx->report), NULL, 10) - 1;
  pc_report_set_year (ctx->report, year);

  choose_agency (ctx, agency_title, agency_signature, agency_body);
}

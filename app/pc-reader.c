/* pc-reader.c — the reading pipeline: drop page chrome, then metadata, sections, form.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-reader-private.h"
#include "pc-report-private.h"

/* Lines that are web-page furniture, compared with all white space removed. */
static const char * const chrome_lines[] = {
  "首页", "返回", "返回首页", "返回顶部", "政府信息公开", "信息公开", "政务公开",
  "扫码查看手机版", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "手机扫一扫",
  "关联文章", "关联图片", "关联附件", "相关附件", "相关附件:", "相关文件", "相关文件:",
  "附件:", "打印", "关闭", "打印本页", "关闭窗口", "【打印】", "【关闭】", "【下载】",
  "[打印]", "[关闭]", "分享到:", "分享到", "分享", "收藏", "上一篇", "下一篇",
  "(此件主动公开)", "(此件公开发布)", "(此件依申请公开)", "(此件不予公开)",
  "【大中小】", "[大中小]", "字体:[大中小]", "字号:[大中小]", "【字体:大中小】",
  NULL
};

/* Labels of the metadata that portals print around a document. Longest first, so that
 * 信息来源 wins over 来源 and 发布日期 over 日期. */
static const char * const meta_keys[] = {
  "发布机构", "发文机关", "信息来源", "发布时间", "发布日期", "成文日期", "公开类别", "公开方式",
  "主题分类", "浏览次数", "访问次数", "责任编辑", "索引号", "点击数", "来源", "文号", "日期",
  "字号", "时间", "名称", "标题",
  NULL
};

static char *
fold_utf8 (const char *line)
{
  g_autofree gunichar *chars = NULL;
  GString *out = g_string_new (NULL);
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (line, -1, &n);
  for (glong i = 0; i < n; i++)
    {
      gunichar c = pc_fold_char (chars[i]);

      if (c != ' ')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
trim_line (const char *start,
           const char *end)
{
  while (start < end)
    {
      gunichar c = g_utf8_get_char (start);

      if (!pc_is_space (c))
        break;
      start = g_utf8_next_char (start);
    }
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!pc_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Where the page's related-links block begins: 关联文章 and the like, or the
 * previous/next article links. Nothing after it belongs to the report. */
static gboolean
starts_trailing_links (const char *squeezed)
{
  static const char * const heads[] = { "关联文章", "相关文章", "相关链接", "相关阅读", "相关新闻",
                                        "相关推荐", "相关信息", "相关稿件", "延伸阅读", NULL };

  for (guint i = 0; heads[i]; i++)
    if (g_str_equal (squeezed, heads[i]) || (g_str_has_prefix (squeezed, heads[i])
                                             && g_str_has_prefix (squeezed + strlen (heads[i]), ":")))
      return TRUE;
  return strstr (squeezed, "上一篇:") != NULL || strstr (squeezed, "下一篇:") != NULL;
}

/* A row of page buttons: 【下载】【打印】【关闭】 or [打印] [关闭]. */
static gboolean
is_button_row (const char *squeezed)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[【】\\[\\]]", squeezed, 0, 0);
  guint buttons = 0;

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *bracketed = NULL;
      gboolean known = FALSE;

      if (*parts[i] == '\0')
        continue;
      bracketed = g_strconcat ("【", parts[i], "】", NULL);
      for (guint k = 0; chrome_lines[k] && !known; k++)
        known = g_str_equal (bracketed, chrome_lines[k]) || g_str_equal (parts[i], chrome_lines[k]);
      if (!known && !g_str_equal (parts[i], "下载"))
        return FALSE;
      buttons++;
    }
  return buttons >= 2;
}

/* An attachment link on its own: 附件1.doc */
static gboolean
is_file_link (const char *squeezed)
{
  static const char * const extensions[] = { ".doc", ".docx", ".pdf", ".wps", ".xls", ".xlsx", ".zip",
                                             ".rar", ".ofd", NULL };
  g_autofree char *lower = g_ascii_strdown (squeezed, -1);

  if (g_utf8_strlen (squeezed, -1) > 60)
    return FALSE;
  for (guint i = 0; extensions[i]; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_breadcrumb (const char *squeezed)
{
  static const char * const starts[] = { "首页", "当前位置", "您的位置", "你的位置", "您现在的位置",
                                         "当前的位置", "所在位置", NULL };
  guint arrows = 0;

  for (const char *p = squeezed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '>' || c == 0x00BB || c == 0x203A || c == 0x2192)
        arrows++;
    }
  if (arrows == 0)
    return FALSE;
  for (guint i = 0; starts[i]; i++)
    if (g_str_has_prefix (squeezed, starts[i]))
      return TRUE;
  return arrows >= 2 && g_utf8_strlen (squeezed, -1) < 80;
}

static const char *
meta_key_at (const char *p)
{
  for (guint i = 0; meta_keys[i]; i++)
    if (g_str_has_prefix (p, meta_keys[i]))
      return meta_keys[i];
  return NULL;
}

static void
take_meta_value (PcReadContext *ctx,
                 const char    *key,
                 const char    *value)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  if (*value == '\0')
    return;
  if (strstr (key, "日期") || strstr (key, "时间"))
    {
      char *iso = NULL;

      chars = g_utf8_to_ucs4_fast (value, -1, &n);
      if (ctx->meta_published == NULL && pc_parse_date (chars, 0, (guint) n, &iso, NULL))
        ctx->meta_published = iso;
    }
  else if (g_str_equal (key, "发布机构") || g_str_equal (key, "发文机关")
           || g_str_equal (key, "信息来源") || g_str_equal (key, "来源"))
    {
      if (ctx->meta_source == NULL)
        ctx->meta_source = g_strdup (value);
    }
  else if (g_str_equal (key, "文号"))
    {
      if (ctx->meta_doc_number == NULL)
        ctx->meta_doc_number = g_strdup (value);
    }
  else if (g_str_equal (key, "名称") || g_str_equal (key, "标题"))
    {
      if (ctx->meta_title == NULL)
        ctx->meta_title = g_strdup (value);
    }
}

/* A line like "信息来源:坪山区应急管理局 发布时间:2024-12-13 14:47:11" or
 * "索引号 发布机构 应急管理局": the values go into @ctx, the line is dropped. */
static gboolean
read_meta_line (PcReadContext *ctx,
                const char    *line)
{
  g_autofree char *folded = NULL;
  g_autofree gunichar *chars = NULL;
  GString *spaced;
  const char *key;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (line, -1, &n);
  if (n == 0 || n > 160 || chars[n - 1] == 0x3002)
    return FALSE;

  /* Portal tables space out two-character labels to the width of four: 名　　称： */
  spaced = g_string_new (NULL);
  for (glong i = 0; i < n; i++)
    {
      gunichar c = pc_fold_char (chars[i]);

      if (c == ' ' && i > 0 && pc_is_han (chars[i - 1]) && (i == 1 || pc_is_space (pc_fold_char (chars[i - 2]))))
        {
          glong j = i;

          while (j < n && pc_is_space (pc_fold_char (chars[j])))
            j++;
          if (j + 1 < n && pc_is_han (chars[j]) && pc_fold_char (chars[j + 1]) == ':')
            {
              i = j - 1;
              continue;
            }
        }
      g_string_append_unichar (spaced, c);
    }
  folded = g_string_free (spaced, FALSE);

  key = meta_key_at (folded);
  if (key == NULL)
    return FALSE;
  /* The label must be a label: followed by a colon, a space or nothing. */
  {
    const char *after = folded + strlen (key);

    if (!(*after == ':' || *after == ' ' || *after == '\0'))
      return FALSE;
  }

  for (const char *p = folded; *p;)
    {
      const char *k = meta_key_at (p);

      if (k != NULL && (p == folded || p[-1] == ' '))
        {
          const char *v = p + strlen (k);
          const char *vend;
          g_autofree char *value = NULL;

          while (*v == ':' || *v == ' ')
            v++;
          vend = v;
          while (*vend)
            {
              if (vend > v && vend[-1] == ' ' && meta_key_at (vend) != NULL)
                break;
              if (g_str_has_prefix (vend, "【") || g_str_has_prefix (vend, "  ") || *vend == '[')
                break;
              vend = g_utf8_next_char (vend);
            }
          value = trim_line (v, vend);
          take_meta_value (ctx, k, value);
          p = vend;
        }
      else
        p = g_utf8_next_char (p);
    }
  return TRUE;
}

static gboolean
is_chrome_line (PcReadContext *ctx,
                const char    *line)
{
  g_autofree char *squeezed = fold_utf8 (line);

  if (*squeezed == '\0')
    return TRUE;
  for (guint i = 0; chrome_lines[i]; i++)
    if (g_str_equal (squeezed, chrome_lines[i]))
      return TRUE;
  if (g_str_has_prefix (squeezed, "上一篇:") || g_str_has_prefix (squeezed, "下一篇:")
      || g_str_has_prefix (squeezed, "分享到:"))
    return TRUE;
  if (is_breadcrumb (squeezed) || is_button_row (squeezed) || is_file_link (squeezed))
    return TRUE;
  return read_meta_line (ctx, line);
}

/**
 * _pc_reader_strip_chrome:
 *
 * Returns: (transfer full): the clean text — the lines of @text that belong to the report,
 *   trimmed, one paragraph per line, without blank lines
 */
char *
_pc_reader_strip_chrome (const char    *text,
                         PcReadContext *ctx)
{
  GString *clean = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      g_autofree char *line = NULL;

      if (eol == NULL)
        eol = p + strlen (p);
      line = trim_line (p, eol);
      if (clean->len > 0)
        {
          g_autofree char *squeezed = fold_utf8 (line);

          if (starts_trailing_links (squeezed))
            break;
        }
      if (!is_chrome_line (ctx, line))
        {
          if (clean->len > 0)
            g_string_append_c (clean, '\n');
          g_string_append (clean, line);
        }
      p = *eol ? eol + 1 : eol;
    }
  return g_string_free (clean, FALSE);
}

guint
_pc_reader_line_of (PcReadContext *ctx,
                    guint          pos)
{
  guint lo = 0;
  guint hi = ctx->lines->len;

  while (lo + 1 < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ctx->lines, PcRange, mid).start <= pos)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Whether a heading or enumerator may start at @pos: at a paragraph start, after the end
 * of a sentence, or — in a report without paragraph breaks — after white space. */
gboolean
_pc_reader_is_boundary (PcReadContext *ctx,
                        guint          pos)
{
  guint i = pos;

  if (pos == 0 || ctx->norm[pos - 1] == '\n')
    return TRUE;
  while (i > 0 && ctx->norm[i - 1] == ' ')
    i--;
  if (i == 0 || ctx->norm[i - 1] == '\n')
    return TRUE;
  if (pc_is_sentence_end (ctx->norm[i - 1]))
    return TRUE;
  if (ctx->inline_mode && (i < pos || ctx->norm[i - 1] == ':'))
    return TRUE;
  return FALSE;
}

static gboolean
break_before_and_after (PcReadContext *ctx,
                        PcSection     *section)
{
  PcRange heading = pc_section_get_heading (section);
  gboolean changed = FALSE;
  guint after = heading.end;

  if (heading.start > 0 && pc_is_space (ctx->chars[heading.start - 1]))
    {
      ctx->chars[heading.start - 1] = '\n';
      ctx->norm[heading.start - 1] = '\n';
      changed = TRUE;
    }
  /* the heading's own full stop, if any, stays on its line */
  if (after < ctx->len && pc_is_sentence_end (ctx->norm[after]))
    after++;
  if (after < ctx->len && pc_is_space (ctx->chars[after]))
    {
      ctx->chars[after] = '\n';
      ctx->norm[after] = '\n';
      changed = TRUE;
    }
  return changed;
}

static gboolean
break_inline_headings_in (PcReadContext *ctx,
                          GListModel    *sections)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);

      if (pc_section_get_flags (section) & PC_SECTION_FLAG_INLINE)
        changed |= break_before_and_after (ctx, section);
      changed |= break_inline_headings_in (ctx, pc_section_get_children (section));
    }
  return changed;
}

/* A report saved without line breaks (a whole web page on one line) still reads one
 * paragraph per line: the white space around an inline heading becomes a line break.
 * One character replaces one character, so no range moves. */
static void
break_inline_headings (PcReadContext *ctx)
{
  g_autofree char *text = NULL;

  if (!break_inline_headings_in (ctx, pc_report_get_sections (ctx->report)))
    return;
  text = pc_chars_to_utf8 (ctx->chars, 0, ctx->len);
  _pc_report_replace_text (ctx->report, text);
}

static void
context_init (PcReadContext *ctx,
              const char    *clean)
{
  glong n = 0;
  guint line_start = 0;

  ctx->chars = g_utf8_to_ucs4_fast (clean, -1, &n);
  ctx->len = (guint) n;
  ctx->norm = pc_fold_chars (ctx->chars, ctx->len);
  ctx->lines = g_array_new (FALSE, FALSE, sizeof (PcRange));
  for (guint i = 0; i <= ctx->len; i++)
    if (i == ctx->len || ctx->chars[i] == '\n')
      {
        PcRange r = { line_start, i };

        g_array_append_val (ctx->lines, r);
        line_start = i + 1;
      }
  ctx->body_end = ctx->len;
}

static void
context_clear (PcReadContext *ctx)
{
  g_clear_pointer (&ctx->chars, g_free);
  g_clear_pointer (&ctx->norm, g_free);
  g_clear_pointer (&ctx->lines, g_array_unref);
  g_clear_pointer (&ctx->meta_published, g_free);
  g_clear_pointer (&ctx->meta_source, g_free);
  g_clear_pointer (&ctx->meta_doc_number, g_free);
  g_clear_pointer (&ctx->meta_title, g_free);
  g_clear_object (&ctx->report);
}

/* A report saved without line breaks (a web page flattened to one line) keeps its
 * paragraphs apart with white space. Chinese prose has no spaces between words, so
 * there a space after a full stop or a colon, or after a Chinese character and before
 * another, a bracket or a digit (a heading, a year), is a paragraph break; other spaces
 * beside ASCII ("ISO 9001", "2023 年", "首页 > 政务公开") stay.
 * Text with line breaks is left alone: PDF text also spaces Chinese characters. */
static char *
split_run_on_text (const char *text)
{
  g_autofree gunichar *chars = NULL;
  GString *out;
  glong n = 0;
  guint breaks = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  for (glong i = 0; i < n; i++)
    if (chars[i] == '\n' && i + 1 < n && !pc_is_space (chars[i + 1]) && chars[i + 1] != '\n')
      breaks++;
  if (n < 150 || breaks > 2 || (glong) (breaks + 1) * 150 > n)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (glong i = 0; i < n; i++)
    {
      glong j = i;

      if (!pc_is_space (chars[i]) || i == 0)
        {
          g_string_append_unichar (out, chars[i]);
          continue;
        }
      while (j < n && pc_is_space (chars[j]))
        j++;
      if (j < n && chars[j] != '\n'
          && (pc_is_sentence_end (pc_fold_char (chars[i - 1])) || pc_fold_char (chars[i - 1]) == ':'
              || (chars[i - 1] >= 0x80
                  && (chars[j] >= 0x80 || chars[j] == '(' || (chars[j] >= '0' && chars[j] <= '9')))))
        {
          g_string_append_c (out, '\n');
          i = j - 1;
          continue;
        }
      g_string_append_unichar (out, chars[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * pc_reader_read:
 * @text: UTF-8 text, one paragraph per line
 *
 * Returns: (transfer full): the report, or %NULL with %PC_IMPORT_ERROR_EMPTY when nothing
 *   of a report is left once page chrome is gone
 */
PcReport *
pc_reader_read (const char  *text,
                GError     **error)
{
  PcReadContext ctx = { 0 };
  g_autofree char *split = NULL;
  g_autofree char *clean = NULL;
  PcReport *report;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  split = split_run_on_text (text);
  clean = _pc_reader_strip_chrome (split, &ctx);
  if (*clean == '\0')
    {
      context_clear (&ctx);
      g_set_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_EMPTY,
                   _("The file contains no report text"));
      return NULL;
    }

  context_init (&ctx, clean);
  ctx.report = pc_report_new (clean);
  _pc_reader_read_metadata (&ctx);
  _pc_reader_read_sections (&ctx);
  break_inline_headings (&ctx);
  _pc_reader_check_form (&ctx);

  report = g_steal_pointer (&ctx.report);
  context_clear (&ctx);
  return report;
}

/**
 * pc_reader_read_extraction:
 *
 * Returns: (transfer full): the report read from @extraction, with its source recorded
 */
PcReport *
pc_reader_read_extraction (PcExtraction  *extraction,
                           const char    *source_name,
                           GError       **error)
{
  PcReport *report;

  g_return_val_if_fail (extraction != NULL, NULL);

  report = pc_reader_read (extraction->text, error);
  if (report == NULL)
    return NULL;
  pc_report_set_source_name (report, source_name);
  pc_report_set_source_format (report, extraction->format);
  pc_report_set_encoding (report, extraction->encoding);
  pc_report_set_content_hash (report, extraction->content_hash);
  return report;
}

/**
 * pc_reader_read_file:
 *
 * Returns: (transfer full): the report in the file at @path
 */
PcReport *
pc_reader_read_file (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(PcExtraction) extraction = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  extraction = pc_extract_file (path, cancellable, error);
  if (extraction == NULL)
    return NULL;
  basename = g_path_get_basename (path);
  return pc_reader_read_extraction (extraction, basename, error);
}

/* pc-reader-sections.c — the section tree: 一、 / （一） / 1. headings, wherever they stand.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-reader-sections"

#include "config.h"

#include "pc-reader-private.h"

#define TITLE_SOFT_MAX 50
#define TITLE_HARD_MAX 40
#define TITLE_MIN      6

typedef struct
{
  guint    level;
  guint    number;          /* 0: written without a number */
  guint    label_start;
  guint    label_end;
  guint    title_start;
  guint    title_end;
  gboolean at_line_start;
  gboolean alone;           /* the heading is all of its line */
  gboolean run_on;          /* its paragraph follows on the same line, after a space */
} Heading;

typedef struct
{
  guint    last[4];         /* last accepted number per level */
  guint    ignored[4];      /* last number of a list that started again at 一, per level */
  gboolean seen_l2;
} Sequence;

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static guint
skip_blanks (const gunichar *s,
             guint           pos,
             guint           end)
{
  while (pos < end && s[pos] == ' ')
    pos++;
  return pos;
}

/* Parses an enumerator at @pos: 一、 (level 1), (一) or () (level 2), 1. 1、 (1) (level 3).
 * At the start of a line a part is also written 一 、, 一. or 一．, or with its numeral
 * left out (、存在的问题); a subsection with a blank for its number, ( ). */
static gboolean
parse_label (PcReadContext *ctx,
             guint          pos,
             guint          end,
             Heading       *h)
{
  const gunichar *s = ctx->norm;
  gboolean line_start = pos == 0 || s[pos - 1] == '\n';
  guint consumed = 0;
  guint n;

  if (s[pos] == '(')
    {
      guint close = skip_blanks (s, pos + 1, end);

      if (close < end && s[close] == ')')
        {
          h->level = 2;
          h->number = 0;
          h->label_end = close + 1;
          return TRUE;
        }
      n = pc_parse_cn_number (s + pos + 1, end - pos - 1, &consumed);
      if (pos + 1 + consumed < end && s[pos + 1 + consumed] == ')')
        {
          h->level = 2;
          h->number = n;
          h->label_end = pos + 2 + consumed;
          return TRUE;
        }
      n = pc_parse_ascii_number (s + pos + 1, end - pos - 1, &consumed);
      if (consumed > 0 && consumed <= 2 && pos + 1 + consumed < end && s[pos + 1 + consumed] == ')')
        {
          h->level = 3;
          h->number = n;
          h->label_end = pos + 2 + consumed;
          return TRUE;
        }
      return FALSE;
    }

  if (s[pos] == 0x3001 /* 、 */)
    {
      if (!line_start)
        return FALSE;
      h->level = 1;
      h->number = 0;
      h->label_end = pos + 1;
      return TRUE;
    }

  n = pc_parse_cn_number (s + pos, end - pos, &consumed);
  if (consumed > 0)
    {
      guint sep = line_start ? skip_blanks (s, pos + consumed, end) : pos + consumed;

      /* 一. is a part only where it starts a line: inside a sentence a dot after a
       * numeral is not a separator. Chinese numerals take no decimals, so
       * 一.2024年… is still a part. */
      if (sep < end && (s[sep] == 0x3001
                        || (line_start && s[sep] == '.' && sep == pos + consumed)))
        {
          h->level = 1;
          h->number = n;
          h->label_end = sep + 1;
          return TRUE;
        }
    }

  n = pc_parse_ascii_number (s + pos, end - pos, &consumed);
  if (consumed > 0 && consumed <= 2 && n > 0 && pos + consumed + 1 < end
      && (s[pos + consumed] == '.' || s[pos + consumed] == 0x3001)
      && !is_ascii_digit (s[pos + consumed + 1]))
    {
      h->level = 3;
      h->number = n;
      h->label_end = pos + consumed + 1;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_title_punctuation (gunichar c)
{
  return c == 0x3002 || c == ':' || c == ',' || c == 0x3001 || c == ' ' || c == ';';
}

/* A heading whose full stop was lost runs on into its paragraph. Headings most often end
 * in 工作 ("积极推动防汛防台风工作"); failing that, end at the last clause break outside
 * brackets within the soft limit, or at the hard limit. */
static guint
cut_long_title (const gunichar *s,
                guint           start,
                guint           end)
{
  guint cut = 0;
  int depth = 0;
  gint work = pc_find (s, start + TITLE_MIN, MIN (end, start + 30), "工作");

  if (work >= 0)
    return (guint) work + 2;

  for (guint i = start; i < start + TITLE_SOFT_MAX; i++)
    {
      if (s[i] == '(' || s[i] == 0x300A || s[i] == 0x201C)
        depth++;
      else if ((s[i] == ')' || s[i] == 0x300B || s[i] == 0x201D) && depth > 0)
        depth--;
      else if (depth == 0 && i >= start + TITLE_MIN && (s[i] == ',' || s[i] == 0x3001))
        cut = i;
    }
  return cut ? cut : start + TITLE_HARD_MAX;
}

static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == 0x3001 || c == ';' || c == ':';
}

/* A heading with its paragraph run on after a space ("一、加强组织领导 市应急管理局深入
 * 学习…。"): the title ends at a space between Han characters where a subheading follows,
 * or a sentence that is not the title's own second phrase. A short phrase that ends the
 * line with a full stop ("强化组织领导 压实工作责任。") and a line without any full stop
 * ("一、2023 年法治政府 建设工作总结", spaced PDF text) stay one title. */
static gboolean
space_ends_title (PcReadContext *ctx,
                  guint          start,
                  guint          pos,
                  guint          limit)
{
  const gunichar *s = ctx->norm;
  guint after = skip_blanks (s, pos, limit);
  gboolean clause = FALSE;
  Heading next = { 0 };
  guint end;

  if (pos < start + 2 || !pc_is_han (s[pos - 1]) || after >= limit || s[after] == '\n')
    return FALSE;
  if (parse_label (ctx, after, limit, &next) && next.level >= 2)
    return TRUE;
  /* spaced PDF text puts spaces around figures ("影响我市的 21 场"): not a break */
  if (!pc_is_han (s[after]) && s[after] != 0x201C && s[after] != 0x300A)
    return FALSE;
  for (end = after; end < limit && s[end] != '\n' && !pc_is_sentence_end (s[end]); end++)
    clause |= is_clause_break (s[end]);
  if (end >= limit || s[end] == '\n')
    return end - after > TITLE_SOFT_MAX;
  if (clause || end - after > 20)
    return TRUE;
  /* the sentence goes on past its full stop: the line is a paragraph */
  end = skip_blanks (s, end + 1, limit);
  return end < limit && s[end] != '\n';
}

/* Where a heading's title ends: the line's end, its first full stop, the first inline
 * enumerator (一是), a space before its run-on paragraph, or — in a report without line
 * breaks — any white space. */
static void
find_title (PcReadContext *ctx,
            Heading       *h,
            guint          limit)
{
  const gunichar *s = ctx->norm;
  guint start = h->label_end;
  guint end;

  while (start < limit && s[start] == ' ')
    start++;
  /* 一、 alone on its line, the title on the next */
  if (h->at_line_start && start < limit && s[start] == '\n')
    start = skip_blanks (s, start + 1, limit);
  for (end = start; end < limit; end++)
    {
      gunichar c = s[end];

      if (c == '\n' || pc_is_sentence_end (c) || (ctx->inline_mode && c == ' '))
        break;
      if (c == ' ' && space_ends_title (ctx, start, end, limit))
        {
          h->run_on = TRUE;
          break;
        }
      if (end > start + 1 && c == 0x4E00 && end + 1 < limit && s[end + 1] == 0x662F) /* 一是 */
        break;
    }
  if (end - start > TITLE_SOFT_MAX)
    end = cut_long_title (s, start, end);
  while (end > start && is_title_punctuation (s[end - 1]))
    end--;
  h->title_start = start;
  h->title_end = end;
  end = skip_blanks (s, end, limit);
  while (end < limit && (is_title_punctuation (s[end]) || pc_is_sentence_end (s[end])))
    end++;
  h->alone = h->at_line_start && (end == limit || s[end] == '\n');
}

static gboolean
accept (Sequence *seq,
        Heading  *h)
{
  guint last = seq->last[h->level];
  guint n = h->number;
  gboolean ok;

  /* 1. is the third level under （一）; directly under 一、 it is a part's own numbered
   * subsections only where it starts a line — inline "1.…2.…" are items in a paragraph. */
  if (h->level == 3 && !seq->seen_l2 && !(seq->last[1] > 0 && h->at_line_start))
    return FALSE;

  if (n == 0)
    ok = h->at_line_start && (h->level == 2 || h->alone);
  else if ((n == 1 && last > 0) || (seq->ignored[h->level] > 0 && n == seq->ignored[h->level] + 1))
    {
      /* a list starting again at 一 is not a run of headings, nor what follows it */
      seq->ignored[h->level] = n;
      return FALSE;
    }
  else if (n == last + 1)
    ok = TRUE;
  else if (n > last)
    ok = h->at_line_start && n <= last + 3;
  else
    /* A number repeated or out of order (二、 twice, （三） before （二）) is still a
     * heading where it stands on a line of its own; the form check flags it. */
    ok = h->alone && last > 0;

  if (!ok)
    return FALSE;
  seq->ignored[h->level] = 0;
  seq->last[h->level] = n ? n : last + 1;
  for (guint l = h->level + 1; l <= 3; l++)
    {
      seq->last[l] = 0;
      seq->ignored[l] = 0;
    }
  if (h->level == 1)
    seq->seen_l2 = FALSE;
  if (h->level == 2)
    seq->seen_l2 = TRUE;
  return TRUE;
}

static GArray *
find_headings (PcReadContext *ctx)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  Sequence seq = { { 0 }, { 0 }, FALSE };
  guint end = ctx->body_end;
  guint after_run_on = G_MAXUINT;  /* where a heading's run-on paragraph starts */

  for (guint pos = ctx->body_start; pos < end; pos++)
    {
      gunichar c = ctx->norm[pos];
      Heading h = { 0 };

      if (!(c == '(' || c == 0x3001 || is_ascii_digit (c) || c == 0x5341 || pc_cn_digit (c) > 0))
        continue;
      if (pos != after_run_on && !_pc_reader_is_boundary (ctx, pos))
        continue;
      if (!parse_label (ctx, pos, end, &h))
        continue;
      h.label_start = pos;
      h.at_line_start = pos == 0 || ctx->norm[pos - 1] == '\n';
      find_title (ctx, &h, end);
      if (h.title_end == h.title_start)
        continue;
      if (!accept (&seq, &h))
        continue;
      g_array_append_val (headings, h);
      if (h.run_on)
        after_run_on = skip_blanks (ctx->norm, h.title_end, end);
      pos = h.title_end > pos ? h.title_end - 1 : pos;
    }
  return headings;
}

static PcSection *
section_from_heading (PcReadContext *ctx,
                      const Heading *h,
                      guint          end)
{
  g_autofree char *label = pc_chars_to_utf8 (ctx->chars, h->label_start, h->label_end);
  g_autofree char *title = pc_squeeze_cjk_spaces (ctx->chars, h->title_start, h->title_end);
  PcSection *section = pc_section_new (h->level, h->number, label, title);
  PcSectionFlags flags = PC_SECTION_FLAG_NONE;

  if (h->number == 0)
    flags |= PC_SECTION_FLAG_NUMBER_MISSING;
  if (!h->at_line_start)
    flags |= PC_SECTION_FLAG_INLINE;
  pc_section_set_flags (section, flags);
  pc_section_set_range (section, (PcRange) { h->label_start, end });
  pc_section_set_heading (section, (PcRange) { h->label_start, h->title_end });
  return section;
}

void
_pc_reader_read_sections (PcReadContext *ctx)
{
  g_autoptr(GArray) headings = find_headings (ctx);
  PcSection *stack[4] = { NULL };  /* the open section per level, borrowed */
  guint counts[4] = { 0 };         /* children seen under the open parent, per level */

  for (guint i = 0; i < headings->len; i++)
    {
      const Heading *h = &g_array_index (headings, Heading, i);
      guint end = ctx->body_end;
      g_autoptr(PcSection) section = NULL;
      PcSection *parent = NULL;
      g_autofree char *path = NULL;

      for (guint j = i + 1; j < headings->len; j++)
        {
          const Heading *next = &g_array_index (headings, Heading, j);

          if (next->level <= h->level)
            {
              end = next->label_start;
              break;
            }
        }
      while (end > h->label_start && (ctx->chars[end - 1] == '\n' || pc_is_space (ctx->chars[end - 1])))
        end--;

      section = section_from_heading (ctx, h, end);
      for (guint l = h->level - 1; l >= 1 && parent == NULL; l--)
        parent = stack[l];

      counts[h->level]++;
      for (guint l = h->level + 1; l <= 3; l++)
        {
          stack[l] = NULL;
          counts[l] = 0;
        }
      if (parent)
        path = g_strdup_printf ("%s.%u", pc_section_get_path (parent), counts[h->level]);
      else
        {
          guint n_top = g_list_model_get_n_items (pc_report_get_sections (ctx->report));
          path = g_strdup_printf ("%u", n_top + 1);
        }
      pc_section_set_path (section, path);

      if (parent)
        pc_section_append_child (parent, section);
      else
        pc_report_append_section (ctx->report, section);
      stack[h->level] = section;
    }
}

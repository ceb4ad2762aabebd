/* pc-reader-form.c — the report form: required parts, numbering, enumerations, dates,
 * punctuation. Every finding points at a text range.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-reader-form"

#include "config.h"

#include <string.h>

#include "pc-reader-private.h"

/* Heading words that announce each required part (reporting-rules.md). Checked in this
 * order: a heading about last year's problems being fixed is not a list of problems, and
 * a heading about the leader's duties is not the measures part. */
typedef struct
{
  const char         *key;
  const char * const *heading_words;   /* a top-level heading with one of these is the part */
  const char * const *strict_words;    /* the same, for a second-level heading */
  const char * const *paragraph_words; /* a sentence with one of these carries the part */
} PartRule;

static const char * const prior_heading[] = { "整改", "改进情况", "改进)情况", NULL };
static const char * const prior_paragraph[] = { "上一年度存在问题", "上年度存在问题", "去年存在问题",
                                                "问题整改情况", "整改落实情况", NULL };
static const char * const first_heading[] = { "第一责任人", "主要负责人", "负责人履行", NULL };
static const char * const first_paragraph[] = { "法治建设第一责任人", "法治政府建设第一责任人",
                                                "第一责任人职责", NULL };
static const char * const short_heading[] = { "问题", "不足", "短板", "困难", "差距", NULL };
static const char * const short_strict[] = { "存在的问题", "存在问题", "不足", "短板", NULL };
static const char * const short_paragraph[] = { "存在的问题", "存在问题", "存在的不足", "不足之处",
                                                "问题和不足", "存在一些问题", "存在一些不足",
                                                "差距和不足", NULL };
static const char * const next_heading[] = { "下一年度", "下一步", "下步", "明年", "工作计划", "工作要点",
                                             "工作思路", "工作安排", "打算", "计划", "思路", NULL };
static const char * const next_strict[] = { "下一年度", "下一步", "下步", "工作计划", "工作要点",
                                            "工作安排", NULL };
static const char * const next_paragraph[] = { "下一步", "下一年度", "明年", NULL };
static const char * const measures_heading[] = { "举措", "成效", "开展情况", "基本情况", "工作总结",
                                                 "建设情况", "工作情况", "推进情况", "工作措施",
                                                 "主要工作", "落实情况", NULL };
static const char * const no_words[] = { NULL };

static const PartRule part_rules[] = {
  { PC_PART_PRIOR_RECTIFICATION, prior_heading, prior_heading, prior_paragraph },
  { PC_PART_FIRST_RESPONSIBLE, first_heading, first_heading, first_paragraph },
  { PC_PART_SHORTCOMINGS, short_heading, short_strict, short_paragraph },
  { PC_PART_NEXT_YEAR, next_heading, next_strict, next_paragraph },
  { PC_PART_MEASURES, measures_heading, no_words, no_words },
};

/* Parts a report must have; prior_rectification is local practice, off unless a project asks. */
static const char * const required_parts[] = {
  PC_PART_MEASURES, PC_PART_SHORTCOMINGS, PC_PART_FIRST_RESPONSIBLE, PC_PART_NEXT_YEAR, NULL
};

typedef struct
{
  PcSection *section;   /* borrowed; NULL when the part is only a sentence, or absent */
  gboolean   present;
  char      *path;
  PcRange    range;
} PartHit;

static gboolean
title_has (PcReadContext      *ctx,
           PcSection          *section,
           const char * const *words)
{
  PcRange h = pc_section_get_heading (section);

  return pc_contains_any (ctx->norm, h.start, h.end, words);
}

static int
classify_heading (PcReadContext *ctx,
                  PcSection     *section,
                  gboolean       strict)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_rules); i++)
    if (title_has (ctx, section, strict ? part_rules[i].strict_words : part_rules[i].heading_words))
      return (int) i;
  return -1;
}

static void
hit_section (PartHit   *hit,
             PcSection *section)
{
  hit->section = section;
  hit->present = TRUE;
  hit->path = g_strdup (pc_section_get_path (section));
  hit->range = pc_section_get_range (section);
}

/* The deepest section holding @pos, or NULL in the preamble. */
static PcSection *
section_at (GListModel *sections,
            guint       pos)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcRange r = pc_section_get_range (section);

      if (pos >= r.start && pos < r.end)
        {
          PcSection *deeper = section_at (pc_section_get_children (section), pos);
          return deeper ? deeper : section;
        }
    }
  return NULL;
}

static PcRange
sentence_around (PcReadContext *ctx,
                 guint          pos)
{
  guint start = pos;
  guint end = pos;

  while (start > 0 && ctx->norm[start - 1] != '\n' && !pc_is_sentence_end (ctx->norm[start - 1]))
    start--;
  while (end < ctx->len && ctx->norm[end] != '\n' && !pc_is_sentence_end (ctx->norm[end]))
    end++;
  if (end < ctx->len && ctx->norm[end] != '\n')
    end++;
  return (PcRange) { start, end };
}

static gboolean
inside (PartHit *hit,
        guint    pos)
{
  return hit->section && pos >= hit->range.start && pos < hit->range.end;
}

static void
find_in_paragraphs (PcReadContext      *ctx,
                    PartHit            *hit,
                    const char * const *words,
                    PartHit            *avoid_a,
                    PartHit            *avoid_b)
{
  for (guint w = 0; words[w]; w++)
    {
      guint from = ctx->body_start;
      gint pos;

      while ((pos = pc_find (ctx->norm, from, ctx->body_end, words[w])) >= 0)
        {
          PcSection *section;

          from = (guint) pos + 1;
          if (inside (avoid_a, (guint) pos) || inside (avoid_b, (guint) pos))
            continue;
          section = section_at (pc_report_get_sections (ctx->report), (guint) pos);
          hit->present = TRUE;
          hit->path = g_strdup (section ? pc_section_get_path (section) : "preamble");
          hit->range = sentence_around (ctx, (guint) pos);
          return;
        }
    }
}

static void
find_parts (PcReadContext *ctx,
            PartHit        hits[G_N_ELEMENTS (part_rules)])
{
  GListModel *top = pc_report_get_sections (ctx->report);
  guint n_top = g_list_model_get_n_items (top);
  PartHit *measures = &hits[4];
  PartHit *next_year = &hits[3];
  PartHit *shortcomings = &hits[2];

  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (top, i);
      int kind = classify_heading (ctx, section, FALSE);

      if (kind >= 0 && !hits[kind].present)
        hit_section (&hits[kind], section);
    }

  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (top, i);
      GListModel *children = pc_section_get_children (section);

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(PcSection) child = g_list_model_get_item (children, j);
          int kind = classify_heading (ctx, child, TRUE);

          if (kind >= 0 && !hits[kind].present)
            hit_section (&hits[kind], child);
        }
    }

  /* Numbered parts that announce nothing else are the work done. */
  if (!measures->present)
    for (guint i = 0; i < n_top && !measures->present; i++)
      {
        g_autoptr(PcSection) section = g_list_model_get_item (top, i);
        gboolean taken = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (part_rules); k++)
          taken |= hits[k].section == section;
        if (!taken)
          hit_section (measures, section);
      }

  for (guint k = 0; k < G_N_ELEMENTS (part_rules); k++)
    if (!hits[k].present)
      find_in_paragraphs (ctx, &hits[k], part_rules[k].paragraph_words, next_year, shortcomings);

  if (!measures->present && ctx->body_end > ctx->body_start)
    {
      measures->present = TRUE;
      measures->path = g_strdup ("preamble");
      measures->range = (PcRange) { ctx->body_start, ctx->body_end };
    }
}

static void
add_finding (PcReadContext *ctx,
             const char    *code,
             const char    *part,
             const char    *section,
             PcRange        range)
{
  g_autoptr(PcFinding) finding = pc_finding_new (code, part, section, NULL, range);

  pc_report_add_finding (ctx->report, finding);
}

static void
check_parts (PcReadContext *ctx)
{
  PartHit hits[G_N_ELEMENTS (part_rules)] = { { 0 } };

  find_parts (ctx, hits);
  for (guint i = 0; i < G_N_ELEMENTS (part_rules); i++)
    {
      g_autoptr(PcPart) part = pc_part_new (part_rules[i].key, hits[i].present, hits[i].path,
                                            hits[i].section != NULL, hits[i].range);
      pc_report_add_part (ctx->report, part);
    }
  for (guint r = 0; required_parts[r]; r++)
    for (guint i = 0; i < G_N_ELEMENTS (part_rules); i++)
      if (g_str_equal (part_rules[i].key, required_parts[r]) && !hits[i].present)
        add_finding (ctx, PC_FINDING_MISSING_PART, required_parts[r], NULL, (PcRange) { 0, 0 });

  for (guint i = 0; i < G_N_ELEMENTS (part_rules); i++)
    g_free (hits[i].path);
}

static void
check_numbering (PcReadContext *ctx,
                 GListModel    *sections)
{
  guint n = g_list_model_get_n_items (sections);
  guint previous = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      guint number = pc_section_get_number (section);

      if (number == 0)
        {
          add_finding (ctx, PC_FINDING_NUMBERING_MISSING, NULL, pc_section_get_path (section),
                       pc_section_get_heading (section));
          previous++;
        }
      else
        {
          if (number != previous + 1)
            add_finding (ctx, PC_FINDING_NUMBERING_GAP, NULL, pc_section_get_path (section),
                         pc_section_get_heading (section));
          previous = number;
        }
      check_numbering (ctx, pc_section_get_children (section));
    }
}

/* Characters that make 一是 part of a word (统一是, 唯一是) rather than an enumerator. */
static gboolean
joins_word (gunichar c)
{
  static const char words[] = "统唯单之第万同专归划合均其逐任惟不无";

  for (const char *p = words; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* The value of an inline enumerator at @pos — 一是, 二是 …, 第一， — or 0. */
static guint
enumerator_at (PcReadContext *ctx,
               guint          pos,
               guint          end,
               guint         *length)
{
  const gunichar *s = ctx->norm;
  guint consumed = 0;
  guint value;

  if (s[pos] == 0x7B2C) /* 第 */
    {
      value = pc_parse_cn_number (s + pos + 1, end - pos - 1, &consumed);
      if (value > 0 && value <= 10 && pos + 1 + consumed < end
          && (s[pos + 1 + consumed] == ',' || s[pos + 1 + consumed] == 0x3001))
        {
          *length = consumed + 2;
          return value;
        }
      return 0;
    }
  if (pos > 0 && joins_word (s[pos - 1]))
    return 0;
  value = pc_parse_cn_number (s + pos, end - pos, &consumed);
  if (value == 0 || value > 10 || pos + consumed + 1 >= end || s[pos + consumed] != 0x662F /* 是 */)
    return 0;
  if (!pc_is_han (s[pos + consumed + 1]) || s[pos + consumed + 1] == 0x5426) /* 是否 */
    return 0;
  *length = consumed + 1;
  return value;
}

static void
check_enumeration_in (PcReadContext *ctx,
                      guint          start,
                      guint          end,
                      const char    *path)
{
  guint previous = 0;

  for (guint pos = start; pos < end; pos++)
    {
      guint length = 0;
      guint value = enumerator_at (ctx, pos, end, &length);

      if (value == 0)
        continue;
      if (value != 1 && value != previous + 1)
        {
          add_finding (ctx, PC_FINDING_ENUMERATION_GAP, NULL, path, (PcRange) { pos, pos + length });
          break;
        }
      previous = value;
      pos += length - 1;
    }
}

/* Each stretch of prose — a section's text before its first subsection — is checked on
 * its own, so an enumeration never runs across headings. */
static void
check_enumerations (PcReadContext *ctx,
                    GListModel    *sections)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcRange r = pc_section_get_range (section);
      PcRange heading = pc_section_get_heading (section);
      guint end = r.end;

      if (pc_section_get_n_children (section) > 0)
        end = pc_section_get_range (pc_section_get_child (section, 0)).start;
      check_enumeration_in (ctx, heading.end, end, pc_section_get_path (section));
      check_enumerations (ctx, pc_section_get_children (section));
    }
}

/* The findings on the report's title and dates; @signature is where a date finding points. */
static void
add_date_findings (PcReport *report,
                   PcRange   signature)
{
  const char *date = pc_report_get_date (report);
  guint year = pc_report_get_year (report);
  g_autofree char *year_end = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr(PcFinding) finding = NULL;

  if (pc_report_get_title (report) == NULL)
    {
      g_autoptr(PcFinding) no_title = pc_finding_new (PC_FINDING_MISSING_TITLE, NULL, NULL, NULL,
                                                      (PcRange) { 0, 0 });

      pc_report_add_finding (report, no_title);
    }
  if (date == NULL)
    finding = pc_finding_new (PC_FINDING_MISSING_DATE, NULL, NULL, NULL, (PcRange) { 0, 0 });
  else if (year != 0)
    {
      year_end = g_strdup_printf ("%04u-12-31", year);
      deadline = g_strdup_printf ("%04u-04-01", year + 1);
      if (strcmp (date, year_end) <= 0)
        finding = pc_finding_new (PC_FINDING_DATED_BEFORE_PERIOD, NULL, NULL, NULL, signature);
      else if (strcmp (date, deadline) > 0)
        finding = pc_finding_new (PC_FINDING_LATE_PUBLICATION, NULL, NULL, NULL, signature);
    }
  if (finding != NULL)
    pc_report_add_finding (report, finding);
}

static void
check_dates (PcReadContext *ctx)
{
  add_date_findings (ctx->report, (PcRange) { ctx->body_end, ctx->len });
}

static gboolean
is_date_finding (const PcFinding *finding)
{
  return g_str_equal (finding->code, PC_FINDING_MISSING_TITLE) ||
         g_str_equal (finding->code, PC_FINDING_MISSING_DATE) ||
         g_str_equal (finding->code, PC_FINDING_DATED_BEFORE_PERIOD) ||
         g_str_equal (finding->code, PC_FINDING_LATE_PUBLICATION);
}

/* The report's last line that is not blank, where a signature date stands. */
static PcRange
last_line (PcReport *report)
{
  const char *text = pc_report_get_text (report);
  const char *end = text + strlen (text);
  const char *start;

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  start = end;
  while (start > text && start[-1] != '\n')
    start--;
  return (PcRange) { g_utf8_pointer_to_offset (text, start), g_utf8_pointer_to_offset (text, end) };
}

/**
 * pc_reader_recheck_dates:
 *
 * Finds the report's title and date findings again, after a reviewer corrected its title,
 * year or dates: no title, no date, dated before the reporting year ended, published after
 * 1 April of the next year. The other findings stay as they are.
 */
void
pc_reader_recheck_dates (PcReport *report)
{
  GPtrArray *findings;
  PcRange signature;

  g_return_if_fail (PC_IS_REPORT (report));

  findings = pc_report_get_findings (report);
  signature = last_line (report);
  for (guint i = findings->len; i-- > 0;)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      if (!is_date_finding (finding))
        continue;
      if (finding->range.end > finding->range.start)
        signature = finding->range;
      g_ptr_array_remove_index (findings, i);
    }
  add_date_findings (report, signature);
}

/* "1)" opens a numbered item in many reports; an unmatched ")" after one or two digits is
 * that, not a missing "(". */
static gboolean
is_item_close (PcReadContext *ctx,
               guint          pos)
{
  guint digits = 0;

  while (digits < pos && digits < 3 && ctx->norm[pos - 1 - digits] >= '0' && ctx->norm[pos - 1 - digits] <= '9')
    digits++;
  return digits >= 1 && digits <= 2;
}

static void
check_punctuation (PcReadContext *ctx)
{
  static const gunichar pairs[][2] = {
    { 0x201C, 0x201D }, /* “ ” */
    { 0x300A, 0x300B }, /* 《 》 */
    { '(', ')' },
    { 0x3010, 0x3011 }, /* 【 】 */
    { 0x3014, 0x3015 }, /* 〔 〕 */
  };
  gint first_unmatched = -1;

  for (guint k = 0; k < G_N_ELEMENTS (pairs) && first_unmatched < 0; k++)
    {
      guint depth = 0;
      gint open_at = -1;

      for (guint i = 0; i < ctx->len; i++)
        {
          if (ctx->norm[i] == pairs[k][0])
            {
              if (depth++ == 0)
                open_at = (gint) i;
            }
          else if (ctx->norm[i] == pairs[k][1])
            {
              if (depth > 0)
                depth--;
              else if (!(pairs[k][1] == ')' && is_item_close (ctx, i)))
                {
                  first_unmatched = (gint) i;
                  break;
                }
            }
          else if (ctx->norm[i] == '\n' && depth > 0 && pairs[k][0] != 0x201C)
            {
              /* brackets do not span paragraphs */
              first_unmatched = open_at;
              break;
            }
        }
      if (first_unmatched < 0 && depth > 0)
        first_unmatched = open_at;
    }
  if (first_unmatched >= 0)
    add_finding (ctx, PC_FINDING_UNBALANCED_PUNCTUATION, NULL, NULL,
                 (PcRange) { (guint) first_unmatched, (guint) first_unmatched + 1 });
}

void
_pc_reader_check_form (PcReadContext *ctx)
{
  GListModel *top = pc_report_get_sections (ctx->report);
  guint preamble_end = ctx->body_end;

  check_parts (ctx);
  check_numbering (ctx, top);
  if (g_list_model_get_n_items (top) > 0)
    {
      g_autoptr(PcSection) first = g_list_model_get_item (top, 0);
      preamble_end = pc_section_get_range (first).start;
    }
  check_enumeration_in (ctx, ctx->body_start, preamble_end, "preamble");
  check_enumerations (ctx, top);
  check_dates (ctx);
  check_punctuation (ctx);
}

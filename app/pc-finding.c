/* pc-finding.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-finding.h"

G_DEFINE_BOXED_TYPE (PcFinding, pc_finding, pc_finding_ref, pc_finding_unref)
G_DEFINE_BOXED_TYPE (PcPart, pc_part, pc_part_ref, pc_part_unref)

static void
finding_clear (gpointer data)
{
  PcFinding *finding = data;

  g_free (finding->code);
  g_free (finding->part);
  g_free (finding->section);
  g_free (finding->note);
}

PcFinding *
pc_finding_new (const char *code,
                const char *part,
                const char *section,
                const char *note,
                PcRange     range)
{
  PcFinding *finding;

  g_return_val_if_fail (code != NULL, NULL);

  finding = g_atomic_rc_box_new0 (PcFinding);
  finding->code = g_strdup (code);
  finding->part = g_strdup (part);
  finding->section = g_strdup (section);
  finding->note = g_strdup (note);
  finding->range = range;
  return finding;
}

PcFinding *
pc_finding_ref (PcFinding *finding)
{
  return g_atomic_rc_box_acquire (finding);
}

void
pc_finding_unref (PcFinding *finding)
{
  g_atomic_rc_box_release_full (finding, finding_clear);
}

/* Each description twice: the English message, which the UI shows translated, and the
 * Chinese the workbook writes whatever the UI language (a deliverable in a fixed format).
 * The Chinese is zh_CN.po's translation of the message; tests/check-translations.sh checks
 * that they agree. */
typedef struct
{
  const char *key;
  const char *text;
  const char *chinese;
} Description;

static const Description finding_descriptions[] = {
  { PC_FINDING_MISSING_PART, N_("A required part is missing"), "缺少必备内容" },
  { PC_FINDING_NUMBERING_MISSING, N_("A heading has no number"), "标题缺少序号" },
  { PC_FINDING_NUMBERING_GAP, N_("Heading numbers skip or repeat"), "标题序号跳号或重复" },
  { PC_FINDING_ENUMERATION_GAP, N_("An inline enumeration skips an item"), "段内列举漏项" },
  { PC_FINDING_DATED_BEFORE_PERIOD, N_("Dated before the reporting year ended"), "落款日期早于报告年度结束" },
  { PC_FINDING_LATE_PUBLICATION, N_("Published after 1 April of the following year"), "晚于次年4月1日公开" },
  { PC_FINDING_MISSING_TITLE, N_("The report has no title"), "报告缺少标题" },
  { PC_FINDING_MISSING_DATE, N_("The report gives no date"), "报告未注明日期" },
  { PC_FINDING_UNBALANCED_PUNCTUATION, N_("Unbalanced quotation marks or brackets"), "引号或括号不成对" },
};

static const Description part_descriptions[] = {
  { PC_PART_MEASURES, N_("Measures and results"), "主要举措和成效" },
  { PC_PART_SHORTCOMINGS, N_("Shortcomings and their causes"), "存在的不足和原因" },
  { PC_PART_FIRST_RESPONSIBLE, N_("Duties of the principal leader"), "党政主要负责人履行推进法治建设第一责任人职责情况" },
  { PC_PART_NEXT_YEAR, N_("Plan for the next year"), "下一年度工作安排" },
  { PC_PART_PRIOR_RECTIFICATION, N_("Rectification of last year's problems"), "上一年度问题整改情况" },
};

static const Description *
find_description (const Description *descriptions,
                  guint              n,
                  const char        *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (key, descriptions[i].key) == 0)
      return &descriptions[i];
  return NULL;
}

/**
 * pc_finding_code_describe:
 *
 * Returns: a translated one-line description of a finding code
 */
const char *
pc_finding_code_describe (const char *code)
{
  const Description *d = find_description (finding_descriptions, G_N_ELEMENTS (finding_descriptions), code);

  return d ? _(d->text) : code;
}

/**
 * pc_finding_code_describe_chinese:
 *
 * Returns: the description of a finding code in Chinese, whatever the locale
 */
const char *
pc_finding_code_describe_chinese (const char *code)
{
  const Description *d = find_description (finding_descriptions, G_N_ELEMENTS (finding_descriptions), code);

  return d ? d->chinese : code;
}

static void
part_clear (gpointer data)
{
  PcPart *part = data;

  g_free (part->key);
  g_free (part->section);
}

PcPart *
pc_part_new (const char *key,
             gboolean    present,
             const char *section,
             gboolean    own_section,
             PcRange     range)
{
  PcPart *part;

  g_return_val_if_fail (key != NULL, NULL);

  part = g_atomic_rc_box_new0 (PcPart);
  part->key = g_strdup (key);
  part->present = !!present;
  part->section = g_strdup (section);
  part->own_section = !!own_section;
  part->range = range;
  return part;
}

PcPart *
pc_part_ref (PcPart *part)
{
  return g_atomic_rc_box_acquire (part);
}

void
pc_part_unref (PcPart *part)
{
  g_atomic_rc_box_release_full (part, part_clear);
}

const char * const *
pc_part_keys (void)
{
  static const char * const keys[] = {
    PC_PART_MEASURES,
    PC_PART_SHORTCOMINGS,
    PC_PART_FIRST_RESPONSIBLE,
    PC_PART_NEXT_YEAR,
    PC_PART_PRIOR_RECTIFICATION,
    NULL
  };
  return keys;
}

/**
 * pc_part_key_describe:
 *
 * Returns: the translated name of a required part
 */
const char *
pc_part_key_describe (const char *key)
{
  const Description *d = find_description (part_descriptions, G_N_ELEMENTS (part_descriptions), key);

  return d ? _(d->text) : key;
}

/**
 * pc_part_key_describe_chinese:
 *
 * Returns: the name of a required part in Chinese, whatever the locale
 */
const char *
pc_part_key_describe_chinese (const char *key)
{
  const Description *d = find_description (part_descriptions, G_N_ELEMENTS (part_descriptions), key);

  return d ? d->chinese : key;
}

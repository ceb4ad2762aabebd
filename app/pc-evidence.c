/* pc-evidence.c — evidence strength: facts over slogans.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-evidence"

#include "config.h"

#include <math.h>

#include "pc-evidence.h"

/* Units that make a number a reported fact. Multi-character units first. */
static const char * const units[] = {
  "家次", "人次", "万元", "亿元", "余家", "余人", "余件", "余次", "余起", "余项",
  "件", "宗", "项", "次", "人", "家", "个", "场", "起", "份", "条", "期", "批", "元",
  "%", "％", "名", "天", "小时", "处", "支", "所", "户", "部", "篇", "套", "台", "单",
  NULL
};

static gboolean
unit_at (const gunichar *text,
         guint           pos,
         guint           end)
{
  for (guint u = 0; units[u]; u++)
    {
      const char *p = units[u];
      guint i = pos;

      while (*p && i < end && text[i] == g_utf8_get_char (p))
        {
          p = g_utf8_next_char (p);
          i++;
        }
      if (*p == '\0')
        return TRUE;
    }
  return FALSE;
}

/**
 * pc_evidence_is_quantified:
 * @text: the report's folded characters
 *
 * Whether @sentence states a number with a unit (“查处案件32件”, “罚款569万元”, “93.8%”).
 * Years (2023年), dates and ordinals (第33条, 第2次) are not counted as facts.
 */
gboolean
pc_evidence_is_quantified (const gunichar *text,
                           PcRange         sentence)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = sentence.start; i < sentence.end; i++)
    {
      guint j = i;

      if (!g_unichar_isdigit (text[i]) || (i > sentence.start && g_unichar_isdigit (text[i - 1])))
        continue;
      while (j < sentence.end && (g_unichar_isdigit (text[j]) || text[j] == '.' || text[j] == ','))
        j++;
      if (j < sentence.end && unit_at (text, j, sentence.end) &&
          !(i > sentence.start && text[i - 1] == 0x7B2C /* 第 */))
        return TRUE;
      i = j;
    }
  return FALSE;
}

gboolean
pc_evidence_has_instrument (const gunichar *text,
                            PcRange         sentence)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = sentence.start; i < sentence.end; i++)
    if (text[i] == 0x300A) /* 《 */
      for (guint j = i + 2; j < sentence.end && j < i + 60; j++)
        if (text[j] == 0x300B) /* 》 */
          return TRUE;
  return FALSE;
}

/**
 * pc_evidence_strength_for:
 *
 * Strength 0–1 from counts: one quantified statement is strong evidence (just over
 * one half) and worth two named instruments; bare statements add little however many
 * there are, and never tip an item over one half on their own or with one instrument.
 */
double
pc_evidence_strength_for (guint quantified,
                          guint instruments,
                          guint bare)
{
  double mass = 1.0 * quantified + 0.55 * instruments + 0.08 * MIN (bare, 3);

  return 1.0 - exp (-mass / 1.25);
}

void
pc_evidence_assess (const gunichar     *text,
                    const PcRange      *sentences,
                    guint               n_sentences,
                    PcEvidenceStrength *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (n_sentences == 0 || (text != NULL && sentences != NULL));

  *out = (PcEvidenceStrength) { 0 };
  for (guint i = 0; i < n_sentences; i++)
    {
      out->sentences++;
      if (pc_evidence_is_quantified (text, sentences[i]))
        out->quantified++;
      else if (pc_evidence_has_instrument (text, sentences[i]))
        out->instruments++;
      else
        out->bare++;
    }
  out->strength = pc_evidence_strength_for (out->quantified, out->instruments, out->bare);
}

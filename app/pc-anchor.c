/* pc-anchor.c — capturing an annotation's quote and context, and finding it again in a
 * changed text.
 *
 * Re-anchoring tries, in order: the quote at its old offsets; every exact occurrence of the
 * quote, the one whose surroundings look most like the stored context winning; and last
 * the passage most similar to the quote by character bigrams (Dice coefficient), found with
 * a sliding window over a few window lengths around the quote's. All offsets are in
 * characters.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-anchor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pc-anchor.h"

/* Below this many characters a quote is too short to be recognised by similarity. */
#define MIN_FUZZY_CHARS 4

/* How far the edges of a fuzzy match are moved to find the best boundaries. */
#define REFINE_CHARS 4

struct _PcAnchorText
{
  gunichar *chars;
  guint     len;
};

/* A string as code points, borrowed or owned. */
typedef struct
{
  gunichar *chars;
  guint     len;
} Chars;

static void
chars_clear (Chars *chars)
{
  g_clear_pointer (&chars->chars, g_free);
  chars->len = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chars, chars_clear)

static void
chars_set_utf8 (Chars      *chars,
                const char *utf8)
{
  glong len = 0;

  chars->chars = g_utf8_to_ucs4_fast (utf8 != NULL ? utf8 : "", -1, &len);
  chars->len = (guint) len;
}

/* Bigrams ------------------------------------------------------------------------------- */

static inline guint64
bigram_at (const gunichar *s,
           guint           i)
{
  return ((guint64) s[i] << 32) | s[i + 1];
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The distinct bigrams of a quote, sorted, with how often each occurs. */
typedef struct
{
  guint64 *keys;
  guint   *counts;
  guint    n_keys;
  guint    n_bigrams;
} BigramSet;

static void
bigram_set_clear (BigramSet *set)
{
  g_clear_pointer (&set->keys, g_free);
  g_clear_pointer (&set->counts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BigramSet, bigram_set_clear)

static void
bigram_set_init (BigramSet      *set,
                 const gunichar *s,
                 guint           len)
{
  g_autofree guint64 *all = NULL;
  guint n = len > 1 ? len - 1 : 0;

  memset (set, 0, sizeof *set);
  set->n_bigrams = n;
  if (n == 0)
    return;
  all = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    all[i] = bigram_at (s, i);
  qsort (all, n, sizeof (guint64), compare_guint64);

  set->keys = g_new (guint64, n);
  set->counts = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      if (set->n_keys == 0 || set->keys[set->n_keys - 1] != all[i])
        set->keys[set->n_keys++] = all[i];
      set->counts[set->n_keys - 1]++;
    }
}

static int
bigram_set_find (const BigramSet *set,
                 guint64          key)
{
  guint lo = 0;
  guint hi = set->n_keys;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (set->keys[mid] == key)
        return (int) mid;
      if (set->keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

/* Dice coefficient of the bigram multisets of two short strings. */
static double
dice (const gunichar *a,
      guint           a_len,
      const gunichar *b,
      guint           b_len)
{
  g_auto(BigramSet) set = { 0 };
  g_autofree guint *used = NULL;
  guint overlap = 0;

  if (a_len < 2 || b_len < 2)
    return a_len == b_len && (a_len == 0 || a[0] == b[0]) ? 1.0 : 0.0;
  bigram_set_init (&set, a, a_len);
  used = g_new0 (guint, set.n_keys);
  for (guint i = 0; i + 1 < b_len; i++)
    {
      int k = bigram_set_find (&set, bigram_at (b, i));

      if (k >= 0 && used[k] < set.counts[k])
        {
          used[k]++;
          overlap++;
        }
    }
  return 2.0 * overlap / (double) (set.n_bigrams + b_len - 1);
}

/* Context ------------------------------------------------------------------------------- */

/* How much one side of a passage looks like the stored context of that side: bigram
 * similarity, plus how many characters right next to the passage agree. */
static double
side_score (const gunichar *text,
            guint           len,
            guint           pos,
            const Chars    *context,
            gboolean        is_before)
{
  guint avail = is_before ? pos : len - pos;
  guint n = MIN (avail, context->len);
  const gunichar *window = is_before ? text + pos - n : text + pos;
  guint agree = 0;

  if (context->len == 0)
    return avail == 0 ? 1.0 : 0.5;
  if (n == 0)
    return 0.0;
  while (agree < n &&
         (is_before ? window[n - 1 - agree] == context->chars[context->len - 1 - agree]
                    : window[agree] == context->chars[agree]))
    agree++;
  return 0.5 * dice (context->chars, context->len, window, n) +
         0.5 * agree / (double) context->len;
}

static double
context_score (const gunichar *text,
               guint           len,
               PcRange         range,
               const Chars    *before,
               const Chars    *after)
{
  return 0.5 * side_score (text, len, range.start, before, TRUE) +
         0.5 * side_score (text, len, range.end, after, FALSE);
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* Steps --------------------------------------------------------------------------------- */

static gboolean
matches_at (const PcAnchorText *text,
            guint               pos,
            const Chars        *quote)
{
  if (pos > text->len || text->len - pos < quote->len)
    return FALSE;
  return memcmp (text->chars + pos, quote->chars, quote->len * sizeof (gunichar)) == 0;
}

static gboolean
find_by_context (const PcAnchorText *text,
                 PcRange             old_range,
                 const Chars        *quote,
                 const Chars        *before,
                 const Chars        *after,
                 PcRange            *out_range,
                 double             *out_score)
{
  gboolean found = FALSE;
  double best = -1.0;

  for (guint pos = 0; pos + quote->len <= text->len; pos++)
    {
      PcRange range = { pos, pos + quote->len };
      double score;

      if (text->chars[pos] != quote->chars[0] || !matches_at (text, pos, quote))
        continue;
      score = context_score (text->chars, text->len, range, before, after);
      if (!found || score > best + 1e-9 ||
          (score > best - 1e-9 &&
           distance (pos, old_range.start) < distance (out_range->start, old_range.start)))
        {
          best = score;
          *out_range = range;
          found = TRUE;
        }
    }
  *out_score = best;
  return found;
}

/* Per-position index of each text bigram in the quote's set, or -1. */
static int *
index_bigrams (const PcAnchorText *text,
               const BigramSet    *set)
{
  int *index = g_new (int, MAX (text->len, 1));

  for (guint i = 0; i + 1 < text->len; i++)
    index[i] = bigram_set_find (set, bigram_at (text->chars, i));
  return index;
}

static guint
window_overlap (const BigramSet *set,
                const int       *index,
                guint           *used,
                guint            start,
                guint            end)
{
  guint overlap = 0;

  memset (used, 0, set->n_keys * sizeof (guint));
  for (guint i = start; i + 1 < end; i++)
    {
      int k = index[i];

      if (k >= 0 && used[k] < set->counts[k])
        {
          used[k]++;
          overlap++;
        }
    }
  return overlap;
}

static double
window_dice (const BigramSet *set,
             guint            overlap,
             guint            width)
{
  return 2.0 * overlap / (double) (set->n_bigrams + width - 1);
}

/* The best window of one width, sliding one character at a time. */
static double
slide (const PcAnchorText *text,
       const BigramSet    *set,
       const int          *index,
       guint              *used,
       guint               width,
       guint               near,
       guint              *out_start)
{
  guint overlap = window_overlap (set, index, used, 0, width);
  double best = window_dice (set, overlap, width);

  *out_start = 0;
  for (guint start = 1; start + width <= text->len; start++)
    {
      int gone = index[start - 1];
      int came = index[start + width - 2];
      double score;

      if (gone >= 0)
        {
          used[gone]--;
          if (used[gone] < set->counts[gone])
            overlap--;
        }
      if (came >= 0)
        {
          if (used[came] < set->counts[came])
            overlap++;
          used[came]++;
        }
      score = window_dice (set, overlap, width);
      if (score > best + 1e-9 ||
          (score > best - 1e-9 && distance (start, near) < distance (*out_start, near)))
        {
          best = score;
          *out_start = start;
        }
    }
  return best;
}

/* Moves the edges of a window a little to where the similarity is highest. */
static double
refine (const PcAnchorText *text,
        const BigramSet    *set,
        const int          *index,
        guint              *used,
        guint               quote_len,
        PcRange            *range)
{
  /* A passage much shorter than the quote would win on a fragment of it. */
  gint64 min_width = (quote_len * 4 + 4) / 5;
  gint64 max_width = quote_len + quote_len / 4 + 1;
  PcRange best_range = *range;
  double best = -1.0;

  for (int ds = -REFINE_CHARS; ds <= REFINE_CHARS; ds++)
    for (int de = -REFINE_CHARS; de <= REFINE_CHARS; de++)
      {
        gint64 start = (gint64) range->start + ds;
        gint64 end = (gint64) range->end + de;
        double score;

        if (start < 0 || end > text->len || end - start < MAX (2, min_width) ||
            end - start > max_width)
          continue;
        score = window_dice (set, window_overlap (set, index, used, start, end),
                             (guint) (end - start));
        if (score > best + 1e-9)
          {
            best = score;
            best_range = (PcRange) { (guint) start, (guint) end };
          }
      }
  *range = best_range;
  return best;
}

static gboolean
find_fuzzy (const PcAnchorText *text,
            PcRange             old_range,
            const Chars        *quote,
            const Chars        *before,
            const Chars        *after,
            PcRange            *out_range,
            double             *out_score)
{
  g_auto(BigramSet) set = { 0 };
  g_autofree int *index = NULL;
  g_autofree guint *used = NULL;
  guint step = MAX (1, quote->len / 10);
  double best_total = -1.0;

  if (quote->len < MIN_FUZZY_CHARS || text->len < 2)
    return FALSE;
  bigram_set_init (&set, quote->chars, quote->len);
  index = index_bigrams (text, &set);
  used = g_new0 (guint, set.n_keys);

  for (int k = -2; k <= 2; k++)
    {
      gint64 width = (gint64) quote->len + k * (gint64) step;
      PcRange range;
      guint start;
      double similarity;
      double total;

      if (width < 2 || width > text->len)
        continue;
      slide (text, &set, index, used, (guint) width, old_range.start, &start);
      range = (PcRange) { start, start + (guint) width };
      similarity = refine (text, &set, index, used, quote->len, &range);
      total = 0.85 * similarity +
              0.15 * context_score (text->chars, text->len, range, before, after);
      if (total > best_total)
        {
          best_total = total;
          *out_range = range;
          *out_score = similarity;
        }
    }
  return best_total >= 0 && *out_score >= PC_ANCHOR_FUZZY_THRESHOLD;
}

/* Public API ---------------------------------------------------------------------------- */

/**
 * pc_anchor_text_new:
 *
 * Converts @text once to code points, for capturing and locating many annotations in it.
 */
PcAnchorText *
pc_anchor_text_new (const char *text)
{
  PcAnchorText *self = g_new0 (PcAnchorText, 1);
  glong len = 0;

  g_return_val_if_fail (text != NULL, NULL);

  self->chars = g_utf8_to_ucs4_fast (text, -1, &len);
  self->len = (guint) len;
  return self;
}

void
pc_anchor_text_free (PcAnchorText *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self);
}

guint
pc_anchor_text_length (const PcAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->len;
}

static char *
slice (const PcAnchorText *text,
       guint               start,
       guint               end)
{
  return g_ucs4_to_utf8 (text->chars + start, end - start, NULL, NULL, NULL);
}

/**
 * pc_anchor_capture:
 * @range: a non-empty range inside @text
 * @context_chars: how many characters of context to keep on each side
 * @out_quote: (out) (optional): the text of @range
 * @out_before: (out) (optional): up to @context_chars characters before @range
 * @out_after: (out) (optional): up to @context_chars characters after @range
 *
 * Returns: %FALSE, with nothing set, when @range is empty or does not fit in @text
 */
gboolean
pc_anchor_capture (const PcAnchorText  *text,
                   PcRange              range,
                   guint                context_chars,
                   char               **out_quote,
                   char               **out_before,
                   char               **out_after)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (range.start >= range.end || range.end > text->len)
    return FALSE;
  if (out_quote != NULL)
    *out_quote = slice (text, range.start, range.end);
  if (out_before != NULL)
    *out_before = slice (text, range.start - MIN (range.start, context_chars), range.start);
  if (out_after != NULL)
    *out_after = slice (text, range.end, range.end + MIN (text->len - range.end, context_chars));
  return TRUE;
}

/**
 * pc_anchor_locate:
 * @old_range: where the annotation was in the text it was made on
 * @quote: the annotated text as it was
 * @before: (nullable): the context before it, as captured
 * @after: (nullable): the context after it, as captured
 * @out_range: (out): the annotation's range in @text, unless it is orphaned
 * @out_score: (out) (optional): 1 for an exact match, the context score (0–1) for a match
 *   by context, the character similarity for a fuzzy match, 0 for an orphan
 *
 * Finds an annotation again in a changed text. Pure: the same arguments always give the
 * same answer.
 */
PcAnchorMatch
pc_anchor_locate (const PcAnchorText *text,
                  PcRange             old_range,
                  const char         *quote,
                  const char         *before,
                  const char         *after,
                  PcRange            *out_range,
                  double             *out_score)
{
  g_auto(Chars) quote_chars = { 0 };
  g_auto(Chars) before_chars = { 0 };
  g_auto(Chars) after_chars = { 0 };
  PcRange range = { 0, 0 };
  double score = 0.0;
  PcAnchorMatch match = PC_ANCHOR_ORPHANED;

  g_return_val_if_fail (text != NULL, PC_ANCHOR_ORPHANED);
  g_return_val_if_fail (quote != NULL, PC_ANCHOR_ORPHANED);
  g_return_val_if_fail (out_range != NULL, PC_ANCHOR_ORPHANED);

  chars_set_utf8 (&quote_chars, quote);
  chars_set_utf8 (&before_chars, before);
  chars_set_utf8 (&after_chars, after);

  if (quote_chars.len == 0)
    match = PC_ANCHOR_ORPHANED;
  else if (old_range.end - old_range.start == quote_chars.len &&
           matches_at (text, old_range.start, &quote_chars))
    {
      range = old_range;
      score = 1.0;
      match = PC_ANCHOR_EXACT;
    }
  else if (find_by_context (text, old_range, &quote_chars, &before_chars, &after_chars,
                            &range, &score))
    match = PC_ANCHOR_CONTEXT;
  else if (find_fuzzy (text, old_range, &quote_chars, &before_chars, &after_chars,
                       &range, &score))
    match = PC_ANCHOR_FUZZY;

  if (match == PC_ANCHOR_ORPHANED)
    {
      range = (PcRange) { 0, 0 };
      score = 0.0;
    }
  *out_range = range;
  if (out_score != NULL)
    *out_score = score;
  return match;
}

/**
 * pc_anchor_locate_utf8:
 *
 * pc_anchor_locate() for one annotation in a UTF-8 text.
 */
PcAnchorMatch
pc_anchor_locate_utf8 (const char *text,
                       PcRange     old_range,
                       const char *quote,
                       const char *before,
                       const char *after,
                       PcRange    *out_range)
{
  g_autoptr(PcAnchorText) anchor_text = NULL;

  g_return_val_if_fail (text != NULL, PC_ANCHOR_ORPHANED);

  anchor_text = pc_anchor_text_new (text);
  return pc_anchor_locate (anchor_text, old_range, quote, before, after, out_range, NULL);
}

const char *
pc_anchor_match_to_string (PcAnchorMatch match)
{
  switch (match)
    {
    case PC_ANCHOR_EXACT:
      return "exact";
    case PC_ANCHOR_CONTEXT:
      return "context";
    case PC_ANCHOR_FUZZY:
      return "fuzzy";
    case PC_ANCHOR_ORPHANED:
      return "orphaned";
    default:
      return NULL;
    }
}

void
pc_reanchor_summary_count (PcReanchorSummary *summary,
                           PcAnchorMatch      match)
{
  switch (match)
    {
    case PC_ANCHOR_EXACT:
      summary->exact++;
      break;
    case PC_ANCHOR_CONTEXT:
      summary->context++;
      break;
    case PC_ANCHOR_FUZZY:
      summary->fuzzy++;
      break;
    case PC_ANCHOR_ORPHANED:
    default:
      summary->orphaned++;
      break;
    }
}

/* pc-coverage.c — coverage suggestions by phrase matching.
 *
 * Every checklist phrase is folded and compiled once per engine, indexed by its first
 * character. A report's text is turned into one array of folded code points, scanned once;
 * a match inside a longer match is dropped (安全生产行政处罚自由裁量基准 is not also 行政处罚).
 * Each hit weighs by how specific the phrase is (its length), how many items share it (an
 * IDF-like discount), how many sections of this report repeat it, and whether it stands in
 * a section title. A unit's score for an item turns into a confidence 1 − e^(−score/K).
 *
 * What a report says of its shortcomings or plans for next year is not work done: a hit
 * there weighs less, and its sentence is shown after the others and never counts towards
 * the evidence strength, so an item mentioned only there is proposed as 部分 at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-coverage"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-coverage.h"
#include "pc-finding.h"
#include "pc-textutil.h"

/* A title hit says what the section is about; it outweighs a passing mention. */
#define TITLE_BOOST      2.5
/* Score at which a unit's confidence reaches 1 − 1/e. */
#define UNIT_SCALE       1.5
/* Whole-report evidence is spread out; it takes more of it to reach the same confidence. */
#define REPORT_SCALE     3.0
/* Phrases of an emergency-management bureau's vocabulary weigh a little less than the outline's. */
#define EM_FACTOR        0.9
/* A hit in the shortcomings or next year's plan. */
#define PROSPECTIVE_FACTOR 0.5
#define MAX_QUOTES       3
#define MAX_SENTENCE_REACH 200

typedef enum
{
  PHRASE_ITEM  = 1 << 0,
  PHRASE_LOW   = 1 << 1,
  PHRASE_LEGAL = 1 << 2,
} PhraseKind;

typedef struct
{
  char      *utf8;
  gunichar  *chars;
  guint      len;
  double     spec;     /* specificity by length, 0–1 */
  double     idf;      /* 1 / items sharing the phrase */
  PhraseKind kind;
  GArray    *items;    /* guint item index (code − 1) */
  GArray    *factors;  /* double: EM_FACTOR or 1, parallel to items */
} Phrase;

struct _PcCoverageEngine
{
  GObject      parent_instance;

  PcChecklist *checklist;
  double       threshold;
  GPtrArray   *phrases;   /* Phrase */
  GHashTable  *by_first;  /* gunichar → GArray of guint phrase index, longest first */
  guint        n_items;
};

struct _PcCoverage
{
  GObject           parent_instance;

  PcCoverageEngine *engine;
  PcReport         *report;
  GArray           *sections;  /* PcSectionCoverage */
  GArray           *items;     /* PcItemCoverage, by code − 1 */
};

G_DEFINE_FINAL_TYPE (PcCoverageEngine, pc_coverage_engine, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (PcCoverage, pc_coverage, G_TYPE_OBJECT)

/* Phrase compilation */

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_free (phrase->utf8);
  g_free (phrase->chars);
  g_array_unref (phrase->items);
  g_array_unref (phrase->factors);
  g_free (phrase);
}

static double
specificity (guint len)
{
  /* Two characters (督查, 信访) say little; five or more say one thing. */
  static const double by_len[] = { 0, 0.1, 0.3, 0.55, 0.8, 1.0 };

  return by_len[MIN (len, G_N_ELEMENTS (by_len) - 1)];
}

static gunichar *
fold_phrase (const char *utf8,
             guint      *out_len)
{
  glong n = 0;
  g_autofree gunichar *raw = g_utf8_to_ucs4_fast (utf8, -1, &n);
  gunichar *out = g_new (gunichar, n + 1);
  guint len = 0;

  for (glong i = 0; i < n; i++)
    {
      gunichar c = pc_fold_char (raw[i]);

      if (c != ' ' && c != '\n')
        out[len++] = c;
    }
  out[len] = 0;
  *out_len = len;
  return out;
}

static Phrase *
intern_phrase (PcCoverageEngine *self,
               GHashTable       *by_text,
               const char       *utf8)
{
  Phrase *phrase;
  guint len;
  g_autofree gunichar *chars = fold_phrase (utf8, &len);
  g_autofree char *key = NULL;

  if (len < 2)
    return NULL;
  key = g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);
  if ((phrase = g_hash_table_lookup (by_text, key)) != NULL)
    return phrase;

  phrase = g_new0 (Phrase, 1);
  phrase->utf8 = g_strdup (key);
  phrase->chars = g_steal_pointer (&chars);
  phrase->len = len;
  phrase->spec = specificity (len);
  phrase->items = g_array_new (FALSE, FALSE, sizeof (guint));
  phrase->factors = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->phrases, phrase);
  g_hash_table_insert (by_text, g_steal_pointer (&key), phrase);
  return phrase;
}

static void
add_item_phrases (PcCoverageEngine   *self,
                  GHashTable         *by_text,
                  guint               index,
                  const char * const *phrases,
                  double              factor)
{
  for (guint p = 0; phrases && phrases[p]; p++)
    {
      Phrase *phrase = intern_phrase (self, by_text, phrases[p]);
      gboolean known = FALSE;

      if (phrase == NULL)
        continue;
      for (guint k = 0; k < phrase->items->len; k++)
        known |= g_array_index (phrase->items, guint, k) == index;
      if (known)
        continue;
      phrase->kind |= PHRASE_ITEM;
      g_array_append_val (phrase->items, index);
      g_array_append_val (phrase->factors, factor);
    }
}

static void
add_marker_phrases (PcCoverageEngine   *self,
                    GHashTable         *by_text,
                    const char * const *phrases,
                    PhraseKind          kind)
{
  for (guint p = 0; phrases && phrases[p]; p++)
    {
      Phrase *phrase = intern_phrase (self, by_text, phrases[p]);

      if (phrase)
        phrase->kind |= kind;
    }
}

static gint
compare_by_length (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GPtrArray *phrases = user_data;
  const Phrase *pa = g_ptr_array_index (phrases, *(const guint *) a);
  const Phrase *pb = g_ptr_array_index (phrases, *(const guint *) b);

  return (gint) pb->len - (gint) pa->len;
}

static void
index_phrases (PcCoverageEngine *self)
{
  GHashTableIter iter;
  gpointer bucket;

  for (guint i = 0; i < self->phrases->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (self->phrases, i);
      GArray *list = g_hash_table_lookup (self->by_first, GUINT_TO_POINTER (phrase->chars[0]));

      if (phrase->items->len > 0)
        phrase->idf = 1.0 / phrase->items->len;
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (self->by_first, GUINT_TO_POINTER (phrase->chars[0]), list);
        }
      g_array_append_val (list, i);
    }
  g_hash_table_iter_init (&iter, self->by_first);
  while (g_hash_table_iter_next (&iter, NULL, &bucket))
    g_array_sort_with_data (bucket, compare_by_length, self->phrases);
}

static void
compile (PcCoverageEngine *self)
{
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->n_items = pc_checklist_get_n_items (self->checklist);
  for (guint i = 0; i < self->n_items; i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (self->checklist, i);

      add_item_phrases (self, by_text, i, (const char * const *) item->phrases, 1.0);
      add_item_phrases (self, by_text, i, (const char * const *) item->em_phrases, EM_FACTOR);
    }
  add_marker_phrases (self, by_text, pc_checklist_get_low_relevance_phrases (self->checklist), PHRASE_LOW);
  add_marker_phrases (self, by_text, pc_checklist_get_legal_phrases (self->checklist), PHRASE_LEGAL);
  index_phrases (self);
}

/* Engine type */

static void
pc_coverage_engine_finalize (GObject *object)
{
  PcCoverageEngine *self = PC_COVERAGE_ENGINE (object);

  g_clear_object (&self->checklist);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  g_clear_pointer (&self->by_first, g_hash_table_unref);

  G_OBJECT_CLASS (pc_coverage_engine_parent_class)->finalize (object);
}

static void
pc_coverage_engine_class_init (PcCoverageEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_coverage_engine_finalize;
}

static void
pc_coverage_engine_init (PcCoverageEngine *self)
{
  self->threshold = PC_COVERAGE_DEFAULT_THRESHOLD;
  self->phrases = g_ptr_array_new_with_free_func (phrase_free);
  self->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}

/* Coverage type */

static void
clear_section_item (gpointer data)
{
  PcSectionItem *si = data;

  g_clear_pointer (&si->hits, g_array_unref);
}

static void
clear_section (gpointer data)
{
  PcSectionCoverage *section = data;

  g_clear_pointer (&section->path, g_free);
  g_clear_pointer (&section->title, g_free);
  g_clear_pointer (&section->items, g_array_unref);
}

static void
clear_quote (gpointer data)
{
  PcQuote *quote = data;

  g_clear_pointer (&quote->text, g_free);
  g_clear_pointer (&quote->phrase, g_free);
  g_clear_pointer (&quote->section, g_free);
}

static void
clear_item (gpointer data)
{
  PcItemCoverage *item = data;

  g_clear_pointer (&item->sections, g_ptr_array_unref);
  g_clear_pointer (&item->quotes, g_array_unref);
}

static void
pc_coverage_finalize (GObject *object)
{
  PcCoverage *self = PC_COVERAGE (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->report);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (pc_coverage_parent_class)->finalize (object);
}

static void
pc_coverage_class_init (PcCoverageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_coverage_finalize;
}

static void
pc_coverage_init (PcCoverage *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (PcSectionCoverage));
  g_array_set_clear_func (self->sections, clear_section);
  self->items = g_array_new (FALSE, TRUE, sizeof (PcItemCoverage));
  g_array_set_clear_func (self->items, clear_item);
}

/* Running: units */

typedef struct
{
  PcRange  heading;  /* empty for the preamble */
  guint    low_hits;
  guint    legal_hits;
  guint    title_low_hits;
  guint    title_legal_hits;
} UnitInfo;

typedef struct
{
  guint start;
  guint len;
  guint phrase;
} Match;

typedef struct
{
  PcCoverageEngine *engine;
  PcCoverage       *coverage;
  gunichar         *chars;
  guint             len;
  GArray           *units;    /* UnitInfo, parallel to coverage->sections */
  GArray           *matches;  /* Match, in text order, contained matches dropped */
  GArray           *match_unit;  /* guint, parallel to matches */
  GArray           *prospective; /* PcRange: the shortcomings and next year's plan */
  double           *scores;   /* n_units × n_items */
} Run;

static void
add_unit (Run        *run,
          const char *path,
          const char *title,
          PcRange     range,
          PcRange     heading)
{
  PcSectionCoverage section = { 0 };
  UnitInfo info = { 0 };

  if (range.end <= range.start)
    return;
  section.path = g_strdup (path);
  section.title = g_strdup (title);
  section.range = range;
  section.items = g_array_new (FALSE, TRUE, sizeof (PcSectionItem));
  g_array_set_clear_func (section.items, clear_section_item);
  g_array_append_val (run->coverage->sections, section);
  info.heading = heading;
  g_array_append_val (run->units, info);
}

static void
add_section_units (Run        *run,
                   GListModel *sections)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcRange range = pc_section_get_range (section);
      guint n_children = pc_section_get_n_children (section);
      guint own_end = range.end;

      if (n_children > 0)
        own_end = MIN (own_end, pc_section_get_range (pc_section_get_child (section, 0)).start);
      add_unit (run, pc_section_get_path (section), pc_section_get_title (section),
                (PcRange) { range.start, MIN (own_end, run->len) }, pc_section_get_heading (section));
      add_section_units (run, pc_section_get_children (section));
    }
}

static void
build_units (Run *run)
{
  GListModel *sections = pc_report_get_sections (run->coverage->report);
  guint first = run->len;

  if (g_list_model_get_n_items (sections) > 0)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, 0);

      first = MIN (pc_section_get_range (section).start, run->len);
    }
  add_unit (run, "preamble", NULL, (PcRange) { 0, first }, (PcRange) { 0, 0 });
  add_section_units (run, sections);
}

/* Running: matching */

static gboolean
in_range (PcRange r,
          guint   start,
          guint   end)
{
  return start >= r.start && end <= r.end && r.end > r.start;
}


static gboolean
matches_at (const gunichar *chars,
            guint           len,
            guint           pos,
            const Phrase   *phrase)
{
  if (pos + phrase->len > len)
    return FALSE;
  for (guint k = 1; k < phrase->len; k++)
    if (chars[pos + k] != phrase->chars[k])
      return FALSE;
  return TRUE;
}

static void
count_marker (UnitInfo     *info,
              const Phrase *phrase,
              gboolean      in_title)
{
  gboolean low = (phrase->kind & PHRASE_LOW) != 0;
  gboolean legal = (phrase->kind & PHRASE_LEGAL) != 0;

  info->low_hits += low;
  info->legal_hits += legal;
  if (in_title)
    {
      info->title_low_hits += low;
      info->title_legal_hits += legal;
    }
}

static guint
unit_at (Run   *run,
         guint  pos,
         guint  hint)
{
  /* Units are in text order; walk forward from the last one. */
  guint u = hint;

  while (u + 1 < run->units->len &&
         g_array_index (run->coverage->sections, PcSectionCoverage, u + 1).range.start <= pos)
    u++;
  return u;
}

static void
scan (Run *run)
{
  GPtrArray *phrases = run->engine->phrases;
  guint max_end = 0;
  guint marker_end = 0;
  guint unit = 0;

  for (guint pos = 0; pos < run->len; pos++)
    {
      GArray *bucket = g_hash_table_lookup (run->engine->by_first, GUINT_TO_POINTER (run->chars[pos]));

      if (bucket == NULL)
        continue;
      unit = unit_at (run, pos, unit);
      for (guint b = 0; b < bucket->len; b++)
        {
          guint index = g_array_index (bucket, guint, b);
          const Phrase *phrase = g_ptr_array_index (phrases, index);
          UnitInfo *info = &g_array_index (run->units, UnitInfo, unit);
          Match m = { pos, phrase->len, index };

          if (!matches_at (run->chars, run->len, pos, phrase))
            continue;
          /* Markers and item phrases each count the longest match at a spot only:
           * 防汛防台风 is one operational mention, not 防台 and 防台风 besides. */
          if ((phrase->kind & (PHRASE_LOW | PHRASE_LEGAL)) && pos + phrase->len > marker_end)
            {
              marker_end = pos + phrase->len;
              count_marker (info, phrase, in_range (info->heading, pos, pos + phrase->len));
            }
          if (!(phrase->kind & PHRASE_ITEM) || pos + phrase->len <= max_end)
            continue;
          max_end = pos + phrase->len;
          g_array_append_val (run->matches, m);
          g_array_append_val (run->match_unit, unit);
        }
    }
}

/* Running: scoring */

static PcRange
sentence_around (Run     *run,
                 guint    unit,
                 PcRange  match)
{
  const PcSectionCoverage *section = &g_array_index (run->coverage->sections, PcSectionCoverage, unit);
  const UnitInfo *info = &g_array_index (run->units, UnitInfo, unit);
  guint lo = section->range.start;
  guint hi = section->range.end;
  guint start = match.start, end = match.end;

  if (in_range (info->heading, match.start, match.end))
    return info->heading;
  if (info->heading.end > info->heading.start)
    lo = MAX (lo, info->heading.end);
  while (start > lo && match.start - start < MAX_SENTENCE_REACH &&
         !pc_is_sentence_end (run->chars[start - 1]) && run->chars[start - 1] != '\n')
    start--;
  while (start < match.start && (pc_is_space (run->chars[start]) || run->chars[start] == '\n'))
    start++;
  while (end < hi && end - match.end < MAX_SENTENCE_REACH &&
         !pc_is_sentence_end (run->chars[end]) && run->chars[end] != '\n')
    end++;
  if (end < hi && pc_is_sentence_end (run->chars[end]))
    end++;
  return (PcRange) { start, end };
}

static void
find_prospective (Run *run)
{
  static const char * const keys[] = { PC_PART_SHORTCOMINGS, PC_PART_NEXT_YEAR };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      PcPart *part = pc_report_find_part (run->coverage->report, keys[i]);

      if (part != NULL && part->present && part->range.end > part->range.start)
        g_array_append_val (run->prospective, part->range);
    }
}

static gboolean
is_prospective (Run     *run,
                PcRange  match)
{
  for (guint i = 0; i < run->prospective->len; i++)
    if (in_range (g_array_index (run->prospective, PcRange, i), match.start, match.end))
      return TRUE;
  return FALSE;
}

static gboolean
is_low_relevance (const UnitInfo *info)
{
  /* Operational sections (防汛防台风, 森林防灭火, 救灾 …) talk about operations, not law:
   * an operational title without a legal word, or a body where operations dominate. */
  if (info->title_low_hits > 0 && info->title_legal_hits == 0)
    return TRUE;
  return info->low_hits >= 3 && info->legal_hits * 2 < info->low_hits;
}

static void
add_hit (Run           *run,
         guint          unit,
         guint          item,
         const Phrase  *phrase,
         const Match   *m,
         gboolean       in_title,
         double         weight)
{
  PcSectionCoverage *section = &g_array_index (run->coverage->sections, PcSectionCoverage, unit);
  PcSectionItem *si = NULL;
  PcCoverageHit hit;

  for (guint i = 0; i < section->items->len && si == NULL; i++)
    if (g_array_index (section->items, PcSectionItem, i).item == item + 1)
      si = &g_array_index (section->items, PcSectionItem, i);
  if (si == NULL)
    {
      PcSectionItem fresh = { item + 1, 0, g_array_new (FALSE, FALSE, sizeof (PcCoverageHit)) };

      g_array_append_val (section->items, fresh);
      si = &g_array_index (section->items, PcSectionItem, section->items->len - 1);
    }
  hit.phrase = phrase->utf8;
  hit.match = (PcRange) { m->start, m->start + m->len };
  hit.sentence = sentence_around (run, unit, hit.match);
  hit.in_title = in_title;
  hit.prospective = is_prospective (run, hit.match);
  hit.weight = hit.prospective ? weight * PROSPECTIVE_FACTOR : weight;
  g_array_append_val (si->hits, hit);
  run->scores[unit * run->engine->n_items + item] += hit.weight;
}

/* How many units of this report use each phrase: a phrase in every section (安全生产 in an
 * emergency bureau's report) tells little about any one of them. */
static guint *
count_phrase_units (Run *run)
{
  guint n = run->engine->phrases->len;
  guint *df = g_new0 (guint, n);
  g_autofree guint *last = g_new (guint, n);

  memset (last, 0xff, n * sizeof (guint));
  for (guint i = 0; i < run->matches->len; i++)
    {
      const Match *m = &g_array_index (run->matches, Match, i);
      guint unit = g_array_index (run->match_unit, guint, i);

      if (last[m->phrase] != unit)
        {
          last[m->phrase] = unit;
          df[m->phrase]++;
        }
    }
  return df;
}

static void
weigh_matches (Run *run)
{
  guint n = run->engine->phrases->len;
  g_autofree guint *df = count_phrase_units (run);
  g_autofree guint *seen = g_new0 (guint, n);
  g_autofree guint *seen_unit = g_new (guint, n);
  guint n_units = run->units->len;

  memset (seen_unit, 0xff, n * sizeof (guint));
  for (guint i = 0; i < run->matches->len; i++)
    {
      const Match *m = &g_array_index (run->matches, Match, i);
      const Phrase *phrase = g_ptr_array_index (run->engine->phrases, m->phrase);
      guint unit = g_array_index (run->match_unit, guint, i);
      const UnitInfo *info = &g_array_index (run->units, UnitInfo, unit);
      gboolean in_title = in_range (info->heading, m->start, m->start + m->len);
      double spread = n_units > 2 ? sqrt (MAX (1.0, df[m->phrase] / 2.0)) : 1.0;
      double base;

      if (seen_unit[m->phrase] != unit)
        {
          seen_unit[m->phrase] = unit;
          seen[m->phrase] = 0;
        }
      seen[m->phrase]++;
      /* Repeats add ever less: 1, 1/2, 1/3 … */
      base = phrase->spec * phrase->idf / spread / seen[m->phrase] * (in_title ? TITLE_BOOST : 1.0);
      for (guint k = 0; k < phrase->items->len; k++)
        add_hit (run, unit, g_array_index (phrase->items, guint, k), phrase, m, in_title,
                 base * g_array_index (phrase->factors, double, k));
    }
}

static gint
compare_section_items (gconstpointer a,
                       gconstpointer b)
{
  const PcSectionItem *ia = a, *ib = b;

  if (ia->confidence != ib->confidence)
    return ia->confidence < ib->confidence ? 1 : -1;
  return (gint) ia->item - (gint) ib->item;
}

static void
finish_sections (Run *run)
{
  double discount = pc_checklist_get_low_relevance_discount (run->engine->checklist);

  for (guint u = 0; u < run->coverage->sections->len; u++)
    {
      PcSectionCoverage *section = &g_array_index (run->coverage->sections, PcSectionCoverage, u);
      double *scores = &run->scores[u * run->engine->n_items];

      section->low_relevance = is_low_relevance (&g_array_index (run->units, UnitInfo, u));
      for (guint i = 0; i < section->items->len; i++)
        {
          PcSectionItem *si = &g_array_index (section->items, PcSectionItem, i);

          if (section->low_relevance)
            scores[si->item - 1] *= discount;
          si->confidence = 1.0 - exp (-scores[si->item - 1] / UNIT_SCALE);
        }
      g_array_sort (section->items, compare_section_items);
    }
}

/* Running: items over the report */

typedef struct
{
  const PcCoverageHit *hit;
  guint                unit;
} HitRef;

static gint
compare_hit_refs (gconstpointer a,
                  gconstpointer b)
{
  const HitRef *ra = a, *rb = b;

  if (ra->hit->prospective != rb->hit->prospective)
    return ra->hit->prospective ? 1 : -1;
  if (ra->hit->weight != rb->hit->weight)
    return ra->hit->weight < rb->hit->weight ? 1 : -1;
  return (gint) ra->hit->match.start - (gint) rb->hit->match.start;
}

static const PcSectionItem *
find_section_item (const PcSectionCoverage *section,
                   guint                    code)
{
  for (guint i = 0; i < section->items->len; i++)
    if (g_array_index (section->items, PcSectionItem, i).item == code)
      return &g_array_index (section->items, PcSectionItem, i);
  return NULL;
}

/* The units that evidence an item: those above the threshold, else the best ones. */
static GArray *
item_units (Run   *run,
            guint  code,
            double threshold)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (guint));
  double best = 0;

  for (guint u = 0; u < run->coverage->sections->len; u++)
    {
      const PcSectionItem *si = find_section_item (&g_array_index (run->coverage->sections, PcSectionCoverage, u), code);

      if (si)
        best = MAX (best, si->confidence);
    }
  for (guint u = 0; u < run->coverage->sections->len && best > 0; u++)
    {
      const PcSectionItem *si = find_section_item (&g_array_index (run->coverage->sections, PcSectionCoverage, u), code);

      if (si && (si->confidence >= threshold || si->confidence >= 0.6 * best))
        g_array_append_val (units, u);
    }
  return units;
}

/* The phrase of a title hit: the section is about the item. */
static const PcCoverageHit *
title_hit (const PcSectionItem *si)
{
  for (guint h = 0; si && h < si->hits->len; h++)
    if (g_array_index (si->hits, PcCoverageHit, h).in_title)
      return &g_array_index (si->hits, PcCoverageHit, h);
  return NULL;
}

/* A section whose title names the item reports its facts in sentences that need not
 * repeat the item's words (推进政务公开 … 在门户网站公开信息312条). Its quantified and
 * named-instrument sentences are evidence too, after the matched ones; in the
 * shortcomings or the plan they are not. Returns the new count of work-done sentences,
 * which stay first in @sentences. */
static guint
add_section_facts (Run            *run,
                   PcItemCoverage *item,
                   GArray         *units,
                   GArray         *sentences,
                   guint           n_done)
{
  g_autoptr(GArray) facts = g_array_new (FALSE, FALSE, sizeof (PcRange));

  for (guint i = 0; i < units->len; i++)
    {
      guint u = g_array_index (units, guint, i);
      const PcSectionCoverage *section = &g_array_index (run->coverage->sections, PcSectionCoverage, u);
      const UnitInfo *info = &g_array_index (run->units, UnitInfo, u);
      const PcCoverageHit *hit = title_hit (find_section_item (section, item->item));
      guint pos;

      if (hit == NULL || hit->prospective)
        continue;
      pos = MAX (section->range.start, info->heading.end);
      while (pos < section->range.end)
        {
          PcRange sentence = { pos, pos };
          gboolean known = FALSE;

          while (sentence.end < section->range.end && run->chars[sentence.end] != '\n' &&
                 !pc_is_sentence_end (run->chars[sentence.end]))
            sentence.end++;
          if (sentence.end < section->range.end && run->chars[sentence.end] != '\n')
            sentence.end++;
          pos = sentence.end + 1;
          while (sentence.start < sentence.end && pc_is_space (run->chars[sentence.start]))
            sentence.start++;
          for (guint s = 0; s < sentences->len && !known; s++)
            known = g_array_index (sentences, PcRange, s).start == sentence.start;
          if (known || sentence.end <= sentence.start ||
              !(pc_evidence_is_quantified (run->chars, sentence) ||
                pc_evidence_has_instrument (run->chars, sentence)))
            continue;
          g_array_append_val (facts, sentence);
          if (item->quotes->len < MAX_QUOTES)
            {
              PcQuote quote = { sentence, NULL, g_strdup (hit->phrase), g_strdup (section->path) };

              quote.text = pc_report_dup_slice (run->coverage->report, sentence);
              g_array_append_val (item->quotes, quote);
            }
        }
    }
  if (facts->len == 0)
    return n_done;
  /* Work done first: the matched sentences, then these facts, then the plan's. */
  g_array_insert_vals (sentences, n_done, facts->data, facts->len);
  return n_done + facts->len;
}

static void
collect_evidence (Run            *run,
                  PcItemCoverage *item,
                  GArray         *units)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (HitRef));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (PcRange));
  guint n_done = 0;

  for (guint i = 0; i < units->len; i++)
    {
      guint u = g_array_index (units, guint, i);
      const PcSectionCoverage *section = &g_array_index (run->coverage->sections, PcSectionCoverage, u);
      const PcSectionItem *si = find_section_item (section, item->item);

      g_ptr_array_add (item->sections, g_strdup (section->path));
      for (guint h = 0; si && h < si->hits->len; h++)
        {
          HitRef ref = { &g_array_index (si->hits, PcCoverageHit, h), u };

          g_array_append_val (refs, ref);
        }
    }
  g_array_sort (refs, compare_hit_refs);
  for (guint i = 0; i < refs->len; i++)
    {
      const HitRef *ref = &g_array_index (refs, HitRef, i);
      gboolean dup = FALSE;

      for (guint s = 0; s < sentences->len && !dup; s++)
        dup = g_array_index (sentences, PcRange, s).start == ref->hit->sentence.start;
      if (dup)
        continue;
      g_array_append_val (sentences, ref->hit->sentence);
      /* Prospective hits sort last: the sentences before them are work done. */
      if (!ref->hit->prospective)
        n_done = sentences->len;
      if (item->quotes->len < MAX_QUOTES)
        {
          PcQuote quote = { ref->hit->sentence, NULL, g_strdup (ref->hit->phrase), NULL };

          quote.text = pc_report_dup_slice (run->coverage->report, ref->hit->sentence);
          quote.section = g_strdup (g_array_index (run->coverage->sections, PcSectionCoverage, ref->unit).path);
          g_array_append_val (item->quotes, quote);
        }
    }
  n_done = add_section_facts (run, item, units, sentences, n_done);
  pc_evidence_assess (run->chars, (const PcRange *) (gpointer) sentences->data, n_done,
                      &item->evidence);
}

static void
finish_items (Run *run)
{
  PcChecklist *checklist = run->engine->checklist;
  double threshold = run->engine->threshold;

  g_array_set_size (run->coverage->items, run->engine->n_items);
  for (guint i = 0; i < run->engine->n_items; i++)
    {
      PcItemCoverage *item = &g_array_index (run->coverage->items, PcItemCoverage, i);
      g_autoptr(GArray) units = NULL;
      double best = 0, total = 0;

      item->item = i + 1;
      item->applicable = pc_checklist_get_item (checklist, i)->applicable;
      item->sections = g_ptr_array_new_with_free_func (g_free);
      item->quotes = g_array_new (FALSE, TRUE, sizeof (PcQuote));
      g_array_set_clear_func (item->quotes, clear_quote);
      for (guint u = 0; u < run->units->len; u++)
        {
          const PcSectionItem *si = find_section_item (&g_array_index (run->coverage->sections, PcSectionCoverage, u), i + 1);

          if (si == NULL)
            continue;
          best = MAX (best, si->confidence);
          total += run->scores[u * run->engine->n_items + i];
        }
      item->confidence = MAX (best, 1.0 - exp (-total / REPORT_SCALE));
      item->suggested = item->confidence >= threshold;
      units = item_units (run, i + 1, threshold);
      collect_evidence (run, item, units);
      item->proposed = pc_scoring_propose (item->applicable, item->suggested, item->confidence,
                                           item->evidence.strength);
    }
}

/* Public API */

/**
 * pc_coverage_engine_new:
 * @checklist: the outline to look for; its phrases are compiled now, its weights and
 *   applicability are read on every run
 *
 * An engine may run on several threads at once: a run only reads it.
 *
 * Returns: (transfer full): a new engine
 */
PcCoverageEngine *
pc_coverage_engine_new (PcChecklist *checklist)
{
  PcCoverageEngine *self;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), NULL);

  self = g_object_new (PC_TYPE_COVERAGE_ENGINE, NULL);
  self->checklist = g_object_ref (checklist);
  compile (self);
  return self;
}

PcChecklist *
pc_coverage_engine_get_checklist (PcCoverageEngine *self)
{
  g_return_val_if_fail (PC_IS_COVERAGE_ENGINE (self), NULL);
  return self->checklist;
}

double
pc_coverage_engine_get_threshold (PcCoverageEngine *self)
{
  g_return_val_if_fail (PC_IS_COVERAGE_ENGINE (self), 0);
  return self->threshold;
}

void
pc_coverage_engine_set_threshold (PcCoverageEngine *self,
                                  double            threshold)
{
  g_return_if_fail (PC_IS_COVERAGE_ENGINE (self));
  g_return_if_fail (threshold >= 0 && threshold <= 1);
  self->threshold = threshold;
}

/**
 * pc_coverage_engine_run:
 *
 * Returns: (transfer full): the coverage of @report
 */
PcCoverage *
pc_coverage_engine_run (PcCoverageEngine *self,
                        PcReport         *report)
{
  g_autoptr(PcCoverage) coverage = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) match_unit = NULL;
  g_autoptr(GArray) prospective = NULL;
  glong len = 0;
  Run run = { 0 };

  g_return_val_if_fail (PC_IS_COVERAGE_ENGINE (self), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  coverage = g_object_new (PC_TYPE_COVERAGE, NULL);
  coverage->engine = g_object_ref (self);
  coverage->report = g_object_ref (report);
  units = g_array_new (FALSE, TRUE, sizeof (UnitInfo));
  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  match_unit = g_array_new (FALSE, FALSE, sizeof (guint));
  prospective = g_array_new (FALSE, FALSE, sizeof (PcRange));

  run.engine = self;
  run.coverage = coverage;
  run.chars = g_utf8_to_ucs4_fast (pc_report_get_text (report), -1, &len);
  run.len = len;
  for (guint i = 0; i < run.len; i++)
    run.chars[i] = pc_fold_char (run.chars[i]);
  run.units = units;
  run.matches = matches;
  run.match_unit = match_unit;
  run.prospective = prospective;

  build_units (&run);
  find_prospective (&run);
  run.scores = g_new0 (double, MAX (run.units->len, 1) * self->n_items);
  scan (&run);
  weigh_matches (&run);
  finish_sections (&run);
  finish_items (&run);

  g_free (run.scores);
  g_free (run.chars);
  return g_steal_pointer (&coverage);
}

static void
drop_section (PcItemCoverage *item,
              const char     *section)
{
  for (guint i = item->sections->len; i-- > 0;)
    if (g_str_equal (g_ptr_array_index (item->sections, i), section))
      g_ptr_array_remove_index (item->sections, i);
  for (guint i = item->quotes->len; i-- > 0;)
    if (g_strcmp0 (g_array_index (item->quotes, PcQuote, i).section, section) == 0)
      g_array_remove_index (item->quotes, i);
}

static gboolean
has_section (PcItemCoverage *item,
             const char     *section)
{
  for (guint i = 0; i < item->sections->len; i++)
    if (g_str_equal (g_ptr_array_index (item->sections, i), section))
      return TRUE;
  return FALSE;
}

/**
 * pc_coverage_apply_decision:
 * @section: (nullable): a section path, or %NULL or "" for the whole report
 *
 * Applies a reviewer's decision on top of the engine's output: a rejection takes the item
 * (or one of its sections, with that section's evidence) away, an acceptance or an addition
 * makes it addressed — at least 部分 — in the given section. The engine's own output for the
 * other items stays as it was; the reviewer's ratings still override all of this.
 */
void
pc_coverage_apply_decision (PcCoverage *self,
                            guint       code,
                            const char *section,
                            PcDecision  decision)
{
  PcItemCoverage *item;
  gboolean whole;

  g_return_if_fail (PC_IS_COVERAGE (self));
  g_return_if_fail (code >= 1 && code <= self->items->len);

  item = &g_array_index (self->items, PcItemCoverage, code - 1);
  whole = section == NULL || *section == '\0';
  item->decided = TRUE;
  item->decision = decision;

  if (decision == PC_DECISION_REJECT)
    {
      if (whole)
        {
          g_ptr_array_set_size (item->sections, 0);
          g_array_set_size (item->quotes, 0);
        }
      else
        drop_section (item, section);
      if (whole || item->sections->len == 0)
        {
          item->suggested = FALSE;
          if (item->proposed != PC_RATING_NOT_APPLICABLE)
            item->proposed = PC_RATING_ABSENT;
        }
      return;
    }

  item->suggested = TRUE;
  if (!whole && !has_section (item, section))
    g_ptr_array_add (item->sections, g_strdup (section));
  if (item->proposed == PC_RATING_ABSENT || item->proposed == PC_RATING_UNSET)
    item->proposed = PC_RATING_PARTIAL;
}

PcReport *
pc_coverage_get_report (PcCoverage *self)
{
  g_return_val_if_fail (PC_IS_COVERAGE (self), NULL);
  return self->report;
}

guint
pc_coverage_get_n_sections (PcCoverage *self)
{
  g_return_val_if_fail (PC_IS_COVERAGE (self), 0);
  return self->sections->len;
}

const PcSectionCoverage *
pc_coverage_get_section (PcCoverage *self,
                         guint       index)
{
  g_return_val_if_fail (PC_IS_COVERAGE (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return &g_array_index (self->sections, PcSectionCoverage, index);
}

guint
pc_coverage_get_n_items (PcCoverage *self)
{
  g_return_val_if_fail (PC_IS_COVERAGE (self), 0);
  return self->items->len;
}

/**
 * pc_coverage_get_item:
 * @code: the checklist item code, 1-based
 */
const PcItemCoverage *
pc_coverage_get_item (PcCoverage *self,
                      guint       code)
{
  g_return_val_if_fail (PC_IS_COVERAGE (self), NULL);
  g_return_val_if_fail (code >= 1 && code <= self->items->len, NULL);
  return &g_array_index (self->items, PcItemCoverage, code - 1);
}

/**
 * pc_coverage_dup_proposed_ratings:
 *
 * Returns: (transfer full) (array): the engine's ratings by code − 1
 */
PcRating *
pc_coverage_dup_proposed_ratings (PcCoverage *self)
{
  PcRating *ratings;

  g_return_val_if_fail (PC_IS_COVERAGE (self), NULL);

  ratings = g_new0 (PcRating, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    ratings[i] = g_array_index (self->items, PcItemCoverage, i).proposed;
  return ratings;
}

/**
 * pc_coverage_score:
 * @overrides: (nullable) (array): reviewer ratings by code − 1, %PC_RATING_UNSET where the
 *   engine's proposal stands
 *
 * Returns: (transfer full): the score of the report with the form findings deducted
 */
PcScore *
pc_coverage_score (PcCoverage     *self,
                   const PcRating *overrides)
{
  g_autofree PcRating *ratings = NULL;
  PcChecklist *checklist;

  g_return_val_if_fail (PC_IS_COVERAGE (self), NULL);

  checklist = self->engine->checklist;
  ratings = pc_coverage_dup_proposed_ratings (self);
  for (guint i = 0; overrides && i < self->items->len; i++)
    ratings[i] = pc_rating_resolve (ratings[i], overrides[i]);
  return pc_scoring_compute (checklist, ratings, self->items->len,
                             pc_scoring_form_points (checklist, pc_report_get_findings (self->report)));
}

/* pc-review-state.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-review-state"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-review-state.h"

/* Ten hues far enough apart to tell the chapters apart, light enough to read black text on
 * their highlight (the text view lays them over at about 35 % opacity). */
static const char *chapter_colors[PC_N_CHAPTER_COLORS] = {
  "#e01b24",  /* 一 red */
  "#ff7800",  /* 二 orange */
  "#e5a50a",  /* 三 yellow */
  "#2ec27e",  /* 四 green */
  "#1c71d8",  /* 五 blue */
  "#9141ac",  /* 六 purple */
  "#986a44",  /* 七 brown */
  "#0f9ba8",  /* 八 teal */
  "#c64600",  /* 九 rust */
  "#d6249f",  /* 十 pink */
};

/**
 * pc_review_state_item_state:
 * @decision: the reviewer's report-wide decision, or %PC_DECISION_NONE
 * @rating: the reviewer's rating, or %PC_RATING_UNSET
 *
 * A rating says most; then a decision; then the engine's suggestion.
 */
PcItemState
pc_review_state_item_state (gboolean   applicable,
                            gboolean   suggested,
                            PcDecision decision,
                            PcRating   rating)
{
  if (rating == PC_RATING_NOT_APPLICABLE || (!applicable && rating == PC_RATING_UNSET))
    return PC_ITEM_STATE_NOT_APPLICABLE;
  if (rating != PC_RATING_UNSET)
    return PC_ITEM_STATE_RATED;
  switch ((int) decision)
    {
    case PC_DECISION_ACCEPT:
      return PC_ITEM_STATE_ACCEPTED;
    case PC_DECISION_REJECT:
      return PC_ITEM_STATE_REJECTED;
    case PC_DECISION_ADD:
      return PC_ITEM_STATE_ADDED;
    default:
      return suggested ? PC_ITEM_STATE_SUGGESTED : PC_ITEM_STATE_NONE;
    }
}

/**
 * pc_review_state_decision_fits:
 * @suggested: whether the engine suggests the item
 *
 * Returns: whether the reviewer can take @decision on the item: confirming or rejecting needs a
 *   suggestion, adding needs its absence; the same buttons show and hide by this.
 */
gboolean
pc_review_state_decision_fits (gboolean   suggested,
                               PcDecision decision)
{
  switch ((int) decision)
    {
    case PC_DECISION_ACCEPT:
    case PC_DECISION_REJECT:
      return suggested;
    case PC_DECISION_ADD:
      return !suggested;
    default:
      return FALSE;
    }
}

const char *
pc_review_state_item_icon (PcItemState state)
{
  switch (state)
    {
    case PC_ITEM_STATE_SUGGESTED:
      return "starred-symbolic";
    case PC_ITEM_STATE_ACCEPTED:
      return "object-select-symbolic";
    case PC_ITEM_STATE_REJECTED:
      return "window-close-symbolic";
    case PC_ITEM_STATE_ADDED:
      return "list-add-symbolic";
    case PC_ITEM_STATE_RATED:
      return "emblem-ok-symbolic";
    case PC_ITEM_STATE_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    case PC_ITEM_STATE_NONE:
    default:
      return "radio-symbolic";
    }
}

const char *
pc_review_state_item_badge (PcItemState state)
{
  switch (state)
    {
    case PC_ITEM_STATE_SUGGESTED:
      /* Translators: item state badge: the engine suggests the report covers the item */
      return C_("item state", "Suggested");
    case PC_ITEM_STATE_ACCEPTED:
      return C_("item state", "Accepted");
    case PC_ITEM_STATE_REJECTED:
      return C_("item state", "Rejected");
    case PC_ITEM_STATE_ADDED:
      return C_("item state", "Added");
    case PC_ITEM_STATE_RATED:
      return C_("item state", "Rated");
    case PC_ITEM_STATE_NOT_APPLICABLE:
      return C_("item state", "N/A");
    case PC_ITEM_STATE_NONE:
    default:
      return C_("item state", "Not found");
    }
}

char *
pc_review_state_progress_text (guint n_rated,
                               guint n_items)
{
  /* Translators: review progress: items rated out of all items, e.g. "12 / 35 rated" */
  return g_strdup_printf (_("%u / %u rated"), n_rated, n_items);
}

char *
pc_review_state_score_text (double      total,
                            const char *grade)
{
  /* Translators: the report's total score and its grade, e.g. "86.5 points · 良好" */
  return g_strdup_printf (_("%.1f points · %s"), total, grade ? grade : "—");
}

/* Short labels for the rating buttons and badges; the engine's pc_rating_label() names
 * them in full. */
const char *
pc_review_state_rating_short (PcRating rating)
{
  switch (rating)
    {
    case PC_RATING_FULL:
      return C_("rating", "Full");
    case PC_RATING_PARTIAL:
      return C_("rating", "Partial");
    case PC_RATING_ABSENT:
      return C_("rating", "Absent");
    case PC_RATING_NOT_APPLICABLE:
      return C_("rating", "N/A");
    case PC_RATING_UNSET:
    default:
      return "";
    }
}

PcRating
pc_review_state_rating_from_key (const char *key)
{
  if (key == NULL || *key == '\0' || g_str_equal (key, "unset"))
    return PC_RATING_UNSET;
  return pc_rating_from_string (key);
}

char *
pc_review_state_points_text (PcRating rating,
                             double   points,
                             double   max_points)
{
  if (rating == PC_RATING_NOT_APPLICABLE)
    return g_strdup (C_("rating", "N/A"));
  /* Translators: an item's points out of its maximum, e.g. "1.2 / 2.9" */
  return g_strdup_printf (_("%.1f / %.1f"), points, max_points);
}

/**
 * pc_review_state_chapter_color:
 * @chapter: 1–10; 0 for an annotation on no item
 *
 * Returns: a CSS colour
 */
const char *
pc_review_state_chapter_color (guint chapter)
{
  if (chapter < 1 || chapter > PC_N_CHAPTER_COLORS)
    return "#77767b";
  return chapter_colors[chapter - 1];
}

guint
pc_review_state_item_chapter (PcChecklist *checklist,
                              guint        item)
{
  const PcChecklistItem *found;

  if (checklist == NULL || item == 0)
    return 0;
  found = pc_checklist_find_item (checklist, item);
  return found ? found->chapter : 0;
}

/* The margin label of an annotation: its item number, or a dot when it has none. */
char *
pc_review_state_annotation_label (guint item)
{
  if (item == 0)
    return g_strdup ("·");
  return g_strdup_printf ("%u", item);
}

char *
pc_review_state_item_title (const PcChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return g_strdup_printf ("%u %s", item->code, item->title);
}

static gboolean
strv_contains_substring (GStrv       strv,
                         const char *needle)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (strstr (strv[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Words of a query; an ideographic space separates words too. */
static GStrv
split_terms (const char *query)
{
  g_autoptr(GString) normal = g_string_new (query);

  g_string_replace (normal, "　", " ", 0);
  return g_strsplit_set (normal->str, " \t", -1);
}

static gboolean
term_matches (const PcChecklistItem *item,
              const char            *term)
{
  g_autofree char *folded = NULL;
  g_autofree char *title = NULL;
  char *end = NULL;
  guint64 number;

  /* A number alone picks that item, and the items whose number starts with it (1 → 1,
   * 10–19), so that typing "1" then "2" narrows to item 12. */
  number = g_ascii_strtoull (term, &end, 10);
  if (end != term && *end == '\0')
    {
      g_autofree char *code = g_strdup_printf ("%u", item->code);

      return number > 0 && g_str_has_prefix (code, term);
    }
  if (strstr (item->label, term) != NULL || strstr (item->title, term) != NULL ||
      strstr (item->requirement ? item->requirement : "", term) != NULL ||
      strv_contains_substring (item->phrases, term) ||
      strv_contains_substring (item->em_phrases, term))
    return TRUE;
  folded = g_utf8_casefold (term, -1);
  title = g_utf8_casefold (item->title, -1);
  return strstr (title, folded) != NULL;
}

/* How well one word matches: in the item's number, label or title is best, then in its
 * phrases, then only in its requirement text. */
static guint
term_rank (const PcChecklistItem *item,
           const char            *term)
{
  g_autofree char *folded = NULL;
  g_autofree char *title = NULL;

  if (!term_matches (item, term))
    return 0;
  folded = g_utf8_casefold (term, -1);
  title = g_utf8_casefold (item->title, -1);
  if (g_ascii_isdigit (*term) || strstr (item->label, term) != NULL || strstr (title, folded) != NULL)
    return 3;
  if (strv_contains_substring (item->phrases, term) || strv_contains_substring (item->em_phrases, term))
    return 2;
  return 1;
}

/**
 * pc_review_state_item_rank:
 * @query: (nullable): what the reviewer typed
 *
 * Returns: 0 when @item does not match @query, else higher the better it matches: an
 *   item whose title holds the words ranks above one that only mentions them
 */
guint
pc_review_state_item_rank (const PcChecklistItem *item,
                           const char            *query)
{
  g_auto(GStrv) terms = NULL;
  guint rank = 1;

  g_return_val_if_fail (item != NULL, 0);

  if (query == NULL)
    return 1;
  terms = split_terms (query);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      guint r;

      if (*terms[i] == '\0')
        continue;
      if ((r = term_rank (item, terms[i])) == 0)
        return 0;
      rank += r;
    }
  return rank;
}

/**
 * pc_review_state_item_matches:
 * @query: (nullable): what the reviewer typed: an item number, or words
 *
 * Every whitespace-separated term must match the item's number, label, title,
 * requirement or phrases.
 */
gboolean
pc_review_state_item_matches (const PcChecklistItem *item,
                              const char            *query)
{
  g_auto(GStrv) terms = NULL;

  g_return_val_if_fail (item != NULL, FALSE);

  if (query == NULL)
    return TRUE;
  terms = split_terms (query);
  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0' && !term_matches (item, terms[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_clause_break (gunichar c)
{
  return c == '\n' || g_utf8_strchr ("，。；：！？、,.;:!?", -1, c) != NULL;
}

static guint
grow_start (const char *text,
            guint       start,
            PcSpanUnit  unit)
{
  if (start == 0)
    return 0;
  if (unit == PC_SPAN_UNIT_CHAR)
    return start - 1;
  /* Back over the break just before, then to the character after the previous one. */
  start--;
  while (start > 0)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, start - 1));

      if (is_clause_break (c))
        break;
      start--;
    }
  return start;
}

static guint
grow_end (const char *text,
          guint       end,
          guint       length,
          PcSpanUnit  unit)
{
  if (end >= length)
    return length;
  if (unit == PC_SPAN_UNIT_CHAR)
    return end + 1;
  /* Up to and including the next break. */
  while (end < length)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, end));

      end++;
      if (is_clause_break (c))
        break;
    }
  return end;
}

static guint
shrink_start (const char *text,
              PcRange     range,
              PcSpanUnit  unit)
{
  guint start = range.start;

  if (unit == PC_SPAN_UNIT_CHAR)
    return start + 1;
  while (start < range.end - 1)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, start));

      start++;
      if (is_clause_break (c))
        break;
    }
  return start;
}

static guint
shrink_end (const char *text,
            PcRange     range,
            PcSpanUnit  unit)
{
  guint end = range.end;

  if (unit == PC_SPAN_UNIT_CHAR)
    return end - 1;
  /* Drop a trailing break, then the clause before it. */
  end--;
  while (end > range.start + 1)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, end - 1));

      if (is_clause_break (c))
        break;
      end--;
    }
  return end;
}

/**
 * pc_review_state_span_adjust:
 * @text: the report text
 * @range: an annotation's span, in characters
 *
 * Widens or narrows @range by a character or a clause. A span never becomes empty and
 * never leaves the text.
 *
 * Returns: whether the span changed
 */
gboolean
pc_review_state_span_adjust (const char *text,
                             PcRange     range,
                             PcSpanEdit  edit,
                             PcSpanUnit  unit,
                             PcRange    *out_range)
{
  guint length;
  PcRange result = range;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_range != NULL, FALSE);

  length = g_utf8_strlen (text, -1);
  range.end = MIN (range.end, length);
  range.start = MIN (range.start, range.end);
  result = range;

  switch (edit)
    {
    case PC_SPAN_GROW_START:
      result.start = grow_start (text, range.start, unit);
      break;
    case PC_SPAN_GROW_END:
      result.end = grow_end (text, range.end, length, unit);
      break;
    case PC_SPAN_SHRINK_START:
      if (range.end - range.start > 1)
        result.start = shrink_start (text, range, unit);
      break;
    case PC_SPAN_SHRINK_END:
      if (range.end - range.start > 1)
        result.end = shrink_end (text, range, unit);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  *out_range = result;
  return result.start != range.start || result.end != range.end;
}

/**
 * pc_review_state_report_matches:
 * @query: (nullable): words to find in the title, agency or file name
 * @year: 0 for any year
 * @agency: (nullable): %NULL or empty for any agency
 */
gboolean
pc_review_state_report_matches (PcReport   *report,
                                const char *query,
                                guint       year,
                                const char *agency)
{
  g_auto(GStrv) terms = NULL;
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (PC_IS_REPORT (report), FALSE);

  if (year != 0 && pc_report_get_year (report) != year)
    return FALSE;
  if (agency != NULL && *agency != '\0' && g_strcmp0 (pc_report_get_agency (report), agency) != 0)
    return FALSE;
  if (query == NULL || *query == '\0')
    return TRUE;

  haystack = g_utf8_casefold (g_strjoin ("\n",
                                         pc_report_get_title (report) ?: "",
                                         pc_report_get_agency (report) ?: "",
                                         pc_report_get_source_name (report) ?: "",
                                         NULL), -1);
  terms = split_terms (query);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *term = g_utf8_casefold (terms[i], -1);

      if (*term != '\0' && strstr (haystack, term) == NULL)
        return FALSE;
    }
  return TRUE;
}

char *
pc_review_state_library_progress (guint       n_rated,
                                  guint       n_items,
                                  const char *grade,
                                  double      total)
{
  g_autofree char *progress = pc_review_state_progress_text (n_rated, n_items);

  if (grade == NULL)
    return g_steal_pointer (&progress);
  /* Translators: library row: review progress, then grade and score, e.g.
   * "12 / 35 rated · 良好 82.4" */
  return g_strdup_printf (_("%s · %s %.1f"), progress, grade, total);
}

char *
pc_review_state_register_item (PcChecklist *checklist,
                               guint        item)
{
  const PcChecklistItem *found;

  if (item == 0)
    return g_strdup ("—");
  found = checklist ? pc_checklist_find_item (checklist, item) : NULL;
  if (found == NULL)
    return g_strdup_printf ("%u", item);
  return pc_review_state_item_title (found);
}

/* Where a register row points: the report and section, e.g. "漳州市 2023 · 1.3". */
char *
pc_review_state_register_location (PcRegisterEntry *entry)
{
  const char *report = pc_register_entry_get_report_name (entry);
  const char *section = pc_register_entry_get_section (entry);

  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (entry), NULL);

  if (section == NULL || *section == '\0')
    return g_strdup (report ? report : "");
  if (g_str_equal (section, "preamble"))
    section = _("Preamble");
  return g_strdup_printf ("%s · %s", report ? report : "", section);
}

/* What a register row says: the comment, else the quote, else the kind. */
char *
pc_review_state_register_text (PcRegisterEntry *entry)
{
  const char *comment = pc_register_entry_get_comment (entry);
  const char *quote = pc_register_entry_get_quote (entry);

  g_return_val_if_fail (PC_IS_REGISTER_ENTRY (entry), NULL);

  if (comment != NULL && *comment != '\0')
    return g_strdup (comment);
  if (quote != NULL && *quote != '\0')
    return g_strdup_printf ("“%s”", quote);
  return g_strdup (pc_register_entry_get_kind_name (entry));
}

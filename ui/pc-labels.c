/* pc-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pc-labels.h"
#include "pc-review-state.h"

/**
 * pc_labels_report_title:
 *
 * Returns: (transfer full): the report's name in the sidebar, agency and year
 */
char *
pc_labels_report_title (PcReport *report)
{
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);
  return pc_report_dup_display_name (report);
}

/**
 * pc_labels_report_name:
 *
 * Returns: (transfer full): the report's name in the sidebar without its year: the agency
 *   when the year goes beside it, else the whole title
 */
char *
pc_labels_report_name (PcReport *report)
{
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  if (pc_report_get_agency (report) != NULL && pc_report_get_year (report) != 0)
    return g_strdup (pc_report_get_agency (report));
  return pc_report_dup_display_name (report);
}

/**
 * pc_labels_report_year:
 *
 * Returns: (transfer full): the year beside the report's name in the sidebar, or "" when the
 *   report has none
 */
char *
pc_labels_report_year (PcReport *report)
{
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  if (pc_report_get_year (report) == 0)
    return g_strdup ("");
  /* Translators: the year a report covers, beside its agency in the library, e.g. "2023" */
  return g_strdup_printf (C_("report year", "%u"), pc_report_get_year (report));
}

/**
 * pc_labels_format_date:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as the reader's language writes it
 */
char *
pc_labels_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return NULL;
  /* Translators: the publication date of a report, see g_date_time_format() */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

/**
 * pc_labels_report_subtitle:
 *
 * Returns: (transfer full): the line under the report's name: its date and title, leaving
 *   out whatever the name already shows
 */
char *
pc_labels_report_subtitle (PcReport *report)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  const char *title;

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  name = pc_report_dup_display_name (report);
  date = pc_labels_format_date (pc_report_get_date (report));
  title = pc_report_get_title (report);
  if (title != NULL && g_strcmp0 (title, name) == 0)
    title = NULL;

  /* The date first: a long title is cut off at the end of the row. */
  if (title != NULL && date != NULL)
    /* Translators: a report's date, then its title */
    return g_strdup_printf (_("%s · %s"), date, title);
  if (title != NULL)
    return g_strdup (title);
  if (date != NULL)
    return g_steal_pointer (&date);
  if (pc_report_get_source_name (report) != NULL
      && g_strcmp0 (pc_report_get_source_name (report), name) != 0)
    return g_strdup (pc_report_get_source_name (report));
  return g_strdup (_("No title or date found"));
}

/**
 * pc_labels_report_sections:
 *
 * Returns: (transfer full): how many numbered parts the report has
 */
char *
pc_labels_report_sections (PcReport *report)
{
  guint n;

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  n = g_list_model_get_n_items (pc_report_get_sections (report));
  if (n == 0)
    return g_strdup (_("No parts"));
  return g_strdup_printf (ngettext ("%u part", "%u parts", n), n);
}

/**
 * pc_labels_section_text:
 *
 * Returns: (transfer full): the row label, enumerator as written then title,
 *   e.g. “一、2023年工作开展情况”
 */
char *
pc_labels_section_text (PcSection *section)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (PC_IS_SECTION (section), NULL);

  text = pc_section_dup_display (section);
  if (*text == '\0')
    return g_strdup (_("Untitled part"));
  return g_steal_pointer (&text);
}

/**
 * pc_labels_section_is_marked:
 *
 * Returns: whether the row carries a warning marker
 */
gboolean
pc_labels_section_is_marked (PcSection *section)
{
  g_return_val_if_fail (PC_IS_SECTION (section), FALSE);
  return (pc_section_get_flags (section) & PC_SECTION_FLAG_NUMBER_MISSING) != 0;
}

/**
 * pc_labels_section_tooltip:
 *
 * Returns: (transfer full) (nullable): what is unusual about the section's heading
 */
char *
pc_labels_section_tooltip (PcSection *section)
{
  PcSectionFlags flags;
  GString *str;

  g_return_val_if_fail (PC_IS_SECTION (section), NULL);

  flags = pc_section_get_flags (section);
  if (flags == PC_SECTION_FLAG_NONE)
    return NULL;

  str = g_string_new (NULL);
  if (flags & PC_SECTION_FLAG_NUMBER_MISSING)
    g_string_append (str, _("The number of this part is missing"));
  if (flags & PC_SECTION_FLAG_INLINE)
    {
      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, _("This heading runs on inside a paragraph"));
    }
  return g_string_free (str, FALSE);
}

/**
 * pc_labels_project_name:
 * @path: the project database
 * @samples_path: (nullable): the sample project's database
 *
 * Returns: (transfer full): the name in the header bar: the file name without its extension
 */
char *
pc_labels_project_name (const char *path,
                        const char *samples_path)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  if (samples_path != NULL && g_str_equal (path, samples_path))
    return g_strdup (_("Sample Reports"));

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/**
 * pc_labels_project_subtitle:
 *
 * Returns: (transfer full): how many reports the project holds
 */
char *
pc_labels_project_subtitle (guint n_reports)
{
  if (n_reports == 0)
    return g_strdup (_("No reports"));
  return g_strdup_printf (ngettext ("%u report", "%u reports", n_reports), n_reports);
}

static void
collect_spans (GListModel *sections,
               GArray     *spans)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      PcHeadingSpan span = {
        .section = section,
        .range = pc_section_get_heading (section),
        .level = pc_section_get_level (section),
        .number_missing = pc_labels_section_is_marked (section),
      };

      if (span.range.end > span.range.start)
        g_array_append_val (spans, span);
      collect_spans (pc_section_get_children (section), spans);
    }
}

/**
 * pc_labels_heading_spans:
 *
 * Returns: (transfer full) (element-type PcHeadingSpan): the non-empty heading ranges of
 *   every section, in document order
 */
GArray *
pc_labels_heading_spans (PcReport *report)
{
  GArray *spans;

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  spans = g_array_new (FALSE, FALSE, sizeof (PcHeadingSpan));
  collect_spans (pc_report_get_sections (report), spans);
  return spans;
}

/**
 * pc_labels_compare_cell:
 * @side: 0 for the report compared against, 1 for the report compared
 *
 * An item's rating and points, or a part's points of its maximum.
 */
char *
pc_labels_compare_cell (const PcCompareRow *row,
                        guint               side)
{
  g_return_val_if_fail (side < 2, NULL);

  if (row->kind != PC_COMPARE_ROW_ITEM)
    return g_strdup_printf ("%.1f / %.1f", row->points[side], row->max_points[side]);
  /* The words of the checklist panel's rating buttons, so both windows say the same. */
  if (row->rating[side] == PC_RATING_NOT_APPLICABLE)
    return g_strdup (pc_review_state_rating_short (row->rating[side]));
  /* Translators: an item's rating and its points in the comparison, “部分 · 0.9” */
  return g_strdup_printf (_("%s · %.1f"), pc_review_state_rating_short (row->rating[side]),
                          row->points[side]);
}

/* A difference of points with its sign, a true minus sign for a loss. */
static char *
signed_points (double delta)
{
  return delta > 0 ? g_strdup_printf ("+%.1f", delta) : g_strdup_printf ("−%.1f", -delta);
}

/* The change from the first report to the second: points with their sign, or an arrow where
 * only the rating moved. */
char *
pc_labels_compare_change (const PcCompareRow *row)
{
  double delta = row->points[1] - row->points[0];

  switch (pc_compare_row_change (row))
    {
    case PC_COMPARE_BETTER:
      return delta >= 0.05 ? signed_points (delta) : g_strdup ("↑");
    case PC_COMPARE_WORSE:
      return delta <= -0.05 ? signed_points (delta) : g_strdup ("↓");
    case PC_COMPARE_SAME:
    default:
      return g_strdup ("");
    }
}

/**
 * pc_labels_compare_note:
 * @first: the report compared with
 * @second: the report read
 *
 * Returns: (nullable): what the reviewer should know before reading the comparison as
 *   progress from one year to the next, or %NULL when it is just that
 */
char *
pc_labels_compare_note (PcReport *first,
                        PcReport *second)
{
  if (!pc_compare_same_agency (first, second))
    return g_strdup (_("The two reports are of different agencies: the comparison is between peers, not progress over time."));
  if (pc_report_get_year (first) >= pc_report_get_year (second))
    return g_strdup (_("The report compared with is not of an earlier year."));
  return NULL;
}

char *
pc_labels_compare_summary (const PcComparison *comparison)
{
  /* The difference of the totals as shown, so that the line adds up. */
  double delta = round (comparison->total[1] * 10) / 10 - round (comparison->total[0] * 10) / 10;
  g_autofree char *change = NULL;
  g_autofree char *better = NULL;
  g_autofree char *worse = NULL;

  change = fabs (delta) < 0.05 ? g_strdup ("±0") : signed_points (delta);
  better = g_strdup_printf (ngettext ("%u item better", "%u items better", comparison->n_better),
                            comparison->n_better);
  worse = g_strdup_printf (ngettext ("%u item worse", "%u items worse", comparison->n_worse),
                           comparison->n_worse);
  /* Translators: “总分 38.8 → 41.6（+2.8）· 不合格 → 合格 · 3 项提高，2 项下降” */
  return g_strdup_printf (_("Total %.1f → %.1f (%s) · %s → %s · %s, %s"),
                          comparison->total[0], comparison->total[1], change,
                          comparison->grade[0] ? comparison->grade[0] : "",
                          comparison->grade[1] ? comparison->grade[1] : "", better, worse);
}

/**
 * pc_labels_phrases:
 * @phrases: (nullable): an item's phrases
 *
 * The phrases joined with 、, each once: the checklist lists a phrase both with its 、 and
 * without (the reports write it either way), and the reader needs to see it only once.
 *
 * Returns: (transfer full): the list to show
 */
char *
pc_labels_phrases (const char * const *phrases)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (phrases[i], "、", -1);
      char *bare = g_strjoinv ("", pieces);

      if (!g_hash_table_add (seen, bare))
        continue;
      if (text->len > 0)
        g_string_append (text, "、");
      g_string_append (text, phrases[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

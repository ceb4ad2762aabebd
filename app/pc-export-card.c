/* pc-export-card.c — what the workbook shows of one assessed report, as plain data; and the
 * pure text helpers of the export (cell text, column widths, sheet names).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-export-card"

#include "config.h"

#include <string.h>

#include "pc-export-xlsx.h"
#include "pc-project-annotations.h"
#include "pc-register.h"

/* How much evidence a scorecard row shows. */
#define MAX_EVIDENCE_SECTIONS 5
#define MAX_EVIDENCE_QUOTES   2
#define MAX_FINDING_QUOTE     200

G_DEFINE_QUARK (pc-export-error-quark, pc_export_error)

/* Text helpers -------------------------------------------------------------------------- */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * pc_export_clean_text:
 *
 * Makes @text fit for a cell: valid UTF-8, without the characters XML 1.0 cannot hold
 * (control characters, lone surrogates, U+FFFE/U+FFFF), and at most Excel's 32,767 UTF-16
 * units, cut with an ellipsis.
 *
 * Returns: (transfer full): the text, "" for %NULL
 */
char *
pc_export_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint units = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c >= 0x10000 ? 2 : 1;

      if (!is_xml_char (c))
        continue;
      if (units + width > PC_EXPORT_CELL_TEXT_MAX - 1)
        {
          g_string_append_unichar (out, 0x2026);
          break;
        }
      g_string_append_unichar (out, c);
      units += width;
    }
  return g_string_free (out, FALSE);
}

static guint
char_width (gunichar c)
{
  if (c < 0x1100)
    return g_unichar_iszerowidth (c) ? 0 : 1;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60))
    return 2;
  if (g_unichar_iswide (c) || g_unichar_iswide_cjk (c))
    return 2;
  return g_unichar_iszerowidth (c) ? 0 : 1;
}

/* Decodes the UTF-8 sequence at @p (its lead byte above 0x7F), as strictly as
 * g_utf8_validate(): no overlong forms, surrogates or code points above U+10FFFF.
 * Returns its length, 0 when it is not valid. */
static guint
decode_sequence (const guchar *p,
                 gunichar     *out)
{
  guchar b = p[0];

  if (b >= 0xC2 && b <= 0xDF)
    {
      if ((p[1] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (b & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if (b >= 0xE0 && b <= 0xEF)
    {
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
          (b == 0xE0 && p[1] < 0xA0) || (b == 0xED && p[1] >= 0xA0))
        return 0;
      *out = ((gunichar) (b & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      return 3;
    }
  if (b >= 0xF0 && b <= 0xF4)
    {
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
          (b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] >= 0x90))
        return 0;
      *out = ((gunichar) (b & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12) |
             ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return 4;
    }
  return 0;
}

/**
 * pc_export_text_is_clean:
 * @width: (out): the width pc_export_text_width() gives, when the text is clean
 *
 * The fast path of writing a cell: whether @text is already what pc_export_clean_text()
 * would make of it, measured in the same pass. One pass over the bytes: most cells are
 * ASCII and CJK, and this runs for every one of them.
 */
gboolean
pc_export_text_is_clean (const char *text,
                         guint      *width)
{
  const guchar *p = (const guchar *) text;
  guint widest = 0, line = 0, units = 0;

  if (text == NULL)
    return FALSE;
  while (*p)
    {
      gunichar c;
      guint length;

      if (*p < 0x80)
        {
          if (*p == '\n')
            {
              widest = MAX (widest, line);
              line = 0;
            }
          else if (*p < 0x20 && *p != '\t' && *p != '\r')
            return FALSE;
          else
            line++;
          units++;
          p++;
          continue;
        }
      /* The bulk of a Chinese report: three bytes from U+1000 to U+CFFF, every one an XML
       * character, no lead byte with a special case. */
      if (*p >= 0xE1 && *p <= 0xEC && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        {
          c = ((gunichar) (*p & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          line += c >= 0x4E00 && c <= 0x9FFF ? 2 : char_width (c);
          units++;
          p += 3;
          continue;
        }
      /* A sequence cut short by the terminator fails the continuation test on the NUL. */
      if ((length = decode_sequence (p, &c)) == 0 || !is_xml_char (c))
        return FALSE;
      units += c >= 0x10000 ? 2 : 1;
      line += char_width (c);
      p += length;
    }
  if (units > PC_EXPORT_CELL_TEXT_MAX - 1)
    return FALSE;
  *width = MAX (widest, line);
  return TRUE;
}

/**
 * pc_export_text_width:
 *
 * Estimates the column width (in Excel's character units) @text needs: its longest line,
 * counting wide (CJK) characters as two.
 */
guint
pc_export_text_width (const char *text)
{
  guint widest = 0, width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
        }
      else if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      else
        width += char_width (c);
    }
  return MAX (widest, width);
}

/**
 * pc_export_text_lines:
 * @width: the room of a line, in the units of pc_export_text_width()
 *
 * Estimates how many lines @text takes wrapped in a cell @width wide: each of its lines
 * takes its width over @width, rounded up, and at least one.
 */
guint
pc_export_text_lines (const char *text,
                      guint       width)
{
  const guchar *p = (const guchar *) text;
  guint lines = 0, line = 0;

  if (text == NULL || *text == '\0')
    return 1;
  width = MAX (width, 1);
  for (;;)
    {
      if (*p == '\n' || *p == '\0')
        {
          lines += MAX ((line + width - 1) / width, 1);
          line = 0;
          if (*p == '\0')
            break;
          p++;
        }
      else if (*p < 0x80)
        {
          line++;
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char ((const char *) p);

          line += char_width (g_utf8_get_char ((const char *) p));
          p = (const guchar *) next;
        }
    }
  return lines;
}

static gboolean
is_sheet_name_forbidden (gunichar c)
{
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
         !is_xml_char (c) || c < 0x20;
}

/* Appends characters of @name to @out until it holds @max UTF-16 units. */
static void
append_limited (GString    *out,
                const char *name,
                guint       max)
{
  guint units = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c >= 0x10000 ? 2 : 1;

      if (units + width > max)
        break;
      g_string_append_unichar (out, c);
      units += width;
    }
}

/* Excel refuses a name that starts or ends with an apostrophe; spaces at the ends go too. */
static void
trim_name_end (GString *name)
{
  while (name->len > 0 && (name->str[name->len - 1] == '\'' || g_ascii_isspace (name->str[name->len - 1])))
    g_string_truncate (name, name->len - 1);
}

static char *
sanitize_sheet_name (const char *wanted)
{
  g_autofree char *valid = g_utf8_make_valid (wanted ? wanted : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  char *stripped;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_sheet_name_forbidden (c))
        g_string_append_unichar (out, c);
    }
  /* Excel refuses a name that starts or ends with an apostrophe. */
  stripped = g_strstrip (g_strdup (out->str));
  while (stripped[0] == '\'')
    memmove (stripped, stripped + 1, strlen (stripped));
  while (*stripped && stripped[strlen (stripped) - 1] == '\'')
    stripped[strlen (stripped) - 1] = '\0';
  g_strstrip (stripped);
  return stripped;
}

/**
 * pc_export_sheet_name:
 * @used: (element-type utf8 utf8): the names taken so far, casefolded; the new name is added
 *
 * Makes @wanted a valid worksheet name that no other sheet has: without []:*?/\, not
 * starting or ending with an apostrophe, at most 31 units, not "History" (Excel keeps it),
 * and unique ignoring case, with a counter "(2)" when needed.
 *
 * Returns: (transfer full): the name
 */
char *
pc_export_sheet_name (const char *wanted,
                      GHashTable *used)
{
  g_autofree char *base = sanitize_sheet_name (wanted);

  g_return_val_if_fail (used != NULL, NULL);

  if (base[0] == '\0' || g_ascii_strcasecmp (base, "History") == 0)
    {
      g_free (base);
      base = g_strdup ("评分表");
    }
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf ("(%u)", n) : g_strdup ("");
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *key = NULL;

      append_limited (name, base, PC_EXPORT_SHEET_NAME_MAX - strlen (suffix));
      /* A cut can leave an apostrophe or a space at the end. */
      trim_name_end (name);
      if (name->len == 0)
        g_string_assign (name, "评分表");
      g_string_append (name, suffix);
      key = g_utf8_casefold (name->str, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_string_free (g_steal_pointer (&name), FALSE);
        }
    }
}

/**
 * pc_export_column_name:
 *
 * Returns: (transfer full): the letters of column @col (0 is "A")
 */
char *
pc_export_column_name (guint col)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  col++;
  while (col > 0 && i > 0)
    {
      buf[--i] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  return g_strdup (buf + i);
}

/* The workbook is a Chinese deliverable in a fixed format, whatever the UI language. */
const char *
pc_export_rating_label (PcRating rating)
{
  switch (rating)
    {
    case PC_RATING_FULL:
      return "充分";
    case PC_RATING_PARTIAL:
      return "部分";
    case PC_RATING_NOT_APPLICABLE:
      return "不适用";
    case PC_RATING_UNSET:
    case PC_RATING_ABSENT:
    default:
      return "未体现";
    }
}

const char *
pc_export_severity_label (PcSeverity severity)
{
  switch (severity)
    {
    case PC_SEVERITY_LOW:
      return "低";
    case PC_SEVERITY_MEDIUM:
      return "中";
    case PC_SEVERITY_HIGH:
      return "高";
    case PC_SEVERITY_NONE:
    default:
      return "";
    }
}

/* The words of the window's register (its zh_CN translation), so that what a reviewer
 * marks there reads the same in the workbook. */
const char *
pc_export_status_label (PcStatus status)
{
  switch (status)
    {
    case PC_STATUS_DISPUTED:
      return "有异议";
    case PC_STATUS_RESOLVED:
      return "已解决";
    case PC_STATUS_OPEN:
    default:
      return "待处理";
    }
}

/* Cards --------------------------------------------------------------------------------- */

static void
clear_item (gpointer data)
{
  PcExportItem *item = data;

  g_free (item->title);
  g_free (item->sections);
  g_free (item->quotes);
  g_free (item->evidence);
  g_free (item->problems);
  g_free (item->fixes);
  g_free (item->reviewers);
}

static void
clear_finding (gpointer data)
{
  PcExportFinding *finding = data;

  g_free (finding->key);
  g_free (finding->code);
  g_free (finding->description);
  g_free (finding->problem);
  g_free (finding->note);
  g_free (finding->section);
  g_free (finding->quote);
  g_free (finding->reviewer);
}

static void
clear_problem (gpointer data)
{
  PcExportProblem *problem = data;

  g_free (problem->section);
  g_free (problem->item_title);
  g_free (problem->quote);
  g_free (problem->problem);
  g_free (problem->fix);
  g_free (problem->reviewer);
  g_free (problem->date);
}

static void
card_clear (PcExportCard *card)
{
  g_free (card->agency);
  g_free (card->published);
  g_free (card->title);
  g_clear_pointer (&card->items, g_array_unref);
  g_clear_pointer (&card->findings, g_array_unref);
  g_clear_pointer (&card->problems, g_array_unref);
  g_free (card->parts);
  g_free (card->grade);
}

PcExportCard *
pc_export_card_ref (PcExportCard *card)
{
  g_return_val_if_fail (card != NULL, NULL);

  return g_atomic_rc_box_acquire (card);
}

void
pc_export_card_unref (PcExportCard *card)
{
  if (card != NULL)
    g_atomic_rc_box_release_full (card, (GDestroyNotify) card_clear);
}

/* A place in the report, written the same way in every sheet: the headings down to it as the
 * register names them, the preamble as 导语, what follows the last section (the signature)
 * as 文末, and a finding about the whole report (no range: a missing part, title or date) as
 * 全文. Chinese whatever the UI language. */
#define LOCATION_PREAMBLE "导语"
#define LOCATION_END      "文末"
#define LOCATION_WHOLE    "全文"

static char *
location_at (PcReport *report,
             guint     offset)
{
  char *headings = pc_register_dup_location (report, offset);

  if (headings)
    return headings;
  /* Outside every section: before the first heading, or after the last one (a signature). */
  return g_strdup (pc_register_is_past_sections (report, offset) ? LOCATION_END : LOCATION_PREAMBLE);
}

static char *
location_of_section (PcReport   *report,
                     const char *path)
{
  PcSection *section;

  if (path == NULL || *path == '\0')
    return g_strdup ("");
  if (g_str_equal (path, "preamble"))
    return g_strdup (LOCATION_PREAMBLE);
  if ((section = pc_report_find_section (report, path)) == NULL)
    return g_strdup (path);
  return location_at (report, pc_section_get_range (section).start);
}

static char *
location_of_finding (PcReport        *report,
                     const PcFinding *finding)
{
  if (finding->range.end > finding->range.start)
    return location_at (report, finding->range.start);
  if (finding->section)
    return location_of_section (report, finding->section);
  return g_strdup (LOCATION_WHOLE);
}

static void
append_line (GString    *s,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, line);
}

static void
append_unique_line (GString    *s,
                    const char *line)
{
  g_auto(GStrv) lines = NULL;

  if (line == NULL || *line == '\0')
    return;
  lines = g_strsplit (s->str, "\n", -1);
  if (!g_strv_contains ((const char * const *) lines, line))
    append_line (s, line);
}

/**
 * pc_export_evidence_line:
 * @place: (nullable): where the evidence is, as location_at() names it
 * @quote: (nullable): what it says there
 *
 * Returns: (transfer full): "place：quote" on one line, or whichever of them there is
 */
char *
pc_export_evidence_line (const char *place,
                         const char *quote)
{
  g_autofree char *flat = g_strstrip (g_strdup (quote ? quote : ""));

  /* One entry a line: a break inside the quote would part it from its place. */
  g_strdelimit (flat, "\r\n", ' ');
  if (place == NULL || *place == '\0')
    return g_steal_pointer (&flat);
  if (*flat == '\0')
    return g_strdup (place);
  return g_strdup_printf ("%s：%s", place, flat);
}

/* The quotes shown, each under the section it comes from, the sections without one alone,
 * then the quotes from a section not among those shown. */
static char *
pair_evidence (const PcItemCoverage *item,
               PcReport             *report)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_sections = item && item->sections ? MIN (item->sections->len, MAX_EVIDENCE_SECTIONS) : 0;
  guint n_quotes = item && item->quotes ? MIN (item->quotes->len, MAX_EVIDENCE_QUOTES) : 0;
  gboolean placed[MAX_EVIDENCE_QUOTES] = { FALSE };

  for (guint i = 0; i < n_sections; i++)
    {
      const char *path = g_ptr_array_index (item->sections, i);
      g_autofree char *place = location_of_section (report, path);
      gboolean quoted = FALSE;

      for (guint q = 0; q < n_quotes; q++)
        {
          const PcQuote *quote = &g_array_index (item->quotes, PcQuote, q);
          g_autofree char *line = NULL;

          if (placed[q] || g_strcmp0 (quote->section, path) != 0)
            continue;
          line = pc_export_evidence_line (place, quote->text);
          append_line (s, line);
          placed[q] = quoted = TRUE;
        }
      if (!quoted)
        append_line (s, place);
    }
  for (guint q = 0; q < n_quotes; q++)
    {
      const PcQuote *quote = &g_array_index (item->quotes, PcQuote, q);
      g_autofree char *place = NULL;
      g_autofree char *line = NULL;

      if (placed[q])
        continue;
      place = location_of_section (report, quote->section);
      line = pc_export_evidence_line (place, quote->text);
      append_line (s, line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
fill_evidence (PcExportItem  *out,
               PcReport      *report,
               PcCoverage    *coverage)
{
  const PcItemCoverage *item = coverage ? pc_coverage_get_item (coverage, out->code) : NULL;
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autoptr(GString) quotes = g_string_new (NULL);

  for (guint i = 0; item && item->sections && i < MIN (item->sections->len, MAX_EVIDENCE_SECTIONS); i++)
    {
      g_autofree char *line = location_of_section (report, g_ptr_array_index (item->sections, i));

      append_line (sections, line);
    }
  for (guint i = 0; item && item->quotes && i < MIN (item->quotes->len, MAX_EVIDENCE_QUOTES); i++)
    append_line (quotes, g_array_index (item->quotes, PcQuote, i).text);
  out->sections = g_string_free (g_steal_pointer (&sections), FALSE);
  out->quotes = g_string_free (g_steal_pointer (&quotes), FALSE);
  out->evidence = pair_evidence (item, report);
}

static gboolean
is_register_kind (PcAnnotationKind kind)
{
  return kind == PC_ANNOTATION_PROBLEM || kind == PC_ANNOTATION_FIX;
}

static void
fill_annotations (PcExportItem *out,
                  GPtrArray    *annotations)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) fixes = g_string_new (NULL);
  g_autoptr(GString) reviewers = g_string_new (NULL);

  for (guint i = 0; annotations && i < annotations->len; i++)
    {
      PcAnnotation *a = g_ptr_array_index (annotations, i);
      PcAnnotationKind kind = pc_annotation_get_kind (a);

      if (pc_annotation_get_item (a) != out->code || !is_register_kind (kind))
        continue;
      if (kind == PC_ANNOTATION_PROBLEM)
        append_line (problems, pc_annotation_get_comment (a));
      else
        append_line (fixes, pc_annotation_get_comment (a));
      append_line (fixes, pc_annotation_get_fix (a));
      append_unique_line (reviewers, pc_annotation_get_reviewer (a));
    }
  out->problems = g_string_free (g_steal_pointer (&problems), FALSE);
  out->fixes = g_string_free (g_steal_pointer (&fixes), FALSE);
  out->reviewers = g_string_free (g_steal_pointer (&reviewers), FALSE);
}

static void
add_items (PcExportCard  *card,
           PcChecklist   *checklist,
           PcReport      *report,
           PcCoverage    *coverage,
           const PcScore *score,
           GPtrArray     *annotations)
{
  guint n = pc_checklist_get_n_items (checklist);
  guint n_chapters = pc_checklist_get_n_chapters (checklist);

  card->items = g_array_sized_new (FALSE, TRUE, sizeof (PcExportItem), n);
  g_array_set_clear_func (card->items, clear_item);
  for (guint i = 0; i < n; i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);
      PcExportItem out = { 0 };

      out.code = item->code;
      out.chapter = item->chapter;
      out.title = g_strconcat (item->label ? item->label : "", item->title ? item->title : "", NULL);
      out.weight = item->weight;
      out.block = pc_checklist_get_item_block_index (checklist, i) + 1;
      out.block_points = pc_checklist_get_block (checklist, out.block - 1)->points;
      if (item->code >= 1 && item->code <= score->n_items)
        {
          const PcItemScore *s = &score->items[item->code - 1];

          out.rating = s->rating;
          out.points = s->points;
          out.max_points = s->max_points;
        }
      fill_evidence (&out, report, coverage);
      fill_annotations (&out, annotations);
      if (item->chapter >= 1 && item->chapter <= n_chapters)
        card->parts[item->chapter - 1] += out.points;
      g_array_append_val (card->items, out);
    }
}

static const char *
deduction_description (PcChecklist *checklist,
                       const char  *code)
{
  for (guint i = 0; i < pc_checklist_get_n_deductions (checklist); i++)
    {
      const PcChecklistDeduction *d = pc_checklist_get_deduction (checklist, i);

      if (g_strcmp0 (d->code, code) == 0 && d->description)
        return d->description;
    }
  return pc_finding_code_describe_chinese (code);
}

static const PcFindingStatus *
find_status (GPtrArray       *statuses,
             const PcFinding *finding)
{
  g_autofree char *key = NULL;

  if (statuses == NULL || statuses->len == 0)
    return NULL;
  key = pc_finding_dup_key (finding);
  for (guint i = 0; i < statuses->len; i++)
    {
      const PcFindingStatus *status = g_ptr_array_index (statuses, i);

      if (g_strcmp0 (status->finding_key, key) == 0)
        return status;
    }
  return NULL;
}

static const char *
find_status_date (GPtrArray       *statuses,
                  const PcFinding *finding)
{
  const PcFindingStatus *status = find_status (statuses, finding);

  return status ? status->modified : NULL;
}

static char *
finding_quote (PcReport  *report,
               PcFinding *finding)
{
  PcRange range = finding->range;

  if (range.end <= range.start)
    return g_strdup ("");
  range.end = MIN (range.end, range.start + MAX_FINDING_QUOTE);
  /* As the register shows a quote: without the line breaks and spaces around it. */
  return g_strstrip (pc_report_dup_slice (report, range));
}

static void
add_findings (PcExportCard *card,
              PcChecklist  *checklist,
              PcReport     *report,
              GPtrArray    *statuses)
{
  GPtrArray *findings = pc_report_get_findings (report);

  card->findings = g_array_new (FALSE, TRUE, sizeof (PcExportFinding));
  g_array_set_clear_func (card->findings, clear_finding);
  for (guint i = 0; findings && i < findings->len; i++)
    {
      PcFinding *finding = g_ptr_array_index (findings, i);
      const PcFindingStatus *status = find_status (statuses, finding);
      const char *description = deduction_description (checklist, finding->code);
      PcExportFinding out = { 0 };

      out.key = pc_finding_dup_key (finding);
      out.code = g_strdup (finding->code);
      if (finding->part)
        out.description = g_strdup_printf ("%s：%s", description, pc_part_key_describe_chinese (finding->part));
      else
        out.description = g_strdup (description);
      /* The scorecard gives the checklist's rule (what it costs); the register says what is
       * wrong, as the window's register does. */
      if (finding->part)
        out.problem = g_strdup_printf ("%s：%s", pc_finding_code_describe_chinese (finding->code),
                                       pc_part_key_describe_chinese (finding->part));
      else
        out.problem = g_strdup (pc_finding_code_describe_chinese (finding->code));
      out.section = location_of_finding (report, finding);
      out.quote = finding_quote (report, finding);
      out.deduction = pc_checklist_get_deduction_points (checklist, finding->code);
      out.status = status ? status->status : PC_STATUS_OPEN;
      out.reviewer = g_strdup (status ? status->reviewer : NULL);
      out.note = g_strdup (status ? status->note : NULL);
      g_array_append_val (card->findings, out);
    }
}

/* A quote as the register shows it: without the line breaks and spaces around it. */
static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* A problem's comment is the problem and its fix the fix; a fix annotation's comment is the
 * fix unless it has a fix of its own, when the comment is kept beside it. */
static void
fill_problem_and_fix (PcExportProblem *out,
                      gboolean         is_fix,
                      const char      *comment,
                      const char      *fix)
{
  if (is_fix && (fix == NULL || *fix == '\0'))
    {
      out->problem = g_strdup ("");
      out->fix = g_strdup (comment);
      return;
    }
  out->problem = g_strdup (comment);
  out->fix = g_strdup (fix);
}

static char *
date_part (const char *iso8601)
{
  if (iso8601 == NULL)
    return g_strdup ("");
  return g_strndup (iso8601, MIN (strlen (iso8601), 10));
}

static void
add_problems (PcExportCard *card,
              PcChecklist  *checklist,
              PcReport     *report,
              GPtrArray    *annotations,
              GPtrArray    *statuses)
{
  GPtrArray *findings = pc_report_get_findings (report);

  card->problems = g_array_new (FALSE, TRUE, sizeof (PcExportProblem));
  g_array_set_clear_func (card->problems, clear_problem);
  for (guint i = 0; annotations && i < annotations->len; i++)
    {
      PcAnnotation *a = g_ptr_array_index (annotations, i);
      const PcChecklistItem *item = pc_checklist_find_item (checklist, pc_annotation_get_item (a));
      PcExportProblem out = { 0 };
      gboolean is_fix = pc_annotation_get_kind (a) == PC_ANNOTATION_FIX;

      if (!is_register_kind (pc_annotation_get_kind (a)))
        continue;
      out.section = location_at (report, pc_annotation_get_start (a));
      out.item = item ? item->code : 0;
      out.item_title = item ? g_strconcat (item->label, item->title, NULL) : g_strdup ("");
      out.quote = trimmed (pc_annotation_get_quote (a));
      fill_problem_and_fix (&out, is_fix, pc_annotation_get_comment (a), pc_annotation_get_fix (a));
      out.severity = pc_annotation_get_severity (a);
      out.status = pc_annotation_get_status (a);
      out.reviewer = g_strdup (pc_annotation_get_reviewer (a));
      out.date = date_part (pc_annotation_get_modified (a) ? pc_annotation_get_modified (a)
                                                           : pc_annotation_get_created (a));
      g_array_append_val (card->problems, out);
    }
  for (guint i = 0; findings && i < findings->len; i++)
    {
      PcFinding *finding = g_ptr_array_index (findings, i);
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);
      PcExportProblem out = { 0 };

      out.section = g_strdup (f->section);
      out.item_title = g_strdup ("报告形式");
      out.quote = g_strdup (f->quote);
      out.problem = g_strdup (f->problem);
      out.fix = g_strdup (f->note);
      out.severity = pc_scoring_finding_severity (checklist, f->code);
      out.status = f->status;
      out.reviewer = g_strdup (f->reviewer);
      out.date = date_part (find_status_date (statuses, finding));
      g_array_append_val (card->problems, out);
    }
}

/**
 * pc_export_card_new:
 * @coverage: (nullable): the engine's reading, for the evidence
 * @score: the score, from pc_coverage_score() or the project's review
 * @annotations: (nullable) (element-type PcAnnotation): the report's annotations
 * @finding_statuses: (nullable) (element-type PcFindingStatus): the register status of
 *   the report's form findings
 *
 * Returns: (transfer full): what the workbook shows of @report
 */
PcExportCard *
pc_export_card_new (PcChecklist   *checklist,
                    PcReport      *report,
                    PcCoverage    *coverage,
                    const PcScore *score,
                    GPtrArray     *annotations,
                    GPtrArray     *finding_statuses)
{
  g_autoptr(PcExportCard) card = g_atomic_rc_box_new0 (PcExportCard);
  guint n_chapters;

  g_return_val_if_fail (PC_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);
  g_return_val_if_fail (score != NULL, NULL);

  n_chapters = pc_checklist_get_n_chapters (checklist);
  card->report_id = pc_report_get_id (report);
  card->agency = g_strdup (pc_report_get_agency (report));
  card->year = pc_report_get_year (report);
  card->published = g_strdup (pc_report_get_published (report) ? pc_report_get_published (report)
                                                                 : pc_report_get_date (report));
  card->title = g_strdup (pc_report_get_title (report));
  card->n_parts = n_chapters + 1;
  card->parts = g_new0 (double, card->n_parts);
  add_items (card, checklist, report, coverage, score, annotations);
  add_findings (card, checklist, report, finding_statuses);
  add_problems (card, checklist, report, annotations, finding_statuses);
  card->items_points = score->items_points;
  card->form_points = score->form_points;
  card->form_max = score->form_max;
  card->parts[n_chapters] = score->form_points;
  card->possible = score->items_max + score->form_max;
  card->total = score->total;
  card->grade = g_strdup (score->grade);
  return g_steal_pointer (&card);
}

/**
 * pc_export_card_add_reviewer:
 * @reviewer: (nullable): someone who reviewed item @code, such as who set its rating
 *
 * Names @reviewer among the item's reviewers, once.
 */
void
pc_export_card_add_reviewer (PcExportCard *card,
                             guint         code,
                             const char   *reviewer)
{
  g_autoptr(GString) reviewers = NULL;

  g_return_if_fail (card != NULL);

  for (guint i = 0; i < card->items->len; i++)
    {
      PcExportItem *item = &g_array_index (card->items, PcExportItem, i);

      if (item->code != code)
        continue;
      reviewers = g_string_new (item->reviewers);
      append_unique_line (reviewers, reviewer);
      g_free (item->reviewers);
      item->reviewers = g_string_free (g_steal_pointer (&reviewers), FALSE);
      return;
    }
}

static const PcExportFinding *
find_card_finding (PcExportCard *card,
                   const char   *key)
{
  for (guint i = 0; key && i < card->findings->len; i++)
    {
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);

      if (g_strcmp0 (f->key, key) == 0)
        return f;
    }
  return NULL;
}

/**
 * pc_export_card_set_register:
 * @report: the report of @card, to name the rows' places
 * @entries: (element-type PcRegisterEntry): the report's rows of the project's findings
 *   register, from pc_register_build()
 *
 * Makes the card's problem rows the register's problems, fixes and form findings, so that
 * the workbook lists what the register window shows.
 */
void
pc_export_card_set_register (PcExportCard *card,
                             PcChecklist  *checklist,
                             PcReport     *report,
                             GPtrArray    *entries)
{
  g_return_if_fail (card != NULL);
  g_return_if_fail (PC_IS_CHECKLIST (checklist));
  g_return_if_fail (PC_IS_REPORT (report));
  g_return_if_fail (entries != NULL);

  g_array_set_size (card->problems, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      PcRegisterEntry *entry = g_ptr_array_index (entries, i);
      gboolean finding = pc_register_entry_is_finding (entry);
      PcAnnotationKind kind = pc_register_entry_get_kind (entry);
      const PcChecklistItem *item = pc_checklist_find_item (checklist, pc_register_entry_get_item (entry));
      const PcExportFinding *f = finding ? find_card_finding (card, pc_register_entry_get_finding_key (entry)) : NULL;
      PcExportProblem out = { 0 };

      /* A form finding the reading does not make (the prior-year part, which the window
       * lists only for the reviewers who require it) is not the report's finding. */
      if (finding && f == NULL)
        continue;
      if (!finding && !is_register_kind (kind))
        continue;
      /* The window's register names places in the UI language; the workbook in Chinese,
       * the same way as the scorecard. */
      out.section = f ? g_strdup (f->section) : location_at (report, pc_register_entry_get_start (entry));
      out.item = item ? item->code : 0;
      if (finding)
        out.item_title = g_strdup ("报告形式");
      else
        out.item_title = item ? g_strconcat (item->label, item->title, NULL) : g_strdup ("");
      out.quote = trimmed (pc_register_entry_get_quote (entry));
      if (f)
        {
          out.problem = g_strdup (f->problem);
          out.fix = g_strdup (f->note);
        }
      else
        fill_problem_and_fix (&out, kind == PC_ANNOTATION_FIX, pc_register_entry_get_comment (entry),
                              pc_register_entry_get_fix (entry));
      /* The register rates form findings as the scorecard does. */
      out.severity = pc_register_entry_get_severity (entry);
      out.status = pc_register_entry_get_status (entry);
      out.reviewer = g_strdup (pc_register_entry_get_reviewer (entry));
      out.date = date_part (pc_register_entry_get_date (entry));
      g_array_append_val (card->problems, out);
    }
}

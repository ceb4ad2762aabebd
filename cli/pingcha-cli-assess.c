/* pingcha-cli-assess.c — `pingcha-cli assess`: coverage, evidence, ratings and score.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pingcha-cli"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pc-checklist.h"
#include "pc-compare.h"
#include "pc-coverage.h"
#include "pc-project-review.h"
#include "pc-reader.h"
#include "pingcha-cli-assess.h"

static void
add_item (JsonBuilder          *b,
          PcCoverage           *coverage,
          const PcScore        *score,
          guint                 code)
{
  const PcItemCoverage *item = pc_coverage_get_item (coverage, code);
  const PcItemScore *s = &score->items[code - 1];

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "item");
  json_builder_add_int_value (b, code);
  json_builder_set_member_name (b, "suggested");
  json_builder_add_boolean_value (b, item->suggested);
  json_builder_set_member_name (b, "confidence");
  json_builder_add_double_value (b, round (item->confidence * 1000) / 1000);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->sections->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (item->sections, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->quotes->len; i++)
    {
      const PcQuote *quote = &g_array_index (item->quotes, PcQuote, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "quote");
      json_builder_add_string_value (b, quote->text);
      json_builder_set_member_name (b, "phrase");
      json_builder_add_string_value (b, quote->phrase);
      json_builder_set_member_name (b, "section");
      json_builder_add_string_value (b, quote->section);
      json_builder_set_member_name (b, "range");
      json_builder_begin_array (b);
      json_builder_add_int_value (b, quote->range.start);
      json_builder_add_int_value (b, quote->range.end);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence_strength");
  json_builder_add_double_value (b, round (item->evidence.strength * 1000) / 1000);
  if (item->decided)
    {
      json_builder_set_member_name (b, "decision");
      json_builder_add_string_value (b, pc_decision_to_string (item->decision));
    }
  json_builder_set_member_name (b, "proposed");
  json_builder_add_string_value (b, pc_rating_to_string (item->proposed));
  json_builder_set_member_name (b, "rating");
  json_builder_add_string_value (b, pc_rating_to_string (s->rating));
  json_builder_set_member_name (b, "points");
  json_builder_add_double_value (b, round (s->points * 100) / 100);
  json_builder_set_member_name (b, "max_points");
  json_builder_add_double_value (b, round (s->max_points * 100) / 100);
  json_builder_end_object (b);
}

static void
add_low_relevance (JsonBuilder *b,
                   PcCoverage  *coverage)
{
  json_builder_set_member_name (b, "low_relevance_sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < pc_coverage_get_n_sections (coverage); i++)
    {
      const PcSectionCoverage *section = pc_coverage_get_section (coverage, i);

      if (section->low_relevance)
        json_builder_add_string_value (b, section->path);
    }
  json_builder_end_array (b);
}

static void
add_score (JsonBuilder   *b,
           const PcScore *score)
{
  json_builder_set_member_name (b, "score");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_double_value (b, round (score->total * 100) / 100);
  json_builder_set_member_name (b, "grade");
  json_builder_add_string_value (b, score->grade);
  json_builder_set_member_name (b, "items_points");
  json_builder_add_double_value (b, round (score->items_points * 100) / 100);
  json_builder_set_member_name (b, "items_max");
  json_builder_add_double_value (b, round (score->items_max * 100) / 100);
  json_builder_set_member_name (b, "form_points");
  json_builder_add_double_value (b, round (score->form_points * 100) / 100);
  json_builder_set_member_name (b, "form_max");
  json_builder_add_double_value (b, round (score->form_max * 100) / 100);
  json_builder_end_object (b);
}

/**
 * pc_cli_assessment_to_json:
 *
 * The reading of the report (as `read --json` prints it) with `items`, `low_relevance_sections`
 * and `score` added.
 */
static JsonNode *
assessment_to_json (PcCoverage    *coverage,
                    const PcScore *score)
{
  PcReport *report = pc_coverage_get_report (coverage);
  g_autofree char *reading = pc_report_to_json (report, FALSE);
  g_autoptr(JsonNode) root = json_from_string (reading, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) extra = NULL;
  JsonObject *object, *extra_object;
  GList *members;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint code = 1; code <= pc_coverage_get_n_items (coverage); code++)
    add_item (b, coverage, score, code);
  json_builder_end_array (b);
  add_low_relevance (b, coverage);
  add_score (b, score);
  json_builder_end_object (b);
  extra = json_builder_get_root (b);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&extra);
  object = json_node_get_object (root);
  extra_object = json_node_get_object (extra);
  members = json_object_get_members (extra_object);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (object, l->data, json_node_ref (json_object_get_member (extra_object, l->data)));
  g_list_free (members);
  return g_steal_pointer (&root);
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_text (PcCoverage    *coverage,
            const PcScore *score,
            const char    *name)
{
  g_print ("%s\n", name);
  for (guint code = 1; code <= pc_coverage_get_n_items (coverage); code++)
    {
      const PcItemCoverage *item = pc_coverage_get_item (coverage, code);
      g_autofree char *sections = NULL;

      if (!item->suggested && score->items[code - 1].rating == PC_RATING_ABSENT)
        continue;
      g_ptr_array_add (item->sections, NULL);
      sections = g_strjoinv (", ", (char **) item->sections->pdata);
      g_ptr_array_set_size (item->sections, item->sections->len - 1);
      g_print ("  %2u  %.2f  %-16s %5.2f/%-5.2f  %s\n", code, item->confidence,
               pc_rating_label (score->items[code - 1].rating),
               score->items[code - 1].points, score->items[code - 1].max_points, sections);
    }
  /* Translators: total points out of 100, then the grade band */
  g_print (_("  Total: %.1f (%s); form %.1f of %.1f\n"), score->total, score->grade,
           score->form_points, score->form_max);
}

static int
assess_files (PcCoverageEngine *engine,
              int               argc,
              char            **argv,
              gboolean          json)
{
  int status = 0;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(PcReport) report = NULL;
      g_autoptr(PcCoverage) coverage = NULL;
      g_autoptr(PcScore) score = NULL;
      g_autoptr(GError) error = NULL;

      report = pc_reader_read_file (argv[i], NULL, &error);
      if (report == NULL)
        {
          /* Translators: a file name, then the reason it could not be read */
          g_printerr (_("%s: %s\n"), argv[i], error->message);
          status = 1;
          continue;
        }
      coverage = pc_coverage_engine_run (engine, report);
      score = pc_coverage_score (coverage, NULL);
      if (json)
        {
          g_autoptr(JsonNode) node = assessment_to_json (coverage, score);

          print_json (node);
        }
      else
        print_text (coverage, score, argv[i]);
    }
  return status;
}

static int
assess_project (const char *path,
                gboolean    json)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  project = pc_project_open (path, &error);
  if (project == NULL ||
      (results = pc_project_review_assess_all (project, NULL, &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), path, error->message);
      return 1;
    }
  for (guint i = 0; i < results->len; i++)
    {
      PcReviewResult *result = g_ptr_array_index (results, i);

      if (json)
        json_array_add_element (array, assessment_to_json (result->coverage, result->score));
      else
        {
          g_autofree char *name = pc_report_dup_display_name (pc_coverage_get_report (result->coverage));

          print_text (result->coverage, result->score, name);
        }
    }
  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, array);
      print_json (node);
    }
  return 0;
}

int
pc_cli_assess (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autofree char *project = NULL;
  g_autofree char *checklist_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcCoverageEngine) engine = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the assessment as JSON"), NULL },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project, N_("Assess every report of a project and store the results"), N_("FILE") },
    { "checklist", 'c', 0, G_OPTION_ARG_FILENAME, &checklist_path, N_("Use this checklist instead of the built-in outline"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("assess FILE… | --project FILE — suggest outline items and score reports"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (project)
    return assess_project (project, json);
  if (argc < 3)
    {
      g_printerr ("%s\n", _("Give at least one report file, or --project"));
      return 2;
    }

  if (checklist_path)
    checklist = pc_checklist_new_from_file (checklist_path, &error);
  else
    checklist = pc_checklist_new_default ();
  if (checklist == NULL)
    {
      g_printerr (_("%s: %s\n"), checklist_path, error->message);
      return 2;
    }
  engine = pc_coverage_engine_new (checklist);
  return assess_files (engine, argc, argv, json);
}

static PcScore *
score_file (PcCoverageEngine  *engine,
            const char        *path,
            GError           **error)
{
  g_autoptr(PcReport) report = pc_reader_read_file (path, NULL, error);
  g_autoptr(PcCoverage) coverage = NULL;

  if (report == NULL)
    return NULL;
  coverage = pc_coverage_engine_run (engine, report);
  return pc_coverage_score (coverage, NULL);
}

static const char *
row_kind (PcCompareRowKind kind)
{
  return kind == PC_COMPARE_ROW_CHAPTER ? "part" : kind == PC_COMPARE_ROW_ITEM ? "item" : "form";
}

static const char *
change_name (PcCompareChange change)
{
  return change == PC_COMPARE_BETTER ? "better" : change == PC_COMPARE_WORSE ? "worse" : "same";
}

static JsonNode *
comparison_to_json (const PcComparison *cmp)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_begin_array (b);
  json_builder_add_double_value (b, round (cmp->total[0] * 100) / 100);
  json_builder_add_double_value (b, round (cmp->total[1] * 100) / 100);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "grade");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, cmp->grade[0]);
  json_builder_add_string_value (b, cmp->grade[1]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "better");
  json_builder_add_int_value (b, cmp->n_better);
  json_builder_set_member_name (b, "worse");
  json_builder_add_int_value (b, cmp->n_worse);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const PcCompareRow *row = &g_array_index (cmp->rows, PcCompareRow, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, row_kind (row->kind));
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, row->code);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, row->label);
      if (row->kind == PC_COMPARE_ROW_ITEM)
        {
          json_builder_set_member_name (b, "rating");
          json_builder_begin_array (b);
          json_builder_add_string_value (b, pc_rating_to_string (row->rating[0]));
          json_builder_add_string_value (b, pc_rating_to_string (row->rating[1]));
          json_builder_end_array (b);
        }
      json_builder_set_member_name (b, "points");
      json_builder_begin_array (b);
      json_builder_add_double_value (b, round (row->points[0] * 100) / 100);
      json_builder_add_double_value (b, round (row->points[1] * 100) / 100);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "change");
      json_builder_add_string_value (b, change_name (pc_compare_row_change (row)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_comparison (const PcComparison *cmp,
                  const char         *first,
                  const char         *second)
{
  /* Translators: the two files compared */
  g_print (_("%s → %s\n"), first, second);
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const PcCompareRow *row = &g_array_index (cmp->rows, PcCompareRow, i);
      PcCompareChange change = pc_compare_row_change (row);
      const char *mark = change == PC_COMPARE_BETTER ? "+" : change == PC_COMPARE_WORSE ? "-" : " ";

      if (row->kind == PC_COMPARE_ROW_ITEM && change == PC_COMPARE_SAME)
        continue;
      g_print ("%s %s%s  %5.2f → %5.2f\n", mark, row->kind == PC_COMPARE_ROW_ITEM ? "    " : "",
               row->label, row->points[0], row->points[1]);
    }
  /* Translators: totals and grades of the two reports, then how many items changed */
  g_print (_("Total: %.1f (%s) → %.1f (%s); %u items better, %u worse\n"), cmp->total[0],
           cmp->grade[0], cmp->total[1], cmp->grade[1], cmp->n_better, cmp->n_worse);
}

/**
 * pc_cli_compare:
 *
 * `pingcha-cli compare [--json] FIRST SECOND`: the engine's assessment of two report files
 * side by side, part by part and item by item; items that did not change are left out of the
 * text form.
 */
int
pc_cli_compare (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(PcCoverageEngine) engine = pc_coverage_engine_new (checklist);
  g_autoptr(PcScore) first = NULL;
  g_autoptr(PcScore) second = NULL;
  g_autoptr(PcComparison) cmp = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FIRST SECOND — compare two reports item by item"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 4)
    {
      g_printerr ("%s\n", _("compare takes two report files"));
      return 2;
    }
  if ((first = score_file (engine, argv[2], &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), argv[2], error->message);
      return 1;
    }
  if ((second = score_file (engine, argv[3], &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), argv[3], error->message);
      return 1;
    }
  cmp = pc_comparison_new (checklist, first, second);
  if (json)
    {
      g_autoptr(JsonNode) node = comparison_to_json (cmp);

      print_json (node);
    }
  else
    print_comparison (cmp, argv[2], argv[3]);
  return 0;
}

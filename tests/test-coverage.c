/* test-coverage.c — coverage suggestions and form points against the shared corpus, and on
 * reports the engine cannot have been tuned to: titles replaced, sentences shuffled.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "pc-coverage.h"
#include "pc-reader.h"

static const char *corpus_names[] = {
  "kaiping-2025", "pingshan-2024", "pudong-2023", "wuhan-2021", "zhangzhou-2023",
};

static PcCoverageEngine *engine;

static char *
corpus_path (const char *sub,
             const char *name)
{
  const char *dir = g_getenv ("PINGCHA_CORPUS_DIR");

  if (dir == NULL)
    dir = "../shared/corpus";
  return g_build_filename (dir, sub, name, NULL);
}

static JsonParser *
load_expected (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *path = corpus_path ("expected", file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&parser);
}

static PcReport *
read_report (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.txt", name);
  g_autofree char *path = corpus_path ("reports", file);
  g_autoptr(GError) error = NULL;
  PcReport *report = pc_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* Items of expected/NAME.json's outline_items.@list as a set of codes (bit i = item i). */
static guint64
expected_items (JsonParser *parser,
                const char *list)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *array = json_object_get_array_member (json_object_get_object_member (root, "outline_items"), list);
  guint64 set = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    set |= G_GUINT64_CONSTANT (1) << json_array_get_int_element (array, i);
  return set;
}

static guint64
suggested_items (PcCoverage *coverage)
{
  guint64 set = 0;

  for (guint code = 1; code <= pc_coverage_get_n_items (coverage); code++)
    if (pc_coverage_get_item (coverage, code)->suggested)
      set |= G_GUINT64_CONSTANT (1) << code;
  return set;
}

static char *
describe_set (guint64 set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i < 64; i++)
    if (set & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (s, "%s%u", s->len ? " " : "", i);
  return g_string_free (s, FALSE);
}

typedef struct
{
  guint must, must_found, suggested, suggested_ok;
} Tally;

static void
tally_report (PcCoverage *coverage,
              JsonParser *expected,
              const char *name,
              Tally      *tally)
{
  guint64 must = expected_items (expected, "must");
  guint64 may = expected_items (expected, "may");
  guint64 got = suggested_items (coverage);
  g_autofree char *missed = describe_set (must & ~got);
  g_autofree char *extra = describe_set (got & ~(must | may));
  guint n_must = __builtin_popcountll (must);
  guint n_found = __builtin_popcountll (must & got);
  guint n_got = __builtin_popcountll (got);
  guint n_ok = __builtin_popcountll (got & (must | may));

  g_test_message ("%-15s must found %u/%u (%.0f %%), suggested in must∪may %u/%u (%.0f %%); "
                  "missed [%s], outside [%s]", name, n_found, n_must, 100.0 * n_found / MAX (n_must, 1),
                  n_ok, n_got, 100.0 * n_ok / MAX (n_got, 1), missed, extra);
  tally->must += n_must;
  tally->must_found += n_found;
  tally->suggested += n_got;
  tally->suggested_ok += n_ok;
}

static void
test_corpus_coverage (void)
{
  Tally tally = { 0 };
  double recall, precision;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autoptr(PcReport) report = read_report (corpus_names[i]);
      g_autoptr(JsonParser) expected = load_expected (corpus_names[i]);
      g_autoptr(PcCoverage) coverage = pc_coverage_engine_run (engine, report);

      tally_report (coverage, expected, corpus_names[i], &tally);
    }
  recall = (double) tally.must_found / tally.must;
  precision = (double) tally.suggested_ok / tally.suggested;
  g_test_message ("overall: must found %u/%u (%.1f %%), suggested in must∪may %u/%u (%.1f %%)",
                  tally.must_found, tally.must, 100 * recall,
                  tally.suggested_ok, tally.suggested, 100 * precision);
  g_assert_cmpfloat (recall, >=, 0.80);
  g_assert_cmpfloat (precision, >=, 0.70);
}

static void
test_corpus_parts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autoptr(PcReport) report = read_report (corpus_names[i]);
      g_autoptr(JsonParser) expected = load_expected (corpus_names[i]);
      JsonObject *parts = json_object_get_object_member (json_node_get_object (json_parser_get_root (expected)), "parts");
      g_autoptr(GList) keys = json_object_get_members (parts);

      for (GList *l = keys; l; l = l->next)
        {
          JsonObject *want = json_object_get_object_member (parts, l->data);
          PcPart *got = pc_report_find_part (report, l->data);
          const char *section = json_object_get_string_member_with_default (want, "section", NULL);

          g_test_message ("%s %s", corpus_names[i], (const char *) l->data);
          g_assert_nonnull (got);
          g_assert_cmpint (got->present, ==, json_object_get_boolean_member (want, "present"));
          g_assert_cmpstr (got->section, ==, section);
        }
    }
}

static double
form_points_of (const char *name)
{
  g_autoptr(PcReport) report = read_report (name);

  return pc_scoring_form_points (pc_coverage_engine_get_checklist (engine), pc_report_get_findings (report));
}

static void
test_corpus_form_points (void)
{
  double pudong = form_points_of ("pudong-2023");
  double kaiping = form_points_of ("kaiping-2025");

  g_test_message ("form points: pudong-2023 %.1f, kaiping-2025 %.1f", pudong, kaiping);
  g_assert_cmpfloat (pudong, <, kaiping);
}

static void
test_corpus_evidence (void)
{
  g_autoptr(PcReport) report = read_report ("pudong-2023");
  g_autoptr(PcCoverage) coverage = pc_coverage_engine_run (engine, report);
  const PcItemCoverage *item = pc_coverage_get_item (coverage, 14);
  g_autofree char *text = NULL;

  /* 实施行政处罚732起、罚款569万元: enforcement is evidenced by facts. */
  g_assert_true (item->suggested);
  g_assert_cmpuint (item->evidence.quantified, >, 0);
  g_assert_cmpuint (item->quotes->len, >, 0);
  for (guint i = 0; i < item->quotes->len; i++)
    {
      const PcQuote *quote = &g_array_index (item->quotes, PcQuote, i);
      g_autofree char *slice = pc_report_dup_slice (report, quote->range);

      g_assert_cmpstr (slice, ==, quote->text);
      g_assert_nonnull (strstr (quote->text, quote->phrase) ? quote->text : NULL);
    }
}

static void
test_evidence_units (void)
{
  static const struct { const char *text; gboolean quantified; gboolean instrument; } cases[] = {
    { "全年办理行政复议案件3件。", TRUE, FALSE },
    { "罚款569万元，整改率为93.8%。", TRUE, FALSE },
    { "帮扶指导企业13171家次。", TRUE, FALSE },
    { "2023年，坚持依法行政。", FALSE, FALSE },
    { "制定《浦东新区值班工作规范》。", FALSE, TRUE },
    { "深入贯彻习近平法治思想。", FALSE, FALSE },
    { "依照《安全生产法》第33条第2款处理。", FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong len = 0;
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (cases[i].text, -1, &len);
      PcRange all = { 0, len };

      g_assert_cmpint (pc_evidence_is_quantified (chars, all), ==, cases[i].quantified);
      g_assert_cmpint (pc_evidence_has_instrument (chars, all), ==, cases[i].instrument);
    }
  g_assert_cmpfloat (pc_evidence_strength_for (3, 0, 0), >, pc_evidence_strength_for (0, 3, 0));
  g_assert_cmpfloat (pc_evidence_strength_for (0, 3, 0), >, pc_evidence_strength_for (0, 0, 3));
  g_assert_cmpfloat (pc_evidence_strength_for (0, 0, 50), <, 0.5);
  /* One fact is enough for 充分; slogans never tip the balance. */
  g_assert_cmpfloat (pc_evidence_strength_for (1, 0, 0), >=, 0.5);
  g_assert_cmpfloat (pc_evidence_strength_for (0, 1, 50), <, 0.5);
  g_assert_cmpfloat (pc_evidence_strength_for (0, 2, 0), >=, 0.5);
}

/* Generalisation: the same reports with every section title replaced by a neutral one, and
 * with all sentences shuffled into one paragraph without any section. The engine must still
 * find the items from the body text alone. */

static char *
neutralise_titles (PcReport *report)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (PcRange));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  const char *text = pc_report_get_text (report);
  GString *out = g_string_new (NULL);
  guint pos = 0;
  GListModel *top = pc_report_get_sections (report);

  for (guint i = 0; i < g_list_model_get_n_items (top); i++)
    g_ptr_array_add (stack, g_list_model_get_item (top, i));
  /* Headings in text order: walk the tree depth-first. */
  while (stack->len > 0)
    {
      g_autoptr(PcSection) section = g_ptr_array_steal_index (stack, 0);
      PcRange heading = pc_section_get_heading (section);
      guint label_len = g_utf8_strlen (pc_section_get_label (section) ? pc_section_get_label (section) : "", -1);
      PcRange title = { heading.start + label_len, heading.end };

      g_array_append_val (ranges, title);
      for (guint c = pc_section_get_n_children (section); c > 0; c--)
        g_ptr_array_insert (stack, 0, g_object_ref (pc_section_get_child (section, c - 1)));
    }
  for (guint i = 0; i < ranges->len; i++)
    {
      PcRange r = g_array_index (ranges, PcRange, i);
      const char *a = g_utf8_offset_to_pointer (text, pos);
      const char *b = g_utf8_offset_to_pointer (text, r.start);

      g_string_append_len (out, a, b - a);
      g_string_append (out, "本部分工作情况。");
      pos = r.end;
    }
  g_string_append (out, g_utf8_offset_to_pointer (text, pos));
  return g_string_free (out, FALSE);
}

static char *
shuffle_sentences (PcReport *report,
                   guint32   seed)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *text = pc_report_get_text (report);
  GString *current = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n')
        g_string_append_unichar (current, c);
      if (c == 0x3002 || c == '\n')
        {
          if (current->len > 0)
            g_ptr_array_add (sentences, g_string_free (g_steal_pointer (&current), FALSE));
          current = g_string_new (NULL);
        }
    }
  g_ptr_array_add (sentences, g_string_free (current, FALSE));
  for (guint i = sentences->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = sentences->pdata[i - 1];

      sentences->pdata[i - 1] = sentences->pdata[j];
      sentences->pdata[j] = tmp;
    }
  for (guint i = 0; i < sentences->len; i++)
    g_string_append (out, g_ptr_array_index (sentences, i));
  return g_string_free (out, FALSE);
}

static void
check_transformed (char *(*transform) (PcReport *report, guint32 seed),
                   const char *what,
                   double      min_recall)
{
  Tally tally = { 0 };
  double recall;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autoptr(PcReport) original = read_report (corpus_names[i]);
      g_autoptr(JsonParser) expected = load_expected (corpus_names[i]);
      g_autofree char *text = transform (original, 1000 + i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PcReport) report = pc_reader_read (text, &error);
      g_autoptr(PcCoverage) coverage = NULL;

      g_assert_no_error (error);
      coverage = pc_coverage_engine_run (engine, report);
      tally_report (coverage, expected, corpus_names[i], &tally);
    }
  recall = (double) tally.must_found / tally.must;
  g_test_message ("%s: must found %u/%u (%.1f %%), suggested in must∪may %u/%u",
                  what, tally.must_found, tally.must, 100 * recall, tally.suggested_ok, tally.suggested);
  g_assert_cmpfloat (recall, >=, min_recall);
}

static char *
neutralise_titles_seeded (PcReport *report,
                          guint32   seed)
{
  return neutralise_titles (report);
}

static void
test_generalise_no_titles (void)
{
  check_transformed (neutralise_titles_seeded, "titles replaced", 0.70);
}

static void
test_generalise_shuffled (void)
{
  check_transformed (shuffle_sentences, "sentences shuffled", 0.70);
}

static void
test_low_relevance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read (
    "某局2023年法治政府建设情况报告\n"
    "一、推进依法行政\n"
    "严格落实重大行政决策程序，开展合法性审查12件，组织公众参与和专家论证。\n"
    "二、做好防汛防台风和森林防灭火工作\n"
    "汛期组织抢险救灾队伍转移群众3200人，调拨救灾物资500件，开展森林防灭火巡查。\n"
    "三、做好灾后恢复重建\n"
    "下拨救灾资金326万元，救助受灾群众1.2万人次，修复受损房屋230户。\n"
    "四、森林防火\n"
    "全年开展森林防火巡查1200人次，扑灭山火3起，处置森林火灾热点12个。\n",
    &error);
  g_autoptr(PcCoverage) coverage = NULL;
  gboolean seen_low = FALSE, seen_legal = FALSE;

  g_assert_no_error (error);
  coverage = pc_coverage_engine_run (engine, report);
  for (guint i = 0; i < pc_coverage_get_n_sections (coverage); i++)
    {
      const PcSectionCoverage *section = pc_coverage_get_section (coverage, i);

      if (g_str_equal (section->path, "1"))
        {
          seen_legal = TRUE;
          g_assert_false (section->low_relevance);
        }
      if (g_str_equal (section->path, "2") || g_str_equal (section->path, "3") ||
          g_str_equal (section->path, "4"))
        {
          seen_low = TRUE;
          g_assert_true (section->low_relevance);
        }
    }
  g_assert_true (seen_low && seen_legal);
  g_assert_true (pc_coverage_get_item (coverage, 11)->suggested);
}

/* The same passage, once as work done and once as next year's plan: only the work done
 * counts as evidence of the year's work, and its quote comes first. */
static PcCoverage *
run_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_reader_read (text, &error);

  g_assert_no_error (error);
  return pc_coverage_engine_run (engine, report);
}

#define PLAN_REPORT(measure, plan) \
  "某县应急管理局2024年度法治政府建设情况报告\n" \
  "一、2024年推进法治政府建设的主要举措和成效\n" \
  "（一）加强执法队伍建设\n组织执法人员参加培训。\n" measure \
  "二、存在的不足和原因\n一是执法人员数量不足。\n" \
  "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人认真履行第一责任人职责。\n" \
  "四、2025年工作安排\n（一）做好各项工作\n继续做好各项工作。\n" plan \
  "某县应急管理局\n2025年2月20日\n"

#define THREE_RULES \
  "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，执法记录仪配备率达到100%。\n"

static void
test_prospective (void)
{
  g_autoptr(PcCoverage) done = run_text (PLAN_REPORT ("（二）全面落实行政执法“三项制度”\n" THREE_RULES, ""));
  g_autoptr(PcCoverage) planned = run_text (PLAN_REPORT ("", "（二）全面落实行政执法“三项制度”\n" THREE_RULES));
  g_autoptr(PcCoverage) both = run_text (PLAN_REPORT ("（二）落实行政执法“三项制度”\n推行行政执法公示制度。\n",
                                                      "（二）全面落实行政执法“三项制度”\n" THREE_RULES));
  const PcItemCoverage *item;

  /* Work done, with a figure: suggested, quantified, 充分. */
  item = pc_coverage_get_item (done, 15);
  g_assert_true (item->suggested);
  g_assert_cmpuint (item->evidence.quantified, >, 0);
  g_assert_cmpint (item->proposed, ==, PC_RATING_FULL);

  /* Only a plan: the figure is a target, not a fact; less confident, 部分 at most. */
  item = pc_coverage_get_item (planned, 15);
  g_assert_cmpuint (item->evidence.quantified, ==, 0);
  g_assert_cmpuint (item->evidence.sentences, ==, 0);
  g_assert_cmpfloat (item->confidence, <, pc_coverage_get_item (done, 15)->confidence);
  g_assert_cmpint (item->proposed, !=, PC_RATING_FULL);
  for (guint i = 0; i < item->quotes->len; i++)
    g_assert_true (g_str_has_prefix (g_array_index (item->quotes, PcQuote, i).section, "4"));

  /* Both: the quotes of the work done come before the plan's. */
  item = pc_coverage_get_item (both, 15);
  g_assert_cmpuint (item->quotes->len, >=, 2);
  g_assert_true (g_str_has_prefix (g_array_index (item->quotes, PcQuote, 0).section, "1"));
  g_assert_true (g_str_has_prefix (g_array_index (item->quotes, PcQuote, item->quotes->len - 1).section, "4"));
  g_assert_cmpuint (item->evidence.quantified, ==, 0);
}

/* A section titled by the item reports its facts in its own words: they are evidence. */
static void
test_section_facts (void)
{
  g_autoptr(PcCoverage) done = run_text (PLAN_REPORT ("（二）推进政务公开\n在门户网站公开信息312条。\n", ""));
  g_autoptr(PcCoverage) planned = run_text (PLAN_REPORT ("", "（二）推进政务公开\n力争在门户网站公开信息500条。\n"));
  const PcItemCoverage *item = pc_coverage_get_item (done, 27);
  gboolean quoted = FALSE;

  g_assert_true (item->suggested);
  g_assert_cmpuint (item->evidence.quantified, ==, 1);
  g_assert_cmpint (item->proposed, ==, PC_RATING_FULL);
  for (guint i = 0; i < item->quotes->len; i++)
    quoted |= strstr (g_array_index (item->quotes, PcQuote, i).text, "312条") != NULL;
  g_assert_true (quoted);

  item = pc_coverage_get_item (planned, 27);
  g_assert_cmpuint (item->evidence.quantified, ==, 0);
  g_assert_cmpint (item->proposed, !=, PC_RATING_FULL);
}

/* A word every emergency bureau uses is not, on its own, a sign of an outline item. */
static void
test_generic_words (void)
{
  static const struct { const char *section; guint item; } cases[] = {
    /* 重点领域执法 */
    { "（一）开展安全生产月活动\n组织安全生产月宣传咨询日活动3场，发放安全生产宣传资料5000份。", 14 },
    /* 重大行政决策 */
    { "（一）完善应急预案\n编制《某县地震应急预案》《某县防汛应急预案》，组织修订应急预案5部。", 11 },
    /* 行政复议 */
    { "（一）加强行政应诉\n全年收到检察建议书1份、司法建议书1份，均按期办结回复。", 22 },
    /* 政务公开 */
    { "（一）优化政务服务\n全年受理行政许可申请86件，行政许可事项全部按时办结。", 27 },
    /* 推进机制 */
    { "（一）制定2024年工作要点\n印发《2024年应急管理工作要点》，明确重点任务28项。", 33 },
    /* 机构职能 */
    { "（一）编制执法计划\n编制年度执法计划，编制检查清单。", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("某县应急管理局2024年工作情况\n一、主要工作\n%s\n", cases[i].section);
      g_autoptr(PcCoverage) coverage = run_text (text);

      g_test_message ("%s → item %u: %.2f", cases[i].section, cases[i].item,
                      pc_coverage_get_item (coverage, cases[i].item)->confidence);
      g_assert_false (pc_coverage_get_item (coverage, cases[i].item)->suggested);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PcChecklist) checklist = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  checklist = pc_checklist_new_default ();
  engine = pc_coverage_engine_new (checklist);

  g_test_add_func ("/coverage/corpus/suggestions", test_corpus_coverage);
  g_test_add_func ("/coverage/corpus/parts", test_corpus_parts);
  g_test_add_func ("/coverage/corpus/form-points", test_corpus_form_points);
  g_test_add_func ("/coverage/corpus/evidence", test_corpus_evidence);
  g_test_add_func ("/coverage/evidence/units", test_evidence_units);
  g_test_add_func ("/coverage/generalise/no-titles", test_generalise_no_titles);
  g_test_add_func ("/coverage/generalise/shuffled", test_generalise_shuffled);
  g_test_add_func ("/coverage/low-relevance", test_low_relevance);
  g_test_add_func ("/coverage/prospective", test_prospective);
  g_test_add_func ("/coverage/generic-words", test_generic_words);
  g_test_add_func ("/coverage/section-facts", test_section_facts);

  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}

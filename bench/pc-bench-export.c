/* pc-bench-export.c — writing the workbook of 1,000 reports × 35 items, against the same
 * workbook written by python3-xlsxwriter (bench/baseline_xlsx.py).
 *
 * Usage: pc-bench-export [N_REPORTS] — the corpus comes from PINGCHA_CORPUS_DIR or
 * ../shared/corpus. The reports are assessed first (not timed: that is the engine's
 * bench); the cards are then handed to the writer one by one, as a project export does.
 * Both writers put their temp files where a Pingcha export does (pc_export_temp_dir()), or in
 * PC_BENCH_TMPDIR when it is set.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-bench-export"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pc-export-xlsx.h"
#include "pc-reader.h"

typedef struct
{
  GPtrArray *cards;  /* PcExportCard */
} Cards;

static PcExportCard *
fetch_card (guint          index,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  Cards *cards = user_data;

  /* A reference: the cards are the bench's input and stay alive until the export is timed,
   * as the baseline's input does; the writer drops its reference after each card. */
  return pc_export_card_ref (g_ptr_array_index (cards->cards, index));
}

static PcAnnotation *
make_annotation (PcReport         *report,
                 guint             i,
                 PcAnnotationKind  kind)
{
  PcAnnotation *a = pc_annotation_new ();
  guint length = pc_report_get_length (report);
  PcRange range = { (i * 97) % MAX (length - 40, 1), 0 };
  g_autofree char *quote = NULL;

  range.end = MIN (range.start + 30, length);
  quote = pc_report_dup_slice (report, range);
  pc_annotation_set_range (a, range);
  pc_annotation_set_quote (a, quote);
  pc_annotation_set_item (a, 1 + i % 35);
  pc_annotation_set_kind (a, kind);
  pc_annotation_set_severity (a, 1 + i % 3);
  pc_annotation_set_comment (a, kind == PC_ANNOTATION_PROBLEM ? "未列明行政执法案件数量，举措缺少成效数据"
                                                              : "补充全年行政处罚、行政检查数量及同比变化");
  pc_annotation_set_fix (a, kind == PC_ANNOTATION_PROBLEM ? "补充执法数据并说明成效" : NULL);
  pc_annotation_set_reviewer (a, i % 2 ? "张三" : "李四");
  pc_annotation_set_modified (a, "2025-03-01T08:00:00Z");
  return a;
}

static GPtrArray *
make_cards (PcChecklist *checklist,
            GPtrArray   *reports,
            guint        n)
{
  g_autoptr(PcCoverageEngine) engine = pc_coverage_engine_new (checklist);
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_export_card_unref);

  for (guint i = 0; i < n; i++)
    {
      PcReport *report = g_ptr_array_index (reports, i % reports->len);
      g_autoptr(PcCoverage) coverage = pc_coverage_engine_run (engine, report);
      g_autoptr(PcScore) score = pc_coverage_score (coverage, NULL);
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
      PcExportCard *card;

      for (guint k = 0; k < 3; k++)
        g_ptr_array_add (annotations, make_annotation (report, i * 3 + k,
                                                       k == 2 ? PC_ANNOTATION_FIX : PC_ANNOTATION_PROBLEM));
      card = pc_export_card_new (checklist, report, coverage, score, annotations, NULL);
      g_free (card->agency);
      card->agency = g_strdup_printf ("%s第%u分局", pc_report_get_agency (report), i + 1);
      g_ptr_array_add (cards, card);
    }
  return cards;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_card_json (JsonBuilder        *b,
               PcChecklist        *checklist,
               const PcExportCard *card)
{
  json_builder_begin_object (b);
  add_string (b, "agency", card->agency);
  add_double (b, "year", card->year);
  add_string (b, "published", card->published);
  add_string (b, "title", card->title);
  add_double (b, "total", card->total);
  add_string (b, "grade", card->grade);
  add_double (b, "possible", card->possible);
  add_double (b, "form_max", card->form_max);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  for (guint i = 0; i < card->n_parts; i++)
    json_builder_add_double_value (b, card->parts[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < card->items->len; i++)
    {
      const PcExportItem *it = &g_array_index (card->items, PcExportItem, i);

      json_builder_begin_object (b);
      add_double (b, "code", it->code);
      add_string (b, "chapter", pc_checklist_get_chapter (checklist, it->chapter - 1)->label);
      add_string (b, "title", it->title);
      add_double (b, "max_points", it->max_points);
      add_double (b, "weight", it->weight);
      add_double (b, "block", it->block);
      add_double (b, "block_points", it->block_points);
      add_double (b, "rating", it->rating);
      add_double (b, "points", it->points);
      add_string (b, "sections", it->sections);
      add_string (b, "quotes", it->quotes);
      add_string (b, "problems", it->problems);
      add_string (b, "fixes", it->fixes);
      add_string (b, "reviewers", it->reviewers);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < card->findings->len; i++)
    {
      const PcExportFinding *f = &g_array_index (card->findings, PcExportFinding, i);

      json_builder_begin_object (b);
      add_string (b, "description", f->description);
      add_double (b, "status", f->status);
      add_double (b, "deduction", f->deduction);
      add_string (b, "section", f->section);
      add_string (b, "quote", f->quote);
      add_string (b, "note", f->note);
      add_string (b, "reviewer", f->reviewer);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < card->problems->len; i++)
    {
      const PcExportProblem *p = &g_array_index (card->problems, PcExportProblem, i);

      json_builder_begin_object (b);
      add_string (b, "section", p->section);
      add_string (b, "item_title", p->item_title);
      add_string (b, "quote", p->quote);
      add_string (b, "problem", p->problem);
      add_string (b, "fix", p->fix);
      add_double (b, "severity", p->severity);
      add_double (b, "status", p->status);
      add_string (b, "reviewer", p->reviewer);
      add_string (b, "date", p->date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static gboolean
write_json (const char  *path,
            PcChecklist *checklist,
            GPtrArray   *cards,
            GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "chapters");
  json_builder_begin_array (b);
  for (guint i = 0; i < pc_checklist_get_n_chapters (checklist); i++)
    {
      json_builder_begin_object (b);
      add_string (b, "label", pc_checklist_get_chapter (checklist, i)->label);
      add_string (b, "title", pc_checklist_get_chapter (checklist, i)->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "grades");
  json_builder_begin_array (b);
  for (guint i = 0; i < pc_checklist_get_n_grades (checklist); i++)
    {
      json_builder_begin_object (b);
      add_string (b, "name", pc_checklist_get_grade (checklist, i)->name);
      add_double (b, "min", pc_checklist_get_grade (checklist, i)->min);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "cards");
  json_builder_begin_array (b);
  for (guint i = 0; i < cards->len; i++)
    add_card_json (b, checklist, g_ptr_array_index (cards, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_file (gen, path, error);
}

static double
max_rss_mb (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");
  g_autofree char *reports_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) json_cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("pc-bench-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "c.xlsx", NULL);
  g_autofree char *py_out = g_build_filename (tmp, "py.xlsx", NULL);
  g_autofree char *json = g_build_filename (tmp, "cards.json", NULL);
  g_autofree char *py_stdout = NULL;
  const char *name;
  Cards source;
  PcExportOptions options = { .memory = PC_EXPORT_MEMORY_AUTO };
  g_auto(GStrv) envp = g_get_environ ();
  double rss_before, c_seconds, py_seconds = 0, py_total;
  GStatBuf st = { 0 };
  gint64 t0;
  int status = 0;
  const char *py_argv[] = { "/usr/bin/python3", PC_BENCH_BASELINE, json, py_out,
                            pc_export_uses_constant_memory (NULL, n) ? "constant" : "normal", NULL };

  reports_dir = g_build_filename (corpus ? corpus : "../shared/corpus", "reports", NULL);
  if ((dir = g_dir_open (reports_dir, 0, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (reports_dir, name, NULL);
      PcReport *report = pc_reader_read_file (path, NULL, NULL);

      if (report)
        g_ptr_array_add (reports, report);
    }
  if (reports->len == 0)
    {
      g_printerr ("no reports in %s\n", reports_dir);
      return 1;
    }

  cards = make_cards (checklist, reports, n);
  json_cards = make_cards (checklist, reports, n);
  if (!write_json (json, checklist, json_cards, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_pointer (&json_cards, g_ptr_array_unref);
  /* The baseline's input was a million small blocks; glibc merges freed small blocks at the
   * next large allocation, which would bill the export for the bench's own set-up. Make that
   * allocation now (without returning the memory to the system, as malloc_trim would). */
  g_free (g_malloc (64 * 1024));

  rss_before = max_rss_mb (RUSAGE_SELF);
  source.cards = cards;
  t0 = g_get_monotonic_time ();
  options.tmpdir = g_getenv ("PC_BENCH_TMPDIR");
  if (options.tmpdir == NULL || !*options.tmpdir)
    options.tmpdir = pc_export_temp_dir (pc_export_uses_constant_memory (&options, n));
  if (!pc_export_xlsx_write (out, checklist, n, fetch_card, &source, &options, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  c_seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_stat (out, &st);
  printf ("mode: %s; temp files in %s (both writers)\n",
          pc_export_uses_constant_memory (&options, n) ? "constant_memory" : "in memory, shared strings",
          options.tmpdir);
  printf ("pingcha (libxlsxwriter): %u reports × 35 items: %.3f s, %.1f MB written, peak RSS %.1f MB "
          "(%.1f MB before the export, cards prepared)\n",
          n, c_seconds, st.st_size / 1e6, max_rss_mb (RUSAGE_SELF), rss_before);

  t0 = g_get_monotonic_time ();
  envp = g_environ_setenv (envp, "TMPDIR", options.tmpdir, TRUE);
  if (!g_spawn_sync (NULL, (char **) py_argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &py_stdout, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("baseline: %s (is python3-xlsxwriter installed?)\n", error->message);
      return 1;
    }
  py_total = (g_get_monotonic_time () - t0) / 1e6;
  py_seconds = g_ascii_strtod (py_stdout, NULL);
  g_stat (py_out, &st);
  printf ("baseline (python3-xlsxwriter): %.3f s writing (%.3f s with start-up and JSON), %.1f MB written, "
          "peak RSS %.1f MB\n", py_seconds, py_total, st.st_size / 1e6, max_rss_mb (RUSAGE_CHILDREN));
  printf ("speed-up: %.1f× (writing), %.1f× (process)\n", py_seconds / c_seconds, py_total / c_seconds);

  g_unlink (out);
  g_unlink (py_out);
  g_unlink (json);
  g_rmdir (tmp);
  return 0;
}

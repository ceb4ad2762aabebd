/* pc-bench-assess.c — assess N reports (copies of the corpus) and print the time it took.
 *
 *   pc-bench-assess [N] [CORPUS_DIR]      N defaults to 1000, CORPUS_DIR to $PINGCHA_CORPUS_DIR
 *
 * Each report is read from its text (pc_reader_read), run through the coverage engine and
 * scored. The engine is built once, as the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-bench-assess"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "pc-coverage.h"
#include "pc-reader.h"

static GPtrArray *
load_texts (const char *corpus)
{
  g_autofree char *dir_path = g_build_filename (corpus, "reports", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      if (!g_file_get_contents (path, &contents, NULL, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (texts, contents);
    }
  if (texts->len == 0)
    g_error ("No reports in %s", dir_path);
  return texts;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  const char *corpus = argc > 2 ? argv[2] : g_getenv ("PINGCHA_CORPUS_DIR");
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcCoverageEngine) engine = NULL;
  g_autoptr(GTimer) timer = NULL;
  double read_seconds = 0, engine_seconds = 0, total;
  guint suggested = 0;
  struct rusage usage;

  setlocale (LC_ALL, "");
  if (corpus == NULL)
    corpus = "../shared/corpus";
  if (n == 0)
    n = 1000;
  texts = load_texts (corpus);

  timer = g_timer_new ();
  checklist = pc_checklist_new_default ();
  engine = pc_coverage_engine_new (checklist);
  g_print ("engine built in %.3f s\n", g_timer_elapsed (timer, NULL));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PcReport) report = NULL;
      g_autoptr(PcCoverage) coverage = NULL;
      g_autoptr(PcScore) score = NULL;

      g_timer_start (timer);
      report = pc_reader_read (g_ptr_array_index (texts, i % texts->len), &error);
      if (report == NULL)
        g_error ("%s", error->message);
      read_seconds += g_timer_elapsed (timer, NULL);
      g_timer_start (timer);
      coverage = pc_coverage_engine_run (engine, report);
      score = pc_coverage_score (coverage, NULL);
      engine_seconds += g_timer_elapsed (timer, NULL);
      for (guint code = 1; code <= pc_coverage_get_n_items (coverage); code++)
        suggested += pc_coverage_get_item (coverage, code)->suggested;
    }

  total = read_seconds + engine_seconds;
  getrusage (RUSAGE_SELF, &usage);
  g_print ("reports:        %u (copies of %u corpus reports)\n", n, texts->len);
  g_print ("seconds:        %.3f (reading %.3f, coverage and scoring %.3f)\n", total, read_seconds, engine_seconds);
  g_print ("reports/s:      %.1f (coverage and scoring alone %.1f)\n", n / total, n / engine_seconds);
  g_print ("peak memory:    %.1f MiB\n", usage.ru_maxrss / 1024.0);
  g_print ("items suggested per report: %.2f\n", (double) suggested / n);
  return EXIT_SUCCESS;
}

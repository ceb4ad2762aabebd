/* pc-bench-review.c — the review window with many annotations: how long opening a report
 * with 500 annotations takes to paint, and how long adding one takes to show.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" build/bench/pc-bench-review [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-bench-review"

#include "config.h"

#include <glib/gstdio.h>

#include "pc-application.h"
#include "pc-library-item.h"
#include "pc-review-session.h"
#include "pc-window-private.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
spin_until (gboolean (*condition) (PcWindow *, gpointer),
            PcWindow  *window,
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint wake = g_timeout_add (5, wake_cb, NULL);
  gboolean met;

  while (!(met = condition (window, data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return met;
}

static gboolean
is_settled (PcWindow *window,
            gpointer  data)
{
  return _pc_window_is_settled (window) &&
         g_list_model_get_n_items (_pc_window_get_reports (window)) > 0;
}

static gboolean
has_annotations (PcWindow *window,
                 gpointer  data)
{
  return _pc_window_get_annotations (window)->len >= GPOINTER_TO_UINT (data);
}

typedef struct
{
  gboolean armed;
  gboolean painted;
  gint64   painted_at;
} Paint;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Paint         *paint)
{
  if (paint->armed && !paint->painted)
    {
      paint->painted = TRUE;
      paint->painted_at = g_get_monotonic_time ();
    }
}

static gboolean
is_painted (PcWindow *window,
            gpointer  data)
{
  return ((Paint *) data)->painted;
}

/* A project with the sample reports, and @n annotations spread over the first. */
static char *
make_project (const char *corpus,
              guint       n,
              gint64     *out_report_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pingcha-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *report_path = g_build_filename (corpus, "reports", "zhangzhou-2023.txt", NULL);
  const char *paths[] = { report_path, NULL };
  g_autoptr(PcProject) project = pc_project_open (path, &error);
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(PcReport) report = NULL;
  g_autoptr(PcReviewSession) session = NULL;
  guint length;

  g_assert_no_error (error);
  summary = pc_project_import_files (project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  *out_report_id = g_array_index (summary->ids, gint64, 0);
  report = pc_project_load_report (project, *out_report_id, &error);
  g_assert_no_error (error);
  session = pc_review_session_new (project, "bench");
  length = pc_report_get_length (report);
  for (guint i = 0; i < n; i++)
    {
      guint start = (guint) ((guint64) i * (length - 20) / n);
      PcRange range = { start, start + 4 + i % 12 };
      g_autoptr(PcAnnotation) annotation = NULL;

      annotation = pc_review_session_add_annotation (session, report, range, 1 + i % 35,
                                                     i % 4, PC_SEVERITY_MEDIUM, "comment", NULL,
                                                     &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PcApplication) app = NULL;
  g_autofree char *path = NULL;
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 500;
  PcWindow *window;
  GdkFrameClock *clock;
  Paint paint = { 0 };
  gint64 report_id, started, applied;
  double open_ms, add_ms, worst_add = 0, sum_add = 0;
  GtkTextBuffer *buffer;
  guint adds = 10;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", PINGCHA_SCHEMADIR, FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 1;
    }
  adw_init ();
  if (corpus == NULL)
    corpus = PINGCHA_SRCDIR "/../shared/corpus";

  path = make_project (corpus, n, &report_id);
  app = pc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = pc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (!spin_until (is_settled, window, NULL))
    g_error ("the project did not open");
  /* Open nothing first: the window restores no report in a fresh settings backend. */
  gtk_single_selection_set_selected (window->reports_selection, GTK_INVALID_LIST_POSITION);
  spin_until (is_settled, window, NULL);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &paint);

  /* Opening the report: from setting it to the first frame painted after its n
   * annotations are highlighted. */
  started = g_get_monotonic_time ();
  _pc_window_select_report (window, 0);
  spin_until (has_annotations, window, GUINT_TO_POINTER (n));
  applied = g_get_monotonic_time ();
  paint.armed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  spin_until (is_painted, window, &paint);
  open_ms = (paint.painted_at - started) / 1000.0;
  g_print ("open report with %u annotations: %.1f ms to paint (%.1f ms to highlight)\n", n,
           open_ms, (applied - started) / 1000.0);
  spin_until (is_settled, window, NULL);

  /* Adding an annotation through win.annotate, until its highlight is applied. */
  buffer = _pc_window_get_text_buffer (window);
  for (guint i = 0; i < adds; i++)
    {
      GtkTextIter start, end;
      guint before = _pc_window_get_annotations (window)->len;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, 100 + i * 37);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, 108 + i * 37);
      gtk_text_buffer_select_range (buffer, &start, &end);
      started = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.annotate", PC_ANNOTATE_PARAM_TYPE,
                                  (gint64) 0, 5 + i, 0, 2, "bench", "");
      spin_until (has_annotations, window, GUINT_TO_POINTER (before + 1));
      add_ms = (g_get_monotonic_time () - started) / 1000.0;
      worst_add = MAX (worst_add, add_ms);
      sum_add += add_ms;
      spin_until (is_settled, window, NULL);
    }
  g_print ("add annotation: %.1f ms mean, %.1f ms worst of %u (budget 33 ms)\n",
           sum_add / adds, worst_add, adds);
  g_print ("open: %s (budget 100 ms); add: %s\n", open_ms <= 100 ? "OK" : "OVER",
           worst_add <= 33 ? "OK" : "OVER");

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}

/* pc-bench-annotations.c — how long adding and loading annotations takes for the window.
 *
 *   pc-bench-annotations [N] [--corpus DIR]
 *
 * Imports one corpus report into a new temporary project, then adds N (default 500)
 * annotations to it one after another through a threaded review session, the way the
 * window does: each add is prepared on the main thread, written on the database thread,
 * and filed on the undo stack back on the main loop before the next one starts. Prints the
 * mean and maximum time per add, and the time to load all of them for display.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-bench-annotations"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "pc-register.h"
#include "pc-review-session.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_main_loop_run (waiter->loop);
  return waiter->result;
}

static PcReport *
import_report (const char  *db_path,
               const char  *corpus,
               GError     **error)
{
  g_autoptr(PcProject) project = pc_project_open (db_path, error);
  g_autofree char *path = g_build_filename (corpus, "reports", "pudong-2023.txt", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(PcImportSummary) summary = NULL;

  if (project == NULL)
    return NULL;
  summary = pc_project_import_files (project, paths, NULL, NULL, NULL, error);
  if (summary == NULL)
    return NULL;
  if (summary->imported != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not import %s", path);
      return NULL;
    }
  return pc_project_load_report (project, g_array_index (summary->ids, gint64, 0), error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PcReviewSession) session = NULL;
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(PcRegister) model = pc_register_new ();
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");
  Waiter waiter = { loop, NULL };
  guint n = 500;
  guint length;
  double total_ms = 0;
  double max_ms = 0;
  gint64 t0;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--corpus") == 0 && i + 1 < argc)
        corpus = argv[++i];
      else
        n = (guint) MAX (1, atoi (argv[i]));
    }
  if (corpus == NULL)
    corpus = "../shared/corpus";

  dir = g_dir_make_tmp ("pingcha-bench-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "bench.pingcha", NULL);
  report = import_report (db_path, corpus, &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  length = pc_report_get_length (report);

  pc_review_session_open_async (db_path, "bench", NULL, on_ready_cb, &waiter);
  session = pc_review_session_open_finish (wait_for (&waiter), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      guint start = (i * 53) % (length - 40);
      g_autoptr(PcAnnotation) annotation = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      pc_review_session_add_annotation_async (session, report,
                                              (PcRange) { start, start + 5 + i % 30 },
                                              i % 36, i % 4, i % 4, "基准批注", "整改建议",
                                              NULL, on_ready_cb, &waiter);
      annotation = pc_review_session_edit_finish (session, wait_for (&waiter), &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      total_ms += ms;
      max_ms = MAX (max_ms, ms);
    }

  t0 = g_get_monotonic_time ();
  pc_review_session_list_annotations_async (session, pc_report_get_id (report), NULL,
                                            on_ready_cb, &waiter);
  listed = pc_review_session_list_annotations_finish (session, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_print ("add through the session: %u annotations, mean %.2f ms, max %.2f ms (target 33 ms)\n",
           n, total_ms / n, max_ms);
  g_print ("load all %u for display: %.2f ms\n", listed->len,
           (g_get_monotonic_time () - t0) / 1000.0);

  t0 = g_get_monotonic_time ();
  pc_register_load_async (model, session, pc_report_get_id (report), NULL, on_ready_cb, &waiter);
  pc_register_load_finish (model, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_print ("register of the report (%u rows): %.2f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (model)),
           (g_get_monotonic_time () - t0) / 1000.0);

  g_clear_object (&waiter.result);
  g_clear_object (&session);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db_path);
    g_rmdir (dir);
  }
  return EXIT_SUCCESS;
}

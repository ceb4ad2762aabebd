/* pc-export-async.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-export-async"

#include "config.h"

#include <string.h>

#include "pc-export-async.h"
#include "pc-project-worker-private.h"

typedef struct
{
  gint64               *ids;    /* NULL: all the reports */
  guint                 n_ids;
  char                 *path;
  PcExportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
} ExportJob;

typedef struct
{
  PcExportProgressFunc  func;
  gpointer              data;
  guint                 done;
  guint                 total;
} Progress;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->ids);
  g_free (job->path);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->func (progress->done, progress->total, progress->data);
  return G_SOURCE_REMOVE;
}

/* On the database thread: hand each step to the caller's main context. */
static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  ExportJob *job = user_data;
  Progress *progress;

  if (job->progress == NULL)
    return;
  progress = g_new (Progress, 1);
  progress->func = job->progress;
  progress->data = job->progress_data;
  progress->done = done;
  progress->total = total;
  _pc_project_worker_post (job->context, report_progress_cb, progress, g_free);
}

static gpointer
export_on_worker (PcProject     *project,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ExportJob *job = data;

  if (!pc_export_xlsx_project (project, job->ids, job->n_ids, job->path, on_progress, job,
                               cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/**
 * pc_export_xlsx_project_async:
 * @ids: (array length=n_ids) (nullable): the reports to export, or %NULL for all
 * @progress: (nullable): called on the caller's main context as reports are written
 *
 * Writes the project's workbook on @worker's database thread, in order with its other
 * requests, so the main loop never waits on the export.
 */
void
pc_export_xlsx_project_async (PcProjectWorker      *worker,
                              const gint64         *ids,
                              guint                 n_ids,
                              const char           *path,
                              PcExportProgressFunc  progress,
                              gpointer              progress_data,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  ExportJob *job;

  g_return_if_fail (PC_IS_PROJECT_WORKER (worker));
  g_return_if_fail (path != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  job = g_new0 (ExportJob, 1);
  /* A filter that leaves no report asks for none, not for all. */
  if (ids != NULL)
    {
      job->ids = g_new0 (gint64, MAX (n_ids, 1));
      memcpy (job->ids, ids, n_ids * sizeof (gint64));
    }
  job->n_ids = n_ids;
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  pc_project_worker_run_async (worker, export_on_worker, job, export_job_free, NULL,
                               cancellable, callback, user_data);
}

gboolean
pc_export_xlsx_project_finish (PcProjectWorker  *worker,
                               GAsyncResult     *result,
                               GError          **error)
{
  return pc_project_worker_run_finish (worker, result, error) != NULL;
}

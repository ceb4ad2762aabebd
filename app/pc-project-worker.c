/* pc-project-worker.c — a thread that owns a PcProject.
 *
 * Requests are queued and run in order on one database thread, which opens the project
 * and is the only thread that ever calls into SQLite. Each result is handed back to the
 * main context that was current when the request was made, and the GTask is completed
 * there; so are import progress reports.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project-worker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pc-error.h"
#include "pc-project-worker.h"
#include "pc-project-worker-private.h"

typedef enum
{
  REQUEST_OPEN,
  REQUEST_LIST_REPORTS,
  REQUEST_IMPORT,
  REQUEST_RUN,
  REQUEST_STOP,
} RequestKind;

typedef struct
{
  RequestKind           kind;
  GTask                *task;            /* NULL for REQUEST_STOP */
  char                **paths;
  PcImportProgressFunc  progress;
  gpointer              progress_data;
  PcProjectWorkerFunc   func;
  gpointer              func_data;
  GDestroyNotify        func_data_free;
  /* Filled in on the database thread. */
  gpointer              result;
  GDestroyNotify        result_free;
  GError               *error;
} Request;

typedef struct
{
  PcImportProgressFunc  func;
  gpointer              data;
  guint                 done;
  guint                 total;
  char                 *path;
} Progress;

/* Everything the database thread touches. It belongs to that thread, which frees it when
 * it ends; the worker object only keeps the queue. */
typedef struct
{
  GAsyncQueue *queue;
  char        *path;
  PcProject   *project;
} DbThread;

struct _PcProjectWorker
{
  GObject      parent_instance;
  char        *path;
  GAsyncQueue *queue;
  GThread     *thread;
};

G_DEFINE_FINAL_TYPE (PcProjectWorker, pc_project_worker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Request *
request_new (RequestKind  kind,
             GTask       *task)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->task = task;
  return request;
}

static void
request_free (Request *request)
{
  if (request->result != NULL && request->result_free != NULL)
    request->result_free (request->result);
  g_clear_error (&request->error);
  if (request->func_data != NULL && request->func_data_free != NULL)
    request->func_data_free (request->func_data);
  g_strfreev (request->paths);
  g_clear_object (&request->task);
  g_free (request);
}

static void
progress_free (Progress *progress)
{
  g_free (progress->path);
  g_free (progress);
}

static gboolean
complete_request_cb (gpointer data)
{
  Request *request = data;

  g_assert (g_main_context_is_owner (g_task_get_context (request->task)));

  if (request->error != NULL)
    g_task_return_error (request->task, g_steal_pointer (&request->error));
  else if (request->kind == REQUEST_OPEN)
    g_task_return_boolean (request->task, TRUE);
  else
    g_task_return_pointer (request->task, g_steal_pointer (&request->result),
                           request->result_free);
  request_free (request);
  return G_SOURCE_REMOVE;
}

static gboolean
report_progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->func (progress->done, progress->total, progress->path, progress->data);
  return G_SOURCE_REMOVE;
}

/* Not g_main_context_invoke(): that runs the function right here, on the database thread,
 * whenever it can acquire a context nobody is iterating at this moment. */
void
_pc_project_worker_post (GMainContext   *context,
                         GSourceFunc     func,
                         gpointer        data,
                         GDestroyNotify  data_free)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, data_free);
  g_source_set_static_name (source, "[pc-project-worker] post");
  g_source_attach (source, context);
}

static void
on_import_progress_cb (guint       done,
                       guint       total,
                       const char *path,
                       gpointer    user_data)
{
  Request *request = user_data;
  Progress *progress;

  if (request->progress == NULL)
    return;
  progress = g_new0 (Progress, 1);
  progress->func = request->progress;
  progress->data = request->progress_data;
  progress->done = done;
  progress->total = total;
  progress->path = g_strdup (path);
  _pc_project_worker_post (g_task_get_context (request->task), report_progress_cb, progress,
             (GDestroyNotify) progress_free);
}

static gboolean
ensure_open (DbThread  *db,
             GError   **error)
{
  if (db->project != NULL)
    return TRUE;
  g_set_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN,
               _("The project has not been opened."));
  return FALSE;
}

static void
run_request (DbThread *db,
             Request  *request)
{
  GCancellable *cancellable = g_task_get_cancellable (request->task);

  if (g_cancellable_set_error_if_cancelled (cancellable, &request->error))
    return;

  switch (request->kind)
    {
    case REQUEST_OPEN:
      if (db->project == NULL)
        db->project = pc_project_open (db->path, &request->error);
      break;

    case REQUEST_LIST_REPORTS:
      if (ensure_open (db, &request->error))
        {
          request->result = pc_project_list_reports (db->project, &request->error);
          request->result_free = (GDestroyNotify) g_ptr_array_unref;
        }
      break;

    case REQUEST_IMPORT:
      if (ensure_open (db, &request->error))
        {
          request->result = pc_project_import_files (db->project,
                                                     (const char * const *) request->paths,
                                                     on_import_progress_cb, request,
                                                     cancellable, &request->error);
          request->result_free = (GDestroyNotify) pc_import_summary_free;
        }
      break;

    case REQUEST_RUN:
      if (ensure_open (db, &request->error))
        request->result = request->func (db->project, request->func_data, cancellable,
                                         &request->error);
      break;

    case REQUEST_STOP:
    default:
      g_assert_not_reached ();
    }
}

static void
complete_on_caller_context (Request *request)
{
  _pc_project_worker_post (g_task_get_context (request->task), complete_request_cb, request, NULL);
}

static gpointer
db_thread_main (gpointer data)
{
  DbThread *db = data;
  Request *request;

  while ((request = g_async_queue_pop (db->queue))->kind != REQUEST_STOP)
    {
      run_request (db, request);
      complete_on_caller_context (request);
    }
  request_free (request);

  /* The project is closed on the thread that opened it. */
  g_clear_object (&db->project);

  /* Whatever was queued behind the stop request will not run. */
  while ((request = g_async_queue_try_pop (db->queue)) != NULL)
    {
      if (request->kind == REQUEST_STOP)
        {
          request_free (request);
          continue;
        }
      g_set_error (&request->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The project was closed."));
      complete_on_caller_context (request);
    }

  g_async_queue_unref (db->queue);
  g_free (db->path);
  g_free (db);
  return NULL;
}

static void
pc_project_worker_constructed (GObject *object)
{
  PcProjectWorker *self = PC_PROJECT_WORKER (object);
  DbThread *db = g_new0 (DbThread, 1);

  G_OBJECT_CLASS (pc_project_worker_parent_class)->constructed (object);

  g_return_if_fail (self->path != NULL);

  db->queue = g_async_queue_ref (self->queue);
  db->path = g_strdup (self->path);
  self->thread = g_thread_new ("pc-project-db", db_thread_main, db);
}

static void
pc_project_worker_dispose (GObject *object)
{
  PcProjectWorker *self = PC_PROJECT_WORKER (object);

  /* The stop request goes ahead of anything still queued; the request being run is
   * finished first, then the database is closed. */
  if (self->thread != NULL)
    {
      g_async_queue_push_front (self->queue, request_new (REQUEST_STOP, NULL));
      g_clear_pointer (&self->thread, g_thread_join);
    }

  G_OBJECT_CLASS (pc_project_worker_parent_class)->dispose (object);
}

static void
pc_project_worker_finalize (GObject *object)
{
  PcProjectWorker *self = PC_PROJECT_WORKER (object);

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pc_project_worker_parent_class)->finalize (object);
}

static void
pc_project_worker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcProjectWorker *self = PC_PROJECT_WORKER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_project_worker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PcProjectWorker *self = PC_PROJECT_WORKER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_project_worker_class_init (PcProjectWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pc_project_worker_constructed;
  object_class->dispose = pc_project_worker_dispose;
  object_class->finalize = pc_project_worker_finalize;
  object_class->get_property = pc_project_worker_get_property;
  object_class->set_property = pc_project_worker_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_project_worker_init (PcProjectWorker *self)
{
  self->queue = g_async_queue_new ();
}

/**
 * pc_project_worker_new:
 * @path: the project file
 *
 * Starts the database thread. Nothing touches @path before pc_project_worker_open_async().
 */
PcProjectWorker *
pc_project_worker_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (PC_TYPE_PROJECT_WORKER, "path", path, NULL);
}

const char *
pc_project_worker_get_path (PcProjectWorker *self)
{
  g_return_val_if_fail (PC_IS_PROJECT_WORKER (self), NULL);
  return self->path;
}

static Request *
queue_request (PcProjectWorker     *self,
               RequestKind          kind,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = request_new (kind, task);

  g_task_set_source_tag (task, source_tag);
  /* A request that ran reports what it did, even if it was cancelled too late to stop it:
   * an import that committed must not be reported as cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  return request;
}

void
pc_project_worker_open_async (PcProjectWorker     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Request *request;

  g_return_if_fail (PC_IS_PROJECT_WORKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = queue_request (self, REQUEST_OPEN, pc_project_worker_open_async,
                           cancellable, callback, user_data);
  g_async_queue_push (self->queue, request);
}

gboolean
pc_project_worker_open_finish (PcProjectWorker  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (PC_IS_PROJECT_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pc_project_worker_open_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pc_project_worker_list_reports_async (PcProjectWorker     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;

  g_return_if_fail (PC_IS_PROJECT_WORKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = queue_request (self, REQUEST_LIST_REPORTS, pc_project_worker_list_reports_async,
                           cancellable, callback, user_data);
  g_async_queue_push (self->queue, request);
}

/**
 * pc_project_worker_list_reports_finish:
 *
 * Returns: (transfer container) (element-type PcReport): the reports, fully loaded
 */
GPtrArray *
pc_project_worker_list_reports_finish (PcProjectWorker  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (PC_IS_PROJECT_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_project_worker_list_reports_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pc_project_worker_import_async:
 * @paths: %NULL-terminated file names
 * @progress: (nullable): called after each file, on the caller's main context, always
 *   before @callback
 *
 * Imports the files as pc_project_import_files() does, on the database thread.
 */
void
pc_project_worker_import_async (PcProjectWorker      *self,
                                const char * const   *paths,
                                PcImportProgressFunc  progress,
                                gpointer              progress_data,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  Request *request;

  g_return_if_fail (PC_IS_PROJECT_WORKER (self));
  g_return_if_fail (paths != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = queue_request (self, REQUEST_IMPORT, pc_project_worker_import_async,
                           cancellable, callback, user_data);
  request->paths = g_strdupv ((char **) paths);
  request->progress = progress;
  request->progress_data = progress_data;
  g_async_queue_push (self->queue, request);
}

/**
 * pc_project_worker_import_finish:
 *
 * Returns: (transfer full): the import summary, or %NULL with @error set and nothing
 *   imported
 */
PcImportSummary *
pc_project_worker_import_finish (PcProjectWorker  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (PC_IS_PROJECT_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        pc_project_worker_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pc_project_worker_run_async:
 * @func: runs on the database thread with the open project
 * @data: (transfer full): for @func, freed with @data_free once the request is done
 * @result_free: frees what @func returns if nobody takes it
 *
 * Runs any work that needs the project on the one thread that owns it, in order with the
 * worker's other requests; the callback runs on the caller's main context.
 */
void
pc_project_worker_run_async (PcProjectWorker     *self,
                             PcProjectWorkerFunc  func,
                             gpointer             data,
                             GDestroyNotify       data_free,
                             GDestroyNotify       result_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Request *request;

  g_return_if_fail (PC_IS_PROJECT_WORKER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pc_project_worker_run_async);
  /* Work that was done is reported as done, even if cancelled too late to stop it. */
  g_task_set_check_cancellable (task, FALSE);
  request = request_new (REQUEST_RUN, task);
  request->func = func;
  request->func_data = data;
  request->func_data_free = data_free;
  request->result_free = result_free;
  g_async_queue_push (self->queue, request);
}

/**
 * pc_project_worker_run_finish:
 *
 * Returns: (transfer full) (nullable): what the function returned
 */
gpointer
pc_project_worker_run_finish (PcProjectWorker  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (PC_IS_PROJECT_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pc_project_worker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* pc-project-worker.h — a thread that owns a PcProject; the main loop talks to it
 * through _async/_finish calls and never waits on the disk.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-project.h"

G_BEGIN_DECLS

#define PC_TYPE_PROJECT_WORKER (pc_project_worker_get_type ())

G_DECLARE_FINAL_TYPE (PcProjectWorker, pc_project_worker, PC, PROJECT_WORKER, GObject)

/* Runs on the worker's database thread with the open project. */
typedef gpointer (*PcProjectWorkerFunc) (PcProject     *project,
                                         gpointer       data,
                                         GCancellable  *cancellable,
                                         GError       **error);

PcProjectWorker *pc_project_worker_new                 (const char           *path);
const char      *pc_project_worker_get_path            (PcProjectWorker      *self);
void             pc_project_worker_open_async          (PcProjectWorker      *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         pc_project_worker_open_finish         (PcProjectWorker      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             pc_project_worker_list_reports_async  (PcProjectWorker      *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GPtrArray       *pc_project_worker_list_reports_finish (PcProjectWorker      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* @progress is called on the main context of the caller. */
void             pc_project_worker_import_async        (PcProjectWorker      *self,
                                                        const char * const   *paths,
                                                        PcImportProgressFunc  progress,
                                                        gpointer              progress_data,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
PcImportSummary *pc_project_worker_import_finish       (PcProjectWorker      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             pc_project_worker_run_async           (PcProjectWorker      *self,
                                                        PcProjectWorkerFunc   func,
                                                        gpointer              data,
                                                        GDestroyNotify        data_free,
                                                        GDestroyNotify        result_free,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gpointer         pc_project_worker_run_finish          (PcProjectWorker      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS

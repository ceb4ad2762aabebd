/* pc-export-async.h — exporting a project's workbook on the project's own thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-export-xlsx.h"
#include "pc-project-worker.h"

G_BEGIN_DECLS

void     pc_export_xlsx_project_async  (PcProjectWorker      *worker,
                                        const gint64         *ids,
                                        guint                 n_ids,
                                        const char           *path,
                                        PcExportProgressFunc  progress,
                                        gpointer              progress_data,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean pc_export_xlsx_project_finish (PcProjectWorker      *worker,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS

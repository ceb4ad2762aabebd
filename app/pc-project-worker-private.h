/* pc-project-worker-private.h — for work that runs on the worker's database thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project-worker.h"

G_BEGIN_DECLS

void _pc_project_worker_post (GMainContext   *context,
                              GSourceFunc     func,
                              gpointer        data,
                              GDestroyNotify  data_free);

G_END_DECLS

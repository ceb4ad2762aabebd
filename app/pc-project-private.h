/* pc-project-private.h — storage internals shared with the worker and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project.h"

G_BEGIN_DECLS

/* "PCHA": written to PRAGMA application_id so a project file can be told apart from
 * any other SQLite database. */
#define PC_PROJECT_APPLICATION_ID 0x50434841

int       _pc_project_get_latest_version (void);
gboolean  _pc_project_is_owner           (PcProject *self);

G_END_DECLS

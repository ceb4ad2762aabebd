/* pc-project.h — a review project: one SQLite file, owned by one thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-anchor.h"
#include "pc-report.h"

G_BEGIN_DECLS

#define PC_TYPE_PROJECT (pc_project_get_type ())

G_DECLARE_FINAL_TYPE (PcProject, pc_project, PC, PROJECT, GObject)

/* Called after each file of an import, on the thread that runs the import. */
typedef void (*PcImportProgressFunc) (guint       done,
                                      guint       total,
                                      const char *path,
                                      gpointer    user_data);

typedef struct
{
  guint       imported;
  guint       duplicates;
  guint       failed;
  GPtrArray  *errors;   /* char*: one translated "file: message" line per failed or duplicate file */
  GPtrArray  *warnings; /* char*: one translated "file: message" line per imported file to check */
  GArray     *ids;      /* gint64 ids of imported reports, in order */
} PcImportSummary;

void             pc_import_summary_free      (PcImportSummary      *summary);

PcProject       *pc_project_open             (const char           *path,
                                              GError              **error);
PcProject       *pc_project_open_read_only   (const char           *path,
                                              GError              **error);
const char      *pc_project_get_path         (PcProject            *self);
int              pc_project_get_schema_version (PcProject          *self);
gboolean         pc_project_add_report       (PcProject            *self,
                                              PcReport             *report,
                                              gint64               *out_id,
                                              GError              **error);
gint64           pc_project_find_by_hash     (PcProject            *self,
                                              const char           *content_hash);
PcImportSummary *pc_project_import_files     (PcProject            *self,
                                              const char * const   *paths,
                                              PcImportProgressFunc  progress,
                                              gpointer              user_data,
                                              GCancellable         *cancellable,
                                              GError              **error);
PcImportSummary *pc_project_import_bytes     (PcProject            *self,
                                              GPtrArray            *contents,
                                              const char * const   *names,
                                              PcImportProgressFunc  progress,
                                              gpointer              user_data,
                                              GCancellable         *cancellable,
                                              GError              **error);
GPtrArray       *pc_project_list_reports     (PcProject            *self,
                                              GError              **error);
PcReport        *pc_project_load_report      (PcProject            *self,
                                              gint64                id,
                                              GError              **error);
GBytes          *pc_project_remove_report    (PcProject            *self,
                                              gint64                id,
                                              GError              **error);
gboolean         pc_project_restore_report   (PcProject            *self,
                                              GBytes               *removal,
                                              GError              **error);
GBytes          *pc_project_replace_report   (PcProject            *self,
                                              gint64                id,
                                              PcReport             *revised,
                                              PcReanchorSummary    *out_summary,
                                              GError              **error);
gboolean         pc_project_apply_changes    (PcProject            *self,
                                              GBytes               *changes,
                                              gboolean              invert,
                                              GError              **error);
guint            pc_project_count_reports    (PcProject            *self);
gboolean         pc_project_backup           (PcProject            *self,
                                              const char           *dest_path,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcImportSummary, pc_import_summary_free)

G_END_DECLS

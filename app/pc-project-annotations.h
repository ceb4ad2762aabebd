/* pc-project-annotations.h — storing annotations and the register status of form findings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-annotation.h"
#include "pc-project.h"

G_BEGIN_DECLS

/* The register status a reviewer gave one form finding of one report. */
typedef struct
{
  gint64    report_id;
  char     *finding_key;
  PcStatus  status;
  char     *reviewer;
  char     *note;
  char     *modified;
} PcFindingStatus;

PcFindingStatus *pc_finding_status_new        (gint64           report_id,
                                               const char      *finding_key,
                                               PcStatus         status,
                                               const char      *reviewer,
                                               const char      *note,
                                               const char      *modified);
PcFindingStatus *pc_finding_status_copy       (const PcFindingStatus *status);
void             pc_finding_status_free       (PcFindingStatus *status);
char            *pc_finding_dup_key           (const PcFinding *finding);

gboolean         pc_project_insert_annotation (PcProject       *self,
                                               PcAnnotation    *annotation,
                                               GError         **error);
gboolean         pc_project_update_annotation (PcProject       *self,
                                               PcAnnotation    *annotation,
                                               GError         **error);
gboolean         pc_project_delete_annotation (PcProject       *self,
                                               gint64           id,
                                               GError         **error);
PcAnnotation    *pc_project_get_annotation    (PcProject       *self,
                                               gint64           id,
                                               GError         **error);
GPtrArray       *pc_project_list_annotations  (PcProject       *self,
                                               gint64           report_id,
                                               GError         **error);
GPtrArray       *pc_project_list_problems     (PcProject       *self,
                                               GError         **error);
gboolean         pc_project_put_finding_status (PcProject      *self,
                                                const PcFindingStatus *status,
                                                GError        **error);
gboolean         pc_project_clear_finding_status (PcProject    *self,
                                                  gint64        report_id,
                                                  const char   *finding_key,
                                                  GError      **error);
PcFindingStatus *pc_project_get_finding_status (PcProject      *self,
                                                gint64          report_id,
                                                const char     *finding_key,
                                                GError        **error);
GPtrArray       *pc_project_list_finding_statuses (PcProject   *self,
                                                   gint64       report_id,
                                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcFindingStatus, pc_finding_status_free)

G_END_DECLS

/* pc-report.h — one annual report: metadata, clean text, section tree, form findings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-finding.h"
#include "pc-section.h"
#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_REPORT (pc_report_get_type ())

G_DECLARE_FINAL_TYPE (PcReport, pc_report, PC, REPORT, GObject)

PcReport       *pc_report_new                (const char     *text);
gint64          pc_report_get_id             (PcReport       *self);
void            pc_report_set_id             (PcReport       *self,
                                              gint64          id);
const char     *pc_report_get_text           (PcReport       *self);
guint           pc_report_get_length         (PcReport       *self);
char           *pc_report_dup_slice          (PcReport       *self,
                                              PcRange         range);
const char     *pc_report_get_title          (PcReport       *self);
void            pc_report_set_title          (PcReport       *self,
                                              const char     *title);
const char     *pc_report_get_agency         (PcReport       *self);
void            pc_report_set_agency         (PcReport       *self,
                                              const char     *agency);
guint           pc_report_get_year           (PcReport       *self);
void            pc_report_set_year           (PcReport       *self,
                                              guint           year);
const char     *pc_report_get_published      (PcReport       *self);
void            pc_report_set_published      (PcReport       *self,
                                              const char     *iso_date);
const char     *pc_report_get_signed         (PcReport       *self);
void            pc_report_set_signed         (PcReport       *self,
                                              const char     *iso_date);
const char     *pc_report_get_date           (PcReport       *self);
const char     *pc_report_get_doc_number     (PcReport       *self);
void            pc_report_set_doc_number     (PcReport       *self,
                                              const char     *doc_number);
const char     *pc_report_get_addressee      (PcReport       *self);
void            pc_report_set_addressee      (PcReport       *self,
                                              const char     *addressee);
const char     *pc_report_get_source_name    (PcReport       *self);
void            pc_report_set_source_name    (PcReport       *self,
                                              const char     *source_name);
PcSourceFormat  pc_report_get_source_format  (PcReport       *self);
void            pc_report_set_source_format  (PcReport       *self,
                                              PcSourceFormat  format);
const char     *pc_report_get_encoding       (PcReport       *self);
void            pc_report_set_encoding       (PcReport       *self,
                                              const char     *encoding);
const char     *pc_report_get_content_hash   (PcReport       *self);
void            pc_report_set_content_hash   (PcReport       *self,
                                              const char     *content_hash);
char           *pc_report_dup_display_name   (PcReport       *self);

GListModel     *pc_report_get_sections       (PcReport       *self);
void            pc_report_append_section     (PcReport       *self,
                                              PcSection      *section);
PcSection      *pc_report_find_section       (PcReport       *self,
                                              const char     *path);
GPtrArray      *pc_report_get_findings       (PcReport       *self);
void            pc_report_add_finding        (PcReport       *self,
                                              PcFinding      *finding);
GPtrArray      *pc_report_get_parts          (PcReport       *self);
void            pc_report_add_part           (PcReport       *self,
                                              PcPart         *part);
PcPart         *pc_report_find_part          (PcReport       *self,
                                              const char     *key);

char           *pc_report_to_json            (PcReport       *self,
                                              gboolean        pretty);

G_END_DECLS

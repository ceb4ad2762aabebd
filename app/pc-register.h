/* pc-register.h — the findings register: every annotation and form finding, one row each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-annotation.h"
#include "pc-review-session.h"

G_BEGIN_DECLS

#define PC_TYPE_REGISTER_ENTRY (pc_register_entry_get_type ())
#define PC_TYPE_REGISTER       (pc_register_get_type ())

G_DECLARE_FINAL_TYPE (PcRegisterEntry, pc_register_entry, PC, REGISTER_ENTRY, GObject)
G_DECLARE_FINAL_TYPE (PcRegister, pc_register, PC, REGISTER, GObject)

gboolean          pc_register_entry_is_finding      (PcRegisterEntry *self);
gint64            pc_register_entry_get_report_id   (PcRegisterEntry *self);
const char       *pc_register_entry_get_report_name (PcRegisterEntry *self);
const char       *pc_register_entry_get_section     (PcRegisterEntry *self);
guint             pc_register_entry_get_start       (PcRegisterEntry *self);
guint             pc_register_entry_get_end         (PcRegisterEntry *self);
gint64            pc_register_entry_get_annotation_id (PcRegisterEntry *self);
const char       *pc_register_entry_get_finding_key (PcRegisterEntry *self);
guint             pc_register_entry_get_item        (PcRegisterEntry *self);
PcAnnotationKind  pc_register_entry_get_kind        (PcRegisterEntry *self);
const char       *pc_register_entry_get_kind_name   (PcRegisterEntry *self);
const char       *pc_register_entry_get_quote       (PcRegisterEntry *self);
const char       *pc_register_entry_get_comment     (PcRegisterEntry *self);
const char       *pc_register_entry_get_fix         (PcRegisterEntry *self);
PcSeverity        pc_register_entry_get_severity    (PcRegisterEntry *self);
const char       *pc_register_entry_get_severity_name (PcRegisterEntry *self);
PcStatus          pc_register_entry_get_status      (PcRegisterEntry *self);
const char       *pc_register_entry_get_status_name (PcRegisterEntry *self);
const char       *pc_register_entry_get_reviewer    (PcRegisterEntry *self);
const char       *pc_register_entry_get_date        (PcRegisterEntry *self);
gboolean          pc_register_entry_is_same_row     (PcRegisterEntry *self,
                                                     PcRegisterEntry *other);

/* GCompareDataFunc-shaped, for a GtkCustomSorter: ties fall back to report and text order. */
int               pc_register_entry_compare_by_report   (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_section  (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_item     (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_kind     (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_text     (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_severity (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);
int               pc_register_entry_compare_by_status   (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);

char             *pc_register_dup_location          (PcReport        *report,
                                                     guint            offset);
gboolean          pc_register_is_past_sections      (PcReport        *report,
                                                     guint            offset);
GPtrArray        *pc_register_build                 (PcProject       *project,
                                                     gint64           report_id,
                                                     GError         **error);

PcRegister       *pc_register_new                   (void);
void              pc_register_replace               (PcRegister      *self,
                                                     GPtrArray       *entries);
gboolean          pc_register_load                  (PcRegister      *self,
                                                     PcReviewSession *session,
                                                     gint64           report_id,
                                                     GError         **error);
void              pc_register_load_async            (PcRegister      *self,
                                                     PcReviewSession *session,
                                                     gint64           report_id,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
gboolean          pc_register_load_finish           (PcRegister      *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);

G_END_DECLS

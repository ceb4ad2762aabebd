/* pc-window-private.h — the window's state, shared by pc-window.c (projects, library,
 * import, window state) and pc-window-review.c (reader, outline, annotations, register);
 * and accessors for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-annotate-popover.h"
#include "pc-checklist-panel.h"
#include "pc-project-worker.h"
#include "pc-register.h"
#include "pc-report-view.h"
#include "pc-review-marks.h"
#include "pc-window.h"

G_BEGIN_DECLS

struct _PcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkSpinner           *busy_spinner;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  AdwStatusPage        *busy_page;
  GMenu                *recent_menu;
  GtkPaned             *library_paned;
  GtkPaned             *sidebar_paned;
  GtkPaned             *reader_paned;
  GtkSearchEntry       *library_search;
  GtkDropDown          *year_dropdown;
  GtkDropDown          *agency_dropdown;
  GtkStringList        *years;
  GtkStringList        *agencies;
  GtkFilterListModel   *library_filter_model;
  GtkCustomFilter      *library_filter;
  GtkListView          *reports_view;
  GtkSingleSelection   *reports_selection;
  GtkListView          *sections_view;
  GtkSingleSelection   *sections_selection;
  AdwViewStack         *view_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_label;
  PcReportView         *text_view;
  GtkTextBuffer        *text_buffer;
  PcChecklistPanel     *checklist_panel;
  GtkCheckButton       *register_all_check;
  GtkLabel             *register_count_label;
  GtkColumnView        *register_view;
  GtkSingleSelection   *register_selection;
  GtkFilterListModel   *register_filter_model;
  GtkCustomFilter      *register_filter;
  GtkCustomSorter      *sort_by_report;
  GtkCustomSorter      *sort_by_item;
  GtkCustomSorter      *sort_by_kind;
  GtkCustomSorter      *sort_by_text;
  GtkCustomSorter      *sort_by_severity;
  GtkCustomSorter      *sort_by_status;

  GSettings            *settings;
  GListStore           *reports;        /* PcLibraryItem */
  PcProjectWorker      *worker;
  PcReviewSession      *session;
  PcReviewMarks        *marks;
  PcRegister           *register_model;
  PcRegisterEntry      *register_selected;  /* the last row selected, found again after a load */
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  GCancellable         *export_cancellable;
  char                 *export_path;
  char                 *project_path;
  char                **seed_paths;
  GtkTextMark          *scroll_mark;
  GtkTextTag           *heading1_tag;
  GtkTextTag           *heading2_tag;
  GtkTextTag           *number_missing_tag;
  GtkTextTag           *evidence_tag;
  GtkTextTag           *chapter_tags[11];   /* [0] for annotations on no item */
  GtkTextTag           *current_tag;
  GtkTextTag           *search_tag;
  GtkTextTag           *search_current_tag;
  gint64                selected_id;
  gint64                restore_report_id;
  guint                 scroll_source;

  /* The report shown and its review. */
  PcReport             *report;
  GPtrArray            *annotations;    /* PcAnnotation of the report shown */
  PcReportReview       *review;
  PcAnnotatePopover    *popover;
  gint64                current_id;     /* the annotation the span actions change */
  PcRange               popover_range;  /* the passage the open popover annotates */
  char                 *rating;         /* the selected item's rating, for win.rate */
  GArray               *matches;        /* PcRange of the search */
  int                   match;
  gint64                jump_report_id;
  PcRange               jump_range;
  guint                 n_pending;      /* edits and loads in flight */

  guint                 loading : 1;
  guint                 importing : 1;
  guint                 exporting : 1;
  guint                 reveal_export : 1;
  guint                 show_evidence : 1;
  guint                 register_dirty : 1;
};

/* pc-window-review.c */
void           _pc_window_review_class_init   (GtkWidgetClass *widget_class);
void           _pc_window_review_init         (PcWindow       *self);
void           _pc_window_review_dispose      (PcWindow       *self);
void           _pc_window_review_get_property (GObject        *object,
                                               guint           prop_id,
                                               GValue         *value,
                                               GParamSpec     *pspec);
void           _pc_window_review_set_session  (PcWindow       *self,
                                               PcReviewSession *session);
void           _pc_window_review_show_report  (PcWindow       *self,
                                               PcReport       *report);
void           _pc_window_show_toast          (PcWindow       *self,
                                               const char     *message);
void           _pc_window_show_error          (PcWindow       *self,
                                               const GError   *error);
void           _pc_window_update_library_progress (PcWindow   *self,
                                                   GPtrArray  *summaries);
void           _pc_window_refresh_summaries   (PcWindow       *self);
void           _pc_window_reload_reports      (PcWindow       *self);
void           _pc_window_add_report_filters  (GtkFileChooser *chooser);
guint          _pc_window_find_report_in      (GListModel     *model,
                                               gint64          id);
void           _pc_window_select_report_id    (PcWindow       *self,
                                               gint64          id);

/* pc-window-export.c */
void           _pc_window_export_class_init   (GtkWidgetClass *widget_class);
void           _pc_window_export_to           (PcWindow       *self,
                                               const char     *path,
                                               gboolean        reveal);
void           _pc_window_update_state        (PcWindow       *self);

/* For tests. */
GListModel    *_pc_window_get_reports          (PcWindow *self);
GListModel    *_pc_window_get_sections         (PcWindow *self);
GtkTextBuffer *_pc_window_get_text_buffer      (PcWindow *self);
GtkTextView   *_pc_window_get_text_view        (PcWindow *self);
const char    *_pc_window_get_visible_page     (PcWindow *self);
void           _pc_window_select_report        (PcWindow *self,
                                                guint     position);
void           _pc_window_activate_section     (PcWindow *self,
                                                guint     position);
PcReviewSession *_pc_window_get_session        (PcWindow *self);
PcChecklistPanel *_pc_window_get_checklist_panel (PcWindow *self);
PcAnnotatePopover *_pc_window_get_popover      (PcWindow *self);
GPtrArray     *_pc_window_get_annotations      (PcWindow *self);
PcReportReview *_pc_window_get_review          (PcWindow *self);
GListModel    *_pc_window_get_register         (PcWindow *self);
gboolean       _pc_window_is_settled           (PcWindow *self);
PcReport      *_pc_window_get_report           (PcWindow *self);

G_END_DECLS

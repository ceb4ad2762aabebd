/* pc-window-review.c — the window's reader and review: the report text with its headings,
 * annotation highlights and evidence, the outline panel, the annotate popover, the
 * findings register, search, and every review action.
 *
 * Every edit goes through the review session (annotations, finding statuses) or the
 * review marks (ratings, decisions), runs on the session's database thread, and comes
 * back as a signal; the window changes its models and tags only from those signals, so
 * that undo and redo take the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-compare-window.h"
#include "pc-labels.h"
#include "pc-library-item.h"
#include "pc-outline-node.h"
#include "pc-report-details-dialog.h"
#include "pc-review-state.h"
#include "pc-window-private.h"

#define HIGHLIGHT_ALPHA 0.30

static void load_annotations (PcWindow *self);
static void load_review      (PcWindow *self);
static void load_register    (PcWindow *self);

/* Pending work, so tests can wait until the database has everything. */
static void
begin_pending (PcWindow *self)
{
  self->n_pending++;
  g_object_ref (self);
}

static void
end_pending (PcWindow *self)
{
  g_assert (self->n_pending > 0);
  self->n_pending--;
  g_object_unref (self);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Text and headings ------------------------------------------------------------------- */

static GListModel *
create_section_children_cb (gpointer item,
                            gpointer user_data)
{
  PcSection *section = item;

  if (pc_section_get_n_children (section) == 0)
    return NULL;
  return g_object_ref (pc_section_get_children (section));
}

static void
apply_heading_tags (PcWindow *self,
                    PcReport *report)
{
  g_autoptr(GArray) spans = pc_labels_heading_spans (report);
  GtkTextIter start, end;

  for (guint i = 0; i < spans->len; i++)
    {
      const PcHeadingSpan *span = &g_array_index (spans, PcHeadingSpan, i);
      gboolean is_inline = pc_section_get_flags (span->section) & PC_SECTION_FLAG_INLINE;
      GtkTextTag *tag = (span->level == 1 && !is_inline) ? self->heading1_tag : self->heading2_tag;

      gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, span->range.start);
      gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, span->range.end);
      gtk_text_buffer_apply_tag (self->text_buffer, tag, &start, &end);
      if (span->number_missing)
        gtk_text_buffer_apply_tag (self->text_buffer, self->number_missing_tag, &start, &end);
    }
}

static gboolean
scroll_to_mark_cb (gpointer user_data)
{
  PcWindow *self = user_data;

  self->scroll_source = 0;
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->scroll_mark, 0.0, TRUE,
                                0.0, 0.3);
  return G_SOURCE_REMOVE;
}

/* GtkTextView lays out new text in idle chunks at a higher priority; scrolling before that
 * is done aims at estimated line heights and lands in the wrong place. */
static void
scroll_to_mark_later (PcWindow *self)
{
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, scroll_to_mark_cb, self, NULL);
}

/* Selects @range of the text and scrolls to it. */
static void
select_range (PcWindow *self,
              PcRange   range)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, range.end);
  gtk_text_buffer_select_range (self->text_buffer, &start, &end);
  gtk_text_buffer_move_mark (self->text_buffer, self->scroll_mark, &start);
  scroll_to_mark_later (self);
}

static void
scroll_to_section (PcWindow  *self,
                   PcSection *section)
{
  PcRange heading = pc_section_get_heading (section);

  if (heading.end <= heading.start)
    heading = (PcRange) { pc_section_get_range (section).start, pc_section_get_range (section).start };
  select_range (self, heading);
}

static void
on_sections_view_activate_cb (PcWindow    *self,
                              guint        position,
                              GtkListView *view)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(PcSection) section = NULL;

  g_assert (PC_IS_WINDOW (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->sections_selection), position);
  if (row == NULL)
    return;
  section = gtk_tree_list_row_get_item (row);
  gtk_single_selection_set_selected (self->sections_selection, position);
  scroll_to_section (self, section);
}

static guint
cursor_offset (PcWindow *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->text_buffer, &iter,
                                    gtk_text_buffer_get_insert (self->text_buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* The row of the section that holds the cursor: the last heading at or before it. */
static guint
current_section_row (PcWindow *self)
{
  GListModel *rows = G_LIST_MODEL (self->sections_selection);
  guint n = g_list_model_get_n_items (rows);
  guint offset = cursor_offset (self);
  guint found = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(PcSection) section = gtk_tree_list_row_get_item (row);

      if (pc_section_get_range (section).start <= offset)
        found = i;
    }
  return found;
}

static void
pc_window_actions_step_section_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  GListModel *rows = G_LIST_MODEL (self->sections_selection);
  guint n = g_list_model_get_n_items (rows);
  guint row = current_section_row (self);
  int step = g_variant_get_int32 (param);
  guint target;

  if (n == 0)
    return;
  if (row == GTK_INVALID_LIST_POSITION)
    target = step > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  else if (step < 0)
    target = row > 0 ? row - 1 : GTK_INVALID_LIST_POSITION;
  else
    target = row + 1 < n ? row + 1 : GTK_INVALID_LIST_POSITION;
  if (target != GTK_INVALID_LIST_POSITION)
    on_sections_view_activate_cb (self, target, self->sections_view);
}

/* Annotations ------------------------------------------------------------------------- */

static GtkTextTag *
tag_for_item (PcWindow *self,
              guint     item)
{
  guint chapter = self->review ? pc_review_state_item_chapter (self->review->checklist, item) : 0;

  return self->chapter_tags[MIN (chapter, PC_N_CHAPTER_COLORS)];
}

static void
update_margin_labels (PcWindow *self)
{
  g_autoptr(GArray) labels = g_array_sized_new (FALSE, FALSE, sizeof (PcMarginLabel),
                                                self->annotations->len);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      guint item = pc_annotation_get_item (annotation);
      guint chapter = self->review ? pc_review_state_item_chapter (self->review->checklist, item) : 0;
      PcMarginLabel label = { pc_annotation_get_start (annotation), item, { 0 } };

      gdk_rgba_parse (&label.color, pc_review_state_chapter_color (chapter));
      g_array_append_val (labels, label);
    }
  pc_report_view_set_labels (self->text_view, g_steal_pointer (&labels));
}

static void
apply_one (PcWindow     *self,
           PcAnnotation *annotation)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, pc_annotation_get_start (annotation));
  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, pc_annotation_get_end (annotation));
  gtk_text_buffer_apply_tag (self->text_buffer, tag_for_item (self, pc_annotation_get_item (annotation)),
                             &start, &end);
  if (pc_annotation_get_id (annotation) == self->current_id)
    gtk_text_buffer_apply_tag (self->text_buffer, self->current_tag, &start, &end);
}

/* Re-derives every annotation tag from the annotations held: the database stays the
 * truth, and the tags never keep the only copy of a highlight. */
static void
apply_highlights (PcWindow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->chapter_tags); i++)
    gtk_text_buffer_remove_tag (self->text_buffer, self->chapter_tags[i], &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->current_tag, &start, &end);
  for (guint i = 0; i < self->annotations->len; i++)
    apply_one (self, g_ptr_array_index (self->annotations, i));
  update_margin_labels (self);
}

static guint
find_annotation (PcWindow *self,
                 gint64    id)
{
  for (guint i = 0; i < self->annotations->len; i++)
    if (pc_annotation_get_id (g_ptr_array_index (self->annotations, i)) == id)
      return i;
  return G_MAXUINT;
}

static PcAnnotation *
get_annotation (PcWindow *self,
                gint64    id)
{
  guint index = find_annotation (self, id);

  return index == G_MAXUINT ? NULL : g_ptr_array_index (self->annotations, index);
}

/* The innermost annotation over @offset. */
static PcAnnotation *
annotation_at (PcWindow *self,
               guint     offset)
{
  PcAnnotation *best = NULL;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      guint start = pc_annotation_get_start (annotation);
      guint end = pc_annotation_get_end (annotation);

      if (start <= offset && offset < end &&
          (best == NULL || end - start < pc_annotation_get_end (best) - pc_annotation_get_start (best)))
        best = annotation;
    }
  return best;
}

static PcAnnotation *
annotation_with_range (PcWindow *self,
                       PcRange   range)
{
  for (guint i = 0; i < self->annotations->len; i++)
    {
      PcAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (pc_annotation_get_start (annotation) == range.start &&
          pc_annotation_get_end (annotation) == range.end)
        return annotation;
    }
  return NULL;
}

/* Delete in the report text deletes the annotation under the cursor; anywhere else (the
 * popover's fields, the search entry) the key is left to the focused widget. */
static gboolean
delete_annotation_at_cursor_cb (GtkWidget *widget,
                                GVariant  *args,
                                gpointer   user_data)
{
  PcWindow *self = PC_WINDOW (user_data);

  if (gtk_root_get_focus (GTK_ROOT (self)) != GTK_WIDGET (self->text_view) ||
      self->annotations == NULL || annotation_at (self, cursor_offset (self)) == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-annotation", "x", (gint64) -1);
}

static void
on_popover_closed_cb (PcWindow          *self,
                      PcAnnotatePopover *popover)
{
  self->popover_range = (PcRange) { 0, 0 };
}

static gboolean
is_page_visible (PcWindow   *self,
                 const char *name)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), name) == 0;
}

/* Rating and deciding act on the outline beside the text, marking on the register's row: each
 * only while its page is shown, which lets Alt+1… mean the one or the other. */
static void
update_actions (PcWindow *self)
{
  PcUndoStack *undo = self->session ? pc_review_session_get_undo_stack (self->session) : NULL;
  gboolean have_report = self->report != NULL && self->session != NULL;
  gboolean reading = self->review != NULL && is_page_visible (self, "read");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 undo != NULL && pc_undo_stack_get_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 undo != NULL && pc_undo_stack_get_can_redo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate", have_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-report", have_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-report",
                                 have_report && self->marks != NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->reports)) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-report", have_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.replace-report", have_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate-selection", have_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-annotation",
                                 have_report && self->annotations->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.span-adjust",
                                 have_report && self->current_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.span-to-selection",
                                 have_report && self->current_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rate", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.decide", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-status",
                                 is_page_visible (self, "register") &&
                                 gtk_single_selection_get_selected_item (self->register_selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-unrated", self->review != NULL);
}

static void
set_current (PcWindow *self,
             gint64    id)
{
  PcAnnotation *annotation;

  if (self->current_id == id)
    return;
  self->current_id = id;
  apply_highlights (self);
  annotation = get_annotation (self, id);
  if (annotation != NULL && pc_annotation_get_item (annotation) != 0)
    pc_checklist_panel_select_item (self->checklist_panel, pc_annotation_get_item (annotation));
  update_actions (self);
}

static void
on_cursor_position_notify_cb (PcWindow      *self,
                              GParamSpec    *pspec,
                              GtkTextBuffer *buffer)
{
  PcAnnotation *annotation;

  g_assert (PC_IS_WINDOW (self));

  if (self->annotations == NULL)
    return;
  annotation = annotation_at (self, cursor_offset (self));
  if (annotation != NULL)
    set_current (self, pc_annotation_get_id (annotation));
}

static void
on_annotation_changed_cb (PcWindow        *self,
                          PcAnnotation    *annotation,
                          PcReviewSession *session)
{
  guint index;

  g_assert (PC_IS_WINDOW (self));

  load_register (self);
  if (self->report == NULL || pc_annotation_get_report_id (annotation) != pc_report_get_id (self->report))
    return;
  index = find_annotation (self, pc_annotation_get_id (annotation));
  if (index != G_MAXUINT)
    {
      PcAnnotation *old = g_ptr_array_index (self->annotations, index);

      g_ptr_array_index (self->annotations, index) = g_object_ref (annotation);
      g_object_unref (old);
      apply_highlights (self);
    }
  else
    {
      /* A new annotation: one more tag, no full rebuild. */
      g_ptr_array_add (self->annotations, g_object_ref (annotation));
      apply_one (self, annotation);
      update_margin_labels (self);
    }
  update_actions (self);
}

static void
on_annotation_removed_cb (PcWindow        *self,
                          gint64           id,
                          gint64           report_id,
                          PcReviewSession *session)
{
  guint index = find_annotation (self, id);

  g_assert (PC_IS_WINDOW (self));

  load_register (self);
  if (index == G_MAXUINT)
    return;
  g_ptr_array_remove_index (self->annotations, index);
  if (self->current_id == id)
    self->current_id = 0;
  apply_highlights (self);
  update_actions (self);
}

static void
on_finding_status_changed_cb (PcWindow        *self,
                              gint64           report_id,
                              const char      *finding_key,
                              PcReviewSession *session)
{
  load_register (self);
}

static void
on_list_annotations_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;

  annotations = pc_review_session_list_annotations_finish (PC_REVIEW_SESSION (source), result, &error);
  if (annotations == NULL)
    {
      if (!is_cancelled (error))
        _pc_window_show_error (self, error);
    }
  else if ((PcReviewSession *) source == self->session && self->report != NULL)
    {
      g_ptr_array_set_size (self->annotations, 0);
      for (guint i = 0; i < annotations->len; i++)
        g_ptr_array_add (self->annotations, g_object_ref (g_ptr_array_index (annotations, i)));
      apply_highlights (self);
      update_actions (self);
    }
  end_pending (self);
}

static void
load_annotations (PcWindow *self)
{
  if (self->session == NULL || self->report == NULL)
    return;
  begin_pending (self);
  pc_review_session_list_annotations_async (self->session, pc_report_get_id (self->report),
                                            self->cancellable, on_list_annotations_cb, self);
}

/* Evidence and the review ------------------------------------------------------------- */

static void
apply_evidence (PcWindow *self)
{
  GtkTextIter start, end;
  guint n_sections;

  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->evidence_tag, &start, &end);
  if (!self->show_evidence || self->review == NULL)
    return;
  n_sections = pc_coverage_get_n_sections (self->review->coverage);
  for (guint i = 0; i < n_sections; i++)
    {
      const PcSectionCoverage *section = pc_coverage_get_section (self->review->coverage, i);

      for (guint j = 0; j < section->items->len; j++)
        {
          const PcSectionItem *item = &g_array_index (section->items, PcSectionItem, j);

          for (guint k = 0; k < item->hits->len; k++)
            {
              const PcCoverageHit *hit = &g_array_index (item->hits, PcCoverageHit, k);

              gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, hit->match.start);
              gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, hit->match.end);
              gtk_text_buffer_apply_tag (self->text_buffer, self->evidence_tag, &start, &end);
            }
        }
    }
}

static void
sync_rating (PcWindow *self)
{
  guint item = pc_checklist_panel_get_selected_item (self->checklist_panel);
  PcRating rating = self->review && item ? pc_report_review_get_rating (self->review, item)
                                         : PC_RATING_UNSET;
  const char *key = pc_rating_to_string (rating);

  if (g_strcmp0 (self->rating, key ? key : "unset") == 0)
    return;
  g_free (self->rating);
  self->rating = g_strdup (key ? key : "unset");
  g_object_notify (G_OBJECT (self), "rating");
}

static void
show_review (PcWindow *self)
{
  pc_checklist_panel_set_review (self->checklist_panel, self->review);
  if (self->review != NULL)
    pc_annotate_popover_set_items (self->popover, pc_checklist_panel_get_items (self->checklist_panel),
                                   self->review->checklist);
  sync_rating (self);
  update_actions (self);
}

static void
update_library_item (PcWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reports));
  g_autoptr(PcScore) score = NULL;
  g_autofree char *progress = NULL;

  if (self->review == NULL)
    return;
  score = pc_report_review_score (self->review);
  progress = pc_review_state_library_progress (pc_report_review_count_rated (self->review),
                                               self->review->n_items, score->grade, score->total);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->reports), i);

      if (pc_report_get_id (pc_library_item_get_report (item)) == self->review->report_id)
        pc_library_item_set_progress (item, progress);
    }
}

static void
on_review_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  PcReportReview *review;

  review = pc_review_marks_load_finish (PC_REVIEW_MARKS (source), result, &error);
  if (review == NULL)
    {
      if (!is_cancelled (error))
        _pc_window_show_error (self, error);
    }
  else if ((PcReviewMarks *) source == self->marks && self->report != NULL &&
           review->report_id == pc_report_get_id (self->report))
    {
      pc_checklist_panel_set_review (self->checklist_panel, NULL);
      g_clear_pointer (&self->review, pc_report_review_free);
      self->review = review;
      show_review (self);
      apply_evidence (self);
      apply_highlights (self);
      update_library_item (self);
    }
  else
    pc_report_review_free (review);
  end_pending (self);
}

static void
load_review (PcWindow *self)
{
  if (self->marks == NULL || self->report == NULL)
    return;
  begin_pending (self);
  pc_review_marks_load_async (self->marks, self->report, self->cancellable, on_review_loaded_cb,
                              self);
}

/* Whether a mark on @item of @report_id is on the review shown (undo may change a mark on
 * another report). */
static gboolean
is_item_shown (PcWindow *self,
               gint64    report_id,
               guint     item)
{
  return self->review != NULL && self->review->report_id == report_id &&
         item >= 1 && item <= self->review->n_items;
}

static void
on_rating_changed_cb (PcWindow      *self,
                      gint64         report_id,
                      guint          item,
                      int            rating,
                      PcReviewMarks *marks)
{
  g_assert (PC_IS_WINDOW (self));

  if (!is_item_shown (self, report_id, item))
    {
      _pc_window_refresh_summaries (self);
      return;
    }
  self->review->overrides[item - 1] = rating;
  show_review (self);
  update_library_item (self);
}

static void
on_decision_changed_cb (PcWindow      *self,
                        gint64         report_id,
                        guint          item,
                        int            decision,
                        PcReviewMarks *marks)
{
  g_assert (PC_IS_WINDOW (self));

  if (!is_item_shown (self, report_id, item))
    {
      _pc_window_refresh_summaries (self);
      return;
    }
  /* A decision changes what the engine's suggestion counts for (a rejected item is not
   * addressed, an added one is): the review is loaded again, as everything else scores it. */
  self->review->decisions[item - 1] = decision;
  show_review (self);
  load_review (self);
}

static void
on_checklist_item_notify_cb (PcWindow         *self,
                             GParamSpec       *pspec,
                             PcChecklistPanel *panel)
{
  g_assert (PC_IS_WINDOW (self));

  sync_rating (self);
}

static void
on_evidence_activated_cb (PcWindow         *self,
                          guint             start,
                          guint             end,
                          PcChecklistPanel *panel)
{
  g_assert (PC_IS_WINDOW (self));

  select_range (self, (PcRange) { start, end });
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Summaries for the library ----------------------------------------------------------- */

void
_pc_window_update_library_progress (PcWindow  *self,
                                    GPtrArray *summaries)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reports));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->reports), i);
      gint64 id = pc_report_get_id (pc_library_item_get_report (item));

      for (guint j = 0; j < summaries->len; j++)
        {
          PcReportSummary *summary = g_ptr_array_index (summaries, j);

          if (summary->report_id == id)
            {
              g_autofree char *progress = pc_review_state_library_progress (summary->n_rated,
                                                                            summary->n_items,
                                                                            summary->grade,
                                                                            summary->total);

              pc_library_item_set_progress (item, progress);
            }
        }
    }
}

static void
on_summaries_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;

  summaries = pc_review_marks_summarize_finish (PC_REVIEW_MARKS (source), result, &error);
  if (summaries != NULL && (PcReviewMarks *) source == self->marks)
    _pc_window_update_library_progress (self, summaries);
  else if (summaries == NULL && !is_cancelled (error))
    g_debug ("Cannot sum up the reviews: %s", error->message);
  end_pending (self);
}

void
_pc_window_refresh_summaries (PcWindow *self)
{
  if (self->marks == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->reports)) == 0)
    return;
  begin_pending (self);
  pc_review_marks_summarize_async (self->marks, self->cancellable, on_summaries_cb, self);
}

/* The findings register --------------------------------------------------------------- */

static gboolean
register_filter_cb (gpointer item,
                    gpointer user_data)
{
  PcWindow *self = user_data;
  PcRegisterEntry *entry = item;

  if (pc_register_entry_is_finding (entry))
    {
      const char *key = pc_register_entry_get_finding_key (entry);

      /* The prior-year part is only a finding where the reviewer requires it. */
      if (key != NULL && strstr (key, PC_PART_PRIOR_RECTIFICATION) != NULL &&
          !g_settings_get_boolean (self->settings, "require-prior-rectification"))
        return FALSE;
      return TRUE;
    }
  return pc_register_entry_get_kind (entry) == PC_ANNOTATION_PROBLEM;
}

static void
update_register_count (PcWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->register_filter_model));
  g_autofree char *text = g_strdup_printf (ngettext ("%u finding", "%u findings", n), n);

  gtk_label_set_label (self->register_count_label, text);
}

/* A load makes new rows: the row selected before is found again by what it stands for. */
static void
reselect_register_row (PcWindow *self)
{
  GListModel *rows = G_LIST_MODEL (self->register_selection);
  guint n = g_list_model_get_n_items (rows);

  if (self->register_selected == NULL ||
      gtk_single_selection_get_selected_item (self->register_selection) != NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcRegisterEntry) entry = g_list_model_get_item (rows, i);

      if (pc_register_entry_is_same_row (entry, self->register_selected))
        {
          gtk_single_selection_set_selected (self->register_selection, i);
          return;
        }
    }
}

static void
on_register_selection_notify_cb (PcWindow           *self,
                                 GParamSpec         *pspec,
                                 GtkSingleSelection *selection)
{
  PcRegisterEntry *entry = gtk_single_selection_get_selected_item (selection);

  if (entry != NULL)
    g_set_object (&self->register_selected, entry);
  update_actions (self);
}

static void
on_register_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_register_load_finish (PC_REGISTER (source), result, &error) && !is_cancelled (error))
    g_debug ("Cannot load the register: %s", error->message);
  else
    reselect_register_row (self);
  update_register_count (self);
  end_pending (self);
}

/* The register is built when its page is shown, and again after a change while it is. */
static void
load_register (PcWindow *self)
{
  gint64 report_id;

  if (self->session == NULL)
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "register") != 0)
    {
      self->register_dirty = TRUE;
      return;
    }
  self->register_dirty = FALSE;
  report_id = gtk_check_button_get_active (self->register_all_check) || self->report == NULL
              ? 0 : pc_report_get_id (self->report);
  begin_pending (self);
  pc_register_load_async (self->register_model, self->session, report_id, self->cancellable,
                          on_register_loaded_cb, self);
}

static void
on_view_stack_notify_cb (PcWindow     *self,
                         GParamSpec   *pspec,
                         AdwViewStack *stack)
{
  if (self->register_dirty)
    load_register (self);
  update_actions (self);
}

static void
on_register_scope_notify_cb (PcWindow       *self,
                             GParamSpec     *pspec,
                             GtkCheckButton *check)
{
  g_assert (PC_IS_WINDOW (self));

  load_register (self);
}

static void
jump_to_pending (PcWindow *self)
{
  if (self->jump_report_id == 0 || self->report == NULL ||
      pc_report_get_id (self->report) != self->jump_report_id)
    return;
  self->jump_report_id = 0;
  select_range (self, self->jump_range);
}

static void
on_register_activate_cb (PcWindow      *self,
                         guint          position,
                         GtkColumnView *view)
{
  g_autoptr(PcRegisterEntry) entry = NULL;

  g_assert (PC_IS_WINDOW (self));

  entry = g_list_model_get_item (G_LIST_MODEL (self->register_selection), position);
  if (entry == NULL)
    return;
  self->jump_report_id = pc_register_entry_get_report_id (entry);
  self->jump_range = (PcRange) { pc_register_entry_get_start (entry), pc_register_entry_get_end (entry) };
  adw_view_stack_set_visible_child_name (self->view_stack, "read");
  if (self->report == NULL || pc_report_get_id (self->report) != self->jump_report_id)
    _pc_window_select_report_id (self, self->jump_report_id);
  jump_to_pending (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static char *
register_location_cb (gpointer         unused,
                      PcRegisterEntry *entry)
{
  return entry ? pc_review_state_register_location (entry) : NULL;
}

static char *
register_item_cb (gpointer         unused,
                  PcRegisterEntry *entry)
{
  static PcChecklist *checklist;

  if (entry == NULL)
    return NULL;
  /* Rows of the whole project name items as the default outline does. */
  if (checklist == NULL)
    checklist = pc_checklist_new_default ();
  return pc_review_state_register_item (checklist, pc_register_entry_get_item (entry));
}

static char *
register_kind_cb (gpointer         unused,
                  PcRegisterEntry *entry)
{
  return entry ? g_strdup (pc_register_entry_get_kind_name (entry)) : NULL;
}

static char *
register_severity_cb (gpointer         unused,
                      PcRegisterEntry *entry)
{
  return entry ? g_strdup (pc_register_entry_get_severity_name (entry)) : NULL;
}

static char *
register_text_cb (gpointer         unused,
                  PcRegisterEntry *entry)
{
  return entry ? pc_review_state_register_text (entry) : NULL;
}

static char *
register_status_cb (gpointer         unused,
                    PcRegisterEntry *entry)
{
  return entry ? g_strdup (pc_register_entry_get_status_name (entry)) : NULL;
}

static void
on_status_set_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error))
    _pc_window_show_error (self, error);
  end_pending (self);
}

static void
on_annotation_edited_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAnnotation) annotation = NULL;

  annotation = pc_review_session_edit_finish (PC_REVIEW_SESSION (source), result, &error);
  if (annotation == NULL)
    _pc_window_show_error (self, error);
  end_pending (self);
}

static void
pc_window_actions_set_status_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  PcRegisterEntry *entry = gtk_single_selection_get_selected_item (self->register_selection);
  PcStatus status;

  if (entry == NULL || self->session == NULL ||
      !pc_status_from_string (g_variant_get_string (param, NULL), &status))
    return;
  begin_pending (self);
  if (pc_register_entry_is_finding (entry))
    pc_review_session_set_finding_status_async (self->session,
                                                pc_register_entry_get_report_id (entry),
                                                pc_register_entry_get_finding_key (entry),
                                                status, NULL, NULL, on_status_set_cb, self);
  else
    {
      g_autoptr(PcAnnotation) values = pc_annotation_new ();

      pc_annotation_set_status (values, status);
      pc_review_session_update_annotation_async (self->session,
                                                 pc_register_entry_get_annotation_id (entry),
                                                 PC_ANNOTATION_FIELD_STATUS, values, NULL,
                                                 on_annotation_edited_cb, self);
    }
}

/* Annotating -------------------------------------------------------------------------- */

static void
on_annotation_added_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAnnotation) annotation = NULL;

  annotation = pc_review_session_edit_finish (PC_REVIEW_SESSION (source), result, &error);
  if (annotation == NULL)
    _pc_window_show_error (self, error);
  else
    set_current (self, pc_annotation_get_id (annotation));
  end_pending (self);
}

static gboolean
get_selection (PcWindow *self,
               PcRange  *range)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (self->text_buffer, &start, &end))
    return FALSE;
  range->start = gtk_text_iter_get_offset (&start);
  range->end = gtk_text_iter_get_offset (&end);
  return range->end > range->start;
}

/* win.annotate: the popover's save, and the tests' way in. */
static void
pc_window_actions_annotate_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  gint64 id;
  guint item;
  int kind, severity;
  const char *comment, *fix;
  PcRange range;

  g_variant_get (param, "(xuii&s&s)", &id, &item, &kind, &severity, &comment, &fix);
  if (self->session == NULL || self->report == NULL)
    return;
  kind = CLAMP (kind, PC_ANNOTATION_PROBLEM, PC_ANNOTATION_NOTE);
  severity = CLAMP (severity, PC_SEVERITY_NONE, PC_SEVERITY_HIGH);

  if (id == 0)
    {
      /* The popover annotates the passage selected when it opened: selecting text in its
       * own fields takes the primary selection, and with it the report's. */
      if (self->popover_range.end > self->popover_range.start)
        range = self->popover_range;
      else if (!get_selection (self, &range))
        {
          _pc_window_show_toast (self, _("Select a passage of the report first"));
          return;
        }
      begin_pending (self);
      pc_review_session_add_annotation_async (self->session, self->report, range, item, kind,
                                              severity, comment, fix, NULL,
                                              on_annotation_added_cb, self);
    }
  else
    {
      g_autoptr(PcAnnotation) values = pc_annotation_new ();

      pc_annotation_set_item (values, item);
      pc_annotation_set_kind (values, kind);
      pc_annotation_set_severity (values, severity);
      pc_annotation_set_comment (values, comment);
      pc_annotation_set_fix (values, fix);
      begin_pending (self);
      pc_review_session_update_annotation_async (self->session, id,
                                                 PC_ANNOTATION_FIELD_ITEM | PC_ANNOTATION_FIELD_KIND |
                                                 PC_ANNOTATION_FIELD_SEVERITY | PC_ANNOTATION_FIELD_COMMENT |
                                                 PC_ANNOTATION_FIELD_FIX,
                                                 values, NULL, on_annotation_edited_cb, self);
    }
}

static void
point_popover_at (PcWindow *self,
                  PcRange   range)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextIter start, end;
  GdkRectangle first, last, rect;

  GdkRectangle visible;

  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, range.end);
  /* The passage may have been scrolled away since it was selected: bring it back, and
   * never point outside what is shown (a popover cannot be placed off the monitor). */
  gtk_text_view_scroll_to_iter (view, &start, 0.1, FALSE, 0, 0);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  rect = first.y == last.y ? (GdkRectangle) { first.x, first.y, MAX (last.x - first.x, 1), first.height }
                           : first;
  gtk_text_view_get_visible_rect (view, &visible);
  rect.y = CLAMP (rect.y, visible.y, MAX (visible.y, visible.y + visible.height - rect.height));
  rect.x = CLAMP (rect.x, visible.x, MAX (visible.x, visible.x + visible.width - rect.width));
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

static void
pc_window_actions_annotate_selection_cb (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  PcAnnotation *annotation = NULL;
  PcRange range;

  if (self->report == NULL)
    return;
  if (get_selection (self, &range))
    {
      /* A passage that is already an annotation (jumped to from the register, say) opens
       * that annotation rather than a second one on the same words. */
      annotation = annotation_with_range (self, range);
      if (annotation != NULL)
        set_current (self, pc_annotation_get_id (annotation));
    }
  else
    {
      annotation = annotation_at (self, cursor_offset (self));
      if (annotation == NULL)
        {
          _pc_window_show_toast (self, _("Select a passage of the report first"));
          return;
        }
      range = pc_annotation_get_range (annotation);
      set_current (self, pc_annotation_get_id (annotation));
    }
  pc_annotate_popover_edit (self->popover, annotation,
                            pc_checklist_panel_get_selected_item (self->checklist_panel));
  self->popover_range = annotation == NULL ? range : (PcRange) { 0, 0 };
  point_popover_at (self, range);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* A toast that says what an edit did, with Undo; @timeout 0 keeps it until dismissed. */
static void
show_undo_toast (PcWindow   *self,
                 const char *message,
                 guint       timeout)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Comparing reports --------------------------------------------------------------------- */

static void
pc_window_actions_compare_report_cb (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  PcCompareWindow *compare;

  if (self->report == NULL || self->marks == NULL)
    return;
  compare = pc_compare_window_new (GTK_WINDOW (self), self->marks, G_LIST_MODEL (self->reports),
                                   self->report);
  gtk_window_present (GTK_WINDOW (compare));
}

/* Correcting a report's details ------------------------------------------------------- */

static void
on_report_changed_cb (PcWindow        *self,
                              gint64           report_id,
                              PcReviewSession *session)
{
  g_assert (PC_IS_WINDOW (self));

  _pc_window_reload_reports (self);
  load_register (self);
}

static void
on_report_details_set_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error) &&
      !is_cancelled (error))
    _pc_window_show_error (self, error);
  end_pending (self);
}

static void
on_details_dialog_save_cb (PcWindow              *self,
                           PcReportDetailsDialog *dialog)
{
  g_autoptr(PcReportDetails) details = pc_report_details_dialog_dup_details (dialog);

  g_assert (PC_IS_WINDOW (self));

  if (details == NULL || self->session == NULL)
    return;
  begin_pending (self);
  pc_review_session_set_report_details_async (self->session,
                                              pc_report_details_dialog_get_report_id (dialog),
                                              details, self->cancellable,
                                              on_report_details_set_cb, self);
}

static void
pc_window_actions_edit_report_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autoptr(PcReportDetails) details = NULL;
  PcReportDetailsDialog *dialog;

  if (self->report == NULL || self->session == NULL)
    return;
  details = pc_report_details_new_from_report (self->report);
  dialog = pc_report_details_dialog_new (GTK_WINDOW (self), pc_report_get_id (self->report), details,
                                         pc_report_get_signed (self->report));
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_details_dialog_save_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Replacing a report with a revised version ------------------------------------------ */

static void
on_report_replaced_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PcWindow *self = user_data;
  PcReanchorSummary summary = { 0 };
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_replace_report_finish (PC_REVIEW_SESSION (source), result, &summary,
                                                &error))
    {
      if (!is_cancelled (error))
        _pc_window_show_error (self, error);
    }
  else
    {
      guint found = summary.exact + summary.context + summary.fuzzy;
      g_autofree char *message = NULL;

      if (summary.orphaned == 0)
        message = g_strdup_printf (ngettext ("Replaced with the revised version; its %u annotation moved along",
                                             "Replaced with the revised version; its %u annotations moved along",
                                             found), found);
      else
        message = g_strdup_printf (ngettext ("Replaced; %u annotation is on a passage the revised version no longer has, and was removed",
                                             "Replaced; %u annotations are on passages the revised version no longer has, and were removed",
                                             summary.orphaned), summary.orphaned);
      show_undo_toast (self, message, summary.orphaned == 0 ? 5 : 0);
    }
  end_pending (self);
}

static void
replace_report_with (PcWindow   *self,
                     const char *path)
{
  begin_pending (self);
  pc_review_session_replace_report_async (self->session, pc_report_get_id (self->report), path,
                                          self->cancellable, on_report_replaced_cb, self);
}

static void
on_replace_dialog_response_cb (PcWindow             *self,
                               int                   response,
                               GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_assert (PC_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL &&
      (path = g_file_get_path (file)) != NULL && self->report != NULL && self->session != NULL)
    replace_report_with (self, path);
  g_object_unref (native);
}

/* A revised version of the report shown, from @param, or else chosen in a file chooser:
 * the report keeps its review, and its annotations move to where their passages now are. */
static void
pc_window_actions_replace_report_cb (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);
  GtkFileChooserNative *native;

  if (self->session == NULL || self->report == NULL)
    return;
  /* The export reads the reports as they were when it began. */
  if (self->exporting)
    {
      _pc_window_show_toast (self, _("The report can be replaced once the export is done"));
      return;
    }
  if (*path != '\0')
    {
      replace_report_with (self, path);
      return;
    }
  native = gtk_file_chooser_native_new (_("Replace With Revised Version"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Replace"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  _pc_window_add_report_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect_object (native, "response", G_CALLBACK (on_replace_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Removing reports -------------------------------------------------------------------- */

/* The report the library shows after @id, or before it when @id is the last; 0 for none. */
static gint64
neighbour_of (PcWindow *self,
              gint64    id)
{
  GListModel *model = G_LIST_MODEL (self->library_filter_model);
  guint n = g_list_model_get_n_items (model);
  guint position = _pc_window_find_report_in (model, id);
  g_autoptr(PcLibraryItem) other = NULL;

  if (position == GTK_INVALID_LIST_POSITION || n == 1)
    return 0;
  other = g_list_model_get_item (model, position + 1 < n ? position + 1 : position - 1);
  return pc_report_get_id (pc_library_item_get_report (other));
}

/* A report left the project, or came back by undo: the library follows, showing the report
 * that came back, or the removed one's neighbour in its place. */
static void
on_reports_changed_cb (PcWindow        *self,
                       gint64           report_id,
                       PcReviewSession *session)
{
  g_assert (PC_IS_WINDOW (self));

  if (_pc_window_find_report_in (G_LIST_MODEL (self->reports), report_id) == GTK_INVALID_LIST_POSITION)
    self->selected_id = report_id;
  else if (report_id == self->selected_id)
    self->selected_id = neighbour_of (self, report_id);
  _pc_window_reload_reports (self);
  load_register (self);
}

static void
on_report_removed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error))
    {
      if (!is_cancelled (error))
        _pc_window_show_error (self, error);
    }
  else
    show_undo_toast (self, _("Report removed"), 5);
  end_pending (self);
}

/* Takes the report shown out of the project, with its annotations and ratings; the toast
 * and Ctrl+Z put it back. */
static void
pc_window_actions_remove_report_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->session == NULL || self->report == NULL)
    return;
  /* The export reads the reports the library showed when it began. */
  if (self->exporting)
    {
      _pc_window_show_toast (self, _("The report can be removed once the export is done"));
      return;
    }
  title = pc_labels_report_title (self->report);
  /* Translators: the undo step, “Undo Remove 某局 2023”; %s is the report as the library names it */
  description = g_strdup_printf (_("Remove %s"), title);
  begin_pending (self);
  pc_review_session_remove_report_async (self->session, pc_report_get_id (self->report),
                                         description, self->cancellable, on_report_removed_cb, self);
}

static void
on_annotation_deleted_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error))
    _pc_window_show_error (self, error);
  else
    show_undo_toast (self, _("Annotation deleted"), 5);
  end_pending (self);
}

static void
pc_window_actions_delete_annotation_cb (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);

  /* 0: the current annotation; −1: the one under the cursor in the report text. */
  if (id == 0)
    id = self->current_id;
  else if (id == -1)
    {
      PcAnnotation *annotation = annotation_at (self, cursor_offset (self));

      id = annotation ? pc_annotation_get_id (annotation) : 0;
    }
  if (id == 0 || self->session == NULL || get_annotation (self, id) == NULL)
    return;
  begin_pending (self);
  pc_review_session_delete_annotation_async (self->session, id, NULL, on_annotation_deleted_cb,
                                             self);
}

static void
set_current_range (PcWindow *self,
                   PcRange   range)
{
  begin_pending (self);
  pc_review_session_set_range_async (self->session, self->report, self->current_id, range, NULL,
                                     on_annotation_edited_cb, self);
}

static void
pc_window_actions_span_adjust_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  const char *how = g_variant_get_string (param, NULL);
  PcAnnotation *annotation = get_annotation (self, self->current_id);
  PcSpanUnit unit = g_str_has_suffix (how, "-clause") ? PC_SPAN_UNIT_CLAUSE : PC_SPAN_UNIT_CHAR;
  PcSpanEdit edit;
  PcRange range;

  if (annotation == NULL || self->report == NULL)
    return;
  if (g_str_has_prefix (how, "grow-start"))
    edit = PC_SPAN_GROW_START;
  else if (g_str_has_prefix (how, "shrink-start"))
    edit = PC_SPAN_SHRINK_START;
  else if (g_str_has_prefix (how, "grow-end"))
    edit = PC_SPAN_GROW_END;
  else if (g_str_has_prefix (how, "shrink-end"))
    edit = PC_SPAN_SHRINK_END;
  else
    return;
  if (pc_review_state_span_adjust (pc_report_get_text (self->report),
                                   pc_annotation_get_range (annotation), edit, unit, &range))
    set_current_range (self, range);
}

static void
pc_window_actions_span_to_selection_cb (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  PcRange range;

  if (get_annotation (self, self->current_id) == NULL)
    return;
  if (!get_selection (self, &range))
    {
      _pc_window_show_toast (self, _("Select a passage of the report first"));
      return;
    }
  set_current_range (self, range);
}

/* Undo -------------------------------------------------------------------------------- */

static void
on_step_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error))
    _pc_window_show_error (self, error);
  end_pending (self);
}

static void
pc_window_actions_undo_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);

  if (self->session == NULL)
    return;
  begin_pending (self);
  if (g_str_equal (action_name, "win.undo"))
    pc_review_session_undo_async (self->session, NULL, on_step_cb, self);
  else
    pc_review_session_redo_async (self->session, NULL, on_step_cb, self);
}

/* Ratings and decisions --------------------------------------------------------------- */

static void
on_mark_set_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PcWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pc_review_marks_set_finish (PC_REVIEW_MARKS (source), result, &error))
    {
      _pc_window_show_error (self, error);
      sync_rating (self);
    }
  end_pending (self);
}

/* The "rating" property backs win.rate: the toggle buttons show it, and setting it rates
 * the selected item; the same rating again withdraws it. */
static void
set_rating (PcWindow   *self,
            const char *key)
{
  guint item = pc_checklist_panel_get_selected_item (self->checklist_panel);
  PcRating rating = pc_review_state_rating_from_key (key);

  if (self->review == NULL || item == 0 || self->marks == NULL)
    return;
  if (rating == pc_report_review_get_rating (self->review, item))
    rating = PC_RATING_UNSET;
  begin_pending (self);
  pc_review_marks_set_rating_async (self->marks, self->review->report_id, item, rating, NULL,
                                    on_mark_set_cb, self);
}

static void
pc_window_actions_decide_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  guint item = pc_checklist_panel_get_selected_item (self->checklist_panel);
  const PcItemCoverage *coverage;
  PcDecision decision;

  if (self->review == NULL || item == 0 ||
      !pc_decision_from_string (g_variant_get_string (param, NULL), &decision))
    return;
  coverage = pc_coverage_get_item (self->review->coverage, item);
  if (!pc_review_state_decision_fits (coverage != NULL && coverage->suggested, decision))
    return;
  if (self->review->decisions[item - 1] == decision)
    decision = PC_DECISION_NONE;
  begin_pending (self);
  pc_review_marks_set_decision_async (self->marks, self->review->report_id, item, decision, NULL,
                                      on_mark_set_cb, self);
}

static void
pc_window_actions_next_unrated_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);
  guint selected = pc_checklist_panel_get_selected_item (self->checklist_panel);
  guint n;

  if (self->review == NULL)
    return;
  n = self->review->n_items;
  for (guint step = 1; step <= n; step++)
    {
      guint code = (selected + step - 1) % n + 1;
      const PcChecklistItem *item = pc_checklist_find_item (self->review->checklist, code);

      if (item != NULL && item->applicable && self->review->overrides[code - 1] == PC_RATING_UNSET)
        {
          pc_checklist_panel_select_item (self->checklist_panel, code);
          return;
        }
    }
  _pc_window_show_toast (self, _("Every item is rated"));
}

/* Search ------------------------------------------------------------------------------ */

static void
show_match (PcWindow *self)
{
  GtkTextIter start, end;
  g_autofree char *label = NULL;

  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->search_current_tag, &start, &end);
  if (self->matches->len == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      gtk_label_set_label (self->search_label, *text ? _("No matches") : "");
      return;
    }
  {
    PcRange range = g_array_index (self->matches, PcRange, self->match);

    gtk_text_buffer_get_iter_at_offset (self->text_buffer, &start, range.start);
    gtk_text_buffer_get_iter_at_offset (self->text_buffer, &end, range.end);
    gtk_text_buffer_apply_tag (self->text_buffer, self->search_current_tag, &start, &end);
    select_range (self, range);
  }
  /* Translators: search matches: the current one of all, e.g. "3 of 12" */
  label = g_strdup_printf (_("%d of %u"), self->match + 1, self->matches->len);
  gtk_label_set_label (self->search_label, label);
}

static void
find_matches (PcWindow *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter start, end, match_start, match_end;

  g_array_set_size (self->matches, 0);
  self->match = 0;
  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->search_tag, &start, &end);
  if (*needle == '\0')
    return;
  while (gtk_text_iter_forward_search (&start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start,
                                       &match_end, NULL))
    {
      PcRange range = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

      g_array_append_val (self->matches, range);
      gtk_text_buffer_apply_tag (self->text_buffer, self->search_tag, &match_start, &match_end);
      start = match_end;
    }
}

static void
on_search_changed_cb (PcWindow       *self,
                      GtkSearchEntry *entry)
{
  g_assert (PC_IS_WINDOW (self));

  find_matches (self);
  show_match (self);
}

static void
step_match (PcWindow *self,
            int       step)
{
  if (self->matches->len == 0)
    return;
  self->match = (self->match + step + (int) self->matches->len) % (int) self->matches->len;
  show_match (self);
}

static void
on_search_activate_cb (PcWindow       *self,
                       GtkSearchEntry *entry)
{
  step_match (self, 1);
}

static void
on_search_previous_cb (PcWindow       *self,
                       GtkSearchEntry *entry)
{
  step_match (self, -1);
}

static void
on_search_stop_cb (PcWindow       *self,
                   GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_search_mode_notify_cb (PcWindow     *self,
                          GParamSpec   *pspec,
                          GtkSearchBar *bar)
{
  GtkTextIter start, end;

  if (gtk_search_bar_get_search_mode (bar))
    return;
  g_array_set_size (self->matches, 0);
  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->search_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->text_buffer, self->search_current_tag, &start, &end);
}

static void
pc_window_actions_find_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PcWindow *self = PC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "read");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
pc_window_actions_find_step_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  step_match (PC_WINDOW (widget), g_str_equal (action_name, "win.find-next") ? 1 : -1);
}

static void
pc_window_actions_show_page_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  adw_view_stack_set_visible_child_name (PC_WINDOW (widget)->view_stack,
                                         g_variant_get_string (param, NULL));
}

/* Properties behind stateful actions -------------------------------------------------- */

enum {
  PROP_RATING = 100,
  PROP_SHOW_EVIDENCE,
};

void
_pc_window_review_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PcWindow *self = PC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RATING:
      g_value_set_string (value, self->rating ? self->rating : "unset");
      break;
    case PROP_SHOW_EVIDENCE:
      g_value_set_boolean (value, self->show_evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
review_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  PcWindow *self = PC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RATING:
      set_rating (self, g_value_get_string (value));
      break;
    case PROP_SHOW_EVIDENCE:
      if (self->show_evidence != g_value_get_boolean (value))
        {
          self->show_evidence = g_value_get_boolean (value);
          apply_evidence (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Wiring ------------------------------------------------------------------------------ */

static void
install_chapter_css (void)
{
  static gboolean installed;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = NULL;

  if (installed || gdk_display_get_default () == NULL)
    return;
  installed = TRUE;
  css = g_string_new (NULL);
  for (guint i = 0; i <= PC_N_CHAPTER_COLORS; i++)
    g_string_append_printf (css, ".swatch.chapter-%u { background-color: %s; }\n", i,
                            pc_review_state_chapter_color (i));
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkTextTag *
create_highlight_tag (GtkTextBuffer *buffer,
                      guint          chapter)
{
  g_autofree char *name = g_strdup_printf ("annotation-%u", chapter);
  GdkRGBA color;

  gdk_rgba_parse (&color, pc_review_state_chapter_color (chapter));
  color.alpha = HIGHLIGHT_ALPHA;
  return gtk_text_buffer_create_tag (buffer, name, "background-rgba", &color, NULL);
}

/* Tags are created in rising priority, then the priorities are set explicitly, so that
 * headings sit below highlights, highlights below the evidence underline, and search on
 * top. */
static void
create_tags (PcWindow *self)
{
  GtkTextBuffer *buffer = self->text_buffer;
  GtkTextTag *order[20];
  guint n = 0;

  self->heading1_tag = gtk_text_buffer_create_tag (buffer, "heading-1", "weight", PANGO_WEIGHT_BOLD,
                                                   "scale", 1.2, "pixels-above-lines", 14, NULL);
  self->heading2_tag = gtk_text_buffer_create_tag (buffer, "heading-2", "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
  self->number_missing_tag = gtk_text_buffer_create_tag (buffer, "number-missing",
                                                         "underline", PANGO_UNDERLINE_ERROR,
                                                         "underline-rgba",
                                                         &(GdkRGBA) { 0.9, 0.6, 0.0, 1.0 }, NULL);
  order[n++] = self->heading1_tag;
  order[n++] = self->heading2_tag;
  order[n++] = self->number_missing_tag;
  for (guint i = 0; i < G_N_ELEMENTS (self->chapter_tags); i++)
    order[n++] = self->chapter_tags[i] = create_highlight_tag (buffer, i);
  order[n++] = self->current_tag = gtk_text_buffer_create_tag (buffer, "annotation-current",
                                                               "underline", PANGO_UNDERLINE_DOUBLE,
                                                               NULL);
  order[n++] = self->evidence_tag = gtk_text_buffer_create_tag (buffer, "evidence",
                                                                "underline", PANGO_UNDERLINE_SINGLE,
                                                                "underline-rgba",
                                                                &(GdkRGBA) { 0.2, 0.4, 0.8, 0.8 },
                                                                NULL);
  order[n++] = self->search_tag = gtk_text_buffer_create_tag (buffer, "search-match",
                                                              "background-rgba",
                                                              &(GdkRGBA) { 0.96, 0.83, 0.18, 0.6 },
                                                              NULL);
  order[n++] = self->search_current_tag = gtk_text_buffer_create_tag (buffer, "search-current",
                                                                      "background-rgba",
                                                                      &(GdkRGBA) { 0.96, 0.6, 0.0, 0.9 },
                                                                      NULL);
  g_assert (n <= G_N_ELEMENTS (order));
  for (guint i = 0; i < n; i++)
    gtk_text_tag_set_priority (order[i], i);
}

void
_pc_window_review_class_init (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);

  /* The window's own properties are read-only; these two back stateful actions. */
  object_class->set_property = review_set_property;
  g_object_class_install_property (object_class, PROP_RATING,
                                   g_param_spec_string ("rating", NULL, NULL, "unset",
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_SHOW_EVIDENCE,
                                   g_param_spec_boolean ("show-evidence", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS));

  gtk_widget_class_bind_template_child (widget_class, PcWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, search_label);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, text_buffer);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, checklist_panel);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_all_check);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_count_label);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_selection);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_filter_model);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, register_filter);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_report);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_item);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_kind);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_text);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_severity);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sort_by_status);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cursor_position_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_item_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_register_scope_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_register_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_location_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_severity_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_status_cb);

  gtk_widget_class_install_action (widget_class, "win.annotate", PC_ANNOTATE_PARAM_TYPE,
                                   pc_window_actions_annotate_cb);
  gtk_widget_class_install_action (widget_class, "win.annotate-selection", NULL,
                                   pc_window_actions_annotate_selection_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "x",
                                   pc_window_actions_delete_annotation_cb);
  gtk_widget_class_install_action (widget_class, "win.span-adjust", "s",
                                   pc_window_actions_span_adjust_cb);
  gtk_widget_class_install_action (widget_class, "win.span-to-selection", NULL,
                                   pc_window_actions_span_to_selection_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-report", NULL,
                                   pc_window_actions_compare_report_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compare-report", NULL);
  gtk_widget_class_install_action (widget_class, "win.edit-report", NULL,
                                   pc_window_actions_edit_report_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-report", NULL);
  gtk_widget_class_install_action (widget_class, "win.replace-report", "s",
                                   pc_window_actions_replace_report_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.replace-report", "s", "");
  gtk_widget_class_install_action (widget_class, "win.remove-report", NULL,
                                   pc_window_actions_remove_report_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, pc_window_actions_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, pc_window_actions_undo_cb);
  gtk_widget_class_install_property_action (widget_class, "win.rate", "rating");
  gtk_widget_class_install_action (widget_class, "win.decide", "s", pc_window_actions_decide_cb);
  gtk_widget_class_install_action (widget_class, "win.next-unrated", NULL,
                                   pc_window_actions_next_unrated_cb);
  gtk_widget_class_install_action (widget_class, "win.step-section", "i",
                                   pc_window_actions_step_section_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, pc_window_actions_find_cb);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL,
                                   pc_window_actions_find_step_cb);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL,
                                   pc_window_actions_find_step_cb);
  gtk_widget_class_install_property_action (widget_class, "win.show-evidence", "show-evidence");
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   pc_window_actions_show_page_cb);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s",
                                   pc_window_actions_set_status_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.annotate-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "win.delete-annotation", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, GDK_ALT_MASK,
                                       "win.span-adjust", "s", "grow-start");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_ALT_MASK,
                                       "win.span-adjust", "s", "shrink-start");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.span-adjust", "s", "grow-end");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.span-adjust", "s", "shrink-end");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.span-to-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.rate", "s", "full");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.rate", "s", "partial");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.rate", "s", "absent");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.rate", "s",
                                       "not-applicable");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.decide", "s",
                                       "accept");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "win.decide", "s",
                                       "reject");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_ALT_MASK, "win.decide", "s", "add");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.set-status", "s",
                                       "open");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.set-status", "s",
                                       "disputed");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.set-status", "s",
                                       "resolved");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "win.next-unrated", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "win.step-section", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "win.step-section", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.show-evidence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "read");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "register");
}

static void
on_reviewer_changed_cb (PcWindow  *self,
                        const char *key,
                        GSettings *settings)
{
  g_autofree char *reviewer = g_settings_get_string (settings, "reviewer-name");

  if (self->session != NULL)
    pc_review_session_set_reviewer (self->session, reviewer);
}

static void
on_require_prior_changed_cb (PcWindow   *self,
                             const char *key,
                             GSettings  *settings)
{
  gtk_filter_changed (GTK_FILTER (self->register_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_register_count (self);
}

void
_pc_window_review_init (PcWindow *self)
{
  install_chapter_css ();
  create_tags (self);
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->matches = g_array_new (FALSE, FALSE, sizeof (PcRange));
  self->rating = g_strdup ("unset");
  self->register_model = pc_register_new ();
  gtk_filter_list_model_set_model (self->register_filter_model, G_LIST_MODEL (self->register_model));
  gtk_custom_filter_set_filter_func (self->register_filter, register_filter_cb, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_report, pc_register_entry_compare_by_report, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_item, pc_register_entry_compare_by_item, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_kind, pc_register_entry_compare_by_kind, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_text, pc_register_entry_compare_by_text, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_severity, pc_register_entry_compare_by_severity, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->sort_by_status, pc_register_entry_compare_by_status, NULL, NULL);

  self->popover = pc_annotate_popover_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->text_view));
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self,
                           G_CONNECT_SWAPPED);

  {
    /* Capture: the text view's own Delete binding would swallow the key. */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_callback_action_new (delete_annotation_at_cursor_cb,
                                                                                     self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);
  }

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->text_buffer, &start);
    self->scroll_mark = gtk_text_buffer_create_mark (self->text_buffer, "scroll", &start, TRUE);
  }
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_selection, "notify::selected-item",
                           G_CALLBACK (on_register_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->settings, "changed::reviewer-name",
                           G_CALLBACK (on_reviewer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::require-prior-rectification",
                           G_CALLBACK (on_require_prior_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "show-evidence", self, "show-evidence", G_SETTINGS_BIND_DEFAULT);
  update_actions (self);
}

void
_pc_window_review_dispose (PcWindow *self)
{
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->settings != NULL)
    g_settings_unbind (self, "show-evidence");
  g_clear_object (&self->marks);
  g_clear_object (&self->session);
  g_clear_object (&self->register_model);
  g_clear_object (&self->register_selected);
  g_clear_object (&self->report);
  g_clear_pointer (&self->review, pc_report_review_free);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->rating, g_free);
}

static void
on_undo_stack_notify_cb (PcWindow    *self,
                         GParamSpec  *pspec,
                         PcUndoStack *stack)
{
  update_actions (self);
}

/**
 * _pc_window_review_set_session:
 * @session: (nullable): the open project's session, or %NULL while none is open
 */
/* Another checklist or version: every score, suggestion and summary is loaded again. */
static void
on_checklist_changed_cb (PcWindow      *self,
                         PcReviewMarks *marks)
{
  g_assert (PC_IS_WINDOW (self));

  load_review (self);
  load_register (self);
  _pc_window_refresh_summaries (self);
}

void
_pc_window_review_set_session (PcWindow        *self,
                               PcReviewSession *session)
{
  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (pc_review_session_get_undo_stack (self->session), self);
    }
  if (self->marks != NULL)
    g_signal_handlers_disconnect_by_data (self->marks, self);
  g_clear_object (&self->marks);
  g_set_object (&self->session, session);
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    pc_register_replace (self->register_model, none);
    g_clear_object (&self->register_selected);
  }
  if (session != NULL)
    {
      g_signal_connect_object (session, "annotation-changed", G_CALLBACK (on_annotation_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "annotation-removed", G_CALLBACK (on_annotation_removed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "finding-status-changed",
                               G_CALLBACK (on_finding_status_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "reports-changed", G_CALLBACK (on_reports_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "report-changed",
                               G_CALLBACK (on_report_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pc_review_session_get_undo_stack (session), "notify",
                               G_CALLBACK (on_undo_stack_notify_cb), self, G_CONNECT_SWAPPED);
      self->marks = pc_review_marks_new (session);
      g_signal_connect_object (self->marks, "rating-changed", G_CALLBACK (on_rating_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->marks, "decision-changed", G_CALLBACK (on_decision_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->marks, "checklist-changed", G_CALLBACK (on_checklist_changed_cb),
                               self, G_CONNECT_SWAPPED);
      load_annotations (self);
      load_review (self);
      load_register (self);
      _pc_window_refresh_summaries (self);
    }
  update_actions (self);
}

/**
 * _pc_window_review_show_report:
 * @report: (nullable): the report to read, or %NULL for none
 */
void
_pc_window_review_show_report (PcWindow *self,
                               PcReport *report)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  GtkTextIter start;

  if (report == self->report)
    return;
  /* The same text read again, as after a correction of the report's details reloads the
   * library: the reader stays where it is, and the review is taken again, since its form
   * points follow the findings. */
  if (report != NULL && self->report != NULL &&
      pc_report_get_id (report) == pc_report_get_id (self->report) &&
      g_strcmp0 (pc_report_get_content_hash (report), pc_report_get_content_hash (self->report)) == 0)
    {
      g_set_object (&self->report, report);
      load_review (self);
      update_actions (self);
      return;
    }
  g_set_object (&self->report, report);
  g_ptr_array_set_size (self->annotations, 0);
  self->current_id = 0;
  pc_checklist_panel_set_review (self->checklist_panel, NULL);
  g_clear_pointer (&self->review, pc_report_review_free);
  pc_report_view_set_labels (self->text_view, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  if (report == NULL)
    {
      self->selected_id = 0;
      gtk_single_selection_set_model (self->sections_selection, NULL);
      gtk_text_buffer_set_text (self->text_buffer, "", 0);
      update_actions (self);
      return;
    }

  self->selected_id = pc_report_get_id (report);
  tree = gtk_tree_list_model_new (g_object_ref (pc_report_get_sections (report)),
                                  FALSE, TRUE, create_section_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->sections_selection, G_LIST_MODEL (tree));

  gtk_text_buffer_begin_irreversible_action (self->text_buffer);
  gtk_text_buffer_set_text (self->text_buffer, pc_report_get_text (report), -1);
  apply_heading_tags (self, report);
  gtk_text_buffer_end_irreversible_action (self->text_buffer);

  gtk_text_buffer_get_start_iter (self->text_buffer, &start);
  gtk_text_buffer_place_cursor (self->text_buffer, &start);
  gtk_text_buffer_move_mark (self->text_buffer, self->scroll_mark, &start);
  scroll_to_mark_later (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    find_matches (self);

  load_annotations (self);
  load_review (self);
  if (!gtk_check_button_get_active (self->register_all_check))
    load_register (self);
  jump_to_pending (self);
  update_actions (self);
}

/* For tests ----------------------------------------------------------------------------- */

void
_pc_window_activate_section (PcWindow *self,
                             guint     position)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  on_sections_view_activate_cb (self, position, self->sections_view);
}

PcReviewSession *
_pc_window_get_session (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->session;
}

PcChecklistPanel *
_pc_window_get_checklist_panel (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->checklist_panel;
}

PcAnnotatePopover *
_pc_window_get_popover (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->popover;
}

GPtrArray *
_pc_window_get_annotations (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->annotations;
}

PcReportReview *
_pc_window_get_review (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->review;
}

GListModel *
_pc_window_get_register (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->register_selection);
}

PcReport *
_pc_window_get_report (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->report;
}

/* Whether the window has its session and nothing is on the way to or from the database. */
gboolean
_pc_window_is_settled (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), FALSE);
  return self->session != NULL && self->n_pending == 0 && !pc_window_get_busy (self);
}

/**
 * pc_window_get_marks:
 *
 * Returns: (transfer none) (nullable): the open project's review marks
 */
PcReviewMarks *
pc_window_get_marks (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);

  return self->marks;
}

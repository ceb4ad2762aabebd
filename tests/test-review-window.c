/* test-review-window.c — reviewing a corpus report in the window, under Xvfb: annotate
 * through the popover's action, rate, decide, undo and redo, and what the database holds.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-review-window"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pc-application.h"
#include "pc-compare-window.h"
#include "pc-finding.h"
#include "pc-labels.h"
#include "pc-library-item.h"
#include "pc-preferences-window.h"
#include "pc-project-annotations.h"
#include "pc-project-review.h"
#include "pc-report-details-dialog.h"
#include "pc-review-state.h"
#include "gui-util.h"
#include "pc-window-private.h"

static PcApplication *app;

static gboolean
is_mapped (PcWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Under a bare X server a surface finds its monitor a little after it is mapped, and a
 * popover cannot be placed before. */
static gboolean
is_on_monitor (PcWindow *window)
{
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)), surface) != NULL;
}

static gboolean
is_settled (PcWindow *window)
{
  return _pc_window_is_settled (window);
}

static gboolean
has_reports_and_session (PcWindow *window)
{
  return is_settled (window) && g_list_model_get_n_items (_pc_window_get_reports (window)) == 5;
}

static gboolean
has_review (PcWindow *window)
{
  return is_settled (window) && _pc_window_get_review (window) != NULL;
}

static char *
make_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pingcha-review-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *reports_dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  path = g_build_filename (dir, "review.db", NULL);
  project = pc_project_open (path, &error);
  g_assert_no_error (error);

  reports_dir = g_build_filename (corpus, "reports", NULL);
  d = g_dir_open (reports_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (reports_dir, name, NULL));
  g_ptr_array_add (paths, NULL);
  summary = pc_project_import_files (project, (const char * const *) paths->pdata, NULL, NULL,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 5);
  return g_steal_pointer (&path);
}

/* Selects the first occurrence of @needle in the report text. */
static PcRange
select_text (PcWindow   *window,
             const char *needle)
{
  GtkTextBuffer *buffer = _pc_window_get_text_buffer (window);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_test_message ("text: %d characters", gtk_text_buffer_get_char_count (buffer));
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  return (PcRange) { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };
}

static void
annotate (PcWindow   *window,
          guint       item,
          int         kind,
          int         severity,
          const char *comment,
          const char *fix)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.annotate",
                                             PC_ANNOTATE_PARAM_TYPE, (gint64) 0, item, kind,
                                             severity, comment, fix));
  g_assert_true (gui_wait_for (window, is_settled));
}

static gboolean
has_highlight (PcWindow *window,
               guint     offset,
               guint     item)
{
  PcReportReview *review = _pc_window_get_review (window);
  GtkTextBuffer *buffer = _pc_window_get_text_buffer (window);
  g_autofree char *name = g_strdup_printf ("annotation-%u",
                                           pc_review_state_item_chapter (review->checklist, item));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
act (PcWindow   *window,
     const char *action,
     GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
  g_assert_true (gui_wait_for (window, is_settled));
}

static PcAnnotation *
annotation_with_item (PcWindow *window,
                      guint     item)
{
  GPtrArray *annotations = _pc_window_get_annotations (window);

  for (guint i = 0; i < annotations->len; i++)
    if (pc_annotation_get_item (g_ptr_array_index (annotations, i)) == item)
      return g_ptr_array_index (annotations, i);
  return NULL;
}

static int
screen_width (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry = { 0 };

  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width;
}

static GtkColumnViewColumn *
register_column (PcWindow *window,
                 guint     position)
{
  GListModel *columns = gtk_column_view_get_columns (window->register_view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, position);

  return column;
}

/* The 条目 column sorts by item number, either way, rows of no item last going up. */
static void
assert_register_sorts_by_item (PcWindow *window)
{
  GListModel *rows = _pc_window_get_register (window);
  guint n = g_list_model_get_n_items (rows);
  guint previous = 0;
  gboolean seen_none = FALSE;

  g_assert_nonnull (gtk_column_view_column_get_sorter (register_column (window, 2)));
  g_assert_nonnull (gtk_column_view_column_get_sorter (register_column (window, 4)));
  gtk_column_view_sort_by_column (window->register_view, register_column (window, 1),
                                  GTK_SORT_ASCENDING);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcRegisterEntry) entry = g_list_model_get_item (rows, i);
      guint item = pc_register_entry_get_item (entry);

      if (item == 0)
        seen_none = TRUE;
      else
        {
          g_assert_false (seen_none);
          g_assert_cmpuint (item, >=, previous);
          previous = item;
        }
    }
  g_assert_cmpuint (previous, ==, 27);
  gtk_column_view_sort_by_column (window->register_view, register_column (window, 1),
                                  GTK_SORT_DESCENDING);
  {
    g_autoptr(PcRegisterEntry) last = g_list_model_get_item (rows, n - 1);
    g_autoptr(PcRegisterEntry) first = g_list_model_get_item (rows, 0);

    g_assert_cmpuint (pc_register_entry_get_item (last), ==, 3);
    g_assert_cmpuint (pc_register_entry_get_item (first), ==, 0);
  }
  gtk_column_view_sort_by_column (window->register_view, NULL, GTK_SORT_ASCENDING);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The evidence list holds a row per quote and gets the height to show each in full. */
static void
assert_evidence_in_full (PcWindow         *window,
                         PcChecklistPanel *panel)
{
  GtkWidget *box = find_with_class (GTK_WIDGET (panel), "evidence");
  guint n = g_list_model_get_n_items (pc_checklist_panel_get_evidence (panel));
  guint n_rows = 0;
  int natural;

  g_assert_true (GTK_IS_LIST_BOX (box));
  pc_checklist_panel_select_item (panel, 13);
  gui_settle_for (300);
  n = g_list_model_get_n_items (pc_checklist_panel_get_evidence (panel));
  g_assert_cmpuint (n, >, 1);
  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      int label_natural;

      n_rows++;
      /* Measures count the margins, allocations not. */
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (label) + gtk_widget_get_margin_start (label) +
                          gtk_widget_get_margin_end (label),
                          NULL, &label_natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (label) + gtk_widget_get_margin_top (label) +
                       gtk_widget_get_margin_bottom (label), >=, label_natural);
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
    }
  g_assert_cmpuint (n_rows, ==, n);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (box),
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (box), >=, natural);
  gui_save_screenshot (GTK_WIDGET (window), "evidence.png");
}

/* The first button of the register's toolbar that names win.set-status. */
static GtkWidget *
find_status_button (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.set-status") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Does what the window's shortcut controllers do with @accelerator: activates the first of its
 * shortcuts whose action takes it, that is, is enabled. */
static gboolean
press_shortcut (PcWindow   *window,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint keyval;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (window),
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static PcStatus wanted_status;

static gboolean
has_selected_row_in_status (PcWindow *window)
{
  PcRegisterEntry *entry = gtk_single_selection_get_selected_item (window->register_selection);

  return is_settled (window) && entry != NULL && pc_register_entry_get_status (entry) == wanted_status;
}

/* After a status button the row stays selected, and the next status applies to it too. */
static void
assert_status_keeps_selection (PcWindow *window)
{
  GtkWidget *button = find_status_button (GTK_WIDGET (window));
  g_autoptr(PcRegisterEntry) chosen = NULL;
  PcRegisterEntry *entry;
  PcRating rating;
  guint item;

  g_assert_nonnull (button);
  gtk_single_selection_set_selected (window->register_selection, GTK_INVALID_LIST_POSITION);
  gui_settle_for (50);
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_single_selection_set_selected (window->register_selection, 1);
  chosen = g_object_ref (gtk_single_selection_get_selected_item (window->register_selection));
  gui_settle_for (50);
  g_assert_true (gtk_widget_is_sensitive (button));

  wanted_status = PC_STATUS_DISPUTED;
  act (window, "win.set-status", g_variant_new_string ("disputed"));
  g_assert_true (gui_wait_for (window, has_selected_row_in_status));
  entry = gtk_single_selection_get_selected_item (window->register_selection);
  g_assert_true (pc_register_entry_is_same_row (entry, chosen));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Alt+3 rates the outline's item on the reading page; here it marks the row resolved and
   * leaves the item's rating alone. */
  item = pc_checklist_panel_get_selected_item (window->checklist_panel);
  g_assert_cmpuint (item, !=, 0);
  rating = pc_report_review_get_rating (_pc_window_get_review (window), item);
  wanted_status = PC_STATUS_RESOLVED;
  g_assert_true (press_shortcut (window, "<Alt>3"));
  g_assert_true (gui_wait_for (window, has_selected_row_in_status));
  entry = gtk_single_selection_get_selected_item (window->register_selection);
  g_assert_true (pc_register_entry_is_same_row (entry, chosen));
  g_assert_cmpint (pc_report_review_get_rating (_pc_window_get_review (window), item), ==, rating);
}

static void
test_review_window (void)
{
  g_autofree char *path = make_project ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PcWindow *window;
  PcChecklistPanel *panel;
  PcAnnotatePopover *popover;
  PcReportReview *review;
  PcRange first, second;
  gint64 report_id, first_id;
  guint position;

  g_settings_set_string (settings, "reviewer-name", "张审核");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  window = pc_window_new (app);
  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, is_mapped));
  g_assert_true (gui_wait_for (window, has_reports_and_session));

  position = gui_find_report (window, "zhangzhou-2023");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  _pc_window_select_report (window, position);
  g_assert_true (gui_wait_for (window, has_review));
  report_id = pc_report_get_id (_pc_window_get_report (window));
  panel = _pc_window_get_checklist_panel (window);
  g_assert_cmpuint (g_list_model_get_n_items (pc_checklist_panel_get_items (panel)), ==, 35);
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 0);

  /* Annotate a selected span through the action the popover's save uses. */
  first = select_text (window, "法治");
  annotate (window, 3, PC_ANNOTATION_PROBLEM, PC_SEVERITY_HIGH, "表述笼统", "补充具体举措");
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);
  g_assert_true (has_highlight (window, first.start, 3));
  first_id = pc_annotation_get_id (annotation_with_item (window, 3));
  g_assert_cmpstr (pc_annotation_get_reviewer (annotation_with_item (window, 3)), ==, "张审核");

  /* The popover: type-ahead by number, then save; it goes through win.annotate too. */
  second = select_text (window, "行政");
  popover = _pc_window_get_popover (window);
  pc_annotate_popover_edit (popover, NULL, 0);
  pc_annotate_popover_set_query (popover, "12");
  g_assert_cmpuint (pc_annotate_popover_get_n_matches (popover), ==, 1);
  pc_annotate_popover_save (popover);
  g_assert_true (gui_wait_for (window, is_settled));
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 2);
  g_assert_nonnull (annotation_with_item (window, 12));
  g_assert_true (has_highlight (window, second.start, 12));

  /* Rate item 3, then undo and redo. */
  pc_checklist_panel_select_item (panel, 3);
  g_assert_cmpuint (pc_checklist_panel_get_selected_item (panel), ==, 3);
  act (window, "win.rate", g_variant_new_string ("partial"));
  review = _pc_window_get_review (window);
  g_assert_cmpint (pc_report_review_get_rating (review, 3), ==, PC_RATING_PARTIAL);
  act (window, "win.undo", NULL);
  g_assert_cmpint (pc_report_review_get_rating (_pc_window_get_review (window), 3), ==, PC_RATING_UNSET);
  act (window, "win.redo", NULL);
  g_assert_cmpint (pc_report_review_get_rating (_pc_window_get_review (window), 3), ==, PC_RATING_PARTIAL);

  /* Undo twice more: the rating, then the second annotation; redo brings it back. */
  act (window, "win.undo", NULL);
  act (window, "win.undo", NULL);
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);
  g_assert_null (annotation_with_item (window, 12));
  g_assert_false (has_highlight (window, second.start, 12));
  act (window, "win.redo", NULL);
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 2);
  g_assert_true (has_highlight (window, second.start, 12));

  /* Delete, with the toast's undo action. */
  act (window, "win.delete-annotation", g_variant_new_int64 (first_id));
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);
  act (window, "win.undo", NULL);
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 2);

  /* Widen the span of the current annotation by a character at its end. */
  act (window, "win.span-adjust", g_variant_new_string ("grow-end"));

  /* Decide on item 3 and rate it for good; rate item 1 full by its shortcut's action. Item 3
   * has no suggestion, so 确认 (Alt+A) is not offered and does nothing; 添加 (Alt+D) is. */
  g_assert_false (pc_coverage_get_item (_pc_window_get_review (window)->coverage, 3)->suggested);
  act (window, "win.decide", g_variant_new_string ("accept"));
  g_assert_cmpint (_pc_window_get_review (window)->decisions[2], ==, PC_DECISION_NONE);
  act (window, "win.decide", g_variant_new_string ("add"));
  g_assert_cmpint (_pc_window_get_review (window)->decisions[2], ==, PC_DECISION_ADD);
  /* An added item is addressed: the window scores it as the library and the export do. */
  g_assert_cmpint (pc_coverage_get_item (_pc_window_get_review (window)->coverage, 3)->proposed, ==,
                   PC_RATING_PARTIAL);
  act (window, "win.rate", g_variant_new_string ("partial"));
  pc_checklist_panel_select_item (panel, 1);
  act (window, "win.rate", g_variant_new_string ("full"));
  act (window, "win.next-unrated", NULL);
  g_assert_cmpuint (pc_checklist_panel_get_selected_item (panel), ==, 2);

  /* A few more annotations in other parts, for the screenshot. */
  select_text (window, "依法行政");
  annotate (window, 8, PC_ANNOTATION_STRENGTH, PC_SEVERITY_NONE, "制度建设扎实", "");
  select_text (window, "普法");
  annotate (window, 27, PC_ANNOTATION_PROBLEM, PC_SEVERITY_MEDIUM, "缺少数据", "补充案件数量");
  select_text (window, "执法");
  annotate (window, 19, PC_ANNOTATION_NOTE, PC_SEVERITY_NONE, "核对", "");
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 5);

  /* The register lists the problems of the report, and its form findings; it is built
   * when its page is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "register");
  g_assert_true (gui_wait_for (window, is_settled));
  g_assert_cmpuint (g_list_model_get_n_items (_pc_window_get_register (window)), >=, 3);
  /* Zhangzhou 2023 says nothing of last year's problems: a finding once required. */
  {
    guint n = g_list_model_get_n_items (_pc_window_get_register (window));

    g_settings_set_boolean (settings, "require-prior-rectification", TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (_pc_window_get_register (window)), ==, n + 1);
    g_settings_set_boolean (settings, "require-prior-rectification", FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (_pc_window_get_register (window)), ==, n);
  }
  assert_register_sorts_by_item (window);
  assert_status_keeps_selection (window);

  /* What the database holds, through a second connection once the window is idle. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PcProject) project = pc_project_open (path, &error);
    g_autoptr(GPtrArray) annotations = NULL;
    g_autofree PcRating *ratings = NULL;
    g_autoptr(GPtrArray) decisions = NULL;
    gboolean found_first = FALSE;

    g_assert_no_error (error);
    annotations = pc_project_list_annotations (project, report_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (annotations->len, ==, 5);

    /* One score everywhere: the window's is the library's (and the export's). */
    {
      g_autoptr(GPtrArray) summaries = pc_report_summaries_build (project, NULL, &error);
      g_autoptr(PcScore) shown = pc_report_review_score (_pc_window_get_review (window));

      g_assert_no_error (error);
      for (guint i = 0; i < summaries->len; i++)
        {
          PcReportSummary *summary = g_ptr_array_index (summaries, i);

          if (summary->report_id != report_id)
            continue;
          g_assert_cmpfloat_with_epsilon (summary->total, shown->total, 1e-9);
          g_assert_cmpuint (summary->n_rated, ==, pc_report_review_count_rated (_pc_window_get_review (window)));
        }
    }
    for (guint i = 0; i < annotations->len; i++)
      {
        PcAnnotation *annotation = g_ptr_array_index (annotations, i);

        if (pc_annotation_get_id (annotation) == first_id)
          {
            found_first = TRUE;
            g_assert_cmpuint (pc_annotation_get_item (annotation), ==, 3);
            g_assert_cmpint (pc_annotation_get_severity (annotation), ==, PC_SEVERITY_HIGH);
            g_assert_cmpstr (pc_annotation_get_comment (annotation), ==, "表述笼统");
            g_assert_cmpstr (pc_annotation_get_fix (annotation), ==, "补充具体举措");
          }
      }
    g_assert_true (found_first);
    ratings = pc_project_review_get_ratings (project, report_id, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ratings[0], ==, PC_RATING_FULL);
    g_assert_cmpint (ratings[2], ==, PC_RATING_PARTIAL);
    g_assert_cmpint (ratings[11], ==, PC_RATING_UNSET);
    decisions = pc_project_review_list_decisions (project, report_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (decisions->len, ==, 1);
    g_assert_cmpstr (((PcReviewDecision *) decisions->pdata[0])->reviewer, ==, "张审核");
  }

  /* The screenshot: 1280×800, annotations and evidence visible, the outline filled. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "read");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-evidence", NULL);
  pc_checklist_panel_select_item (panel, 3);
  _pc_window_activate_section (window, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gui_settle_for (500);
  /* The default size counts the client-side decorations too: make up the difference. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               1280 + 1280 - gtk_widget_get_width (GTK_WIDGET (window)),
                               800 + 800 - gtk_widget_get_height (GTK_WIDGET (window)));
  gui_settle_for (800);
  /* Exactly 1280×800 when the X screen has room for the window's shadow too (test.sh runs
   * Xvfb at 1920×1080); on a screen of just 1280×800 GTK keeps it a few pixels inside. */
  if (screen_width () >= 1300)
    {
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 1280);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, 800);
    }
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - 1280), <=, 16);
  g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (window)) - 800), <=, 16);
  g_assert_cmpuint (pc_report_view_get_n_drawn (PC_REPORT_VIEW (_pc_window_get_text_view (window))), >, 0);
  gui_save_screenshot (GTK_WIDGET (window), "review.png");
  assert_evidence_in_full (window, panel);

  /* The register page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "register");
  gui_settle_for (300);
  gui_save_screenshot (GTK_WIDGET (window), "register.png");

  g_settings_reset (settings, "reviewer-name");
  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

/* @widget is laid out whole, its right edge inside the window's. */
static void
assert_inside_window (PcWindow  *window,
                      GtkWidget *widget)
{
  graphene_rect_t bounds;
  int min_width;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (widget), >=, min_width);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
}

/* At 1024×700 the window's layout fits: nothing runs off its right edge. */
static void
test_narrow_window (void)
{
  g_autofree char *path = make_project ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PcWindow *window;
  PcChecklistPanel *panel;
  int min_width, min_height;

  g_settings_set_int (settings, "window-width", 1024);
  g_settings_set_int (settings, "window-height", 700);
  window = pc_window_new (app);
  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, is_mapped));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "zhangzhou-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  panel = _pc_window_get_checklist_panel (window);
  pc_checklist_panel_select_item (panel, 15);
  gui_settle_for (500);
  /* The window's minimum holds every pane at its own minimum, and fits 1024×700. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  g_test_message ("window minimum %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 1000);
  g_assert_cmpint (min_height, <=, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  assert_inside_window (window, GTK_WIDGET (panel));
  assert_inside_window (window, GTK_WIDGET (window->library_paned));
  gui_save_screenshot (GTK_WIDGET (window), "narrow.png");

  /* F9 hides the library: the window can go much narrower, and the report and the outline
   * take the room; F9 again brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-library", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_paned)));
  g_assert_false (g_settings_get_boolean (settings, "show-library"));
  {
    int narrow;

    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &narrow, NULL, NULL, NULL);
    g_test_message ("window minimum without the library %d", narrow);
    g_assert_cmpint (narrow, <=, min_width - 200);
    g_assert_cmpint (narrow, <=, 800);
  }
  gui_settle_for (200);
  assert_inside_window (window, GTK_WIDGET (panel));
  gui_save_screenshot (GTK_WIDGET (window), "no-library.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-library", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_paned)));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

static void
test_library_filter (void)
{
  g_autofree char *path = make_project ();
  PcWindow *window = pc_window_new (app);
  GListModel *shown;
  GtkSearchEntry *entry;

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));

  shown = G_LIST_MODEL (window->library_filter_model);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  entry = window->library_search;
  gtk_editable_set_text (GTK_EDITABLE (entry), "漳州");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  /* Years: "all" and one per distinct year. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->years)), >=, 4);
  gtk_drop_down_set_selected (window->year_dropdown, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 5);
  gtk_drop_down_set_selected (window->year_dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  /* Progress and grades arrive for every report. */
  g_assert_true (gui_wait_for (window, is_settled));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (_pc_window_get_reports (window), i);

      g_assert_nonnull (pc_library_item_get_progress (item));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

static gboolean
has_four_reports (PcWindow *window)
{
  return is_settled (window) && g_list_model_get_n_items (_pc_window_get_reports (window)) == 4 &&
         _pc_window_get_report (window) != NULL;
}

static gboolean
has_five_reports (PcWindow *window)
{
  return is_settled (window) && g_list_model_get_n_items (_pc_window_get_reports (window)) == 5 &&
         _pc_window_get_report (window) != NULL;
}

static gint64
count_annotations (const char *path,
                   gint64      report_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert_no_error (error);
  annotations = pc_project_list_annotations (project, report_id, &error);
  g_assert_no_error (error);
  return annotations->len;
}

/* The report shown leaves the project with its annotations through the same action as the
 * menu and the Delete key; its neighbour is shown instead; undo brings both back. */
static void
test_remove_report (void)
{
  g_autofree char *path = make_project ();
  PcWindow *window = pc_window_new (app);
  guint position;
  gint64 removed_id;

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  position = gui_find_report (window, "wuhan-2021");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  _pc_window_select_report (window, position);
  g_assert_true (gui_wait_for (window, has_review));
  removed_id = pc_report_get_id (_pc_window_get_report (window));

  select_text (window, "法治");
  annotate (window, 3, PC_ANNOTATION_PROBLEM, PC_SEVERITY_MEDIUM, "表述笼统", "补充具体举措");
  g_assert_cmpint (count_annotations (path, removed_id), ==, 1);

  act (window, "win.remove-report", NULL);
  g_assert_true (gui_wait_for (window, has_four_reports));
  g_assert_cmpuint (gui_find_report (window, "wuhan-2021"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (pc_report_get_id (_pc_window_get_report (window)), !=, removed_id);
  g_assert_cmpint (count_annotations (path, removed_id), ==, 0);

  act (window, "win.undo", NULL);
  g_assert_true (gui_wait_for (window, has_five_reports));
  g_assert_cmpint (pc_report_get_id (_pc_window_get_report (window)), ==, removed_id);
  g_assert_cmpint (count_annotations (path, removed_id), ==, 1);
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);

  /* The annotation made before the removal is the next undo step. */
  act (window, "win.undo", NULL);
  g_assert_cmpint (count_annotations (path, removed_id), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

static PcReportDetailsDialog *
find_details_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PC_IS_REPORT_DETAILS_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static char *
library_title_of (PcWindow *window,
                  gint64    id)
{
  GListModel *reports = _pc_window_get_reports (window);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (reports, i);
      PcReport *report = pc_library_item_get_report (item);

      if (pc_report_get_id (report) == id)
        return pc_labels_report_title (report);
    }
  return NULL;
}

/* F2's form corrects the agency and the date; the library follows, the late publication
 * becomes a finding in the database, and undo takes it all back. */
static void
test_edit_report (void)
{
  g_autofree char *path = make_project ();
  PcWindow *window = pc_window_new (app);
  PcReportDetailsDialog *dialog;
  g_autoptr(PcReportDetails) typed = NULL;
  g_autofree char *title = NULL;
  g_autofree char *restored_title = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean late = FALSE;
  gint64 id;

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "pudong-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  id = pc_report_get_id (_pc_window_get_report (window));
  select_text (window, "安全生产四类清单");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-report", NULL));
  dialog = find_details_dialog ();
  g_assert_nonnull (dialog);

  /* A year that does not read keeps Save off. */
  pc_report_details_dialog_set_text (dialog, "year", "二三年");
  g_assert_null (pc_report_details_dialog_dup_details (dialog));
  pc_report_details_dialog_set_text (dialog, "year", "2023");
  pc_report_details_dialog_set_text (dialog, "agency", "上海市浦东新区应急管理局");
  pc_report_details_dialog_set_text (dialog, "published", "2024年5月6日");
  typed = pc_report_details_dialog_dup_details (dialog);
  g_assert_cmpstr (typed->published, ==, "2024-05-06");
  gui_settle_for (300);
  gui_save_screenshot (GTK_WIDGET (dialog), "report-details.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "details.save", NULL));
  g_assert_true (gui_wait_for (window, has_five_reports));
  g_assert_null (find_details_dialog ());

  title = library_title_of (window, id);
  g_assert_nonnull (strstr (title, "上海市浦东新区应急管理局"));
  /* The reader stayed where the reviewer was: the selection is still there. */
  {
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (_pc_window_get_text_buffer (window),
                                                         &start, &end));
    selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (selected, ==, "安全生产四类清单");
  }
  project = pc_project_open (path, &error);
  g_assert_no_error (error);
  stored = pc_project_load_report (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_report_get_published (stored), ==, "2024-05-06");
  for (guint i = 0; i < pc_report_get_findings (stored)->len; i++)
    late |= g_str_equal (((PcFinding *) g_ptr_array_index (pc_report_get_findings (stored), i))->code,
                         PC_FINDING_LATE_PUBLICATION);
  g_assert_true (late);
  g_clear_object (&stored);
  g_clear_object (&project);

  act (window, "win.undo", NULL);
  g_assert_true (gui_wait_for (window, has_five_reports));
  restored_title = library_title_of (window, id);
  g_assert_null (strstr (restored_title, "上海市"));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

static gboolean
buffer_has_revision (PcWindow *window)
{
  GtkTextBuffer *buffer = _pc_window_get_text_buffer (window);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!is_settled (window) || _pc_window_get_review (window) == NULL)
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return strstr (text, "新插入的一段说明文字") != NULL;
}

static gboolean
buffer_lacks_revision (PcWindow *window)
{
  return is_settled (window) && _pc_window_get_review (window) != NULL &&
         !buffer_has_revision (window);
}

/* A revised version replaces the report shown through the same action as the menu; the
 * annotation moves with its passage, and undo brings the first version back. */
static void
test_replace_report (void)
{
  g_autofree char *path = make_project ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *revised = g_build_filename (dir, "pudong-2023-revised.txt", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("PINGCHA_CORPUS_DIR"), "reports",
                                              "pudong-2023.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *modified = NULL;
  const char *marker = "(一)健全应急管理体系机制";
  const char *quote = "编制《浦东新区值班工作规范》";
  PcWindow *window = pc_window_new (app);
  PcAnnotation *annotation;
  PcRange before, after;
  g_autofree char *found = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  {
    g_auto(GStrv) halves = g_strsplit (contents, marker, 2);

    modified = g_strconcat (halves[0], "新插入的一段说明文字，介绍本年度的总体情况和主要数据。\n\n",
                            marker, halves[1], NULL);
  }
  g_assert_true (g_file_set_contents (revised, modified, -1, NULL));

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "pudong-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  before = select_text (window, quote);
  annotate (window, 7, PC_ANNOTATION_STRENGTH, PC_SEVERITY_NONE, "亮点", "");

  act (window, "win.replace-report", g_variant_new_string (revised));
  g_assert_true (gui_wait_for (window, buffer_has_revision));
  g_assert_cmpstr (pc_report_get_source_name (_pc_window_get_report (window)), ==,
                   "pudong-2023-revised.txt");
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);
  annotation = g_ptr_array_index (_pc_window_get_annotations (window), 0);
  after = pc_annotation_get_range (annotation);
  g_assert_cmpuint (after.start, >, before.start);
  found = pc_report_dup_slice (_pc_window_get_report (window), after);
  g_assert_cmpstr (found, ==, quote);
  g_assert_true (has_highlight (window, after.start, 7));
  gui_settle_for (300);
  gui_save_screenshot (GTK_WIDGET (window), "replace.png");

  act (window, "win.undo", NULL);
  g_assert_true (gui_wait_for (window, buffer_lacks_revision));
  g_assert_cmpuint (pc_annotation_get_range (g_ptr_array_index (_pc_window_get_annotations (window), 0)).start,
                    ==, before.start);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  g_unlink (revised);
  gui_remove_project (path);
}

static PcCompareWindow *compare_window;
static PcReport *compare_expected;

static gboolean
is_compared (PcWindow *window)
{
  return pc_compare_window_get_comparison (compare_window) != NULL &&
         pc_compare_window_get_counterpart (compare_window) == compare_expected;
}

static double compare_expected_total;

static gboolean
shows_total (PcWindow *window)
{
  const PcComparison *cmp = pc_compare_window_get_comparison (compare_window);

  return cmp != NULL && G_APPROX_VALUE (cmp->total[1], compare_expected_total, 1e-9);
}

/* Ctrl+Shift+C lines the report up with another, item by item; choosing another report
 * loads the comparison again. */
static void
test_compare_reports (void)
{
  g_autofree char *path = make_project ();
  PcWindow *window = pc_window_new (app);
  g_autoptr(GList) toplevels = NULL;
  g_autoptr(PcScore) shown_score = NULL;
  const PcComparison *cmp;
  PcReport *first_choice;
  guint n_chapters;
  double before;

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "zhangzhou-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  shown_score = pc_report_review_score (_pc_window_get_review (window));
  n_chapters = pc_checklist_get_n_chapters (_pc_window_get_review (window)->checklist);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-report", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PC_IS_COMPARE_WINDOW (l->data))
      compare_window = l->data;
  g_assert_nonnull (compare_window);
  g_assert_cmpuint (pc_compare_window_get_n_choices (compare_window), ==, 4);
  first_choice = pc_compare_window_get_counterpart (compare_window);
  g_assert_nonnull (first_choice);
  compare_expected = first_choice;
  g_assert_true (gui_wait_for (window, is_compared));

  cmp = pc_compare_window_get_comparison (compare_window);
  g_assert_cmpuint (cmp->rows->len, ==, n_chapters + 35 + 1);
  g_assert_cmpuint (g_list_model_get_n_items (pc_compare_window_get_rows (compare_window)), ==,
                    cmp->rows->len);
  /* The report shown is the second side, scored as the reader scores it. */
  g_assert_cmpfloat_with_epsilon (cmp->total[1], shown_score->total, 1e-9);
  gui_settle_for (300);
  gui_save_screenshot (GTK_WIDGET (compare_window), "compare.png");

  /* Rating an item in the main window while the comparison is open shows in it. */
  before = cmp->total[1];
  pc_checklist_panel_select_item (_pc_window_get_checklist_panel (window), 17);
  act (window, "win.rate", g_variant_new_string ("not-applicable"));
  g_clear_pointer (&shown_score, pc_score_free);
  shown_score = pc_report_review_score (_pc_window_get_review (window));
  compare_expected_total = shown_score->total;
  g_assert_false (G_APPROX_VALUE (compare_expected_total, before, 1e-9));
  g_assert_true (gui_wait_for (window, shows_total));
  act (window, "win.undo", NULL);
  g_clear_pointer (&shown_score, pc_score_free);
  shown_score = pc_report_review_score (_pc_window_get_review (window));
  compare_expected_total = shown_score->total;
  g_assert_true (gui_wait_for (window, shows_total));

  for (guint i = 0; i < pc_compare_window_get_n_choices (compare_window); i++)
    {
      pc_compare_window_choose (compare_window, i);
      if (pc_compare_window_get_counterpart (compare_window) != first_choice)
        break;
    }
  compare_expected = pc_compare_window_get_counterpart (compare_window);
  g_assert_true (compare_expected != first_choice);
  g_assert_true (gui_wait_for (window, is_compared));
  g_assert_cmpfloat_with_epsilon (pc_compare_window_get_comparison (compare_window)->total[1],
                                  shown_score->total, 1e-9);

  gtk_window_destroy (GTK_WINDOW (compare_window));
  compare_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

/* The popover the way a reviewer uses it: the passage selected when Ctrl+M opened it is
 * the one annotated, even when typing in its fields has taken the selection away; Ctrl+M
 * on a passage that already is an annotation edits it; Delete in the text deletes the
 * annotation under the cursor and nothing else. */
static void
test_popover_flow (void)
{
  g_autofree char *path = make_project ();
  PcWindow *window = pc_window_new (app);
  GtkTextBuffer *buffer;
  PcAnnotatePopover *popover;
  PcAnnotation *annotation;
  g_autoptr(GVariant) params = NULL;
  GtkTextIter iter;
  PcRange range;
  gint64 id, param_id;

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* The popover pops up on the window's monitor. */
  g_assert_true (gui_wait_for (window, is_on_monitor));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "zhangzhou-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  buffer = _pc_window_get_text_buffer (window);
  popover = _pc_window_get_popover (window);

  range = select_text (window, "行政");
  act (window, "win.annotate-selection", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* Selecting text in the popover's entry takes the primary selection. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, range.start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  pc_annotate_popover_set_query (popover, "12");
  pc_annotate_popover_save (popover);
  g_assert_true (gui_wait_for (window, is_settled));
  annotation = annotation_with_item (window, 12);
  g_assert_nonnull (annotation);
  g_assert_cmpuint (pc_annotation_get_start (annotation), ==, range.start);
  g_assert_cmpuint (pc_annotation_get_end (annotation), ==, range.end);
  id = pc_annotation_get_id (annotation);
  gui_settle_for (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* The same passage again: the popover edits the annotation. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, range.start);
  {
    GtkTextIter end;

    gtk_text_buffer_get_iter_at_offset (buffer, &end, range.end);
    gtk_text_buffer_select_range (buffer, &iter, &end);
  }
  act (window, "win.annotate-selection", NULL);
  params = g_variant_ref_sink (pc_annotate_popover_dup_params (popover));
  g_variant_get_child (params, 0, "x", &param_id);
  g_assert_cmpint (param_id, ==, id);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gui_settle_for (100);

  /* Delete with the cursor outside any annotation deletes nothing … */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", "x", (gint64) -1);
  g_assert_true (gui_wait_for (window, is_settled));
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 1);
  /* … and inside one deletes it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, range.start + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  act (window, "win.delete-annotation", g_variant_new_int64 (-1));
  g_assert_cmpuint (_pc_window_get_annotations (window)->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  gui_remove_project (path);
}

static PcPreferencesWindow *prefs;
static guint expected_versions;
static const char *expected_version;

static gboolean
prefs_listed (PcWindow *window)
{
  return g_list_model_get_n_items (pc_preferences_window_get_versions (prefs)) == expected_versions;
}

static gboolean
review_uses_version (PcWindow *window)
{
  PcReportReview *review = _pc_window_get_review (window);

  return is_settled (window) && review != NULL &&
         g_strcmp0 (pc_checklist_get_version (review->checklist), expected_version) == 0;
}

/* Preferences: the project's checklist versions, importing a province's own (here: the
 * outline with item 14 weighing double) and switching back; the window follows. */
static void
test_checklist_versions (void)
{
  g_autofree char *path = make_project ();
  g_autofree char *json_path = g_build_filename (g_get_tmp_dir (), "pingcha-test-checklist.json", NULL);
  g_autoptr(PcChecklist) outline = pc_checklist_new_default ();
  g_autoptr(GRegex) version = g_regex_new ("\"version\"\\s*:\\s*\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *json = pc_checklist_to_json (outline);
  g_autofree char *edited = NULL;
  PcWindow *window = pc_window_new (app);
  double before;

  pc_checklist_set_item_weight (outline, 14, 2 * pc_checklist_find_item (outline, 14)->weight);
  g_clear_pointer (&json, g_free);
  json = pc_checklist_to_json (outline);
  edited = g_regex_replace_literal (version, json, -1, 0, "\"version\": \"test-2\"", G_REGEX_MATCH_DEFAULT, NULL);
  g_assert_true (g_file_set_contents (json_path, edited, -1, NULL));

  pc_window_open_project (window, path, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_wait_for (window, has_reports_and_session));
  _pc_window_select_report (window, gui_find_report (window, "zhangzhou-2023"));
  g_assert_true (gui_wait_for (window, has_review));
  before = pc_checklist_find_item (_pc_window_get_review (window)->checklist, 14)->weight;

  prefs = pc_preferences_window_new (GTK_WINDOW (window), pc_window_get_marks (window));
  gtk_window_present (GTK_WINDOW (prefs));
  expected_versions = 1;
  g_assert_true (gui_wait_for (window, prefs_listed));

  pc_preferences_window_import_checklist (prefs, json_path);
  expected_versions = 2;
  g_assert_true (gui_wait_for (window, prefs_listed));
  expected_version = "test-2";
  g_assert_true (gui_wait_for (window, review_uses_version));
  g_assert_cmpfloat (pc_checklist_find_item (_pc_window_get_review (window)->checklist, 14)->weight, ==, 2 * before);

  pc_preferences_window_choose_version (prefs, 0);
  expected_version = pc_checklist_get_version (outline);
  g_assert_true (gui_wait_for (window, review_uses_version));
  g_assert_cmpfloat (pc_checklist_find_item (_pc_window_get_review (window)->checklist, 14)->weight, ==, before);

  gtk_window_destroy (GTK_WINDOW (prefs));
  prefs = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle_for (100);
  g_unlink (json_path);
  gui_remove_project (path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("REQUIRE_DISPLAY") != NULL)
        {
          g_printerr ("Bail out! no display\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  app = pc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/review-window/annotate-rate-undo", test_review_window);
  g_test_add_func ("/review-window/library-filter", test_library_filter);
  g_test_add_func ("/review-window/narrow-window", test_narrow_window);
  g_test_add_func ("/review-window/remove-report", test_remove_report);
  g_test_add_func ("/review-window/edit-report", test_edit_report);
  g_test_add_func ("/review-window/compare-reports", test_compare_reports);
  g_test_add_func ("/review-window/replace-report", test_replace_report);
  g_test_add_func ("/review-window/popover-flow", test_popover_flow);
  g_test_add_func ("/review-window/checklist-versions", test_checklist_versions);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}

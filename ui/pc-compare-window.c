/* pc-compare-window.c — the report shown against another, item by item.
 *
 * The window compares the report the reviewer reads (on the right) with another report of
 * the project (on the left): by default the same agency's report of the year before. Both
 * reviews are loaded on the session's database thread as the reader loads one, with the
 * reviewer's ratings over the engine's proposals, and lined up by pc_comparison_new().
 * The window keeps nothing of its own: choosing another report loads both again, and a
 * rating or decision stored for either report (in the main window, or by undo) loads that
 * side again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-compare-window.h"
#include "pc-labels.h"
#include "pc-library-item.h"

/* One row of the table, as the column view shows it. */
#define PC_TYPE_COMPARE_ITEM (pc_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (PcCompareItem, pc_compare_item, PC, COMPARE_ITEM, GObject)

struct _PcCompareItem
{
  GObject          parent_instance;
  char            *label;
  char            *first;
  char            *second;
  char            *change;
  PcCompareChange  trend;
  gboolean         heading;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_LABEL,
  ITEM_PROP_FIRST,
  ITEM_PROP_SECOND,
  ITEM_PROP_CHANGE,
  ITEM_PROP_TREND,
  ITEM_PROP_HEADING,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (PcCompareItem, pc_compare_item, G_TYPE_OBJECT)

static void
pc_compare_item_finalize (GObject *object)
{
  PcCompareItem *self = PC_COMPARE_ITEM (object);

  g_free (self->label);
  g_free (self->first);
  g_free (self->second);
  g_free (self->change);
  G_OBJECT_CLASS (pc_compare_item_parent_class)->finalize (object);
}

static void
pc_compare_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PcCompareItem *self = PC_COMPARE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case ITEM_PROP_FIRST:
      g_value_set_string (value, self->first);
      break;
    case ITEM_PROP_SECOND:
      g_value_set_string (value, self->second);
      break;
    case ITEM_PROP_CHANGE:
      g_value_set_string (value, self->change);
      break;
    case ITEM_PROP_TREND:
      g_value_set_int (value, self->trend);
      break;
    case ITEM_PROP_HEADING:
      g_value_set_boolean (value, self->heading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_compare_item_class_init (PcCompareItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_compare_item_finalize;
  object_class->get_property = pc_compare_item_get_property;

  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIRST] =
    g_param_spec_string ("first", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SECOND] =
    g_param_spec_string ("second", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_CHANGE] =
    g_param_spec_string ("change", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TREND] =
    g_param_spec_int ("trend", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_HEADING] =
    g_param_spec_boolean ("heading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
pc_compare_item_init (PcCompareItem *self)
{
}

static PcCompareItem *
pc_compare_item_new (const PcCompareRow *row)
{
  PcCompareItem *self = g_object_new (PC_TYPE_COMPARE_ITEM, NULL);

  self->label = g_strdup (row->label);
  self->first = pc_labels_compare_cell (row, 0);
  self->second = pc_labels_compare_cell (row, 1);
  self->change = pc_labels_compare_change (row);
  self->trend = pc_compare_row_change (row);
  self->heading = row->kind != PC_COMPARE_ROW_ITEM;
  return self;
}

/* The window ---------------------------------------------------------------------------- */

struct _PcCompareWindow
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkDropDown          *counterpart_dropdown;
  GtkStringList        *choice_titles;
  GtkLabel             *summary_label;
  GtkLabel             *note_label;
  GtkColumnViewColumn  *first_column;
  GtkColumnViewColumn  *second_column;
  GListStore           *rows;

  PcReviewMarks        *marks;
  PcReport             *report;
  GPtrArray            *choices;        /* PcReport: the other reports */
  GCancellable         *cancellable;
  PcReportReview       *reviews[2];
  PcComparison         *comparison;
  guint                 generation;
};

G_DEFINE_FINAL_TYPE (PcCompareWindow, pc_compare_window, ADW_TYPE_WINDOW)

typedef struct
{
  PcCompareWindow *self;
  guint            generation;
  guint            side;
} LoadRequest;

static void
show_comparison (PcCompareWindow *self)
{
  g_autoptr(PcScore) first = pc_report_review_score (self->reviews[0]);
  g_autoptr(PcScore) second = pc_report_review_score (self->reviews[1]);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->comparison, pc_comparison_free);
  self->comparison = pc_comparison_new (self->reviews[1]->checklist, first, second);
  for (guint i = 0; self->comparison != NULL && i < self->comparison->rows->len; i++)
    g_ptr_array_add (items, pc_compare_item_new (&g_array_index (self->comparison->rows,
                                                                 PcCompareRow, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  if (self->comparison != NULL)
    summary = pc_labels_compare_summary (self->comparison);
  gtk_label_set_label (self->summary_label, summary ? summary : "");
}

static void
on_review_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoadRequest *request = user_data;
  PcCompareWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  PcReportReview *review = pc_review_marks_load_finish (PC_REVIEW_MARKS (source), result, &error);

  if (review == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->summary_label, error->message);
    }
  else if (request->generation != self->generation)
    pc_report_review_free (review);
  else
    {
      g_clear_pointer (&self->reviews[request->side], pc_report_review_free);
      self->reviews[request->side] = review;
      if (self->reviews[0] != NULL && self->reviews[1] != NULL)
        show_comparison (self);
    }
  g_object_unref (self);
  g_free (request);
}

static void
load_side (PcCompareWindow *self,
           guint            side,
           PcReport        *report)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->side = side;
  pc_review_marks_load_async (self->marks, report, self->cancellable, on_review_loaded_cb,
                              request);
}

static void
load (PcCompareWindow *self)
{
  PcReport *counterpart = pc_compare_window_get_counterpart (self);
  g_autofree char *note = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  self->generation++;
  g_clear_pointer (&self->reviews[0], pc_report_review_free);
  g_clear_pointer (&self->reviews[1], pc_report_review_free);
  g_clear_pointer (&self->comparison, pc_comparison_free);
  g_list_store_remove_all (self->rows);
  if (counterpart == NULL)
    {
      gtk_label_set_label (self->summary_label, _("There is no other report in the project to compare with."));
      return;
    }
  gtk_label_set_label (self->summary_label, _("Loading…"));
  note = pc_labels_compare_note (counterpart, self->report);
  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  first = pc_labels_report_title (counterpart);
  second = pc_labels_report_title (self->report);
  gtk_column_view_column_set_title (self->first_column, first);
  gtk_column_view_column_set_title (self->second_column, second);
  adw_window_title_set_subtitle (self->window_title, second);
  load_side (self, 0, counterpart);
  load_side (self, 1, self->report);
}

/* A rating or a decision changed somewhere: reload the side it belongs to, keeping the
 * table as it is until the new review arrives. */
static void
on_marks_changed_cb (PcCompareWindow *self,
                     gint64           report_id,
                     guint            item,
                     int              value,
                     PcReviewMarks   *marks)
{
  PcReport *sides[2] = { pc_compare_window_get_counterpart (self), self->report };

  g_assert (PC_IS_COMPARE_WINDOW (self));

  for (guint side = 0; side < G_N_ELEMENTS (sides); side++)
    if (sides[side] != NULL && pc_report_get_id (sides[side]) == report_id)
      load_side (self, side, sides[side]);
}

static void
on_counterpart_notify_cb (PcCompareWindow *self,
                          GParamSpec      *pspec,
                          GtkDropDown     *dropdown)
{
  g_assert (PC_IS_COMPARE_WINDOW (self));

  if (self->report != NULL)
    load (self);
}

static GStrv
row_classes_cb (gpointer unused,
                gboolean heading)
{
  const char *classes[] = { heading ? "heading" : NULL, NULL };

  return g_strdupv ((char **) classes);
}

static GStrv
change_classes_cb (gpointer unused,
                   int      trend)
{
  const char *classes[] = { "numeric",
                            trend == PC_COMPARE_BETTER ? "success"
                            : trend == PC_COMPARE_WORSE ? "error" : NULL,
                            NULL };

  return g_strdupv ((char **) classes);
}

static void
pc_compare_window_dispose (GObject *object)
{
  PcCompareWindow *self = PC_COMPARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->marks);
  g_clear_object (&self->report);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->reviews[0], pc_report_review_free);
  g_clear_pointer (&self->reviews[1], pc_report_review_free);
  g_clear_pointer (&self->comparison, pc_comparison_free);

  G_OBJECT_CLASS (pc_compare_window_parent_class)->dispose (object);
}

static void
pc_compare_window_class_init (PcCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_compare_window_dispose;

  g_type_ensure (PC_TYPE_COMPARE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pingcha/Pingcha/pc-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, counterpart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, choice_titles);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, first_column);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, second_column);
  gtk_widget_class_bind_template_child (widget_class, PcCompareWindow, rows);
  gtk_widget_class_bind_template_callback (widget_class, on_counterpart_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_classes_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pc_compare_window_init (PcCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->choices = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pc_compare_window_new:
 * @marks: the review's marks, to load both reviews through
 * @library: (element-type PcLibraryItem): the project's reports
 * @report: the report to compare
 */
PcCompareWindow *
pc_compare_window_new (GtkWindow     *parent,
                       PcReviewMarks *marks,
                       GListModel    *library,
                       PcReport      *report)
{
  PcCompareWindow *self;
  int pick;

  g_return_val_if_fail (PC_IS_REVIEW_MARKS (marks), NULL);
  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  self = g_object_new (PC_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->marks = g_object_ref (marks);
  g_signal_connect_object (marks, "rating-changed", G_CALLBACK (on_marks_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (marks, "decision-changed", G_CALLBACK (on_marks_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (library, i);
      PcReport *other = pc_library_item_get_report (item);
      g_autofree char *title = NULL;

      if (pc_report_get_id (other) == pc_report_get_id (report))
        continue;
      title = pc_labels_report_title (other);
      g_ptr_array_add (self->choices, g_object_ref (other));
      gtk_string_list_append (self->choice_titles, title);
    }
  pick = pc_compare_pick_counterpart (self->choices, report);
  /* The report is set last, so that choosing the counterpart loads once. */
  if (pick >= 0)
    gtk_drop_down_set_selected (self->counterpart_dropdown, (guint) pick);
  self->report = g_object_ref (report);
  load (self);
  return self;
}

guint
pc_compare_window_get_n_choices (PcCompareWindow *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_WINDOW (self), 0);

  return self->choices->len;
}

/* Compares with the @choice-th other report, as the dropdown does. */
void
pc_compare_window_choose (PcCompareWindow *self,
                          guint            choice)
{
  g_return_if_fail (PC_IS_COMPARE_WINDOW (self));
  g_return_if_fail (choice < self->choices->len);

  gtk_drop_down_set_selected (self->counterpart_dropdown, choice);
}

/**
 * pc_compare_window_get_counterpart:
 *
 * Returns: (transfer none) (nullable): the report compared with
 */
PcReport *
pc_compare_window_get_counterpart (PcCompareWindow *self)
{
  guint selected;

  g_return_val_if_fail (PC_IS_COMPARE_WINDOW (self), NULL);

  selected = gtk_drop_down_get_selected (self->counterpart_dropdown);
  return selected < self->choices->len ? g_ptr_array_index (self->choices, selected) : NULL;
}

/**
 * pc_compare_window_get_comparison:
 *
 * Returns: (nullable): the comparison shown, %NULL while the reviews load
 */
const PcComparison *
pc_compare_window_get_comparison (PcCompareWindow *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_WINDOW (self), NULL);

  return self->comparison;
}

GListModel *
pc_compare_window_get_rows (PcCompareWindow *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_WINDOW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

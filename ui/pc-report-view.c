/* pc-report-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-report-view"

#include "config.h"

#include "pc-report-view.h"
#include "pc-review-state.h"

struct _PcReportView
{
  GtkTextView  parent_instance;

  GArray      *labels;    /* PcMarginLabel, sorted by start */
  guint        n_drawn;   /* labels drawn in the last frame, for tests */
};

G_DEFINE_FINAL_TYPE (PcReportView, pc_report_view, GTK_TYPE_TEXT_VIEW)

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const PcMarginLabel *la = a, *lb = b;

  return la->start < lb->start ? -1 : la->start > lb->start;
}

/* The first label at or after @offset. */
static guint
lower_bound (GArray *labels,
             guint   offset)
{
  guint lo = 0, hi = labels->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (labels, PcMarginLabel, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
draw_pill (PcReportView  *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           const GdkRGBA *color,
           int            line_y,
           int            line_height,
           int            x_end)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  GskRoundedRect pill;
  int width, height, x, y;
  GdkRGBA white = { 1, 1, 1, 1 };

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);

  /* Right-aligned against the text; a pill wider than the margin starts at its edge. */
  x = MAX (2, x_end - width - 14);
  y = line_y + MAX (0, (MIN (line_height, height + 12) - height - 4) / 2);
  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y, width + 10, height + 4),
                                   (height + 4) / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, color, &pill.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 5, y + 2));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

/* Draws the pill of one line: two labels at most, then how many more, "3·12+2". */
static void
flush_pill (PcReportView  *self,
            GtkSnapshot   *snapshot,
            GString       *text,
            guint          n_on_line,
            const GdkRGBA *color,
            int            line_y,
            int            line_height,
            int            x_end)
{
  if (n_on_line > 2)
    g_string_append_printf (text, "+%u", n_on_line - 2);
  draw_pill (self, snapshot, text->str, color, line_y, line_height, x_end);
  g_string_truncate (text, 0);
}

/* Labels of annotations that start on one display line share one pill: "3·12". */
static void
draw_labels (PcReportView *self,
             GtkSnapshot  *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GtkTextIter top, bottom;
  int x_end = gtk_text_view_get_left_margin (view);
  int current_y = -1, current_height = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  GdkRGBA color = { 0 };
  guint n_on_line = 0;

  self->n_drawn = 0;
  if (self->labels == NULL || self->labels->len == 0)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&bottom);

  for (guint i = lower_bound (self->labels, gtk_text_iter_get_offset (&top));
       i < self->labels->len; i++)
    {
      const PcMarginLabel *label = &g_array_index (self->labels, PcMarginLabel, i);
      g_autofree char *number = NULL;
      GtkTextIter iter;
      GdkRectangle location;

      if ((int) label->start > gtk_text_iter_get_offset (&bottom))
        break;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, label->start);
      gtk_text_view_get_iter_location (view, &iter, &location);
      if (location.y != current_y && text->len > 0)
        {
          flush_pill (self, snapshot, text, n_on_line, &color, current_y, current_height, x_end);
          n_on_line = 0;
        }
      number = pc_review_state_annotation_label (label->item);
      if (text->len == 0)
        {
          current_y = location.y;
          current_height = location.height;
          color = label->color;
        }
      else if (n_on_line < 2)
        g_string_append (text, "·");
      if (n_on_line < 2)
        g_string_append (text, number);
      n_on_line++;
      self->n_drawn++;
    }
  if (text->len > 0)
    flush_pill (self, snapshot, text, n_on_line, &color, current_y, current_height, x_end);
}

static void
pc_report_view_snapshot_layer (GtkTextView      *view,
                               GtkTextViewLayer  layer,
                               GtkSnapshot      *snapshot)
{
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    draw_labels (PC_REPORT_VIEW (view), snapshot);
}

static void
pc_report_view_finalize (GObject *object)
{
  PcReportView *self = PC_REPORT_VIEW (object);

  g_clear_pointer (&self->labels, g_array_unref);

  G_OBJECT_CLASS (pc_report_view_parent_class)->finalize (object);
}

static void
pc_report_view_class_init (PcReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->finalize = pc_report_view_finalize;
  text_view_class->snapshot_layer = pc_report_view_snapshot_layer;
}

static void
pc_report_view_init (PcReportView *self)
{
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), PC_REPORT_VIEW_MARGIN);
}

/**
 * pc_report_view_set_labels:
 * @labels: (transfer full) (nullable) (element-type PcMarginLabel): in any order
 */
void
pc_report_view_set_labels (PcReportView *self,
                           GArray       *labels)
{
  g_return_if_fail (PC_IS_REPORT_VIEW (self));

  g_clear_pointer (&self->labels, g_array_unref);
  self->labels = labels;
  if (labels != NULL)
    g_array_sort (labels, compare_labels);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pc_report_view_get_n_drawn (PcReportView *self)
{
  g_return_val_if_fail (PC_IS_REPORT_VIEW (self), 0);
  return self->n_drawn;
}

/* pc-annotate-popover.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-annotate-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-annotate-popover.h"
#include "pc-outline-node.h"
#include "pc-review-state.h"

struct _PcAnnotatePopover
{
  GtkPopover          parent_instance;

  GtkLabel           *heading_label;
  GtkSearchEntry     *search_entry;
  GtkListView        *items_view;
  GtkSingleSelection *items_selection;
  GtkFilterListModel *items_filter_model;
  GtkCustomFilter    *items_filter;
  GtkSortListModel   *items_sort_model;
  GtkCustomSorter    *items_sorter;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *severity_dropdown;
  GtkEntry           *comment_entry;
  GtkEntry           *fix_entry;
  GtkWidget          *span_box;
  GtkWidget          *delete_button;

  PcChecklist        *checklist;
  gint64              id;   /* the annotation edited, or 0 for a new one */
};

G_DEFINE_FINAL_TYPE (PcAnnotatePopover, pc_annotate_popover, GTK_TYPE_POPOVER)

static gboolean
filter_item_cb (gpointer item,
                gpointer user_data)
{
  PcAnnotatePopover *self = user_data;
  const PcChecklistItem *found;

  if (self->checklist == NULL)
    return TRUE;
  found = pc_checklist_find_item (self->checklist, pc_outline_node_get_code (item));
  return found != NULL &&
         pc_review_state_item_matches (found, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static guint
item_rank (PcAnnotatePopover *self,
           PcOutlineNode     *node)
{
  const PcChecklistItem *found;

  if (self->checklist == NULL)
    return 1;
  found = pc_checklist_find_item (self->checklist, pc_outline_node_get_code (node));
  return found ? pc_review_state_item_rank (found, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) : 0;
}

/* The best matches first (执法 puts 深化行政执法体制改革 above an item that only mentions
 * it), then in outline order. */
static int
sort_item_cb (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PcAnnotatePopover *self = user_data;
  guint ra = item_rank (self, (PcOutlineNode *) a);
  guint rb = item_rank (self, (PcOutlineNode *) b);
  guint ca = pc_outline_node_get_code ((PcOutlineNode *) a);
  guint cb = pc_outline_node_get_code ((PcOutlineNode *) b);

  if (ra != rb)
    return ra > rb ? -1 : 1;
  return ca < cb ? -1 : ca > cb;
}

static void
on_search_changed_cb (PcAnnotatePopover *self,
                      GtkSearchEntry    *entry)
{
  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->items_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items_sort_model)) > 0)
    gtk_single_selection_set_selected (self->items_selection, 0);
}

static void
on_search_activate_cb (PcAnnotatePopover *self,
                       GtkSearchEntry    *entry)
{
  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

/* Escape in the search field closes the popover, as it would anywhere else in it. */
static void
on_search_stop_cb (PcAnnotatePopover *self,
                   GtkSearchEntry    *entry)
{
  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_kind_notify_cb (PcAnnotatePopover *self,
                   GParamSpec        *pspec,
                   GtkDropDown       *dropdown)
{
  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->severity_dropdown),
                            gtk_drop_down_get_selected (dropdown) == PC_ANNOTATION_PROBLEM);
}

static void
on_save_clicked_cb (PcAnnotatePopover *self,
                    GtkButton         *button)
{
  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  pc_annotate_popover_save (self);
}

static void
on_delete_clicked_cb (PcAnnotatePopover *self,
                      GtkButton         *button)
{
  gint64 id = self->id;

  g_assert (PC_IS_ANNOTATE_POPOVER (self));

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-annotation", "x", id);
}

static GStrv
swatch_classes_cb (gpointer       unused,
                   PcOutlineNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "swatch");
  if (node != NULL)
    {
      g_autofree char *chapter = g_strdup_printf ("chapter-%u", pc_outline_node_get_chapter (node));

      g_strv_builder_add (builder, chapter);
    }
  return g_strv_builder_end (builder);
}

static void
pc_annotate_popover_dispose (GObject *object)
{
  PcAnnotatePopover *self = PC_ANNOTATE_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_ANNOTATE_POPOVER);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (pc_annotate_popover_parent_class)->dispose (object);
}

static void
pc_annotate_popover_class_init (PcAnnotatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_annotate_popover_dispose;

  g_type_ensure (PC_TYPE_OUTLINE_NODE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pingcha/Pingcha/pc-annotate-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_view);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_selection);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_filter_model);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_filter);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_sort_model);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, items_sorter);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, fix_entry);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, span_box);
  gtk_widget_class_bind_template_child (widget_class, PcAnnotatePopover, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, swatch_classes_cb);
}

static void
pc_annotate_popover_init (PcAnnotatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_custom_filter_set_filter_func (self->items_filter, filter_item_cb, self, NULL);
  gtk_custom_sorter_set_sort_func (self->items_sorter, sort_item_cb, self, NULL);
}

PcAnnotatePopover *
pc_annotate_popover_new (void)
{
  return g_object_new (PC_TYPE_ANNOTATE_POPOVER, NULL);
}

/**
 * pc_annotate_popover_set_items:
 * @items: the outline's items, as #PcOutlineNode
 */
void
pc_annotate_popover_set_items (PcAnnotatePopover *self,
                               GListModel        *items,
                               PcChecklist       *checklist)
{
  g_return_if_fail (PC_IS_ANNOTATE_POPOVER (self));

  g_set_object (&self->checklist, checklist);
  gtk_filter_list_model_set_model (self->items_filter_model, items);
}

static void
select_item (PcAnnotatePopover *self,
             guint              code)
{
  GListModel *model = G_LIST_MODEL (self->items_sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcOutlineNode) node = g_list_model_get_item (model, i);

      if (pc_outline_node_get_code (node) == code)
        {
          gtk_single_selection_set_selected (self->items_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item",
                                      "u", i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->items_selection, GTK_INVALID_LIST_POSITION);
}

/**
 * pc_annotate_popover_edit:
 * @annotation: (nullable): the annotation to edit, or %NULL for a new one
 * @default_item: for a new one, the item selected in the outline, or 0
 *
 * Fills the popover for @annotation; the search starts empty.
 */
void
pc_annotate_popover_edit (PcAnnotatePopover *self,
                          PcAnnotation      *annotation,
                          guint              default_item)
{
  PcSeverity severity;

  g_return_if_fail (PC_IS_ANNOTATE_POPOVER (self));

  self->id = annotation ? pc_annotation_get_id (annotation) : 0;
  gtk_label_set_label (self->heading_label, annotation ? _("Edit Annotation") : _("New Annotation"));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_sorter_changed (GTK_SORTER (self->items_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  select_item (self, annotation ? pc_annotation_get_item (annotation) : default_item);
  gtk_drop_down_set_selected (self->kind_dropdown,
                              annotation ? pc_annotation_get_kind (annotation) : PC_ANNOTATION_PROBLEM);
  severity = annotation ? pc_annotation_get_severity (annotation) : PC_SEVERITY_MEDIUM;
  gtk_drop_down_set_selected (self->severity_dropdown,
                              severity == PC_SEVERITY_NONE ? 1 : severity - PC_SEVERITY_LOW);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry),
                         annotation && pc_annotation_get_comment (annotation) ? pc_annotation_get_comment (annotation) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->fix_entry),
                         annotation && pc_annotation_get_fix (annotation) ? pc_annotation_get_fix (annotation) : "");
  gtk_widget_set_visible (self->delete_button, annotation != NULL);
  gtk_widget_set_visible (self->span_box, annotation != NULL);
}

void
pc_annotate_popover_set_query (PcAnnotatePopover *self,
                               const char        *query)
{
  g_return_if_fail (PC_IS_ANNOTATE_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  on_search_changed_cb (self, self->search_entry);
}

guint
pc_annotate_popover_get_n_matches (PcAnnotatePopover *self)
{
  g_return_val_if_fail (PC_IS_ANNOTATE_POPOVER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items_sort_model));
}

/**
 * pc_annotate_popover_dup_params:
 *
 * Returns: (transfer full): the parameter for win.annotate, floating
 */
GVariant *
pc_annotate_popover_dup_params (PcAnnotatePopover *self)
{
  PcOutlineNode *node;
  guint kind, severity;

  g_return_val_if_fail (PC_IS_ANNOTATE_POPOVER (self), NULL);

  node = gtk_single_selection_get_selected_item (self->items_selection);
  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  severity = kind == PC_ANNOTATION_PROBLEM
             ? PC_SEVERITY_LOW + gtk_drop_down_get_selected (self->severity_dropdown)
             : PC_SEVERITY_NONE;
  return g_variant_new (PC_ANNOTATE_PARAM_TYPE, self->id,
                        node ? pc_outline_node_get_code (node) : 0,
                        (int) MIN (kind, PC_ANNOTATION_NOTE), (int) severity,
                        gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)),
                        gtk_editable_get_text (GTK_EDITABLE (self->fix_entry)));
}

/* Saves through win.annotate, the same action the tests call. */
void
pc_annotate_popover_save (PcAnnotatePopover *self)
{
  g_return_if_fail (PC_IS_ANNOTATE_POPOVER (self));

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.annotate",
                                      pc_annotate_popover_dup_params (self));
  gtk_popover_popdown (GTK_POPOVER (self));
}

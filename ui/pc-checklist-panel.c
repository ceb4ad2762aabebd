/* pc-checklist-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-checklist-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-checklist-panel.h"
#include "pc-labels.h"
#include "pc-outline-node.h"
#include "pc-review-state.h"

struct _PcChecklistPanel
{
  GtkWidget           parent_instance;

  GtkLabel           *score_label;
  GtkLabel           *progress_label;
  GtkPaned           *paned;
  GtkListView        *outline_view;
  GtkSingleSelection *outline_selection;
  GtkLabel           *item_title_label;
  GtkLabel           *requirement_label;
  GtkLabel           *phrases_label;
  GtkWidget          *rating_box;
  GtkLabel           *points_label;
  GtkWidget          *decision_box;
  GtkLabel           *decision_label;
  GtkWidget          *accept_button;
  GtkWidget          *reject_button;
  GtkWidget          *add_button;
  GtkListBox         *evidence_view;
  GtkStringList      *evidence;
  GtkLabel           *no_evidence_label;

  PcChecklist        *checklist;
  GListStore         *parts;
  GListStore         *items;         /* every item node, by code − 1 */
  GArray             *evidence_ranges;
  PcReportReview     *review;        /* unowned: the window's, replaced through set_review */
  PcScore            *score;
};

G_DEFINE_FINAL_TYPE (PcChecklistPanel, pc_checklist_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ITEM,
  N_PROPS
};

enum {
  EVIDENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = pc_outline_node_get_children (item);

  return children ? g_object_ref (children) : NULL;
}

static void
build_outline (PcChecklistPanel *self,
               PcChecklist      *checklist)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  guint n_chapters = pc_checklist_get_n_chapters (checklist);

  g_set_object (&self->checklist, checklist);
  g_list_store_remove_all (self->parts);
  g_list_store_remove_all (self->items);
  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(PcOutlineNode) part = pc_outline_node_new_part (pc_checklist_get_chapter (checklist, i));

      g_list_store_append (self->parts, part);
    }
  for (guint i = 0; i < pc_checklist_get_n_items (checklist); i++)
    {
      const PcChecklistItem *item = pc_checklist_get_item (checklist, i);
      g_autoptr(PcOutlineNode) node = pc_outline_node_new_item (item);

      g_list_store_append (self->items, node);
      for (guint j = 0; j < n_chapters; j++)
        {
          g_autoptr(PcOutlineNode) part = g_list_model_get_item (G_LIST_MODEL (self->parts), j);

          if (pc_outline_node_get_chapter (part) == item->chapter)
            pc_outline_node_append (part, node);
        }
    }
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->parts)), FALSE, TRUE,
                                  create_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->outline_selection, G_LIST_MODEL (tree));
  gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
}

static PcItemState
item_state (PcChecklistPanel *self,
            guint             code)
{
  const PcItemCoverage *coverage = pc_coverage_get_item (self->review->coverage, code);
  const PcChecklistItem *item = pc_checklist_find_item (self->checklist, code);

  return pc_review_state_item_state (item ? item->applicable : TRUE,
                                     coverage ? coverage->suggested : FALSE,
                                     self->review->decisions[code - 1],
                                     self->review->overrides[code - 1]);
}

static void
update_nodes (PcChecklistPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcOutlineNode) node = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      guint code = pc_outline_node_get_code (node);
      PcItemState state = PC_ITEM_STATE_NONE;
      g_autofree char *points = NULL;

      if (self->review != NULL && code <= self->review->n_items)
        {
          const PcItemScore *score = &self->score->items[code - 1];

          state = item_state (self, code);
          points = pc_review_state_points_text (score->rating, score->points, score->max_points);
        }
      pc_outline_node_set_status (node, pc_review_state_item_icon (state),
                                  pc_review_state_item_badge (state), points);
    }
}

static void
update_header (PcChecklistPanel *self)
{
  g_autofree char *score = NULL;
  g_autofree char *progress = NULL;

  if (self->review == NULL)
    {
      gtk_label_set_label (self->score_label, "—");
      gtk_label_set_label (self->progress_label, "");
      return;
    }
  score = pc_review_state_score_text (self->score->total, self->score->grade);
  progress = pc_review_state_progress_text (pc_report_review_count_rated (self->review),
                                            self->review->n_items);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->progress_label, progress);
}

static const char *
decision_text (PcDecision decision)
{
  switch ((int) decision)
    {
    case PC_DECISION_ACCEPT:
      return _("You accepted the suggestion");
    case PC_DECISION_REJECT:
      return _("You rejected the suggestion");
    case PC_DECISION_ADD:
      return _("You added this item");
    default:
      return "";
    }
}

static void
update_evidence (PcChecklistPanel      *self,
                 const PcItemCoverage  *coverage)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->evidence_ranges, 0);
  for (guint i = 0; coverage != NULL && coverage->quotes != NULL && i < coverage->quotes->len; i++)
    {
      const PcQuote *quote = &g_array_index (coverage->quotes, PcQuote, i);

      g_array_append_val (self->evidence_ranges, quote->range);
      g_ptr_array_add (texts, g_strdup (quote->text ? quote->text : quote->phrase));
    }
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->evidence, 0, n_old, (const char * const *) texts->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_view), self->evidence_ranges->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_evidence_label),
                          self->review != NULL && coverage != NULL && self->evidence_ranges->len == 0);
}

static void
update_detail (PcChecklistPanel *self)
{
  guint code = pc_checklist_panel_get_selected_item (self);
  const PcChecklistItem *item = code && self->checklist ? pc_checklist_find_item (self->checklist, code) : NULL;
  const PcItemCoverage *coverage = NULL;
  gboolean have = item != NULL && self->review != NULL;

  gtk_widget_set_sensitive (self->rating_box, have);
  gtk_widget_set_sensitive (self->decision_box, have);
  gtk_widget_set_visible (GTK_WIDGET (self->requirement_label), item != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->phrases_label), item != NULL);
  if (item == NULL)
    {
      gtk_label_set_label (self->item_title_label, _("Select an item of the outline"));
      gtk_label_set_label (self->points_label, "");
      gtk_label_set_label (self->decision_label, "");
      update_evidence (self, NULL);
      return;
    }

  {
    g_autofree char *title = g_strdup_printf ("%u %s %s", item->code, item->label, item->title);
    g_autofree char *phrases = pc_labels_phrases ((const char * const *) item->phrases);
    /* Translators: before the list of phrases the engine looks for */
    g_autofree char *phrases_text = g_strdup_printf (_("Phrases: %s"), phrases);

    gtk_label_set_label (self->item_title_label, title);
    gtk_label_set_label (self->requirement_label, item->requirement);
    gtk_label_set_label (self->phrases_label, phrases_text);
  }

  if (self->review != NULL)
    {
      const PcItemScore *score = &self->score->items[code - 1];
      static const PcItemCoverage none = { 0 };
      g_autofree char *points = pc_review_state_points_text (score->rating, score->points, score->max_points);
      PcDecision decision = self->review->decisions[code - 1];
      gboolean suggested;

      coverage = pc_coverage_get_item (self->review->coverage, code);
      if (coverage == NULL)
        coverage = &none;
      suggested = coverage->suggested;
      gtk_label_set_label (self->points_label, points);
      gtk_label_set_label (self->decision_label, decision_text (decision));
      gtk_widget_set_visible (self->accept_button, suggested);
      gtk_widget_set_visible (self->reject_button, suggested);
      gtk_widget_set_visible (self->add_button, !suggested);
    }
  update_evidence (self, coverage);
}

static void
on_outline_selection_notify_cb (PcChecklistPanel   *self,
                                GParamSpec         *pspec,
                                GtkSingleSelection *selection)
{
  g_assert (PC_IS_CHECKLIST_PANEL (self));

  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
on_evidence_row_activated_cb (PcChecklistPanel *self,
                              GtkListBoxRow    *row,
                              GtkListBox       *box)
{
  g_assert (PC_IS_CHECKLIST_PANEL (self));

  pc_checklist_panel_activate_evidence (self, gtk_list_box_row_get_index (row));
}

/* Evidence is a few sentences: each shows in full, wrapped, as the box grows to hold it. */
static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  return label;
}

/* Closures of the outline factory; @row may be NULL while unbound. */

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
      if (pc_outline_node_is_part (node))
        g_strv_builder_add (builder, "part");
    }
  return g_strv_builder_end (builder);
}

static GStrv
title_classes_cb (gpointer       unused,
                  PcOutlineNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && pc_outline_node_is_part (node))
    g_strv_builder_add (builder, "heading");
  return g_strv_builder_end (builder);
}

static GStrv
badge_classes_cb (gpointer       unused,
                  PcOutlineNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "badge");
  g_strv_builder_add (builder, "caption");
  if (node != NULL && pc_outline_node_get_badge (node) != NULL)
    {
      const char *icon = pc_outline_node_get_icon_name (node);

      /* The badge's colour follows the state, through the icon that names it. */
      if (g_strcmp0 (icon, pc_review_state_item_icon (PC_ITEM_STATE_SUGGESTED)) == 0)
        g_strv_builder_add (builder, "suggested");
      else if (g_strcmp0 (icon, pc_review_state_item_icon (PC_ITEM_STATE_RATED)) == 0 ||
               g_strcmp0 (icon, pc_review_state_item_icon (PC_ITEM_STATE_ACCEPTED)) == 0 ||
               g_strcmp0 (icon, pc_review_state_item_icon (PC_ITEM_STATE_ADDED)) == 0)
        g_strv_builder_add (builder, "done");
    }
  if (node == NULL || pc_outline_node_is_part (node))
    g_strv_builder_add (builder, "hidden");
  return g_strv_builder_end (builder);
}

static gboolean
is_item_cb (gpointer       unused,
            PcOutlineNode *node)
{
  return node != NULL && !pc_outline_node_is_part (node);
}

static void
pc_checklist_panel_dispose (GObject *object)
{
  PcChecklistPanel *self = PC_CHECKLIST_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_CHECKLIST_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_object (&self->parts);
  g_clear_object (&self->items);
  g_clear_pointer (&self->evidence_ranges, g_array_unref);
  g_clear_pointer (&self->score, pc_score_free);
  self->review = NULL;

  G_OBJECT_CLASS (pc_checklist_panel_parent_class)->dispose (object);
}

static void
pc_checklist_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcChecklistPanel *self = PC_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      g_value_set_uint (value, pc_checklist_panel_get_selected_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_checklist_panel_class_init (PcChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_checklist_panel_dispose;
  object_class->get_property = pc_checklist_panel_get_property;

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_uint ("selected-item", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PcChecklistPanel::evidence-activated:
   * @start: the evidence's first character in the report text
   * @end: the character after its last
   */
  signals[EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (PC_TYPE_OUTLINE_NODE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pingcha/Pingcha/pc-checklist-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklistpanel");
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, score_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, paned);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, outline_view);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, outline_selection);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, item_title_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, phrases_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, rating_box);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, points_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, decision_box);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, decision_label);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, accept_button);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, reject_button);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, evidence);
  gtk_widget_class_bind_template_child (widget_class, PcChecklistPanel, no_evidence_label);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_selection_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, swatch_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, badge_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_item_cb);
}

static void
pc_checklist_panel_init (PcChecklistPanel *self)
{
  self->parts = g_list_store_new (PC_TYPE_OUTLINE_NODE);
  self->items = g_list_store_new (PC_TYPE_OUTLINE_NODE);
  self->evidence_ranges = g_array_new (FALSE, FALSE, sizeof (PcRange));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->evidence_view, G_LIST_MODEL (self->evidence),
                           create_evidence_row, NULL, NULL);
  update_detail (self);
}

/**
 * pc_checklist_panel_set_review:
 * @review: (nullable) (transfer none): the report's review; the caller keeps it alive
 *   until the next call
 *
 * Shows @review: every item's state and points, the total and grade, and the selected
 * item's detail. The selection stays on the same item.
 */
void
pc_checklist_panel_set_review (PcChecklistPanel *self,
                               PcReportReview   *review)
{
  guint selected;

  g_return_if_fail (PC_IS_CHECKLIST_PANEL (self));

  selected = pc_checklist_panel_get_selected_item (self);
  self->review = review;
  g_clear_pointer (&self->score, pc_score_free);
  if (review != NULL)
    {
      self->score = pc_report_review_score (review);
      if (self->checklist == NULL || !pc_checklist_equal (self->checklist, review->checklist))
        build_outline (self, review->checklist);
    }
  update_nodes (self);
  update_header (self);
  if (selected != 0 && pc_checklist_panel_get_selected_item (self) != selected)
    pc_checklist_panel_select_item (self, selected);
  else
    update_detail (self);
}

/**
 * pc_checklist_panel_get_selected_item:
 *
 * Returns: the code of the selected item, or 0 when a part or nothing is selected
 */
guint
pc_checklist_panel_get_selected_item (PcChecklistPanel *self)
{
  GtkTreeListRow *row;
  g_autoptr(PcOutlineNode) node = NULL;

  g_return_val_if_fail (PC_IS_CHECKLIST_PANEL (self), 0);

  row = gtk_single_selection_get_selected_item (self->outline_selection);
  if (row == NULL)
    return 0;
  node = gtk_tree_list_row_get_item (row);
  return pc_outline_node_get_code (node);
}

/**
 * pc_checklist_panel_select_item:
 * @code: an item code; its part is expanded
 */
void
pc_checklist_panel_select_item (PcChecklistPanel *self,
                                guint             code)
{
  GListModel *rows;
  guint n;

  g_return_if_fail (PC_IS_CHECKLIST_PANEL (self));

  rows = gtk_single_selection_get_model (self->outline_selection);
  n = rows ? g_list_model_get_n_items (rows) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(PcOutlineNode) node = gtk_tree_list_row_get_item (row);

      if (pc_outline_node_is_part (node) && pc_outline_node_get_code (node) == 0)
        {
          /* Expanding adds the part's rows after it; the loop then meets them. */
          if (!gtk_tree_list_row_get_expanded (row))
            {
              gboolean contains = FALSE;
              GListModel *children = pc_outline_node_get_children (node);

              for (guint j = 0; j < g_list_model_get_n_items (children) && !contains; j++)
                {
                  g_autoptr(PcOutlineNode) child = g_list_model_get_item (children, j);

                  contains = pc_outline_node_get_code (child) == code;
                }
              if (contains)
                {
                  gtk_tree_list_row_set_expanded (row, TRUE);
                  n = g_list_model_get_n_items (rows);
                }
            }
          continue;
        }
      if (pc_outline_node_get_code (node) == code)
        {
          gtk_single_selection_set_selected (self->outline_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item",
                                      "u", i);
          return;
        }
    }
}

/**
 * pc_checklist_panel_get_items:
 *
 * Returns: (transfer none): every item of the outline as a #PcOutlineNode, in code order
 */
GListModel *
pc_checklist_panel_get_items (PcChecklistPanel *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST_PANEL (self), NULL);
  return G_LIST_MODEL (self->items);
}

GtkPaned *
pc_checklist_panel_get_paned (PcChecklistPanel *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST_PANEL (self), NULL);
  return self->paned;
}

/**
 * pc_checklist_panel_get_evidence:
 *
 * Returns: (transfer none): the selected item's evidence, as strings
 */
GListModel *
pc_checklist_panel_get_evidence (PcChecklistPanel *self)
{
  g_return_val_if_fail (PC_IS_CHECKLIST_PANEL (self), NULL);
  return G_LIST_MODEL (self->evidence);
}

void
pc_checklist_panel_activate_evidence (PcChecklistPanel *self,
                                      guint             position)
{
  PcRange range;

  g_return_if_fail (PC_IS_CHECKLIST_PANEL (self));

  if (position >= self->evidence_ranges->len)
    return;
  range = g_array_index (self->evidence_ranges, PcRange, position);
  g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0, range.start, range.end);
}

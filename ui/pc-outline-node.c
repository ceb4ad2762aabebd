/* pc-outline-node.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-outline-node"

#include "config.h"

#include "pc-outline-node.h"
#include "pc-review-state.h"

struct _PcOutlineNode
{
  GObject     parent_instance;

  guint       code;      /* 0 for a part */
  guint       chapter;
  char       *title;     /* "12 （三）title" or "一、title" */
  char       *color;
  char       *icon_name;
  char       *badge;
  char       *points;
  GListStore *children;  /* parts only */
};

G_DEFINE_FINAL_TYPE (PcOutlineNode, pc_outline_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_COLOR,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_POINTS,
  PROP_IS_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pc_outline_node_finalize (GObject *object)
{
  PcOutlineNode *self = PC_OUTLINE_NODE (object);

  g_clear_object (&self->children);
  g_free (self->title);
  g_free (self->color);
  g_free (self->icon_name);
  g_free (self->badge);
  g_free (self->points);

  G_OBJECT_CLASS (pc_outline_node_parent_class)->finalize (object);
}

static void
pc_outline_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PcOutlineNode *self = PC_OUTLINE_NODE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_uint (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_BADGE:
      g_value_set_string (value, self->badge);
      break;
    case PROP_POINTS:
      g_value_set_string (value, self->points);
      break;
    case PROP_IS_PART:
      g_value_set_boolean (value, self->code == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_outline_node_class_init (PcOutlineNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pc_outline_node_finalize;
  object_class->get_property = pc_outline_node_get_property;

  properties[PROP_CODE] = g_param_spec_uint ("code", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_BADGE] = g_param_spec_string ("badge", NULL, NULL, NULL, flags);
  properties[PROP_POINTS] = g_param_spec_string ("points", NULL, NULL, NULL, flags);
  properties[PROP_IS_PART] = g_param_spec_boolean ("is-part", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_outline_node_init (PcOutlineNode *self)
{
}

PcOutlineNode *
pc_outline_node_new_part (const PcChecklistChapter *chapter)
{
  PcOutlineNode *self = g_object_new (PC_TYPE_OUTLINE_NODE, NULL);

  g_return_val_if_fail (chapter != NULL, NULL);

  self->chapter = chapter->number;
  self->title = g_strdup_printf ("%s、%s", chapter->label, chapter->title);
  self->color = g_strdup (pc_review_state_chapter_color (chapter->number));
  self->children = g_list_store_new (PC_TYPE_OUTLINE_NODE);
  return self;
}

PcOutlineNode *
pc_outline_node_new_item (const PcChecklistItem *item)
{
  PcOutlineNode *self = g_object_new (PC_TYPE_OUTLINE_NODE, NULL);

  g_return_val_if_fail (item != NULL, NULL);

  self->code = item->code;
  self->chapter = item->chapter;
  self->title = pc_review_state_item_title (item);
  self->color = g_strdup (pc_review_state_chapter_color (item->chapter));
  return self;
}

gboolean
pc_outline_node_is_part (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), FALSE);
  return self->code == 0;
}

guint
pc_outline_node_get_code (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), 0);
  return self->code;
}

guint
pc_outline_node_get_chapter (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), 0);
  return self->chapter;
}

const char *
pc_outline_node_get_title (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), NULL);
  return self->title;
}

const char *
pc_outline_node_get_badge (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), NULL);
  return self->badge;
}

const char *
pc_outline_node_get_icon_name (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), NULL);
  return self->icon_name;
}

/**
 * pc_outline_node_get_children:
 *
 * Returns: (transfer none) (nullable): a part's items; %NULL for an item
 */
GListModel *
pc_outline_node_get_children (PcOutlineNode *self)
{
  g_return_val_if_fail (PC_IS_OUTLINE_NODE (self), NULL);
  return self->children ? G_LIST_MODEL (self->children) : NULL;
}

void
pc_outline_node_append (PcOutlineNode *self,
                        PcOutlineNode *child)
{
  g_return_if_fail (PC_IS_OUTLINE_NODE (self));
  g_return_if_fail (self->children != NULL);

  g_list_store_append (self->children, child);
}

static void
set_string (PcOutlineNode *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
pc_outline_node_set_status (PcOutlineNode *self,
                            const char    *icon_name,
                            const char    *badge,
                            const char    *points)
{
  g_return_if_fail (PC_IS_OUTLINE_NODE (self));

  set_string (self, &self->icon_name, icon_name, PROP_ICON_NAME);
  set_string (self, &self->badge, badge, PROP_BADGE);
  set_string (self, &self->points, points, PROP_POINTS);
}

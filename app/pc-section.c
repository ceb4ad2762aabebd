/* pc-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-section"

#include "config.h"

#include "pc-section.h"

struct _PcSection
{
  GObject         parent_instance;
  guint           level;
  guint           number;
  char           *label;
  char           *title;
  char           *path;
  PcSectionFlags  flags;
  PcRange         range;
  PcRange         heading;
  GListStore     *children;
};

G_DEFINE_FINAL_TYPE (PcSection, pc_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_NUMBER,
  PROP_LABEL,
  PROP_TITLE,
  PROP_PATH,
  PROP_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pc_section_finalize (GObject *object)
{
  PcSection *self = (PcSection *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (pc_section_parent_class)->finalize (object);
}

static void
pc_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PcSection *self = PC_SECTION (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DISPLAY:
      g_value_take_string (value, pc_section_dup_display (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_section_class_init (PcSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_section_finalize;
  object_class->get_property = pc_section_get_property;

  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 1, 3, 1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY] =
    g_param_spec_string ("display", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_section_init (PcSection *self)
{
  self->children = g_list_store_new (PC_TYPE_SECTION);
}

/**
 * pc_section_new:
 * @level: 1 for 一、, 2 for （一）, 3 for 1.
 * @number: the 1-based number, or 0 where the report left it out
 * @label: the enumerator as written, e.g. "（一）"
 * @title: the heading text without its enumerator
 */
PcSection *
pc_section_new (guint       level,
                guint       number,
                const char *label,
                const char *title)
{
  PcSection *self = g_object_new (PC_TYPE_SECTION, NULL);

  self->level = level;
  self->number = number;
  self->label = g_strdup (label);
  self->title = g_strdup (title);
  return self;
}

guint
pc_section_get_level (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), 0);
  return self->level;
}

guint
pc_section_get_number (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), 0);
  return self->number;
}

const char *
pc_section_get_label (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), NULL);
  return self->label;
}

const char *
pc_section_get_title (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), NULL);
  return self->title;
}

PcSectionFlags
pc_section_get_flags (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), 0);
  return self->flags;
}

void
pc_section_set_flags (PcSection      *self,
                      PcSectionFlags  flags)
{
  g_return_if_fail (PC_IS_SECTION (self));
  self->flags = flags;
}

PcRange
pc_section_get_range (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), (PcRange) { 0 });
  return self->range;
}

void
pc_section_set_range (PcSection *self,
                      PcRange    range)
{
  g_return_if_fail (PC_IS_SECTION (self));
  g_return_if_fail (range.start <= range.end);
  self->range = range;
}

PcRange
pc_section_get_heading (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), (PcRange) { 0 });
  return self->heading;
}

void
pc_section_set_heading (PcSection *self,
                        PcRange    heading)
{
  g_return_if_fail (PC_IS_SECTION (self));
  g_return_if_fail (heading.start <= heading.end);
  self->heading = heading;
}

/**
 * pc_section_get_path:
 *
 * Returns: the position in the tree as in the corpus files, e.g. "1.3" for the third
 *   subsection of the first part (positions, so a missing number still has a path).
 */
const char *
pc_section_get_path (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), NULL);
  return self->path;
}

void
pc_section_set_path (PcSection  *self,
                     const char *path)
{
  g_return_if_fail (PC_IS_SECTION (self));
  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

/**
 * pc_section_get_children:
 *
 * Returns: (transfer none): a #GListModel of #PcSection
 */
GListModel *
pc_section_get_children (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->children);
}

guint
pc_section_get_n_children (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

/**
 * pc_section_get_child:
 *
 * Returns: (transfer none) (nullable): the child at @position
 */
PcSection *
pc_section_get_child (PcSection *self,
                      guint      position)
{
  g_autoptr(PcSection) child = NULL;

  g_return_val_if_fail (PC_IS_SECTION (self), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (self->children), position);
  return child; /* the store keeps its own reference */
}

void
pc_section_append_child (PcSection *self,
                         PcSection *child)
{
  g_return_if_fail (PC_IS_SECTION (self));
  g_return_if_fail (PC_IS_SECTION (child));
  g_list_store_append (self->children, child);
}

/**
 * pc_section_dup_display:
 *
 * Returns: (transfer full): the heading as a reader sees it, label then title
 */
char *
pc_section_dup_display (PcSection *self)
{
  g_return_val_if_fail (PC_IS_SECTION (self), NULL);
  return g_strconcat (self->label ? self->label : "", self->title ? self->title : "", NULL);
}

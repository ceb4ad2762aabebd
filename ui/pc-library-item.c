/* pc-library-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-library-item"

#include "config.h"

#include "pc-library-item.h"

struct _PcLibraryItem
{
  GObject   parent_instance;

  PcReport *report;
  char     *progress;
};

G_DEFINE_FINAL_TYPE (PcLibraryItem, pc_library_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pc_library_item_finalize (GObject *object)
{
  PcLibraryItem *self = PC_LIBRARY_ITEM (object);

  g_clear_object (&self->report);
  g_free (self->progress);

  G_OBJECT_CLASS (pc_library_item_parent_class)->finalize (object);
}

static void
pc_library_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PcLibraryItem *self = PC_LIBRARY_ITEM (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_library_item_class_init (PcLibraryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_library_item_finalize;
  object_class->get_property = pc_library_item_get_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PC_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_library_item_init (PcLibraryItem *self)
{
}

PcLibraryItem *
pc_library_item_new (PcReport *report)
{
  PcLibraryItem *self;

  g_return_val_if_fail (PC_IS_REPORT (report), NULL);

  self = g_object_new (PC_TYPE_LIBRARY_ITEM, NULL);
  self->report = g_object_ref (report);
  return self;
}

/**
 * pc_library_item_get_report:
 *
 * Returns: (transfer none): the report
 */
PcReport *
pc_library_item_get_report (PcLibraryItem *self)
{
  g_return_val_if_fail (PC_IS_LIBRARY_ITEM (self), NULL);
  return self->report;
}

const char *
pc_library_item_get_progress (PcLibraryItem *self)
{
  g_return_val_if_fail (PC_IS_LIBRARY_ITEM (self), NULL);
  return self->progress;
}

void
pc_library_item_set_progress (PcLibraryItem *self,
                              const char    *progress)
{
  g_return_if_fail (PC_IS_LIBRARY_ITEM (self));

  if (g_strcmp0 (self->progress, progress) == 0)
    return;
  g_free (self->progress);
  self->progress = g_strdup (progress);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* pc-undo.c — one undo stack for every edit of the project's model.
 *
 * Each edit pushes a record: a handler, the object it concerns (the target), the data of
 * the inverse operation, and a description. Undo pops the top record and applies it, which
 * yields the record that reverses it again; that one goes onto the redo stack, and the
 * other way round for redo. A new edit clears the redo stack.
 *
 * Applying happens on the project's owner thread, which need not be this one: begin() pops
 * the record into a step, pc_undo_step_run() runs it wherever the project lives, finish()
 * back here files the reverse record. Edits pushed while a step is out are kept above it.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-undo"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pc-undo.h"

typedef struct
{
  const PcUndoHandler *handler;
  gpointer             target;
  gpointer             data;
  char                *description;
  gint64               pushed_at;    /* monotonic µs, of the last edit squashed into it */
} Record;

struct _PcUndoStep
{
  PcUndoDirection  direction;
  Record          *record;
  gpointer         reverse_data;
  GError          *error;
  guint            generation;
};

struct _PcUndoStack
{
  GObject   parent_instance;
  GQueue    undo;             /* of Record, top first */
  GQueue    redo;
  guint     squash_interval;  /* ms */
  gboolean  sealed;
  guint     busy;             /* steps begun and not finished */
  guint     generation;       /* counts pushes */
  gboolean  can_undo;
  gboolean  can_redo;
};

G_DEFINE_FINAL_TYPE (PcUndoStack, pc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Record *
record_new (const PcUndoHandler *handler,
            gpointer             target,
            gpointer             data,
            const char          *description)
{
  Record *record = g_new0 (Record, 1);

  record->handler = handler;
  record->target = target;
  record->data = data;
  record->description = g_strdup (description);
  record->pushed_at = g_get_monotonic_time ();
  return record;
}

static void
record_free (Record *record)
{
  if (record->data != NULL && record->handler->free != NULL)
    record->handler->free (record->data);
  g_free (record->description);
  g_free (record);
}

static void
step_free (PcUndoStep *step)
{
  g_assert (step->reverse_data == NULL);
  g_clear_pointer (&step->record, record_free);
  g_clear_error (&step->error);
  g_free (step);
}

/* Updates the derived properties and tells the window once. */
static void
stacks_changed (PcUndoStack *self)
{
  gboolean can_undo = self->busy == 0 && !g_queue_is_empty (&self->undo);
  gboolean can_redo = self->busy == 0 && !g_queue_is_empty (&self->redo);

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_queue (GQueue *queue)
{
  Record *record;

  while ((record = g_queue_pop_head (queue)) != NULL)
    record_free (record);
}

static gboolean
try_squash (PcUndoStack         *self,
            const PcUndoHandler *handler,
            gpointer             target,
            gpointer             data,
            gint64               now)
{
  Record *top = g_queue_peek_head (&self->undo);

  if (top == NULL || self->sealed || top->handler != handler || top->target != target ||
      handler->squash == NULL ||
      now - top->pushed_at > (gint64) self->squash_interval * 1000 ||
      !handler->squash (top->data, data))
    return FALSE;
  top->pushed_at = now;
  return TRUE;
}

static void
pc_undo_stack_dispose (GObject *object)
{
  PcUndoStack *self = PC_UNDO_STACK (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);

  G_OBJECT_CLASS (pc_undo_stack_parent_class)->dispose (object);
}

static void
pc_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PcUndoStack *self = PC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pc_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pc_undo_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_take_string (value, pc_undo_stack_dup_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_take_string (value, pc_undo_stack_dup_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_undo_stack_class_init (PcUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pc_undo_stack_dispose;
  object_class->get_property = pc_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PcUndoStack::changed:
   *
   * Either stack changed: a push, an undo or redo begun or finished, a clear.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_undo_stack_init (PcUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->squash_interval = PC_UNDO_SQUASH_INTERVAL_MS;
}

PcUndoStack *
pc_undo_stack_new (void)
{
  return g_object_new (PC_TYPE_UNDO_STACK, NULL);
}

/**
 * pc_undo_stack_push:
 * @handler: (not nullable): static; applies, announces and frees @data
 * @target: (nullable): the object @handler announces changes on; not referenced, so it
 *   must outlive the stack (the review session owns its stack)
 * @data: (transfer full): the inverse of the edit just made
 * @description: translated name of the edit, e.g. _("Delete Annotation")
 *
 * Records an edit that was just made. The redo stack is cleared. Unless pc_undo_stack_seal()
 * was called since, an edit of the same field as the last one (as @handler's squash()
 * decides) made within the squash interval joins that step, and @data is dropped.
 */
void
pc_undo_stack_push (PcUndoStack         *self,
                    const PcUndoHandler *handler,
                    gpointer             target,
                    gpointer             data,
                    const char          *description)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (PC_IS_UNDO_STACK (self));
  g_return_if_fail (handler != NULL && handler->apply != NULL);
  g_return_if_fail (data != NULL);

  self->generation++;
  clear_queue (&self->redo);
  if (try_squash (self, handler, target, data, now))
    {
      if (handler->free != NULL)
        handler->free (data);
    }
  else
    g_queue_push_head (&self->undo, record_new (handler, target, data, description));
  self->sealed = FALSE;
  stacks_changed (self);
}

/**
 * pc_undo_stack_seal:
 *
 * Ends squashing: the next edit is a step of its own, however soon it comes. Call it when
 * the reviewer leaves a field.
 */
void
pc_undo_stack_seal (PcUndoStack *self)
{
  g_return_if_fail (PC_IS_UNDO_STACK (self));
  self->sealed = TRUE;
}

void
pc_undo_stack_clear (PcUndoStack *self)
{
  g_return_if_fail (PC_IS_UNDO_STACK (self));

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  stacks_changed (self);
}

void
pc_undo_stack_set_squash_interval (PcUndoStack *self,
                                   guint        msec)
{
  g_return_if_fail (PC_IS_UNDO_STACK (self));
  self->squash_interval = msec;
}

gboolean
pc_undo_stack_get_can_undo (PcUndoStack *self)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), FALSE);
  return self->busy == 0 && !g_queue_is_empty (&self->undo);
}

gboolean
pc_undo_stack_get_can_redo (PcUndoStack *self)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), FALSE);
  return self->busy == 0 && !g_queue_is_empty (&self->redo);
}

guint
pc_undo_stack_get_n_undo (PcUndoStack *self)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), 0);
  return self->undo.length;
}

guint
pc_undo_stack_get_n_redo (PcUndoStack *self)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), 0);
  return self->redo.length;
}

static const char *
top_description (GQueue *queue)
{
  Record *top = g_queue_peek_head (queue);

  return top != NULL ? top->description : NULL;
}

/**
 * pc_undo_stack_dup_undo_label:
 *
 * Returns: (transfer full): e.g. "Undo Delete Annotation", translated
 */
char *
pc_undo_stack_dup_undo_label (PcUndoStack *self)
{
  const char *description;

  g_return_val_if_fail (PC_IS_UNDO_STACK (self), NULL);
  description = top_description (&self->undo);
  if (description == NULL)
    return g_strdup (_("Undo"));
  /* Translators: %s is the name of an edit, e.g. "Delete Annotation" */
  return g_strdup_printf (_("Undo %s"), description);
}

/**
 * pc_undo_stack_dup_redo_label:
 *
 * Returns: (transfer full): e.g. "Redo Delete Annotation", translated
 */
char *
pc_undo_stack_dup_redo_label (PcUndoStack *self)
{
  const char *description;

  g_return_val_if_fail (PC_IS_UNDO_STACK (self), NULL);
  description = top_description (&self->redo);
  if (description == NULL)
    return g_strdup (_("Redo"));
  /* Translators: %s is the name of an edit, e.g. "Delete Annotation" */
  return g_strdup_printf (_("Redo %s"), description);
}

/**
 * pc_undo_stack_begin:
 *
 * Takes the top record of the undo (or redo) stack into a step, to be run with
 * pc_undo_step_run() on the project's owner thread and then handed back to
 * pc_undo_stack_finish() here. Until then can-undo and can-redo are %FALSE.
 *
 * Returns: (transfer full) (nullable): the step, or %NULL when there is nothing to do
 */
PcUndoStep *
pc_undo_stack_begin (PcUndoStack     *self,
                     PcUndoDirection  direction)
{
  GQueue *queue;
  PcUndoStep *step;

  g_return_val_if_fail (PC_IS_UNDO_STACK (self), NULL);

  queue = direction == PC_UNDO_DIRECTION_UNDO ? &self->undo : &self->redo;
  if (self->busy > 0 || g_queue_is_empty (queue))
    return NULL;
  step = g_new0 (PcUndoStep, 1);
  step->direction = direction;
  step->record = g_queue_pop_head (queue);
  step->generation = self->generation;
  self->sealed = TRUE;
  self->busy++;
  stacks_changed (self);
  return step;
}

/**
 * pc_undo_step_run:
 *
 * Applies the step's record to @project, on @project's owner thread. Touches nothing but
 * the step.
 */
gboolean
pc_undo_step_run (PcUndoStep  *step,
                  PcProject   *project,
                  GError     **error)
{
  g_return_val_if_fail (step != NULL && step->record != NULL, FALSE);
  g_return_val_if_fail (step->reverse_data == NULL && step->error == NULL, FALSE);

  step->reverse_data = step->record->handler->apply (step->record->data, project,
                                                     &step->error);
  if (step->reverse_data != NULL)
    return TRUE;
  if (step->error == NULL)
    g_set_error_literal (&step->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing was changed."));
  if (error != NULL)
    *error = g_error_copy (step->error);
  return FALSE;
}

/* Files @record under the edits pushed since its step began. */
static void
push_below_newer (GQueue *queue,
                  Record *record,
                  guint   n_newer)
{
  g_queue_push_nth (queue, record, (int) MIN (n_newer, queue->length));
}

/**
 * pc_undo_stack_finish:
 * @step: (transfer full): a step from pc_undo_stack_begin(), run or not
 *
 * Files the reverse record of a step that ran, and lets its handler announce the change;
 * a step that failed goes back where it came from.
 *
 * Returns: %TRUE if the step was applied, else %FALSE with @error set to why not
 */
gboolean
pc_undo_stack_finish (PcUndoStack  *self,
                      PcUndoStep   *step,
                      GError      **error)
{
  Record *record;
  guint n_newer;
  gboolean undoing;

  g_return_val_if_fail (PC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (step != NULL && step->record != NULL, FALSE);
  g_return_val_if_fail (self->busy > 0, FALSE);

  self->busy--;
  record = g_steal_pointer (&step->record);
  n_newer = self->generation - step->generation;
  undoing = step->direction == PC_UNDO_DIRECTION_UNDO;

  if (step->reverse_data == NULL)
    {
      /* A new edit has cleared the redo stack meanwhile; a failed redo goes with it. */
      if (undoing)
        push_below_newer (&self->undo, record, n_newer);
      else if (n_newer == 0)
        g_queue_push_head (&self->redo, record);
      else
        record_free (record);
      stacks_changed (self);
      g_propagate_error (error, g_steal_pointer (&step->error));
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing was changed."));
      step_free (step);
      return FALSE;
    }

  if (record->handler->applied != NULL)
    record->handler->applied (record->data, record->target);

  {
    Record *reverse = record_new (record->handler, record->target,
                                  g_steal_pointer (&step->reverse_data), record->description);

    if (!undoing)
      push_below_newer (&self->undo, reverse, n_newer);
    else if (n_newer == 0)
      g_queue_push_head (&self->redo, reverse);
    else
      record_free (reverse);
  }
  record_free (record);
  step_free (step);
  stacks_changed (self);
  return TRUE;
}

static gboolean
run_now (PcUndoStack      *self,
         PcUndoDirection   direction,
         PcProject        *project,
         GError          **error)
{
  PcUndoStep *step = pc_undo_stack_begin (self, direction);

  if (step == NULL)
    return FALSE;
  pc_undo_step_run (step, project, NULL);
  return pc_undo_stack_finish (self, step, error);
}

/**
 * pc_undo_stack_undo:
 * @project: the project, on its owner thread, which must be this one
 *
 * Undoes the last edit at once. Returns %FALSE without an error when there was none.
 */
gboolean
pc_undo_stack_undo (PcUndoStack  *self,
                    PcProject    *project,
                    GError      **error)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), FALSE);
  return run_now (self, PC_UNDO_DIRECTION_UNDO, project, error);
}

/**
 * pc_undo_stack_redo:
 *
 * Redoes the last undone edit at once. Returns %FALSE without an error when there was none.
 */
gboolean
pc_undo_stack_redo (PcUndoStack  *self,
                    PcProject    *project,
                    GError      **error)
{
  g_return_val_if_fail (PC_IS_UNDO_STACK (self), FALSE);
  return run_now (self, PC_UNDO_DIRECTION_REDO, project, error);
}

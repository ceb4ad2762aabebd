/* pc-undo.h — one undo stack for every edit of the project's model.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* What an undoable edit needs from whoever made it. A record holds the data of the inverse
 * operation: applying it undoes the edit, and returns the data of the record that redoes
 * it. */
typedef struct
{
  /* On the project's owner thread: applies @data to @project. Returns the data of the
   * reverse record, or %NULL with @error set when nothing was changed. */
  gpointer (*apply)   (gpointer        data,
                       PcProject      *project,
                       GError        **error);
  /* Optional, on the thread of the stack, after a record was applied by undo or redo:
   * lets the model announce the change. @data is the applied record's. */
  void     (*applied) (gpointer        data,
                       gpointer        target);
  void     (*free)    (gpointer        data);
  /* Optional: whether @newer, pushed right after @older, is an edit of the same field of
   * the same object, so that undoing @older alone undoes both. */
  gboolean (*squash)  (gconstpointer   older,
                       gconstpointer   newer);
} PcUndoHandler;

typedef enum
{
  PC_UNDO_DIRECTION_UNDO,
  PC_UNDO_DIRECTION_REDO,
} PcUndoDirection;

/* Edits of the same field pushed closer together than this are one step. */
#define PC_UNDO_SQUASH_INTERVAL_MS 1000

typedef struct _PcUndoStep PcUndoStep;

#define PC_TYPE_UNDO_STACK (pc_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (PcUndoStack, pc_undo_stack, PC, UNDO_STACK, GObject)

PcUndoStack  *pc_undo_stack_new                 (void);
void          pc_undo_stack_push                (PcUndoStack          *self,
                                                 const PcUndoHandler  *handler,
                                                 gpointer              target,
                                                 gpointer              data,
                                                 const char           *description);
void          pc_undo_stack_seal                (PcUndoStack          *self);
void          pc_undo_stack_clear               (PcUndoStack          *self);
void          pc_undo_stack_set_squash_interval (PcUndoStack          *self,
                                                 guint                 msec);
gboolean      pc_undo_stack_get_can_undo        (PcUndoStack          *self);
gboolean      pc_undo_stack_get_can_redo        (PcUndoStack          *self);
guint         pc_undo_stack_get_n_undo          (PcUndoStack          *self);
guint         pc_undo_stack_get_n_redo          (PcUndoStack          *self);
char         *pc_undo_stack_dup_undo_label      (PcUndoStack          *self);
char         *pc_undo_stack_dup_redo_label      (PcUndoStack          *self);

PcUndoStep   *pc_undo_stack_begin               (PcUndoStack          *self,
                                                 PcUndoDirection       direction);
gboolean      pc_undo_step_run                  (PcUndoStep           *step,
                                                 PcProject            *project,
                                                 GError              **error);
gboolean      pc_undo_stack_finish              (PcUndoStack          *self,
                                                 PcUndoStep           *step,
                                                 GError              **error);

gboolean      pc_undo_stack_undo                (PcUndoStack          *self,
                                                 PcProject            *project,
                                                 GError              **error);
gboolean      pc_undo_stack_redo                (PcUndoStack          *self,
                                                 PcProject            *project,
                                                 GError              **error);

G_END_DECLS

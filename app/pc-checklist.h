/* pc-checklist.h — an outline as versioned, editable data: items, chapters, weights,
 * the form deduction table and the grade bands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PC_CHECKLIST_ERROR (pc_checklist_error_quark ())
#define PC_TYPE_CHECKLIST  (pc_checklist_get_type ())

/* The checklist every project starts from. */
#define PC_CHECKLIST_DEFAULT_ID "outline-2021-2025"

typedef enum
{
  PC_CHECKLIST_ERROR_PARSE,    /* not JSON at all */
  PC_CHECKLIST_ERROR_INVALID,  /* JSON, but not a valid checklist */
  PC_CHECKLIST_ERROR_NOT_FOUND,
} PcChecklistError;

G_DECLARE_FINAL_TYPE (PcChecklist, pc_checklist, PC, CHECKLIST, GObject)

typedef struct
{
  guint   number;  /* 1-based */
  char   *label;   /* 一 … 十 */
  char   *title;
} PcChecklistChapter;

typedef struct
{
  char   *id;
  char   *title;
  double  points;  /* the block keeps these points whatever its items' applicability */
} PcChecklistBlock;

typedef struct
{
  guint     code;         /* 1-based, unique */
  char     *label;        /* （一） */
  guint     chapter;      /* PcChecklistChapter.number */
  char     *block;        /* PcChecklistBlock.id */
  char     *title;
  char     *requirement;
  GStrv     phrases;      /* generic vocabulary */
  GStrv     em_phrases;   /* the same item in an emergency-management bureau's words */
  double    weight;       /* share of the block's points */
  gboolean  applicable;
} PcChecklistItem;

typedef struct
{
  char   *code;         /* a PcFinding code */
  double  points;       /* deducted per finding */
  char   *description;
} PcChecklistDeduction;

typedef struct
{
  char   *name;  /* 优秀 … */
  double  min;   /* lowest total in the band */
} PcChecklistGrade;

GQuark                      pc_checklist_error_quark          (void);

PcChecklist                *pc_checklist_new_default          (void);
PcChecklist                *pc_checklist_new_from_data        (const char   *data,
                                                               gssize        length,
                                                               GError      **error);
PcChecklist                *pc_checklist_new_from_file        (const char   *path,
                                                               GError      **error);
PcChecklist                *pc_checklist_copy                 (PcChecklist  *self);
char                       *pc_checklist_to_json              (PcChecklist  *self);
gboolean                    pc_checklist_save_to_file         (PcChecklist  *self,
                                                               const char   *path,
                                                               GError      **error);
char                       *pc_checklist_to_qdc               (PcChecklist  *self,
                                                               GError      **error);
gboolean                    pc_checklist_equal                (PcChecklist  *a,
                                                               PcChecklist  *b);
GStrv                       pc_checklist_diff_definition      (PcChecklist  *a,
                                                               PcChecklist  *b);
gboolean                    pc_checklist_same_settings        (PcChecklist  *a,
                                                               PcChecklist  *b);
char                       *pc_checklist_dup_recomputed_note  (PcChecklist  *self);

const char                 *pc_checklist_get_id               (PcChecklist  *self);
const char                 *pc_checklist_get_version          (PcChecklist  *self);
const char                 *pc_checklist_get_title            (PcChecklist  *self);

guint                       pc_checklist_get_n_chapters       (PcChecklist  *self);
const PcChecklistChapter   *pc_checklist_get_chapter          (PcChecklist  *self,
                                                               guint         index);
guint                       pc_checklist_get_n_blocks         (PcChecklist  *self);
const PcChecklistBlock     *pc_checklist_get_block            (PcChecklist  *self,
                                                               guint         index);
gboolean                    pc_checklist_set_block_points     (PcChecklist  *self,
                                                               const char   *block_id,
                                                               double        points);

guint                       pc_checklist_get_n_items          (PcChecklist  *self);
const PcChecklistItem      *pc_checklist_get_item             (PcChecklist  *self,
                                                               guint         index);
const PcChecklistItem      *pc_checklist_find_item            (PcChecklist  *self,
                                                               guint         code);
guint                       pc_checklist_get_item_block_index (PcChecklist  *self,
                                                               guint         index);
gboolean                    pc_checklist_set_item_weight      (PcChecklist  *self,
                                                               guint         code,
                                                               double        weight);
gboolean                    pc_checklist_set_item_applicable  (PcChecklist  *self,
                                                               guint         code,
                                                               gboolean      applicable);
double                      pc_checklist_get_item_max_points  (PcChecklist  *self,
                                                               guint         code);

double                      pc_checklist_get_form_max_points  (PcChecklist  *self);
void                        pc_checklist_set_form_max_points  (PcChecklist  *self,
                                                               double        points);
guint                       pc_checklist_get_n_deductions     (PcChecklist  *self);
const PcChecklistDeduction *pc_checklist_get_deduction        (PcChecklist  *self,
                                                               guint         index);
double                      pc_checklist_get_deduction_points (PcChecklist  *self,
                                                               const char   *finding_code);
void                        pc_checklist_set_deduction_points (PcChecklist  *self,
                                                               const char   *finding_code,
                                                               double        points);

guint                       pc_checklist_get_n_grades         (PcChecklist  *self);
const PcChecklistGrade     *pc_checklist_get_grade            (PcChecklist  *self,
                                                               guint         index);
gboolean                    pc_checklist_set_grade_min        (PcChecklist  *self,
                                                               const char   *name,
                                                               double        min);
const char                 *pc_checklist_grade_for            (PcChecklist  *self,
                                                               double        total);

const char * const         *pc_checklist_get_low_relevance_phrases (PcChecklist *self);
const char * const         *pc_checklist_get_legal_phrases         (PcChecklist *self);
double                      pc_checklist_get_low_relevance_discount (PcChecklist *self);

G_END_DECLS

/* test-annotations.c — annotations, re-anchoring, the undo stack, the review session and
 * the findings register, on a project holding the corpus reports.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-annotations"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pc-anchor.h"
#include "pc-error.h"
#include "pc-project-annotations.h"
#include "pc-project-private.h"
#include "pc-project-review.h"
#include "pc-finding.h"
#include "pc-reader.h"
#include "pc-register.h"
#include "pc-report-details.h"
#include "pc-review-session.h"

typedef struct
{
  char            *dir;
  char            *db_path;
  PcProject       *project;
  PcReviewSession *session;
  GPtrArray       *reports;
} Fixture;

static const char * const corpus_names[] = {
  "kaiping-2025.txt",
  "pingshan-2024.txt",
  "pudong-2023.txt",
  "wuhan-2021.txt",
  "zhangzhou-2023.txt",
};

/* Helpers ------------------------------------------------------------------------------- */

static char *
corpus_file (const char *name)
{
  const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");

  g_assert_nonnull (corpus);
  return g_build_filename (corpus, "reports", name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  fixture->dir = g_dir_make_tmp ("pingcha-test-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "review.pingcha", NULL);
  fixture->project = pc_project_open (fixture->db_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    g_ptr_array_add (paths, corpus_file (corpus_names[i]));
  g_ptr_array_add (paths, NULL);
  summary = pc_project_import_files (fixture->project, (const char * const *) paths->pdata,
                                     NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, G_N_ELEMENTS (corpus_names));

  fixture->reports = pc_project_list_reports (fixture->project, &error);
  g_assert_no_error (error);
  fixture->session = pc_review_session_new (fixture->project, "张审");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->reports, g_ptr_array_unref);
  g_clear_object (&fixture->project);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static PcReport *
report_named (Fixture    *fixture,
              const char *name)
{
  for (guint i = 0; i < fixture->reports->len; i++)
    {
      PcReport *report = g_ptr_array_index (fixture->reports, i);

      if (g_strcmp0 (pc_report_get_source_name (report), name) == 0)
        return report;
    }
  g_assert_not_reached ();
}

/* The character range of the first occurrence of @needle in @report's text. */
static PcRange
range_of (PcReport   *report,
          const char *needle)
{
  const char *text = pc_report_get_text (report);
  const char *hit = strstr (text, needle);
  PcRange range;

  g_assert_nonnull (hit);
  range.start = (guint) g_utf8_pointer_to_offset (text, hit);
  range.end = range.start + (guint) g_utf8_strlen (needle, -1);
  return range;
}

/* Every annotation row, as another connection reads it from the file. */
static char *
dump_table (Fixture    *fixture,
            const char *table)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s|", value != NULL ? value : "NULL");
        }
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static PcAnnotation *
add (Fixture          *fixture,
     PcReport         *report,
     const char       *needle,
     guint             item,
     PcAnnotationKind  kind,
     const char       *comment)
{
  g_autoptr(GError) error = NULL;
  PcAnnotation *annotation;

  annotation = pc_review_session_add_annotation (fixture->session, report,
                                                 range_of (report, needle), item, kind,
                                                 PC_SEVERITY_HIGH, comment, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  return annotation;
}

/* Re-anchoring -------------------------------------------------------------------------- */

static const char anchor_text[] =
  "一、主要举措\n我局坚持依法行政，全面落实行政执法三项制度，执法公示率达到100%。"
  "二、存在不足\n行政执法人员培训不够深入，部分执法人员法治意识有待提高。"
  "三、下一步安排\n加强行政执法人员培训，全面落实行政执法三项制度。\n";

static void
locate (const char    *text,
        const char    *quote,
        PcAnchorMatch *out_match,
        PcRange       *out_range)
{
  g_autoptr(PcAnchorText) original = pc_anchor_text_new (anchor_text);
  g_autoptr(PcAnchorText) changed = pc_anchor_text_new (text);
  g_autofree char *captured = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *hit = strstr (anchor_text, quote);
  PcRange range;

  g_assert_nonnull (hit);
  range.start = (guint) g_utf8_pointer_to_offset (anchor_text, hit);
  range.end = range.start + (guint) g_utf8_strlen (quote, -1);
  g_assert_true (pc_anchor_capture (original, range, PC_ANNOTATION_CONTEXT_CHARS,
                                    &captured, &before, &after));
  g_assert_cmpstr (captured, ==, quote);
  *out_match = pc_anchor_locate (changed, range, captured, before, after, out_range, NULL);
}

static char *
slice_utf8 (const char *text,
            PcRange     range)
{
  const char *start = g_utf8_offset_to_pointer (text, range.start);
  const char *end = g_utf8_offset_to_pointer (text, range.end);

  return g_strndup (start, end - start);
}

static void
test_anchor_exact (void)
{
  PcAnchorMatch match;
  PcRange range;
  g_autofree char *found = NULL;

  locate (anchor_text, "执法公示率达到100%", &match, &range);
  g_assert_cmpint (match, ==, PC_ANCHOR_EXACT);
  found = slice_utf8 (anchor_text, range);
  g_assert_cmpstr (found, ==, "执法公示率达到100%");
}

static void
test_anchor_inserted_before (void)
{
  g_autofree char *text = g_strconcat ("新增一段文字，位于报告开头。\n", anchor_text, NULL);
  g_autofree char *found = NULL;
  PcAnchorMatch match;
  PcRange range;

  locate (text, "执法公示率达到100%", &match, &range);
  g_assert_cmpint (match, ==, PC_ANCHOR_CONTEXT);
  found = slice_utf8 (text, range);
  g_assert_cmpstr (found, ==, "执法公示率达到100%");
}

static void
test_anchor_context_changed (void)
{
  g_autofree char *text = NULL;
  g_autofree char *found = NULL;
  PcAnchorMatch match;
  PcRange range;
  g_auto(GStrv) parts = g_strsplit (anchor_text, "我局坚持依法行政", 2);

  text = g_strconcat (parts[0], "本部门始终坚持严格规范公正文明执法", parts[1], NULL);
  locate (text, "执法公示率达到100%", &match, &range);
  g_assert_cmpint (match, ==, PC_ANCHOR_CONTEXT);
  found = slice_utf8 (text, range);
  g_assert_cmpstr (found, ==, "执法公示率达到100%");
}

static void
test_anchor_quote_edited (void)
{
  g_auto(GStrv) parts = g_strsplit (anchor_text, "部分执法人员法治意识有待提高", 2);
  g_autofree char *text = g_strconcat (parts[0], "部分执法人员的法治意识仍有待提高", parts[1],
                                       NULL);
  g_autofree char *found = NULL;
  PcAnchorMatch match;
  PcRange range;

  locate (text, "部分执法人员法治意识有待提高", &match, &range);
  g_assert_cmpint (match, ==, PC_ANCHOR_FUZZY);
  found = slice_utf8 (text, range);
  g_assert_true (strstr (found, "法治意识") != NULL);
  g_assert_true (g_str_has_prefix (found, "部分执法人员"));
  g_assert_true (g_str_has_suffix (found, "有待提高"));
}

static void
test_anchor_quote_gone (void)
{
  g_auto(GStrv) parts = g_strsplit (anchor_text, "行政执法人员培训不够深入，", 2);
  g_autofree char *text = g_strconcat (parts[0], parts[1], NULL);
  PcAnchorMatch match;
  PcRange range;

  locate (text, "行政执法人员培训不够深入，", &match, &range);
  g_assert_cmpint (match, ==, PC_ANCHOR_ORPHANED);
  g_assert_cmpuint (range.start, ==, 0);
  g_assert_cmpuint (range.end, ==, 0);
}

/* "全面落实行政执法三项制度" occurs twice: the context tells which one was annotated, even
 * once text is inserted before both. */
static void
test_anchor_repeated (void)
{
  g_autofree char *text = g_strconcat ("前言。\n", anchor_text, NULL);
  const char *quote = "全面落实行政执法三项制度";
  g_autoptr(PcAnchorText) original = pc_anchor_text_new (anchor_text);
  g_autoptr(PcAnchorText) changed = pc_anchor_text_new (text);
  const char *second = strstr (strstr (anchor_text, quote) + 1, quote);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PcRange old_range;
  PcRange range;
  guint shift = (guint) g_utf8_strlen ("前言。\n", -1);

  old_range.start = (guint) g_utf8_pointer_to_offset (anchor_text, second);
  old_range.end = old_range.start + (guint) g_utf8_strlen (quote, -1);
  g_assert_true (pc_anchor_capture (original, old_range, PC_ANNOTATION_CONTEXT_CHARS, NULL,
                                    &before, &after));
  g_assert_cmpint (pc_anchor_locate (changed, old_range, quote, before, after, &range, NULL),
                   ==, PC_ANCHOR_CONTEXT);
  g_assert_cmpuint (range.start, ==, old_range.start + shift);

  /* Without context, the occurrence nearest the old offset wins. */
  g_assert_cmpint (pc_anchor_locate (changed, old_range, quote, NULL, NULL, &range, NULL),
                   ==, PC_ANCHOR_CONTEXT);
  g_assert_cmpuint (range.start, ==, old_range.start + shift);
}

static void
test_anchor_capture_bounds (void)
{
  g_autoptr(PcAnchorText) text = pc_anchor_text_new ("一二三四五");
  g_autofree char *quote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_false (pc_anchor_capture (text, (PcRange) { 2, 2 }, 30, &quote, NULL, NULL));
  g_assert_false (pc_anchor_capture (text, (PcRange) { 3, 6 }, 30, &quote, NULL, NULL));
  g_assert_true (pc_anchor_capture (text, (PcRange) { 1, 3 }, 30, &quote, &before, &after));
  g_assert_cmpstr (quote, ==, "二三");
  g_assert_cmpstr (before, ==, "一");
  g_assert_cmpstr (after, ==, "四五");
}

/* Storage and the session --------------------------------------------------------------- */

static void
test_session_add (Fixture       *fixture,
                  gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  g_autoptr(PcAnnotation) annotation = NULL;
  g_autoptr(PcAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  g_assert_cmpint (pc_project_get_schema_version (fixture->project), ==,
                   _pc_project_get_latest_version ());

  annotation = pc_review_session_add_annotation (fixture->session, report,
                                                 range_of (report, "编制《浦东新区值班工作规范》"),
                                                 7, PC_ANNOTATION_STRENGTH, PC_SEVERITY_HIGH,
                                                 "制度建设扎实", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pc_annotation_get_id (annotation), >, 0);
  g_assert_cmpstr (pc_annotation_get_quote (annotation), ==, "编制《浦东新区值班工作规范》");
  g_assert_cmpuint (g_utf8_strlen (pc_annotation_get_context_before (annotation), -1), ==,
                    PC_ANNOTATION_CONTEXT_CHARS);
  g_assert_nonnull (strstr (pc_annotation_get_context_after (annotation), "修订《浦东新区总值班室"));
  /* Only problems have a severity. */
  g_assert_cmpint (pc_annotation_get_severity (annotation), ==, PC_SEVERITY_NONE);
  g_assert_cmpstr (pc_annotation_get_reviewer (annotation), ==, "张审");
  g_assert_nonnull (pc_annotation_get_created (annotation));

  stored = pc_project_get_annotation (fixture->project, pc_annotation_get_id (annotation),
                                      &error);
  g_assert_no_error (error);
  g_assert_true (pc_annotation_equal (annotation, stored));

  dump = dump_table (fixture, "annotations");
  g_assert_true (strstr (dump, "|strength|none|制度建设扎实|NULL|open|张审|") != NULL);

  /* A range outside the text is refused and nothing is written. */
  g_clear_object (&annotation);
  annotation = pc_review_session_add_annotation (fixture->session, report,
                                                 (PcRange) { 10, 10 + pc_report_get_length (report) },
                                                 0, PC_ANNOTATION_NOTE, PC_SEVERITY_NONE,
                                                 NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (annotation);
  g_assert_cmpuint (pc_undo_stack_get_n_undo (pc_review_session_get_undo_stack (fixture->session)),
                    ==, 1);
}

static void
test_undo_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  PcUndoStack *undo = pc_review_session_get_undo_stack (fixture->session);
  g_autoptr(PcAnnotation) first = NULL;
  g_autoptr(PcAnnotation) values = pc_annotation_new ();
  g_autoptr(PcAnnotation) edited = NULL;
  g_autoptr(PcAnnotation) resized = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  guint n_changed = 0;

  g_signal_connect_swapped (undo, "notify::can-undo", G_CALLBACK (g_atomic_int_inc), &n_changed);
  pc_undo_stack_set_squash_interval (undo, 0);

  g_ptr_array_add (states, dump_table (fixture, "annotations"));
  first = add (fixture, report, "修订《浦东新区总值班室工作规范》", 3, PC_ANNOTATION_PROBLEM,
               "未说明修订内容");
  g_ptr_array_add (states, dump_table (fixture, "annotations"));

  pc_annotation_set_item (values, 12);
  edited = pc_review_session_update_annotation (fixture->session, pc_annotation_get_id (first),
                                                PC_ANNOTATION_FIELD_ITEM, values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pc_annotation_get_item (edited), ==, 12);
  g_ptr_array_add (states, dump_table (fixture, "annotations"));

  resized = pc_review_session_set_range (fixture->session, report, pc_annotation_get_id (first),
                                         range_of (report, "《浦东新区总值班室工作规范》"),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_annotation_get_quote (resized), ==, "《浦东新区总值班室工作规范》");
  g_ptr_array_add (states, dump_table (fixture, "annotations"));

  g_assert_true (pc_review_session_delete_annotation (fixture->session,
                                                      pc_annotation_get_id (first), &error));
  g_assert_no_error (error);
  g_ptr_array_add (states, dump_table (fixture, "annotations"));
  g_assert_cmpuint (pc_undo_stack_get_n_undo (undo), ==, 4);

  label = pc_undo_stack_dup_undo_label (undo);
  g_assert_cmpstr (label, ==, "Undo Delete Annotation");

  /* Each undo brings back exactly the rows before the edit... */
  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (pc_review_session_undo (fixture->session, &error));
      g_assert_no_error (error);
      now = dump_table (fixture, "annotations");
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (pc_undo_stack_get_can_undo (undo));
  g_assert_false (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);

  /* ...and each redo the rows after it. */
  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (pc_review_session_redo (fixture->session, &error));
      g_assert_no_error (error);
      now = dump_table (fixture, "annotations");
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (pc_undo_stack_get_can_redo (undo));
  g_assert_cmpuint (n_changed, >=, 2);

  /* A new edit clears the redo stack. */
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_true (pc_undo_stack_get_can_redo (undo));
  g_clear_object (&edited);
  edited = add (fixture, report, "完成《社区应急工作手册》编制", 0, PC_ANNOTATION_NOTE, NULL);
  g_assert_false (pc_undo_stack_get_can_redo (undo));
}

static void
test_undo_delete_restores_id (Fixture       *fixture,
                              gconstpointer  data)
{
  PcReport *report = report_named (fixture, "wuhan-2021.txt");
  g_autoptr(PcAnnotation) annotation = NULL;
  g_autoptr(PcAnnotation) restored = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = pc_report_get_text (report);
  g_autofree char *needle = g_utf8_substring (text, 200, 230);
  gint64 id;
  guint n_changed = 0;

  annotation = add (fixture, report, needle, 21, PC_ANNOTATION_PROBLEM, "表述笼统");
  id = pc_annotation_get_id (annotation);

  g_signal_connect_swapped (fixture->session, "annotation-changed",
                            G_CALLBACK (g_atomic_int_inc), &n_changed);
  g_assert_true (pc_review_session_delete_annotation (fixture->session, id, &error));
  g_assert_null (pc_project_get_annotation (fixture->project, id, NULL));

  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  restored = pc_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_true (pc_annotation_equal (annotation, restored));
}

static void
test_undo_squash (Fixture       *fixture,
                  gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  PcUndoStack *undo = pc_review_session_get_undo_stack (fixture->session);
  g_autoptr(PcAnnotation) annotation = NULL;
  g_autoptr(PcAnnotation) values = pc_annotation_new ();
  g_autoptr(PcAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char * const typed[] = { "执", "执法", "执法依据", "执法依据不明" };
  gint64 id;

  annotation = add (fixture, report, "深化应急预案体系建设", 5, PC_ANNOTATION_PROBLEM, NULL);
  id = pc_annotation_get_id (annotation);
  pc_undo_stack_set_squash_interval (undo, 60 * 1000);

  /* Typing a comment, one update per keystroke: one undo step. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(PcAnnotation) edited = NULL;

      pc_annotation_set_comment (values, typed[i]);
      edited = pc_review_session_update_annotation (fixture->session, id,
                                                    PC_ANNOTATION_FIELD_COMMENT, values, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (pc_undo_stack_get_n_undo (undo), ==, 2);

  /* Another field is another step; so is the same field after a seal. */
  pc_annotation_set_severity (values, PC_SEVERITY_LOW);
  g_clear_object (&stored);
  stored = pc_review_session_update_annotation (fixture->session, id,
                                                PC_ANNOTATION_FIELD_SEVERITY, values, &error);
  g_assert_cmpuint (pc_undo_stack_get_n_undo (undo), ==, 3);
  pc_undo_stack_seal (undo);
  pc_annotation_set_severity (values, PC_SEVERITY_HIGH);
  g_clear_object (&stored);
  stored = pc_review_session_update_annotation (fixture->session, id,
                                                PC_ANNOTATION_FIELD_SEVERITY, values, &error);
  g_assert_cmpuint (pc_undo_stack_get_n_undo (undo), ==, 4);

  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_clear_object (&stored);
  stored = pc_project_get_annotation (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_null (pc_annotation_get_comment (stored));
  g_assert_cmpint (pc_annotation_get_severity (stored), ==, PC_SEVERITY_HIGH);

  /* Edits further apart than the interval are separate steps. */
  pc_undo_stack_set_squash_interval (undo, 0);
  pc_annotation_set_comment (values, "一");
  g_clear_object (&stored);
  stored = pc_review_session_update_annotation (fixture->session, id,
                                                PC_ANNOTATION_FIELD_COMMENT, values, &error);
  g_usleep (2000);
  pc_annotation_set_comment (values, "一二");
  g_clear_object (&stored);
  stored = pc_review_session_update_annotation (fixture->session, id,
                                                PC_ANNOTATION_FIELD_COMMENT, values, &error);
  g_assert_cmpuint (pc_undo_stack_get_n_undo (undo), ==, 3);
}

static void
test_finding_status (Fixture       *fixture,
                     gconstpointer  data)
{
  PcReport *report = NULL;
  g_autoptr(PcFindingStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 report_id;

  for (guint i = 0; i < fixture->reports->len && report == NULL; i++)
    if (pc_report_get_findings (g_ptr_array_index (fixture->reports, i))->len > 0)
      report = g_ptr_array_index (fixture->reports, i);
  g_assert_nonnull (report);
  report_id = pc_report_get_id (report);
  key = pc_finding_dup_key (g_ptr_array_index (pc_report_get_findings (report), 0));

  g_assert_true (pc_review_session_set_finding_status (fixture->session, report_id, key,
                                                       PC_STATUS_DISPUTED, "原文有编号",
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (pc_review_session_set_finding_status (fixture->session, report_id, key,
                                                       PC_STATUS_RESOLVED, NULL, &error));

  /* It persists: a new connection reads it back. */
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->project);
  fixture->project = pc_project_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->session = pc_review_session_new (fixture->project, "李审");
  status = pc_project_get_finding_status (fixture->project, report_id, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);
  g_assert_cmpint (status->status, ==, PC_STATUS_RESOLVED);
  g_assert_cmpstr (status->reviewer, ==, "张审");

  /* Undo goes back to the status before, and from the first one to none at all. */
  g_clear_pointer (&status, pc_finding_status_free);
  g_assert_true (pc_review_session_set_finding_status (fixture->session, report_id, key,
                                                       PC_STATUS_OPEN, NULL, &error));
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  status = pc_project_get_finding_status (fixture->project, report_id, key, &error);
  g_assert_cmpint (status->status, ==, PC_STATUS_RESOLVED);
  g_clear_pointer (&status, pc_finding_status_free);
  g_assert_true (pc_project_clear_finding_status (fixture->project, report_id, key, &error));
  g_assert_true (pc_review_session_redo (fixture->session, &error));
  status = pc_project_get_finding_status (fixture->project, report_id, key, &error);
  g_assert_cmpint (status->status, ==, PC_STATUS_OPEN);
  g_assert_cmpstr (status->reviewer, ==, "李审");
}

/* Re-anchoring after a re-import -------------------------------------------------------- */

/* Removing reports ---------------------------------------------------------------------- */

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table, each table's rows sorted: equal dumps, equal projects. */
static char *
dump_project (PcProject *project)
{
  sqlite3 *db = _pc_project_get_db (project);
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *bytes = sqlite3_column_blob (stmt, c);
              int n = sqlite3_column_bytes (stmt, c);

              g_string_append_printf (row, "|%d:", sqlite3_column_type (stmt, c));
              for (int i = 0; bytes != NULL && i < n; i++)
                g_string_append_printf (row, "%02x", bytes[i]);
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_rows);
      g_string_append_printf (dump, "[%s] %u rows\n", (char *) tables->pdata[t], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (dump, "%s\n", (char *) rows->pdata[r]);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static gint64
count_rows (PcProject  *project,
            const char *table,
            gint64      report_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE report_id = %" G_GINT64_FORMAT,
                                          table, report_id);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (_pc_project_get_db (project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A report with work on it of every kind: annotations, a finding status, a rating and a
 * decision. */
static gint64
review_some (Fixture    *fixture,
             const char *name)
{
  PcReport *report = report_named (fixture, name);
  gint64 id = pc_report_get_id (report);
  g_autoptr(PcAnnotation) first = add (fixture, report, "第一责任人", 2, PC_ANNOTATION_PROBLEM, "职责表述笼统");
  g_autoptr(PcAnnotation) second = add (fixture, report, "安全生产", 14, PC_ANNOTATION_STRENGTH, "亮点");
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_review_session_set_finding_status (fixture->session, id, "number-missing:1",
                                                       PC_STATUS_DISPUTED, "编号为笔误", &error));
  g_assert_no_error (error);
  g_assert_true (pc_project_review_set_rating (fixture->project, id, 14, PC_RATING_FULL, "张审", &error));
  g_assert_no_error (error);
  g_assert_true (pc_project_review_set_decision (fixture->project, id, 14, "1.1", PC_DECISION_ACCEPT,
                                                 "张审", NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_remove_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id = review_some (fixture, "zhangzhou-2023.txt");
  g_autofree char *before = dump_project (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GBytes) removal = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "sections", "findings", "parts", "annotations", "finding_status",
                           "item_ratings", "coverage_decisions" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!g_str_equal (tables[i], "sections") && !g_str_equal (tables[i], "findings") &&
        !g_str_equal (tables[i], "parts"))
      g_assert_cmpint (count_rows (fixture->project, tables[i], id), >, 0);

  removal = pc_project_remove_report (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  reports = pc_project_list_reports (fixture->project, &error);
  g_assert_cmpuint (reports->len, ==, G_N_ELEMENTS (corpus_names) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (fixture->project, tables[i], id), ==, 0);
  after = dump_project (fixture->project);
  g_assert_cmpstr (after, !=, before);

  /* Gone is gone: a second removal says so and changes nothing. */
  none = pc_project_remove_report (fixture->project, id, &error);
  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  g_assert_true (pc_project_restore_report (fixture->project, removal, &error));
  g_assert_no_error (error);
  restored = dump_project (fixture->project);
  g_assert_cmpstr (restored, ==, before);
}

/* The same file imported again after the removal holds the content the restore would bring
 * back: the restore refuses and leaves the project as it is. */
static void
test_remove_restore_conflict (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = review_some (fixture, "pudong-2023.txt");
  g_autofree char *path = corpus_file ("pudong-2023.txt");
  const char *paths[] = { path, NULL };
  g_autoptr(GBytes) removal = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reimported = NULL;
  g_autofree char *after = NULL;

  removal = pc_project_remove_report (fixture->project, id, &error);
  g_assert_no_error (error);
  summary = pc_project_import_files (fixture->project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  reimported = dump_project (fixture->project);

  g_assert_false (pc_project_restore_report (fixture->project, removal, &error));
  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL);
  after = dump_project (fixture->project);
  g_assert_cmpstr (after, ==, reimported);
}

static void
on_reports_changed_cb (PcReviewSession *session,
                       gint64           report_id,
                       gpointer         user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, report_id);
}

static void
on_removed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_review_session_change_finish (PC_REVIEW_SESSION (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Through the session the removal is one undo step, and redo removes it again. */
static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = review_some (fixture, "kaiping-2025.txt");
  g_autofree char *before = dump_project (fixture->project);
  g_autofree char *undone = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean done = FALSE;

  g_signal_connect (fixture->session, "reports-changed", G_CALLBACK (on_reports_changed_cb), seen);
  pc_review_session_remove_report_async (fixture->session, id, "移除 开平 2025", NULL, on_removed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_rows (fixture->project, "annotations", id), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  label = pc_undo_stack_dup_undo_label (pc_review_session_get_undo_stack (fixture->session));
  g_assert_true (g_str_has_suffix (label, "移除 开平 2025"));

  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  undone = dump_project (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (seen->len, ==, 2);

  /* The edits made before the removal undo as usual once the report is back. */
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->project, "finding_status", id), ==, 0);
  g_assert_true (pc_review_session_redo (fixture->session, &error));
  g_assert_no_error (error);

  g_assert_true (pc_review_session_redo (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->project, "annotations", id), ==, 0);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpint (g_array_index (seen, gint64, 2), ==, id);
}

/* Replacing a report with a revised version ------------------------------------------------ */

/* Pudong's report with a paragraph inserted before the annotated passage and a sentence
 * dropped. */
static char *
revised_pudong_text (const char *gone)
{
  g_autofree char *source = corpus_file ("pudong-2023.txt");
  g_autofree char *contents = NULL;
  const char *marker = "(一)健全应急管理体系机制";
  g_auto(GStrv) halves = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *inserted = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  halves = g_strsplit (contents, marker, 2);
  g_assert_cmpuint (g_strv_length (halves), ==, 2);
  inserted = g_strconcat (halves[0], "新插入的一段说明文字，介绍本年度的总体情况和主要数据。\n\n",
                          marker, halves[1], NULL);
  parts = g_strsplit (inserted, gone, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv ("", parts);
}

/* The same, read as an import would read it. */
static PcReport *
revised_pudong (const char *gone)
{
  g_autofree char *modified = revised_pudong_text (gone);
  g_autoptr(GError) error = NULL;
  PcReport *report = pc_reader_read (modified, &error);

  g_assert_no_error (error);
  pc_report_set_source_name (report, "pudong-2023-revised.txt");
  return report;
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  gint64 id = pc_report_get_id (report);
  const char *quote = "编制《浦东新区值班工作规范》";
  const char *gone = "督促安委会成员单位、街镇、直属企业延伸制定完善安全生产四类清单";
  g_autoptr(PcAnnotation) kept = add (fixture, report, quote, 7, PC_ANNOTATION_STRENGTH, "亮点");
  g_autoptr(PcAnnotation) orphan = add (fixture, report, gone, 7, PC_ANNOTATION_PROBLEM, "清单未公开");
  g_autoptr(PcReport) revised = revised_pudong (gone);
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(PcAnnotation) moved = NULL;
  g_autoptr(PcAnnotation) lost = NULL;
  g_autofree PcRating *ratings = NULL;
  g_autoptr(GBytes) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *found = NULL;
  PcReanchorSummary summary = { 0 };

  g_assert_true (pc_project_review_set_rating (fixture->project, id, 7, PC_RATING_PARTIAL, "张审", &error));
  g_assert_no_error (error);
  before = dump_project (fixture->project);

  changes = pc_project_replace_report (fixture->project, id, revised, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_cmpuint (summary.orphaned, ==, 1);
  g_assert_cmpuint (summary.exact + summary.context + summary.fuzzy, ==, 1);

  /* The same report, with the revised text and reading. */
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_report_get_text (stored), ==, pc_report_get_text (revised));
  g_assert_cmpstr (pc_report_get_source_name (stored), ==, "pudong-2023-revised.txt");
  g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (stored)), ==,
                    g_list_model_get_n_items (pc_report_get_sections (revised)));
  /* The annotation moved with its passage, under its id; the orphan went. */
  moved = pc_project_get_annotation (fixture->project, pc_annotation_get_id (kept), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pc_annotation_get_report_id (moved), ==, id);
  g_assert_cmpuint (pc_annotation_get_start (moved), !=, pc_annotation_get_start (kept));
  found = pc_report_dup_slice (stored, pc_annotation_get_range (moved));
  g_assert_cmpstr (found, ==, quote);
  lost = pc_project_get_annotation (fixture->project, pc_annotation_get_id (orphan), &error);
  g_assert_null (lost);
  g_clear_error (&error);
  /* The reviewer's rating stays. */
  ratings = pc_project_review_get_ratings (fixture->project, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ratings[6], ==, PC_RATING_PARTIAL);
  after = dump_project (fixture->project);

  /* Undone, the project is as it was, row for row; redone, as the replacement left it. */
  g_assert_true (pc_project_apply_changes (fixture->project, changes, TRUE, &error));
  g_assert_no_error (error);
  undone = dump_project (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (pc_project_apply_changes (fixture->project, changes, FALSE, &error));
  g_assert_no_error (error);
  redone = dump_project (fixture->project);
  g_assert_cmpstr (redone, ==, after);
}

static void
on_replace_failed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  gboolean *failed = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_review_session_replace_report_finish (PC_REVIEW_SESSION (source), result,
                                                           NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  *failed = TRUE;
}

static void
on_replaced_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PcReanchorSummary *summary = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_review_session_replace_report_finish (PC_REVIEW_SESSION (source), result,
                                                          summary, &error));
  g_assert_no_error (error);
  summary->exact += 1000;  /* done */
}

/* Through the session, from the revised file: one undo step, announced as report-changed. */
static void
test_replace_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  gint64 id = pc_report_get_id (report);
  const char *gone = "督促安委会成员单位、街镇、直属企业延伸制定完善安全生产四类清单";
  g_autoptr(PcAnnotation) orphan = add (fixture, report, gone, 7, PC_ANNOTATION_PROBLEM, "清单未公开");
  g_autofree char *modified = revised_pudong_text (gone);
  g_autofree char *path = g_build_filename (fixture->dir, "pudong-2023-revised.txt", NULL);
  g_autofree char *before = dump_project (fixture->project);
  g_autofree char *undone = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  PcReanchorSummary summary = { 0 };

  g_assert_true (g_file_set_contents (path, modified, -1, NULL));
  g_signal_connect (fixture->session, "report-changed", G_CALLBACK (on_reports_changed_cb), seen);
  pc_review_session_replace_report_async (fixture->session, id, path, NULL, on_replaced_cb, &summary);
  while (summary.exact < 1000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (summary.orphaned, ==, 1);
  g_assert_cmpuint (seen->len, ==, 1);
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_cmpstr (pc_report_get_source_name (stored), ==, "pudong-2023-revised.txt");
  g_assert_cmpint (count_rows (fixture->project, "annotations", id), ==, 0);

  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  undone = dump_project (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (pc_review_session_redo (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->project, "annotations", id), ==, 0);
  g_assert_cmpuint (seen->len, ==, 3);

  /* A file that is not a report: a clear error, nothing changed. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "broken.pdf", NULL);
    g_autofree char *now = dump_project (fixture->project);
    g_autofree char *after = NULL;
    gboolean failed = FALSE;

    g_assert_true (g_file_set_contents (bad, "%PDF-1.4 truncated", -1, NULL));
    pc_review_session_replace_report_async (fixture->session, id, bad, NULL, on_replace_failed_cb,
                                            &failed);
    while (!failed)
      g_main_context_iteration (NULL, TRUE);
    after = dump_project (fixture->project);
    g_assert_cmpstr (after, ==, now);
  }
}

/* Another report's content is no revision of this one: refused, nothing changed. */
static void
test_replace_duplicate (Fixture       *fixture,
                        gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  g_autofree char *other_path = corpus_file ("wuhan-2021.txt");
  g_autoptr(PcReport) other = pc_reader_read_file (other_path, NULL, NULL);
  g_autofree char *before = dump_project (fixture->project);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (other);
  changes = pc_project_replace_report (fixture->project, pc_report_get_id (report), other, NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_DUPLICATE);
  g_assert_null (changes);
  after = dump_project (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

/* Correcting a report's details ------------------------------------------------------- */

/* The report's finding codes, sorted, as one string. */
static char *
finding_codes (PcProject *project,
               gint64     report_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_project_load_report (project, report_id, &error);
  GPtrArray *findings;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_assert_no_error (error);
  findings = pc_report_get_findings (report);
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (codes, ((PcFinding *) g_ptr_array_index (findings, i))->code);
  g_ptr_array_sort (codes, compare_rows);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

/* A reviewer's correction of the details is review work: a revised version keeps it, and
 * its dates are checked by it (here a publication date that makes the report late). */
static void
test_replace_keeps_corrections (Fixture       *fixture,
                                gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  gint64 id = pc_report_get_id (report);
  g_autoptr(PcReportDetails) edit = pc_report_details_new_from_report (report);
  g_autoptr(PcReportDetails) before = NULL;
  g_autoptr(PcReport) revised = revised_pudong ("督促安委会成员单位、街镇、直属企业延伸制定完善安全生产四类清单");
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(GBytes) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *revised_title = g_strdup (pc_report_get_title (revised));

  g_free (edit->published);
  edit->published = g_strdup ("2024-05-06");
  g_free (edit->doc_number);
  edit->doc_number = g_strdup ("浦应急〔2024〕3号");
  before = pc_project_set_report_details (fixture->project, id, edit, &error);
  g_assert_no_error (error);

  changes = pc_project_replace_report (fixture->project, id, revised, NULL, &error);
  g_assert_no_error (error);
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_report_get_published (stored), ==, "2024-05-06");
  g_assert_cmpstr (pc_report_get_doc_number (stored), ==, "浦应急〔2024〕3号");
  /* What the reviewer did not correct comes from the revised version. */
  g_assert_cmpstr (pc_report_get_title (stored), ==, revised_title);
  codes = finding_codes (fixture->project, id);
  g_assert_nonnull (strstr (codes, PC_FINDING_LATE_PUBLICATION));
}

static void
test_details_correct (Fixture       *fixture,
                      gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  gint64 id = pc_report_get_id (report);
  g_autoptr(PcReportDetails) original = pc_report_details_new_from_report (report);
  g_autoptr(PcReportDetails) edit = pc_report_details_copy (original);
  g_autoptr(PcReportDetails) before = NULL;
  g_autoptr(PcReportDetails) back = NULL;
  g_autoptr(PcReportDetails) refused = NULL;
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = finding_codes (fixture->project, id);
  g_autofree char *late = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *restored = NULL;

  g_assert_cmpstr (original->published, ==, "2024-02-20");
  g_assert_cmpuint (original->year, ==, 2023);
  g_assert_null (strstr (codes, PC_FINDING_LATE_PUBLICATION));

  /* Published in May of the next year, by a typed Chinese date: late. */
  g_free (edit->published);
  edit->published = g_strdup ("2024年5月6日");
  g_free (edit->agency);
  edit->agency = g_strdup ("上海市浦东新区应急管理局");
  before = pc_project_set_report_details (fixture->project, id, edit, &error);
  g_assert_no_error (error);
  g_assert_true (pc_report_details_equal (before, original));
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_cmpstr (pc_report_get_published (stored), ==, "2024-05-06");
  g_assert_cmpstr (pc_report_get_agency (stored), ==, "上海市浦东新区应急管理局");
  late = finding_codes (fixture->project, id);
  g_assert_nonnull (strstr (late, PC_FINDING_LATE_PUBLICATION));

  /* No title: a finding of its own. */
  g_clear_pointer (&edit->title, g_free);
  g_clear_pointer (&before, pc_report_details_free);
  before = pc_project_set_report_details (fixture->project, id, edit, &error);
  g_assert_no_error (error);
  untitled = finding_codes (fixture->project, id);
  g_assert_nonnull (strstr (untitled, PC_FINDING_MISSING_TITLE));

  /* Not a date: refused, nothing changed. */
  g_free (edit->published);
  edit->published = g_strdup ("下周");
  refused = pc_project_set_report_details (fixture->project, id, edit, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (refused);
  g_clear_error (&error);

  /* Back to the reading: the same details and findings as imported. */
  back = pc_project_set_report_details (fixture->project, id, original, &error);
  g_assert_no_error (error);
  g_assert_null (back->title);
  restored = finding_codes (fixture->project, id);
  g_assert_cmpstr (restored, ==, codes);
}

/* The form's text: blanks are no value, years and dates are read or refused. */
static void
test_details_from_text (void)
{
  PcReportDetailsProblem problems = PC_REPORT_DETAILS_VALID;
  g_autoptr(PcReportDetails) typed = NULL;
  g_autoptr(PcReportDetails) blank = NULL;
  g_autoptr(PcReportDetails) bad = NULL;

  typed = pc_report_details_new_from_text (" 某局2023年法治政府建设年度报告 ", "某局", "2023",
                                           "二〇二四年三月八日", "某应急〔2024〕3号", &problems);
  g_assert_cmpint (problems, ==, PC_REPORT_DETAILS_VALID);
  g_assert_cmpstr (typed->title, ==, "某局2023年法治政府建设年度报告");
  g_assert_cmpuint (typed->year, ==, 2023);
  g_assert_cmpstr (typed->published, ==, "2024-03-08");

  blank = pc_report_details_new_from_text ("", "  ", "", " ", NULL, &problems);
  g_assert_cmpint (problems, ==, PC_REPORT_DETAILS_VALID);
  g_assert_null (blank->title);
  g_assert_null (blank->agency);
  g_assert_cmpuint (blank->year, ==, 0);
  g_assert_null (blank->published);

  bad = pc_report_details_new_from_text ("t", "a", "23年", "去年", NULL, &problems);
  g_assert_null (bad);
  g_assert_cmpint (problems, ==, PC_REPORT_DETAILS_BAD_YEAR | PC_REPORT_DETAILS_BAD_DATE);
  g_assert_null (pc_report_details_new_from_text (NULL, NULL, "1900", NULL, NULL, &problems));
  g_assert_cmpint (problems, ==, PC_REPORT_DETAILS_BAD_YEAR);
}

static void
on_details_changed_cb (PcReviewSession *session,
                       gint64           report_id,
                       gpointer         user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, report_id);
}

/* Through the session a correction is one undo step. */
static void
test_details_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  PcReport *report = report_named (fixture, "wuhan-2021.txt");
  gint64 id = pc_report_get_id (report);
  g_autoptr(PcReportDetails) edit = pc_report_details_new_from_report (report);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PcReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_signal_connect (fixture->session, "report-changed", G_CALLBACK (on_details_changed_cb),
                    seen);
  edit->year = 2022;
  pc_review_session_set_report_details_async (fixture->session, id, edit, NULL, on_removed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_cmpuint (pc_report_get_year (stored), ==, 2022);
  g_assert_cmpuint (seen->len, ==, 1);

  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = pc_project_load_report (fixture->project, id, &error);
  g_assert_cmpuint (pc_report_get_year (stored), ==, pc_report_get_year (report));
  g_assert_cmpuint (seen->len, ==, 2);
}

static void
test_reanchor_reimport (Fixture       *fixture,
                        gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  const char *quote = "编制《浦东新区值班工作规范》";
  const char *gone = "督促安委会成员单位、街镇、直属企业延伸制定完善安全生产四类清单";
  g_autoptr(PcAnnotation) kept = NULL;
  g_autoptr(PcAnnotation) orphan = NULL;
  g_autoptr(PcAnnotation) moved = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(PcReport) new_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "copy", NULL);
  g_autofree char *copy_path = g_build_filename (copy_dir, "pudong-2023.txt", NULL);
  g_autofree char *source = corpus_file ("pudong-2023.txt");
  g_autofree char *contents = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *found = NULL;
  const char *paths[] = { copy_path, NULL };
  PcReanchorSummary counts = { 0 };

  kept = add (fixture, report, quote, 7, PC_ANNOTATION_STRENGTH, "亮点");
  orphan = add (fixture, report, gone, 7, PC_ANNOTATION_PROBLEM, "清单未公开");

  /* A paragraph inserted before the annotated passage, another sentence dropped. */
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  {
    const char *marker = "(一)健全应急管理体系机制";
    g_auto(GStrv) halves = g_strsplit (contents, marker, 2);
    g_autofree char *inserted = NULL;
    g_auto(GStrv) parts = NULL;

    g_assert_cmpuint (g_strv_length (halves), ==, 2);
    inserted = g_strconcat (halves[0], "新插入的一段说明文字，介绍本年度的总体情况和主要数据。\n\n",
                            marker, halves[1], NULL);
    parts = g_strsplit (inserted, gone, 2);
    modified = g_strjoinv ("", parts);
  }
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy_path, modified, -1, NULL));

  summary = pc_project_import_files (fixture->project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  new_report = pc_project_load_report (fixture->project,
                                       g_array_index (summary->ids, gint64, 0), &error);
  g_assert_no_error (error);

  g_assert_true (pc_review_session_reanchor (fixture->session, pc_report_get_id (report),
                                             new_report, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.context, ==, 1);
  g_assert_cmpuint (counts.orphaned, ==, 1);

  moved = pc_project_get_annotation (fixture->project, pc_annotation_get_id (kept), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pc_annotation_get_report_id (moved), ==, pc_report_get_id (new_report));
  g_assert_cmpuint (pc_annotation_get_start (moved), !=, pc_annotation_get_start (kept));
  g_assert_cmpuint (pc_annotation_get_start (moved), ==, range_of (new_report, quote).start);
  found = pc_report_dup_slice (new_report, pc_annotation_get_range (moved));
  g_assert_cmpstr (found, ==, quote);
  g_assert_cmpstr (pc_annotation_get_comment (moved), ==, "亮点");

  /* The orphan stays on the old report; undo moves the other one back. */
  g_clear_object (&moved);
  moved = pc_project_get_annotation (fixture->project, pc_annotation_get_id (orphan), &error);
  g_assert_cmpint (pc_annotation_get_report_id (moved), ==, pc_report_get_id (report));
  g_assert_true (pc_review_session_undo (fixture->session, &error));
  g_clear_object (&moved);
  moved = pc_project_get_annotation (fixture->project, pc_annotation_get_id (kept), &error);
  g_assert_true (pc_annotation_equal (moved, kept));
}

/* The register -------------------------------------------------------------------------- */

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  ++*count;
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  PcReport *pudong = report_named (fixture, "pudong-2023.txt");
  PcReport *wuhan = report_named (fixture, "wuhan-2021.txt");
  g_autoptr(PcRegister) model = pc_register_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAnnotation) a = NULL;
  g_autoptr(PcAnnotation) b = NULL;
  g_autoptr(PcAnnotation) c = NULL;
  g_autoptr(PcAnnotation) values = pc_annotation_new ();
  g_autoptr(PcAnnotation) edited = NULL;
  g_autofree char *needle = g_utf8_substring (pc_report_get_text (wuhan), 300, 320);
  guint n_findings = 0;
  guint n_prior = 0;
  guint n_missing = 0;
  guint n_annotations = 0;
  guint n_changes = 0;
  guint n;

  a = add (fixture, pudong, "深化应急预案体系建设", 5, PC_ANNOTATION_PROBLEM, "预案未公开");
  b = pc_review_session_add_annotation (fixture->session, pudong,
                                        range_of (pudong, "编制《浦东新区值班工作规范》"), 7,
                                        PC_ANNOTATION_PROBLEM, PC_SEVERITY_LOW, "仅列名称",
                                        "说明规范要点", &error);
  g_assert_no_error (error);
  c = add (fixture, wuhan, needle, 0, PC_ANNOTATION_NOTE, "备查");
  pc_annotation_set_status (values, PC_STATUS_RESOLVED);
  edited = pc_review_session_update_annotation (fixture->session, pc_annotation_get_id (a),
                                                PC_ANNOTATION_FIELD_STATUS, values, &error);
  g_assert_no_error (error);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &n_changes);
  g_assert_true (pc_register_load (model, fixture->session, pc_report_get_id (pudong), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcRegisterEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (pc_register_entry_get_report_id (entry), ==, pc_report_get_id (pudong));
      g_assert_nonnull (pc_register_entry_get_section (entry));
      if (pc_register_entry_is_finding (entry))
        {
          const char *key = pc_register_entry_get_finding_key (entry);

          g_assert_nonnull (key);
          /* A missing part says which part is missing. */
          if (g_str_has_prefix (key, PC_FINDING_MISSING_PART "/"))
            {
              g_auto(GStrv) fields = g_strsplit (key, "/", 3);

              g_assert_true (g_str_has_prefix (pc_register_entry_get_comment (entry),
                                               "A required part is missing: "));
              /* It costs 3 points: as grave in the window as in the workbook. */
              g_assert_cmpint (pc_register_entry_get_severity (entry), ==, PC_SEVERITY_HIGH);
              /* It concerns the report as a whole, as the workbook's 全文 says. */
              g_assert_cmpstr (pc_register_entry_get_section (entry), ==, "Whole report");
              g_assert_nonnull (strstr (pc_register_entry_get_comment (entry),
                                        pc_part_key_describe (fields[1])));
              /* Pudong 2023 says nothing of last year's problems: listed for those who
               * require it, besides the reader's findings. */
              if (g_str_equal (fields[1], PC_PART_PRIOR_RECTIFICATION))
                {
                  n_prior++;
                  continue;
                }
              n_missing++;
            }
          n_findings++;
          continue;
        }
      n_annotations++;
      if (pc_register_entry_get_annotation_id (entry) == pc_annotation_get_id (b))
        {
          g_assert_cmpstr (pc_register_entry_get_quote (entry), ==, "编制《浦东新区值班工作规范》");
          g_assert_cmpstr (pc_register_entry_get_comment (entry), ==, "仅列名称");
          g_assert_cmpstr (pc_register_entry_get_fix (entry), ==, "说明规范要点");
          g_assert_cmpint (pc_register_entry_get_severity (entry), ==, PC_SEVERITY_LOW);
          g_assert_cmpstr (pc_register_entry_get_reviewer (entry), ==, "张审");
          g_assert_cmpstr (pc_register_entry_get_kind_name (entry), ==, "Problem");
          g_assert_true (g_str_has_prefix (pc_register_entry_get_section (entry), "一、"));
          g_assert_true (strstr (pc_register_entry_get_section (entry), " › ") != NULL);
        }
    }
  g_assert_cmpuint (n_annotations, ==, 2);
  g_assert_cmpuint (n_findings, ==, pc_report_get_findings (pudong)->len);
  g_assert_cmpuint (n_prior, ==, 1);
  g_assert_cmpuint (n_missing, ==, 2);

  /* The whole project, in one more change. */
  g_assert_true (pc_register_load (model, fixture->session, 0, &error));
  g_assert_cmpuint (n_changes, ==, 2);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 3);

  {
    g_autoptr(GListStore) store = g_list_store_new (PC_TYPE_REGISTER_ENTRY);
    g_autoptr(PcRegisterEntry) first = NULL;
    g_autoptr(PcRegisterEntry) last = NULL;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PcRegisterEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_list_store_insert_sorted (store, entry, pc_register_entry_compare_by_severity, NULL);
      }
    first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_cmpint (pc_register_entry_get_severity (first), ==, PC_SEVERITY_HIGH);
    last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);
    g_assert_cmpint (pc_register_entry_get_severity (last), ==, PC_SEVERITY_NONE);

    g_list_store_sort (store, pc_register_entry_compare_by_status, NULL);
    g_clear_object (&last);
    last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);
    g_assert_cmpint (pc_register_entry_get_status (last), ==, PC_STATUS_RESOLVED);
    g_assert_cmpint (pc_register_entry_get_annotation_id (last), ==, pc_annotation_get_id (a));

    g_list_store_sort (store, pc_register_entry_compare_by_section, NULL);
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(PcRegisterEntry) x = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
        g_autoptr(PcRegisterEntry) y = g_list_model_get_item (G_LIST_MODEL (store), i);

        g_assert_cmpint (pc_register_entry_compare_by_section (x, y, NULL), <, 0);
        g_assert_cmpint (pc_register_entry_get_report_id (x), <=,
                         pc_register_entry_get_report_id (y));
      }
    /* By item: 5, then 7, then the rows of no item, the form findings among them. */
    g_list_store_sort (store, pc_register_entry_compare_by_item, NULL);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PcRegisterEntry) entry = g_list_model_get_item (G_LIST_MODEL (store), i);
        guint expected = i == 0 ? 5 : i == 1 ? 7 : 0;

        g_assert_cmpuint (pc_register_entry_get_item (entry), ==, expected);
        if (i > 0)
          {
            g_autoptr(PcRegisterEntry) before = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

            g_assert_cmpint (pc_register_entry_compare_by_item (before, entry, NULL), <, 0);
          }
      }

    /* By kind: the problems, then the note, then the form findings. */
    g_list_store_sort (store, pc_register_entry_compare_by_kind, NULL);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_cmpint (pc_register_entry_get_kind (first), ==, PC_ANNOTATION_PROBLEM);
    g_assert_false (pc_register_entry_is_finding (first));
    {
      g_autoptr(PcRegisterEntry) third = g_list_model_get_item (G_LIST_MODEL (store), 2);

      g_assert_cmpint (pc_register_entry_get_annotation_id (third), ==, pc_annotation_get_id (c));
    }
    g_clear_object (&last);
    last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);
    g_assert_true (pc_register_entry_is_finding (last));

    /* By what the row says, in the collation of the locale. */
    g_list_store_sort (store, pc_register_entry_compare_by_text, NULL);
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(PcRegisterEntry) x = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
        g_autoptr(PcRegisterEntry) y = g_list_model_get_item (G_LIST_MODEL (store), i);

        g_assert_cmpint (pc_register_entry_compare_by_text (x, y, NULL), <, 0);
        g_assert_cmpint (pc_register_entry_compare_by_text (y, x, NULL), >, 0);
      }

    g_list_store_sort (store, pc_register_entry_compare_by_report, NULL);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_nonnull (pc_register_entry_get_report_name (first));
  }
}

/* The threaded session ------------------------------------------------------------------ */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  g_main_loop_run (waiter->loop);
  return waiter->result;
}

static void
test_threaded_session (Fixture       *fixture,
                       gconstpointer  data)
{
  PcReport *report = report_named (fixture, "pudong-2023.txt");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PcReviewSession) session = NULL;
  g_autoptr(PcAnnotation) annotation = NULL;
  g_autoptr(PcAnnotation) stored = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(PcRegister) model = pc_register_new ();
  g_autoptr(GError) error = NULL;
  Waiter waiter = { loop, NULL };
  guint n_removed = 0;

  pc_review_session_open_async (fixture->db_path, "王审", NULL, on_ready_cb, &waiter);
  session = pc_review_session_open_finish (wait_for (&waiter), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_true (pc_review_session_is_threaded (session));
  g_signal_connect_swapped (session, "annotation-removed", G_CALLBACK (g_atomic_int_inc),
                            &n_removed);

  pc_review_session_add_annotation_async (session, report,
                                          range_of (report, "深化应急预案体系建设"), 5,
                                          PC_ANNOTATION_PROBLEM, PC_SEVERITY_NONE, "异步", NULL,
                                          NULL, on_ready_cb, &waiter);
  annotation = pc_review_session_edit_finish (session, wait_for (&waiter), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpint (pc_annotation_get_severity (annotation), ==, PC_SEVERITY_MEDIUM);
  g_assert_cmpstr (pc_annotation_get_reviewer (annotation), ==, "王审");

  /* The fixture's own connection sees the row: it was committed on the other thread. */
  stored = pc_project_get_annotation (fixture->project, pc_annotation_get_id (annotation),
                                      &error);
  g_assert_no_error (error);
  g_assert_true (pc_annotation_equal (stored, annotation));

  pc_review_session_undo_async (session, NULL, on_ready_cb, &waiter);
  g_assert_false (pc_undo_stack_get_can_undo (pc_review_session_get_undo_stack (session)));
  g_assert_true (pc_review_session_change_finish (session, wait_for (&waiter), &error));
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_true (pc_undo_stack_get_can_redo (pc_review_session_get_undo_stack (session)));

  pc_review_session_redo_async (session, NULL, on_ready_cb, &waiter);
  g_assert_true (pc_review_session_change_finish (session, wait_for (&waiter), &error));
  g_clear_object (&waiter.result);

  pc_review_session_list_annotations_async (session, pc_report_get_id (report), NULL,
                                            on_ready_cb, &waiter);
  listed = pc_review_session_list_annotations_finish (session, wait_for (&waiter), &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (pc_annotation_equal (g_ptr_array_index (listed, 0), annotation));

  pc_register_load_async (model, session, 0, NULL, on_ready_cb, &waiter);
  g_assert_true (pc_register_load_finish (model, wait_for (&waiter), &error));
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 1);
}

/* Many annotations ---------------------------------------------------------------------- */

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  PcReport *report = report_named (fixture, "kaiping-2025.txt");
  guint length = pc_report_get_length (report);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcRegister) model = pc_register_new ();
  gint64 t0;
  gint64 t1;
  gint64 t2;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 500; i++)
    {
      guint start = (i * 37) % (length - 20);
      g_autoptr(PcAnnotation) annotation = NULL;

      annotation = pc_review_session_add_annotation (fixture->session, report,
                                                     (PcRange) { start, start + 5 + i % 15 },
                                                     i % 36, i % 4, i % 4, "批注", NULL,
                                                     &error);
      g_assert_no_error (error);
    }
  t1 = g_get_monotonic_time ();
  listed = pc_review_session_list_annotations (fixture->session, pc_report_get_id (report),
                                               &error);
  t2 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 500);
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpuint (pc_annotation_get_start (g_ptr_array_index (listed, i - 1)), <=,
                      pc_annotation_get_start (g_ptr_array_index (listed, i)));

  g_test_message ("500 annotations: %.2f ms per add, %.2f ms to list them all",
                  (t1 - t0) / 500.0 / 1000.0, (t2 - t1) / 1000.0);
  t1 = g_get_monotonic_time ();
  g_assert_true (pc_register_load (model, fixture->session, pc_report_get_id (report), &error));
  t2 = g_get_monotonic_time ();
  g_test_message ("register of %u rows built in %.2f ms",
                  g_list_model_get_n_items (G_LIST_MODEL (model)), (t2 - t1) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotations/anchor/exact", test_anchor_exact);
  g_test_add_func ("/annotations/anchor/inserted-before", test_anchor_inserted_before);
  g_test_add_func ("/annotations/anchor/context-changed", test_anchor_context_changed);
  g_test_add_func ("/annotations/anchor/quote-edited", test_anchor_quote_edited);
  g_test_add_func ("/annotations/anchor/quote-gone", test_anchor_quote_gone);
  g_test_add_func ("/annotations/anchor/repeated", test_anchor_repeated);
  g_test_add_func ("/annotations/anchor/capture-bounds", test_anchor_capture_bounds);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/annotations/session/add", test_session_add);
  ADD ("/annotations/remove/restore", test_remove_restore);
  ADD ("/annotations/remove/restore-conflict", test_remove_restore_conflict);
  ADD ("/annotations/remove/undo", test_remove_undo);
  ADD ("/annotations/replace/round-trip", test_replace);
  ADD ("/annotations/replace/keeps-corrections", test_replace_keeps_corrections);
  ADD ("/annotations/replace/duplicate", test_replace_duplicate);
  ADD ("/annotations/replace/undo", test_replace_undo);
  g_test_add_func ("/annotations/details/from-text", test_details_from_text);
  ADD ("/annotations/details/correct", test_details_correct);
  ADD ("/annotations/details/undo", test_details_undo);
  ADD ("/annotations/undo/round-trip", test_undo_round_trip);
  ADD ("/annotations/undo/delete-restores-id", test_undo_delete_restores_id);
  ADD ("/annotations/undo/squash", test_undo_squash);
  ADD ("/annotations/finding-status/persists", test_finding_status);
  ADD ("/annotations/reanchor/reimport", test_reanchor_reimport);
  ADD ("/annotations/register/contents-and-sorting", test_register);
  ADD ("/annotations/session/threaded", test_threaded_session);
  ADD ("/annotations/session/many", test_many);
#undef ADD

  return g_test_run ();
}

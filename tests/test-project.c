/* test-project.c — the project store: schema, safety of the file, round trips, import.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-project"

#include "config.h"

#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pc-error.h"
#include "pc-project-annotations.h"
#include "pc-project-private.h"
#include "pc-project-worker.h"
#include "pc-reader.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

typedef enum
{
  KILL_BY_SIGKILL,
  KILL_BY_EXIT,
  KILL_BY_TIMER,
} KillMode;

/* Helpers ------------------------------------------------------------------------------ */

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

  fixture->dir = g_dir_make_tmp ("pingcha-test-project-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "review.pingcha", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static const char *
corpus_reports_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      const char *corpus = g_getenv ("PINGCHA_CORPUS_DIR");

      g_assert_nonnull (corpus);
      dir = g_build_filename (corpus, "reports", NULL);
    }
  return dir;
}

static char *
corpus_file (const char *name)
{
  return g_build_filename (corpus_reports_dir (), name, NULL);
}

static const char * const corpus_names[] = {
  "kaiping-2025.txt",
  "pingshan-2024.txt",
  "pudong-2023.txt",
  "wuhan-2021.txt",
  "zhangzhou-2023.txt",
};

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* Writes corpus report @index % 5 with a unique first line, so every copy is new content. */
static char *
write_distinct_copy (const char *dir,
                     guint       index)
{
  const char *name = corpus_names[index % G_N_ELEMENTS (corpus_names)];
  g_autofree char *source = corpus_file (name);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autofree char *line = g_strdup_printf ("（副本 %u）\n", index);
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  g_autofree char *file_name = g_strdup_printf ("copy-%04u-%s", index, name);
  char *path = g_build_filename (dir, file_name, NULL);

  /* at the start: a page's trailing chrome ends the text, and a line after it with it */
  g_byte_array_append (contents, (const guint8 *) line, strlen (line));
  g_byte_array_append (contents, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  write_file (path, contents->data, contents->len);
  return path;
}

static GStrv
write_distinct_copies (const char *dir,
                       guint       n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = write_distinct_copy (dir, i);

      g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

static GBytes *
file_bytes_or_null (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Runs @sql on the file directly, outside PcProject, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  g_autofree char *value = raw_query (path, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

static PcProject *
open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcProject *project = pc_project_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static PcSection *
make_section (guint       level,
              guint       number,
              const char *label,
              const char *title,
              const char *path,
              PcRange     range,
              PcRange     heading)
{
  PcSection *section = pc_section_new (level, number, label, title);

  pc_section_set_path (section, path);
  pc_section_set_range (section, range);
  pc_section_set_heading (section, heading);
  return section;
}

static const char hand_text[] =
  "某某市应急管理局2023年法治政府建设年度报告\n"
  "一、主要举措\n（一）加强组织领导\n成立领导小组。\n（）完善制度\n修订规章。\n"
  "二、存在的不足\n执法队伍有待加强。\n"
  "三、下一步工作安排\n继续推进。\n"
  "某某市应急管理局\n2024年1月20日\n";

/* A report with every field set, built by hand as the reader would build it. */
static PcReport *
make_report (const char *hash)
{
  PcReport *report = pc_report_new (hand_text);
  g_autoptr(PcSection) one = make_section (1, 1, "一、", "主要举措", "1",
                                           (PcRange) { 23, 60 }, (PcRange) { 23, 29 });
  g_autoptr(PcSection) one_one = make_section (2, 1, "（一）", "加强组织领导", "1.1",
                                               (PcRange) { 29, 45 }, (PcRange) { 29, 37 });
  g_autoptr(PcSection) one_two = make_section (2, 0, "（）", "完善制度", "1.2",
                                               (PcRange) { 45, 60 }, (PcRange) { 45, 51 });
  g_autoptr(PcSection) two = make_section (1, 2, "二、", "存在的不足", "2",
                                           (PcRange) { 60, 77 }, (PcRange) { 60, 67 });
  g_autoptr(PcSection) three = make_section (1, 3, "三、", "下一步工作安排", "3",
                                             (PcRange) { 77, 94 }, (PcRange) { 77, 86 });
  g_autoptr(PcFinding) finding1 = pc_finding_new (PC_FINDING_NUMBERING_MISSING, NULL, "1.2",
                                                  "“完善制度”没有序号", (PcRange) { 45, 51 });
  g_autoptr(PcFinding) finding2 = pc_finding_new (PC_FINDING_MISSING_PART,
                                                  PC_PART_FIRST_RESPONSIBLE, NULL, NULL,
                                                  (PcRange) { 0, 0 });
  g_autoptr(PcPart) part1 = pc_part_new (PC_PART_MEASURES, TRUE, "1", TRUE,
                                         (PcRange) { 23, 60 });
  g_autoptr(PcPart) part2 = pc_part_new (PC_PART_SHORTCOMINGS, TRUE, "2", TRUE,
                                         (PcRange) { 60, 77 });
  g_autoptr(PcPart) part3 = pc_part_new (PC_PART_FIRST_RESPONSIBLE, FALSE, NULL, FALSE,
                                         (PcRange) { 0, 0 });

  pc_report_set_title (report, "某某市应急管理局2023年法治政府建设年度报告");
  pc_report_set_agency (report, "某某市应急管理局");
  pc_report_set_year (report, 2023);
  pc_report_set_published (report, "2024-01-25");
  pc_report_set_signed (report, "2024-01-20");
  pc_report_set_doc_number (report, "某应急〔2024〕3号");
  pc_report_set_addressee (report, "市人民政府");
  pc_report_set_source_name (report, "report.docx");
  pc_report_set_source_format (report, PC_SOURCE_FORMAT_DOCX);
  pc_report_set_encoding (report, "GB18030");
  pc_report_set_content_hash (report, hash);

  pc_section_set_flags (one_two, PC_SECTION_FLAG_NUMBER_MISSING | PC_SECTION_FLAG_INLINE);
  pc_section_append_child (one, one_one);
  pc_section_append_child (one, one_two);
  pc_report_append_section (report, one);
  pc_report_append_section (report, two);
  pc_report_append_section (report, three);
  pc_report_add_finding (report, finding1);
  pc_report_add_finding (report, finding2);
  pc_report_add_part (report, part1);
  pc_report_add_part (report, part2);
  pc_report_add_part (report, part3);
  return report;
}

static void
assert_range_equal (PcRange a,
                    PcRange b)
{
  g_assert_cmpuint (a.start, ==, b.start);
  g_assert_cmpuint (a.end, ==, b.end);
}

static void
assert_sections_equal (GListModel *a,
                       GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (g_list_model_get_n_items (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) x = g_list_model_get_item (a, i);
      g_autoptr(PcSection) y = g_list_model_get_item (b, i);

      g_assert_cmpuint (pc_section_get_level (x), ==, pc_section_get_level (y));
      g_assert_cmpuint (pc_section_get_number (x), ==, pc_section_get_number (y));
      g_assert_cmpstr (pc_section_get_label (x), ==, pc_section_get_label (y));
      g_assert_cmpstr (pc_section_get_title (x), ==, pc_section_get_title (y));
      g_assert_cmpstr (pc_section_get_path (x), ==, pc_section_get_path (y));
      g_assert_cmpint (pc_section_get_flags (x), ==, pc_section_get_flags (y));
      assert_range_equal (pc_section_get_range (x), pc_section_get_range (y));
      assert_range_equal (pc_section_get_heading (x), pc_section_get_heading (y));
      assert_sections_equal (pc_section_get_children (x), pc_section_get_children (y));
    }
}

/* Everything the reader puts in a report must come back out of the project unchanged. */
static void
assert_reports_equal (PcReport *a,
                      PcReport *b)
{
  GPtrArray *fa = pc_report_get_findings (a);
  GPtrArray *fb = pc_report_get_findings (b);
  GPtrArray *pa = pc_report_get_parts (a);
  GPtrArray *pb = pc_report_get_parts (b);

  g_assert_cmpstr (pc_report_get_text (a), ==, pc_report_get_text (b));
  g_assert_cmpuint (pc_report_get_length (a), ==, pc_report_get_length (b));
  g_assert_cmpstr (pc_report_get_title (a), ==, pc_report_get_title (b));
  g_assert_cmpstr (pc_report_get_agency (a), ==, pc_report_get_agency (b));
  g_assert_cmpuint (pc_report_get_year (a), ==, pc_report_get_year (b));
  g_assert_cmpstr (pc_report_get_published (a), ==, pc_report_get_published (b));
  g_assert_cmpstr (pc_report_get_signed (a), ==, pc_report_get_signed (b));
  g_assert_cmpstr (pc_report_get_doc_number (a), ==, pc_report_get_doc_number (b));
  g_assert_cmpstr (pc_report_get_addressee (a), ==, pc_report_get_addressee (b));
  g_assert_cmpstr (pc_report_get_source_name (a), ==, pc_report_get_source_name (b));
  g_assert_cmpint (pc_report_get_source_format (a), ==, pc_report_get_source_format (b));
  g_assert_cmpstr (pc_report_get_encoding (a), ==, pc_report_get_encoding (b));
  g_assert_cmpstr (pc_report_get_content_hash (a), ==, pc_report_get_content_hash (b));
  assert_sections_equal (pc_report_get_sections (a), pc_report_get_sections (b));

  g_assert_cmpuint (fa->len, ==, fb->len);
  for (guint i = 0; i < fa->len; i++)
    {
      const PcFinding *x = g_ptr_array_index (fa, i);
      const PcFinding *y = g_ptr_array_index (fb, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->part, ==, y->part);
      g_assert_cmpstr (x->section, ==, y->section);
      g_assert_cmpstr (x->note, ==, y->note);
      assert_range_equal (x->range, y->range);
    }

  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      const PcPart *x = g_ptr_array_index (pa, i);
      const PcPart *y = g_ptr_array_index (pb, i);

      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpint (x->present, ==, y->present);
      g_assert_cmpstr (x->section, ==, y->section);
      g_assert_cmpint (x->own_section, ==, y->own_section);
      assert_range_equal (x->range, y->range);
    }
}

static void
assert_integrity (const char *path)
{
  g_autofree char *integrity = raw_query (path, "PRAGMA integrity_check");
  g_autofree char *fk = raw_query (path, "PRAGMA foreign_key_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_null (fk);
}

static void
assert_no_orphans (const char *path)
{
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sections"
                                  " WHERE report_id NOT IN (SELECT id FROM reports)"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM findings"
                                  " WHERE report_id NOT IN (SELECT id FROM reports)"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM parts"
                                  " WHERE report_id NOT IN (SELECT id FROM reports)"), ==, 0);
}

/* Migrations --------------------------------------------------------------------------- */

static void
test_migrations_fresh (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autofree char *journal = NULL;
  g_autofree char *created = NULL;
  g_autofree char *version = NULL;
  int latest = _pc_project_get_latest_version ();

  g_assert_cmpint (latest, >=, 1);
  g_assert_cmpint (pc_project_get_schema_version (project), ==, latest);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 0);
  g_assert_cmpstr (pc_project_get_path (project), ==, fixture->db_path);

  g_assert_cmpint (raw_int (fixture->db_path, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_int (fixture->db_path, "PRAGMA application_id"), ==,
                   PC_PROJECT_APPLICATION_ID);
  journal = raw_query (fixture->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* v1: every table and the indexes the loaders use */
  g_assert_cmpint (raw_int (fixture->db_path,
                            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                            " ('project', 'reports', 'sections', 'findings', 'parts')"), ==, 5);
  g_assert_cmpint (raw_int (fixture->db_path,
                            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                            " ('sections_by_report', 'sections_by_parent', 'findings_by_report',"
                            "  'parts_by_report')"), ==, 4);
  created = raw_query (fixture->db_path, "SELECT value FROM project WHERE key = 'created'");
  g_assert_nonnull (created);
  g_assert_true (g_str_has_suffix (created, "Z"));
  version = raw_query (fixture->db_path, "SELECT value FROM project WHERE key = 'app_version'");
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
}

static void
test_migrations_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *created = NULL;
  g_autofree char *created_again = NULL;

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcReport) report = make_report ("hash-1");
    g_autoptr(GError) error = NULL;

    pc_project_add_report (project, report, NULL, &error);
    g_assert_no_error (error);
  }
  created = raw_query (fixture->db_path, "SELECT value FROM project WHERE key = 'created'");

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);

    g_assert_cmpint (pc_project_get_schema_version (project), ==,
                     _pc_project_get_latest_version ());
    g_assert_cmpuint (pc_project_count_reports (project), ==, 1);
  }

  /* Nothing to upgrade, so no copy was made, and the metadata was not rewritten. */
  created_again = raw_query (fixture->db_path, "SELECT value FROM project WHERE key = 'created'");
  g_assert_cmpstr (created, ==, created_again);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
}

/* A file at an older format is copied before it is upgraded. With one shipped migration,
 * the only older format is 0; running migration 1 again over its own tables also shows
 * that it is safe to re-run. */
static void
test_migrations_upgrade_backup (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *backup_path = g_strconcat (fixture->db_path, ".bak-v0", NULL);

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcReport) report = make_report ("hash-1");
    g_autoptr(GError) error = NULL;

    pc_project_add_report (project, report, NULL, &error);
    g_assert_no_error (error);
  }
  raw_exec (fixture->db_path, "PRAGMA user_version = 0");

  {
    g_autoptr(PcProject) project = NULL;

    g_test_expect_message ("pc-project", G_LOG_LEVEL_MESSAGE, "Saved *.bak-v0 before upgrading*");
    project = open_project (fixture->db_path);
    g_test_assert_expected_messages ();

    g_assert_cmpint (pc_project_get_schema_version (project), ==,
                     _pc_project_get_latest_version ());
    g_assert_cmpuint (pc_project_count_reports (project), ==, 1);
  }

  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_int (backup_path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (backup_path, "SELECT count(*) FROM reports"), ==, 1);
  g_assert_cmpint (raw_int (backup_path, "SELECT count(*) FROM sections"), ==, 5);
  assert_integrity (fixture->db_path);
  assert_integrity (backup_path);
}

static char *
dump_schema (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema"
                                           " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (dump, FALSE);
}

/* Every format a released Pingcha could have left, with a report in it, is copied and then
 * upgraded step by step to exactly the schema of a new project, keeping its data. */
static void
test_migrations_each_step (Fixture       *fixture,
                           gconstpointer  data)
{
  int latest = _pc_project_get_latest_version ();
  g_autofree char *fresh_schema = NULL;

  {
    g_autoptr(PcProject) fresh = open_project (fixture->db_path);
  }
  fresh_schema = dump_schema (fixture->db_path);

  for (int version = 0; version < latest; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.pingcha", version);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", path, version);
      g_autofree char *schema = NULL;
      g_autoptr(GError) error = NULL;
      guint n_reports = version >= 1 ? 1 : 0;

      {
        g_autoptr(PcProject) old = _pc_project_open_at_version (path, version, &error);

        g_assert_no_error (error);
        g_assert_cmpint (pc_project_get_schema_version (old), ==, version);
        if (n_reports > 0)
          {
            g_autoptr(PcReport) report = make_report ("old");

            g_assert_true (pc_project_add_report (old, report, NULL, &error));
            g_assert_no_error (error);
          }
      }
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, version);

      if (version > 0)
        g_test_expect_message ("pc-project", G_LOG_LEVEL_MESSAGE, "Saved *before upgrading*");
      {
        g_autoptr(PcProject) project = open_project (path);

        g_assert_cmpint (pc_project_get_schema_version (project), ==, latest);
        g_assert_cmpuint (pc_project_count_reports (project), ==, n_reports);
        if (n_reports > 0)
          {
            g_autoptr(PcReport) reference = make_report ("old");
            g_autoptr(PcReport) loaded = pc_project_load_report (project, 1, &error);

            g_assert_no_error (error);
            assert_reports_equal (reference, loaded);
          }
      }
      g_test_assert_expected_messages ();

      schema = dump_schema (path);
      g_assert_cmpstr (schema, ==, fresh_schema);
      assert_integrity (path);

      /* A file without a schema has nothing to lose and gets no copy. */
      g_assert_cmpint (g_file_test (backup_path, G_FILE_TEST_EXISTS), ==, version > 0);
      if (version > 0)
        {
          g_assert_cmpint (raw_int (backup_path, "PRAGMA user_version"), ==, version);
          g_assert_cmpint (raw_int (backup_path, "SELECT count(*) FROM reports"), ==, n_reports);
          assert_integrity (backup_path);
        }
    }
}

static int
raw_exec_rc (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return rc;
}

#define INSERT_ANNOTATION(id, item) \
  "INSERT INTO annotations (id, report_id, start, \"end\", quote, item, kind, severity," \
  " comment, status, reviewer, created, modified) VALUES (" #id ", 1, 2, 5, '主要举', " #item \
  ", 'problem', 'high', '说明', 'disputed', '王审', '2025-01-01T00:00:00Z'," \
  " '2025-01-02T00:00:00Z')"

/* Format 3 capped annotation items at 35, so the items a checklist adds beyond the outline
 * could not be annotated. Format 4 lifts the cap and keeps everything a format 3 file
 * held: rows, ids, the AUTOINCREMENT counter, indexes and the cascade from reports. */
static void
test_migrations_annotation_items (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *rows = NULL;

  {
    g_autoptr(PcProject) old = _pc_project_open_at_version (fixture->db_path, 3, NULL);
    g_autoptr(PcReport) report = make_report ("old");

    g_assert_nonnull (old);
    g_assert_true (pc_project_add_report (old, report, NULL, NULL));
  }
  raw_exec (fixture->db_path, INSERT_ANNOTATION (1, 14) "; " INSERT_ANNOTATION (2, 0) "; "
                              INSERT_ANNOTATION (7, 35) "; DELETE FROM annotations WHERE id = 7");
  g_assert_cmpint (raw_exec_rc (fixture->db_path, INSERT_ANNOTATION (8, 36)), ==, SQLITE_CONSTRAINT);

  g_test_expect_message ("pc-project", G_LOG_LEVEL_MESSAGE, "Saved *.bak-v3 before upgrading*");
  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcAnnotation) beyond = pc_annotation_new ();
    g_autoptr(PcAnnotation) loaded = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (pc_project_get_schema_version (project), ==, _pc_project_get_latest_version ());
    loaded = pc_project_get_annotation (project, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pc_annotation_get_item (loaded), ==, 14);
    g_clear_object (&loaded);

    /* Through the API too: an annotation on item 40 is stored and read back as such. */
    pc_annotation_set_report_id (beyond, 1);
    pc_annotation_set_range (beyond, (PcRange) { 0, 2 });
    pc_annotation_set_quote (beyond, "一、");
    pc_annotation_set_context_before (beyond, "");
    pc_annotation_set_context_after (beyond, "");
    pc_annotation_set_item (beyond, 40);
    pc_annotation_set_kind (beyond, PC_ANNOTATION_NOTE);
    pc_annotation_set_created (beyond, "2025-03-01T08:00:00Z");
    pc_annotation_set_modified (beyond, "2025-03-01T08:00:00Z");
    pc_project_insert_annotation (project, beyond, &error);
    g_assert_no_error (error);
    /* The counter came along: a new row does not reuse the deleted id 7. */
    g_assert_cmpint (pc_annotation_get_id (beyond), ==, 8);
    loaded = pc_project_get_annotation (project, pc_annotation_get_id (beyond), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pc_annotation_get_item (loaded), ==, 40);
    g_assert_true (pc_project_delete_annotation (project, pc_annotation_get_id (beyond), &error));
  }
  g_test_assert_expected_messages ();
  assert_integrity (fixture->db_path);

  rows = raw_query (fixture->db_path,
                    "SELECT group_concat (id || ':' || item || ':' || kind || ':' || severity || ':'"
                    " || status || ':' || reviewer || ':' || comment || ':' || modified, ' ')"
                    " FROM (SELECT * FROM annotations ORDER BY id)");
  g_assert_cmpstr (rows, ==, "1:14:problem:high:disputed:王审:说明:2025-01-02T00:00:00Z "
                             "2:0:problem:high:disputed:王审:说明:2025-01-02T00:00:00Z");
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT seq FROM sqlite_sequence WHERE name = 'annotations'"), ==, 8);
  g_assert_cmpint (raw_int (fixture->db_path,
                            "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'annotations' AND type = 'index'"
                            " AND name IN ('annotations_by_report', 'annotations_by_item')"), ==, 2);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM sqlite_schema WHERE name = 'annotations_rebuilt'"), ==, 0);

  /* Item 36 of an extended checklist fits at the SQL level too, but a negative one does not. */
  raw_exec (fixture->db_path, "INSERT INTO annotations (report_id, start, \"end\", quote, item, kind,"
                              " created, modified) VALUES (1, 0, 1, '一', 36, 'note', 't', 't')");
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT id FROM annotations WHERE item = 36"), ==, 9);
  g_assert_cmpint (raw_exec_rc (fixture->db_path, INSERT_ANNOTATION (10, -1)), ==, SQLITE_CONSTRAINT);

  /* Removing the report still takes its annotations along. */
  raw_exec (fixture->db_path, "PRAGMA foreign_keys = ON; DELETE FROM reports");
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM annotations"), ==, 0);
}

/* Refusing files ----------------------------------------------------------------------- */

static void
assert_refused_untouched (Fixture    *fixture,
                          int         code,
                          const char *message_pattern)
{
  g_autoptr(GBytes) before = file_bytes_or_null (fixture->db_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = count_dir_entries (fixture->dir);

  g_assert_nonnull (before);
  project = pc_project_open (fixture->db_path, &error);
  g_assert_error (error, PC_PROJECT_ERROR, code);
  g_assert_null (project);
  if (g_test_verbose ())
    g_test_message ("refused: %s", error->message);
  g_assert_true (g_pattern_match_simple (message_pattern, error->message));

  after = file_bytes_or_null (fixture->db_path);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (before, after));
  /* No journal, WAL or shared-memory file was left beside it either. */
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, n_entries);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcReport) report = make_report ("hash-1");

    g_assert_true (pc_project_add_report (project, report, NULL, NULL));
  }
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         _pc_project_get_latest_version () + 1);
  raw_exec (fixture->db_path, sql);

  assert_refused_untouched (fixture, PC_PROJECT_ERROR_TOO_NEW, "*newer version of Pingcha*");
}

static void
test_open_garbage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GByteArray) garbage = g_byte_array_new ();
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 8192; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

      g_byte_array_append (garbage, &byte, 1);
    }
  g_rand_free (rand);
  write_file (fixture->db_path, garbage->data, garbage->len);
  assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*not a Pingcha project*");

  /* Text, too short to hold a database header */
  write_file (fixture->db_path, "hello", 5);
  assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*not a Pingcha project*");
}

/* A database whose header is intact but whose pages are missing or overwritten. */
static void
test_open_truncated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);

    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *hash = g_strdup_printf ("hash-%u", i);
        g_autoptr(PcReport) report = make_report (hash);

        g_assert_true (pc_project_add_report (project, report, NULL, NULL));
      }
  }
  whole = file_bytes_or_null (fixture->db_path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 8 * 4096);

  /* Cut in the middle of a page, with half the pages gone */
  write_file (fixture->db_path, g_bytes_get_data (whole, NULL), size / 2 + 100);
  assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*damaged*");

  /* Only the header left */
  write_file (fixture->db_path, g_bytes_get_data (whole, NULL), 100);
  assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*");

  /* Every page there, but one of them overwritten */
  {
    g_autofree guint8 *damaged = g_memdup2 (g_bytes_get_data (whole, NULL), size);

    memset (damaged + 2 * 4096, 0x5a, 4096);
    write_file (fixture->db_path, damaged, size);
    assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*damaged*");
  }
}

static void
test_open_foreign (Fixture       *fixture,
                   gconstpointer  data)
{
  raw_exec (fixture->db_path, "CREATE TABLE bookmarks (url TEXT); "
                              "INSERT INTO bookmarks VALUES ('https://example.org')");
  assert_refused_untouched (fixture, PC_PROJECT_ERROR_OPEN, "*another application*");
}

/* In a test's child process: the parent's project file. The child's own fixture directory
 * is removed at once, since a child that crashes on purpose never tears it down. */
static char *
subprocess_db_path (Fixture *fixture)
{
  const char *dir = g_getenv ("PC_TEST_PARENT_DIR");

  g_assert_nonnull (dir);
  g_rmdir (fixture->dir);
  return g_build_filename (dir, "review.pingcha", NULL);
}

/* The owner thread is recorded at open: a call from any other thread is refused. */
static gpointer
count_from_other_thread (gpointer data)
{
  return GUINT_TO_POINTER (pc_project_count_reports (data));
}

static void
test_owner_thread (Fixture       *fixture,
                   gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PcProject) project = open_project (subprocess_db_path (fixture));

      g_thread_join (g_thread_new ("intruder", count_from_other_thread, project));
      return;
    }
  g_setenv ("PC_TEST_PARENT_DIR", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*_pc_project_is_owner*");
}

/* Reports ------------------------------------------------------------------------------ */

static void
test_report_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PcReport) report = make_report ("0123abcd");
  g_autoptr(PcReport) minimal = pc_report_new ("只有正文。");
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gint64 minimal_id = 0;

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);

    g_assert_true (pc_project_add_report (project, report, &id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_cmpint (pc_report_get_id (report), ==, id);
    g_assert_true (pc_project_add_report (project, minimal, &minimal_id, &error));
    g_assert_no_error (error);
    /* A report without a hash gets the hash of its text. */
    g_assert_nonnull (pc_report_get_content_hash (minimal));
    g_assert_cmpint (pc_project_find_by_hash (project, "0123abcd"), ==, id);
    g_assert_cmpint (pc_project_find_by_hash (project, "nothing"), ==, 0);
  }

  /* Read back through a new connection, so nothing comes from a cache. */
  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcReport) loaded = pc_project_load_report (project, id, &error);
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(PcSection) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (pc_report_get_id (loaded), ==, id);
    assert_reports_equal (report, loaded);
    first = g_list_model_get_item (pc_report_get_sections (loaded), 0);
    g_assert_cmpuint (pc_section_get_n_children (first), ==, 2);
    g_assert_true (pc_report_find_section (loaded, "1.2") ==
                   pc_section_get_child (first, 1));

    list = pc_project_list_reports (project, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
    assert_reports_equal (report, g_ptr_array_index (list, 0));
    assert_reports_equal (minimal, g_ptr_array_index (list, 1));
    g_assert_cmpint (pc_report_get_id (g_ptr_array_index (list, 1)), ==, minimal_id);
  }
  assert_integrity (fixture->db_path);
}

static void
test_report_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(PcReport) first = make_report ("same-hash");
  g_autoptr(PcReport) again = make_report ("same-hash");
  g_autoptr(GError) error = NULL;
  gint64 id = -1;

  g_assert_true (pc_project_add_report (project, first, NULL, &error));
  g_assert_false (pc_project_add_report (project, again, &id, &error));
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_DUPLICATE);
  /* The message names the report already in the project. */
  g_assert_nonnull (strstr (error->message, "某某市应急管理局 2023"));
  g_assert_cmpint (id, ==, -1);
  g_assert_cmpint (pc_report_get_id (again), ==, 0);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 1);

  g_clear_object (&project);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM sections"), ==, 5);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM findings"), ==, 2);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM parts"), ==, 3);
}

static void
test_report_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = pc_project_load_report (project, 12345, &error);

  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (report);
}

/* A report the schema refuses (a range running backwards, which the model's setters would
 * not allow) is rolled back alone: nothing of it is left behind. */
static void
test_report_rejected_rolls_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(PcReport) report = make_report ("bad");
  g_autoptr(PcFinding) backwards = pc_finding_new (PC_FINDING_MISSING_DATE, NULL, NULL, NULL,
                                                   (PcRange) { 9, 3 });
  g_autoptr(GError) error = NULL;

  pc_report_add_finding (report, backwards);
  g_assert_false (pc_project_add_report (project, report, NULL, &error));
  g_assert_error (error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_SQL);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 0);

  g_clear_object (&project);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM sections"), ==, 0);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM findings"), ==, 0);
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(PcReport) report = make_report ("hash-1");
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.pingcha", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_project_add_report (project, report, NULL, &error));
  g_assert_true (pc_project_backup (project, copy_path, &error));
  g_assert_no_error (error);
  /* Written while the project is open, and complete. */
  assert_integrity (copy_path);

  {
    g_autoptr(PcProject) copy = open_project (copy_path);
    g_autoptr(GPtrArray) list = pc_project_list_reports (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    assert_reports_equal (report, g_ptr_array_index (list, 0));
  }
}

/* Import ------------------------------------------------------------------------------- */

static void
test_import_corpus (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autofree char *path = corpus_file (corpus_names[i]);

      g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  summary = pc_project_import_files (project, (const char * const *) paths, NULL, NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, G_N_ELEMENTS (corpus_names));
  g_assert_cmpuint (summary->ids->len, ==, G_N_ELEMENTS (corpus_names));
  g_assert_cmpuint (summary->errors->len, ==, 0);

  g_clear_object (&project);
  project = open_project (fixture->db_path);
  list = pc_project_list_reports (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (corpus_names));

  /* Exactly what the reader produced, section tree and all. */
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(PcReport) read = pc_reader_read_file (paths[i], NULL, &error);
      PcReport *stored = g_ptr_array_index (list, i);

      g_assert_no_error (error);
      g_assert_cmpint (pc_report_get_id (stored), ==,
                       g_array_index (summary->ids, gint64, i));
      g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (stored)), >, 0);
      assert_reports_equal (read, stored);
    }
}

static void
test_import_partial (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autofree char *good1 = corpus_file ("pudong-2023.txt");
  g_autofree char *good2 = corpus_file ("wuhan-2021.txt");
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "binary.txt", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "pudong-again.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(GBytes) good1_bytes = read_bytes (good1);
  const char *paths[] = { good1, empty, binary, again, missing, good2, NULL };
  static const guint8 binary_data[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe,
                                        0x00, 0x00, 0x13, 0x37, 0x00, 0x01, 0x80, 0x81 };
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_sections;

  write_file (empty, "", 0);
  write_file (binary, binary_data, sizeof binary_data);
  write_file (again, g_bytes_get_data (good1_bytes, NULL), g_bytes_get_size (good1_bytes));

  summary = pc_project_import_files (project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 2);
  g_assert_cmpuint (summary->duplicates, ==, 1);
  g_assert_cmpuint (summary->failed, ==, 3);
  g_assert_cmpuint (summary->errors->len, ==, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (summary->errors, 0), "empty.txt: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (summary->errors, 1), "binary.txt: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (summary->errors, 2),
                                   "pudong-again.txt: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (summary->errors, 3), "missing.txt: "));
  g_assert_cmpuint (pc_project_count_reports (project), ==, 2);

  g_clear_object (&project);
  assert_integrity (fixture->db_path);
  assert_no_orphans (fixture->db_path);
  n_sections = raw_int (fixture->db_path, "SELECT count(*) FROM sections");
  g_assert_cmpint (n_sections, >, 0);

  /* Importing the same two again changes nothing. */
  project = open_project (fixture->db_path);
  {
    const char *twice[] = { good2, good1, NULL };
    g_autoptr(PcImportSummary) second = pc_project_import_files (project, twice, NULL, NULL,
                                                                 NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (second->imported, ==, 0);
    g_assert_cmpuint (second->duplicates, ==, 2);
  }
  g_clear_object (&project);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM sections"), ==, n_sections);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
  guint         calls;
} CancelData;

static void
cancel_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  CancelData *cancel = user_data;

  cancel->calls++;
  g_assert_cmpuint (done, ==, cancel->calls);
  if (done == cancel->cancel_after)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(PcReport) existing = make_report ("existing");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) paths = write_distinct_copies (fixture->dir, 6);
  CancelData cancel = { cancellable, 3, 0 };
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_project_add_report (project, existing, NULL, NULL));

  summary = pc_project_import_files (project, (const char * const *) paths, cancel_progress_cb,
                                     &cancel, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);
  g_assert_cmpuint (cancel.calls, ==, 3);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 1);

  /* The project is still usable, and the same files import afterwards. */
  g_clear_error (&error);
  summary = pc_project_import_files (project, (const char * const *) paths, NULL, NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 6);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 7);
}

static void
test_import_duplicates_in_batch (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autofree char *path = corpus_file ("kaiping-2025.txt");
  const char *paths[] = { path, path, path, NULL };
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = pc_project_import_files (project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->duplicates, ==, 2);
  g_assert_cmpuint (summary->failed, ==, 0);
  g_assert_cmpuint (summary->errors->len, ==, 2);
  g_assert_cmpuint (pc_project_count_reports (project), ==, 1);
}

/* The same report saved with a BOM, in GB18030 or with CRLF line ends is the same
 * content; another report of the same agency and year is imported with a warning. */
static void
test_import_same_text (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autofree char *plain = g_test_build_filename (G_TEST_DIST, "data", "wuhan-2021.txt", NULL);
  g_autofree char *bom = g_test_build_filename (G_TEST_DIST, "data", "wuhan-2021.utf16le-bom.txt", NULL);
  g_autofree char *gb = g_test_build_filename (G_TEST_DIST, "data", "wuhan-2021.gb18030.txt", NULL);
  g_autofree char *crlf = g_test_build_filename (G_TEST_DIST, "data", "wuhan-2021.gb18030-crlf.txt", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "wuhan-2021-revised.txt", NULL);
  const char *paths[] = { plain, bom, gb, crlf, copy, NULL };
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) revised = NULL;

  /* a second version of the report: one sentence more */
  g_assert_true (g_file_get_contents (plain, &text, NULL, NULL));
  revised = g_string_new (text);
  g_assert_cmpuint (g_string_replace (revised, "良好氛围。", "良好氛围。全年未发生执法过错。", 1), ==, 1);
  write_file (copy, revised->str, revised->len);

  summary = pc_project_import_files (project, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 2);
  g_assert_cmpuint (summary->duplicates, ==, 3);
  g_assert_cmpuint (summary->failed, ==, 0);
  g_assert_cmpuint (summary->warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (summary->warnings, 0), "wuhan-2021-revised.txt"));
  g_assert_cmpuint (pc_project_count_reports (project), ==, 2);
}

static void
test_import_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PcProject) project = open_project (fixture->db_path);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autofree char *path = corpus_file (corpus_names[i]);

      g_ptr_array_add (contents, read_bytes (path));
      g_strv_builder_add (builder, corpus_names[i]);
    }
  g_ptr_array_add (contents, g_bytes_new_static ("", 0));
  g_strv_builder_add (builder, "empty.txt");
  names = g_strv_builder_end (builder);

  summary = pc_project_import_bytes (project, contents, (const char * const *) names,
                                     NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, G_N_ELEMENTS (corpus_names));
  g_assert_cmpuint (summary->failed, ==, 1);

  /* The same documents as files are the same content. */
  {
    g_autofree char *path = corpus_file (corpus_names[0]);
    g_autoptr(PcReport) from_file = pc_reader_read_file (path, NULL, &error);
    g_autoptr(PcReport) stored = NULL;

    g_assert_no_error (error);
    stored = pc_project_load_report (project, g_array_index (summary->ids, gint64, 0), &error);
    g_assert_no_error (error);
    assert_reports_equal (from_file, stored);
  }
}

/* A process killed in the middle of an import leaves the project as it was before. */
static void
kill_progress_cb (guint       done,
                  guint       total,
                  const char *path,
                  gpointer    user_data)
{
  KillMode mode = GPOINTER_TO_INT (user_data);

  if (done != 300)
    return;
  switch (mode)
    {
    case KILL_BY_SIGKILL:
      raise (SIGKILL);
      break;
    case KILL_BY_EXIT:
      _exit (0);
      break;
    case KILL_BY_TIMER:
      {
        /* SIGALRM ends the process at whatever point of reading or writing it has reached. */
        struct itimerval timer = { { 0, 0 }, { 0, 2000 } };

        setitimer (ITIMER_REAL, &timer, NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_import_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  KillMode mode = GPOINTER_TO_INT (data);
  g_autofree char *copies_dir = NULL;
  g_autofree char *wal_path = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_auto(GStrv) paths = NULL;
  gint64 n_sections;

  if (g_test_subprocess ())
    {
      g_autofree char *db_path = subprocess_db_path (fixture);
      g_autofree char *copies = g_build_filename (g_getenv ("PC_TEST_PARENT_DIR"), "copies",
                                                  NULL);
      g_autoptr(PcProject) project = open_project (db_path);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GDir) gdir = g_dir_open (copies, 0, NULL);
      g_autoptr(PcImportSummary) summary = NULL;
      const char *name;

      while ((name = g_dir_read_name (gdir)) != NULL)
        g_ptr_array_add (array, g_build_filename (copies, name, NULL));
      g_ptr_array_add (array, NULL);
      summary = pc_project_import_files (project, (const char * const *) array->pdata,
                                         kill_progress_cb, GINT_TO_POINTER (mode), NULL, NULL);
      /* Only the timer may let the import finish, on a machine fast enough. */
      g_assert_cmpint (mode, ==, KILL_BY_TIMER);
      for (;;)
        pause ();
    }

  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);
    g_autoptr(PcReport) report = make_report ("before");

    g_assert_true (pc_project_add_report (project, report, NULL, NULL));
  }
  copies_dir = g_build_filename (fixture->dir, "copies", NULL);
  g_assert_cmpint (g_mkdir (copies_dir, 0700), ==, 0);
  paths = write_distinct_copies (copies_dir, 400);
  n_sections = raw_int (fixture->db_path, "SELECT count(*) FROM sections");

  g_setenv ("PC_TEST_PARENT_DIR", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (mode == KILL_BY_EXIT)
    g_test_trap_assert_passed ();
  else
    g_test_trap_assert_failed ();

  /* The import had outgrown the page cache, so uncommitted pages were on disk. */
  wal_path = g_strconcat (fixture->db_path, "-wal", NULL);
  wal = file_bytes_or_null (wal_path);
  g_assert_nonnull (wal);
  g_assert_cmpuint (g_bytes_get_size (wal), >, 1024 * 1024);

  /* The child left its write-ahead log behind; opening recovers and keeps nothing of the
   * unfinished import. */
  {
    g_autoptr(PcProject) project = open_project (fixture->db_path);

    g_assert_cmpuint (pc_project_count_reports (project), ==, 1);
  }
  assert_integrity (fixture->db_path);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM sections"), ==, n_sections);
  assert_no_orphans (fixture->db_path);
}

/* Worker ------------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop       *loop;
  PcProjectWorker *worker;
  GThread         *main_thread;
  guint            progress_calls;
  guint            total;
  gboolean         finished;
  PcImportSummary *summary;
  GPtrArray       *reports;
  GError          *error;
} WorkerData;

static void
on_worker_progress_cb (guint       done,
                       guint       total,
                       const char *path,
                       gpointer    user_data)
{
  WorkerData *wd = user_data;

  g_assert_true (g_thread_self () == wd->main_thread);
  g_assert_false (wd->finished);
  wd->progress_calls++;
  g_assert_cmpuint (done, ==, wd->progress_calls);
  g_assert_cmpuint (total, ==, wd->total);
  g_assert_nonnull (path);
}

static void
on_worker_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WorkerData *wd = user_data;

  g_assert_true (g_thread_self () == wd->main_thread);
  wd->reports = pc_project_worker_list_reports_finish (PC_PROJECT_WORKER (source), result,
                                                       &wd->error);
  g_main_loop_quit (wd->loop);
}

static void
on_worker_imported_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  WorkerData *wd = user_data;

  g_assert_true (g_thread_self () == wd->main_thread);
  wd->finished = TRUE;
  wd->summary = pc_project_worker_import_finish (PC_PROJECT_WORKER (source), result,
                                                 &wd->error);
  if (wd->error != NULL)
    {
      g_main_loop_quit (wd->loop);
      return;
    }
  pc_project_worker_list_reports_async (wd->worker, NULL, on_worker_listed_cb, wd);
}

static void
on_worker_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WorkerData *wd = user_data;

  g_assert_true (g_thread_self () == wd->main_thread);
  if (!pc_project_worker_open_finish (PC_PROJECT_WORKER (source), result, &wd->error))
    g_main_loop_quit (wd->loop);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("The worker did not answer in time");
  return G_SOURCE_REMOVE;
}

static void
test_worker_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PcProjectWorker) worker = pc_project_worker_new (fixture->db_path);
  g_auto(GStrv) paths = write_distinct_copies (fixture->dir, 12);
  WorkerData wd = { loop, worker, g_thread_self (), 0, 12 };
  guint timeout_id;

  g_assert_cmpstr (pc_project_worker_get_path (worker), ==, fixture->db_path);

  /* Requests queue up in order: the import runs once the open has finished. */
  pc_project_worker_open_async (worker, NULL, on_worker_opened_cb, &wd);
  pc_project_worker_import_async (worker, (const char * const *) paths, on_worker_progress_cb,
                                  &wd, NULL, on_worker_imported_cb, &wd);
  timeout_id = g_timeout_add_seconds (60, on_timeout_cb, NULL);
  g_main_loop_run (loop);
  g_source_remove (timeout_id);

  g_assert_no_error (wd.error);
  g_assert_cmpuint (wd.progress_calls, ==, 12);
  g_assert_nonnull (wd.summary);
  g_assert_cmpuint (wd.summary->imported, ==, 12);
  g_assert_nonnull (wd.reports);
  g_assert_cmpuint (wd.reports->len, ==, 12);
  for (guint i = 0; i < wd.reports->len; i++)
    {
      PcReport *report = g_ptr_array_index (wd.reports, i);

      g_assert_cmpint (pc_report_get_id (report), ==,
                       g_array_index (wd.summary->ids, gint64, i));
      g_assert_cmpuint (g_list_model_get_n_items (pc_report_get_sections (report)), >, 0);
    }

  /* Disposing stops the thread and closes the database. */
  g_clear_object (&worker);
  g_clear_pointer (&wd.summary, pc_import_summary_free);
  g_clear_pointer (&wd.reports, g_ptr_array_unref);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 12 + 1);
  assert_integrity (fixture->db_path);
}

static void
test_worker_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PcProjectWorker) worker = pc_project_worker_new (fixture->db_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) paths = write_distinct_copies (fixture->dir, 3);
  WorkerData wd = { loop, worker, g_thread_self (), 0, 3 };

  pc_project_worker_open_async (worker, NULL, on_worker_opened_cb, &wd);
  g_cancellable_cancel (cancellable);
  pc_project_worker_import_async (worker, (const char * const *) paths, on_worker_progress_cb,
                                  &wd, cancellable, on_worker_imported_cb, &wd);
  g_main_loop_run (loop);

  g_assert_error (wd.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (wd.summary);
  g_assert_cmpuint (wd.progress_calls, ==, 0);
  g_clear_error (&wd.error);
}

static void
test_worker_open_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PcProjectWorker) worker = NULL;
  WorkerData wd = { loop, NULL, g_thread_self (), 0, 0 };

  write_file (fixture->db_path, "not a database, only text", 25);
  worker = pc_project_worker_new (fixture->db_path);
  wd.worker = worker;
  pc_project_worker_open_async (worker, NULL, on_worker_opened_cb, &wd);
  g_main_loop_run (loop);
  g_assert_error (wd.error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN);
  g_clear_error (&wd.error);

  /* Without an open project, requests fail instead of touching the file. */
  pc_project_worker_list_reports_async (worker, NULL, on_worker_listed_cb, &wd);
  g_main_loop_run (loop);
  g_assert_error (wd.error, PC_PROJECT_ERROR, PC_PROJECT_ERROR_OPEN);
  g_assert_null (wd.reports);
  g_clear_error (&wd.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/project/migrations/fresh", test_migrations_fresh);
  ADD ("/project/migrations/reopen", test_migrations_reopen);
  ADD ("/project/migrations/upgrade-backup", test_migrations_upgrade_backup);
  ADD ("/project/migrations/each-step", test_migrations_each_step);
  ADD ("/project/migrations/annotation-items", test_migrations_annotation_items);
  ADD ("/project/open/too-new", test_open_too_new);
  ADD ("/project/open/garbage", test_open_garbage);
  ADD ("/project/open/truncated", test_open_truncated);
  ADD ("/project/open/foreign", test_open_foreign);
  ADD ("/project/open/owner-thread", test_owner_thread);
  ADD ("/project/report/round-trip", test_report_round_trip);
  ADD ("/project/report/duplicate", test_report_duplicate);
  ADD ("/project/report/not-found", test_report_not_found);
  ADD ("/project/report/rejected-rolls-back", test_report_rejected_rolls_back);
  ADD ("/project/backup", test_backup);
  ADD ("/project/import/corpus", test_import_corpus);
  ADD ("/project/import/partial", test_import_partial);
  ADD ("/project/import/duplicates-in-batch", test_import_duplicates_in_batch);
  ADD ("/project/import/same-text", test_import_same_text);
  ADD ("/project/import/cancel", test_import_cancel);
  ADD ("/project/import/bytes", test_import_bytes);
  ADD_DATA ("/project/import/killed/sigkill", GINT_TO_POINTER (KILL_BY_SIGKILL),
            test_import_killed);
  ADD_DATA ("/project/import/killed/exit", GINT_TO_POINTER (KILL_BY_EXIT), test_import_killed);
  ADD_DATA ("/project/import/killed/timer", GINT_TO_POINTER (KILL_BY_TIMER), test_import_killed);
  ADD ("/project/worker/round-trip", test_worker_round_trip);
  ADD ("/project/worker/cancel", test_worker_cancel);
  ADD ("/project/worker/open-error", test_worker_open_error);

#undef ADD
#undef ADD_DATA

  return g_test_run ();
}

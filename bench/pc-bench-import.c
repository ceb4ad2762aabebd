/* pc-bench-import.c — how fast a batch of reports goes into a fresh project.
 *
 *   pc-bench-import N [--corpus DIR] [--keep]
 *
 * Reads every file of DIR once, makes N distinct documents of them (each a corpus file with
 * a unique ASCII last line, so none is refused as a duplicate; that suits text in UTF-8 or
 * GB18030, while formats that cannot take trailing bytes, such as UTF-16 or DOCX, fail and
 * are counted as failed), and imports them all into a new
 * temporary project through pc_project_import_bytes(): the reader and the store, as an
 * import of files runs them. Preparing the documents is not timed. A second, reader-only
 * pass over the same documents tells how the time splits between reading and storing.
 *
 * Copyright 2025 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-bench-import"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "pc-extract.h"
#include "pc-project.h"
#include "pc-reader.h"

typedef struct
{
  GPtrArray *contents;  /* GBytes */
  GStrv      names;
  guint64    n_bytes;
} Batch;

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->contents, g_ptr_array_unref);
  g_clear_pointer (&batch->names, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

static GPtrArray *
read_corpus (const char  *dir_path,
             GStrv       *out_names,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;
      gsize len = 0;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &contents, &len, error))
        return NULL;
      g_ptr_array_add (files, g_bytes_new_take (contents, len));
      g_ptr_array_add (names, g_strdup (name));
    }
  if (files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No files in %s", dir_path);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  *out_names = (GStrv) g_ptr_array_steal (names, NULL);
  return g_steal_pointer (&files);
}

static void
make_batch (Batch      *batch,
            GPtrArray  *corpus,
            GStrv       corpus_names,
            guint       n)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  batch->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < n; i++)
    {
      GBytes *source = g_ptr_array_index (corpus, i % corpus->len);
      const char *data = g_bytes_get_data (source, NULL);
      gsize size = g_bytes_get_size (source);
      /* A line of its own before the report: the copies differ in their opening, as
       * different reports do (a line after the signature would go with the page's trailing
       * links, and the same opening would make every copy a candidate duplicate). */
      g_autofree char *line = g_strdup_printf ("(copy %u)\n", i);
      g_autofree char *name = g_strdup_printf ("%05u-%s", i, corpus_names[i % corpus->len]);
      GByteArray *copy = g_byte_array_sized_new (size + strlen (line));

      g_byte_array_append (copy, (const guint8 *) line, strlen (line));
      g_byte_array_append (copy, (const guint8 *) data, size);
      batch->n_bytes += copy->len;
      g_ptr_array_add (batch->contents, g_byte_array_free_to_bytes (copy));
      g_strv_builder_add (names, name);
    }
  batch->names = g_strv_builder_end (names);
}

/* The reader alone, over the same documents. */
static double
time_reader_only (Batch *batch)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < batch->contents->len; i++)
    {
      g_autoptr(PcExtraction) extraction = NULL;
      g_autoptr(PcReport) report = NULL;

      extraction = pc_extract_bytes (g_ptr_array_index (batch->contents, i), batch->names[i],
                                     NULL, NULL);
      if (extraction != NULL)
        report = pc_reader_read_extraction (extraction, batch->names[i], NULL);
    }
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
print_summary (PcImportSummary *summary,
               guint            n)
{
  g_print ("imported:      %u (duplicates %u, failed %u) of %u\n",
           summary->imported, summary->duplicates, summary->failed, n);
  for (guint i = 0; i < summary->errors->len && i < 5; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (summary->errors, i));
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (goffset) buf.st_size : 0;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus_dir = NULL;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus_dir, "Directory of reports to copy", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the project file", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("N — import N copies of the corpus");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_auto(GStrv) corpus_names = NULL;
  g_auto(Batch) batch = { 0 };
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcImportSummary) summary = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *wal_path = NULL;
  struct rusage usage;
  goffset db_size, wal_size;
  gint64 start;
  double seconds, reader_seconds;
  guint n;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: pc-bench-import N [--corpus DIR]");
      return EXIT_FAILURE;
    }
  n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (n == 0)
    {
      g_printerr ("N must be a positive number\n");
      return EXIT_FAILURE;
    }
  if (corpus_dir == NULL)
    corpus_dir = g_strdup (SAMPLES_SRCDIR);

  corpus = read_corpus (corpus_dir, &corpus_names, &error);
  if (corpus == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  make_batch (&batch, corpus, corpus_names, n);

  dir = g_dir_make_tmp ("pc-bench-import-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  db_path = g_build_filename (dir, "bench.pingcha", NULL);
  wal_path = g_strconcat (db_path, "-wal", NULL);
  project = pc_project_open (db_path, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  start = g_get_monotonic_time ();
  summary = pc_project_import_bytes (project, batch.contents, (const char * const *) batch.names,
                                     NULL, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (summary == NULL)
    {
      g_printerr ("Import failed: %s\n", error->message);
      return EXIT_FAILURE;
    }
  wal_size = file_size (wal_path);
  g_clear_object (&project);
  db_size = file_size (db_path);
  getrusage (RUSAGE_SELF, &usage);

  reader_seconds = time_reader_only (&batch);

  g_print ("corpus:        %u files from %s\n", corpus->len, corpus_dir);
  print_summary (summary, n);
  g_print ("total:         %.3f s\n", seconds);
  g_print ("rate:          %.1f reports/s, %.2f MB/s of input (%.2f MB)\n",
           n / seconds, batch.n_bytes / 1e6 / seconds, batch.n_bytes / 1e6);
  g_print ("reader alone:  %.3f s (%.0f%%); storing: %.3f s\n",
           reader_seconds, 100.0 * reader_seconds / seconds, MAX (seconds - reader_seconds, 0));
  g_print ("peak memory:   %.1f MB (ru_maxrss, input documents included)\n",
           usage.ru_maxrss / 1024.0);
  g_print ("project file:  %.2f MB (WAL before close: %.2f MB)\n", db_size / 1e6, wal_size / 1e6);

  if (keep)
    g_print ("kept:          %s\n", db_path);
  else
    remove_dir (dir);
  return summary->imported == n ? EXIT_SUCCESS : EXIT_FAILURE;
}

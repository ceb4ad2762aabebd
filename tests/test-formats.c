/* test-formats.c — every format of a report reads into the same section tree as its text.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-formats"

#include "config.h"

#include <string.h>

#include "pc-reader.h"
#include "pc-report.h"
#include "pc-section.h"

static const char *reports[] = {
  "kaiping-2025", "pingshan-2024", "pudong-2023", "wuhan-2021", "zhangzhou-2023",
};

static const char *variants[] = {
  ".gb18030.txt", ".html", ".docx", ".pdf",
};

/* Titles compared as the corpus README says: full-width ASCII folded, （）as (), no white
 * space. */
static char *
fold_title (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0)
        continue;
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
flatten_sections (GListModel *sections,
                  GPtrArray  *out)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      g_autofree char *title = fold_title (pc_section_get_title (section));

      g_ptr_array_add (out, g_strdup_printf ("%u %u %s", pc_section_get_level (section),
                                             pc_section_get_number (section), title));
      flatten_sections (pc_section_get_children (section), out);
    }
}

static GPtrArray *
read_sections (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcReport) report = NULL;
  GPtrArray *flat = g_ptr_array_new_with_free_func (g_free);

  report = pc_reader_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  flatten_sections (pc_report_get_sections (report), flat);

  return flat;
}

static void
assert_same_sections (GPtrArray  *expected,
                      GPtrArray  *actual,
                      const char *what)
{
  for (guint i = 0; i < MIN (expected->len, actual->len); i++)
    if (g_strcmp0 (expected->pdata[i], actual->pdata[i]) != 0)
      g_error ("%s: section %u differs from the text's:\n  txt  %s\n  got  %s", what, i,
               (char *) expected->pdata[i], (char *) actual->pdata[i]);
  if (expected->len != actual->len)
    g_error ("%s: %u sections, the text has %u", what, actual->len, expected->len);
}

static void
test_report_formats (gconstpointer data)
{
  const char *report = data;
  g_autofree char *text_name = g_strconcat (report, ".txt", NULL);
  g_autoptr(GPtrArray) expected = read_sections (text_name);

  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *name = g_strconcat (report, variants[i], NULL);
      g_autoptr(GPtrArray) actual = read_sections (name);

      g_test_message ("%s: %u sections", name, actual->len);
      assert_same_sections (expected, actual, name);
    }
}

static PcReport *
read_report (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  PcReport *report = pc_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The document number and the dates read the same from every format: a PDF written by
 * LibreOffice spaces "2023 年 12 月 8 日" and "〔2023〕92 号". */
static void
test_report_metadata (gconstpointer data)
{
  const char *report = data;
  g_autofree char *text_name = g_strconcat (report, ".txt", NULL);
  g_autoptr(PcReport) expected = read_report (text_name);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *name = g_strconcat (report, variants[i], NULL);
      g_autoptr(PcReport) actual = read_report (name);
      g_autofree char *want_title = fold_title (pc_report_get_title (expected));
      g_autofree char *got_title = fold_title (pc_report_get_title (actual));

      g_test_message ("%s", name);
      g_assert_cmpstr (got_title, ==, want_title);
      g_assert_cmpstr (pc_report_get_agency (actual), ==, pc_report_get_agency (expected));
      g_assert_cmpuint (pc_report_get_year (actual), ==, pc_report_get_year (expected));
      g_assert_cmpstr (pc_report_get_doc_number (actual), ==, pc_report_get_doc_number (expected));
      g_assert_cmpstr (pc_report_get_signed (actual), ==, pc_report_get_signed (expected));
    }
}

static void
test_numbered_docx (void)
{
  static const char *names[] = {
    "pudong-2023-numbered.docx", "pudong-2023-numbered-lo.docx", "pudong-2023-numbered.pdf",
  };
  g_autoptr(GPtrArray) expected = read_sections ("pudong-2023.txt");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) actual = read_sections (names[i]);

      assert_same_sections (expected, actual, names[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *path = g_strdup_printf ("/formats/sections/%s", reports[i]);

      g_autofree char *meta_path = g_strdup_printf ("/formats/metadata/%s", reports[i]);

      g_test_add_data_func (path, reports[i], test_report_formats);
      g_test_add_data_func (meta_path, reports[i], test_report_metadata);
    }
  g_test_add_func ("/formats/sections/pudong-2023-numbered", test_numbered_docx);

  return g_test_run ();
}

/* test-checklist.c — the shipped outline, custom checklists and the REFI-QDA export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pc-checklist.h"

static void
test_default (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  double total = pc_checklist_get_form_max_points (checklist);

  g_assert_cmpstr (pc_checklist_get_id (checklist), ==, PC_CHECKLIST_DEFAULT_ID);
  g_assert_nonnull (pc_checklist_get_version (checklist));
  g_assert_cmpuint (pc_checklist_get_n_chapters (checklist), ==, 10);
  g_assert_cmpuint (pc_checklist_get_n_items (checklist), ==, 35);
  for (guint code = 1; code <= 35; code++)
    {
      const PcChecklistItem *item = pc_checklist_find_item (checklist, code);

      g_assert_cmpuint (item->code, ==, code);
      g_assert_true (g_strv_length (item->phrases) > 0);
      g_assert_cmpint (item->applicable, ==, code != 21);  /* 行政裁决 is N/A by default */
      total += pc_checklist_get_item_max_points (checklist, code);
    }
  g_assert_cmpfloat_with_epsilon (total, 100.0, 1e-6);
  g_assert_cmpstr (pc_checklist_find_item (checklist, 14)->title, ==, "加大重点领域执法力度");
  g_assert_cmpfloat (pc_checklist_get_deduction_points (checklist, "missing-part"), >, 0);
  g_assert_cmpstr (pc_checklist_grade_for (checklist, 95), ==, "优秀");
  g_assert_cmpstr (pc_checklist_grade_for (checklist, 60), ==, "合格");
  g_assert_cmpstr (pc_checklist_grade_for (checklist, 59.9), ==, "不合格");
}

static void
test_round_trip (void)
{
  g_autoptr(PcChecklist) original = pc_checklist_new_default ();
  g_autoptr(PcChecklist) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pingcha-checklist-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "province.json", NULL);

  /* A province's own system: other weights, 行政裁决 applicable, stricter grades. */
  g_assert_true (pc_checklist_set_item_weight (original, 14, 3.5));
  g_assert_true (pc_checklist_set_item_applicable (original, 21, TRUE));
  g_assert_true (pc_checklist_set_block_points (original, "enforcement", 25));
  g_assert_true (pc_checklist_set_grade_min (original, "优秀", 92));
  pc_checklist_set_deduction_points (original, "late-publication", 4);
  g_assert_true (pc_checklist_save_to_file (original, path, &error));
  g_assert_no_error (error);

  imported = pc_checklist_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (pc_checklist_equal (original, imported));
  g_assert_cmpfloat (pc_checklist_find_item (imported, 14)->weight, ==, 3.5);
  g_assert_true (pc_checklist_find_item (imported, 21)->applicable);
  g_assert_cmpfloat (pc_checklist_get_deduction_points (imported, "late-publication"), ==, 4);
  g_assert_cmpstr (pc_checklist_grade_for (imported, 91), ==, "良好");

  g_remove (path);
  g_rmdir (dir);
}

static void
test_invalid (void)
{
  static const struct { const char *json; int code; const char *needle; } cases[] = {
    { "{", PC_CHECKLIST_ERROR_PARSE, NULL },
    { "[]", PC_CHECKLIST_ERROR_INVALID, NULL },
    { "{\"format\": \"other\"}", PC_CHECKLIST_ERROR_INVALID, "format" },
    { "{\"format\": \"pingcha-checklist\", \"format_version\": 1, \"id\": \"x\", \"version\": \"1\","
      " \"title\": \"t\", \"chapters\": []}", PC_CHECKLIST_ERROR_INVALID, "chapters" },
    { "{\"format\": \"pingcha-checklist\", \"format_version\": 1, \"id\": \"x\", \"version\": \"1\","
      " \"title\": \"t\", \"chapters\": [{\"number\": 1, \"title\": \"c\"}],"
      " \"blocks\": [{\"id\": \"b\", \"points\": 10}],"
      " \"items\": [{\"code\": 1, \"chapter\": 1, \"block\": \"nope\", \"title\": \"i\", \"weight\": 1}]}",
      PC_CHECKLIST_ERROR_INVALID, "nope" },
    { "{\"format\": \"pingcha-checklist\", \"format_version\": 1, \"id\": \"x\", \"version\": \"1\","
      " \"title\": \"t\", \"chapters\": [{\"number\": 1, \"title\": \"c\"}],"
      " \"blocks\": [{\"id\": \"b\", \"points\": 10}],"
      " \"items\": [{\"code\": 1, \"chapter\": 1, \"block\": \"b\", \"title\": \"i\", \"weight\": -2}]}",
      PC_CHECKLIST_ERROR_INVALID, "weight" },
    { "{\"format\": \"pingcha-checklist\", \"format_version\": 9}", PC_CHECKLIST_ERROR_INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PcChecklist) checklist = pc_checklist_new_from_data (cases[i].json, -1, &error);

      g_assert_null (checklist);
      g_assert_error (error, PC_CHECKLIST_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      if (cases[i].needle)
        g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* The default outline as JSON with @old replaced by @new (exactly once). */
static char *
default_json_with (const char *old,
                   const char *new)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autofree char *json = pc_checklist_to_json (checklist);
  const char *at = strstr (json, old);
  g_autoptr(GString) edited = g_string_new (json);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  g_string_replace (edited, old, new, 1);
  return g_string_free (g_steal_pointer (&edited), FALSE);
}

static void
assert_refused (const char *json,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_from_data (json, -1, &error);

  g_assert_null (checklist);
  g_assert_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_invalid_grades (void)
{
  g_autofree char *swapped = default_json_with ("\"min\" : 90", "\"min\" : 60");
  g_autofree char *equal = default_json_with ("\"min\" : 90", "\"min\" : 80");
  g_autofree char *no_zero = default_json_with ("\"min\" : 0", "\"min\" : 10");
  g_autofree char *above = default_json_with ("\"min\" : 90", "\"min\" : 101");

  /* 优秀 from 60 but 良好 from 80: a failing total would come out 优秀. */
  assert_refused (swapped, "良好");
  assert_refused (equal, "良好");
  assert_refused (no_zero, "不合格");
  assert_refused (above, "100");
}

static void
test_zero_weight_block (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(PcChecklist) all_na = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  /* Every item of 行政执法 (13–16) weighing nothing: its 20 points would vanish. */
  for (guint code = 13; code <= 16; code++)
    g_assert_true (pc_checklist_set_item_weight (checklist, code, 0));
  json = pc_checklist_to_json (checklist);
  assert_refused (json, "enforcement");

  /* Every item of a block not applicable is a reviewer's choice, and stays allowed. */
  g_clear_object (&checklist);
  g_clear_pointer (&json, g_free);
  checklist = pc_checklist_new_default ();
  for (guint code = 20; code <= 23; code++)
    g_assert_true (pc_checklist_set_item_applicable (checklist, code, FALSE));
  json = pc_checklist_to_json (checklist);
  all_na = pc_checklist_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (all_na);
}

/* "max_points" is derived: a file that edits it is read with the computed figure, and
 * says which items it recomputed. */
static void
test_max_points_note (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(PcChecklist) as_exported = NULL;
  g_autoptr(PcChecklist) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = pc_checklist_to_json (checklist);
  g_autofree char *edited_json = NULL;
  g_autofree char *note = NULL;
  g_autofree char *unchanged = NULL;

  as_exported = pc_checklist_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  unchanged = pc_checklist_dup_recomputed_note (as_exported);
  g_assert_null (unchanged);

  /* Item 14's maximum, right after its weight. */
  edited_json = default_json_with ("\"weight\" : 5,\n      \"applicable\" : true,\n      \"max_points\" : 5\n"
                                   "    },\n    {\n      \"code\" : 15",
                                   "\"weight\" : 5,\n      \"applicable\" : true,\n      \"max_points\" : 10\n"
                                   "    },\n    {\n      \"code\" : 15");
  edited = pc_checklist_new_from_data (edited_json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (pc_checklist_get_item_max_points (edited, 14), 5, 1e-9);
  note = pc_checklist_dup_recomputed_note (edited);
  g_assert_nonnull (note);
  g_test_message ("%s", note);
  g_assert_nonnull (strstr (note, "14 → 5"));
  g_assert_null (strstr (note, "13"));
}

static guint
count_codes (xmlNode  *node,
             guint    *codable,
             gboolean  top)
{
  guint n = 0;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree xmlChar *flag = NULL;
      g_autofree xmlChar *guid = NULL;
      g_autofree xmlChar *name = NULL;

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST "Code"))
        continue;
      n++;
      flag = xmlGetProp (child, BAD_CAST "isCodable");
      guid = xmlGetProp (child, BAD_CAST "guid");
      name = xmlGetProp (child, BAD_CAST "name");
      g_assert_nonnull (guid);
      g_assert_nonnull (name);
      if (xmlStrEqual (flag, BAD_CAST "true"))
        (*codable)++;
      g_assert_true (!top || xmlStrEqual (flag, BAD_CAST "false"));
      n += count_codes (child, codable, FALSE);
    }
  return n;
}

static void
test_qdc (void)
{
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = pc_checklist_to_qdc (checklist, &error);
  xmlDocPtr doc;
  xmlNode *root, *codes;
  guint codable = 0, all;

  g_assert_no_error (error);
  doc = xmlReadMemory (xml, strlen (xml), "codebook.qdc", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "CodeBook");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "urn:QDA-XML:codebook:1.0");
  codes = root->children;
  while (codes && codes->type != XML_ELEMENT_NODE)
    codes = codes->next;
  g_assert_cmpstr ((const char *) codes->name, ==, "Codes");
  all = count_codes (codes, &codable, TRUE);
  g_assert_cmpuint (codable, ==, 35);
  g_assert_cmpuint (all, ==, 45);
  xmlFreeDoc (doc);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/default", test_default);
  g_test_add_func ("/checklist/round-trip", test_round_trip);
  g_test_add_func ("/checklist/invalid", test_invalid);
  g_test_add_func ("/checklist/invalid/grades", test_invalid_grades);
  g_test_add_func ("/checklist/invalid/zero-weight-block", test_zero_weight_block);
  g_test_add_func ("/checklist/max-points-note", test_max_points_note);
  g_test_add_func ("/checklist/qdc", test_qdc);

  return g_test_run ();
}

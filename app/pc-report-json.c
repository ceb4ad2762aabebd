/* pc-report-json.c — a report's reading as JSON, in the schema of shared/corpus/expected.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-report-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "pc-report.h"

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_range (JsonBuilder *b,
           PcRange      range)
{
  json_builder_set_member_name (b, "range");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, range.start);
  json_builder_add_int_value (b, range.end);
  json_builder_end_array (b);
}

static void
add_sections (JsonBuilder *b,
              GListModel  *sections)
{
  guint n = g_list_model_get_n_items (sections);

  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcSection) section = g_list_model_get_item (sections, i);
      guint number = pc_section_get_number (section);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "level");
      json_builder_add_int_value (b, pc_section_get_level (section));
      json_builder_set_member_name (b, "number");
      if (number)
        json_builder_add_int_value (b, number);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "title", pc_section_get_title (section));
      add_string_or_null (b, "label", pc_section_get_label (section));
      add_string_or_null (b, "path", pc_section_get_path (section));
      add_range (b, pc_section_get_range (section));
      json_builder_set_member_name (b, "children");
      add_sections (b, pc_section_get_children (section));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_parts (JsonBuilder *b,
           GPtrArray   *parts)
{
  json_builder_begin_object (b);
  for (guint i = 0; i < parts->len; i++)
    {
      PcPart *part = g_ptr_array_index (parts, i);

      json_builder_set_member_name (b, part->key);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "present");
      json_builder_add_boolean_value (b, part->present);
      add_string_or_null (b, "section", part->section);
      json_builder_set_member_name (b, "own_section");
      json_builder_add_boolean_value (b, part->own_section);
      if (part->present)
        add_range (b, part->range);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
add_findings (JsonBuilder *b,
              GPtrArray   *findings)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      PcFinding *finding = g_ptr_array_index (findings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, finding->code);
      if (finding->part)
        add_string_or_null (b, "part", finding->part);
      if (finding->section)
        add_string_or_null (b, "section", finding->section);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, finding->note ? finding->note
                                                      : pc_finding_code_describe (finding->code));
      add_range (b, finding->range);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * pc_report_to_json:
 *
 * Returns: (transfer full): the reading as a JSON object: the keys of the corpus expected
 *   files (title, agency, year, published, doc_number, sections, parts, findings) and more
 */
char *
pc_report_to_json (PcReport *self,
                   gboolean  pretty)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint year = pc_report_get_year (self);

  g_return_val_if_fail (PC_IS_REPORT (self), NULL);

  json_builder_begin_object (b);
  add_string_or_null (b, "report", pc_report_get_source_name (self));
  add_string_or_null (b, "title", pc_report_get_title (self));
  add_string_or_null (b, "agency", pc_report_get_agency (self));
  json_builder_set_member_name (b, "year");
  if (year)
    json_builder_add_int_value (b, year);
  else
    json_builder_add_null_value (b);
  add_string_or_null (b, "published", pc_report_get_date (self));
  add_string_or_null (b, "doc_number", pc_report_get_doc_number (self));
  add_string_or_null (b, "addressee", pc_report_get_addressee (self));
  add_string_or_null (b, "publication_date", pc_report_get_published (self));
  add_string_or_null (b, "signature_date", pc_report_get_signed (self));
  add_string_or_null (b, "format", pc_source_format_to_string (pc_report_get_source_format (self)));
  add_string_or_null (b, "encoding", pc_report_get_encoding (self));
  add_string_or_null (b, "content_hash", pc_report_get_content_hash (self));
  json_builder_set_member_name (b, "length");
  json_builder_add_int_value (b, pc_report_get_length (self));
  json_builder_set_member_name (b, "sections");
  add_sections (b, pc_report_get_sections (self));
  json_builder_set_member_name (b, "parts");
  add_parts (b, pc_report_get_parts (self));
  json_builder_set_member_name (b, "findings");
  add_findings (b, pc_report_get_findings (self));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}

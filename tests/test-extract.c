/* test-extract.c — the extraction layer on real fixtures made from the corpus reports.
 *
 * Copyright 2024 The Pingcha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-extract"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pc-error.h"
#include "pc-extract.h"

static const char *reports[] = {
  "kaiping-2025", "pingshan-2024", "pudong-2023", "wuhan-2021", "zhangzhou-2023",
};

/* Text the fixture pages put around the report and that must never reach the extraction. */
static const char *page_chrome[] = {
  "_hmt", "脚本写入的文字", "样式表注释", "无障碍浏览", "长者模式", "网站地图",
  "请输入关键词", "全站搜索", "搜索按钮", "分享到", "您的浏览器不支持脚本",
  "相关文章框架", "版权所有", "ICP备案号", "页面统计", "门户网站标志", "法治政府建设年度报告_政务公开",
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
fixture_name (const char *report,
              const char *suffix)
{
  return g_strconcat (report, suffix, NULL);
}

static PcExtraction *
extract_fixture (const char  *name,
                 GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return pc_extract_file (path, NULL, error);
}

static PcExtraction *
extract_fixture_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  PcExtraction *extraction = extract_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  g_assert_nonnull (extraction->text);
  g_assert_true (g_utf8_validate (extraction->text, -1, NULL));
  return extraction;
}

static char *
read_fixture_text (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Lines without white space and with （） folded to (), blank lines dropped: what survives
 * any faithful conversion of the report. */
static GPtrArray *
comparable_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      GString *line = g_string_new (NULL);

      for (const char *p = lines[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x2002 || c == 0x3000)
            continue;
          if (c == 0xFF08)
            c = '(';
          else if (c == 0xFF09)
            c = ')';
          g_string_append_unichar (line, c);
        }
      if (line->len > 0)
        g_ptr_array_add (out, g_string_free (line, FALSE));
      else
        g_string_free (line, TRUE);
    }

  return out;
}

static void
assert_same_paragraphs (const char *expected,
                        const char *actual,
                        const char *what)
{
  g_autoptr(GPtrArray) want = comparable_lines (expected);
  g_autoptr(GPtrArray) got = comparable_lines (actual);

  for (guint i = 0; i < MIN (want->len, got->len); i++)
    if (g_strcmp0 (want->pdata[i], got->pdata[i]) != 0)
      g_error ("%s: paragraph %u differs:\n  want %s\n  got  %s", what, i,
               (char *) want->pdata[i], (char *) got->pdata[i]);
  g_assert_cmpuint (got->len, ==, want->len);
}

static void
assert_no_empty_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* The text ends with a newline, so the last piece is empty. */
  for (guint i = 0; i + 1 < n; i++)
    g_assert_cmpstr (g_strstrip (lines[i]), !=, "");
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static gboolean
has_line_starting_with (const char *text,
                        const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return TRUE;
  return FALSE;
}

/* ---- Sniffing --------------------------------------------------------------------------- */

static void
test_sniff (void)
{
  static const guint8 pdf[] = "%PDF-1.7\n";
  static const guint8 html[] = "\xef\xbb\xbf\n  <!DOCTYPE html><html><body><p>正文</p>";
  static const guint8 fragment[] = "<div class=\"x\">正文</div>";
  static const guint8 text[] = "一、基本情况\n<p> is not markup when the text starts so.\n";
  static const guint8 ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0";
  static const guint8 zip[] = "PK\x03\x04\x14\0\0\0word/document.xml";
  static const guint8 other_zip[] = "PK\x03\x04\x14\0\0\0content.xml";

  g_assert_cmpint (pc_extract_sniff (pdf, sizeof pdf - 1, "a.txt"), ==, PC_SOURCE_FORMAT_PDF);
  g_assert_cmpint (pc_extract_sniff (html, sizeof html - 1, "a.txt"), ==, PC_SOURCE_FORMAT_HTML);
  g_assert_cmpint (pc_extract_sniff (fragment, sizeof fragment - 1, NULL), ==,
                   PC_SOURCE_FORMAT_HTML);
  g_assert_cmpint (pc_extract_sniff (text, sizeof text - 1, "a.html"), ==, PC_SOURCE_FORMAT_TEXT);
  g_assert_cmpint (pc_extract_sniff (ole, sizeof ole - 1, "a.doc"), ==, PC_SOURCE_FORMAT_UNKNOWN);
  g_assert_cmpint (pc_extract_sniff (zip, sizeof zip - 1, "a.bin"), ==, PC_SOURCE_FORMAT_DOCX);
  g_assert_cmpint (pc_extract_sniff (other_zip, sizeof other_zip - 1, "a.odt"), ==,
                   PC_SOURCE_FORMAT_UNKNOWN);
  g_assert_cmpint (pc_extract_sniff (other_zip, sizeof other_zip - 1, "a.docx"), ==,
                   PC_SOURCE_FORMAT_DOCX);
}

static void
test_sniff_fixtures (void)
{
  static const struct
  {
    const char     *name;
    PcSourceFormat  format;
  } cases[] = {
    { "wuhan-2021.txt", PC_SOURCE_FORMAT_TEXT },
    { "wuhan-2021.gb18030.txt", PC_SOURCE_FORMAT_TEXT },
    { "wuhan-2021.html", PC_SOURCE_FORMAT_HTML },
    { "wuhan-2021.docx", PC_SOURCE_FORMAT_DOCX },
    { "wuhan-2021.pdf", PC_SOURCE_FORMAT_PDF },
    { "pudong-2023-numbered-lo.docx", PC_SOURCE_FORMAT_DOCX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (cases[i].name);

      g_assert_cmpint (extraction->format, ==, cases[i].format);
    }
}

static void
test_unsupported (void)
{
  static const guint8 ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old Word document";
  g_autoptr(GBytes) bytes = g_bytes_new_static (ole, sizeof ole - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = NULL;

  extraction = pc_extract_bytes (bytes, "report.doc", NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_UNSUPPORTED);
  g_assert_null (extraction);
}

static void
test_content_hash (void)
{
  g_autoptr(PcExtraction) extraction = extract_fixture_ok ("pudong-2023.docx");
  g_autofree char *path = fixture_path ("pudong-2023.docx");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, len);
  g_assert_cmpstr (extraction->content_hash, ==, expected);
  g_assert_cmpuint (strlen (extraction->content_hash), ==, 64);
}

/* ---- Text ------------------------------------------------------------------------------- */

static void
test_text_utf8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = fixture_name (reports[i], ".txt");
      g_autofree char *original = read_fixture_text (name);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (name);

      g_assert_cmpint (extraction->format, ==, PC_SOURCE_FORMAT_TEXT);
      g_assert_cmpstr (extraction->encoding, ==, "UTF-8");
      g_assert_cmpstr (extraction->text, ==, original);
    }
}

static void
test_text_gb18030 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = fixture_name (reports[i], ".gb18030.txt");
      g_autofree char *original_name = fixture_name (reports[i], ".txt");
      g_autofree char *original = read_fixture_text (original_name);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (name);

      g_assert_cmpstr (extraction->encoding, ==, "GB18030");
      g_assert_cmpstr (extraction->text, ==, original);
    }
}

static void
test_text_gb18030_crlf (void)
{
  g_autofree char *original = read_fixture_text ("wuhan-2021.txt");
  g_autoptr(PcExtraction) extraction = extract_fixture_ok ("wuhan-2021.gb18030-crlf.txt");
  g_autofree char *expected = NULL;

  g_assert_cmpstr (extraction->encoding, ==, "GB18030");
  g_assert_null (strchr (extraction->text, '\r'));
  /* The fixture ends every line, the original's last line has no newline. */
  expected = g_str_has_suffix (original, "\n") ? g_strdup (original)
                                               : g_strconcat (original, "\n", NULL);
  g_assert_cmpstr (extraction->text, ==, expected);
}

static void
test_text_utf16 (void)
{
  static const struct
  {
    const char *name;
    const char *original;
    const char *encoding;
  } cases[] = {
    { "wuhan-2021.utf16le-bom.txt", "wuhan-2021.txt", "UTF-16LE" },
    { "pudong-2023.utf16le.txt", "pudong-2023.txt", "UTF-16LE" },
    { "zhangzhou-2023.utf8-bom.txt", "zhangzhou-2023.txt", "UTF-8 (BOM)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *original = read_fixture_text (cases[i].original);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (cases[i].name);

      g_assert_cmpstr (extraction->encoding, ==, cases[i].encoding);
      g_assert_cmpstr (extraction->text, ==, original);
    }
}

static void
test_text_utf16be (void)
{
  g_autofree char *original = read_fixture_text ("pudong-2023.txt");
  g_autofree char *be = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  be = g_convert (original, -1, "UTF-16BE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  text = pc_extract_text ((const guint8 *) be, len, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-16BE");
  g_assert_cmpstr (text, ==, original);
}

static void
test_text_line_ends (void)
{
  static const char input[] = "\xef\xbb\xbf一、标题\r\n正文\r第三行\0\n\x0c第四行";
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GError) error = NULL;

  text = pc_extract_text ((const guint8 *) input, sizeof input - 1, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpstr (text, ==, "一、标题\n正文\n第三行\n\n第四行");
}

static void
assert_fixture_error (const char *name,
                      int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = extract_fixture (name, &error);

  g_test_message ("%s: %s", name, error != NULL ? error->message : "(no error)");
  g_assert_error (error, PC_IMPORT_ERROR, code);
  g_assert_null (extraction);
  g_assert_nonnull (error->message);
}

static void
test_text_broken (void)
{
  assert_fixture_error ("empty.txt", PC_IMPORT_ERROR_EMPTY);
  assert_fixture_error ("whitespace.txt", PC_IMPORT_ERROR_EMPTY);
  assert_fixture_error ("binary.txt", PC_IMPORT_ERROR_BINARY);
  assert_fixture_error ("invalid-utf8.txt", PC_IMPORT_ERROR_ENCODING);
}

/* Random high bytes are mostly valid GB18030 byte pairs, but decode to rare characters. */
static void
test_text_random_high_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241213);

  for (guint round = 0; round < 20; round++)
    {
      guint8 data[600];
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < sizeof data; i++)
        data[i] = (i % 7 == 6) ? ' ' : (guint8) g_rand_int_range (rand, 0x81, 0xff);
      text = pc_extract_text (data, sizeof data, NULL, &error);
      g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_ENCODING);
      g_assert_null (text);
    }
}

static void
test_text_big5_refused (void)
{
  /* 法治政府建設年度報告 in Big5: valid GBK byte pairs, but not Chinese read as GB18030. */
  static const guint8 big5[] = "\xaa\x6b\xaa\x76\xac\x46\xa9\xb2\xab\xd8\xb3\x5d\xa6\x7e\xab"
                               "\xd7\xb3\xf8\xa7\x69\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = pc_extract_text (big5, sizeof big5 - 1, NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_ENCODING);
  g_assert_null (text);
}

/* A few bytes valid as GBK and as Big5 are too little to tell them apart; a sentence is
 * enough. */
static void
test_text_tiny_ambiguous (void)
{
  static const char * const tiny[] = {
    "\xb7\xa8",                  /* 法 in GBK, 楊 in Big5 */
    "a\xb7\xa8",
    "\xc4\xe3\xba\xc3",          /* 你好 in GBK, 斕疑 in Big5 */
    "\xb1\xa8\xb8\xe6",          /* 报告 */
  };
  g_autofree char *sentence = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tiny); i++)
    {
      g_autoptr(GError) tiny_error = NULL;
      g_autofree char *tiny_text = NULL;

      tiny_text = pc_extract_text ((const guint8 *) tiny[i], strlen (tiny[i]), NULL, &tiny_error);
      g_assert_error (tiny_error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_ENCODING);
      g_assert_null (tiny_text);
    }

  sentence = g_convert ("加强法治政府建设。", -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  text = pc_extract_text ((const guint8 *) sentence, len, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_assert_cmpstr (text, ==, "加强法治政府建设。");
}

static void
test_too_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pingcha-extract-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  g_autoptr(PcExtraction) extraction = NULL;
  gint64 start;
  FILE *file;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.txt", NULL);
  line = g_strnfill (1023, 'a');
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  for (guint i = 0; i < 50 * 1024; i++)
    {
      fputs (line, file);
      fputc ('\n', file);
    }
  fclose (file);

  start = g_get_monotonic_time ();
  extraction = pc_extract_file (path, NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (extraction);
  /* Refused from the file's size: far quicker than reading and decoding 50 MB. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 5);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_too_many_chars (void)
{
  gsize len = PC_EXTRACT_MAX_TEXT_CHARS + 2;
  char *data = g_malloc (len);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = NULL;

  memset (data, 'x', len);
  data[len - 1] = '\n';
  bytes = g_bytes_new_take (data, len);
  extraction = pc_extract_bytes (bytes, "long.txt", NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (extraction);
}

/* ---- HTML ------------------------------------------------------------------------------- */

static void
test_html_reports (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = fixture_name (reports[i], ".html");
      g_autofree char *original_name = fixture_name (reports[i], ".txt");
      g_autofree char *original = read_fixture_text (original_name);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (name);

      g_assert_cmpint (extraction->format, ==, PC_SOURCE_FORMAT_HTML);
      assert_same_paragraphs (original, extraction->text, name);
      assert_no_empty_lines (extraction->text);
      for (guint j = 0; j < G_N_ELEMENTS (page_chrome); j++)
        if (strstr (extraction->text, page_chrome[j]) != NULL)
          g_error ("%s: page chrome “%s” was extracted", name, page_chrome[j]);
    }
}

static void
test_html_charset (void)
{
  static const struct
  {
    const char *name;
    const char *encoding;
  } cases[] = {
    { "pingshan-2024.html", "GB18030" },   /* <meta http-equiv … charset=gb2312> */
    { "wuhan-2021.html", "GB18030" },      /* <meta charset="GBK"> */
    { "pudong-2023.html", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (cases[i].name);

      g_assert_cmpstr (extraction->encoding, ==, cases[i].encoding);
    }

  {
    g_autoptr(PcExtraction) extraction = extract_fixture_ok ("pingshan-2024.html");

    g_assert_true (has_line (extraction->text, "一、2024年法治政府建设情况"));
    g_assert_true (has_line (extraction->text, "(一)加强党对法治政府建设工作的领导"));
    g_assert_true (has_line (extraction->text,
                             "信息来源:坪山区应急管理局 发布时间:2024-12-13 14:47:11"));
  }
}

static char *
extract_html_string (const char *html)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  char *text;

  text = pc_extract_html ((const guint8 *) html, strlen (html), &encoding, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_html_structure (void)
{
  g_autofree char *text = NULL;

  text = extract_html_string (
    "<html><head><title>标题栏</title></head><body>"
    "<div id=\"breadcrumb\">首页 &gt; 政务公开</div>"
    "<ul class=\"top-menu\"><li>菜单项</li></ul>"
    "<aside class=\"sidebar\">侧栏</aside>"
    "<article><header><h1>某局2024年法治政府建设年度报告</h1>"
    "<p>发布时间:2024-12-13&nbsp;&nbsp;信息来源:某局</p></header>"
    "<p>  第一段\n  跨行的中文\n文字，English   words\nand more.</p>"
    "<p>第二段<br>换行后<span style=\"display: none\">隐藏</span></p>"
    "<table><tr><td>索引号</td><td></td><td>发布机构</td><td>应急管理局</td></tr>"
    "<tr><th>公开类别</th><td>主动公开</td></tr></table>"
    "<div>块<div>嵌套</div>尾</div>"
    "<footer>本文完</footer></article>"
    "<footer>页脚版权</footer><div class=\"share-box\">分享</div>"
    "<form><label>标签</label><input value=\"输入\"><textarea>文本框</textarea></form>"
    "</body></html>");

  g_assert_cmpstr (text, ==,
                   "某局2024年法治政府建设年度报告\n"
                   "发布时间:2024-12-13 信息来源:某局\n"
                   "第一段跨行的中文文字，English words and more.\n"
                   "第二段\n"
                   "换行后\n"
                   "索引号 发布机构 应急管理局\n"
                   "公开类别 主动公开\n"
                   "块\n嵌套\n尾\n"
                   "本文完\n"
                   "标签\n");
}

static void
test_html_mislabelled (void)
{
  /* Declared UTF-8, but the bytes are GB18030: the text detector takes over. */
  g_autofree char *utf8 = g_strdup ("<html><head><meta charset=\"utf-8\"></head><body>"
                                    "<p>一、基本情况</p><p>（一）加强组织领导。</p></body></html>");
  g_autofree char *gb = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  text = pc_extract_html ((const guint8 *) gb, len, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_assert_cmpstr (text, ==, "一、基本情况\n（一）加强组织领导。\n");
}

/* ---- DOCX ------------------------------------------------------------------------------- */

static void
test_docx_reports (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = fixture_name (reports[i], ".docx");
      g_autofree char *original_name = fixture_name (reports[i], ".txt");
      g_autofree char *original = read_fixture_text (original_name);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (name);

      g_assert_cmpint (extraction->format, ==, PC_SOURCE_FORMAT_DOCX);
      g_assert_null (extraction->encoding);
      assert_same_paragraphs (original, extraction->text, name);
      assert_no_empty_lines (extraction->text);
    }
}

static void
test_docx_numbering (void)
{
  static const char *fixtures[] = { "pudong-2023-numbered.docx", "pudong-2023-numbered-lo.docx" };
  g_autofree char *original = read_fixture_text ("pudong-2023.txt");

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (fixtures[i]);
      const char *text = extraction->text;

      /* The numbers are not in the document's text, only in its list definitions. */
      g_assert_true (has_line (text, "一、2023年法治政府建设工作总结"));
      g_assert_true (has_line (text, "二、2024年工作思路"));
      g_assert_true (has_line_starting_with (text, "（一）健全应急管理体系机制,"));
      g_assert_true (has_line_starting_with (text, "（四）加强法治宣传教育,"));
      /* Level 2 restarts under each level-1 item. */
      g_assert_true (has_line_starting_with (text, "（一）持续深入学习贯彻习近平法治思想。"));
      g_assert_true (has_line_starting_with (text, "（四）深化推进安全生产社会共治新格局。"));
      g_assert_null (strstr (text, "（五）"));
      assert_same_paragraphs (original, text, fixtures[i]);
    }
}

static void
test_docx_tracked_changes (void)
{
  g_autoptr(PcExtraction) extraction = extract_fixture_ok ("pudong-2023-numbered.docx");

  g_assert_null (strstr (extraction->text, "已删除的修订文字"));
  g_assert_null (strstr (extraction->text, "隐藏文字"));
}

typedef struct archive Archive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Archive, archive_write_free)

static GBytes *
make_docx (const char *document,
           const char *numbering)
{
  g_autoptr(Archive) writer = archive_write_new ();
  gsize size = 64 * 1024;
  guint8 *buffer = g_malloc (size);
  size_t used = 0;
  const char *names[] = { "word/document.xml", "word/numbering.xml" };
  const char *parts[] = { document, numbering };

  archive_write_set_format_zip (writer);
  g_assert_cmpint (archive_write_open_memory (writer, buffer, size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) strlen (parts[i]));
      g_assert_cmpint (archive_write_header (writer, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (writer, parts[i], strlen (parts[i])), ==,
                       (la_ssize_t) strlen (parts[i]));
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (writer), ==, ARCHIVE_OK);

  return g_bytes_new_take (buffer, used);
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define NUM_P(num, lvl, text) \
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" num "\"/></w:numPr>" \
  "</w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define LVL(i, fmt, text, start) \
  "<w:lvl w:ilvl=\"" i "\"><w:start w:val=\"" start "\"/><w:numFmt w:val=\"" fmt "\"/>" \
  "<w:lvlText w:val=\"" text "\"/></w:lvl>"

static void
test_docx_number_formats (void)
{
  static const char document[] =
    "<w:document " W "><w:body>"
    NUM_P ("1", "0", "甲") NUM_P ("1", "1", "乙") NUM_P ("1", "1", "丙")
    NUM_P ("1", "2", "丁") NUM_P ("1", "0", "戊") NUM_P ("1", "1", "己")
    NUM_P ("2", "0", "庚") NUM_P ("2", "0", "辛") NUM_P ("2", "1", "壬") NUM_P ("2", "2", "癸")
    NUM_P ("3", "0", "子") NUM_P ("3", "1", "丑")
    "<w:p><w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
    "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
    "<w:ins><w:r><w:t>d</w:t></w:r></w:ins></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:body></w:document>";
  static const char numbering[] =
    "<w:numbering " W ">"
    "<w:abstractNum w:abstractNumId=\"10\">"
    LVL ("0", "chineseCountingThousand", "第%1章", "10")
    LVL ("1", "decimal", "%2)", "1")
    LVL ("2", "decimalEnclosedCircle", "%3", "1")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"20\">"
    LVL ("0", "upperRoman", "%1.", "3")
    LVL ("1", "lowerLetter", "(%2)", "26")
    LVL ("2", "ideographTraditional", "%3、", "2")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"30\">"
    LVL ("0", "chineseLegalSimplified", "%1、", "11")
    LVL ("1", "decimalZero", "%2", "7")
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"30\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"20\"/></w:lvlOverride></w:num>"
    "</w:numbering>";
  g_autoptr(GBytes) bytes = make_docx (document, numbering);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = NULL;

  extraction = pc_extract_bytes (bytes, "numbers.docx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (extraction->text, ==,
                   "第十章甲\n"
                   "1) 乙\n"
                   "2) 丙\n"
                   "①丁\n"
                   "第十一章戊\n"
                   "1) 己\n"
                   "III. 庚\n"
                   "IV. 辛\n"
                   "(z) 壬\n"
                   "乙、癸\n"
                   "贰拾、子\n"
                   "07 丑\n"
                   "a\tb\n"
                   "cd\n"
                   "cell 1\n"
                   "cell 2\n");
}

static void
test_docx_broken (void)
{
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = NULL;

  assert_fixture_error ("truncated.docx", PC_IMPORT_ERROR_CORRUPT);
  assert_fixture_error ("not-a-docx.docx", PC_IMPORT_ERROR_CORRUPT);

  /* The same kind of archive under another name is simply not a format we import. */
  {
    g_autofree char *path = fixture_path ("not-a-docx.docx");
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    zip = g_bytes_new (contents, len);
  }
  extraction = pc_extract_bytes (zip, "archive.zip", NULL, &error);
  g_assert_error (error, PC_IMPORT_ERROR, PC_IMPORT_ERROR_UNSUPPORTED);
  g_assert_null (extraction);
}

/* ---- PDF -------------------------------------------------------------------------------- */

static void
test_pdf_reports (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = fixture_name (reports[i], ".pdf");
      g_autofree char *original_name = fixture_name (reports[i], ".txt");
      g_autofree char *original = read_fixture_text (original_name);
      g_autoptr(PcExtraction) extraction = extract_fixture_ok (name);

      g_assert_cmpint (extraction->format, ==, PC_SOURCE_FORMAT_PDF);
      assert_same_paragraphs (original, extraction->text, name);
      assert_no_empty_lines (extraction->text);
    }
}

static void
test_pdf_layout (void)
{
  g_autoptr(PcExtraction) extraction = extract_fixture_ok ("pudong-2023-numbered.pdf");
  g_autoptr(GRegex) page_number = g_regex_new ("^[-—–\\s]*[0-9]+[-—–\\s]*$", G_REGEX_MULTILINE,
                                               0, NULL);
  g_autofree char *original = read_fixture_text ("pudong-2023.txt");
  const char *text = extraction->text;

  /* Page numbers "—1—" and the running head are gone. */
  g_assert_false (g_regex_match (page_number, text, 0, NULL));
  g_assert_null (strstr (text, "政务公开"));
  /* The title, set in two centred lines, is one paragraph.  (The layout put a little space
   * around "2023", which poppler reads as spaces.) */
  g_assert_true (g_str_has_prefix (text, "浦东新区应急管理局 2023 年度法治政府建设情况报告\n"));
  /* A long paragraph that runs over a page break is whole, with no stray spaces. */
  g_assert_true (has_line_starting_with (text, "（一）健全应急管理体系机制,不断提升应急管理工作"
                                               "规范化水平。督促安委会成员单位"));
  g_assert_nonnull (strstr (text, "完成《浦东新区城市公共安全及应急管理十四五规划》及区规划纲要中期"
                                  "评估;制定《应急指挥中心专家管理办法》。"));
  g_assert_true (has_line (text, "一、2023 年法治政府建设工作总结"));
  g_assert_true (has_line (text, "二、2024 年工作思路"));
  assert_same_paragraphs (original, text, "pudong-2023-numbered.pdf");
}

static void
test_pdf_broken (void)
{
  assert_fixture_error ("truncated.pdf", PC_IMPORT_ERROR_CORRUPT);
  assert_fixture_error ("scanned.pdf", PC_IMPORT_ERROR_NO_TEXT);
  assert_fixture_error ("encrypted.pdf", PC_IMPORT_ERROR_UNSUPPORTED);
}

static void
test_pdf_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = fixture_path ("wuhan-2021.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcExtraction) extraction = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_cancellable_cancel (cancellable);
  extraction = pc_extract_file (path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (extraction);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  text = pc_extract_pdf ((const guint8 *) contents, len, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/sniff/bytes", test_sniff);
  g_test_add_func ("/extract/sniff/fixtures", test_sniff_fixtures);
  g_test_add_func ("/extract/sniff/unsupported", test_unsupported);
  g_test_add_func ("/extract/hash", test_content_hash);
  g_test_add_func ("/extract/text/utf8", test_text_utf8);
  g_test_add_func ("/extract/text/gb18030", test_text_gb18030);
  g_test_add_func ("/extract/text/gb18030-crlf", test_text_gb18030_crlf);
  g_test_add_func ("/extract/text/tiny-ambiguous", test_text_tiny_ambiguous);
  g_test_add_func ("/extract/text/utf16-and-bom", test_text_utf16);
  g_test_add_func ("/extract/text/utf16be", test_text_utf16be);
  g_test_add_func ("/extract/text/line-ends", test_text_line_ends);
  g_test_add_func ("/extract/text/broken", test_text_broken);
  g_test_add_func ("/extract/text/random-high-bytes", test_text_random_high_bytes);
  g_test_add_func ("/extract/text/big5-refused", test_text_big5_refused);
  g_test_add_func ("/extract/limits/file-size", test_too_large_file);
  g_test_add_func ("/extract/limits/chars", test_too_many_chars);
  g_test_add_func ("/extract/html/reports", test_html_reports);
  g_test_add_func ("/extract/html/charset", test_html_charset);
  g_test_add_func ("/extract/html/structure", test_html_structure);
  g_test_add_func ("/extract/html/mislabelled", test_html_mislabelled);
  g_test_add_func ("/extract/docx/reports", test_docx_reports);
  g_test_add_func ("/extract/docx/numbering", test_docx_numbering);
  g_test_add_func ("/extract/docx/tracked-changes", test_docx_tracked_changes);
  g_test_add_func ("/extract/docx/number-formats", test_docx_number_formats);
  g_test_add_func ("/extract/docx/broken", test_docx_broken);
  g_test_add_func ("/extract/pdf/reports", test_pdf_reports);
  g_test_add_func ("/extract/pdf/layout", test_pdf_layout);
  g_test_add_func ("/extract/pdf/broken", test_pdf_broken);
  g_test_add_func ("/extract/pdf/cancelled", test_pdf_cancelled);

  return g_test_run ();
}

/* pc-textutil.h — small text helpers for the reader, on arrays of code points.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar  pc_fold_char            (gunichar        c);
gunichar *pc_fold_chars           (const gunichar *chars,
                                   guint           len);
gboolean  pc_is_space             (gunichar        c);
gboolean  pc_is_han               (gunichar        c);
gboolean  pc_is_sentence_end      (gunichar        c);
int       pc_cn_digit             (gunichar        c);
guint     pc_parse_cn_number      (const gunichar *s,
                                   guint           len,
                                   guint          *consumed);
guint     pc_parse_ascii_number   (const gunichar *s,
                                   guint           len,
                                   guint          *consumed);
gboolean  pc_match_at             (const gunichar *s,
                                   guint           len,
                                   guint           pos,
                                   const char     *utf8);
gint      pc_find                 (const gunichar *s,
                                   guint           start,
                                   guint           end,
                                   const char     *utf8);
gboolean  pc_contains_any         (const gunichar *s,
                                   guint           start,
                                   guint           end,
                                   const char * const *needles);
char     *pc_squeeze_cjk_spaces   (const gunichar *s,
                                   guint           start,
                                   guint           end);
char     *pc_chars_to_utf8        (const gunichar *s,
                                   guint           start,
                                   guint           end);
gboolean  pc_parse_date           (const gunichar *s,
                                   guint           start,
                                   guint           end,
                                   char          **iso_date,
                                   guint          *match_end);

G_END_DECLS

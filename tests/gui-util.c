/* gui-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-util.h"
#include "pc-library-item.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, or GUI_WAIT_MS pass. */
gboolean
gui_wait_for (PcWindow     *window,
              GuiCondition  condition)
{
  gint64 deadline = g_get_monotonic_time () + GUI_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (20, wake_cb, NULL);
  gboolean met;

  while (!(met = condition (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return met;
}

/* Lets GTK lay out and paint for @ms, so widgets have settled. */
void
gui_settle_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Removes a project made in a temp dir of its own, with everything beside it. */
void
gui_remove_project (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The library position of the report read from a file named @stem…, or
 * GTK_INVALID_LIST_POSITION. */
guint
gui_find_report (PcWindow   *window,
                 const char *stem)
{
  GListModel *reports = _pc_window_get_reports (window);
  guint n = g_list_model_get_n_items (reports);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcLibraryItem) item = g_list_model_get_item (reports, i);
      const char *source = pc_report_get_source_name (pc_library_item_get_report (item));

      if (source != NULL && g_str_has_prefix (source, stem))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Renders @widget with GTK itself and writes it as a PNG into the tests' build dir. */
void
gui_save_screenshot (GtkWidget  *widget,
                     const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gtk_test_widget_wait_for_draw (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

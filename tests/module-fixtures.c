/* module-fixtures.c — copies of tests/fixtures/modules/ packages with real media
 *
 * Fixture packages hold only module.ini (and, for broken-unplayable, a damaged
 * file). Every copy gets the same small media set, made once per test run by
 * real GStreamer pipelines: pictures/scene.png and audio/LANG.ogg (Opus).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "module-fixtures.h"

static char *tmp_dir;
static guint n_copies;

static const char * const media_set[] = {
  "pictures/scene.png", "audio/ur.ogg", "audio/en.ogg", "audio/ps.ogg", "audio/pa_PK.ogg",
};

static void
run_pipeline (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
make_media_set (const char *dir)
{
  g_autofree char *pictures = g_build_filename (dir, "pictures", NULL);
  g_autofree char *audio = g_build_filename (dir, "audio", NULL);

  g_assert_cmpint (g_mkdir_with_parents (pictures, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (media_set); i++)
    {
      g_autofree char *path = g_build_filename (dir, media_set[i], NULL);
      g_autofree char *pipeline = NULL;

      if (g_str_has_suffix (path, ".png"))
        pipeline = g_strdup_printf ("videotestsrc num-buffers=1 ! video/x-raw,width=64,height=48 ! "
                                    "pngenc ! filesink location=\"%s\"", path);
      else
        pipeline = g_strdup_printf ("audiotestsrc num-buffers=10 freq=%u ! audioconvert ! "
                                    "opusenc ! oggmux ! filesink location=\"%s\"",
                                    (guint) (300 + 100 * i), path);
      run_pipeline (pipeline);
    }
}

void
rahnuma_test_fixtures_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *media = NULL;

  gst_init (NULL, NULL);
  tmp_dir = g_dir_make_tmp ("rahnuma-test-XXXXXX", &error);
  g_assert_no_error (error);
  media = g_build_filename (tmp_dir, "media-set", NULL);
  make_media_set (media);
}

const char *
rahnuma_test_tmp_dir (void)
{
  return tmp_dir;
}

void
rahnuma_test_copy_tree (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (from, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (from, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, length, &error);
      g_assert_no_error (error);
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  dir = g_dir_open (from, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_from = g_build_filename (from, name, NULL);
      g_autofree char *child_to = g_build_filename (to, name, NULL);

      rahnuma_test_copy_tree (child_from, child_to);
    }
}

void
rahnuma_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rahnuma_test_remove_tree (child);
        }
    }
  g_remove (path);
}

/**
 * rahnuma_test_prepare_package:
 * @fixture: a folder name under tests/fixtures/modules
 *
 * Returns: (transfer full): a fresh copy of the fixture, with the media set added
 *   wherever the fixture has no file of its own
 */
char *
rahnuma_test_prepare_package (const char *fixture)
{
  const char *source_dir = g_getenv ("RAHNUMA_SOURCE_DIR");
  g_autofree char *from = NULL;
  g_autofree char *copy_name = g_strdup_printf ("%s-%u", fixture, ++n_copies);
  char *to = g_build_filename (tmp_dir, copy_name, fixture, NULL);

  g_assert_nonnull (source_dir);
  from = g_build_filename (source_dir, "tests", "fixtures", "modules", fixture, NULL);
  g_assert_true (g_file_test (from, G_FILE_TEST_IS_DIR));
  rahnuma_test_copy_tree (from, to);

  for (gsize i = 0; i < G_N_ELEMENTS (media_set); i++)
    {
      g_autofree char *media = g_build_filename (tmp_dir, "media-set", media_set[i], NULL);
      g_autofree char *target = g_build_filename (to, media_set[i], NULL);
      g_autofree char *parent = g_path_get_dirname (target);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        rahnuma_test_copy_tree (media, target);
    }
  return to;
}

void
rahnuma_test_fixtures_cleanup (void)
{
  if (g_getenv ("RAHNUMA_TEST_KEEP") == NULL)
    rahnuma_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

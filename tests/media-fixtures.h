/* media-fixtures.h — small media files generated for the media tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rahnuma_fixture_make_dir  (void);
void  rahnuma_fixture_remove_dir (const char *dir);
char *rahnuma_fixture_webm      (const char *dir,
                                 const char *name,
                                 guint       duration_ms,
                                 guint       width,
                                 guint       height);
char *rahnuma_fixture_webm_silent (const char *dir,
                                   const char *name,
                                   guint       duration_ms);
char *rahnuma_fixture_jpeg      (const char *dir,
                                 const char *name,
                                 guint       width,
                                 guint       height);
char *rahnuma_fixture_jpeg_exif (const char *dir,
                                 const char *name,
                                 guint       width,
                                 guint       height,
                                 guint       orientation);
char *rahnuma_fixture_png       (const char *dir,
                                 const char *name,
                                 guint       width,
                                 guint       height);
char *rahnuma_fixture_opus      (const char *dir,
                                 const char *name,
                                 guint       duration_ms);
void  rahnuma_fixture_launch    (const char *description);
char *rahnuma_fixture_tone      (const char *dir,
                                 const char *name,
                                 const char *wave,
                                 double      volume,
                                 guint       duration_ms);
char *rahnuma_fixture_garbage   (const char *dir,
                                 const char *name);

/* Waiting on the default main context for what real pipelines do. Not a
 * timing assertion: only a guard so a broken player fails instead of
 * hanging the test run. */
#define MEDIA_GUARD_SECONDS 60

void     run_for_ms           (guint    ms);
gboolean rahnuma_fixture_wake (gpointer data);

/* Iterates the default main context until @condition holds; after
 * MEDIA_GUARD_SECONDS the test aborts with the printf-style description. */
#define WAIT_UNTIL_OR_FAIL(condition, ...)                                        \
  G_STMT_START {                                                                  \
    gint64 deadline_ = g_get_monotonic_time () + MEDIA_GUARD_SECONDS * G_USEC_PER_SEC; \
    guint wake_ = g_timeout_add (5, rahnuma_fixture_wake, NULL);                  \
    while (!(condition))                                                          \
      {                                                                           \
        if (g_get_monotonic_time () >= deadline_)                                 \
          {                                                                       \
            g_autofree char *what_ = g_strdup_printf (__VA_ARGS__);               \
            g_error ("Still waiting after %d s: %s", MEDIA_GUARD_SECONDS, what_); \
          }                                                                       \
        g_main_context_iteration (NULL, TRUE);                                    \
      }                                                                           \
    g_source_remove (wake_);                                                      \
  } G_STMT_END

#define WAIT_UNTIL(condition) WAIT_UNTIL_OR_FAIL (condition, "%s", #condition)

G_END_DECLS

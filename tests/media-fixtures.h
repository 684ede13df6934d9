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
char *rahnuma_fixture_png       (const char *dir,
                                 const char *name,
                                 guint       width,
                                 guint       height);
char *rahnuma_fixture_opus      (const char *dir,
                                 const char *name,
                                 guint       duration_ms);
char *rahnuma_fixture_garbage   (const char *dir,
                                 const char *name);

G_END_DECLS

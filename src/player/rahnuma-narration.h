/* rahnuma-narration.h — check and save a recorded narration into a package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rahnuma_narration_check_levels (const char  *path,
                                          GError     **error);
gboolean  rahnuma_narration_note_text    (const char  *module_dir,
                                          const char  *ini_path,
                                          const char  *group,
                                          const char  *key,
                                          const char  *relative,
                                          GError     **error);
gboolean  rahnuma_narration_save         (const char  *module_dir,
                                          const char  *temp_path,
                                          const char  *group,
                                          const char  *key,
                                          const char  *relative,
                                          GError     **error);
char     *rahnuma_narration_dup_relative_path (GKeyFile   *key_file,
                                               const char *group,
                                               const char *key,
                                               const char *lang);
char     *rahnuma_narration_make_temp    (const char  *path,
                                          GError     **error);

G_END_DECLS

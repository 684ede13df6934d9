/* rahnuma-file.h — owner-only files: journals, officers' files and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Owner read and write only: a journal holds the PIN hash, and a 4-digit
 * PIN falls to an offline search in under an hour (issue 13). */
#define RAHNUMA_FILE_MODE_PRIVATE   0600
#define RAHNUMA_FOLDER_MODE_PRIVATE 0700

gboolean           rahnuma_file_create_private  (const char    *path,
                                                 GError       **error);
gboolean           rahnuma_file_is_exposed      (const char    *path,
                                                 guint         *mode);
gboolean           rahnuma_file_warn_if_exposed (const char    *path);
GFileOutputStream *rahnuma_file_replace_private (GFile         *file,
                                                 GCancellable  *cancellable,
                                                 GError       **error);

GFile             *rahnuma_file_dup_partial     (GFile         *file);
gboolean           rahnuma_file_commit_partial  (GFile         *file,
                                                 GError       **error);

G_END_DECLS

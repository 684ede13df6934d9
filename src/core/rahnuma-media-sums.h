/* rahnuma-media-sums.h — which text each picture and narration clip was made
 * from, kept in a package's media.sums, and the placeholder pictures of a
 * new package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAHNUMA_MEDIA_SUMS_FILE "media.sums"

/* The text hash media.sums records for a placeholder `module new` made. */
#define RAHNUMA_MEDIA_SUMS_PLACEHOLDER "placeholder"

typedef enum
{
  RAHNUMA_MEDIA_ORIGIN_UNKNOWN,     /* no entry, or the file was replaced since */
  RAHNUMA_MEDIA_ORIGIN_CURRENT,     /* made from the text the package has now */
  RAHNUMA_MEDIA_ORIGIN_STALE,       /* made from a text that has changed since */
  RAHNUMA_MEDIA_ORIGIN_PLACEHOLDER, /* a placeholder `module new` wrote */
} RahnumaMediaOrigin;

typedef struct _RahnumaMediaSums RahnumaMediaSums;

RahnumaMediaSums   *rahnuma_media_sums_new          (const char        *package_dir);
RahnumaMediaSums   *rahnuma_media_sums_load         (const char        *package_dir,
                                                     GError           **error);
void                rahnuma_media_sums_free         (RahnumaMediaSums  *sums);
gboolean            rahnuma_media_sums_record       (RahnumaMediaSums  *sums,
                                                     const char        *relative,
                                                     const char        *text,
                                                     GError           **error);
gboolean            rahnuma_media_sums_save         (RahnumaMediaSums  *sums,
                                                     GError           **error);
RahnumaMediaOrigin  rahnuma_media_sums_check        (RahnumaMediaSums  *sums,
                                                     const char        *relative,
                                                     const char        *text);

char               *rahnuma_media_sums_hash_text    (const char        *text);
char               *rahnuma_media_dup_source_text   (GKeyFile          *key_file,
                                                     const char        *group,
                                                     const char        *media_key);

gboolean            rahnuma_placeholder_picture_write (const char      *path,
                                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaMediaSums, rahnuma_media_sums_free)

G_END_DECLS

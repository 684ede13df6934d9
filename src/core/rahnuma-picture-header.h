/* rahnuma-picture-header.h — a picture's size from its header, and the
 * largest pictures and videos a kiosk will show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a lesson's media file is; the validator checks each kind. */
typedef enum
{
  RAHNUMA_MEDIA_PICTURE,
  RAHNUMA_MEDIA_VIDEO,
  RAHNUMA_MEDIA_AUDIO,
} RahnumaMediaKind;

#define RAHNUMA_PICTURE_HEADER_ERROR (rahnuma_picture_header_error_quark ())

typedef enum
{
  RAHNUMA_PICTURE_HEADER_ERROR_UNKNOWN_FORMAT, /* neither PNG nor JPEG */
  RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED,        /* cut short, or no size where one belongs */
  RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE,      /* beyond the limits below */
  RAHNUMA_PICTURE_HEADER_ERROR_IO,             /* the file cannot be read */
} RahnumaPictureHeaderError;

typedef enum
{
  RAHNUMA_PICTURE_FORMAT_PNG,
  RAHNUMA_PICTURE_FORMAT_JPEG,
} RahnumaPictureFormat;

/* The largest picture a kiosk decodes, either way round: 4096 × 3072 is
 * 12.6 million pixels, 50 MB once decoded to RGBA — more than any kiosk
 * screen shows, and well under what a kiosk can spare. */
#define RAHNUMA_PICTURE_MAX_LONG_SIDE  4096
#define RAHNUMA_PICTURE_MAX_SHORT_SIDE 3072

/* The largest video, either way round: Full HD, which a kiosk decodes in
 * software in real time; larger frames stutter and take memory per frame. */
#define RAHNUMA_VIDEO_MAX_LONG_SIDE  1920
#define RAHNUMA_VIDEO_MAX_SHORT_SIDE 1080

/* How much of a file is read to find the size. A JPEG's size follows its
 * APPn segments (EXIF, ICC profile), each at most 64 KiB. */
#define RAHNUMA_PICTURE_HEADER_MAX_BYTES (1024 * 1024)

GQuark    rahnuma_picture_header_error_quark (void);

gboolean  rahnuma_picture_header_parse       (const guint8          *data,
                                              gsize                  length,
                                              RahnumaPictureFormat  *format,
                                              guint                 *width,
                                              guint                 *height,
                                              GError               **error);
gboolean  rahnuma_picture_header_read_file   (const char            *path,
                                              RahnumaPictureFormat  *format,
                                              guint                 *width,
                                              guint                 *height,
                                              GError               **error);
gboolean  rahnuma_media_check_size           (RahnumaMediaKind       kind,
                                              guint                  width,
                                              guint                  height,
                                              GError               **error);
gboolean  rahnuma_picture_check_file         (const char            *path,
                                              GError               **error);

G_END_DECLS

/* fuzz-picture-header.c — libFuzzer target: any bytes as the start of a
 * picture file
 *
 * rahnuma_picture_header_parse() must read a PNG's or JPEG's size without
 * ever reading past the bytes it is given, and either give a size it found
 * there or refuse with an error, never both nor neither. The size limits
 * are applied to whatever it finds. A crash, a sanitizer report, a GLib
 * critical or a broken promise below is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rahnuma-picture-header.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* A copy of exactly @size bytes, so ASan sees any read past its end. */
  guint8 *copy = g_memdup2 (data, size);
  RahnumaPictureFormat format = (RahnumaPictureFormat) -1;
  guint width = 0, height = 0;
  GError *error = NULL;
  gboolean ok = rahnuma_picture_header_parse (copy, size, &format, &width, &height, &error);

  if (ok)
    {
      if (error != NULL || width == 0 || height == 0)
        abort ();
      if (format != RAHNUMA_PICTURE_FORMAT_PNG && format != RAHNUMA_PICTURE_FORMAT_JPEG)
        abort ();
      if (format == RAHNUMA_PICTURE_FORMAT_JPEG && (width > 0xffff || height > 0xffff))
        abort ();
      (void) rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, width, height, &error);
    }
  else if (error == NULL || error->domain != RAHNUMA_PICTURE_HEADER_ERROR || width != 0 || height != 0)
    abort ();
  g_clear_error (&error);
  g_free (copy);
  return 0;
}

/* rahnuma-number-pad.h — big digit keys for a number typed by touch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_NUMBER_PAD (rahnuma_number_pad_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaNumberPad, rahnuma_number_pad, RAHNUMA, NUMBER_PAD, GtkWidget)

GtkWidget  *rahnuma_number_pad_new            (guint             max_digits);
void        rahnuma_number_pad_set_max_digits (RahnumaNumberPad *self,
                                               guint             max_digits);
const char *rahnuma_number_pad_get_digits     (RahnumaNumberPad *self);
guint64     rahnuma_number_pad_get_value      (RahnumaNumberPad *self);
void        rahnuma_number_pad_clear          (RahnumaNumberPad *self);
gboolean    rahnuma_number_pad_handle_key     (RahnumaNumberPad *self,
                                               guint             keyval);

G_END_DECLS

/* rahnuma-code-pad.h — a completion code by touch or from a barcode scanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_CODE_PAD (rahnuma_code_pad_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaCodePad, rahnuma_code_pad, RAHNUMA, CODE_PAD, GtkWidget)

const char *rahnuma_code_pad_get_text     (RahnumaCodePad *self);
void        rahnuma_code_pad_set_text     (RahnumaCodePad *self,
                                           const char     *text);
void        rahnuma_code_pad_focus_entry  (RahnumaCodePad *self);

G_END_DECLS

/* rahnuma-pin-pad.h — big digit keys to unlock the dashboard or choose a PIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_PIN_PAD (rahnuma_pin_pad_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaPinPad, rahnuma_pin_pad, RAHNUMA, PIN_PAD, GtkWidget)

void rahnuma_pin_pad_set_store    (RahnumaPinPad *self,
                                   RahnumaStore  *store);
void rahnuma_pin_pad_reset        (RahnumaPinPad *self);
void rahnuma_pin_pad_begin_change (RahnumaPinPad *self);
void rahnuma_pin_pad_set_journal_set_aside (RahnumaPinPad *self,
                                            const char    *path);

G_END_DECLS

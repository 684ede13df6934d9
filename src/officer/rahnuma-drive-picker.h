/* rahnuma-drive-picker.h — a touch list of the USB drives plugged in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_DRIVE_PICKER (rahnuma_drive_picker_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaDrivePicker, rahnuma_drive_picker, RAHNUMA, DRIVE_PICKER, AdwWindow)

RahnumaDrivePicker *rahnuma_drive_picker_new (GtkWindow  *parent,
                                              const char *title);

G_END_DECLS

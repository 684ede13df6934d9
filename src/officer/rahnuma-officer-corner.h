/* rahnuma-officer-corner.h — the hidden press-and-hold target that opens the officer PIN pad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_OFFICER_CORNER (rahnuma_officer_corner_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaOfficerCorner, rahnuma_officer_corner, RAHNUMA, OFFICER_CORNER, GtkWidget)

G_END_DECLS

/* rahnuma-officer-private.h — shared within src/officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rahnuma_officer_switch_language (const char *code);

G_END_DECLS

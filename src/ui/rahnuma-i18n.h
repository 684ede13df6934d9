/* rahnuma-i18n.h — switching the whole UI to a visitor's language at run time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    rahnuma_i18n_running_uninstalled (void);
void        rahnuma_i18n_bind          (void);
void        rahnuma_i18n_init          (void);
void        rahnuma_i18n_set_direction (const char *code);
void        rahnuma_i18n_set_language  (const char *code);
const char *rahnuma_i18n_get_language  (void);
void        rahnuma_i18n_style_widget  (GtkWidget  *widget,
                                        const char *code);

G_END_DECLS

/* rahnuma-studio-window.h — the narration studio's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_STUDIO_WINDOW (rahnuma_studio_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaStudioWindow, rahnuma_studio_window, RAHNUMA, STUDIO_WINDOW, AdwApplicationWindow)

GtkWidget *rahnuma_studio_window_new (AdwApplication *app,
                                      const char * const *module_dirs);

G_END_DECLS

/* rahnuma-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_WELCOME_PAGE (rahnuma_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaWelcomePage, rahnuma_welcome_page, RAHNUMA, WELCOME_PAGE, GtkWidget)

G_END_DECLS

/* rahnuma-language-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_LANGUAGE_PAGE (rahnuma_language_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaLanguagePage, rahnuma_language_page, RAHNUMA, LANGUAGE_PAGE, GtkWidget)

void rahnuma_language_page_speak         (RahnumaLanguagePage *self);
void rahnuma_language_page_set_languages (RahnumaLanguagePage *self,
                                          const char * const  *codes);

G_END_DECLS

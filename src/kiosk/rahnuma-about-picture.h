/* rahnuma-about-picture.h — the pictures of the "about you" answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_ABOUT_PICTURE (rahnuma_about_picture_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaAboutPicture, rahnuma_about_picture, RAHNUMA, ABOUT_PICTURE, GtkWidget)

GtkWidget  *rahnuma_about_picture_new          (const char          *name);
const char *rahnuma_about_picture_get_name     (RahnumaAboutPicture *self);
gboolean    rahnuma_about_picture_has_drawing  (const char          *name);

G_END_DECLS

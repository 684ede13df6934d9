/* rahnuma-result-page.c — the completion code, for the Protector's officer
 *
 * The code is shown large, always left to right (it is read out letter by
 * letter whatever the visitor's language), and as a QR code an officer's
 * phone or scanner can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-result"

#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "rahnuma-result-page.h"
#include "rahnuma-widget-util.h"

#define QR_MODULE_PIXELS 6
#define QR_QUIET_MODULES 4

struct _RahnumaResultPage
{
  GtkWidget parent_instance;

  GtkLabel *code_label;
  GtkPicture *qr_picture;
  GtkLabel *summary_label;
};

G_DEFINE_FINAL_TYPE (RahnumaResultPage, rahnuma_result_page, GTK_TYPE_WIDGET)

/* Black modules on white, with the quiet zone scanners need, in grey bytes. */
static GdkTexture *
create_qr_texture (const char *text)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autoptr(GBytes) bytes = NULL;
  guint side, size;
  guchar *pixels;

  if (qr == NULL)
    return NULL;

  side = (guint) qr->width + 2 * QR_QUIET_MODULES;
  size = side * QR_MODULE_PIXELS;
  pixels = g_malloc (size * size * 3);
  for (guint y = 0; y < size; y++)
    for (guint x = 0; x < size; x++)
      {
        int mx = (int) (x / QR_MODULE_PIXELS) - QR_QUIET_MODULES;
        int my = (int) (y / QR_MODULE_PIXELS) - QR_QUIET_MODULES;
        gboolean dark = mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
                        (qr->data[my * qr->width + mx] & 1);

        memset (pixels + (y * size + x) * 3, dark ? 0x00 : 0xff, 3);
      }
  QRcode_free (qr);

  bytes = g_bytes_new_take (pixels, size * size * 3);
  return gdk_memory_texture_new ((int) size, (int) size, GDK_MEMORY_R8G8B8, bytes, size * 3);
}

static void
rahnuma_result_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_RESULT_PAGE);
  G_OBJECT_CLASS (rahnuma_result_page_parent_class)->dispose (object);
}

static void
rahnuma_result_page_class_init (RahnumaResultPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_result_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-result-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, summary_label);
}

static void
rahnuma_result_page_init (RahnumaResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_direction (GTK_WIDGET (self->code_label), GTK_TEXT_DIR_LTR);
}

RahnumaResultPage *
rahnuma_result_page_new (RahnumaVisit *visit)
{
  RahnumaResultPage *self;
  const char *code;
  g_autoptr(GdkTexture) qr = NULL;
  g_autofree char *summary = NULL;
  guint n_modules;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);

  self = g_object_new (RAHNUMA_TYPE_RESULT_PAGE, NULL);
  code = rahnuma_visit_get_code (visit);
  gtk_label_set_label (self->code_label, code);
  qr = code != NULL ? create_qr_texture (code) : NULL;
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));

  n_modules = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (visit)));
  /* Translators: e.g. "You passed 6 of 7 lessons." */
  summary = g_strdup_printf (ngettext ("You passed %u of %u lesson.", "You passed %u of %u lessons.",
                                       n_modules),
                             rahnuma_visit_get_n_modules_passed (visit), n_modules);
  gtk_label_set_label (self->summary_label, summary);
  return self;
}

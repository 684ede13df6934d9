/* rahnuma-contact-row.c — one place to get help, on the result page
 *
 * Each text is shown in the language it is written in (after the fallback
 * of rahnuma_contacts_lookup()): its own direction, its own font and Pango
 * language, so an Urdu name in an English visit still reads right to left
 * in Nastaliq. The phone number is always left to right. A field the centre
 * left as a placeholder says "ask the officer" instead, in the visitor's
 * language; a placeholder itself never reaches the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-contacts"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-contact-row.h"
#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-widget-util.h"

struct _RahnumaContactRow
{
  GtkWidget parent_instance;

  GtkLabel *labels[RAHNUMA_CONTACT_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (RahnumaContactRow, rahnuma_contact_row, GTK_TYPE_WIDGET)

/* Every label starts at the page's start edge (the right in an Urdu
 * visit), whatever the direction of its own text. GtkLabel mirrors xalign
 * only for a right-to-left label. */
static void
align_to_page (GtkLabel *label)
{
  gboolean page_rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  gboolean label_rtl = gtk_widget_get_direction (GTK_WIDGET (label)) == GTK_TEXT_DIR_RTL;

  gtk_label_set_xalign (label, page_rtl != label_rtl ? 1.0f : 0.0f);
}

static void
set_language (GtkLabel *label, const char *code)
{
  const RahnumaLanguage *language = rahnuma_language_lookup (code);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string (code)));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
  rahnuma_i18n_style_widget (GTK_WIDGET (label), code);
  gtk_widget_set_direction (GTK_WIDGET (label),
                            language != NULL && language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
show_field (RahnumaContactRow *self, const RahnumaContact *contact, RahnumaContactField field)
{
  GtkLabel *label = self->labels[field];

  gtk_widget_set_visible (GTK_WIDGET (label), contact->text[field] != NULL || contact->ask_officer[field]);
  /* Large print for a number to copy, not for "ask the officer". */
  if (field == RAHNUMA_CONTACT_PHONE && contact->text[field] == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "contact-phone");
  if (contact->text[field] == NULL)
    {
      gtk_label_set_label (label, contact->ask_officer[field] ? rahnuma_contact_ask_officer_text (field) : "");
      return;
    }
  gtk_label_set_label (label, contact->text[field]);
  if (field == RAHNUMA_CONTACT_PHONE)
    gtk_widget_set_direction (GTK_WIDGET (label), GTK_TEXT_DIR_LTR);
  else
    set_language (label, contact->lang[field]);
  align_to_page (label);
}

static void
rahnuma_contact_row_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_CONTACT_ROW);
  G_OBJECT_CLASS (rahnuma_contact_row_parent_class)->dispose (object);
}

static void
rahnuma_contact_row_class_init (RahnumaContactRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_contact_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-contact-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child_full (widget_class, "name_label", FALSE,
                                             G_STRUCT_OFFSET (RahnumaContactRow, labels[RAHNUMA_CONTACT_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "helps_label", FALSE,
                                             G_STRUCT_OFFSET (RahnumaContactRow, labels[RAHNUMA_CONTACT_HELPS_WITH]));
  gtk_widget_class_bind_template_child_full (widget_class, "phone_label", FALSE,
                                             G_STRUCT_OFFSET (RahnumaContactRow, labels[RAHNUMA_CONTACT_PHONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "address_label", FALSE,
                                             G_STRUCT_OFFSET (RahnumaContactRow, labels[RAHNUMA_CONTACT_ADDRESS]));
  gtk_widget_class_bind_template_child_full (widget_class, "hours_label", FALSE,
                                             G_STRUCT_OFFSET (RahnumaContactRow, labels[RAHNUMA_CONTACT_HOURS]));
}

static void
rahnuma_contact_row_init (RahnumaContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_contact_row_new:
 * @contact: an entry resolved for the visitor's language
 *
 * Returns: (transfer floating): the entry's texts, one label each; fields
 *   neither given nor left as placeholders are hidden
 */
RahnumaContactRow *
rahnuma_contact_row_new (const RahnumaContact *contact)
{
  RahnumaContactRow *self;

  g_return_val_if_fail (contact != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_CONTACT_ROW, NULL);
  for (guint f = 0; f < RAHNUMA_CONTACT_N_FIELDS; f++)
    show_field (self, contact, f);
  return self;
}

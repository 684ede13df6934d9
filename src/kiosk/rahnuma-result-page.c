/* rahnuma-result-page.c — the completion code, for the Protector's officer
 *
 * The code is shown large, always left to right (it is read out letter by
 * letter whatever the visitor's language), and as a QR code an officer's
 * phone or scanner can read. The QR code holds the visit's signed
 * completion proof (rahnuma-proof.c), which an officer can check with no
 * database; if the kiosk could not sign one, the bare code.
 *
 * The outcome is told as it is: how many lessons were passed, which ones to
 * go over with the officer, and what the code stands for under the centre's
 * rule (every lesson on offer watched and answered: rahnuma_visit_is_complete();
 * on the short path, the hall briefing and each lesson's questions answered).
 * The code is said symbol by symbol, one recorded clip per symbol, in the
 * visitor's language. "Finish" asks first: the code is gone once it is wiped.
 *
 * "Where to get help" lists the centre's contacts (rahnuma-contacts.c) in
 * the visitor's language; a recorded sentence points at them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-result"

#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "rahnuma-contact-row.h"
#include "rahnuma-result-page.h"
#include "rahnuma-widget-util.h"

/* Pixels per module: as many as fit in about QR_SIDE_PIXELS, from 3 (a
 * signed proof, some 50 modules across) to 6 (a bare code, 29 across), so
 * the page keeps its layout whichever the code holds. The picture is never
 * drawn smaller than that: at 2 px a module, phones and zbarimg misread. */
#define QR_MODULE_PIXELS_MIN 3
#define QR_MODULE_PIXELS_MAX 6
#define QR_SIDE_PIXELS   200
#define QR_QUIET_MODULES 4

struct _RahnumaResultPage
{
  GtkWidget parent_instance;

  RahnumaVisit *visit;

  GtkLabel *code_label;
  GtkPicture *qr_picture;
  GtkImage *outcome_icon;
  GtkLabel *summary_label;
  GtkWidget *review_box;
  GtkLabel *review_label;
  GtkLabel *rule_label;
  GtkStack *finish_stack;
  GtkButton *keep_button;
  GtkWidget *contacts_box;
  GtkBox *contacts_list;
  GPtrArray *contacts; /* (element-type RahnumaContact) (nullable): also for the card */
  char *proof;         /* (nullable): the signed proof the QR codes carry */
  GtkWidget *print_box;
  GtkLabel *print_label;

  RahnumaCardPrinter *printer; /* nullable: no Print button */
  GCancellable *cancellable;   /* the print job's answer is not wanted once the page goes */
};

G_DEFINE_FINAL_TYPE (RahnumaResultPage, rahnuma_result_page, GTK_TYPE_WIDGET)

/* Black modules on white, with the quiet zone scanners need, in grey bytes. */
static GdkTexture *
create_qr_texture (const char *text)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autoptr(GBytes) bytes = NULL;
  guint side, size, module;
  guchar *pixels;

  if (qr == NULL)
    return NULL;

  side = (guint) qr->width + 2 * QR_QUIET_MODULES;
  module = CLAMP (QR_SIDE_PIXELS / side, QR_MODULE_PIXELS_MIN, QR_MODULE_PIXELS_MAX);
  size = side * module;
  pixels = g_malloc (size * size * 3);
  for (guint y = 0; y < size; y++)
    for (guint x = 0; x < size; x++)
      {
        int mx = (int) (x / module) - QR_QUIET_MODULES;
        int my = (int) (y / module) - QR_QUIET_MODULES;
        gboolean dark = mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
                        (qr->data[my * qr->width + mx] & 1);

        memset (pixels + (y * size + x) * 3, dark ? 0x00 : 0xff, 3);
      }
  QRcode_free (qr);

  bytes = g_bytes_new_take (pixels, size * size * 3);
  return gdk_memory_texture_new ((int) size, (int) size, GDK_MEMORY_R8G8B8, bytes, size * 3);
}

/* The titles of the lessons not passed, in a list; NULL if none. */
static char *
dup_review_titles (RahnumaVisit *visit)
{
  GListModel *catalog = G_LIST_MODEL (rahnuma_visit_get_catalog (visit));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (catalog, i);
      g_autofree char *title = NULL;

      if (rahnuma_visit_get_lesson_state (visit, module) == RAHNUMA_LESSON_PASSED)
        continue;
      title = rahnuma_module_dup_title (module, rahnuma_visit_get_language (visit));
      /* Translators: between lesson titles in a list, e.g. "Lesson 2, Lesson 3" */
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? _(", ") : "", title);
    }
  return titles->len > 0 ? g_string_free (g_steal_pointer (&titles), FALSE) : NULL;
}

static gboolean
all_passed (RahnumaResultPage *self)
{
  guint n_modules = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit)));

  return rahnuma_visit_get_n_modules_passed (self->visit) == n_modules;
}

/* What the code stands for, as it is for this visit's path: on the short
 * path no lesson was watched here, the hall briefing showed them. */
static const char *
rule_text (RahnumaVisit *visit, gboolean all_passed)
{
  if (rahnuma_visit_get_path (visit) == RAHNUMA_PATH_SHORT)
    /* Translators: on the last screen, for a visitor who was in the hall briefing
     * and then answered each lesson's check questions on the kiosk (no lesson
     * was watched on the kiosk: do not say so) */
    return _("This code counts as a completed briefing: you were in the hall briefing and "
             "answered each lesson’s questions here.");
  if (all_passed)
    return _("This code counts as a completed briefing.");
  return _("This code counts as a completed briefing: every lesson was watched and answered.");
}

static void
show_outcome (RahnumaResultPage *self)
{
  guint n_modules = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit)));
  guint n_passed = rahnuma_visit_get_n_modules_passed (self->visit);
  g_autofree char *summary = NULL;
  g_autofree char *review = dup_review_titles (self->visit);

  if (n_passed == n_modules)
    summary = g_strdup (_("You passed every lesson."));
  else
    /* Translators: e.g. "You passed 1 of 7 lessons." */
    summary = g_strdup_printf (ngettext ("You passed %u of %u lesson.", "You passed %u of %u lessons.",
                                         n_modules),
                               n_passed, n_modules);
  gtk_label_set_label (self->summary_label, summary);
  gtk_image_set_from_icon_name (self->outcome_icon, n_passed == n_modules ? "emblem-ok-symbolic"
                                                                          : "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_icon), n_passed == n_modules ? "success" : "result-review-icon");
  gtk_widget_set_visible (self->review_box, review != NULL);
  gtk_label_set_label (self->review_label, review != NULL ? review : "");
  gtk_label_set_label (self->rule_label, rule_text (self->visit, n_passed == n_modules));
}

/* What the page says: that it is over, how it went, and the code, one
 * symbol at a time (the hyphen is not said). */
static void
speak (RahnumaResultPage *self)
{
  const char *code = rahnuma_visit_get_code (self->visit);
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (clips, g_strdup ("prompt:result"));
  g_ptr_array_add (clips, g_strdup (all_passed (self) ? "prompt:result-all-passed" : "prompt:result-review"));
  if (code != NULL)
    {
      g_ptr_array_add (clips, g_strdup ("prompt:code-is"));
      for (const char *c = code; *c != '\0'; c++)
        if (g_ascii_isalnum (*c))
          g_ptr_array_add (clips, g_strdup_printf ("prompt:symbol-%c", *c));
    }
  /* A recorded sentence points at the list: offices' names and numbers are
   * the centre's own text, with no voice recorded for them. */
  if (gtk_widget_get_visible (self->contacts_box))
    g_ptr_array_add (clips, g_strdup ("prompt:contacts"));
  g_ptr_array_add (clips, NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play",
                                      g_variant_new_strv ((const char * const *) clips->pdata, -1));
}

/* Print my card is on offer with a printer and a code to print, and not
 * while Finish asks its question beside it (the row has no room for both). */
static void
show_print_box (RahnumaResultPage *self, gboolean asking)
{
  gtk_widget_set_visible (self->print_box, !asking && self->printer != NULL &&
                                             rahnuma_visit_get_code (self->visit) != NULL);
}

/* "Finish" asks first, on the page itself (a kiosk has no window manager to
 * place a dialog, and the answer buttons must be as large as the rest). */
static void
result_finish (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (widget);

  show_print_box (self, TRUE);
  gtk_stack_set_visible_child_name (self->finish_stack, "confirm");
  gtk_widget_grab_focus (GTK_WIDGET (self->keep_button));
  gtk_widget_activate_action (widget, "kiosk.speak", "s", "finish-confirm");
}

static void
result_keep (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (widget);

  gtk_stack_set_visible_child_name (self->finish_stack, "finish");
  show_print_box (self, FALSE);
  speak (self);
}

static void
result_listen (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  speak (RAHNUMA_RESULT_PAGE (widget));
}

/* What the card shows, from the visit: nothing else of the visitor. */
/* The contacts of the screen, for the card: a detail left as a placeholder
 * says "ask the officer" there too. Strings stay owned by @self->contacts
 * (the card is copied before the page can go). */
static RahnumaCardContact *
card_contacts (RahnumaResultPage *self, gsize *n_contacts)
{
  RahnumaCardContact *out;

  *n_contacts = self->contacts != NULL ? self->contacts->len : 0;
  out = g_new0 (RahnumaCardContact, MAX (*n_contacts, 1));
  for (gsize i = 0; i < *n_contacts; i++)
    {
      const RahnumaContact *c = g_ptr_array_index (self->contacts, i);
      const char **fields[] = { &out[i].name, &out[i].helps_with, &out[i].phone, &out[i].address, &out[i].hours };

      for (guint f = 0; f < RAHNUMA_CONTACT_N_FIELDS; f++)
        *fields[f] = c->text[f] != NULL ? c->text[f]
                     : c->ask_officer[f] ? rahnuma_contact_ask_officer_text (f) : NULL;
    }
  return out;
}

static void
fill_card (RahnumaResultPage *self, RahnumaCard *card, GDateTime *now)
{
  card->language = rahnuma_visit_get_language (self->visit);
  card->code = rahnuma_visit_get_code (self->visit);
  /* The QR carries what the screen's does: the signed proof, else the code. */
  card->qr_payload = self->proof != NULL ? self->proof : card->code;
  card->date = now;
  card->n_passed = rahnuma_visit_get_n_modules_passed (self->visit);
  card->n_total = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit)));
  card->completed = rahnuma_visit_is_complete (self->visit);
}

static void
show_print_state (RahnumaResultPage *self, const char *message, gboolean can_print)
{
  gtk_label_set_label (self->print_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->print_label), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "result.print", can_print);
}

/* A card that did not print changes nothing else: the code stays on the
 * screen, the visit's record is as it was; the officer sees the fault. */
static void
on_card_printed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(RahnumaResultPage) self = data;
  g_autoptr(GError) error = NULL;

  gboolean printed = rahnuma_card_printer_print_finish (RAHNUMA_CARD_PRINTER (source), result, &error);

  if (self->visit == NULL) /* the visit ended meanwhile: the page is gone */
    return;
  if (printed)
    /* Translators: on the last screen, once the card has printed */
    show_print_state (self, _("Your card is printed. Take it from the printer."), TRUE);
  else
    {
      /* Translators: on the last screen, when the card could not be printed */
      show_print_state (self, _("Your card could not be printed. Please ask the officer for help. "
                                "Your code stays on the screen."), TRUE);
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.speak", "s", "print-failed");
    }
}

static void
result_print (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RahnumaCard card = { 0 };
  g_autofree RahnumaCardContact *contacts = NULL;

  if (self->printer == NULL || rahnuma_visit_get_code (self->visit) == NULL)
    return;
  fill_card (self, &card, now);
  contacts = card_contacts (self, &card.n_contacts);
  card.contacts = contacts;
  /* Translators: on the last screen, while the card prints */
  show_print_state (self, _("Printing your card…"), FALSE);
  rahnuma_card_printer_print_async (self->printer, &card, GTK_WINDOW (gtk_widget_get_root (widget)),
                                    self->cancellable, on_card_printed, g_object_ref (self));
}

static void
rahnuma_result_page_dispose (GObject *object)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->printer);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->proof, g_free);

  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_RESULT_PAGE);
  g_clear_object (&self->visit);
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
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, review_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, rule_label);
  gtk_widget_class_install_action (widget_class, "result.finish", NULL, result_finish);
  gtk_widget_class_install_action (widget_class, "result.listen", NULL, result_listen);
  gtk_widget_class_install_action (widget_class, "result.keep", NULL, result_keep);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, finish_stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, keep_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, contacts_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, print_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, print_label);
  gtk_widget_class_install_action (widget_class, "result.print", NULL, result_print);
}

static void
rahnuma_result_page_init (RahnumaResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_direction (GTK_WIDGET (self->code_label), GTK_TEXT_DIR_LTR);
  self->cancellable = g_cancellable_new ();
}

/**
 * rahnuma_result_page_new:
 * @visit: the visit that ended
 * @proof: (nullable): the visit's signed completion proof
 *   (rahnuma_kiosk_context_dup_proof()) for the QR code; %NULL puts the bare
 *   code there
 *
 * Returns: (transfer floating): the page
 */
RahnumaResultPage *
rahnuma_result_page_new (RahnumaVisit *visit,
                         const char   *proof)
{
  RahnumaResultPage *self;
  const char *code;
  g_autoptr(GdkTexture) qr = NULL;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);

  self = g_object_new (RAHNUMA_TYPE_RESULT_PAGE, NULL);
  code = rahnuma_visit_get_code (visit);
  gtk_label_set_label (self->code_label, code);
  /* The typed code stays large on screen either way: it is what the visitor reads out. */
  qr = proof != NULL ? create_qr_texture (proof) : code != NULL ? create_qr_texture (code) : NULL;
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));
  if (qr != NULL)
    gtk_widget_set_size_request (GTK_WIDGET (self->qr_picture), gdk_texture_get_width (qr),
                                 gdk_texture_get_height (qr));

  self->visit = g_object_ref (visit);
  self->proof = g_strdup (proof);
  show_outcome (self);
  return self;
}

/**
 * rahnuma_result_page_speak:
 *
 * Says the outcome and the code, symbol by symbol, in the visitor's language.
 */
void
rahnuma_result_page_speak (RahnumaResultPage *self)
{
  g_return_if_fail (RAHNUMA_IS_RESULT_PAGE (self));
  speak (self);
}

/**
 * rahnuma_result_page_set_contacts:
 * @entries: (nullable) (element-type RahnumaContact): where to get help,
 *   resolved for the visitor's language (rahnuma_contacts_lookup()), or
 *   %NULL for none
 *
 * Shows the entries under "Where to get help"; the section is hidden when
 * there are none.
 */
void
rahnuma_result_page_set_contacts (RahnumaResultPage *self, GPtrArray *entries)
{
  GtkWidget *child;

  g_return_if_fail (RAHNUMA_IS_RESULT_PAGE (self));

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = entries != NULL ? g_ptr_array_ref (entries) : NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_box_remove (self->contacts_list, child);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gtk_box_append (self->contacts_list, GTK_WIDGET (rahnuma_contact_row_new (g_ptr_array_index (entries, i))));
  gtk_widget_set_visible (self->contacts_box, entries != NULL && entries->len > 0);
}

/**
 * rahnuma_result_page_set_card_printer:
 * @printer: (nullable): the kiosk's card printer; %NULL hides "Print my card"
 */
void
rahnuma_result_page_set_card_printer (RahnumaResultPage *self, RahnumaCardPrinter *printer)
{
  g_return_if_fail (RAHNUMA_IS_RESULT_PAGE (self));
  g_return_if_fail (printer == NULL || RAHNUMA_IS_CARD_PRINTER (printer));

  g_set_object (&self->printer, printer);
  show_print_box (self, g_strcmp0 (gtk_stack_get_visible_child_name (self->finish_stack), "confirm") == 0);
}

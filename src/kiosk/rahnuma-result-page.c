/* rahnuma-result-page.c — the completion code, for the Protector's officer
 *
 * The code is shown large, always left to right (it is read out letter by
 * letter whatever the visitor's language), and as a QR code an officer's
 * phone or scanner can read.
 *
 * The outcome is told as it is: how many lessons were passed, which ones to
 * go over with the officer, and what the code stands for under the centre's
 * rule (every lesson on offer watched and answered: rahnuma_visit_is_complete()).
 * The code is said symbol by symbol, one recorded clip per symbol, in the
 * visitor's language. "Finish" asks first: the code is gone once it is wiped.
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
  GtkScrolledWindow *scroller;
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
  gtk_label_set_label (self->rule_label,
                       n_passed == n_modules
                         ? _("This code counts as a completed briefing.")
                         : _("This code counts as a completed briefing: every lesson was watched and answered."));
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
  g_ptr_array_add (clips, NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play",
                                      g_variant_new_strv ((const char * const *) clips->pdata, -1));
}

/* The question sits at the end of the page: on a short screen it is scrolled
 * into view once laid out, so its buttons are never below the window. */
static gboolean
on_show_question (gpointer data)
{
  RahnumaResultPage *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                          - gtk_adjustment_get_page_size (adjustment));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* "Finish" asks first, on the page itself (a kiosk has no window manager to
 * place a dialog, and the answer buttons must be as large as the rest). */
static void
result_finish (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (widget);

  /* Room for the question on a short screen: the rule waits meanwhile. */
  gtk_widget_set_visible (GTK_WIDGET (self->rule_label), FALSE);
  gtk_stack_set_visible_child_name (self->finish_stack, "confirm");
  gtk_widget_grab_focus (GTK_WIDGET (self->keep_button));
  g_idle_add_full (G_PRIORITY_LOW, on_show_question, g_object_ref (self), NULL);
  gtk_widget_activate_action (widget, "kiosk.speak", "s", "finish-confirm");
}

static void
result_keep (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (widget);

  gtk_stack_set_visible_child_name (self->finish_stack, "finish");
  gtk_widget_set_visible (GTK_WIDGET (self->rule_label), TRUE);
  speak (self);
}

static void
result_listen (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  speak (RAHNUMA_RESULT_PAGE (widget));
}

static void
rahnuma_result_page_dispose (GObject *object)
{
  RahnumaResultPage *self = RAHNUMA_RESULT_PAGE (object);

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
  gtk_widget_class_bind_template_child (widget_class, RahnumaResultPage, scroller);
}

static void
rahnuma_result_page_init (RahnumaResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_direction (GTK_WIDGET (self->code_label), GTK_TEXT_DIR_LTR);
}

/**
 * rahnuma_result_page_new:
 * @visit: the finished visit
 *
 * Returns: (transfer floating): the page with the visit's completion code
 */
RahnumaResultPage *
rahnuma_result_page_new (RahnumaVisit *visit)
{
  RahnumaResultPage *self;
  const char *code;
  g_autoptr(GdkTexture) qr = NULL;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);

  self = g_object_new (RAHNUMA_TYPE_RESULT_PAGE, NULL);
  code = rahnuma_visit_get_code (visit);
  gtk_label_set_label (self->code_label, code);
  qr = code != NULL ? create_qr_texture (code) : NULL;
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));

  self->visit = g_object_ref (visit);
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

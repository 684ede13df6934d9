/* rahnuma-code-pad.c — a completion code by touch or from a barcode scanner
 *
 * A kiosk has no keyboard (cage shows no on-screen one), so the code is
 * typed on large keys that hold only the code's alphabet
 * (src/core/rahnuma-code.c). A USB barcode scanner is a keyboard: it types
 * the code shown as a QR on the visitor's result screen, then Enter, into
 * the entry above the keys, which keeps the keyboard focus (the keys never
 * take it). Enter, or the Check key, emits "check"; what was checked is then
 * selected, so the next scan or key starts a new code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <string.h>

#include "rahnuma-code-pad.h"
#include "rahnuma-code.h"
#include "rahnuma-widget-util.h"

struct _RahnumaCodePad
{
  GtkWidget parent_instance;

  gboolean checked; /* the text was checked: the next key starts afresh */

  GtkEntry *entry;
  GtkWidget *keys;
};

G_DEFINE_FINAL_TYPE (RahnumaCodePad, rahnuma_code_pad, GTK_TYPE_WIDGET)

enum { SIGNAL_CHECK, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Symbols typed so far, not counting spaces and dashes. */
static guint
count_symbols (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '-' && *p != ' ')
      n++;
  return n;
}

static void
emit_check (RahnumaCodePad *self)
{
  self->checked = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHECK], 0);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  rahnuma_code_pad_focus_entry (self);
}

static void
on_entry_activate (GtkEntry *entry, RahnumaCodePad *self)
{
  emit_check (self);
}

/* "code.symbol": adds one symbol, and the dash after the fifth, as the
 * code is printed ("ABCDE-FGHJK"). */
static void
code_symbol (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaCodePad *self = RAHNUMA_CODE_PAD (widget);
  const char *symbol = g_variant_get_string (parameter, NULL);
  g_autoptr(GString) text = NULL;

  if (self->checked)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->checked = FALSE;
  text = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (count_symbols (text->str) >= RAHNUMA_CODE_LENGTH)
    return;
  if (count_symbols (text->str) == RAHNUMA_CODE_LENGTH / 2 && strchr (text->str, '-') == NULL)
    g_string_append_c (text, '-');
  g_string_append (text, symbol);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text->str);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

/* "code.erase": the last symbol, and a dash left at the end with it. */
static void
code_erase (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaCodePad *self = RAHNUMA_CODE_PAD (widget);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  gsize length = strlen (text);

  self->checked = FALSE;
  if (length > 0)
    text[--length] = '\0';
  while (length > 0 && (text[length - 1] == '-' || text[length - 1] == ' '))
    text[--length] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static void
code_check (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  emit_check (RAHNUMA_CODE_PAD (widget));
}

static void
rahnuma_code_pad_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_CODE_PAD);
  G_OBJECT_CLASS (rahnuma_code_pad_parent_class)->dispose (object);
}

static void
rahnuma_code_pad_class_init (RahnumaCodePadClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_code_pad_dispose;

  /**
   * RahnumaCodePad::check:
   *
   * The officer asked to check the text (the Check key, or Enter from a
   * keyboard or a scanner); read it with rahnuma_code_pad_get_text().
   */
  signals[SIGNAL_CHECK] = g_signal_new ("check", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-code-pad.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaCodePad, entry);
  gtk_widget_class_bind_template_child (widget_class, RahnumaCodePad, keys);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "code.symbol", "s", code_symbol);
  gtk_widget_class_install_action (widget_class, "code.erase", NULL, code_erase);
  gtk_widget_class_install_action (widget_class, "code.check", NULL, code_check);
}

static void
rahnuma_code_pad_init (RahnumaCodePad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Letters and digits of a code run left to right in every language. */
  gtk_widget_set_direction (self->keys, GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->entry), GTK_TEXT_DIR_LTR);
}

/**
 * rahnuma_code_pad_get_text:
 *
 * Returns: (transfer none): the text as typed or scanned, not normalized
 *   (see rahnuma_code_normalize())
 */
const char *
rahnuma_code_pad_get_text (RahnumaCodePad *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CODE_PAD (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/**
 * rahnuma_code_pad_set_text:
 * @text: what the entry shows
 */
void
rahnuma_code_pad_set_text (RahnumaCodePad *self, const char *text)
{
  g_return_if_fail (RAHNUMA_IS_CODE_PAD (self));
  g_return_if_fail (text != NULL);

  self->checked = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

/**
 * rahnuma_code_pad_focus_entry:
 *
 * Gives the entry the keyboard focus, where a barcode scanner types.
 */
void
rahnuma_code_pad_focus_entry (RahnumaCodePad *self)
{
  g_return_if_fail (RAHNUMA_IS_CODE_PAD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

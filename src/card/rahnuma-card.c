/* rahnuma-card.c — the take-home card: code, QR, outcome, five rules, help
 *
 * One vertical flow of blocks, drawn with cairo and Pango in the visitor's
 * language, for an 80 mm thermal roll (72 mm printable, as long as needed)
 * or an A6 sheet. Everything is black on white: a thermal printer has one
 * ink. In Urdu, Pashto and Punjabi the text runs right to left and the
 * rules' pictures stand on the right; the Pango context is given the
 * language, so Urdu letters take their Urdu forms (HarfBuzz picks the
 * font's URD language system), and Nastaliq or Naskh comes from
 * rahnuma_languages(). The code, its QR and phone numbers stay left to
 * right.
 *
 * The same function measures and draws: measuring draws onto a cairo
 * recording surface and keeps how far down the flow got, so the roll's
 * length and the drawing can never disagree.
 *
 * The rules' words come from docs/CONTENT.md: ILO fair recruitment
 * principles 8 (contract in a language the worker understands) and 11
 * (identity documents not kept by employer or recruiter); the Emigration
 * Rules 1979, rules 28–30 (complaints to the Protector) and the OPF
 * complaint cell; receipts for every legitimate charge (BE&OE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-card"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "rahnuma-card-private.h"
#include "rahnuma-language.h"

#define GAP         (2.5 * RAHNUMA_CARD_MM)
#define PICTURE     (13.0 * RAHNUMA_CARD_MM)
#define QR_MAX      (46.0 * RAHNUMA_CARD_MM)
#define LATIN_FONT  "Noto Sans"
#define CODE_FONT   "DejaVu Sans Mono"

G_DEFINE_QUARK (rahnuma-card-error-quark, rahnuma_card_error)

typedef enum
{
  TEXT_SMALL,
  TEXT_BODY,
  TEXT_STRONG,
  TEXT_HEADING,
  TEXT_TITLE,
  TEXT_CODE,
  TEXT_DEMO,
} TextKind;

typedef struct
{
  double size;     /* points, for Latin script; the Arabic-script fonts get more */
  gboolean bold;
  gboolean latin;  /* always left to right in a Latin font: the code, DEMO */
  gboolean center;
} TextStyle;

static const TextStyle text_styles[] = {
  [TEXT_SMALL]   = { 7.5, FALSE, FALSE, FALSE },
  [TEXT_BODY]    = { 8.5, FALSE, FALSE, FALSE },
  [TEXT_STRONG]  = { 8.5, TRUE,  FALSE, FALSE },
  [TEXT_HEADING] = { 10.5, TRUE, FALSE, FALSE },
  [TEXT_TITLE]   = { 12.0, TRUE, FALSE, TRUE },
  [TEXT_CODE]    = { 24.0, TRUE, TRUE,  TRUE },
  [TEXT_DEMO]    = { 30.0, TRUE, TRUE,  TRUE },
};

typedef struct
{
  cairo_t *cr;
  const RahnumaCard *card;
  const RahnumaLanguage *language;
  double width;
  double y;
} Flow;

static const char *
rule_text (RahnumaCardPicture rule)
{
  switch (rule)
    {
    case RAHNUMA_CARD_PICTURE_PASSPORT:
      /* Translators: a rule on the printed card (ILO fair recruitment principle 11) */
      return _("Keep your passport and CNIC with you. Your employer or agent may not keep them.");
    case RAHNUMA_CARD_PICTURE_RECEIPT:
      /* Translators: a rule on the printed card */
      return _("Get a signed and stamped receipt for every payment, and pay through a bank.");
    case RAHNUMA_CARD_PICTURE_BLANK_PAPER:
      /* Translators: a rule on the printed card */
      return _("Never sign a blank paper, or a paper you cannot read.");
    case RAHNUMA_CARD_PICTURE_LANGUAGE:
      /* Translators: a rule on the printed card (ILO fair recruitment principle 8) */
      return _("Get your contract in a language you understand before you leave, and keep a copy.");
    case RAHNUMA_CARD_PICTURE_COMPLAIN:
    case RAHNUMA_CARD_N_PICTURES:
    default:
      /* Translators: a rule on the printed card; OPF is the Overseas Pakistanis Foundation */
      return _("To complain: the Protector of Emigrants, the OPF complaint cell, or the Community "
               "Welfare Attaché at Pakistan’s mission abroad.");
    }
}

static PangoLayout *
create_layout (Flow *flow, const char *text, TextKind kind, double width)
{
  const TextStyle *style = &text_styles[kind];
  gboolean rtl = flow->language->rtl && !style->latin;
  gboolean arabic_script = flow->language->rtl && !style->latin;
  PangoLayout *layout = pango_cairo_create_layout (flow->cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLanguage *language = pango_language_from_string (style->latin ? "en" : flow->language->code);

  /* Unhinted metrics at 72 dpi: one point is one unit on every surface, so
   * the measured roll and the printed one are the same length. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, language);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, kind == TEXT_CODE ? CODE_FONT
                                           : arabic_script ? flow->language->font_family : LATIN_FONT);
  pango_font_description_set_size (font, (int) (style->size * (arabic_script ? 1.2 : 1.0) * PANGO_SCALE));
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->center ? PANGO_ALIGN_CENTER
                                      : rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_attr_list_insert (attrs, pango_attr_language_new (language));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at (@x, flow->y) in a column @width wide; returns its height. */
static double
put_text (Flow *flow, const char *text, TextKind kind, double x, double width)
{
  g_autoptr(PangoLayout) layout = create_layout (flow, text, kind, width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (flow->cr, x, flow->y);
  pango_cairo_show_layout (flow->cr, layout);
  return height;
}

static void
write_text (Flow *flow, const char *text, TextKind kind)
{
  flow->y += put_text (flow, text, kind, 0, flow->width) + GAP / 2;
}

static void
write_rule_line (Flow *flow)
{
  flow->y += GAP / 2;
  cairo_move_to (flow->cr, 0, flow->y);
  cairo_line_to (flow->cr, flow->width, flow->y);
  cairo_set_line_width (flow->cr, 0.6);
  cairo_stroke (flow->cr);
  flow->y += GAP;
}

/* A test card says so, large, in a black band: it must never pass for a
 * visitor's card. */
static void
write_demo (Flow *flow)
{
  g_autoptr(PangoLayout) layout = create_layout (flow, "DEMO", TEXT_DEMO, flow->width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_rectangle (flow->cr, 0, flow->y, flow->width, height + GAP);
  cairo_fill (flow->cr);
  cairo_set_source_rgb (flow->cr, 1, 1, 1);
  cairo_move_to (flow->cr, 0, flow->y + GAP / 2);
  pango_cairo_show_layout (flow->cr, layout);
  cairo_set_source_rgb (flow->cr, 0, 0, 0);
  flow->y += height + GAP * 1.5;
  /* Translators: under the large DEMO band of a test card */
  write_text (flow, _("Test card, for setting up the printer. It is not proof of a briefing."), TEXT_SMALL);
}

static void
write_outcome (Flow *flow)
{
  const RahnumaCard *card = flow->card;
  /* Isolated left to right (LRI … PDI), as the phone numbers: in an Urdu
   * line the day would otherwise print as 30-11-2026. */
  g_autofree char *date = g_date_time_format (card->date, "\u2066%Y-%m-%d\u2069");
  g_autofree char *when = NULL;
  g_autofree char *passed = NULL;

  write_text (flow, _("Your briefing is finished"), TEXT_TITLE);
  /* Translators: on the printed card; %s is the day of the visit, as 2026-11-30 */
  when = g_strdup_printf (_("Date: %s"), date);
  write_text (flow, when, TEXT_BODY);
  if (card->n_passed == card->n_total)
    passed = g_strdup (_("You passed every lesson."));
  else
    passed = g_strdup_printf (ngettext ("You passed %u of %u lesson.", "You passed %u of %u lessons.",
                                        card->n_total),
                              card->n_passed, card->n_total);
  write_text (flow, passed, TEXT_BODY);
  write_text (flow, card->completed ? _("This code counts as a completed briefing.")
                                    /* Translators: on the printed card of a visit that does not count */
                                    : _("This is not a completed briefing. Ask the officer what to do."),
              TEXT_STRONG);
}

static void
write_code (Flow *flow)
{
  double side = MIN (flow->width * 0.62, QR_MAX);

  write_rule_line (flow);
  write_text (flow, _("Completion code"), TEXT_HEADING);
  write_text (flow, flow->card->code, TEXT_CODE);
  cairo_save (flow->cr);
  cairo_translate (flow->cr, (flow->width - side) / 2, flow->y);
  rahnuma_card_draw_qr (flow->cr, flow->card->qr_payload, side);
  cairo_restore (flow->cr);
  flow->y += side + GAP / 2;
}

static void
write_rules (Flow *flow, gboolean first)
{
  double text_width = flow->width - PICTURE - GAP;
  gboolean rtl = flow->language->rtl;

  if (!first)
    write_rule_line (flow);
  /* Translators: heading of the five rules on the printed card */
  write_text (flow, _("Five rules to remember"), TEXT_HEADING);
  for (RahnumaCardPicture rule = 0; rule < RAHNUMA_CARD_N_PICTURES; rule++)
    {
      double height = put_text (flow, rule_text (rule), TEXT_BODY, rtl ? 0 : PICTURE + GAP, text_width);

      cairo_save (flow->cr);
      cairo_translate (flow->cr, rtl ? flow->width - PICTURE : 0, flow->y);
      rahnuma_card_draw_picture (flow->cr, rule, PICTURE);
      cairo_restore (flow->cr);
      flow->y += MAX (height, PICTURE) + GAP;
    }
}

static void
write_contact (Flow *flow, const RahnumaCardContact *contact)
{
  const char *lines[] = { contact->helps_with, contact->phone, contact->address, contact->hours };
  const TextKind kinds[] = { TEXT_SMALL, TEXT_STRONG, TEXT_SMALL, TEXT_SMALL };

  /* A phone number is read left to right in every language: isolated
   * (LRI … PDI), "+92 51 …" is not turned into "… 51 +92" in Urdu. A
   * sentence in its place ("ask the officer") keeps the card's direction. */
  gboolean has_number = contact->phone != NULL && contact->phone[0] != '\0' &&
                        contact->phone[strspn (contact->phone, "0123456789+-() ")] == '\0';
  g_autofree char *phone = has_number ? g_strconcat ("\u2066", contact->phone, "\u2069", NULL) : NULL;

  if (has_number)
    lines[1] = phone;
  write_text (flow, contact->name, TEXT_STRONG);
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL && lines[i][0] != '\0')
      flow->y += put_text (flow, lines[i], kinds[i], 0, flow->width) + GAP / 4;
  flow->y += GAP / 2;
}

static void
write_contacts (Flow *flow)
{
  write_rule_line (flow);
  /* Translators: heading of the contacts on the printed card */
  write_text (flow, _("Where to get help"), TEXT_HEADING);
  if (flow->card->n_contacts == 0)
    /* Translators: on the printed card when the centre has given no contacts */
    write_text (flow, _("Ask the officer for the numbers of the Protector of Emigrants and the "
                        "Community Welfare Attaché."), TEXT_BODY);
  for (gsize i = 0; i < flow->card->n_contacts; i++)
    write_contact (flow, &flow->card->contacts[i]);
}

/* The blocks of one page: all of them on the roll; on A6 the front holds
 * the outcome, code and QR, the back the rules and the contacts. A test
 * card's DEMO band heads every page (and ends the roll too). */
static double
draw_flow (const RahnumaCard *card, RahnumaCardLayout layout, guint page, cairo_t *cr, double width)
{
  Flow flow = { cr, card, rahnuma_language_lookup (card->language), width, 0 };
  gboolean roll = layout == RAHNUMA_CARD_LAYOUT_ROLL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (card->demo)
    write_demo (&flow);
  if (roll || page == 0)
    {
      write_outcome (&flow);
      write_code (&flow);
    }
  if (roll || page == 1)
    {
      write_rules (&flow, !roll);
      write_contacts (&flow);
    }
  if (card->demo && roll)
    {
      flow.y += GAP;
      write_demo (&flow);
    }
  cairo_restore (cr);
  return flow.y;
}

/**
 * rahnuma_card_layout_from_string:
 * @name: "roll" or "a6"
 * @layout: (out): the layout
 *
 * Returns: %FALSE if @name is neither
 */
gboolean
rahnuma_card_layout_from_string (const char *name, RahnumaCardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (g_strcmp0 (name, "roll") == 0)
    *layout = RAHNUMA_CARD_LAYOUT_ROLL;
  else if (g_strcmp0 (name, "a6") == 0)
    *layout = RAHNUMA_CARD_LAYOUT_A6;
  else
    return FALSE;
  return TRUE;
}

/**
 * rahnuma_card_layout_to_string:
 *
 * Returns: (transfer none): "roll" or "a6"
 */
const char *
rahnuma_card_layout_to_string (RahnumaCardLayout layout)
{
  return layout == RAHNUMA_CARD_LAYOUT_A6 ? "a6" : "roll";
}

/**
 * rahnuma_card_check:
 * @card: a card
 * @error: %RAHNUMA_CARD_ERROR_INVALID if it cannot be drawn
 *
 * A card needs a known language, a code, a date and a QR payload that fits
 * in a QR code (at most about 2300 bytes at level M).
 *
 * Returns: %TRUE if rahnuma_card_draw() can draw it
 */
gboolean
rahnuma_card_check (const RahnumaCard *card, GError **error)
{
  QRcode *qr;

  g_return_val_if_fail (card != NULL, FALSE);

  if (!rahnuma_language_is_valid (card->language) || card->code == NULL || card->date == NULL ||
      card->qr_payload == NULL || (card->n_contacts > 0 && card->contacts == NULL))
    {
      g_set_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID,
                   "A card needs a known language, a code, a date and a QR text");
      return FALSE;
    }
  for (gsize i = 0; i < card->n_contacts; i++)
    if (card->contacts[i].name == NULL)
      {
        g_set_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID, "Contact %zu has no name", i);
        return FALSE;
      }
  qr = QRcode_encodeString (card->qr_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    {
      g_set_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID,
                   "The QR text is too long for a QR code");
      return FALSE;
    }
  QRcode_free (qr);
  return TRUE;
}

/**
 * rahnuma_card_get_n_pages:
 * @layout: the paper
 *
 * Returns: the pages a card takes: 1 on the roll; 2 on A6 (the code and QR
 *   on the front, the rules and contacts on the back, for a duplex printer
 *   or two sheets)
 */
guint
rahnuma_card_get_n_pages (RahnumaCardLayout layout)
{
  return layout == RAHNUMA_CARD_LAYOUT_A6 ? 2 : 1;
}

/**
 * rahnuma_card_measure:
 * @card: a card that passes rahnuma_card_check()
 * @layout: the paper
 * @page: the page, below rahnuma_card_get_n_pages()
 * @width: the printable width, in points
 *
 * Returns: the height the page's content takes at @width, in points
 */
double
rahnuma_card_measure (const RahnumaCard *card, RahnumaCardLayout layout, guint page, double width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (card != NULL && rahnuma_language_is_valid (card->language), 0);
  g_return_val_if_fail (width > 0, 0);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  height = draw_flow (card, layout, page, cr, width);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/**
 * rahnuma_card_draw:
 * @card: a card that passes rahnuma_card_check()
 * @layout: the paper
 * @page: the page, below rahnuma_card_get_n_pages()
 * @cr: where to draw; the origin is the printable area's top-left corner
 * @width: the printable width, in the units of @cr (points on paper)
 * @height: the printable height, or 0 for as long as the card needs
 *
 * Draws one page of the card. If it is longer than @height (an A6 sheet
 * with many contacts), it is shrunk evenly to fit, centred across.
 */
void
rahnuma_card_draw (const RahnumaCard *card, RahnumaCardLayout layout, guint page, cairo_t *cr,
                   double width, double height)
{
  double needed, scale = 1.0;

  g_return_if_fail (card != NULL && rahnuma_language_is_valid (card->language));
  g_return_if_fail (cr != NULL && width > 0);

  needed = rahnuma_card_measure (card, layout, page, width);
  if (height > 0 && needed > height)
    scale = height / needed;
  cairo_save (cr);
  cairo_translate (cr, width * (1 - scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  draw_flow (card, layout, page, cr, width);
  cairo_restore (cr);
}

/**
 * rahnuma_card_get_paper:
 * @card: a card that passes rahnuma_card_check()
 * @layout: the paper
 * @width: (out): the paper's width, in points
 * @height: (out): its height: A6's, or the roll's length this card needs
 * @margin: (out): the margin on every side, in points (4 mm on the roll,
 *   so 72 mm of the 80 mm are printed)
 */
void
rahnuma_card_get_paper (const RahnumaCard *card, RahnumaCardLayout layout,
                        double *width, double *height, double *margin)
{
  g_return_if_fail (card != NULL && width != NULL && height != NULL && margin != NULL);

  if (layout == RAHNUMA_CARD_LAYOUT_A6)
    {
      *width = RAHNUMA_CARD_A6_WIDTH;
      *height = RAHNUMA_CARD_A6_HEIGHT;
      *margin = RAHNUMA_CARD_A6_MARGIN;
      return;
    }
  *width = RAHNUMA_CARD_ROLL_PAPER_WIDTH;
  *margin = (RAHNUMA_CARD_ROLL_PAPER_WIDTH - RAHNUMA_CARD_ROLL_PRINT_WIDTH) / 2;
  *height = rahnuma_card_measure (card, layout, 0, RAHNUMA_CARD_ROLL_PRINT_WIDTH) + 2 * *margin;
}

/**
 * rahnuma_card_write_pdf:
 * @card: the card
 * @layout: the paper
 * @path: the PDF to write, replaced if it exists
 * @error: %RAHNUMA_CARD_ERROR_INVALID for a card rahnuma_card_check()
 *   refuses, %RAHNUMA_CARD_ERROR_WRITE if the file cannot be written
 *
 * Draws the card on the pages of a PDF, with cairo alone (no GTK, no
 * printer): for `rahnuma-admin card` and for checking a layout. Written
 * beside @path and renamed, so a half-written card never has its name.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
rahnuma_card_write_pdf (const RahnumaCard *card, RahnumaCardLayout layout, const char *path, GError **error)
{
  g_autofree char *part = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height, margin;

  g_return_val_if_fail (card != NULL && path != NULL, FALSE);

  if (!rahnuma_card_check (card, error))
    return FALSE;
  rahnuma_card_get_paper (card, layout, &width, &height, &margin);
  part = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (part, width, height);
  cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  for (guint page = 0; page < rahnuma_card_get_n_pages (layout); page++)
    {
      rahnuma_card_draw (card, layout, page, cr, width - 2 * margin, height - 2 * margin);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (part, path) != 0)
    {
      g_set_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_WRITE, "%s",
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno));
      g_unlink (part);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  RahnumaCard card; /* first, so a RahnumaCard * of a copy is the copy */
  GStringChunk *strings;
  RahnumaCardContact *contacts;
} CardCopy;

/**
 * rahnuma_card_copy:
 * @card: a card
 *
 * Returns: (transfer full): a copy that owns its strings, contacts and
 *   date, for a print job that outlives @card; free with rahnuma_card_free()
 */
RahnumaCard *
rahnuma_card_copy (const RahnumaCard *card)
{
  CardCopy *copy;
  GStringChunk *strings;

  g_return_val_if_fail (card != NULL, NULL);

  copy = g_new0 (CardCopy, 1);
  strings = g_string_chunk_new (256);
  copy->card = *card;
  copy->strings = strings;
  copy->card.language = card->language != NULL ? g_string_chunk_insert_const (strings, card->language) : NULL;
  copy->card.code = card->code != NULL ? g_string_chunk_insert (strings, card->code) : NULL;
  copy->card.qr_payload = card->qr_payload != NULL ? g_string_chunk_insert (strings, card->qr_payload) : NULL;
  copy->card.date = card->date != NULL ? g_date_time_ref (card->date) : NULL;
  copy->contacts = g_new0 (RahnumaCardContact, MAX (card->n_contacts, 1));
  for (gsize i = 0; i < card->n_contacts; i++)
    {
      const RahnumaCardContact *from = &card->contacts[i];
      RahnumaCardContact *to = &copy->contacts[i];

      to->name = from->name != NULL ? g_string_chunk_insert (strings, from->name) : NULL;
      to->helps_with = from->helps_with != NULL ? g_string_chunk_insert (strings, from->helps_with) : NULL;
      to->phone = from->phone != NULL ? g_string_chunk_insert (strings, from->phone) : NULL;
      to->address = from->address != NULL ? g_string_chunk_insert (strings, from->address) : NULL;
      to->hours = from->hours != NULL ? g_string_chunk_insert (strings, from->hours) : NULL;
    }
  copy->card.contacts = copy->contacts;
  return &copy->card;
}

/**
 * rahnuma_card_free:
 * @card: (transfer full): a card from rahnuma_card_copy(), and only such a card
 */
void
rahnuma_card_free (RahnumaCard *card)
{
  CardCopy *copy = (CardCopy *) card;

  if (card == NULL)
    return;
  g_clear_pointer (&copy->card.date, g_date_time_unref);
  g_string_chunk_free (copy->strings);
  g_free (copy->contacts);
  g_free (copy);
}

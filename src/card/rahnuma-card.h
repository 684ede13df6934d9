/* rahnuma-card.h — the take-home card a visitor prints at the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define RAHNUMA_CARD_ERROR (rahnuma_card_error_quark ())

typedef enum
{
  RAHNUMA_CARD_ERROR_INVALID, /* a card that cannot be drawn: no code, an unknown language */
  RAHNUMA_CARD_ERROR_WRITE,   /* the PDF could not be written */
} RahnumaCardError;

/**
 * RahnumaCardLayout:
 * @RAHNUMA_CARD_LAYOUT_ROLL: an 80 mm thermal roll, 72 mm printable, as long as the card needs
 * @RAHNUMA_CARD_LAYOUT_A6: A6 sheets (105 × 148 mm): the code on the front, the
 *   rules and contacts on the back, each shrunk to fit if it must
 */
typedef enum
{
  RAHNUMA_CARD_LAYOUT_ROLL,
  RAHNUMA_CARD_LAYOUT_A6,
} RahnumaCardLayout;

/**
 * RahnumaCardContact:
 *
 * One place to get help, every string already in the visitor's language
 * (any may be %NULL but @name). A minimal stand-in for the contacts
 * directory (src/core/rahnuma-contacts.h, another branch): the lead maps
 * one to the other when both are merged.
 */
typedef struct
{
  const char *name;
  const char *helps_with;
  const char *phone;
  const char *address;
  const char *hours;
} RahnumaCardContact;

/**
 * RahnumaCard:
 * @language: a code from rahnuma_languages(); picks the font, the direction
 *   and the language Pango shapes for. The card's own words are translated
 *   by gettext in the language in effect: the caller sets it first.
 * @code: the completion code, printed large, left to right
 * @qr_payload: the text the QR code carries (today the code itself; the
 *   signed record when that lands)
 * @date: the day of the visit, printed as YYYY-MM-DD
 * @n_passed: lessons passed
 * @n_total: lessons on offer
 * @completed: whether the visit counts as a completed briefing
 *   (rahnuma_visit_is_complete())
 * @demo: a test card: marked DEMO, large, at the top and the bottom
 * @contacts: (array length=n_contacts) (nullable): where to get help
 * @n_contacts: their number; with none, the card says to ask the officer
 *
 * Everything one card shows. The struct only borrows its strings.
 */
typedef struct
{
  const char *language;
  const char *code;
  const char *qr_payload;
  GDateTime *date;
  guint n_passed;
  guint n_total;
  gboolean completed;
  gboolean demo;
  const RahnumaCardContact *contacts;
  gsize n_contacts;
} RahnumaCard;

/* Sizes in points (1/72 inch). */
#define RAHNUMA_CARD_MM                (72.0 / 25.4)
#define RAHNUMA_CARD_ROLL_PAPER_WIDTH  (80.0 * RAHNUMA_CARD_MM)
#define RAHNUMA_CARD_ROLL_PRINT_WIDTH  (72.0 * RAHNUMA_CARD_MM)
#define RAHNUMA_CARD_A6_WIDTH          (105.0 * RAHNUMA_CARD_MM)
#define RAHNUMA_CARD_A6_HEIGHT         (148.0 * RAHNUMA_CARD_MM)
#define RAHNUMA_CARD_A6_MARGIN         (6.0 * RAHNUMA_CARD_MM)

GQuark    rahnuma_card_error_quark       (void);

gboolean  rahnuma_card_layout_from_string (const char         *name,
                                           RahnumaCardLayout  *layout);
const char *rahnuma_card_layout_to_string (RahnumaCardLayout   layout);

gboolean  rahnuma_card_check             (const RahnumaCard  *card,
                                          GError            **error);
void      rahnuma_card_get_paper         (const RahnumaCard  *card,
                                          RahnumaCardLayout   layout,
                                          double             *width,
                                          double             *height,
                                          double             *margin);
guint     rahnuma_card_get_n_pages       (RahnumaCardLayout   layout);
double    rahnuma_card_measure           (const RahnumaCard  *card,
                                          RahnumaCardLayout   layout,
                                          guint               page,
                                          double              width);
void      rahnuma_card_draw              (const RahnumaCard  *card,
                                          RahnumaCardLayout   layout,
                                          guint               page,
                                          cairo_t            *cr,
                                          double              width,
                                          double              height);
gboolean  rahnuma_card_write_pdf         (const RahnumaCard  *card,
                                          RahnumaCardLayout   layout,
                                          const char         *path,
                                          GError            **error);
RahnumaCard *rahnuma_card_copy          (const RahnumaCard  *card);
void      rahnuma_card_free              (RahnumaCard        *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaCard, rahnuma_card_free)

G_END_DECLS

/* rahnuma-about-picture.c — the pictures of the "about you" answers
 *
 * Drawn with cairo at any size, so they need no files and stay sharp on any
 * screen: a figure for each gender, a flag for each destination (simplified:
 * the colours and layout a worker knows, not the emblems), a sign for each
 * sector and for how the job was found, a tick and a cross for yes and no,
 * a question mark for "I don't know" and a closed mouth for "prefer not to
 * say"; for the path after the hall briefing, a hall and a kiosk screen,
 * and the short path's "watch again", "answer again" and "go on". Pictures
 * carry no text: the label beside them does, in the
 * visitor's language. Names are "QUESTION:VALUE", as the step's answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rahnuma-about-picture.h"

#define SIZE 88 /* px, the picture's natural size */

struct _RahnumaAboutPicture
{
  GtkWidget parent_instance;

  char *name;
};

G_DEFINE_FINAL_TYPE (RahnumaAboutPicture, rahnuma_about_picture, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- drawing: every function draws in a 100 × 100 box ---------------- */

static const double INK[] = { 0.15, 0.17, 0.16 };

static void
rgb (cairo_t *cr, guint32 hex)
{
  cairo_set_source_rgb (cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0);
}

static void
stroke_ink (cairo_t *cr, double width)
{
  cairo_set_source_rgb (cr, INK[0], INK[1], INK[2]);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
person (cairo_t *cr, double x, double y, double s, guint32 colour, gboolean dress)
{
  cairo_arc (cr, x, y + 14 * s, 11 * s, 0, 2 * G_PI);
  rgb (cr, 0xc99a6b);
  cairo_fill (cr);
  if (dress)
    {
      /* A scarf round the head, and a long dress. */
      cairo_arc (cr, x, y + 14 * s, 13 * s, G_PI, 2 * G_PI);
      rgb (cr, colour);
      cairo_fill (cr);
      cairo_move_to (cr, x - 8 * s, y + 30 * s);
      cairo_line_to (cr, x + 8 * s, y + 30 * s);
      cairo_line_to (cr, x + 22 * s, y + 86 * s);
      cairo_line_to (cr, x - 22 * s, y + 86 * s);
    }
  else
    {
      cairo_rectangle (cr, x - 14 * s, y + 30 * s, 28 * s, 38 * s);
      cairo_rectangle (cr, x - 12 * s, y + 66 * s, 10 * s, 20 * s);
      cairo_rectangle (cr, x + 2 * s, y + 66 * s, 10 * s, 20 * s);
    }
  cairo_close_path (cr);
  rgb (cr, colour);
  cairo_fill (cr);
}

static void
draw_woman (cairo_t *cr)
{
  person (cr, 50, 4, 1, 0x8e3b6f, TRUE);
}

static void
draw_man (cairo_t *cr)
{
  person (cr, 50, 4, 1, 0x2f5d8a, FALSE);
}

static void
draw_other_person (cairo_t *cr)
{
  person (cr, 50, 4, 1, 0x6d8a3a, FALSE);
}

static void
draw_two_people (cairo_t *cr)
{
  person (cr, 32, 14, 0.8, 0x2f5d8a, FALSE);
  person (cr, 68, 14, 0.8, 0x8e3b6f, TRUE);
}

/* "Prefer not to say": a face with its mouth closed by a line. */
static void
draw_unsaid (cairo_t *cr)
{
  cairo_arc (cr, 50, 50, 38, 0, 2 * G_PI);
  rgb (cr, 0xe8e4d8);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 5);
  cairo_arc (cr, 37, 40, 4, 0, 2 * G_PI);
  cairo_arc (cr, 63, 40, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 34, 66);
  cairo_line_to (cr, 66, 66);
  stroke_ink (cr, 7);
}

static void
draw_unknown (cairo_t *cr)
{
  cairo_arc (cr, 50, 50, 38, 0, 2 * G_PI);
  rgb (cr, 0xf1d98a);
  cairo_fill (cr);
  cairo_arc (cr, 50, 38, 14, G_PI, 2.3 * G_PI);
  cairo_line_to (cr, 50, 62);
  stroke_ink (cr, 8);
  cairo_arc (cr, 50, 76, 5, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_mark (cairo_t *cr, gboolean yes)
{
  cairo_arc (cr, 50, 50, 40, 0, 2 * G_PI);
  rgb (cr, yes ? 0x2e7d32 : 0xb3261e);
  cairo_fill (cr);
  if (yes)
    {
      cairo_move_to (cr, 30, 52);
      cairo_line_to (cr, 44, 66);
      cairo_line_to (cr, 72, 36);
    }
  else
    {
      cairo_move_to (cr, 34, 34);
      cairo_line_to (cr, 66, 66);
      cairo_move_to (cr, 66, 34);
      cairo_line_to (cr, 34, 66);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 10);
  cairo_stroke (cr);
}

static void
draw_yes (cairo_t *cr)
{
  draw_mark (cr, TRUE);
}

static void
draw_no (cairo_t *cr)
{
  draw_mark (cr, FALSE);
}

static void
draw_dots (cairo_t *cr)
{
  for (int i = 0; i < 3; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, 26 + 24 * i, 50, 8, 0, 2 * G_PI);
    }
  rgb (cr, 0x555555);
  cairo_fill (cr);
}

/* ---- flags: 90 × 60 at (5, 20), simplified ---------------------------- */

#define FX 5.0
#define FY 20.0
#define FW 90.0
#define FH 60.0

static void
band (cairo_t *cr, guint32 colour, double y, double h)
{
  cairo_rectangle (cr, FX, FY + y * FH, FW, h * FH);
  rgb (cr, colour);
  cairo_fill (cr);
}

static void
hoist (cairo_t *cr, guint32 colour, double w)
{
  cairo_rectangle (cr, FX, FY, w * FW, FH);
  rgb (cr, colour);
  cairo_fill (cr);
}

static void
flag_frame (cairo_t *cr)
{
  cairo_rectangle (cr, FX, FY, FW, FH);
  stroke_ink (cr, 2);
}

static void
draw_flag_sa (cairo_t *cr)
{
  band (cr, 0x006c35, 0, 1);
  cairo_rectangle (cr, FX + 20, FY + 40, 50, 4); /* the sword */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_rectangle (cr, FX + 22, FY + 18, 46, 14); /* where the script is */
  cairo_fill (cr);
}

static void
draw_flag_ae (cairo_t *cr)
{
  band (cr, 0x00732f, 0, 1.0 / 3);
  band (cr, 0xffffff, 1.0 / 3, 1.0 / 3);
  band (cr, 0x000000, 2.0 / 3, 1.0 / 3);
  hoist (cr, 0xff0000, 0.25);
}

static void
draw_flag_om (cairo_t *cr)
{
  band (cr, 0xffffff, 0, 1.0 / 3);
  band (cr, 0xdb161b, 1.0 / 3, 1.0 / 3);
  band (cr, 0x008000, 2.0 / 3, 1.0 / 3);
  hoist (cr, 0xdb161b, 0.25);
}

static void
draw_flag_qa (cairo_t *cr)
{
  band (cr, 0x8a1538, 0, 1);
  hoist (cr, 0xffffff, 0.3);
  for (int i = 0; i < 9; i++) /* the serrated edge */
    {
      cairo_move_to (cr, FX + 0.3 * FW, FY + i * FH / 9);
      cairo_line_to (cr, FX + 0.3 * FW + 8, FY + (i + 0.5) * FH / 9);
      cairo_line_to (cr, FX + 0.3 * FW, FY + (i + 1) * FH / 9);
    }
  cairo_fill (cr);
}

static void
draw_flag_kw (cairo_t *cr)
{
  band (cr, 0x007a3d, 0, 1.0 / 3);
  band (cr, 0xffffff, 1.0 / 3, 1.0 / 3);
  band (cr, 0xce1126, 2.0 / 3, 1.0 / 3);
  cairo_move_to (cr, FX, FY);
  cairo_line_to (cr, FX + 22, FY + 20);
  cairo_line_to (cr, FX + 22, FY + 40);
  cairo_line_to (cr, FX, FY + FH);
  rgb (cr, 0x000000);
  cairo_fill (cr);
}

static void
draw_flag_bh (cairo_t *cr)
{
  band (cr, 0xce1126, 0, 1);
  hoist (cr, 0xffffff, 0.28);
  for (int i = 0; i < 5; i++)
    {
      cairo_move_to (cr, FX + 0.28 * FW, FY + i * FH / 5);
      cairo_line_to (cr, FX + 0.28 * FW + 10, FY + (i + 0.5) * FH / 5);
      cairo_line_to (cr, FX + 0.28 * FW, FY + (i + 1) * FH / 5);
    }
  cairo_fill (cr);
}

static void
draw_flag_my (cairo_t *cr)
{
  for (int i = 0; i < 14; i++)
    band (cr, i % 2 ? 0xffffff : 0xcc0001, i / 14.0, 1.0 / 14);
  cairo_rectangle (cr, FX, FY, FW / 2, FH * 8 / 14);
  rgb (cr, 0x010066);
  cairo_fill (cr);
  cairo_arc (cr, FX + 16, FY + 17, 10, 0.5 * G_PI, 1.5 * G_PI); /* the crescent */
  rgb (cr, 0xffcc00);
  cairo_fill (cr);
}

static void
draw_flag_gb (cairo_t *cr)
{
  band (cr, 0x012169, 0, 1);
  cairo_save (cr);
  cairo_rectangle (cr, FX, FY, FW, FH);
  cairo_clip (cr);
  cairo_move_to (cr, FX, FY);
  cairo_line_to (cr, FX + FW, FY + FH);
  cairo_move_to (cr, FX + FW, FY);
  cairo_line_to (cr, FX, FY + FH);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 12);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, FX + FW / 2 - 9, FY, 18, FH);
  cairo_rectangle (cr, FX, FY + FH / 2 - 9, FW, 18);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_rectangle (cr, FX + FW / 2 - 5, FY, 10, FH);
  cairo_rectangle (cr, FX, FY + FH / 2 - 5, FW, 10);
  rgb (cr, 0xc8102e);
  cairo_fill (cr);
}

/* Another country: a globe. */
static void
draw_globe (cairo_t *cr)
{
  cairo_arc (cr, 50, 50, 38, 0, 2 * G_PI);
  rgb (cr, 0x7fb3d5);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
  cairo_save (cr);
  cairo_translate (cr, 50, 50);
  cairo_scale (cr, 0.45, 1);
  cairo_arc (cr, 0, 0, 38, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_move_to (cr, 12, 50);
  cairo_line_to (cr, 88, 50);
  stroke_ink (cr, 3);
}

/* ---- sectors and how the job was found ------------------------------- */

static void
draw_helmet (cairo_t *cr)
{
  cairo_arc (cr, 50, 62, 30, G_PI, 2 * G_PI);
  cairo_close_path (cr);
  rgb (cr, 0xf2b705);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
  cairo_rectangle (cr, 12, 60, 76, 10);
  rgb (cr, 0xf2b705);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
}

static void
draw_wheel (cairo_t *cr)
{
  cairo_arc (cr, 50, 50, 36, 0, 2 * G_PI);
  stroke_ink (cr, 9);
  cairo_arc (cr, 50, 50, 8, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 16, 46);
  cairo_line_to (cr, 84, 46);
  cairo_move_to (cr, 50, 50);
  cairo_line_to (cr, 50, 86);
  stroke_ink (cr, 7);
}

static void
draw_house (cairo_t *cr)
{
  cairo_move_to (cr, 10, 50);
  cairo_line_to (cr, 50, 14);
  cairo_line_to (cr, 90, 50);
  cairo_close_path (cr);
  rgb (cr, 0xb5523b);
  cairo_fill (cr);
  cairo_rectangle (cr, 22, 50, 56, 38);
  rgb (cr, 0xe9dcc0);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
  cairo_rectangle (cr, 43, 64, 14, 24);
  stroke_ink (cr, 4);
}

static void
draw_cup (cairo_t *cr)
{
  cairo_move_to (cr, 22, 34);
  cairo_line_to (cr, 70, 34);
  cairo_line_to (cr, 64, 78);
  cairo_line_to (cr, 28, 78);
  cairo_close_path (cr);
  rgb (cr, 0xffffff);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 5);
  cairo_arc (cr, 72, 50, 10, -0.5 * G_PI, 0.5 * G_PI);
  stroke_ink (cr, 5);
  cairo_move_to (cr, 12, 86);
  cairo_line_to (cr, 88, 86);
  stroke_ink (cr, 5);
}

static void
draw_gear (cairo_t *cr)
{
  for (int i = 0; i < 8; i++)
    {
      double a = i * G_PI / 4;

      cairo_move_to (cr, 50 + 26 * cos (a), 50 + 26 * sin (a));
      cairo_line_to (cr, 50 + 42 * cos (a), 50 + 42 * sin (a));
    }
  cairo_set_source_rgb (cr, 0.4, 0.45, 0.5);
  cairo_set_line_width (cr, 12);
  cairo_stroke (cr);
  cairo_arc (cr, 50, 50, 28, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 50, 50, 11, 0, 2 * G_PI);
  rgb (cr, 0xf6f5f0);
  cairo_fill (cr);
}

static void
draw_plant (cairo_t *cr)
{
  cairo_move_to (cr, 50, 90);
  cairo_line_to (cr, 50, 24);
  stroke_ink (cr, 5);
  for (int i = 0; i < 3; i++)
    {
      double y = 34 + i * 18;

      cairo_save (cr);
      cairo_translate (cr, 50, y);
      cairo_scale (cr, 1, 0.45);
      cairo_arc (cr, -16, 0, 16, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 16, 0, 16, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  rgb (cr, 0x4c8c2b);
  cairo_fill (cr);
}

static void
draw_health (cairo_t *cr)
{
  cairo_rectangle (cr, 38, 14, 24, 72);
  cairo_rectangle (cr, 14, 38, 72, 24);
  rgb (cr, 0xc62828);
  cairo_fill (cr);
}

static void
draw_shield (cairo_t *cr)
{
  cairo_move_to (cr, 50, 10);
  cairo_line_to (cr, 84, 22);
  cairo_curve_to (cr, 84, 60, 70, 80, 50, 92);
  cairo_curve_to (cr, 30, 80, 16, 60, 16, 22);
  cairo_close_path (cr);
  rgb (cr, 0x2f5d8a);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
}

/* A licensed promoter: an office with a stamped licence on its wall. */
static void
draw_office (cairo_t *cr)
{
  cairo_rectangle (cr, 18, 14, 64, 76);
  rgb (cr, 0xd9d4c7);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 4);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 3; col++)
      cairo_rectangle (cr, 26 + col * 18, 22 + row * 18, 12, 12);
  rgb (cr, 0x2f5d8a);
  cairo_fill (cr);
  cairo_arc (cr, 70, 78, 12, 0, 2 * G_PI);
  rgb (cr, 0xc62828);
  cairo_fill (cr);
}

/* A sub-agent: a person in between, passing something on. */
static void
draw_middleman (cairo_t *cr)
{
  person (cr, 50, 8, 0.95, 0x7a5c3a, FALSE);
  cairo_move_to (cr, 8, 56);
  cairo_line_to (cr, 30, 56);
  cairo_move_to (cr, 70, 56);
  cairo_line_to (cr, 92, 56);
  cairo_move_to (cr, 84, 48);
  cairo_line_to (cr, 92, 56);
  cairo_line_to (cr, 84, 64);
  stroke_ink (cr, 5);
}

/* Directly: a hand reaching an employer's door. */
static void
draw_direct (cairo_t *cr)
{
  person (cr, 28, 14, 0.8, 0x2f5d8a, FALSE);
  cairo_rectangle (cr, 60, 20, 30, 70);
  rgb (cr, 0xb5523b);
  cairo_fill (cr);
  cairo_arc (cr, 66, 56, 3, 0, 2 * G_PI);
  rgb (cr, 0xf2b705);
  cairo_fill (cr);
}

/* ---- the path after the hall briefing (issue 20) --------------------- */

/* A screen on a stand, showing a lesson about to play. */
static void
screen_with_play (cairo_t *cr, double x, double y, double w, double h)
{
  cairo_rectangle (cr, x, y, w, h);
  rgb (cr, 0xdbe8f4);
  cairo_fill_preserve (cr);
  stroke_ink (cr, 5);
  cairo_move_to (cr, x + w * 0.42, y + h * 0.28);
  cairo_line_to (cr, x + w * 0.64, y + h * 0.5);
  cairo_line_to (cr, x + w * 0.42, y + h * 0.72);
  cairo_close_path (cr);
  rgb (cr, 0xb5523b);
  cairo_fill (cr);
}

/* "I was in the hall briefing": a large screen before a seated group. */
static void
draw_hall (cairo_t *cr)
{
  screen_with_play (cr, 10, 6, 80, 40);
  person (cr, 22, 52, 0.48, 0x2f5d8a, FALSE);
  person (cr, 50, 52, 0.48, 0x8e3b6f, TRUE);
  person (cr, 78, 52, 0.48, 0x6d8a3a, FALSE);
}

/* "Show me every lesson": one screen, one person before it. */
static void
draw_kiosk (cairo_t *cr)
{
  screen_with_play (cr, 30, 6, 64, 50);
  cairo_move_to (cr, 62, 56);
  cairo_line_to (cr, 62, 92);
  stroke_ink (cr, 6);
  person (cr, 20, 18, 0.8, 0x2f5d8a, FALSE);
}

/* "Watch it again": the lesson's screen with a round arrow. */
static void
draw_watch_again (cairo_t *cr)
{
  screen_with_play (cr, 8, 14, 70, 52);
  cairo_arc (cr, 74, 72, 18, 0.2 * G_PI, 1.7 * G_PI);
  stroke_ink (cr, 7);
  cairo_move_to (cr, 88, 50);
  cairo_line_to (cr, 92, 64);
  cairo_line_to (cr, 78, 62);
  stroke_ink (cr, 7);
}

/* "Answer again": numbered answers, as on the quiz screen (mirrored in
 * right-to-left layouts). */
static void
draw_answers (cairo_t *cr)
{
  static const guint32 colours[] = { 0x2f5d8a, 0x2e7d32, 0xb5523b };

  for (int i = 0; i < 3; i++)
    {
      cairo_rectangle (cr, 30, 12 + 28 * i, 60, 18);
      rgb (cr, 0xe8e4d8);
      cairo_fill_preserve (cr);
      stroke_ink (cr, 4);
      cairo_arc (cr, 16, 21 + 28 * i, 9, 0, 2 * G_PI);
      rgb (cr, colours[i]);
      cairo_fill (cr);
    }
}

/* "Go on": an arrow to the next step (mirrored in right-to-left layouts). */
static void
draw_go_on (cairo_t *cr)
{
  cairo_arc (cr, 50, 50, 40, 0, 2 * G_PI);
  rgb (cr, 0x2f5d8a);
  cairo_fill (cr);
  cairo_move_to (cr, 28, 50);
  cairo_line_to (cr, 70, 50);
  cairo_move_to (cr, 54, 32);
  cairo_line_to (cr, 72, 50);
  cairo_line_to (cr, 54, 68);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 10);
  cairo_stroke (cr);
}

static const struct
{
  const char *name;
  void (*draw) (cairo_t *cr);
} drawings[] = {
  { "gender:woman", draw_woman }, { "gender:man", draw_man }, { "gender:other", draw_other_person },
  { "destination:SA", draw_flag_sa }, { "destination:AE", draw_flag_ae }, { "destination:OM", draw_flag_om },
  { "destination:QA", draw_flag_qa }, { "destination:KW", draw_flag_kw }, { "destination:BH", draw_flag_bh },
  { "destination:MY", draw_flag_my }, { "destination:GB", draw_flag_gb }, { "destination:other", draw_globe },
  { "sector:construction", draw_helmet }, { "sector:driving", draw_wheel }, { "sector:domestic", draw_house },
  { "sector:hospitality", draw_cup }, { "sector:manufacturing", draw_gear }, { "sector:agriculture", draw_plant },
  { "sector:healthcare", draw_health }, { "sector:security", draw_shield }, { "sector:other", draw_dots },
  { "found_via:promoter", draw_office }, { "found_via:sub-agent", draw_middleman },
  { "found_via:relative", draw_two_people }, { "found_via:direct", draw_direct }, { "found_via:other", draw_dots },
  { "yes", draw_yes }, { "no", draw_no }, { "unknown", draw_unknown }, { "unsaid", draw_unsaid },
  { "path:short", draw_hall }, { "path:full", draw_kiosk }, { "again:watch", draw_watch_again },
  { "again:answer", draw_answers }, { "go-on", draw_go_on },
};

/* "receipt:yes" and "borrowed:no" draw as "yes" and "no"; "*:unsaid" as "unsaid". */
static void (*lookup_drawing (const char *name)) (cairo_t *cr)
{
  const char *colon = name != NULL ? strchr (name, ':') : NULL;

  for (guint pass = 0; name != NULL && pass < 2; pass++)
    {
      const char *key = pass == 0 ? name : (colon != NULL ? colon + 1 : NULL);

      for (guint i = 0; key != NULL && i < G_N_ELEMENTS (drawings); i++)
        if (g_str_equal (key, drawings[i].name))
          return drawings[i].draw;
    }
  return NULL;
}

/**
 * rahnuma_about_picture_has_drawing:
 * @name: "QUESTION:VALUE", e.g. "destination:SA"
 *
 * Returns: whether there is a picture for @name (every answer the step offers has one)
 */
gboolean
rahnuma_about_picture_has_drawing (const char *name)
{
  return lookup_drawing (name) != NULL;
}

/* ---- the widget ------------------------------------------------------ */

static void
rahnuma_about_picture_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RahnumaAboutPicture *self = RAHNUMA_ABOUT_PICTURE (widget);
  void (*draw) (cairo_t *cr) = lookup_drawing (self->name);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double side = MIN (w, h);
  cairo_t *cr;

  if (draw == NULL || side <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* The pictures are not mirrored in right-to-left layouts: flags and
   * signs read the same everywhere. An arrow onwards is (it points the
   * way the visitor reads), and the numbered answers, whose numbers stand
   * at the start of the line as on the quiz screen. */
  cairo_translate (cr, (w - side) / 2, (h - side) / 2);
  cairo_scale (cr, side / 100.0, side / 100.0);
  if ((g_str_equal (self->name, "go-on") || g_str_equal (self->name, "again:answer")) &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    {
      cairo_translate (cr, 100, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  draw (cr);
  if (g_str_has_prefix (self->name, "destination:") && !g_str_equal (self->name, "destination:other"))
    flag_frame (cr);
  cairo_destroy (cr);
}

static void
rahnuma_about_picture_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                               int *natural, int *minimum_baseline, int *natural_baseline)
{
  int width, height;

  /* A size request (the small pictures of the bottom row) is the size. */
  gtk_widget_get_size_request (widget, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = width > 0 ? width : SIZE;
  else
    *minimum = *natural = height > 0 ? height : SIZE;
}

static void
rahnuma_about_picture_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RahnumaAboutPicture *self = RAHNUMA_ABOUT_PICTURE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (g_strcmp0 (self->name, g_value_get_string (value)) == 0)
        return;
      g_free (self->name);
      self->name = g_value_dup_string (value);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (object, properties[PROP_NAME]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_about_picture_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RahnumaAboutPicture *self = RAHNUMA_ABOUT_PICTURE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_about_picture_finalize (GObject *object)
{
  g_free (RAHNUMA_ABOUT_PICTURE (object)->name);
  G_OBJECT_CLASS (rahnuma_about_picture_parent_class)->finalize (object);
}

static void
rahnuma_about_picture_class_init (RahnumaAboutPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rahnuma_about_picture_finalize;
  object_class->set_property = rahnuma_about_picture_set_property;
  object_class->get_property = rahnuma_about_picture_get_property;
  widget_class->snapshot = rahnuma_about_picture_snapshot;
  widget_class->measure = rahnuma_about_picture_measure;
  /* Decoration: the answer's label beside it says what it is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rahnuma_about_picture_init (RahnumaAboutPicture *self)
{
}

/**
 * rahnuma_about_picture_new:
 * @name: "QUESTION:VALUE", e.g. "sector:driving", or "unsaid", "unknown"
 *
 * Returns: (transfer floating): the picture
 */
GtkWidget *
rahnuma_about_picture_new (const char *name)
{
  return g_object_new (RAHNUMA_TYPE_ABOUT_PICTURE, "name", name, NULL);
}

/**
 * rahnuma_about_picture_get_name:
 *
 * Returns: (transfer none) (nullable): what the picture shows
 */
const char *
rahnuma_about_picture_get_name (RahnumaAboutPicture *self)
{
  g_return_val_if_fail (RAHNUMA_IS_ABOUT_PICTURE (self), NULL);
  return self->name;
}

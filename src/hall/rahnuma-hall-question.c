/* rahnuma-hall-question.c — a question on the hall's screen, fitted to it
 *
 * The question, its numbered answers and, once revealed, the right one
 * marked (✓) and the explanation: the room must see all of it at once, so
 * nothing scrolls on the projector. When it is too tall for the stage (four
 * long answers in Nastaliq on a 720-line screen), it is fitted, step by
 * step, each step measured at the stage's width:
 *
 *   1. the question's font goes down from 1/15 of the screen's height
 *      towards 1/20, the size rule's floor (rahnuma-hall-window.c);
 *   2. on a landscape screen, the explanation goes beside the answers (two
 *      columns under the question, the answers' the wider), the question
 *      again from 1/15 down.
 *
 * Answers and explanation are already at the floor (1/20) and never go
 * under it. If even the last step is too tall (no bundled lesson's
 * question is: tests/test-hall-fit.c walks them all), the top stays in
 * view and the end is cut, with a warning in the log.
 *
 * Sizes are set as Pango attributes, which take effect at once for the
 * measure (CSS changes only at the next frame).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include "rahnuma-hall-question.h"
#include "rahnuma-hall-sizes.h"
#include "rahnuma-language.h"
#include "rahnuma-widget-util.h"

/* Steps from 1/15 down to 1/20 for the question's font. */
#define QUESTION_STEPS 4

struct _RahnumaHallQuestion
{
  GtkWidget parent_instance;

  GtkWidget *box;         /* the question above the body */
  GtkLabel *question_label;
  GtkWidget *body;        /* answers and explanation: stacked, or side by side */
  GtkWidget *answers_box;
  GtkLabel *explanation_label;
  gboolean has_explanation;

  gboolean dirty;         /* new words or a new size: fit again */
  int fitted_width;
  int fitted_height;
  int question_px;
  gboolean side_by_side;
  gboolean fits;
};

G_DEFINE_FINAL_TYPE (RahnumaHallQuestion, rahnuma_hall_question, GTK_TYPE_WIDGET)

static void
set_px (GtkWidget *label, int px)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (px * PANGO_SCALE));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

/* Side by side, the answers take this share of the width: they are the
 * longer text, and an answer that wraps costs a whole line. */
#define ANSWERS_SHARE 0.6

static void
apply (RahnumaHallQuestion *self, int width, int question_px, int answer_px, gboolean side_by_side)
{
  set_px (GTK_WIDGET (self->question_label), question_px);
  /* Nastaliq's letters reach far above the line box: room for them above
   * the first line, or the stage's edge cuts their tops. */
  gtk_widget_set_margin_top (GTK_WIDGET (self->question_label), question_px / 3);
  for (GtkWidget *child = gtk_widget_get_first_child (self->answers_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_px (child, answer_px);
  set_px (GTK_WIDGET (self->explanation_label), answer_px);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body),
                                  side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (self->answers_box, side_by_side ? (int) (width * ANSWERS_SHARE) : -1, -1);
  self->question_px = question_px;
  self->side_by_side = side_by_side;
}

static int
needed_height (RahnumaHallQuestion *self, int width)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return MAX (minimum, natural);
}

/* The screen's height, which the size rule follows: the window's. */
static int
screen_height (RahnumaHallQuestion *self, int height)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int root_height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  return root_height > 0 ? root_height : height;
}

static gboolean
try_sizes (RahnumaHallQuestion *self, int width, int height, int screen, gboolean side_by_side)
{
  int top = rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_QUESTION, screen);
  int floor = rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, screen);
  int step = MAX (1, (top - floor + QUESTION_STEPS - 1) / QUESTION_STEPS);

  for (int px = top;; px = MAX (floor, px - step))
    {
      apply (self, width, px, floor, side_by_side);
      if (needed_height (self, width) <= height)
        return TRUE;
      if (px == floor)
        return FALSE;
    }
}

static void
fit (RahnumaHallQuestion *self, int width, int height)
{
  int screen = screen_height (self, height);
  gboolean landscape = width > height && self->has_explanation;

  self->fits = try_sizes (self, width, height, screen, FALSE) ||
               (landscape && try_sizes (self, width, height, screen, TRUE));
  if (!self->fits)
    g_warning ("A question does not fit the hall's screen (%d × %d px) even at the smallest size: "
               "its end is cut. Shorten it in the lesson's module.ini.", width, height);
  self->dirty = FALSE;
  self->fitted_width = width;
  self->fitted_height = height;
}

static void
rahnuma_hall_question_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RahnumaHallQuestion *self = RAHNUMA_HALL_QUESTION (widget);
  int needed;

  if (self->dirty || width != self->fitted_width || height != self->fitted_height)
    fit (self, width, height);
  needed = needed_height (self, width);
  /* Too tall even so: the top (the question) stays in view. */
  gtk_widget_allocate (self->box, width, MAX (height, needed), -1, NULL);
}

static void
rahnuma_hall_question_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                               int *natural, int *minimum_baseline, int *natural_baseline)
{
  RahnumaHallQuestion *self = RAHNUMA_HALL_QUESTION (widget);

  /* Whatever the stage gives: the words are fitted to it, not it to them. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = 0;
  else
    gtk_widget_measure (self->box, orientation, -1, minimum, natural, NULL, NULL);
}

static void
rahnuma_hall_question_dispose (GObject *object)
{
  RahnumaHallQuestion *self = RAHNUMA_HALL_QUESTION (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (rahnuma_hall_question_parent_class)->dispose (object);
}

static void
rahnuma_hall_question_class_init (RahnumaHallQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_question_dispose;
  widget_class->size_allocate = rahnuma_hall_question_size_allocate;
  widget_class->measure = rahnuma_hall_question_measure;
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
rahnuma_hall_question_init (RahnumaHallQuestion *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->box, "hall-question-box");
  self->question_label = GTK_LABEL (new_label ("hall-question"));
  self->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  self->answers_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (self->answers_box, GTK_ALIGN_START);
  self->explanation_label = GTK_LABEL (new_label ("hall-explanation"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->explanation_label), TRUE);
  gtk_box_append (GTK_BOX (self->body), self->answers_box);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->explanation_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->question_label));
  gtk_box_append (GTK_BOX (self->box), self->body);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->dirty = TRUE;
}

/* "2. The answer", with ✓ before the right one once revealed: the room sees
 * which it is by its mark, not by its colour alone. */
static void
add_answer (RahnumaHallQuestion *self, RahnumaQuestion *question, guint i, const char *subtitles,
            gboolean reveal)
{
  g_autofree char *choice = rahnuma_question_dup_choice (question, i, subtitles);
  gboolean right = reveal && i == rahnuma_question_get_correct (question);
  g_autofree char *text = g_strdup_printf ("%s%u. %s", right ? "✓ " : "", i + 1, choice);
  GtkWidget *label = new_label ("hall-answer");

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_direction (label, gtk_widget_get_direction (self->answers_box));
  if (right)
    gtk_widget_add_css_class (label, "hall-correct");
  else if (reveal)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (self->answers_box), label);
}

static void
set_direction (RahnumaHallQuestion *self, const char *subtitles)
{
  const RahnumaLanguage *lang = rahnuma_language_lookup (subtitles);
  GtkTextDirection direction = lang != NULL && lang->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  GtkWidget *widgets[] = { GTK_WIDGET (self), self->box, GTK_WIDGET (self->question_label), self->body,
                           self->answers_box, GTK_WIDGET (self->explanation_label) };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_set_direction (widgets[i], direction);
}

/**
 * rahnuma_hall_question_new:
 *
 * Returns: (transfer floating): an empty question page; fill it with
 *   rahnuma_hall_question_set()
 */
GtkWidget *
rahnuma_hall_question_new (void)
{
  return g_object_new (RAHNUMA_TYPE_HALL_QUESTION, NULL);
}

/**
 * rahnuma_hall_question_set:
 * @question: (transfer none): the question to show
 * @subtitles: the code of the language of its words ("ur", "ps", …)
 * @reveal: %TRUE to mark the right answer (✓) and show the explanation
 *
 * Shows @question in the direction of @subtitles, fitted to the stage at
 * the next allocation (top of this file). The font family follows the
 * lang-<code> class of an ancestor (rahnuma_i18n_style_widget()).
 */
void
rahnuma_hall_question_set (RahnumaHallQuestion *self, RahnumaQuestion *question, const char *subtitles,
                           gboolean reveal)
{
  g_autofree char *text = NULL;
  g_autofree char *explanation = NULL;

  g_return_if_fail (RAHNUMA_IS_HALL_QUESTION (self));
  g_return_if_fail (question != NULL && subtitles != NULL);

  text = rahnuma_question_dup_text (question, subtitles);
  explanation = rahnuma_question_dup_explanation (question, subtitles);
  set_direction (self, subtitles);
  gtk_label_set_label (self->question_label, text);
  rahnuma_widget_unparent_children (self->answers_box);
  for (guint i = 0; i < rahnuma_question_get_n_choices (question); i++)
    add_answer (self, question, i, subtitles, reveal);
  self->has_explanation = reveal && explanation != NULL && *explanation != '\0';
  gtk_label_set_label (self->explanation_label, self->has_explanation ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), self->has_explanation);
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rahnuma_hall_question_get_fits:
 * @question_px: (out) (optional): the question's font size in pixels
 * @side_by_side: (out) (optional): whether the explanation is beside the answers
 *
 * How the last allocation fitted the question (for tests and the log).
 *
 * Returns: %TRUE if all of it is inside the stage at the sizes given
 */
gboolean
rahnuma_hall_question_get_fits (RahnumaHallQuestion *self, int *question_px, gboolean *side_by_side)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_QUESTION (self), FALSE);
  if (question_px != NULL)
    *question_px = self->question_px;
  if (side_by_side != NULL)
    *side_by_side = self->side_by_side;
  return self->fits && !self->dirty;
}

/* rahnuma-about-page.c — the optional, anonymous "about you" step
 *
 * After the language choice a visitor may say, one question at a time:
 * gender, destination (flags, each country's name said when touched), job
 * sector, how the job was found, what was paid to get it (in rupees, on the
 * shared number pad of src/ui/, or "I don't know"), whether a receipt was given and money
 * borrowed (not asked when nothing was paid), and the monthly wage in the
 * contract with its currency (the destination's first). Every question
 * offers "prefer not to say"; "Skip all" leaves at once. Each question is
 * said aloud when it shows; each answer touched is chosen at once and its
 * words said before the next question (its prompt, Answer.prompt); a
 * currency touched says its name; an amount is read back digit by digit
 * with its currency after OK (what was paid) and on Listen.
 *
 * The answers stay in this page, which is built for one visit and
 * destroyed with it; at the end the page activates "kiosk.about-done"
 * (b: skipped all) and the window records them (rahnuma_visit_about_async()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-about-choice.h"
#include "rahnuma-about-page.h"
#include "rahnuma-number-pad.h"
#include "rahnuma-about-picture.h"
#include "rahnuma-store.h"
#include "rahnuma-survey.h"
#include "rahnuma-widget-util.h"

typedef enum
{
  Q_GENDER,
  Q_DESTINATION,
  Q_SECTOR,
  Q_FOUND_VIA,
  Q_COST,
  Q_RECEIPT,
  Q_BORROWED,
  Q_WAGE,
  N_QUESTIONS
} Question;

typedef struct
{
  const char *value;
  const char *label;
  const char *prompt;  /* its words said when touched (media/prompts/prompts.ini) */
} Answer;

static const Answer gender_answers[] = {
  /* Translators: an answer to "Are you a woman or a man?" */
  { "woman", N_("Woman"), "about-woman" }, { "man", N_("Man"), "about-man" },
  { "other", N_("Other"), "about-gender-other" }, { NULL }
};
static const Answer destination_answers[] = {
  { "SA", N_("Saudi Arabia"), "country-SA" }, { "AE", N_("United Arab Emirates"), "country-AE" },
  { "OM", N_("Oman"), "country-OM" }, { "QA", N_("Qatar"), "country-QA" }, { "KW", N_("Kuwait"), "country-KW" },
  { "BH", N_("Bahrain"), "country-BH" }, { "MY", N_("Malaysia"), "country-MY" },
  /* Translators: an answer to "Which country are you going to?" */
  { "GB", N_("United Kingdom"), "country-GB" }, { "other", N_("Another country"), "about-country-other" }, { NULL }
};
static const Answer sector_answers[] = {
  /* Translators: answers to "What kind of work will you do?" */
  { "construction", N_("Construction"), "about-sector-construction" },
  { "driving", N_("Driving"), "about-sector-driving" },
  { "domestic", N_("Work in a home"), "about-sector-domestic" },
  { "hospitality", N_("Hotels and restaurants"), "about-sector-hospitality" },
  { "manufacturing", N_("Factory work"), "about-sector-manufacturing" },
  { "agriculture", N_("Farming"), "about-sector-agriculture" },
  { "healthcare", N_("Health care"), "about-sector-healthcare" },
  { "security", N_("Security guard"), "about-sector-security" },
  { "other", N_("Other work"), "about-sector-other" }, { NULL }
};
static const Answer found_via_answers[] = {
  /* Translators: answers to "How did you find this job?"; OEP: a licensed overseas employment promoter */
  { "promoter", N_("A licensed promoter (OEP)"), "about-found-promoter" },
  { "sub-agent", N_("A sub-agent"), "about-found-sub-agent" },
  { "relative", N_("A relative or friend"), "about-found-relative" },
  { "direct", N_("From the employer directly"), "about-found-direct" },
  { "other", N_("Another way"), "about-found-other" }, { NULL }
};
static const Answer yes_no_answers[] = {
  /* Translators: answers to a yes-or-no question about the visitor's job */
  { "yes", N_("Yes"), "about-yes" }, { "no", N_("No"), "about-no" }, { NULL }
};

static const struct
{
  const char *prompt;     /* the spoken clip, "prompt:NAME" */
  const char *text;
  const Answer *answers;  /* NULL: a number pad */
} questions[N_QUESTIONS] = {
  /* Translators: the optional questions a departing worker may answer, one per screen */
  { "about-gender", N_("Are you a woman or a man?"), gender_answers },
  { "about-destination", N_("Which country are you going to?"), destination_answers },
  { "about-sector", N_("What kind of work will you do?"), sector_answers },
  { "about-found", N_("How did you find this job?"), found_via_answers },
  { "about-cost", N_("How much have you paid so far to get this job? Count every fee and payment, in rupees."), NULL },
  { "about-receipt", N_("Were you given a receipt for what you paid?"), yes_no_answers },
  { "about-borrowed", N_("Did you borrow money to pay for it?"), yes_no_answers },
  { "about-wage", N_("What monthly wage does your contract say? Choose the money, then type the amount."), NULL },
};

/* Digits that fit the schema's bounds (RAHNUMA_SURVEY_MAX_*). */
#define MAX_COST_DIGITS 7
#define MAX_WAGE_DIGITS 6

struct _RahnumaAboutPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *question_label;
  GtkStack *stack;
  GtkGrid *choices;
  GtkBox *currencies;
  GtkLabel *amount_label;
  RahnumaNumberPad *pad;     /* the amount typed, for the question on screen */
  GtkWidget *unknown_button;

  Question question;
  char *values[N_QUESTIONS]; /* the answers given; NULL: not said */
  RahnumaSurveyAmountKind cost_answer, wage_answer;
  gint64 cost, wage;
  const char *currency;      /* static: from rahnuma_survey_get_values ("wage_currency") */
};

G_DEFINE_FINAL_TYPE (RahnumaAboutPage, rahnuma_about_page, GTK_TYPE_WIDGET)

static void show_question (RahnumaAboutPage *self, const char * const *before);

static const Answer currency_names[] = {
  /* Translators: the currency a monthly wage is paid in */
  { "SAR", N_("Saudi riyals"), "currency-SAR" }, { "AED", N_("UAE dirhams"), "currency-AED" },
  { "OMR", N_("Omani rials"), "currency-OMR" }, { "QAR", N_("Qatari riyals"), "currency-QAR" },
  { "KWD", N_("Kuwaiti dinars"), "currency-KWD" }, { "BHD", N_("Bahraini dinars"), "currency-BHD" },
  { "MYR", N_("Malaysian ringgit"), "currency-MYR" }, { "GBP", N_("British pounds"), "currency-GBP" },
  { "USD", N_("US dollars"), "currency-USD" }, { "PKR", N_("Pakistani rupees"), "currency-PKR" }, { NULL }
};

/* ---- helpers --------------------------------------------------------- */

static const char *
question_column (Question question)
{
  static const char * const columns[N_QUESTIONS] = {
    "gender", "destination", "sector", "found_via", "cost", "receipt", "borrowed", "wage",
  };

  return columns[question];
}

/* The currency @code's entry (its name and spoken prompt); %NULL if unknown. */
static const Answer *
find_currency (const char *code)
{
  for (guint c = 0; code != NULL && currency_names[c].value != NULL; c++)
    if (g_str_equal (code, currency_names[c].value))
      return &currency_names[c];
  return NULL;
}

static void
update_amount (RahnumaAboutPage *self)
{
  /* "450,000": grouped in threes, as on Pakistani receipts (no leading zero is typed). */
  g_autofree char *grouped = rahnuma_survey_group_digits (g_ascii_strtoll (rahnuma_number_pad_get_digits (self->pad),
                                                                           NULL, 10));
  g_autofree char *text = NULL;

  if (self->question == Q_COST)
    /* Translators: an amount typed on the number pad, in Pakistani rupees; %s is the number */
    text = g_strdup_printf (_("Rs %s"), grouped);
  else
    /* "1,800 Qatari riyals": the currency's name in the visitor's language,
     * not its ISO code. Every kiosk language puts the number first. */
    text = g_strdup_printf ("%s %s", grouped, self->currency != NULL ? _(find_currency (self->currency)->label) : "");
  gtk_label_set_label (self->amount_label, text);
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
fill_choices (RahnumaAboutPage *self, const Answer *answers)
{
  const char *column = question_column (self->question);
  guint n = 0, per_row;

  clear_grid (GTK_WIDGET (self->choices));
  while (answers[n].value != NULL)
    n++;
  /* Two rows at most, so each answer stays large; five go three and two,
   * as five long answers in a row do not fit 1024 px in Nastaliq. */
  per_row = n > 6 ? (n + 1) / 2 : n == 5 ? 3 : n;
  /* Five a row (nine answers: the destinations, the kinds of work) take
   * narrower tiles: at full width they passed 926 px, the page's room on a
   * 1024 px screen, and pushed the volume buttons off its edge. */
  if (per_row >= 5)
    gtk_widget_add_css_class (GTK_WIDGET (self->choices), "about-choices-many");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->choices), "about-choices-many");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *picture = g_strconcat (column, ":", answers[i].value, NULL);

      gtk_grid_attach (self->choices, rahnuma_about_choice_new (picture, _(answers[i].label), answers[i].value),
                       (int) (i % per_row), (int) (i / per_row), 1, 1);
    }
}

/* Adds to @clips what says each digit typed on the pad, then @currency's
 * name: "4 5 0 4 0 0, Pakistani rupees". Only the digit clips recorded for
 * the pad (say_digit()): no number words, whose grammar differs in each
 * language. Nothing when nothing was typed. */
static void
add_amount_clips (RahnumaAboutPage *self, GPtrArray *clips, const char *currency)
{
  const char *digits = rahnuma_number_pad_get_digits (self->pad);
  const Answer *entry = find_currency (currency);

  if (digits == NULL || *digits == '\0')
    return;
  for (const char *d = digits; *d != '\0'; d++)
    g_ptr_array_add (clips, g_strdup_printf ("prompt:%s-%c", *d >= '2' && *d <= '9' ? "symbol" : "digit", *d));
  if (entry != NULL)
    g_ptr_array_add (clips, g_strconcat ("prompt:", entry->prompt, NULL));
}

/* The currency of the amount on screen: rupees for what was paid. */
static const char *
amount_currency (RahnumaAboutPage *self)
{
  return self->question == Q_COST ? "PKR" : self->currency;
}

/* A currency touched, chosen or already: its name is said (replacing what
 * was being said); "clicked", as choosing the first one from code is not. */
static void
on_currency_clicked (GtkButton *button, RahnumaAboutPage *self)
{
  const Answer *entry = find_currency (g_object_get_data (G_OBJECT (button), "currency"));
  g_autofree char *clip = g_strconcat ("prompt:", entry->prompt, NULL);
  const char *clips[] = { clip, NULL };

  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.play", "^as", clips);
}

static void
on_currency_toggled (GtkToggleButton *button, RahnumaAboutPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->currency = g_object_get_data (G_OBJECT (button), "currency");
  update_amount (self);
}

/* The destination's own currency first (and chosen), then rupees and dollars. */
static void
fill_currencies (RahnumaAboutPage *self)
{
  const char *own = rahnuma_survey_currency_for (self->values[Q_DESTINATION]);
  const char *offered[] = { own != NULL ? own : "SAR", own != NULL ? "PKR" : "AED", own != NULL ? "USD" : "PKR",
                            own != NULL ? NULL : "USD", NULL };
  GtkToggleButton *first = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->currencies))) != NULL)
    gtk_box_remove (self->currencies, child);
  for (guint i = 0; offered[i] != NULL; i++)
    for (guint c = 0; currency_names[c].value != NULL; c++)
      if (g_str_equal (offered[i], currency_names[c].value))
        {
          /* The name in the visitor's language, its words and accessible name; no ISO code. */
          GtkWidget *button = gtk_toggle_button_new_with_label (_(currency_names[c].label));

          g_object_set_data (G_OBJECT (button), "currency", (gpointer) currency_names[c].value);
          gtk_widget_add_css_class (button, "about-currency");
          gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_signal_connect_object (button, "toggled", G_CALLBACK (on_currency_toggled), self, 0);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_currency_clicked), self, 0);
          gtk_box_append (self->currencies, button);
          first = first != NULL ? first : GTK_TOGGLE_BUTTON (button);
        }
  gtk_toggle_button_set_active (first, TRUE);
}

/* ---- the flow -------------------------------------------------------- */

static gboolean
nothing_paid (RahnumaAboutPage *self)
{
  return self->cost_answer == RAHNUMA_SURVEY_AMOUNT && self->cost == 0;
}

static void
finish (RahnumaAboutPage *self, gboolean skipped)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.about-done", "b", skipped);
}

/* On to the next question, said after @before (clips, %NULL-terminated;
 * nullable); a receipt or a loan for nothing paid is not asked. */
static void
next_question (RahnumaAboutPage *self, const char * const *before)
{
  do
    self->question++;
  while ((self->question == Q_RECEIPT || self->question == Q_BORROWED) && nothing_paid (self));
  if (self->question >= N_QUESTIONS)
    finish (self, FALSE);
  else
    show_question (self, before);
}

/* Puts the current question on screen, without a word said. */
static void
display_question (RahnumaAboutPage *self)
{
  const char *column = question_column (self->question);
  gboolean amount = questions[self->question].answers == NULL;

  gtk_label_set_label (self->question_label, _(questions[self->question].text));
  rahnuma_number_pad_clear (self->pad);
  if (amount)
    {
      /* No amount past the schema's bound. */
      rahnuma_number_pad_set_max_digits (self->pad, self->question == Q_COST ? MAX_COST_DIGITS : MAX_WAGE_DIGITS);
      gtk_widget_set_visible (GTK_WIDGET (self->currencies), self->question == Q_WAGE);
      if (self->question == Q_WAGE)
        fill_currencies (self);
      update_amount (self);
    }
  else
    fill_choices (self, questions[self->question].answers);
  gtk_stack_set_visible_child_name (self->stack, amount ? "amount" : "choices");
  gtk_widget_set_visible (self->unknown_button, amount);
  g_debug ("About you: question %s", column); /* the question, never an answer */
}

/* Says the current question, after the clips @before (nullable), then the
 * amount typed if @read_back. */
static void
say_question (RahnumaAboutPage *self, const char * const *before, gboolean read_back)
{
  g_autoptr (GPtrArray) clips = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; before != NULL && before[i] != NULL; i++)
    g_ptr_array_add (clips, g_strdup (before[i]));
  g_ptr_array_add (clips, g_strconcat ("prompt:", questions[self->question].prompt, NULL));
  if (read_back)
    add_amount_clips (self, clips, amount_currency (self));
  g_ptr_array_add (clips, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.play", "^as", clips->pdata);
}

/* Shows the current question and says it, after the clips @before (nullable). */
static void
show_question (RahnumaAboutPage *self, const char * const *before)
{
  display_question (self);
  say_question (self, before, FALSE);
}

/* On to the next question, after the words of the answer given (@prompt). */
static void
next_question_after (RahnumaAboutPage *self, const char *prompt)
{
  g_autofree char *clip = g_strconcat ("prompt:", prompt, NULL);
  const char *before[] = { clip, NULL };

  next_question (self, before);
}

/* ---- actions --------------------------------------------------------- */

static void
about_answer (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaAboutPage *self = RAHNUMA_ABOUT_PAGE (widget);
  const char *value = g_variant_get_string (parameter, NULL);
  const Answer *answers = questions[self->question].answers;
  guint i = 0;

  if (answers == NULL)
    return;
  while (answers[i].value != NULL && !g_str_equal (answers[i].value, value))
    i++;
  if (answers[i].value == NULL)
    return;
  g_free (self->values[self->question]);
  self->values[self->question] = g_strdup (value);
  /* The answer touched is said (a flag: its country's name), and the next
   * question shows at once and is said after it. */
  next_question_after (self, answers[i].prompt);
}

static void
set_amount_answer (RahnumaAboutPage *self, RahnumaSurveyAmountKind kind, gint64 amount)
{
  if (self->question == Q_COST)
    {
      self->cost_answer = kind;
      self->cost = amount;
    }
  else if (self->question == Q_WAGE)
    {
      self->wage_answer = kind;
      self->wage = amount;
    }
}

static void
about_unsaid (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaAboutPage *self = RAHNUMA_ABOUT_PAGE (widget);

  g_clear_pointer (&self->values[self->question], g_free);
  set_amount_answer (self, RAHNUMA_SURVEY_UNSAID, 0);
  next_question_after (self, "about-unsaid");
}

static void
about_unknown (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaAboutPage *self = RAHNUMA_ABOUT_PAGE (widget);

  set_amount_answer (self, RAHNUMA_SURVEY_UNKNOWN, 0);
  next_question_after (self, "about-unknown");
}

/* Each digit tapped is heard, replacing what was being said. 2 to 9 are
 * the completion code's symbol clips; 0 and 1, never in a code, have their
 * own (media/prompts/prompts.ini). The window logs neither by name. */
static void
say_digit (RahnumaAboutPage *self, const char *digit)
{
  g_autofree char *clip = g_strconcat (*digit >= '2' && *digit <= '9' ? "prompt:symbol-" : "prompt:digit-",
                                       digit, NULL);
  const char *clips[] = { clip, NULL };

  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.play", "^as", clips);
}

/* A digit taken by the pad (no leading zero, none past the bound). */
static void
on_pad_digit (RahnumaNumberPad *pad, const char *digit, RahnumaAboutPage *self)
{
  say_digit (self, digit);
}

static void
on_pad_changed (RahnumaNumberPad *pad, RahnumaAboutPage *self)
{
  update_amount (self);
}

/* OK on the pad: the amount typed (0 if none). A wage of 0 is no wage.
 * The amount is read back, digit by digit with its currency, before the
 * next question; after the wage, the last question, the step ends and the
 * window hushes the page left (Listen reads it back before OK). */
static void
about_amount_done (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaAboutPage *self = RAHNUMA_ABOUT_PAGE (widget);
  gint64 amount = (gint64) rahnuma_number_pad_get_value (self->pad);
  g_autoptr (GPtrArray) read_back = g_ptr_array_new_with_free_func (g_free);

  if (self->question == Q_WAGE && amount == 0)
    return;
  set_amount_answer (self, RAHNUMA_SURVEY_AMOUNT, amount);
  add_amount_clips (self, read_back, amount_currency (self));
  g_ptr_array_add (read_back, NULL);
  next_question (self, (const char * const *) read_back->pdata);
}

static void
about_skip_all (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  finish (RAHNUMA_ABOUT_PAGE (widget), TRUE);
}

static void
about_speak (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_about_page_speak (RAHNUMA_ABOUT_PAGE (widget));
}

/* ---- GObject --------------------------------------------------------- */

static void
rahnuma_about_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_ABOUT_PAGE);
  G_OBJECT_CLASS (rahnuma_about_page_parent_class)->dispose (object);
}

static void
rahnuma_about_page_finalize (GObject *object)
{
  RahnumaAboutPage *self = RAHNUMA_ABOUT_PAGE (object);

  for (guint i = 0; i < N_QUESTIONS; i++)
    g_free (self->values[i]);
  G_OBJECT_CLASS (rahnuma_about_page_parent_class)->finalize (object);
}

static void
rahnuma_about_page_class_init (RahnumaAboutPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_about_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_about_page_finalize;
  g_type_ensure (RAHNUMA_TYPE_ABOUT_PICTURE);
  g_type_ensure (RAHNUMA_TYPE_NUMBER_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-about-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, choices);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, currencies);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, amount_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, pad);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutPage, unknown_button);
  gtk_widget_class_install_action (widget_class, "about.answer", "s", about_answer);
  gtk_widget_class_install_action (widget_class, "about.unsaid", NULL, about_unsaid);
  gtk_widget_class_install_action (widget_class, "about.unknown", NULL, about_unknown);
  gtk_widget_class_install_action (widget_class, "about.amount-done", NULL, about_amount_done);
  gtk_widget_class_install_action (widget_class, "about.skip-all", NULL, about_skip_all);
  gtk_widget_class_install_action (widget_class, "about.speak", NULL, about_speak);
}

static void
rahnuma_about_page_init (RahnumaAboutPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->pad, "digit", G_CALLBACK (on_pad_digit), self);
  g_signal_connect (self->pad, "changed", G_CALLBACK (on_pad_changed), self);
  /* Said by the window once the page is painted (the language's name first). */
  display_question (self);
}

/* ---- public API ------------------------------------------------------ */

/**
 * rahnuma_about_page_new:
 *
 * A fresh step, at its first question, for one visitor. Call
 * rahnuma_about_page_speak() once it is in the window.
 *
 * Returns: (transfer floating): the page
 */
RahnumaAboutPage *
rahnuma_about_page_new (void)
{
  return g_object_new (RAHNUMA_TYPE_ABOUT_PAGE, NULL);
}

/**
 * rahnuma_about_page_speak:
 *
 * Says the question on screen aloud ("kiosk.play"), as Listen and the
 * reminder after a pause do; what was typed on the pad stays, and is read
 * back after the question, digit by digit with its currency's name.
 */
void
rahnuma_about_page_speak (RahnumaAboutPage *self)
{
  const char *about[] = { "prompt:about", NULL };

  g_return_if_fail (RAHNUMA_IS_ABOUT_PAGE (self));
  if (self->question < N_QUESTIONS)
    say_question (self, self->question == Q_GENDER ? about : NULL, questions[self->question].answers == NULL);
}

/**
 * rahnuma_about_page_get_gender:
 *
 * Returns: (transfer none) (nullable): the gender said, or %NULL
 */
const char *
rahnuma_about_page_get_gender (RahnumaAboutPage *self)
{
  g_return_val_if_fail (RAHNUMA_IS_ABOUT_PAGE (self), NULL);
  return self->values[Q_GENDER];
}

/**
 * rahnuma_about_page_get_answers:
 * @answers: (out caller-allocates): filled with the answers; its strings
 *   belong to the page and live as long as it
 *
 * The answers given so far; %NULL or RAHNUMA_SURVEY_UNSAID for the rest.
 */
void
rahnuma_about_page_get_answers (RahnumaAboutPage *self, RahnumaSurveyAnswers *answers)
{
  g_return_if_fail (RAHNUMA_IS_ABOUT_PAGE (self));
  g_return_if_fail (answers != NULL);

  *answers = (RahnumaSurveyAnswers) {
    self->values[Q_DESTINATION], self->values[Q_SECTOR], self->values[Q_FOUND_VIA],
    self->cost_answer, self->cost, self->values[Q_RECEIPT], self->values[Q_BORROWED],
    self->wage_answer, self->wage, self->wage_answer == RAHNUMA_SURVEY_AMOUNT ? self->currency : NULL, FALSE
  };
}

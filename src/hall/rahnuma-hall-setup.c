/* rahnuma-hall-setup.c — the officer's choices before a hall briefing
 *
 * Two rows of languages (the narration heard through the hall's speakers,
 * the subtitles and questions shown on its screen: any pair, e.g. an Urdu
 * voice with Pashto words) and one button per installed lesson, all on by
 * default, each marked ✓ while on; a tap leaves a lesson out. With none
 * on, Start is greyed and says why; lesson packages the catalogue could
 * not load are counted and their reasons listed. Start stays below the
 * scrolled choices, always on screen; when the choices go on below the
 * fold (1280 × 720 with a problem said), "More below ↓" shows beside
 * Start and the scroll bar is always drawn. Big toggle buttons, for a touch
 * screen; Tab and Space reach them from a keyboard. "Start the briefing"
 * (action setup.start) emits "start"; the window reads the choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-hall-setup.h"
#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-widget-util.h"

struct _RahnumaHallSetup
{
  GtkWidget parent_instance;

  RahnumaCatalog *catalog;
  const char *narration;  /* static strings of rahnuma_languages() */
  const char *subtitles;
  GPtrArray *lesson_toggles; /* GtkToggleButton, in the catalogue's order */

  GtkWidget *narration_box;
  GtkLabel *narration_notice;
  GtkLabel *problem_label;
  GtkWidget *subtitles_box;
  GtkWidget *lessons_box;
  GtkScrolledWindow *scroller;
  GtkWidget *more_button;
  GtkWidget *start_button;
  GtkWidget *start_hint;
  GtkLabel *status_label;
};

enum { START, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaHallSetup, rahnuma_hall_setup, GTK_TYPE_WIDGET)

/* Whether any chosen lesson has a scene with no recording in @code (the
 * kiosk then plays the fallback voice, rahnuma_scene_dup_narration_path()). */
static gboolean
falls_back (RahnumaHallSetup *self, const char *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      for (guint s = 0; s < rahnuma_module_get_n_scenes (module); s++)
        {
          const char *heard = NULL;
          g_autofree char *path =
            rahnuma_scene_dup_narration_path (rahnuma_module_get_scene (module, s), code, &heard);

          if (path != NULL && g_strcmp0 (heard, code) != 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
update_notice (RahnumaHallSetup *self)
{
  const RahnumaLanguage *lang = rahnuma_language_lookup (self->narration);
  const RahnumaLanguage *fallback = lang != NULL && lang->narration_fallback != NULL
                                      ? rahnuma_language_lookup (lang->narration_fallback) : NULL;
  g_autofree char *text = NULL;

  if (fallback == NULL || !falls_back (self, self->narration))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->narration_notice), FALSE);
      return;
    }
  /* Translators: hall mode, under the narration languages; %s are language names in English,
   * e.g. "Some lessons have no Pashto recording yet: they will be heard in Urdu." */
  text = g_strdup_printf (_("Some lessons have no %s recording yet: they will be heard in %s."),
                          lang->english_name, fallback->english_name);
  gtk_label_set_label (self->narration_notice, text);
  gtk_widget_set_visible (GTK_WIDGET (self->narration_notice), TRUE);
}

static void
on_language_toggled (GtkToggleButton *button, RahnumaHallSetup *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  if (!gtk_toggle_button_get_active (button))
    return;
  if (gtk_widget_get_parent (GTK_WIDGET (button)) == self->narration_box)
    {
      self->narration = code;
      update_notice (self);
    }
  else
    self->subtitles = code;
}

static void
update_start (RahnumaHallSetup *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->lesson_toggles->len; i++)
    any = any || gtk_toggle_button_get_active (g_ptr_array_index (self->lesson_toggles, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.start", any);
  /* Greyed, it says why. */
  gtk_widget_set_visible (self->start_hint, !any);
}

/* On or off by a mark, not by colour alone: ✓ before a lesson that is on. */
static void
on_lesson_toggled (GtkToggleButton *button, RahnumaHallSetup *self)
{
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (button), "mark"), gtk_toggle_button_get_active (button));
  update_start (self);
}

static GtkWidget *
new_lesson_button (RahnumaHallSetup *self, RahnumaModule *module, const char *title)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_image_set_pixel_size (GTK_IMAGE (mark), 32);
  /* The whole width beside the mark: wrapped only when it is long. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  rahnuma_widget_set_label (button, GTK_LABEL (label), title);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "hall-choice");
  g_object_set_data (G_OBJECT (button), "mark", mark);
  g_object_set_data_full (G_OBJECT (button), "module", g_object_ref (module), g_object_unref);
  g_signal_connect (button, "toggled", G_CALLBACK (on_lesson_toggled), self);
  return button;
}

/* Broken lesson packages do not vanish silently: how many, and why (the
 * catalogue's reasons, as the technician log has them). */
static void
show_catalog_problems (RahnumaHallSetup *self)
{
  GPtrArray *problems = rahnuma_catalog_get_problems (self->catalog);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;

  if (problems == NULL || problems->len == 0)
    return;
  /* Translators: hall mode's start-up screen, above the reasons (one a line) */
  g_string_printf (text, ngettext ("%u lesson could not be loaded and is not offered:",
                                   "%u lessons could not be loaded and are not offered:", problems->len),
                   problems->len);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (problems, i));
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "notice");
  /* Under the heading, above the lessons: seen without scrolling. */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->lessons_box)), label,
                              gtk_widget_get_prev_sibling (self->lessons_box));
}

/* One row of the four languages, the first chosen; each button named
 * "Urdu — اردو": English for anyone, its own script for the room. English
 * first, so the label reads left to right whatever the script. */
static void
fill_languages (RahnumaHallSetup *self, GtkWidget *box)
{
  gsize n;
  const RahnumaLanguage *languages = rahnuma_languages (&n);
  GtkToggleButton *first = NULL;

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *name = g_str_equal (languages[i].code, "en")
                                ? g_strdup (languages[i].native_name)
                                : g_strdup_printf ("%s — %s", languages[i].english_name,
                                                   languages[i].native_name);
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      g_object_set_data (G_OBJECT (button), "code", (gpointer) languages[i].code);
      gtk_widget_add_css_class (button, "hall-choice");
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_language_toggled), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (first, TRUE);
}

static void
fill_lessons (RahnumaHallSetup *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  const char *ui_lang = rahnuma_i18n_get_language ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);
      g_autofree char *title = rahnuma_module_dup_title (module, ui_lang);
      GtkWidget *button = new_lesson_button (self, module, title);

      gtk_flow_box_append (GTK_FLOW_BOX (self->lessons_box), button);
      g_ptr_array_add (self->lesson_toggles, button);
    }
  update_start (self);
}

static void
setup_start (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[START], 0);
}

static void
rahnuma_hall_setup_dispose (GObject *object)
{
  RahnumaHallSetup *self = RAHNUMA_HALL_SETUP (object);

  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_HALL_SETUP);
  g_clear_pointer (&self->lesson_toggles, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (rahnuma_hall_setup_parent_class)->dispose (object);
}

/* "More below ↓" while some choices are under the bottom edge. */
static void
update_more (RahnumaHallSetup *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) -
                 gtk_adjustment_get_value (adjustment);

  gtk_widget_set_visible (self->more_button, below > 1);
}

/* A page down (less a heading's height, so the eye keeps its place). */
static void
setup_more (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaHallSetup *self = RAHNUMA_HALL_SETUP (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        MAX (gtk_adjustment_get_page_size (adjustment) - 60, 60));
}

static void
rahnuma_hall_setup_class_init (RahnumaHallSetupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_setup_dispose;

  /**
   * RahnumaHallSetup::start:
   *
   * The officer tapped "Start the briefing" with at least one lesson on.
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-hall-setup.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, narration_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, narration_notice);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, subtitles_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, lessons_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, scroller);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, more_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, start_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, start_hint);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallSetup, status_label);
  gtk_widget_class_install_action (widget_class, "setup.start", NULL, setup_start);
  gtk_widget_class_install_action (widget_class, "setup.more", NULL, setup_more);
}

static void
rahnuma_hall_setup_init (RahnumaHallSetup *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->lesson_toggles = g_ptr_array_new ();
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (update_more), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_more), self, G_CONNECT_SWAPPED);
}

/**
 * rahnuma_hall_setup_new:
 * @catalog: the installed lessons
 *
 * Returns: (transfer floating): the choices, the first language in both
 *   rows and every lesson on
 */
GtkWidget *
rahnuma_hall_setup_new (RahnumaCatalog *catalog)
{
  RahnumaHallSetup *self;

  g_return_val_if_fail (RAHNUMA_IS_CATALOG (catalog), NULL);

  self = g_object_new (RAHNUMA_TYPE_HALL_SETUP, NULL);
  self->catalog = g_object_ref (catalog);
  fill_languages (self, self->narration_box);
  fill_languages (self, self->subtitles_box);
  fill_lessons (self);
  show_catalog_problems (self);
  return GTK_WIDGET (self);
}

/**
 * rahnuma_hall_setup_get_narration:
 *
 * Returns: (transfer none): the code of the language heard ("ur", "ps", "pa_PK", "en")
 */
const char *
rahnuma_hall_setup_get_narration (RahnumaHallSetup *self)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_SETUP (self), NULL);
  return self->narration;
}

/**
 * rahnuma_hall_setup_get_subtitles:
 *
 * Returns: (transfer none): the code of the language of the words on screen
 */
const char *
rahnuma_hall_setup_get_subtitles (RahnumaHallSetup *self)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_SETUP (self), NULL);
  return self->subtitles;
}

/**
 * rahnuma_hall_setup_dup_modules:
 *
 * Returns: (transfer container) (element-type RahnumaModule): the lessons
 *   left on, in the catalogue's order
 */
GPtrArray *
rahnuma_hall_setup_dup_modules (RahnumaHallSetup *self)
{
  GPtrArray *modules;

  g_return_val_if_fail (RAHNUMA_IS_HALL_SETUP (self), NULL);

  modules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->lesson_toggles->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->lesson_toggles, i);

      if (gtk_toggle_button_get_active (button))
        g_ptr_array_add (modules, g_object_ref (g_object_get_data (G_OBJECT (button), "module")));
    }
  return modules;
}

/**
 * rahnuma_hall_setup_set_problem:
 * @text: (nullable): what is wrong and what to do, translated; %NULL when
 *   all is well
 *
 * Shows a problem found before the briefing (the PC's clock, a journal that
 * cannot be written: rahnuma-hall-window.c) above the choices. The
 * briefing may still be given.
 */
void
rahnuma_hall_setup_set_problem (RahnumaHallSetup *self, const char *text)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SETUP (self));
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

/**
 * rahnuma_hall_setup_set_status:
 * @text: (nullable): what the last briefing left ("Saved: 87 people in the
 *   hall."), translated; %NULL to clear
 * @saved: whether it was recorded: green if so, else red ("Not saved: …")
 *
 * Shows @text in large type above Start, where it hides nothing (a toast
 * was small and covered Start on a 720-line screen).
 */
void
rahnuma_hall_setup_set_status (RahnumaHallSetup *self, const char *text, gboolean saved)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SETUP (self));
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (saved)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "hall-not-saved");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "hall-not-saved");
}

/* test-hall-fit.c — every question of every bundled lesson fits the hall's screen
 *
 * Hall mode never scrolls on the projector (rahnuma-hall-question.c): each
 * question of media/modules, in Urdu (Noto Nastaliq Urdu, whose letters
 * reach far above the line) and Pashto, before and after Next (the answer
 * marked and the explanation), at 1920 × 1080 and 1280 × 720, is shown in a
 * window with the stage above a bar as tall as the officer's, and the ink
 * of every text must be inside the stage, at no size under the size rule's
 * floor (1/20 of the height).
 *
 * Needs a display: run by meson under xvfb-run (tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "rahnuma-catalog.h"
#include "rahnuma-hall-question.h"
#include "rahnuma-i18n.h"

/* The officer's bar as it is drawn (about 101 px at 1080: 72 px buttons,
 * their padding and frame, the bar's 8 px padding), with a few to spare. */
#define BAR_PX 104

typedef struct
{
  GtkWindow *window;
  RahnumaHallQuestion *view;
  guint frames;
} Screen;

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* A few frames: laid out, fitted, laid out again at the fitted sizes. */
static void
settle (Screen *screen)
{
  guint until = screen->frames + 4;

  gtk_widget_queue_draw (GTK_WIDGET (screen->window));
  while (screen->frames < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
open_screen (Screen *screen, int width, int height, const char *lang)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  screen->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (screen->window), "hall");
  gtk_window_set_decorated (screen->window, FALSE);
  gtk_window_set_default_size (screen->window, width, height);
  screen->view = RAHNUMA_HALL_QUESTION (rahnuma_hall_question_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (screen->view), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (screen->view), "hall-stage");
  rahnuma_i18n_style_widget (GTK_WIDGET (screen->view), lang);
  gtk_widget_set_size_request (bar, -1, BAR_PX);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (screen->view));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_window_set_child (screen->window, box);
  gtk_widget_add_tick_callback (GTK_WIDGET (screen->window), count_frame, &screen->frames, NULL);
  gtk_window_present (screen->window);
}

/* The ink of @label (not only its line box: Nastaliq's tops) inside the view. */
static void
check_ink_inside (GtkWidget *label, GtkWidget *view, const char *what)
{
  PangoRectangle ink;
  int x = 0, y = 0;
  double top = 0, bottom = 0, unused = 0;

  if (!gtk_widget_get_visible (label))
    return;
  gtk_label_get_layout_offsets (GTK_LABEL (label), &x, &y);
  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), &ink, NULL);
  g_assert_true (gtk_widget_translate_coordinates (label, view, 0, y + ink.y, &unused, &top));
  g_assert_true (gtk_widget_translate_coordinates (label, view, 0, y + ink.y + ink.height, &unused, &bottom));
  if (top < 0 || bottom > gtk_widget_get_height (view))
    g_error ("%s: ink from %.0f to %.0f px, the stage is %d px high", what, top, bottom,
             gtk_widget_get_height (view));
}

/* On a failure, what the room would see: build/tests/hall-fit-<what>.png. */
static void
save_picture (Screen *screen, const char *what)
{
  GtkWidget *widget = GTK_WIDGET (screen->window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdelimit (g_strdup_printf ("hall-fit-%s.png", what), " ()×,", '_');

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gdk_texture_save_to_png (texture, name);
  g_test_message ("Saved %s", name);
}

static void
check_question (Screen *screen, RahnumaQuestion *question, const char *lang, gboolean reveal,
                int height, const char *what)
{
  GtkWidget *view = GTK_WIDGET (screen->view);
  int question_px = 0;

  rahnuma_hall_question_set (screen->view, question, lang, reveal);
  settle (screen);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (screen->window)), ==, height);
  if (!rahnuma_hall_question_get_fits (screen->view, &question_px, NULL))
    {
      save_picture (screen, what);
      g_error ("%s does not fit", what);
    }
  g_assert_cmpint (question_px * 20, >=, height);
  for (GtkWidget *w = gtk_widget_get_first_child (view); w != NULL;)
    {
      if (GTK_IS_LABEL (w))
        check_ink_inside (w, view, what);
      /* Depth first through the view's boxes. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == view ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
}

static void
check_all (int width, int height, const char *lang)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RAHNUMA_SOURCE_DIR"), "media", "modules", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) catalog = rahnuma_catalog_new (dir, &error);
  Screen screen = { 0 };
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_assert_cmpuint (n, >=, 7);
  open_screen (&screen, width, height, lang);
  for (guint m = 0; m < n; m++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (catalog), m);

      for (guint q = 0; q < rahnuma_module_get_n_questions (module); q++)
        for (int reveal = 0; reveal <= 1; reveal++)
          {
            g_autofree char *what = g_strdup_printf ("%s question %u%s (%s, %d × %d)",
                                                     rahnuma_module_get_id (module), q + 1,
                                                     reveal ? " with its answer" : "", lang, width, height);
            check_question (&screen, rahnuma_module_get_question (module, q), lang, reveal, height, what);
          }
    }
  gtk_window_destroy (screen.window);
}

static void
test_ur_1080 (void) { check_all (1920, 1080, "ur"); }
static void
test_ur_720 (void) { check_all (1280, 720, "ur"); }
static void
test_ps_1080 (void) { check_all (1920, 1080, "ps"); }
static void
test_ps_720 (void) { check_all (1280, 720, "ps"); }

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The fit's own warning (a question too tall) is not fatal here: the test
   * says which question, and leaves a picture of it. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/rahnuma/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/rahnuma/hall/fit/ur-1920x1080", test_ur_1080);
  g_test_add_func ("/rahnuma/hall/fit/ur-1280x720", test_ur_720);
  g_test_add_func ("/rahnuma/hall/fit/ps-1920x1080", test_ps_1080);
  g_test_add_func ("/rahnuma/hall/fit/ps-1280x720", test_ps_720);
  return g_test_run ();
}

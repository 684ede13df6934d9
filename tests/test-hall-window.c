/* test-hall-window.c — hall mode briefs without a journal, and fits 1280 × 720
 *
 * The hall window in process, on the UI tests' fixture lessons:
 * - with no journal (the application could not open it: read-only,
 *   missing), the choices and the head count say so in the officer's words
 *   (never SQLite's), a briefing still starts, and Save goes back to the
 *   choices saying the count was not saved;
 * - on a real journal opened read-only (SQLite refuses writes to it, for
 *   root too), the choices say the journal is read-only;
 * - at 1280 × 720 the head count with a problem said above the pad fits
 *   without scrolling, and the choices with the bundled lessons and a
 *   problem show "More below ↓" until they are scrolled to the end.
 *
 * Needs a display: run by meson under xvfb-run (tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "rahnuma-catalog.h"
#include "rahnuma-hall-count.h"
#include "rahnuma-hall-setup.h"
#include "rahnuma-hall-window.h"
#include "rahnuma-store-schema.h"

#define JOURNAL "/var/lib/rahnuma/journal.db"

typedef struct
{
  GtkApplication *application;
  RahnumaCatalog *catalog;
  RahnumaHallWindow *window;
  guint frames;
} Fixture;

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* A few frames: laid out, sized by the size rule, laid out again. */
static void
settle (Fixture *f)
{
  guint until = f->frames + 6;

  gtk_widget_queue_resize (GTK_WIDGET (f->window));
  while (f->frames < until)
    g_main_context_iteration (NULL, TRUE);
}

static RahnumaCatalog *
load_catalog (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RahnumaCatalog *catalog = rahnuma_catalog_new (dir, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 2);
  return catalog;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *modules = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "tests", "ui-fixture-modules",
                                               NULL);
  g_autofree char *id = g_strdup_printf ("org.rahnuma.HallWindowTest.T%u", g_random_int ());
  g_autoptr(GError) error = NULL;

  f->application = gtk_application_new (id, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (f->application), NULL, &error));
  g_assert_no_error (error);
  f->catalog = load_catalog (modules);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_finalize_object (f->window);
    }
  g_clear_object (&f->catalog);
  g_clear_object (&f->application);
}

static void
open_window (Fixture *f, RahnumaStore *store, const GError *journal_error, int width, int height)
{
  f->window = g_object_ref (rahnuma_hall_window_new (f->application, f->catalog, store, JOURNAL,
                                                     journal_error, "LHR", "hall-pc-1"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_widget_add_tick_callback (GTK_WIDGET (f->window), count_frame, &f->frames, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  settle (f);
}

static GtkWidget *
screen (Fixture *f, const char *name)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window), RAHNUMA_TYPE_HALL_WINDOW,
                                                              "stack"));
  GtkWidget *child = gtk_stack_get_child_by_name (stack, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
is_visible_screen (Fixture *f, const char *name)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window), RAHNUMA_TYPE_HALL_WINDOW,
                                                              "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static GtkLabel *
setup_label (Fixture *f, const char *name)
{
  return GTK_LABEL (gtk_widget_get_template_child (screen (f, "setup"), RAHNUMA_TYPE_HALL_SETUP, name));
}

/* The choices' problem: shown, in the officer's words, SQLite's kept out. */
static void
assert_setup_problem (Fixture *f, const char *words)
{
  GtkLabel *label = setup_label (f, "problem_label");
  const char *text = gtk_label_get_label (label);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (text, JOURNAL));
  g_assert_nonnull (strstr (text, words));
  g_assert_nonnull (strstr (text, "You can still give the briefing"));
  g_assert_null (strstr (text, "SQL"));
}

static GError *
journal_error (RahnumaStoreError code, const char *message)
{
  return g_error_new_literal (RAHNUMA_STORE_ERROR, code, message);
}

static void
start_and_count (Fixture *f, const char *digits)
{
  RahnumaHallCount *count = RAHNUMA_HALL_COUNT (screen (f, "count"));

  g_assert_true (gtk_widget_activate_action (screen (f, "setup"), "setup.start", NULL));
  g_assert_true (is_visible_screen (f, "show"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "hall.count", NULL));
  g_assert_true (is_visible_screen (f, "count"));
  for (const char *d = digits; *d != '\0'; d++)
    g_assert_true (rahnuma_hall_count_handle_key (count, GDK_KEY_0 + (*d - '0')));
  g_assert_cmpuint (rahnuma_hall_count_get_value (count), ==, g_ascii_strtoull (digits, NULL, 10));
}

/* Read-only, as the application finds it (SQLite's words in the error):
 * the briefing is given, the count said up front and again after Save. */
static void
test_no_journal_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = journal_error (RAHNUMA_STORE_ERROR_READ_ONLY,
                                           "Cannot prepare SQL: attempt to write a readonly database");
  RahnumaHallCount *count;
  GtkLabel *status;

  open_window (f, NULL, error, 1280, 720);
  assert_setup_problem (f, "is read-only");
  start_and_count (f, "87");
  count = RAHNUMA_HALL_COUNT (screen (f, "count"));
  g_assert_cmpstr (rahnuma_hall_count_get_problem (count), ==,
                   gtk_label_get_label (setup_label (f, "problem_label")));
  g_assert_true (rahnuma_hall_count_handle_key (count, GDK_KEY_Return));
  /* Not silently: back on the choices, which say it was not saved. */
  g_assert_true (is_visible_screen (f, "setup"));
  status = setup_label (f, "status_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   "Not saved: 87 people in the hall. The journal cannot be used (see above).");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "hall-not-saved"));
  assert_setup_problem (f, "is read-only");
  /* The next group: a new briefing starts on an empty pad. */
  start_and_count (f, "5");
}

static void
test_no_journal_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = journal_error (RAHNUMA_STORE_ERROR_MISSING, "The journal is missing");

  open_window (f, NULL, error, 1280, 720);
  assert_setup_problem (f, "is missing");
}

static void
test_no_journal_other (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = journal_error (RAHNUMA_STORE_ERROR_FAILED, "Cannot open x: unable to open database file");

  open_window (f, NULL, error, 1280, 720);
  assert_setup_problem (f, "cannot be opened");
}

/* A real journal, opened read-only: SQLite refuses the check's write (for
 * root as well, unlike a file's mode bits). */
static void
test_read_only_store (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("hall-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  RahnumaStore *store = rahnuma_store_new (path, NULL, &error);
  GtkLabel *label;

  g_assert_no_error (error);
  g_assert_finalize_object (store);
  store = rahnuma_store_new_full (path, RAHNUMA_STORE_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  open_window (f, store, NULL, 1280, 720);
  label = setup_label (f, "problem_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "is read-only"));
  g_assert_null (strstr (gtk_label_get_label (label), "SQL"));
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_assert_finalize_object (store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (name);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* At 1280 × 720, with the longest problem above the pad, the head count's
 * page needs no scrolling: Save and "Back to the briefing" in sight. */
static void
test_count_fits_720 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = journal_error (RAHNUMA_STORE_ERROR_READ_ONLY, "readonly");
  GtkWidget *count;
  GtkAdjustment *adjustment;

  open_window (f, NULL, error, 1280, 720);
  start_and_count (f, "1000");
  settle (f);
  count = screen (f, "count");
  g_assert_cmpint (gtk_widget_get_height (count), <=, 720);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_first_child (count)));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (count)));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 0);
  if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 0.5)
    g_error ("the head count needs %.0f px, the window has %.0f", gtk_adjustment_get_upper (adjustment),
             gtk_adjustment_get_page_size (adjustment));
}

/* The bundled lessons and a problem at 1280 × 720: the lessons go below
 * the fold, and "More below ↓" says so until the choices end is in sight. */
static void
test_setup_more_720 (Fixture *f, gconstpointer data)
{
  g_autofree char *bundled = g_build_filename (g_getenv ("RAHNUMA_SOURCE_DIR"), "media", "modules", NULL);
  g_autoptr(GError) error = journal_error (RAHNUMA_STORE_ERROR_READ_ONLY, "readonly");
  GtkWidget *more;
  guint taps = 0;

  g_clear_object (&f->catalog);
  f->catalog = load_catalog (bundled);
  open_window (f, NULL, error, 1280, 720);
  more = GTK_WIDGET (gtk_widget_get_template_child (screen (f, "setup"), RAHNUMA_TYPE_HALL_SETUP, "more_button"));
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_true (gtk_widget_get_mapped (more));
  while (gtk_widget_get_visible (more))
    {
      g_assert_cmpuint (taps++, <, 10);
      g_assert_true (gtk_widget_activate_action (screen (f, "setup"), "setup.more", NULL));
      settle (f);
    }
  g_assert_cmpuint (taps, >=, 1);
}

#define ADD(path, func) g_test_add ("/rahnuma/hall/window/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gst_init (&argc, &argv);
  /* The window logs the journal's problem as a warning, on purpose. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/rahnuma/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  ADD ("no-journal/read-only", test_no_journal_read_only);
  ADD ("no-journal/missing", test_no_journal_missing);
  ADD ("no-journal/other", test_no_journal_other);
  ADD ("read-only-store", test_read_only_store);
  ADD ("count-fits-1280x720", test_count_fits_720);
  ADD ("setup-more-1280x720", test_setup_more_720);
  return g_test_run ();
}

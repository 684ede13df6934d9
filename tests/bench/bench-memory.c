/* bench-memory.c — memory drift over 500 simulated visits
 *
 * Runs visit after visit through RahnumaVisit on a real journal, as the
 * kiosk's window does for each visitor: begin, watch every module, answer
 * every question (some right, some wrong), then complete, or every fifth
 * visitor walks away and the visit is abandoned. Each step runs on the
 * store's worker thread and is waited for on the main context, as in the
 * kiosk.
 *
 * Prints the resident memory after 500 visits against after 50 (the
 * baseline: by then every cache is warm), so anything a visit leaves
 * behind shows as a ratio above 1.00x:
 *   memory-drift-500-visits  <RSS at 500> MiB  <RSS at 50> MiB  <ratio>x
 *
 * Usage: bench-memory MODULES_DIR [VISITS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rahnuma-visit.h"

#define WARM_VISITS 50

static void
on_step (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  if (!rahnuma_visit_step_finish (RAHNUMA_VISIT (object), result, &error))
    g_error ("a visit step failed: %s", error->message);
  *done = TRUE;
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  *done = FALSE;
}

static void
one_visit (RahnumaStore *store, RahnumaCatalog *catalog, guint number)
{
  static const char *languages[] = { "ur", "ps", "pa_PK", "en" };
  g_autoptr(RahnumaVisit) visit =
    rahnuma_visit_new (store, catalog, languages[number % G_N_ELEMENTS (languages)], "BENCH", "bench");
  guint n_modules = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  gboolean done = FALSE;

  rahnuma_visit_begin_async (visit, NULL, on_step, &done);
  wait_for (&done);
  for (guint m = 0; m < n_modules; m++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (catalog), m);
      guint n_questions = rahnuma_module_get_n_questions (module);

      rahnuma_visit_watched_async (visit, module, 1.0, NULL, on_step, &done);
      wait_for (&done);
      for (guint q = 0; q < n_questions; q++)
        {
          guint correct = rahnuma_question_get_correct (rahnuma_module_get_question (module, q));
          guint choice = (q + number) % 4 == 0 ? (correct + 1) % 2 : correct;

          rahnuma_visit_answer_async (visit, module, q, choice, NULL, on_step, &done);
          wait_for (&done);
        }
    }
  if (number % 5 == 4)
    rahnuma_visit_abandon_async (visit, NULL, on_step, &done);
  else
    rahnuma_visit_complete_async (visit, NULL, on_step, &done);
  wait_for (&done);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *journal = NULL;
  guint visits = argc > 2 ? (guint) MAX (WARM_VISITS + 1, atoi (argv[2])) : 500;
  double warm = 0, end;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s MODULES_DIR [VISITS]\n", argv[0]);
      return 2;
    }
  catalog = rahnuma_catalog_new (argv[1], &error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("rahnuma-bench-memory-XXXXXX", &error);
  g_assert_no_error (error);
  journal = g_build_filename (dir, "journal.db", NULL);
  store = rahnuma_store_new (journal, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < visits; i++)
    {
      one_visit (store, catalog, i);
      if (i + 1 == WARM_VISITS)
        warm = bench_rss_mib ();
    }
  end = bench_rss_mib ();
  printf ("%-26s %8.1f MiB %7.1f MiB  %.2fx\n",
          visits == 500 ? "memory-drift-500-visits" : "memory-drift-visits", end, warm, end / warm);

  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (journal, suffixes[i], NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
  return 0;
}

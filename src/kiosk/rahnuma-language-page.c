/* rahnuma-language-page.c — the four languages, each in its own script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-language.h"
#include "rahnuma-language-page.h"
#include "rahnuma-widget-util.h"

struct _RahnumaLanguagePage
{
  GtkWidget parent_instance;

  GtkWidget *grid;
};

G_DEFINE_FINAL_TYPE (RahnumaLanguagePage, rahnuma_language_page, GTK_TYPE_WIDGET)

static void
rahnuma_language_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_LANGUAGE_PAGE);
  G_OBJECT_CLASS (rahnuma_language_page_parent_class)->dispose (object);
}

static void
rahnuma_language_page_class_init (RahnumaLanguagePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_language_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-language-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLanguagePage, grid);
}

static void
rahnuma_language_page_init (RahnumaLanguagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Most visitors read right to left: Urdu comes first, at the top right,
   * whatever language the last visitor chose. (A widget's direction is not
   * inherited, so it is set on the grid that lays the languages out.) */
  gtk_widget_set_direction (self->grid, GTK_TEXT_DIR_RTL);
}

/**
 * rahnuma_language_page_speak:
 * @self: a #RahnumaLanguagePage
 *
 * Asks the question aloud in Urdu, the language most visitors share
 * (through the window's "kiosk.speak").
 */
void
rahnuma_language_page_speak (RahnumaLanguagePage *self)
{
  g_return_if_fail (RAHNUMA_IS_LANGUAGE_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.speak", "s", "ur/language");
}

/* The button that chooses @code, wherever the template put it. */
static GtkWidget *
find_language_button (GtkWidget *widget, const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "kiosk.choose-language") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), code))
            return child;
        }
      if ((found = find_language_button (child, code)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * rahnuma_language_page_set_languages:
 * @self: a #RahnumaLanguagePage
 * @codes: the languages this kiosk offers (its settings), from
 *   rahnuma_languages()
 *
 * Shows only those, two to a row, in rahnuma_languages() order; a last one
 * alone takes the whole row.
 */
void
rahnuma_language_page_set_languages (RahnumaLanguagePage *self, const char * const *codes)
{
  gsize n_known;
  const RahnumaLanguage *order = rahnuma_languages (&n_known);
  guint n_offered = 0;
  guint shown = 0;

  g_return_if_fail (RAHNUMA_IS_LANGUAGE_PAGE (self));
  g_return_if_fail (codes != NULL);

  for (gsize i = 0; i < n_known; i++)
    n_offered += g_strv_contains (codes, order[i].code) ? 1 : 0;
  for (gsize i = 0; i < n_known; i++)
    {
      GtkWidget *button = find_language_button (GTK_WIDGET (self), order[i].code);
      GtkLayoutManager *grid;
      GtkGridLayoutChild *cell;
      gboolean offered = g_strv_contains (codes, order[i].code);

      g_return_if_fail (button != NULL);
      gtk_widget_set_visible (button, offered);
      if (!offered)
        continue;
      grid = gtk_widget_get_layout_manager (gtk_widget_get_parent (button));
      cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (grid, button));
      gtk_grid_layout_child_set_row (cell, (int) (shown / 2));
      gtk_grid_layout_child_set_column (cell, (int) (shown % 2));
      gtk_grid_layout_child_set_column_span (cell, shown % 2 == 0 && shown + 1 == n_offered ? 2 : 1);
      shown++;
    }
}

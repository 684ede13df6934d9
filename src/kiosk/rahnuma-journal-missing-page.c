/* rahnuma-journal-missing-page.c — out of service: the journal is missing
 *
 * What the kiosk shows instead of the welcome screen while its journal is
 * missing (rahnuma-journal-guard.c): a sign for visitors, and for the
 * officer the reason and what to do. Only shows; the application retries
 * and replaces it when the journal is back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-application"

#include "config.h"

#include <adwaita.h>

#include "rahnuma-journal-missing-page.h"

struct _RahnumaJournalMissingPage
{
  GtkWidget parent_instance;

  AdwStatusPage *status_page;
  GtkLabel *reason_label;
};

G_DEFINE_FINAL_TYPE (RahnumaJournalMissingPage, rahnuma_journal_missing_page, GTK_TYPE_WIDGET)

static void
rahnuma_journal_missing_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAHNUMA_TYPE_JOURNAL_MISSING_PAGE);
  G_OBJECT_CLASS (rahnuma_journal_missing_page_parent_class)->dispose (object);
}

static void
rahnuma_journal_missing_page_class_init (RahnumaJournalMissingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_journal_missing_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-journal-missing-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaJournalMissingPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RahnumaJournalMissingPage, reason_label);
}

static void
rahnuma_journal_missing_page_init (RahnumaJournalMissingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_journal_missing_page_new:
 * @reason: for the officer: what is missing and what to do
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
rahnuma_journal_missing_page_new (const char *reason)
{
  RahnumaJournalMissingPage *self = g_object_new (RAHNUMA_TYPE_JOURNAL_MISSING_PAGE, NULL);

  rahnuma_journal_missing_page_set_reason (self, reason);
  return GTK_WIDGET (self);
}

/**
 * rahnuma_journal_missing_page_set_reason:
 * @reason: (nullable): for the officer, or %NULL for none
 */
void
rahnuma_journal_missing_page_set_reason (RahnumaJournalMissingPage *self, const char *reason)
{
  g_return_if_fail (RAHNUMA_IS_JOURNAL_MISSING_PAGE (self));

  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
}

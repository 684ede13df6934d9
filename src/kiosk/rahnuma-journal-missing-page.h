/* rahnuma-journal-missing-page.h — out of service: the journal is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_JOURNAL_MISSING_PAGE (rahnuma_journal_missing_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaJournalMissingPage, rahnuma_journal_missing_page, RAHNUMA,
                      JOURNAL_MISSING_PAGE, GtkWidget)

GtkWidget *rahnuma_journal_missing_page_new        (const char                *reason);
void       rahnuma_journal_missing_page_set_reason (RahnumaJournalMissingPage *self,
                                                    const char                *reason);

G_END_DECLS

/* rahnuma-journal-guard.h — a kiosk's journal that goes missing is a fault, not a fresh start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

/* What the kiosk may do with its journal at start-up. */
typedef enum
{
  RAHNUMA_JOURNAL_OPEN,    /* the file is there: open it */
  RAHNUMA_JOURNAL_CREATE,  /* this kiosk never had a journal at this path: the first start */
  RAHNUMA_JOURNAL_MISSING, /* it had one there and it is gone (a drive not mounted): refuse */
} RahnumaJournalStart;

char               *rahnuma_journal_guard_default_path (void);
RahnumaJournalStart rahnuma_journal_guard_check        (const char   *guard_path,
                                                        const char   *journal_path,
                                                        char        **known_id);
gboolean            rahnuma_journal_guard_remember     (const char   *guard_path,
                                                        const char   *journal_path,
                                                        const char   *journal_id,
                                                        GError      **error);
RahnumaStore       *rahnuma_journal_guard_open         (const char   *guard_path,
                                                        const char   *journal_path,
                                                        char        **set_aside_path,
                                                        GCancellable *cancellable,
                                                        GError      **error);

G_END_DECLS

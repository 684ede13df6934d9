/* rahnuma-store-private.h — what sync, export, report and simulate share with the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The schema version this build writes; a file with a newer one is refused. */
#define RAHNUMA_STORE_VERSION 6

sqlite3  *rahnuma_store_get_db           (RahnumaStore  *self);
void      rahnuma_store_lock             (RahnumaStore  *self);
void      rahnuma_store_unlock           (RahnumaStore  *self);

gboolean  rahnuma_store_set_error        (GError       **error,
                                          sqlite3       *db,
                                          int            rc,
                                          const char    *what);
gboolean  rahnuma_store_exec             (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *
          rahnuma_store_prepare          (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);

/* Many writes in one transaction, for simulate: each call's own commit
 * (and fsync) would make a million synthetic visits take hours. */
gboolean  rahnuma_store_begin_batch      (RahnumaStore  *self,
                                          GError       **error);
gboolean  rahnuma_store_end_batch        (RahnumaStore  *self,
                                          gboolean       commit,
                                          GError       **error);

/* For rahnuma-store-health.c, which opens with recovery on top of the store. */
gboolean  rahnuma_store_failure_is_damage (GError      **error);
void      rahnuma_store_set_unchecked    (RahnumaStore  *self);

gint64    rahnuma_store_coarsen_time     (gint64         unix_seconds);

G_END_DECLS

/* rahnuma-store-private.h — what sync, export, report and simulate share with the store,
 * and the store's own struct, shared with its schema (rahnuma-store-schema.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The schema version this build writes; a file with a newer one is refused. */
#define RAHNUMA_STORE_VERSION 5

/* The store's fields, for rahnuma-store.c and rahnuma-store-schema.c only:
 * everyone else goes through the functions below. */
struct _RahnumaStore
{
  GObject parent_instance;

  char *path;
  RahnumaStoreFlags flags;
  char *journal_id;
  sqlite3 *db;
  GHashTable *statements; /* SQL text (static) → sqlite3_stmt, under lock */
  GMutex lock;
  gboolean in_batch;
  gint64 newest_good;     /* latest start with a good clock, under lock; -1 until read */
  char *copy_path;        /* read-only open of an older file: the migrated copy read instead */
  gboolean unchecked;     /* opened after a clean stop without quick_check (rahnuma-store-health.c) */
};

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

/* rahnuma-store-schema.c, for rahnuma-store.c: the schema and its migrations.
 * read_int: the one integer @sql returns, failing with @what. */
gboolean  rahnuma_store_read_int         (sqlite3       *db,
                                          const char    *sql,
                                          const char    *what,
                                          gint64        *value,
                                          GError       **error);
/* Fails, before anything is written, on a file of a newer schema or another
 * program's database; sets *@version, 0 for a new file. */
gboolean  rahnuma_store_check_version    (RahnumaStore  *self,
                                          gint64        *version,
                                          GError       **error);
/* Takes the file from @version to RAHNUMA_STORE_VERSION, a transaction a step. */
gboolean  rahnuma_store_migrate          (RahnumaStore  *self,
                                          gint64         version,
                                          GError       **error);

G_END_DECLS

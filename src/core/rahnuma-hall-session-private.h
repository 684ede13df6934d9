/* rahnuma-hall-session-private.h — hall totals on a connection, for the report's one read transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-hall-session.h"

G_BEGIN_DECLS

gboolean rahnuma_hall_session_read_totals (sqlite3            *db,
                                           gint64              from,
                                           gint64              to,
                                           int                 utc_offset,
                                           RahnumaHallTotals  *totals,
                                           GError            **error);

G_END_DECLS

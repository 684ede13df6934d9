/* rahnuma-export.h — sessions as CSV or JSON, one row per session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAHNUMA_EXPORT_CSV,
  RAHNUMA_EXPORT_JSON,
} RahnumaExportFormat;

gboolean rahnuma_export_parse_format (const char           *text,
                                      RahnumaExportFormat  *format);
gboolean rahnuma_export_parse_date   (const char           *text,
                                      gint64               *day_start);
gint64   rahnuma_export_write        (RahnumaStore         *store,
                                      RahnumaExportFormat   format,
                                      gint64                from,
                                      gint64                to,
                                      int                   utc_offset,
                                      GOutputStream        *stream,
                                      GCancellable         *cancellable,
                                      GError              **error);

G_END_DECLS

/* rahnuma-report-pdf.h — the printable report: figures and charts on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-officer-data.h"

G_BEGIN_DECLS

gboolean rahnuma_report_pdf_write (const char               *path,
                                   const RahnumaOfficerData *data,
                                   RahnumaCatalog           *catalog,
                                   const char               *source_name,
                                   GError                  **error);

G_END_DECLS

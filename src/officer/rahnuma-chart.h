/* rahnuma-chart.h — bar charts drawn with cairo and Pango, on screen and in the PDF report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rahnuma-dashboard.h"

G_BEGIN_DECLS

typedef enum
{
  RAHNUMA_CHART_COLUMNS, /* time: one column per day or hour, count with part inside */
  RAHNUMA_CHART_COUNTS,  /* categories: one bar per row, count with part inside */
  RAHNUMA_CHART_SHARE,   /* categories: one bar per row, part ÷ count as a percentage */
} RahnumaChartKind;

/* Returns the label to show for a bar's key, (transfer full). */
typedef char *(*RahnumaChartLabelFunc) (const char *key,
                                        gpointer    user_data);

typedef struct
{
  RahnumaChartKind             kind;
  GPtrArray                   *bars;       /* of RahnumaDashboardBar */
  RahnumaChartLabelFunc        label_func; /* nullable: the key as it is */
  gpointer                     label_data;
  const PangoFontDescription  *font;       /* nullable: Sans 10 */
  gboolean                     rtl;        /* mirror: labels at the right, bars growing left */
  double                       foreground[3];
} RahnumaChart;

double rahnuma_chart_get_height (const RahnumaChart *chart);
void   rahnuma_chart_draw       (const RahnumaChart *chart,
                                 cairo_t            *cr,
                                 double              width,
                                 double              height);

G_END_DECLS

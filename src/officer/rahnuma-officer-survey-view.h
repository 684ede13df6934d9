/* rahnuma-officer-survey-view.h — the survey's figures as a table on the officers' dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-officer-data.h"

G_BEGIN_DECLS

void rahnuma_officer_survey_view_fill (GtkGrid                  *grid,
                                       const RahnumaOfficerData *data);

G_END_DECLS

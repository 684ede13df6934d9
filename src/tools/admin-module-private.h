/* admin-module-private.h — shared by admin-module.c and admin-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* rahnuma_admin_parse_options(), with the order of the module commands' calls */
gboolean rahnuma_admin_module_parse_options (const char   *parameters,
                                             const char   *summary,
                                             GOptionEntry *entries,
                                             int          *argc,
                                             char       ***argv);
/* Prints @message on standard error; returns 2, the command could not run */
int      rahnuma_admin_module_usage_error   (const char   *message);
/* Removes @temp_path (nullable), prints @message on standard error; returns 2 */
int      rahnuma_admin_module_fail_record   (const char   *temp_path,
                                             const char   *message);

/* `rahnuma-admin module record`; argv[0] is "record". Returns the exit status. */
int      rahnuma_admin_module_record        (int           argc,
                                             char        **argv);

G_END_DECLS

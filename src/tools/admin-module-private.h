/* admin-module-private.h — shared by admin-module.c and admin-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @temp_path (nullable), prints @message on standard error; returns 2 */
int      rahnuma_admin_module_fail_record   (const char   *temp_path,
                                             const char   *message);

/* `rahnuma-admin module record`; argv[0] is "record". Returns the exit status. */
int      rahnuma_admin_module_record        (int           argc,
                                             char        **argv);

G_END_DECLS

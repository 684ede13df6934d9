/* test-util.h — what many tests need: a temporary folder, and its removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rahnuma_test_make_tmpdir  (const char *name_template);
void  rahnuma_test_remove_tree  (const char *path);

G_END_DECLS

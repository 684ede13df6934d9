/* rahnuma-studio-lines.h — the lines of some modules still to be narrated
 * in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-module.h"

G_BEGIN_DECLS

typedef struct
{
  char *module_dir;
  char *title;    /* the module's title in the language */
  char *group;    /* "Scene 2" */
  char *key;      /* "Narration[ps]" */
  char *relative; /* where the clip goes: "audio/ps/scene-2.ogg" */
  char *text;     /* what to read aloud: rahnuma_media_dup_source_text() */
} RahnumaStudioLine;

void       rahnuma_studio_line_free      (RahnumaStudioLine  *line);
GPtrArray *rahnuma_studio_lines_missing  (GPtrArray          *modules,
                                          const char         *lang,
                                          guint              *n_recorded,
                                          guint              *n_needed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaStudioLine, rahnuma_studio_line_free)

G_END_DECLS

/* rahnuma-choice-page.h — one spoken question with two or three picture answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One answer of a RahnumaChoicePage. */
typedef struct
{
  const char *picture; /* a RahnumaAboutPicture name, e.g. "path:short" */
  const char *prompt;  /* the prompts.ini id that says its words */
  const char *label;   /* those words, in the visitor's language */
  const char *action;  /* the window action a touch activates, e.g. "kiosk.choose-path" */
  const char *target;  /* (nullable) its string parameter */
} RahnumaChoice;

#define RAHNUMA_CHOICE_PAGE_MAX_CHOICES 3

#define RAHNUMA_TYPE_CHOICE_PAGE (rahnuma_choice_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaChoicePage, rahnuma_choice_page, RAHNUMA, CHOICE_PAGE, GtkWidget)

RahnumaChoicePage *rahnuma_choice_page_new        (const char          *prompt,
                                                   const char          *question,
                                                   const RahnumaChoice *choices,
                                                   guint                n_choices);
const char        *rahnuma_choice_page_get_prompt (RahnumaChoicePage   *self);
void               rahnuma_choice_page_speak      (RahnumaChoicePage   *self);
void               rahnuma_choice_page_set_detail (RahnumaChoicePage   *self,
                                                   const char          *detail);

G_END_DECLS

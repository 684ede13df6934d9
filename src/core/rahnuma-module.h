/* rahnuma-module.h — one briefing module, loaded from a trainer's package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAHNUMA_MODULE_ERROR (rahnuma_module_error_quark ())

typedef enum
{
  RAHNUMA_MODULE_ERROR_NOT_FOUND,
  RAHNUMA_MODULE_ERROR_PARSE,
  RAHNUMA_MODULE_ERROR_INVALID,
} RahnumaModuleError;

typedef enum
{
  RAHNUMA_SCENE_PICTURE,
  RAHNUMA_SCENE_VIDEO,
} RahnumaSceneKind;

/* Limits a trainer's package must respect; the validator explains them. */
#define RAHNUMA_MODULE_MIN_CHOICES 2
#define RAHNUMA_MODULE_MAX_CHOICES 4
#define RAHNUMA_MODULE_FILE        "module.ini"

typedef struct _RahnumaScene    RahnumaScene;
typedef struct _RahnumaQuestion RahnumaQuestion;

#define RAHNUMA_TYPE_MODULE (rahnuma_module_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaModule, rahnuma_module, RAHNUMA, MODULE, GObject)

GQuark                 rahnuma_module_error_quark          (void);

RahnumaModule         *rahnuma_module_new_from_dir         (const char     *dir,
                                                            GError        **error);
const char            *rahnuma_module_skip_bom             (const char     *contents,
                                                            gsize          *length);
gboolean               rahnuma_module_is_utf16             (const char     *contents,
                                                            gsize           length);
guint                  rahnuma_module_find_bad_utf8_line   (const char     *contents,
                                                            gsize           length);
const char            *rahnuma_module_get_id               (RahnumaModule  *self);
const char            *rahnuma_module_get_dir              (RahnumaModule  *self);
guint                  rahnuma_module_get_version          (RahnumaModule  *self);
int                    rahnuma_module_get_order            (RahnumaModule  *self);
double                 rahnuma_module_get_min_watched      (RahnumaModule  *self);
guint                  rahnuma_module_get_pass_mark_percent (RahnumaModule *self);
char                  *rahnuma_module_dup_title            (RahnumaModule  *self,
                                                            const char     *lang);
char                  *rahnuma_module_dup_summary          (RahnumaModule  *self,
                                                            const char     *lang);
char                 **rahnuma_module_dup_sources          (RahnumaModule  *self);
gboolean               rahnuma_module_is_machine_translated (RahnumaModule *self,
                                                            const char     *lang);
GKeyFile              *rahnuma_module_get_key_file         (RahnumaModule  *self);

guint                  rahnuma_module_get_n_scenes         (RahnumaModule  *self);
RahnumaScene          *rahnuma_module_get_scene            (RahnumaModule  *self,
                                                            guint           index);
guint                  rahnuma_module_get_n_questions      (RahnumaModule  *self);
RahnumaQuestion       *rahnuma_module_get_question         (RahnumaModule  *self,
                                                            guint           index);

RahnumaSceneKind       rahnuma_scene_get_kind              (RahnumaScene   *scene);
const char            *rahnuma_scene_get_group             (RahnumaScene   *scene);
char                  *rahnuma_scene_dup_media_path        (RahnumaScene   *scene,
                                                            const char     *lang);
char                  *rahnuma_scene_dup_caption           (RahnumaScene   *scene,
                                                            const char     *lang);
char                  *rahnuma_scene_dup_narration_path    (RahnumaScene   *scene,
                                                            const char     *lang,
                                                            const char    **narration_lang);

const char            *rahnuma_question_get_group          (RahnumaQuestion *question);
char                  *rahnuma_question_dup_text           (RahnumaQuestion *question,
                                                            const char      *lang);
guint                  rahnuma_question_get_n_choices      (RahnumaQuestion *question);
char                  *rahnuma_question_dup_choice         (RahnumaQuestion *question,
                                                            guint            index,
                                                            const char      *lang);
guint                  rahnuma_question_get_correct        (RahnumaQuestion *question);
char                  *rahnuma_question_dup_explanation    (RahnumaQuestion *question,
                                                            const char      *lang);
char                  *rahnuma_question_dup_picture_path   (RahnumaQuestion *question);
char                  *rahnuma_question_dup_narration_path (RahnumaQuestion *question,
                                                            const char      *lang,
                                                            const char     **narration_lang);
char                  *rahnuma_question_dup_explanation_narration_path (RahnumaQuestion *question,
                                                                        const char      *lang,
                                                                        const char     **narration_lang);

gboolean               rahnuma_module_id_is_valid          (const char     *id);
int                    rahnuma_module_compare              (gconstpointer   a,
                                                            gconstpointer   b);

G_END_DECLS

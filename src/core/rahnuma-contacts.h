/* rahnuma-contacts.h — where a worker can get help: the centre's contacts.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-validator.h"

G_BEGIN_DECLS

#define RAHNUMA_CONTACTS_ERROR (rahnuma_contacts_error_quark ())

typedef enum
{
  RAHNUMA_CONTACTS_ERROR_NOT_FOUND, /* no file at the path */
  RAHNUMA_CONTACTS_ERROR_INVALID,   /* the file has errors (rahnuma_contacts_validate() lists them) */
} RahnumaContactsError;

/* The country code of Pakistan's own entries (ISO 3166-1 alpha-2). */
#define RAHNUMA_CONTACTS_HOME "PK"

/* A value holding this text is a placeholder the centre has not filled in
 * yet: `@FILL-IN: what goes here@`. The kiosk never shows it. */
#define RAHNUMA_CONTACTS_PLACEHOLDER "@FILL-IN"

/* E.164 (ITU-T): an international number has at most 15 digits. A local
 * short code (a helpline) may have as few as 3. */
#define RAHNUMA_CONTACTS_PHONE_MIN_DIGITS 3
#define RAHNUMA_CONTACTS_PHONE_MAX_DIGITS 15

typedef enum
{
  RAHNUMA_CONTACT_NAME,       /* key Name= (required) */
  RAHNUMA_CONTACT_HELPS_WITH, /* key HelpsWith= (required) */
  RAHNUMA_CONTACT_PHONE,      /* key Phone= (one number, not localized) */
  RAHNUMA_CONTACT_ADDRESS,    /* key Address= */
  RAHNUMA_CONTACT_HOURS,      /* key Hours= */
  RAHNUMA_CONTACT_N_FIELDS
} RahnumaContactField;

/**
 * RahnumaContact:
 * @country: ISO 3166-1 alpha-2 code of the entry's country: "PK", "SA"
 * @id: the entry's name within its country: "protector", "cwa"
 * @text: each field in the language asked for (after fallback, see
 *   rahnuma_contacts_lookup()); %NULL when the file does not give it or
 *   still holds a placeholder there
 * @lang: the language each @text is in ("en" for the untranslated value),
 *   %NULL with its text; static strings
 * @ask_officer: the centre left a placeholder in that field: show or say
 *   "ask the officer" in its place
 *
 * One entry of contacts.ini, its texts resolved for one language. A boxed type.
 */
typedef struct
{
  char       *country;
  char       *id;
  char       *text[RAHNUMA_CONTACT_N_FIELDS];
  const char *lang[RAHNUMA_CONTACT_N_FIELDS];
  gboolean    ask_officer[RAHNUMA_CONTACT_N_FIELDS];
} RahnumaContact;

#define RAHNUMA_TYPE_CONTACT (rahnuma_contact_get_type ())
GType           rahnuma_contact_get_type (void) G_GNUC_CONST;
RahnumaContact *rahnuma_contact_copy     (const RahnumaContact *contact);
void            rahnuma_contact_free     (RahnumaContact       *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaContact, rahnuma_contact_free)

/* What the validator finds; one code per kind of fault. */
typedef enum
{
  RAHNUMA_CONTACTS_PROBLEM_UNREADABLE,       /* missing file, not UTF-8, UTF-16 */
  RAHNUMA_CONTACTS_PROBLEM_SYNTAX,           /* a line that is no group, key=value or comment */
  RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_GROUP,    /* not [CC/name] */
  RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_KEY,      /* a key or a language the kiosk does not know */
  RAHNUMA_CONTACTS_PROBLEM_MISSING_KEY,      /* Name= or HelpsWith= absent */
  RAHNUMA_CONTACTS_PROBLEM_BAD_PHONE,        /* Phone= breaks the number rule */
  RAHNUMA_CONTACTS_PROBLEM_MISSING_LANGUAGE, /* a text without one of ur, ps, pa_PK */
  RAHNUMA_CONTACTS_PROBLEM_PLACEHOLDER,      /* @FILL-IN…@ left */
  RAHNUMA_CONTACTS_PROBLEM_NO_HOME,          /* no [PK/…] entry at all */
} RahnumaContactsProblemCode;

typedef struct
{
  RahnumaSeverity            severity;
  RahnumaContactsProblemCode code;
  guint                      line;  /* 1-based; 0 when no line applies */
  char                      *group; /* nullable */
  char                      *key;   /* nullable */
  char                      *message;
} RahnumaContactsProblem;

void        rahnuma_contacts_problem_free     (RahnumaContactsProblem *problem);
const char *rahnuma_contacts_problem_code_to_string (RahnumaContactsProblemCode code);

GPtrArray  *rahnuma_contacts_validate         (const char *path);
GPtrArray  *rahnuma_contacts_validate_data    (const char *contents,
                                               gsize       length);

#define RAHNUMA_TYPE_CONTACTS (rahnuma_contacts_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaContacts, rahnuma_contacts, RAHNUMA, CONTACTS, GObject)

GQuark           rahnuma_contacts_error_quark   (void);
RahnumaContacts *rahnuma_contacts_new_from_file (const char       *path,
                                                 GError          **error);
const char      *rahnuma_contacts_get_path      (RahnumaContacts  *self);
guint            rahnuma_contacts_get_n_entries (RahnumaContacts  *self);
GPtrArray       *rahnuma_contacts_lookup        (RahnumaContacts  *self,
                                                 const char       *country,
                                                 const char       *lang);
gboolean         rahnuma_contacts_is_placeholder (const char      *value);

const char *rahnuma_contact_ask_officer_text (RahnumaContactField field);

G_END_DECLS

"""What the kiosk should show, read from the sources, not from the kiosk's own catalogue.

The UI tests compare the screen with texts taken from an independent
source: the translators' po/<lang>.po files and the module packages'
module.ini, parsed here with a few lines of Python. Loading the compiled
.mo with gettext(..., fallback=True), as the kiosk does, would compare the
product with itself: an emptied or missing translation falls back to
English on both sides, and the test would pass. Here a string that is
missing, empty or fuzzy (msgfmt leaves fuzzy entries out) in the visitor's
language fails the test instead.
"""
import ast
import configparser
import os
import re

from kiosk_screen import CheckFailed


def _unquote(text):
    """The value of one C string literal of a .po file, escapes resolved."""
    return ast.literal_eval(text)


def parse_po(path):
    """Entries of a .po file: {(msgctxt, msgid): (fuzzy, msgid_plural, [msgstr…])}."""
    entries = {}
    entry = {}
    field = None

    def flush():
        if "msgid" in entry and not entry.get("obsolete"):
            strs = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr"))]
            entries[(entry.get("msgctxt"), entry["msgid"])] = (
                entry.get("fuzzy", False), entry.get("msgid_plural"), strs)
        entry.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                flush()
                field = None
            elif line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#,"):
                entry["fuzzy"] = entry.get("fuzzy", False) or "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += _unquote(line)
            else:
                keyword, _, literal = line.partition(" ")
                if keyword in ("msgctxt", "msgid") and "msgid" in entry:
                    flush()  # a new entry without a blank line before it
                field = keyword
                if keyword.startswith("msgstr["):
                    field = "msgstr_%02d" % int(keyword[len("msgstr["):-1])
                entry[field] = _unquote(literal)
    flush()
    return entries


def _plural_function(header):
    """The Plural-Forms rule of a .po header as a Python function of n."""
    match = re.search(r"plural=([^;\n]+);?", header)
    if match is None:
        raise CheckFailed("no Plural-Forms in the catalogue header")
    expression = match.group(1).strip()
    if "?" in expression:
        raise CheckFailed("plural rule %r: only rules without ?: are understood here" % expression)
    python = expression.replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"!(?!=)", " not ", python)
    return lambda n: int(eval(python, {"__builtins__": {}}, {"n": n}))  # noqa: S307


def fill(template, *values):
    """printf-style %u, %d, %s and %1$u in @template, as the kiosk fills them;
    with no @values, the template itself (a test then matches a part of it)."""
    if not values:
        return template
    text = re.sub(r"%(\d+)\$[uds]", lambda m: str(values[int(m.group(1)) - 1]), template)
    remaining = iter(values)
    return re.sub(r"%[uds]", lambda m: str(next(remaining)), text)


class Translations:
    """The visitor-facing strings of one language, from po/<lang>.po."""

    def __init__(self, source_dir, lang):
        self.lang = lang
        self.path = os.path.join(source_dir, "po", "%s.po" % lang)
        self.entries = parse_po(self.path)
        _fuzzy, _plural, header = self.entries[(None, "")]
        self.plural = _plural_function(header[0])

    def _entry(self, msgid, context):
        entry = self.entries.get((context, msgid))
        if entry is None:
            raise CheckFailed("“%s” is not in %s" % (msgid, self.path))
        return entry

    def _usable(self, msgid, translated):
        if translated.strip() == "":
            raise CheckFailed("“%s” is untranslated (empty) in %s" % (msgid, self.path))
        return translated

    def gettext(self, msgid, *values, context=None):
        """@msgid as the visitor must see it, with @values filled in."""
        fuzzy, _plural, strs = self._entry(msgid, context)
        if self.lang == "en":
            return fill(msgid, *values)  # en.po deliberately translates nothing
        if fuzzy:
            raise CheckFailed("“%s” is fuzzy in %s: msgfmt leaves it out" % (msgid, self.path))
        return fill(self._usable(msgid, strs[0]), *values)

    def ngettext(self, singular, plural, n, *values):
        """The plural form for @n, with @values filled in."""
        fuzzy, _plural, strs = self._entry(singular, None)
        if self.lang == "en":
            return fill(singular if n == 1 else plural, *values)
        if fuzzy:
            raise CheckFailed("“%s” is fuzzy in %s: msgfmt leaves it out" % (singular, self.path))
        index = self.plural(n)
        if index >= len(strs):
            raise CheckFailed("“%s” has no plural form %d in %s" % (singular, index, self.path))
        return fill(self._usable(singular, strs[index]), *values)


class ModuleText:
    """A module package's texts in one language, from its module.ini."""

    def __init__(self, directory, lang):
        self.lang = lang
        self.path = os.path.join(directory, "module.ini")
        self.ini = configparser.ConfigParser(interpolation=None, strict=True)
        self.ini.optionxform = str  # keys are case-sensitive: Title[pa_PK]
        with open(self.path, encoding="utf-8") as f:
            self.ini.read_file(f)

    def get(self, section, key):
        """@key of @section in the visitor's language; missing or empty fails."""
        name = key if self.lang == "en" else "%s[%s]" % (key, self.lang)
        value = self.ini.get(section, name, fallback=None)
        if value is None or value.strip() == "":
            raise CheckFailed("%s: [%s] %s is missing or empty" % (self.path, section, name))
        return value.strip()

    def title(self):
        return self.get("Module", "Title")

    def caption(self, scene):
        return self.get("Scene %d" % scene, "Caption")

    def question(self, number):
        return self.get("Question %d" % number, "Text")

    def choice(self, question, choice):
        return self.get("Question %d" % question, "Choice%d" % choice)

    def explanation(self, question):
        return self.get("Question %d" % question, "Explanation")

    def correct(self, question):
        return int(self.ini.get("Question %d" % question, "Correct"))

    def n_questions(self):
        return len([s for s in self.ini.sections() if s.startswith("Question ")])


def prompt_text(source_dir, prompt, lang):
    """The sentence of @prompt in @lang, from media/prompts/prompts.ini; missing or empty fails."""
    path = os.path.join(source_dir, "media", "prompts", "prompts.ini")
    ini = configparser.ConfigParser(interpolation=None, strict=True)
    ini.optionxform = str
    with open(path, encoding="utf-8") as f:
        ini.read_file(f)
    key = "Text" if lang == "en" else "Text[%s]" % lang
    value = ini.get(prompt, key, fallback=None)
    if value is None or value.strip() == "":
        raise CheckFailed("%s: [%s] %s is missing or empty" % (path, prompt, key))
    return value.strip()


def contact_text(source_dir, group, key, lang):
    """@key of [@group] in media/contacts.ini as the kiosk shows it to a visitor in @lang:
    the translation, Urdu for Pashto and Punjabi, else the English (rahnuma_contacts_lookup())."""
    path = os.path.join(source_dir, "media", "contacts.ini")
    ini = configparser.ConfigParser(interpolation=None, strict=True, comment_prefixes=("#",))
    ini.optionxform = str
    with open(path, encoding="utf-8-sig") as f:
        ini.read_file(f)
    chain = {"en": [], "ur": ["ur"]}.get(lang, [lang, "ur"])
    for code in chain + [None]:
        value = ini.get(group, key if code is None else "%s[%s]" % (key, code), fallback=None)
        if value and "@FILL-IN" not in value:
            return value.strip()
    raise CheckFailed("%s: [%s] %s has no text to show in %s" % (path, group, key, lang))

#!/usr/bin/env python3
"""Write small but real module packages for the UI tests.

Two modules (or N, with --count N) of three picture scenes each, with one-second Opus narration
and PNG pictures made by GStreamer, and five questions each, in all four
languages. The right answers are listed in answers.json beside them so a
test can answer as a visitor who watched would.
"""
import json
import os
import shutil
import subprocess
import sys

LANGS = ["ur", "ps", "pa_PK"]
# One word per language is enough for layout and direction; real texts are in media/.
# Every language's words differ from every other's (Punjabi in Shahmukhi uses its
# own words here, not the Urdu ones), so a test can tell which language is shown:
# Urdu shown to a Punjabi visitor must fail.
WORDS = {
    "ur": ("سبق", "حصہ", "سوال", "جواب", "وضاحت"),
    "ps": ("لوست", "برخه", "پوښتنه", "ځواب", "تشریح"),
    "pa_PK": ("پاٹھ", "بھاگ", "پچھ", "اتر", "سمجھاوݨ"),
    "en": ("Lesson", "Part", "Question", "Answer", "Because"),
}
# Scene 1 narrates for 4 s, the others for 1 s: long enough to press
# "Back 10 seconds" in the middle of a scene and see the lesson go back.
SECONDS = {1: 4}


def run(pipeline):
    subprocess.run(["gst-launch-1.0", "-q"] + pipeline.split(), check=True)


def make_media(directory, index):
    os.makedirs(directory, exist_ok=True)
    picture = os.path.join(directory, "scene-%d.png" % index)
    audio = os.path.join(directory, "scene-%d.ogg" % index)
    run("videotestsrc num-buffers=1 pattern=%d ! video/x-raw,width=640,height=360 ! pngenc ! filesink location=%s"
        % (index, picture))
    run("audiotestsrc num-buffers=%d samplesperbuffer=1000 freq=%d ! audio/x-raw,rate=48000,channels=1 ! "
        "audioconvert ! opusenc ! oggmux ! filesink location=%s"
        % (48 * SECONDS.get(index, 1), 300 + 100 * index, audio))


def localized(key, text_for):
    lines = ["%s=%s" % (key, text_for("en"))]
    lines += ["%s[%s]=%s" % (key, lang, text_for(lang)) for lang in LANGS]
    return lines


def write_module(root, number):
    module_id = "test-%d" % number
    directory = os.path.join(root, module_id)
    media = os.path.join(directory, "media")
    lines = ["[Module]", "Id=" + module_id, "Version=1", "Order=%d" % number]
    lines += localized("Title", lambda l: "%s %d" % (WORDS[l][0], number))
    lines += localized("Summary", lambda l: WORDS[l][0])
    lines += ["MinWatched=0.8", "PassMark=0.6", "Sources=Test fixture", ""]
    for scene in range(1, 4):
        make_media(media, scene)
        lines += ["[Scene %d]" % scene, "Picture=media/scene-%d.png" % scene]
        lines += localized("Caption", lambda l: "%s %d — %s %d" % (WORDS[l][0], number, WORDS[l][1], scene))
        lines += ["Narration[ur]=media/scene-%d.ogg" % scene, "Narration[en]=media/scene-%d.ogg" % scene, ""]
    answers = []
    for question in range(1, 6):
        correct = (question + number) % 3 + 1
        answers.append(correct)
        lines += ["[Question %d]" % question]
        lines += localized("Text", lambda l: "%s %d.%d?" % (WORDS[l][2], number, question))
        for choice in range(1, 4):
            lines += localized("Choice%d" % choice,
                               lambda l: "%s %d.%d.%d" % (WORDS[l][3], number, question, choice))
        lines += ["Correct=%d" % correct]
        lines += localized("Explanation", lambda l: "%s %d" % (WORDS[l][4], question))
        for key in ("Narration", "ExplanationNarration"):
            lines += ["%s[%s]=media/scene-%d.ogg" % (key, lang, question % 3 + 1) for lang in ("ur", "en")]
        lines += [""]
    with open(os.path.join(directory, "module.ini"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return module_id, answers


def main():
    for a in WORDS:
        for b in WORDS:
            if a < b and set(WORDS[a]) & set(WORDS[b]):
                raise SystemExit("fixture words of %s and %s overlap: %s" % (a, b, set(WORDS[a]) & set(WORDS[b])))
    argv = sys.argv[1:]
    count = 2
    if argv[:1] == ["--count"]:
        count, argv = int(argv[1]), argv[2:]
    root = argv[0]
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    answers = dict(write_module(root, n) for n in range(1, count + 1))
    with open(os.path.join(root, "answers.json"), "w") as f:
        json.dump(answers, f)
    if len(argv) > 1:  # the build system's stamp
        open(argv[1], "w").close()


if __name__ == "__main__":
    main()

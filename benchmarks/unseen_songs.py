#!/usr/bin/env python3
"""Links a fixed sample of songs that none of the given models learned from or held out into a folder.

    benchmarks/unseen_songs.py --out DIR [--count N] [--corpus DIR] MODEL [MODEL ...]

Every model file names the pieces it trained on and held out, per corpus (`corpora` in its `segue-model.json`).
The songs of the corpus (default ../shared/data/openscore-lieder) that no model names are taken in name order, and
every k-th of them is linked into DIR, k chosen so that N of them (default 200) are spread over the whole list.
So two models are judged on the same songs, which neither saw: `./segue evaluate --model M --corpus DIR` for the
cross-entropy, `benchmarks/continuation_survey.py --model M DIR/*` for the continuations. DIR must not exist yet.
"""
import argparse
import json
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIEDER = os.path.join(ROOT, "..", "shared", "data", "openscore-lieder")
SCORES = (".mxl", ".musicxml", ".xml", ".mid", ".midi")


def fail(message):
    """Bad input: one line on stderr and exit status 2, as ./segue does."""
    print("unseen_songs: " + message, file=sys.stderr)
    sys.exit(2)


def named_pieces(model):
    """The file names a model trained on or held out, over all its corpora."""
    try:
        with zipfile.ZipFile(model) as archive:
            metadata = json.loads(archive.read("segue-model.json"))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as e:
        fail("%s is not a model file written by ./segue train (%s)" % (model, e))
    names = set()
    for corpus in metadata.get("corpora", []):
        names.update(corpus.get("trainingPieces", []))
        names.update(corpus.get("heldOutPieces", []))
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+", metavar="MODEL")
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--corpus", default=LIEDER)
    args = parser.parse_args()
    if args.count < 1:
        fail("--count %d; give 1 or more" % args.count)
    if not os.path.isdir(args.corpus):
        fail("%s is missing; give the corpus with --corpus" % args.corpus)
    if os.path.exists(args.out):
        fail("%s exists already; give a new folder" % args.out)
    known = set()
    for model in args.models:
        known |= named_pieces(model)
    unseen = sorted(f for f in os.listdir(args.corpus) if f.lower().endswith(SCORES) and f not in known)
    if len(unseen) < args.count:
        fail("only %d songs of %s are outside the models' samples, fewer than --count %d"
                 % (len(unseen), args.corpus, args.count))
    chosen = unseen[::len(unseen) // args.count][:args.count]
    os.makedirs(args.out)
    for name in chosen:
        os.symlink(os.path.abspath(os.path.join(args.corpus, name)), os.path.join(args.out, name))
    print("linked %d of the %d songs outside the models' samples into %s" % (len(chosen), len(unseen), args.out))


if __name__ == "__main__":
    main()

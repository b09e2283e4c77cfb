#!/usr/bin/env python3
"""Continues pieces with several seeds and checks each continuation against issue 8's bar.

A run passes when, for each staff, the share of new beats on which it sounds is within 0.15 of the piece's own
share (its last 16 bars), no new bar is a whole-bar rest on a staff that has none in those bars, at least 90 % of
the new notes are in the key, and at most 25 % of the new bars repeat an earlier one. Every figure comes from
`./segue continue --json`.

    benchmarks/continuation_survey.py [--model M] [--bars 16] [--seeds 1-5] [--json] [PIECE ...]
    benchmarks/continuation_survey.py --markdown --model OLD --model NEW     (side by side, one table)

Without pieces: the example and the seven Chopin pieces the shipped model holds out, read from
../shared/data/chopin-midi (the script says so and stops when that folder is missing).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHOPIN = os.path.join(ROOT, "..", "shared", "data", "chopin-midi")
HELD_OUT = ["chpn-p13.mid", "chpn-p15.mid", "chpn-p19.mid", "chpn-p7.mid", "chpn_op25_e3.mid",
            "chpn_op33_4.mid", "chpn_op35_3.mid"]
SHARE_TOLERANCE = 0.15
MIN_IN_KEY = 0.9
MAX_REPEATED = 0.25


def default_pieces():
    if not os.path.isdir(CHOPIN):
        sys.exit("continuation_survey: " + CHOPIN + " is missing; the held-out Chopin pieces are read from there "
                 "(give pieces on the command line instead)")
    return [os.path.join(ROOT, "examples", "little-waltz.musicxml")] + [os.path.join(CHOPIN, n) for n in HELD_OUT]


def seeds(text):
    low, _, high = text.partition("-")
    return list(range(int(low), int(high or low) + 1))


def problems(report):
    found = []
    for staff in ("treble", "bass"):
        a = report[staff]
        if abs(a["soundingNew"] - a["soundingPiece"]) > SHARE_TOLERANCE:
            found.append("%s sounds on %.2f of beats (piece %.2f)" % (staff, a["soundingNew"], a["soundingPiece"]))
        if a["silentBarsPiece"] == 0 and a["silentBarsNew"] > 0:
            found.append("%s has %d whole-bar rests" % (staff, a["silentBarsNew"]))
    if report["notesInScale"] < MIN_IN_KEY:
        found.append("%.2f of notes in the key" % report["notesInScale"])
    if report["repeatedBars"] > MAX_REPEATED:
        found.append("%.2f repeated bars" % report["repeatedBars"])
    return found


def continue_piece(piece, seed, bars, model, out):
    command = [os.path.join(ROOT, "segue"), "continue", piece, "--bars", str(bars), "--seed", str(seed),
               "--out", out, "--json"]
    if model:
        command += ["--model", model]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError("%s seed %d: exit %d: %s" % (piece, seed, done.returncode, done.stderr.strip()))
    return json.loads(done.stdout)["variations"][0]["report"]


def survey(pieces, seed_list, bars, model, out, verbose):
    runs = []
    for piece in pieces:
        for seed in seed_list:
            report = continue_piece(piece, seed, bars, model, out)
            runs.append({"piece": os.path.basename(piece), "seed": seed, "report": report,
                         "problems": problems(report)})
            if verbose:
                r = report
                print("%-22s seed %d  treble %.2f/%.2f  bass %.2f/%.2f  rests %d/%d  key %.2f  rep %.2f  %s" % (
                    os.path.basename(piece), seed, r["treble"]["soundingNew"], r["treble"]["soundingPiece"],
                    r["bass"]["soundingNew"], r["bass"]["soundingPiece"], r["treble"]["silentBarsNew"],
                    r["bass"]["silentBarsNew"], r["notesInScale"], r["repeatedBars"],
                    "ok" if not runs[-1]["problems"] else "; ".join(runs[-1]["problems"])), flush=True)
    return runs


def side_by_side(models, results):
    """A Markdown table: per piece its own shares, and per model the mean new shares, the fewest notes in the key
    and the whole-bar rests over the seeds, and how many runs pass."""
    columns = ["piece", "piece: treble / bass"]
    for model in models:
        columns.append("%s: treble / bass, key, rests, pass" % (os.path.basename(model) if model else "default"))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    pieces = list(dict.fromkeys(r["piece"] for r in results[0]))
    for piece in pieces + [None]:
        first = next((r["report"] for r in results[0] if r["piece"] == piece), None)
        cells = [piece or "**all**", "%.2f / %.2f" % (first["treble"]["soundingPiece"], first["bass"]["soundingPiece"])
                 if first else ""]
        for runs in results:
            mine = [r for r in runs if piece is None or r["piece"] == piece]
            mean = lambda staff: sum(r["report"][staff]["soundingNew"] for r in mine) / len(mine)
            rests = sum(r["report"][s]["silentBarsNew"] for r in mine for s in ("treble", "bass"))
            passed = sum(1 for r in mine if not r["problems"])
            cells.append("%.2f / %.2f, %.2f, %d, **%d of %d**" % (
                mean("treble"), mean("bass"), min(r["report"]["notesInScale"] for r in mine), rests, passed,
                len(mine)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pieces", nargs="*")
    parser.add_argument("--model", action="append", help="a model file; give it twice for --markdown's side by side")
    parser.add_argument("--bars", type=int, default=16)
    parser.add_argument("--seeds", type=seeds, default=seeds("1-5"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--markdown", action="store_true",
                        help="print one table, a row per piece and a column per model, instead of each run")
    args = parser.parse_args()
    models = args.model or [None]
    if len(models) > 1 and not args.markdown:
        parser.error("several --model need --markdown")
    pieces = args.pieces or default_pieces()
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "continued.musicxml")
        results = [survey(pieces, args.seeds, args.bars, m, out, not (args.json or args.markdown)) for m in models]
    if args.markdown:
        print(side_by_side(models, results))
        return
    runs = results[0]
    passed = sum(1 for r in runs if not r["problems"])
    if args.json:
        print(json.dumps({"runs": runs, "passed": passed, "total": len(runs)}))
    else:
        print("%d of %d runs pass (%.0f %%)" % (passed, len(runs), 100.0 * passed / len(runs)))


if __name__ == "__main__":
    main()

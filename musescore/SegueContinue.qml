//  Segue for MuseScore: "Continue this piece…"
//
//  Sends the open score to Segue's HTTP API (./segue serve), receives the next bars as JSON, note by note, and
//  writes them into the score with MuseScore's own cursor: every rest, note, chord, triplet and tie, on every staff
//  of the continued part.
//
//  Two ways to run it:
//   - from the menu Plugins > Segue > Continue this piece…, with a small dialog;
//   - without a dialog, for tests and scripts, when a file segue-job.json lies beside this file:
//       {"url": "http://127.0.0.1:8080", "bars": 8, "seed": 1, "out": "/abs/path/continued.musicxml"}
//     (optional: "variations", "variation", "creativity", "png": "/abs/path/picture" for a PNG of each page).
//
//  Written for the MuseScore 3.x plug-in API and checked headless with Debian's MuseScore 3.2.3, whose API lacks
//  Cursor.addRest(), Cursor.addTuplet() and addNote(pitch, addToChord); where a newer MuseScore has them they are
//  used. See README.md (section "MuseScore plug-in") for MuseScore 4.
//
//  Copyright the Segue authors; Apache License 2.0.

import QtQuick 2.2
import MuseScore 3.0
import FileIO 3.0

MuseScore {
    id: segue
    menuPath: "Plugins.Segue.Continue this piece…"
    description: "Continues the open piano score with Segue: the next bars, both staves, written into the score."
    version: "1.0"
    requiresScore: true
    pluginType: "dialog"
    width: 400
    height: 360

    readonly property string defaultAddress: "http://127.0.0.1:8080"
    readonly property var creativities: ["faithful", "balanced", "adventurous"]
    property string creativity: "balanced"
    property var answer: null
    property int chosenVariation: 0
    // MuseScore's BarLineType values (the 3.2 plug-in API does not name them)
    readonly property int barLineNormal: 1
    readonly property int barLineEnd: 32
    property var fields: ({bars: "8", variations: "1", seed: "1", address: defaultAddress})

    FileIO { id: files }

    onRun: {
        var job = readJob();
        if (job === null) return; // no job file: the dialog below is shown
        runJob(job);
        close();
    }

    // ------------------------------------------------------------------ the dialog
    // Plain QtQuick items only: MuseScore 3 ships QtQuick.Controls 1, MuseScore 4 Controls 2, and a plug-in that
    // imports either fails to load where only the other is installed.

    Rectangle {
        id: dialog
        anchors.fill: parent
        color: "#f2f2f2"

        Column {
            anchors.fill: parent
            anchors.margins: 14
            spacing: 9

            Text {
                text: "Continue this piece with Segue"
                font.bold: true
                font.pixelSize: 15
            }

            Repeater {
                model: [{name: "bars", label: "Bars to add", width: 60},
                        {name: "variations", label: "Variations", width: 60},
                        {name: "seed", label: "Seed", width: 100},
                        {name: "address", label: "Segue's address", width: 220}]
                delegate: Row {
                    spacing: 10
                    Text {
                        width: 120
                        anchors.verticalCenter: parent.verticalCenter
                        text: modelData.label
                    }
                    Rectangle {
                        width: modelData.width
                        height: 24
                        color: "white"
                        border.color: input.activeFocus ? "#2f6fb0" : "#a0a0a0"
                        TextInput {
                            id: input
                            anchors.fill: parent
                            anchors.margins: 4
                            clip: true
                            selectByMouse: true
                            activeFocusOnTab: true
                            text: segue.fields[modelData.name]
                            onTextChanged: segue.fields[modelData.name] = text
                            Keys.onReturnPressed: askButton.press()
                        }
                    }
                }
            }

            Row {
                spacing: 10
                Text {
                    width: 120
                    anchors.verticalCenter: parent.verticalCenter
                    text: "Creativity"
                }
                Repeater {
                    model: segue.creativities
                    delegate: Rectangle {
                        width: 84
                        height: 24
                        radius: 3
                        color: segue.creativity === modelData ? "#2f6fb0" : "white"
                        border.color: activeFocus ? "#2f6fb0" : "#a0a0a0"
                        activeFocusOnTab: true
                        Keys.onSpacePressed: segue.creativity = modelData
                        Text {
                            anchors.centerIn: parent
                            text: modelData
                            color: segue.creativity === modelData ? "white" : "black"
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: segue.creativity = modelData
                        }
                    }
                }
            }

            Text {
                id: status
                width: parent.width
                wrapMode: Text.Wrap
                text: "Segue must be running: ./segue serve --port 8080"
                color: "#404040"
            }

            Column {
                spacing: 4
                Repeater {
                    model: segue.answer ? segue.answer.variations : []
                    delegate: Rectangle {
                        width: dialog.width - 28
                        height: 22
                        color: segue.chosenVariation === index ? "#dbe8f5" : "white"
                        border.color: "#c0c0c0"
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.left: parent.left
                            anchors.leftMargin: 6
                            width: parent.width - 12
                            elide: Text.ElideRight
                            text: modelData.variation + ". " + (modelData.summary || modelData.key)
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: segue.chosenVariation = index
                        }
                    }
                }
            }

            Row {
                spacing: 10
                Rectangle {
                    id: askButton
                    width: 130
                    height: 28
                    radius: 3
                    color: "#2f6fb0"
                    activeFocusOnTab: true
                    function press() {
                        status.color = "#404040";
                        status.text = "Asking Segue at " + segue.fields.address + " …";
                        askTimer.start(); // lets the line above be drawn before the synchronous request
                    }
                    Keys.onSpacePressed: press()
                    Keys.onReturnPressed: press()
                    Text {
                        anchors.centerIn: parent
                        color: "white"
                        text: segue.answer && segue.answer.variations.length > 1
                              ? "Insert variation " + (segue.chosenVariation + 1) : "Continue"
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: askButton.press()
                    }
                }
                Rectangle {
                    width: 90
                    height: 28
                    radius: 3
                    color: "white"
                    border.color: activeFocus ? "#2f6fb0" : "#a0a0a0"
                    activeFocusOnTab: true
                    Keys.onSpacePressed: segue.close()
                    Text {
                        anchors.centerIn: parent
                        text: "Close"
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: segue.close()
                    }
                }
            }
        }
    }

    Timer {
        id: askTimer
        interval: 40
        onTriggered: segue.continueFromDialog()
    }

    /**
     * The dialog's button: asks Segue, and writes the answer at once when there is one variation; with several the
     * user picks one and presses again. Changing an option asks again.
     */
    function continueFromDialog() {
        try {
            var options = dialogOptions();
            if (answer === null || answer.request !== requestKey()) {
                var fresh = askSegue(fields.address, options);
                fresh.request = requestKey();
                chosenVariation = 0;
                answer = fresh;
                if (fresh.variations.length > 1) {
                    status.color = "#404040";
                    status.text = fresh.variations.length + " variations: pick one, then insert it.";
                    return;
                }
            }
            var written = writeContinuation(curScore, answer, chosenVariation);
            answer = null;
            status.text = "Added " + written.measures + " bars.";
            close();
        } catch (e) {
            status.color = "#b00020";
            status.text = e.message;
        }
    }

    function requestKey() {
        return [fields.bars, fields.variations, fields.seed, fields.address, creativity].join("|");
    }

    function dialogOptions() {
        var bars = Number(fields.bars);
        var variations = Number(fields.variations);
        var seed = Number(fields.seed);
        if (!(bars >= 1 && bars <= 512 && bars % 1 === 0)) throw new Error("Bars to add: a whole number from 1 to 512.");
        if (!(variations >= 1 && variations <= 8 && variations % 1 === 0)) {
            throw new Error("Variations: a whole number from 1 to 8.");
        }
        if (!(seed % 1 === 0) || String(fields.seed).trim() === "") throw new Error("Seed: a whole number.");
        return {bars: bars, variations: variations, seed: seed, creativity: creativity};
    }

    // ------------------------------------------------------------------ job mode

    /** The job beside this file as an object, or null when there is none. A broken job file is reported. */
    function readJob() {
        var path = localPath(Qt.resolvedUrl("segue-job.json"));
        files.source = path;
        if (!files.exists()) return null;
        try {
            return JSON.parse(files.read());
        } catch (e) {
            report(path + ": not JSON (" + e.message + "); write it as {\"url\": ..., \"bars\": N, \"seed\": S, \"out\": PATH}");
            return {broken: true};
        }
    }

    function runJob(job) {
        if (job.broken) return;
        try {
            if (!job.out) throw new Error("segue-job.json: \"out\" (the file to save the continued score to) is missing");
            var answer = askSegue(job.url || defaultAddress, {
                bars: job.bars, seed: job.seed, variations: job.variations || 1, creativity: job.creativity || "balanced"
            });
            var index = (job.variation || 1) - 1;
            if (index < 0 || index >= answer.variations.length) {
                throw new Error("segue-job.json: variation " + job.variation + " of " + answer.variations.length + " does not exist");
            }
            var written = writeContinuation(curScore, answer, index);
            save(job.out);
            if (job.png) save(job.png.replace(/\.png$/, "") + ".png");
            report("wrote " + written.measures + " measures (" + written.notes + " notes, " + written.rests + " rests, "
                   + written.tuplets + " triplets, " + written.ties + " ties) and saved " + job.out);
        } catch (e) {
            report("job failed: " + e.message);
        }
    }

    /** Saves the score in the format of the path's extension (musicxml, mscz, pdf, png ...). */
    function save(path) {
        var dot = path.lastIndexOf(".");
        var slash = path.lastIndexOf("/");
        var format = dot > slash ? path.substring(dot + 1) : "musicxml";
        var base = dot > slash ? path.substring(0, dot) : path;
        if (!writeScore(curScore, base, format)) throw new Error("MuseScore could not write " + path);
    }

    // ------------------------------------------------------------------ talking to Segue

    /**
     * Exports the open score as MusicXML, posts it to Segue's /api/v1/continue and returns the parsed answer.
     * The request is synchronous: an asynchronous one never completes in mscore3 -p, which exits when onRun returns.
     */
    function askSegue(address, options) {
        var base = String(address).replace(/\/+$/, "");
        var body = exportedScore();
        var query = "bars=" + encodeURIComponent(options.bars) + "&seed=" + encodeURIComponent(options.seed)
                + "&variations=" + encodeURIComponent(options.variations)
                + "&creativity=" + encodeURIComponent(options.creativity) + "&filename=score.musicxml";
        var request = new XMLHttpRequest();
        request.open("POST", base + "/api/v1/continue?" + query, false);
        request.setRequestHeader("Content-Type", "application/vnd.recordare.musicxml+xml");
        try {
            request.send(body);
        } catch (e) {
            throw new Error("Segue is not running at " + base + " (" + e.message + "); start it with ./segue serve");
        }
        if (request.status === 0) {
            throw new Error("Segue is not running at " + base + "; start it with ./segue serve --port 8080, "
                            + "or correct the address");
        }
        var json = null;
        try {
            json = JSON.parse(request.responseText);
        } catch (e) {
            throw new Error(base + " answered HTTP " + request.status + " with something that is not Segue's JSON; "
                            + "is it Segue's address?");
        }
        if (request.status !== 200) {
            throw new Error("Segue answered HTTP " + request.status + ": " + (json.error || request.statusText));
        }
        if (!json.variations || json.variations.length === 0 || !json.variations[0].newBars) {
            throw new Error("Segue's answer holds no new bars; is this Segue's continue API (v1)?");
        }
        return json;
    }

    /** The open score as MusicXML text, through a temporary file. */
    function exportedScore() {
        var base = files.tempPath() + "/segue-plugin-" + Date.now();
        if (!writeScore(curScore, base, "musicxml")) throw new Error("MuseScore could not export the score as MusicXML");
        files.source = base + ".musicxml";
        var text = files.read();
        files.remove();
        if (!text) throw new Error("the exported score " + base + ".musicxml could not be read back");
        return text;
    }

    function localPath(url) {
        return decodeURIComponent(String(url).replace(/^file:\/\//, ""));
    }

    function report(line) {
        console.log("Segue: " + line);
    }

    function close() {
        if (typeof segue.quit === "function") segue.quit(); // MuseScore 4
        else Qt.quit();                                     // MuseScore 3: closes the plug-in, not MuseScore
    }

    // ------------------------------------------------------------------ exact fractions of a whole note

    function gcd(a, b) {
        a = Math.abs(a); b = Math.abs(b);
        while (b) { var t = a % b; a = b; b = t; }
        return a;
    }
    function frac(n, d) {
        if (d < 0) { n = -n; d = -d; }
        var g = gcd(n, d) || 1;
        return {n: n / g, d: d / g};
    }
    function plus(a, b) { return frac(a.n * b.d + b.n * a.d, a.d * b.d); }
    function minus(a, b) { return frac(a.n * b.d - b.n * a.d, a.d * b.d); }
    function times(a, b) { return frac(a.n * b.n, a.d * b.d); }
    function compare(a, b) { return a.n * b.d - b.n * a.d; }
    function smaller(a, b) { return compare(a, b) < 0 ? a : b; }
    function oddPart(d) { while (d % 2 === 0) d /= 2; return d; }
    function ticksOf(f) { return f.n * division * 4 / f.d; }

    /** Note values MuseScore writes as one note: plain or with up to two dots, longest first. */
    function singleValues() {
        var values = [];
        for (var d = 1; d <= 128; d *= 2) {
            var plain = frac(2, d);       // breve, whole, half ... 128th
            values.push(plain);
            values.push(times(plain, frac(3, 2)));
            values.push(times(plain, frac(7, 4)));
        }
        values.sort(function (a, b) { return compare(b, a); });
        return values;
    }

    /** Single note values that add up to the length, longest first (a 5/16 is a quarter and a 16th). */
    function splitIntoValues(length) {
        var values = singleValues();
        var pieces = [];
        var left = length;
        while (left.n > 0) {
            var i = 0;
            while (i < values.length && compare(values[i], left) > 0) i++;
            if (i === values.length) throw new Error("a duration of " + length.n + "/" + length.d + " cannot be written");
            pieces.push(values[i]);
            left = minus(left, values[i]);
        }
        return pieces;
    }

    // ------------------------------------------------------------------ from events to notation

    /**
     * One voice of one measure, as MuseScore is to write it: a list of items
     *   {kind: "note"|"rest", start, value (the written value), pitches, tiedBack, tiedOn}
     *   {kind: "tuplet", start, total, items: [...]}            (a 3:2 triplet group; its items' values are written)
     * The measure is cut into cells from the bar line: a half note's worth where notes start and end only on its
     * quarter-note-triplet grid (and somewhere off the binary one), which becomes one group of quarter-note
     * triplets; else quarter notes' worth, each one in which a note or rest starts or ends off the binary grid
     * becoming one group of eighth-note triplets. Events that cross the edge of a group are cut there and tied.
     * Everything else is written as single values, tied where one value cannot do.
     */
    function notate(events, length) {
        var spans = [];
        var at = frac(0, 1);
        for (var e = 0; e < events.length; e++) {
            var event = events[e];
            var duration = frac(event.duration.num, event.duration.den);
            var pitches = event.type === "rest" ? [] : event.pitches;
            spans.push({start: at, end: plus(at, duration), pitches: pitches,
                        tiedBack: pitches.length > 0 && pitches.every(function (p) { return p.tieStop; }),
                        tiedOn: pitches.length > 0 && pitches.every(function (p) { return p.tieStart; })});
            at = plus(at, duration);
        }
        if (compare(at, length) < 0) spans.push({start: at, end: length, pitches: [], tiedBack: false, tiedOn: false});

        var points = []; // where notes and rests start and end
        spans.forEach(function (span) { points.push(span.start); points.push(span.end); });
        points.forEach(function (point) {
            var odd = oddPart(point.d);
            if (odd !== 1 && odd !== 3) {
                throw new Error("a note at " + point.n + "/" + point.d + " of a measure needs a " + odd
                                + "-tuplet; the plug-in writes triplets only");
            }
        });
        var cells = [];
        var c = frac(0, 1);
        while (compare(c, length) < 0) {
            var half = plus(c, frac(1, 2));
            if (compare(half, length) <= 0 && isTripletCell(points, c, half, frac(1, 6))) {
                cells.push({start: c, end: half, triplet: true}); // quarter-note triplets
                c = half;
                continue;
            }
            var quarter = smaller(plus(c, frac(1, 4)), length);
            cells.push({start: c, end: quarter, triplet: isTripletCell(points, c, quarter, null)});
            c = quarter;
        }

        // cut the spans at the edges of triplet cells
        var cuts = [];
        cells.forEach(function (cell) { if (cell.triplet) { cuts.push(cell.start); cuts.push(cell.end); } });
        var pieces = [];
        spans.forEach(function (span) {
            var inner = cuts.filter(function (p) { return compare(span.start, p) < 0 && compare(p, span.end) < 0; })
                            .sort(compare);
            var bounds = [span.start].concat(inner).concat([span.end]);
            for (var i = 0; i + 1 < bounds.length; i++) {
                pieces.push({start: bounds[i], end: bounds[i + 1], pitches: span.pitches,
                             tiedBack: i === 0 ? span.tiedBack : true,
                             tiedOn: i + 2 === bounds.length ? span.tiedOn : true});
            }
        });

        var items = [];
        var group = null;
        pieces.forEach(function (piece) {
            var cell = cells.filter(function (c) {
                return compare(c.start, piece.start) <= 0 && compare(piece.start, c.end) < 0;
            })[0];
            var target = items;
            var scale = frac(1, 1);
            if (cell.triplet) {
                if (group === null || compare(group.start, cell.start) !== 0) {
                    group = {kind: "tuplet", start: cell.start, total: minus(cell.end, cell.start), items: []};
                    items.push(group);
                }
                target = group.items;
                scale = frac(3, 2);
            }
            var values = splitIntoValues(times(minus(piece.end, piece.start), scale));
            var start = piece.start;
            for (var v = 0; v < values.length; v++) {
                var end = plus(start, times(values[v], frac(scale.d, scale.n)));
                target.push({kind: piece.pitches.length ? "note" : "rest", start: start, end: end, value: values[v],
                             pitches: piece.pitches,
                             tiedBack: v === 0 ? piece.tiedBack : true,
                             tiedOn: v + 1 === values.length ? piece.tiedOn : true});
                start = end;
            }
        });
        return items;
    }

    /**
     * Whether notes start or end inside [start, end) off the binary grid, and (for a grid) all of them on that grid
     * counted from start.
     */
    function isTripletCell(points, start, end, grid) {
        var inside = points.filter(function (p) { return compare(start, p) < 0 && compare(p, end) < 0; });
        var offGrid = inside.some(function (p) { return oddPart(p.d) === 3; });
        if (!offGrid || grid === null) return offGrid;
        return inside.every(function (p) {
            var steps = times(minus(p, start), frac(grid.d, grid.n));
            return steps.d === 1;
        });
    }

    // ------------------------------------------------------------------ writing with the cursor

    /**
     * Appends the new measures and writes one variation's new bars into the score. Returns what it wrote.
     * MuseScore's note-input commands ("triplet", "tie") are used where the cursor has no equivalent; on MuseScore 3
     * each such command closes the running undoable command, so a new one is opened after it.
     */
    function writeContinuation(score, answer, index) {
        var bars = answer.variations[index].newBars;
        if (score.nmeasures !== answer.inputMeasures) {
            throw new Error("Segue read " + answer.inputMeasures + " measures where MuseScore has " + score.nmeasures
                            + "; the score could not be continued as it is");
        }
        var part = continuedPart(score, bars);
        var cursor = score.newCursor();
        if (cursor.inputStateMode !== undefined) cursor.inputStateMode = Cursor.INPUT_STATE_SYNC_WITH_SCORE;
        var writer = {score: score, cursor: cursor, written: {measures: 0, notes: 0, rests: 0, tuplets: 0, ties: 0},
                      previous: null};

        cmd("escape");      // out of any edit, and out of note input if the user was in it ...
        cmd("note-input");  // ... then into note input: "tie" and "triplet" below work on its input position
        score.startCmd();
        try {
            score.appendMeasures(bars.measures.length);
            writer.written.barlines = openFinalBarLine(score, answer.inputMeasures);
            var starts = measureTicks(score, answer.inputMeasures, bars.measures.length);
            var staffCount = bars.measures[0].staves.length;
            for (var s = 0; s < staffCount; s++) {
                var staffIdx = part.firstStaff + s;
                for (var voice = 0; voice < 4; voice++) {
                    var plans = [];
                    for (var m = 0; m < bars.measures.length; m++) {
                        var measure = bars.measures[m];
                        var voices = measure.staves[s].voices;
                        if (voices.length > 4) throw new Error("measure " + measure.number + " has more than 4 voices on staff " + (s + 1));
                        if (voice >= voices.length) continue;
                        plans.push({tick: starts[m], items: notate(voices[voice].events, measureLength(measure)),
                                    number: measure.number});
                    }
                    writeVoice(writer, staffIdx * 4 + voice, plans);
                }
            }
            writer.written.measures = bars.measures.length;
        } finally {
            score.endCmd();
            cmd("escape"); // leave note input
        }
        return writer.written;
    }

    /**
     * The piece goes on: the final bar line that closed its last measure becomes a plain one (MuseScore draws the
     * final bar line at the new end by itself). Repeats and double bar lines stay as they are.
     */
    function openFinalBarLine(score, lastOriginal) {
        var measure = score.firstMeasure;
        for (var i = 1; measure && i < lastOriginal; i++) measure = measure.nextMeasure;
        var changed = 0;
        for (var segment = measure ? measure.lastSegment : null; segment; segment = segment.prev) {
            if (segment.tick < measure.firstSegment.tick) break;
            for (var track = 0; track < score.ntracks; track += 4) {
                var element = segment.elementAt(track);
                if (element && element.type === Element.BAR_LINE && Number(element.barlineType) === barLineEnd) {
                    element.barlineType = barLineNormal;
                    changed++;
                }
            }
            if (changed > 0) break;
        }
        return changed;
    }

    /** The first staff index of the continued part, from the part's position (or its MusicXML id P1, P2 ...). */
    function continuedPart(score, bars) {
        var position = bars.partIndex !== undefined ? bars.partIndex : parseInt(String(bars.part).replace(/^P/, ""), 10) - 1;
        var parts = score.parts;
        if (!(position >= 0 && position < parts.length)) throw new Error("the score has no part " + bars.part);
        var staves = (parts[position].endTrack - parts[position].startTrack) / 4;
        if (staves < bars.measures[0].staves.length) {
            throw new Error("part " + bars.part + " has " + staves + " staves in MuseScore, Segue wrote "
                            + bars.measures[0].staves.length);
        }
        return {firstStaff: parts[position].startTrack / 4};
    }

    function measureLength(measure) {
        var time = String(measure.time).split("/");
        return frac(parseInt(time[0], 10), parseInt(time[1], 10));
    }

    /** Start ticks of the measures from index first on. */
    function measureTicks(score, first, count) {
        var ticks = [];
        var measure = score.firstMeasure;
        for (var i = 0; measure && i < first + count; i++) {
            if (i >= first) ticks.push(measure.firstSegment.tick);
            measure = measure.nextMeasure;
        }
        if (ticks.length !== count) throw new Error("MuseScore did not append " + count + " measures");
        return ticks;
    }

    /**
     * Moves the cursor, and with it the input position, to a tick of a measure on a track. nextMeasure() moves the
     * cursor quickly but not the input position (MuseScore 3.2), so it goes measure by measure on the staff's first
     * voice to the measure before, then next() by next() (on the track itself once its voice has rests or notes
     * there) to the tick.
     */
    function goTo(cursor, track, measureTick, tick, onOwnTrack) {
        cursor.track = track - track % 4;
        cursor.rewind(0);
        while (cursor.segment) {
            var next = cursor.measure ? cursor.measure.nextMeasure : null;
            if (!next || next.firstSegment.tick >= measureTick) break;
            cursor.nextMeasure();
        }
        if (onOwnTrack) cursor.track = track;
        while (cursor.segment && cursor.tick < tick) cursor.next();
        if (!cursor.segment || cursor.tick !== tick) {
            throw new Error("no place at tick " + tick + " on track " + track + " to write at");
        }
        cursor.track = track;
    }

    /**
     * Writes one voice through all new measures in two passes: first the rhythm (rests of every value and the
     * triplet groups), so that every note has a place that starts where it starts; then the notes, each tied to the
     * one before it where Segue ties them.
     */
    function writeVoice(writer, track, plans) {
        if (plans.length === 0) return;
        plans.forEach(function (plan) {
            if (isWholeRest(plan.items)) return;
            goTo(writer.cursor, track, plan.tick, plan.tick, false);
            writeRhythm(writer, plan.items);
        });
        writer.previous = null;
        plans.forEach(function (plan) {
            writeNotes(writer, track, plan.tick, plan.items);
        });
    }

    function isWholeRest(items) {
        return items.every(function (item) { return item.kind === "rest"; });
    }

    function writeRhythm(writer, items) {
        var cursor = writer.cursor;
        items.forEach(function (item) {
            if (item.kind === "tuplet") {
                cursor.setDuration(item.total.n, item.total.d);
                if (typeof cursor.addTuplet === "function") {
                    cursor.addTuplet(fraction(3, 2), fraction(item.total.n, item.total.d));
                } else {
                    noteInputCommand(writer, "triplet");
                }
                writer.written.tuplets++;
                writeRhythm(writer, item.items);
                return;
            }
            cursor.setDuration(item.value.n, item.value.d);
            if (typeof cursor.addRest === "function") {
                cursor.addRest();
            } else {
                // MuseScore 3.2 has no Cursor.addRest(): write a note and delete it, which leaves a rest
                cursor.addNote(60);
                removeElement(selectedNote(writer.score));
            }
            if (item.kind === "rest") writer.written.rests++;
        });
    }

    function writeNotes(writer, track, measureTick, items) {
        items.forEach(function (item) {
            if (item.kind === "tuplet") {
                writeNotes(writer, track, measureTick, item.items);
                return;
            }
            if (item.kind === "rest") {
                writer.previous = null;
                return;
            }
            var tick = measureTick + ticksOf(item.start);
            goTo(writer.cursor, track, measureTick, tick, true);
            writer.cursor.setDuration(item.value.n, item.value.d);
            var previous = writer.previous;
            if (item.tiedBack && previous && previous.end === tick && samePitches(previous.pitches, item.pitches)) {
                noteInputCommand(writer, "tie"); // adds the tied chord at the input position, with every pitch
                writer.written.ties++;
            } else {
                writeChord(writer, item.pitches);
            }
            writer.written.notes += item.pitches.length;
            writer.previous = {end: measureTick + ticksOf(item.end), pitches: item.pitches};
        });
    }

    function writeChord(writer, pitches) {
        var cursor = writer.cursor;
        cursor.addNote(pitches[0].midi);
        var first = selectedNote(writer.score);
        spell(first, pitches[0]);
        for (var i = 1; i < pitches.length; i++) {
            if (mscoreVersion >= 30304) {
                cursor.addNote(pitches[i].midi, true);
                spell(selectedNote(writer.score), pitches[i]);
            } else {
                var note = newElement(Element.NOTE);
                note.pitch = pitches[i].midi;
                spell(note, pitches[i]);
                first.parent.add(note);
            }
        }
    }

    /** The spelling Segue chose (E-flat, not D-sharp), as MuseScore's tonal pitch class. */
    function spell(note, pitch) {
        var fifths = {F: -1, C: 0, G: 1, D: 2, A: 3, E: 4, B: 5}[pitch.step];
        if (fifths === undefined) return;
        var tpc = 14 + fifths + 7 * pitch.alter;
        if (tpc < -1 || tpc > 33) return;
        note.tpc1 = tpc;
        note.tpc2 = tpc;
    }

    function selectedNote(score) {
        var selected = score.selection.elements;
        if (selected.length !== 1 || selected[0].type !== Element.NOTE) {
            throw new Error("MuseScore did not select the note it just wrote");
        }
        return selected[0];
    }

    function samePitches(a, b) {
        if (a.length !== b.length) return false;
        for (var i = 0; i < a.length; i++) if (a[i].midi !== b[i].midi) return false;
        return true;
    }

    /** Runs a note-input command; on MuseScore 3 it ends the running undoable command, so one is opened again. */
    function noteInputCommand(writer, name) {
        cmd(name);
        writer.score.startCmd();
    }
}

// Plays a proposal's new bars with WebAudio: a small piano-like voice (a struck attack, a decay that is longer for
// low notes, a short release), from the API's playback notes (seconds from 0, MIDI pitch, velocity).

let context = null;

function audioContext() {
    if (!context) {
        const AudioContext = window.AudioContext || window.webkitAudioContext;
        if (!AudioContext) throw new Error('This browser cannot play sound (no Web Audio)');
        context = new AudioContext();
    }
    return context;
}

const frequency = (midi) => 440 * Math.pow(2, (midi - 69) / 12);

export class Player {
    constructor() {
        this.playback = null;
    }

    get playing() {
        return this.playback !== null;
    }

    /** Starts the notes (stopping anything playing); onEnd is called when they have sounded or stop() is called. */
    async play(notes, onEnd) {
        this.stop();
        const audio = audioContext();
        if (audio.state === 'suspended') await audio.resume();
        const output = audio.createGain();
        const limiter = audio.createDynamicsCompressor();
        output.gain.value = 0.8;
        output.connect(limiter).connect(audio.destination);
        const start = audio.currentTime + 0.08;
        let end = start;
        for (const note of notes) {
            end = Math.max(end, this.strike(audio, output, note, start));
        }
        const timer = setTimeout(() => this.finish(playback), (end - audio.currentTime) * 1000 + 100);
        const playback = { output, limiter, timer, onEnd };
        this.playback = playback;
    }

    stop() {
        if (this.playback) this.finish(this.playback);
    }

    finish(playback) {
        if (this.playback !== playback) return;
        this.playback = null;
        clearTimeout(playback.timer);
        playback.output.disconnect();
        playback.limiter.disconnect();
        if (playback.onEnd) playback.onEnd();
    }

    /** Schedules one note; answers when its sound has died away. */
    strike(audio, output, note, offset) {
        const at = offset + Math.max(0, note.start);
        const length = Math.max(0.05, note.duration);
        const peak = 0.18 * Math.min(1, Math.max(0.1, (note.velocity || 80) / 127));
        const f = frequency(note.midi);
        const decay = 0.25 + 1.6 * Math.max(0, (96 - note.midi) / 60); // low strings ring longer
        const release = 0.12;
        const end = at + length + release * 5;

        const envelope = audio.createGain();
        envelope.gain.setValueAtTime(0, at);
        envelope.gain.linearRampToValueAtTime(peak, at + 0.006);
        envelope.gain.setTargetAtTime(peak * 0.25, at + 0.006, decay);
        envelope.gain.setTargetAtTime(0, at + length, release);

        const tone = audio.createBiquadFilter(); // the brightness of a struck string fades
        tone.type = 'lowpass';
        tone.frequency.setValueAtTime(Math.min(12000, f * 8), at);
        tone.frequency.setTargetAtTime(Math.min(8000, f * 3), at, 0.3);

        const partials = [[1, 'triangle', 1], [2, 'sine', 0.35], [3, 'sine', 0.12]];
        for (const [multiple, type, level] of partials) {
            const oscillator = audio.createOscillator();
            const gain = audio.createGain();
            oscillator.type = type;
            oscillator.frequency.value = f * multiple;
            oscillator.detune.value = multiple === 1 ? 0 : 2; // a little inharmonicity
            gain.gain.value = level;
            oscillator.connect(gain).connect(tone);
            oscillator.start(at);
            oscillator.stop(end);
        }
        tone.connect(envelope).connect(output);
        return end;
    }
}

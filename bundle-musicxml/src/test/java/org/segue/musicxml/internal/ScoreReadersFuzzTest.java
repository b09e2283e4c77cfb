package org.segue.musicxml.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/**
 * Coverage-guided fuzzing (Jazzer) of the three readers, and of the writers on whatever they read: any input must
 * be read, or refused with a one-line {@link ScoreFileException} that names the file; anything else (another
 * exception, a stack overflow, running out of memory, a hang) is a finding.
 *
 * <p>In {@code mvn verify} these run in Jazzer's regression mode: every input under
 * {@code src/test/resources/org/segue/musicxml/internal/ScoreReadersFuzzTestInputs/<method>/} (seeds, and the
 * findings of earlier runs, kept as regression tests, named {@code finding-*}) goes through its target once. A
 * fuzzing run of one target, for its {@code maxDuration}, is started with {@code JAZZER_FUZZ=1}; see README.md.
 */
class ScoreReadersFuzzTest {

    private final ScoreFilesComponent files = new ScoreFilesComponent();

    @FuzzTest(maxDuration = "10m")
    void musicXml(byte[] input) throws Exception {
        readAndWriteBack(input, "fuzz.musicxml");
    }

    @FuzzTest(maxDuration = "8m")
    void mxl(byte[] input) throws Exception {
        readAndWriteBack(input, "fuzz.mxl");
    }

    @FuzzTest(maxDuration = "8m")
    void midi(byte[] input) throws Exception {
        readAndWriteBack(input, "fuzz.mid");
    }

    private void readAndWriteBack(byte[] input, String name) throws Exception {
        Score score;
        try {
            score = files.read(new ByteArrayInputStream(input), name);
        } catch (ScoreFileException refused) {
            requireOneLine(refused, name);
            return;
        }
        for (String target : new String[] {"back.musicxml", "back.mid"}) {
            try {
                files.write(score, new ByteArrayOutputStream(), target);
            } catch (ScoreFileException refused) {
                requireOneLine(refused, target);
            }
        }
    }

    private static void requireOneLine(ScoreFileException e, String name) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(name + ": ") || message.contains("\n") || message.contains("\r")) {
            throw new IllegalStateException("not a one-line message naming " + name + ": " + message, e);
        }
    }
}

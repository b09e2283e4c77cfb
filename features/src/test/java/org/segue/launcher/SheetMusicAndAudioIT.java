package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sheet music (LilyPond, a separate program) and audio (Java's synthesizer, from the system bundle's javax.sound)
 * written by {@code continue} inside Felix, as {@code ./segue} runs it; and a missing LilyPond through the real
 * script. Needs {@code lilypond} and {@code pdftoppm} (Debian: lilypond, poppler-utils; {@code .ci/run} installs
 * them).
 */
class SheetMusicAndAudioIT {

    private static final Path EXAMPLE = SharedData.root().resolve("examples/little-waltz.musicxml");

    @RegisterExtension
    static final RunningSegue SEGUE = new RunningSegue("sheet-music");

    @TempDir
    Path folder;

    @Test
    void continueWritesAPdfWithTheNewBarsMarkedAWavAsLongAsThePieceAndMusicXml() throws Exception {
        Path pdf = folder.resolve("out.pdf");
        Path wav = folder.resolve("out.wav");
        Path xml = folder.resolve("out.musicxml");

        Outcome run = SEGUE.run("continue", EXAMPLE.toString(), "--bars", "8", "--out", pdf.toString(), "--out",
                wav.toString(), "--out", xml.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(SEGUE.info(xml).get("measures").asInt()).isEqualTo(16);

        List<Path> pages = pdfToPng(pdf);
        assertThat(pages).as("pages of " + pdf).isNotEmpty();
        int blue = 0;
        int black = 0;
        for (Path page : pages) {
            BufferedImage image = ImageIO.read(page.toFile());
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    if (b > 150 && r < 80 && g < 140) blue++;
                    if (r < 60 && g < 60 && b < 60) black++;
                }
            }
        }
        assertThat(blue).as("pixels of the new bars' blue notes").isGreaterThan(1000);
        assertThat(black).as("pixels of the original bars, staves and text").isGreaterThan(blue);

        double score = 16 * 3 * 60.0 / 108; // 8 + 8 bars of 3/4 at 108 quarter notes per minute
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
            double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
            assertThat(seconds).isBetween(score * 0.98, score * 1.02 + 1.0);
        }
    }

    @Test
    void convertWritesPngSheetMusic() throws Exception {
        Path png = folder.resolve("waltz.png");

        Outcome run = SEGUE.run("convert", EXAMPLE.toString(), png.toString());

        assertThat(run.status()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(800);
    }

    @Test
    void aMissingLilyPondIsOneLineAndExitStatusTwo() throws Exception {
        Path pdf = folder.resolve("waltz.pdf");
        List<String> command = List.of(SharedData.root().resolve("segue").toString(), "convert", EXAMPLE.toString(),
                pdf.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("SEGUE_HOME", Path.of("target", "it-home", "no-lilypond").toAbsolutePath()
                .toString());
        builder.environment().put("SEGUE_JAVA_OPTS", "-Dsegue.lilypond=" + folder.resolve("no-lilypond-here"));
        SharedData.dist();
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("./segue finishes").isTrue();

        List<String> err = Files.readAllLines(folder.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", err)).isEqualTo(2);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith(pdf + ": LilyPond is needed").contains("apt-get install lilypond");
        assertThat(pdf).doesNotExist();
    }

    /** The PDF's pages as PNG, by poppler's pdftoppm, as a person would look at them. */
    private List<Path> pdfToPng(Path pdf) throws IOException, InterruptedException {
        Path prefix = folder.resolve("page");
        Process process = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("pdftoppm.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("pdftoppm.log"))).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("page")
                    && p.toString().endsWith(".png")).sorted().toList());
        }
    }
}

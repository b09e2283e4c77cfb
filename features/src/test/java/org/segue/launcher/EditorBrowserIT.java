package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.segue.musicxml.internal.musicxml.XsdValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The editor page end to end, as a person uses it: {@code ./segue serve --port 0} in its own process, and
 * {@code e2e/editor.test.mjs} driving Debian's headless Chromium through open, continue, preview, apply, undo,
 * redo and export by role and accessible name. The exported file is then checked here against the MusicXML 4.0
 * schema. Chromium and the e2e folder's npm packages must be installed ({@code .ci/run} installs both); when they
 * are not, the test fails and says how to install them.
 */
class EditorBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SEGUE_CHROMIUM", "/usr/bin/chromium"));
    private static final long NODE_TIMEOUT_SECONDS = 600;

    private final Path root = SharedData.root();
    private final Path home = Path.of("target", "it-home", "editor").toAbsolutePath();
    private final Path out = Path.of("target", "e2e").toAbsolutePath();

    @Test
    void openContinuePreviewApplyUndoRedoAndExportInHeadlessChromium() throws Exception {
        requireBrowserTools();
        FrameworkStorage.deleteTree(home);
        FrameworkStorage.deleteTree(out);
        Files.createDirectories(out);

        try (ServedEditor editor = ServedEditor.start(home, 180)) {
            Outcome browser = runBrowserTest(editor.url());
            assertThat(browser.status())
                    .as("e2e/editor.test.mjs against %s failed:%n%s%n./segue serve's stderr:%n%s",
                            editor.url(), browser.out(), editor.stderr())
                    .isZero();
        }

        assertThat(out.resolve("editor-preview.png")).isNotEmptyFile();
        byte[] exported = Files.readAllBytes(out.resolve("exported.musicxml"));
        XsdValidator xsd = XsdValidator.load(SharedData.folder("musicxml-4.0-schema"), "musicxml.xsd");
        assertThat(xsd.validate(exported)).as("the exported MusicXML against the MusicXML 4.0 schema").isEmpty();
        assertThat(measuresOfFirstPart(exported)).as("measures of the exported score").isEqualTo(8 + 4);
    }

    /** Fails, saying how to install them, when Chromium, node or the e2e folder's packages are missing. */
    private void requireBrowserTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " is missing: install it with 'apt-get install chromium'");
        }
        if (!Files.isDirectory(root.resolve("e2e/node_modules/playwright-core"))) {
            missing.add("e2e/node_modules is missing: install it with 'npm ci --prefix e2e'");
        }
        if (!onPath("node")) missing.add("node is missing: install it with 'apt-get install nodejs npm'");
        assertThat(missing).as("the end-to-end browser test needs (.ci/run installs them)").isEmpty();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) return true;
        }
        return false;
    }

    private Outcome runBrowserTest(String url) throws IOException, InterruptedException {
        Path log = out.resolve("editor-test-output.txt");
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "e2e/editor.test.mjs")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SEGUE_URL", url);
        builder.environment().put("SEGUE_E2E_OUT", out.toString());
        builder.environment().put("SEGUE_CHROMIUM", CHROMIUM.toString());
        Process node = builder.start();
        if (!node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
            return new Outcome(-1, "did not finish within " + NODE_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8), "");
        }
        return new Outcome(node.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
    }

    private static int measuresOfFirstPart(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        Element part = (Element) document.getElementsByTagName("part").item(0);
        int measures = 0;
        for (Node child = part.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("measure")) measures++;
        }
        return measures;
    }
}

package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The HTTP API over real HTTP, served by Felix HTTP (Jetty) inside the framework with the built bundles: every
 * endpoint a client uses, and every error status with its one-line JSON.
 */
class HttpApiIT {

    @RegisterExtension
    static final RunningSegue SEGUE = RunningSegue.withHttp("http-api");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void healthSaysTheContinuationServiceIsThere() throws Exception {
        HttpResponse<String> health = get("/api/v1/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("continuation").asBoolean()).isTrue();
        assertThat(health.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void infoDescribesTheUploadedScore() throws Exception {
        HttpResponse<String> info = post("/api/v1/info?filename=little-waltz.musicxml", example(),
                "application/vnd.recordare.musicxml+xml", Map.of());

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(info.body());
        assertThat(json.path("measures").asInt()).isEqualTo(8);
        assertThat(json.path("time").asText()).isEqualTo("3/4");
    }

    @Test
    void continueAnswersEachVariationWholeAndItsNewBarsNoteByNote() throws Exception {
        HttpResponse<String> answer = post("/api/v1/continue?bars=4&variations=2&seed=3", example(),
                "application/vnd.recordare.musicxml+xml", Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.path("inputMeasures").asInt()).isEqualTo(8);
        assertThat(json.path("addedMeasures").asInt()).isEqualTo(4);
        assertThat(json.path("variations")).hasSize(2);
        for (JsonNode variation : json.path("variations")) {
            assertThat(variation.path("key").asText()).isEqualTo("E-flat major");
            assertThat(variation.path("report").path("notesInScale").asDouble()).isBetween(0.0, 1.0);
            assertThat(measureCount(variation.path("musicxml").asText())).isEqualTo(12);
            JsonNode bars = variation.path("newBars");
            assertThat(bars.path("firstMeasure").asInt()).isEqualTo(9);
            assertThat(bars.path("part").asText()).isEqualTo("P1");
            assertThat(bars.path("partIndex").asInt()).isZero();
            assertThat(bars.path("measures")).hasSize(4);
            for (JsonNode measure : bars.path("measures")) {
                assertThat(measure.path("staves")).hasSize(2);
                for (JsonNode staff : measure.path("staves")) {
                    for (JsonNode voice : staff.path("voices")) {
                        double length = 0;
                        for (JsonNode event : voice.path("events")) {
                            length += event.at("/duration/num").asDouble() / event.at("/duration/den").asDouble();
                            if (!event.path("type").asText().equals("rest")) {
                                assertThat(event.path("pitches").get(0).path("midi").asInt()).isBetween(21, 108);
                            }
                        }
                        assertThat(length).as("voice %s of measure %s fills 3/4", voice.path("voice"),
                                measure.path("number")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void newBarsNameTheContinuedPartByIdAndByPosition() throws Exception {
        byte[] song = Files.readAllBytes(SharedData.file("openscore-chopin-songs/Chopin_Op74_1_Zyczenie_lc30707789.mxl"));

        HttpResponse<String> answer = post("/api/v1/continue?bars=2&seed=5", song, "application/vnd.recordare.musicxml",
                Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode bars = JSON.readTree(answer.body()).at("/variations/0/newBars");
        assertThat(bars.path("part").asText()).as("the piano, the song's part with two staves").isEqualTo("P2");
        assertThat(bars.path("partIndex").asInt()).isEqualTo(1);
        assertThat(bars.at("/measures/0/staves")).hasSize(2);
    }

    @Test
    void theSameSeedAnswersTheSameMusic() throws Exception {
        String first = post("/api/v1/continue?bars=2&seed=9", example(), "application/xml", Map.of()).body();
        String second = post("/api/v1/continue?bars=2&seed=9", example(), "application/xml", Map.of()).body();

        assertThat(JSON.readTree(first).at("/variations/0/musicxml"))
                .isEqualTo(JSON.readTree(second).at("/variations/0/musicxml"));
    }

    @Test
    void convertWritesTheFormatAskedFor() throws Exception {
        HttpResponse<byte[]> midi = HTTP.send(request("/api/v1/convert?to=mid&filename=waltz.musicxml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(midi.statusCode()).isEqualTo(200);
        assertThat(midi.headers().firstValue("Content-Type")).contains("audio/midi");
        assertThat(midi.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"waltz.mid\"");
        assertThat(new String(midi.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("MThd");
    }

    @Test
    void aDocumentGoesThroughPreviewApplyUndoRedoAndExport() throws Exception {
        JsonNode opened = json(post("/api/v1/documents?filename=little-waltz.musicxml", example(), "application/xml",
                Map.of()), 201);
        String id = opened.path("id").asText();
        assertThat(opened.path("measures").asInt()).isEqualTo(8);

        JsonNode actions = json(get("/api/v1/actions?document=" + id), 200);
        assertThat(actions.get(0).path("id").asText()).isEqualTo("org.segue.continue");
        assertThat(actions.get(0).path("enabled").asBoolean()).isTrue();

        JsonNode preview = json(post("/api/v1/documents/" + id + "/actions/org.segue.continue/preview",
                "{\"bars\":\"3\",\"variations\":\"2\",\"creativity\":\"faithful\"}".getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of()), 200);
        assertThat(preview.path("proposals")).hasSize(2);
        assertThat(preview.at("/proposals/1/newMeasures/from").asInt()).isEqualTo(9);
        assertThat(preview.at("/proposals/1/playback/notes").size()).isPositive();
        assertThat(json(get("/api/v1/documents/" + id), 200).path("measures").asInt()).as("preview changes nothing")
                .isEqualTo(8);

        String apply = "{\"preview\":\"" + preview.path("preview").asText() + "\",\"proposal\":1}";
        JsonNode applied = json(post("/api/v1/documents/" + id + "/apply", apply.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of()), 200);
        assertThat(applied.path("measures").asInt()).isEqualTo(11);
        assertThat(applied.path("undoLabel").asText()).isEqualTo("Continue this piece (3 bars)");
        assertThat(json(post("/api/v1/documents/" + id + "/apply", apply.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of()), 409).path("error").asText()).contains("changed since");

        assertThat(json(post("/api/v1/documents/" + id + "/undo", new byte[0], "application/json", Map.of()), 200)
                .path("measures").asInt()).isEqualTo(8);
        assertThat(json(post("/api/v1/documents/" + id + "/redo", new byte[0], "application/json", Map.of()), 200)
                .path("measures").asInt()).isEqualTo(11);
        assertThat(json(post("/api/v1/documents/" + id + "/redo", new byte[0], "application/json", Map.of()), 409)
                .path("error").asText()).isEqualTo("there is nothing to redo");

        HttpResponse<String> exported = get("/api/v1/documents/" + id + "/export?format=musicxml");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"little-waltz.musicxml\"");
        assertThat(measureCount(exported.body())).isEqualTo(11);
        assertThat(measureCount(get("/api/v1/documents/" + id + "/score").body())).isEqualTo(11);

        for (String[] format : new String[][] {{"pdf", "application/pdf", "%PDF"}, {"wav", "audio/wav", "RIFF"}}) {
            HttpResponse<byte[]> file = HTTP.send(request("/api/v1/documents/" + id + "/export?format=" + format[0])
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(format[0]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue(format[1]);
            assertThat(new String(file.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo(format[2]);
        }
    }

    @Test
    void aScoreSentWithoutANameIsNamedAfterTheFormatItWasReadAs() throws Exception {
        byte[] midi = HTTP.send(request("/api/v1/convert?to=mid").POST(HttpRequest.BodyPublishers.ofByteArray(example()))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();

        JsonNode opened = json(post("/api/v1/documents", midi, "application/octet-stream", Map.of()), 201);

        assertThat(opened.path("fileName").asText()).isEqualTo("upload.mid");
        assertThat(opened.path("measures").asInt()).isEqualTo(8);
    }

    @Test
    void badInputIs400WithOneLine() throws Exception {
        JsonNode notAScore = json(post("/api/v1/continue?bars=2", "<html>no</html>".getBytes(StandardCharsets.UTF_8),
                "application/xml", Map.of()), 400);
        JsonNode zeroBars = json(post("/api/v1/continue?bars=0", example(), "application/xml", Map.of()), 400);
        JsonNode badFormat = json(post("/api/v1/convert?to=doc", example(), "application/xml", Map.of()), 400);

        assertThat(notAScore.path("error").asText()).doesNotContain("\n").isNotBlank();
        assertThat(zeroBars.path("error").asText()).isEqualTo("bars must be in 1..512, not 0");
        assertThat(badFormat.path("error").asText()).startsWith("cannot write 'doc'");
    }

    @Test
    void unknownPathsAre404AndAWrongMethodIs405() throws Exception {
        assertThat(json(get("/api/v1/nothing"), 404).path("error").asText()).contains("/api/v1/nothing");
        assertThat(json(get("/api/v1/documents/d999"), 404).path("error").asText()).contains("d999");
        assertThat(json(get("/api/v1/continue"), 405).path("error").asText()).contains("use POST");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] huge = new byte[33 * 1024 * 1024];
        assertThat(json(post("/api/v1/info", huge, "application/xml", Map.of()), 413).path("error").asText())
                .contains("32 MiB");
    }

    @Test
    void aForeignOriginCannotPostAndAForeignHostCannotReadAnything() throws Exception {
        JsonNode crossSite = json(post("/api/v1/continue?bars=2", example(), "application/xml",
                Map.of("Origin", "http://evil.example")), 403);
        assertThat(crossSite.path("error").asText()).contains("http://evil.example");

        String rebound = rawGet("/api/v1/health", "evil.example:" + SEGUE.httpEndpoint().getPort());
        assertThat(rebound).startsWith("HTTP/1.1 403").contains("is not this Segue server");

        HttpResponse<String> sameOrigin = post("/api/v1/info", example(), "application/xml",
                Map.of("Origin", "http://127.0.0.1:" + SEGUE.httpEndpoint().getPort()));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyThePagesOwnFilesAreServed() throws Exception {
        assertThat(rawGet("/../../../etc/passwd", "127.0.0.1:" + SEGUE.httpEndpoint().getPort()))
                .doesNotContain("root:");
        assertThat(get("/org/segue/ui/internal/web/PageServlet.class").statusCode()).isEqualTo(404);
        assertThat(get("/OSGI-INF/org.segue.ui.internal.api.ApiServlet.xml").statusCode()).isEqualTo(404);
    }

    private static byte[] example() throws Exception {
        return Files.readAllBytes(SharedData.root().resolve("examples/little-waltz.musicxml"));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(SEGUE.httpEndpoint().resolve(path)).timeout(Duration.ofSeconds(120));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, byte[] body, String type, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow to set. */
    private static String rawGet(String path, String host) throws Exception {
        URI endpoint = SEGUE.httpEndpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int measureCount(String musicXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(musicXml.getBytes(StandardCharsets.UTF_8)));
        return ((Element) document.getElementsByTagName("part").item(0)).getElementsByTagName("measure").getLength();
    }
}

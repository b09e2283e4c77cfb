package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.segue.musicxml.internal.HostileFiles;

/**
 * The hostile files through the HTTP API of a running framework: {@code info}, {@code continue} and
 * {@code convert} each answer 400 with one line of JSON that names the file and says what is wrong (an empty body:
 * that there is none), within seconds, and the server goes on answering.
 */
class HttpHostileInputIT {

    @RegisterExtension
    static final RunningSegue SEGUE = RunningSegue.withHttp("http-hostile");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachHostileFileWith400AndOneLine() {
        return HostileFiles.cases("http://127.0.0.1:9/x.dtd", "file:///nonexistent/secret").stream()
                .filter(c -> c.expected() != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    String name = URLEncoder.encode(c.name(), StandardCharsets.UTF_8);
                    for (String path : List.of("info?filename=" + name, "continue?bars=2&filename=" + name,
                            "convert?to=musicxml&filename=" + name)) {
                        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(SEGUE.httpEndpoint()
                                        .resolve("api/v1/" + path)).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(400);
                        JsonNode error = JSON.readTree(answer.body());
                        String line = error.path("error").asText();
                        assertThat(line).as(path).doesNotContain("\n").doesNotContain("\tat ");
                        if (c.bytes().length == 0) {
                            assertThat(line).isEqualTo("the request has no body; send the score file as the body");
                        } else {
                            assertThat(line).as(path).startsWith(c.name() + ": ").contains(c.expected());
                        }
                    }
                }));
    }
}

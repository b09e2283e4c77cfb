package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * The "Continue this piece" action follows the continuation service as it comes and goes: with bundle-core stopped
 * the editor's API reports the action disabled (not broken) and continue answers 503; once bundle-core runs again
 * the same action works, without restarting anything else.
 */
class ContinueActionIT {

    @RegisterExtension
    static final RunningSegue SEGUE = RunningSegue.withHttp("continue-action");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void isDisabledWhileTheContinuationServiceIsStoppedAndWorksAgainWhenItReturns() throws Exception {
        byte[] waltz = Files.readAllBytes(SharedData.root().resolve("examples/little-waltz.musicxml"));
        String id = JSON.readTree(send("POST", "/api/v1/documents?filename=little-waltz.musicxml", waltz).body())
                .path("id").asText();
        Bundle core = SEGUE.bundle("org.segue.core");
        assertThat(continueAction(id).path("enabled").asBoolean()).as("enabled at first").isTrue();

        core.stop();
        try {
            JsonNode disabled = continueAction(id);
            assertThat(disabled.path("enabled").asBoolean()).isFalse();
            assertThat(disabled.path("disabledReason").asText()).contains("continuation service is not running");
            HttpResponse<String> refused = send("POST", "/api/v1/documents/" + id
                    + "/actions/org.segue.continue/preview", "{\"bars\":\"2\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(send("POST", "/api/v1/continue?bars=2", waltz).statusCode()).isEqualTo(503);
        } finally {
            core.start();
        }

        assertThat(awaitEnabled(id)).as("enabled again after bundle-core started").isTrue();
        HttpResponse<String> preview = send("POST", "/api/v1/documents/" + id + "/actions/org.segue.continue/preview",
                "{\"bars\":\"2\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(JSON.readTree(preview.body()).at("/proposals/0/measures").asInt()).isEqualTo(10);
    }

    private static boolean awaitEnabled(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (continueAction(id).path("enabled").asBoolean()) return true;
            Thread.sleep(200);
        }
        return false;
    }

    private static JsonNode continueAction(String id) throws Exception {
        HttpResponse<String> actions = send("GET", "/api/v1/actions?document=" + id, null);
        assertThat(actions.statusCode()).isEqualTo(200);
        for (JsonNode action : JSON.readTree(actions.body())) {
            if (action.path("id").asText().equals("org.segue.continue")) return action;
        }
        throw new AssertionError("no continue action in " + actions.body());
    }

    private static HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(SEGUE.httpEndpoint().resolve(path))
                .timeout(Duration.ofSeconds(120));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.segue.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP API under load, on the loopback address: 16 clients continue the example at once, each request with
 * one of 8 seeds, for {@code segue.load.seconds} (10 in {@code mvn verify}; README gives a 60-second run), twice.
 * Every answer must be 200 and, but for its {@code millis}, byte for byte the answer the same request got alone;
 * the server's heap after the second period (after a full collection) may not exceed the one after the first by
 * more than 64 MiB. Then an overload: more requests at once than run and wait together are refused at once with
 * 503 and {@code Retry-After}, the others answered, and the server answers normally afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpLoadIT {

    @RegisterExtension
    static final RunningSegue SEGUE = RunningSegue.withHttp("http-load");

    private static final int CLIENTS = 16;
    private static final int SEEDS = 8;
    private static final long SECONDS = Long.getLong("segue.load.seconds", 10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Answer(int status, String body, String retryAfter, long nanos) {
    }

    private static Answer continueExample(int seed, int bars) throws Exception {
        byte[] example = Files.readAllBytes(SharedData.root().resolve("examples/little-waltz.musicxml"));
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(SEGUE.httpEndpoint()
                        .resolve("api/v1/continue?bars=" + bars + "&seed=" + seed)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/vnd.recordare.musicxml+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null), System.nanoTime() - start);
    }

    /** The answer without what depends on the moment ({@code millis}). */
    private static String withoutTime(String body) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        json.remove("millis");
        return JSON.writeValueAsString(json);
    }

    @Test
    @Order(1)
    void sixteenClientsGetTheirAnswersByteForByteWithFlatMemory() throws Exception {
        Map<Integer, String> alone = new HashMap<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            Answer answer = continueExample(seed, 4);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            alone.put(seed, withoutTime(answer.body()));
        }
        long heapAfterFirst = load("first", alone);
        long heapAfterSecond = load("second", alone);
        System.out.printf("load: heap after a full collection %d MiB after the first period, %d MiB after the "
                + "second%n", heapAfterFirst >> 20, heapAfterSecond >> 20);
        assertThat(heapAfterSecond - heapAfterFirst).as("heap growth over the second period")
                .isLessThan(64L << 20);
    }

    /** One period of load; returns the heap used afterwards, after a full collection. */
    private static long load(String period, Map<Integer, String> alone) throws Exception {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        int seed = 1 + next.getAndIncrement() % SEEDS;
                        Answer answer = continueExample(seed, 4);
                        latencies.add(answer.nanos());
                        if (answer.status() != 200) {
                            errors.add(answer.status() + " " + answer.body());
                        } else if (!withoutTime(answer.body()).equals(alone.get(seed))) {
                            errors.add("seed " + seed + ": the answer differs from the one computed alone");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            clients.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long heap = heapAfterCollection();
        System.out.printf("load, %s period: %d clients, %d s, %d requests (%.1f per second), %d errors; latency "
                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", period, CLIENTS, SECONDS, sorted.size(),
                sorted.size() / (double) SECONDS, errors.size(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1_000_000);
        assertThat(errors).as("errors").isEmpty();
        assertThat(sorted).hasSizeGreaterThan(CLIENTS);
        return heap;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }

    private static long heapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    @Order(2)
    void anOverloadIsRefusedWith503AndRetryAfterAndTheServerGoesOn() throws Exception {
        int requests = 48; // more than the 4 running and 16 waiting together
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int seed = 100 + i;
                futures.add(clients.submit(() -> {
                    start.await();
                    return continueExample(seed, 64);
                }));
            }
            start.countDown();
            for (Future<Answer> f : futures) answers.add(f.get());
        } finally {
            clients.shutdownNow();
        }
        long refused = answers.stream().filter(a -> a.status() == 503).count();
        long answered = answers.stream().filter(a -> a.status() == 200).count();
        System.out.printf("overload: %d requests at once, %d answered, %d refused with 503%n", requests, answered,
                refused);
        assertThat(answered + refused).as("only 200 and 503").isEqualTo(requests);
        assertThat(refused).isPositive();
        assertThat(answered).isGreaterThanOrEqualTo(4);
        for (Answer a : answers) {
            if (a.status() != 503) continue;
            assertThat(a.retryAfter()).isEqualTo("5");
            assertThat(JSON.readTree(a.body()).path("error").asText()).startsWith("Segue is busy").doesNotContain("\n");
        }
        assertThat(continueExample(1, 4).status()).isEqualTo(200);
    }
}

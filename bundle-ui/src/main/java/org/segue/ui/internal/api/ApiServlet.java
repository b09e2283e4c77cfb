package org.segue.ui.internal.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;
import org.segue.ui.ActionException;
import org.segue.ui.ActionPreview;
import org.segue.ui.Availability;
import org.segue.ui.EditorAction;
import org.segue.ui.MeasureRange;
import org.segue.ui.NotationDocument;
import org.segue.ui.Proposal;
import org.segue.ui.internal.cli.InfoCommand;
import org.segue.ui.internal.cli.ScoreSummary;
import org.segue.ui.internal.web.EditorDocument;
import org.segue.ui.internal.web.OpenDocuments;
import org.segue.ui.internal.web.OpenDocuments.StoredPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api/v1}: stateless calls for clients outside the JVM (info, continue, convert) and the
 * documents of the reference editor (open, preview an action, apply, undo, redo, export). Every answer is JSON, or
 * the file asked for; every error is {@code {"error": "one line"}} with its status.
 */
@Component(service = Servlet.class, configurationPid = HttpSettings.PID)
@Designate(ocd = HttpSettings.class)
@HttpWhiteboardServletName("segue-api")
@HttpWhiteboardServletPattern(ApiServlet.ROOT + "/*")
public class ApiServlet extends HttpServlet {

    static final String ROOT = "/api/v1";
    /** The largest score accepted in a request body, unless configured ({@link HttpSettings#uploadLimitMiB()}). */
    static final long UPLOAD_LIMIT = 32L * 1024 * 1024;
    /** The largest JSON body accepted (options, selections). */
    static final long JSON_LIMIT = 64 * 1024;
    /** Continuations computed at once; more wait in line, up to {@link #QUEUE_WAIT_SECONDS}. */
    static final int CONCURRENT_CONTINUATIONS = 4;
    static final int QUEUE_WAIT_SECONDS = 30;
    /**
     * Requests waiting for a turn at most; one more is refused at once (503 with {@code Retry-After}), so that an
     * overload costs neither memory nor threads beyond this.
     */
    static final int QUEUE_LIMIT = 16;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "musicxml", "application/vnd.recordare.musicxml+xml",
            "xml", "application/vnd.recordare.musicxml+xml",
            "mxl", "application/vnd.recordare.musicxml",
            "mid", "audio/midi",
            "midi", "audio/midi",
            "pdf", "application/pdf",
            "svg", "image/svg+xml",
            "png", "image/png",
            "wav", "audio/wav");

    private final transient Semaphore continuing = new Semaphore(CONCURRENT_CONTINUATIONS, true);
    private final transient AtomicInteger waiting = new AtomicInteger();

    @Reference
    private transient ScoreFiles scoreFiles;

    @Reference
    private transient OpenDocuments documents;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<EditorAction> actions;

    private transient volatile long uploadLimit = UPLOAD_LIMIT;

    public ApiServlet() {
    }

    /** A new upload limit applies to the next request. */
    @Activate
    @Modified
    void configure(HttpSettings settings) {
        int mib = settings.uploadLimitMiB();
        if (mib < 1 || mib > 2047) {
            LOG.error("configuration {}: uploadLimitMiB must be in 1..2047, not {}; keeping {} MiB", HttpSettings.PID,
                    mib, uploadLimit / (1024 * 1024));
            return;
        }
        uploadLimit = mib * 1024L * 1024;
    }

    ApiServlet(ScoreFiles scoreFiles, OpenDocuments documents, List<EditorAction> actions) {
        this.scoreFiles = scoreFiles;
        this.documents = documents;
        this.actions = List.copyOf(actions);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            route(method, List.of(path.substring(1).split("/", -1)), request, response);
        } catch (ApiException e) {
            if (e.status() == ApiException.UNAVAILABLE) response.setHeader("Retry-After", "5");
            send(response, e.status(), ApiJson.error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            send(response, 500, ApiJson.error("unexpected failure (" + e.getClass().getSimpleName() + ": "
                    + ScoreUpload.oneLine(e.getMessage()) + "); the stack trace is in Segue's log"));
        }
    }

    private void route(String method, List<String> path, HttpServletRequest request, HttpServletResponse response)
            throws ApiException, IOException {
        String first = path.get(0);
        switch (first) {
            case "health" -> {
                expect(method, "GET", path, 1);
                send(response, 200, ApiJson.MAPPER.createObjectNode().put("status", "ok")
                        .put("continuation", continueAction().isPresent()));
            }
            case "info" -> {
                expect(method, "POST", path, 1);
                ScoreUpload.Upload upload = ScoreUpload.read(request, scoreFiles, uploadLimit);
                sendText(response, 200, "application/json", InfoCommand.json(java.nio.file.Path.of(upload.name()),
                        ScoreSummary.of(upload.score())));
            }
            case "continue" -> {
                expect(method, "POST", path, 1);
                send(response, 200, continueStateless(request));
            }
            case "convert" -> {
                expect(method, "POST", path, 1);
                ScoreUpload.Upload upload = ScoreUpload.read(request, scoreFiles, uploadLimit);
                sendScore(response, upload.score(), baseName(upload.name()), requiredParameter(request, "to"));
            }
            case "actions" -> {
                expect(method, "GET", path, 1);
                send(response, 200, actionList(request));
            }
            case "documents" -> new DocumentRoutes().route(method, path, request, response);
            default -> throw ApiException.notFound("no API at " + ROOT + "/" + String.join("/", path)
                    + "; see README.md for the endpoints");
        }
    }

    /** {@code /documents...}: the reference editor's documents. */
    private final class DocumentRoutes {

        void route(String method, List<String> path, HttpServletRequest request, HttpServletResponse response)
                throws ApiException, IOException {
            if (path.size() == 1) {
                if (method.equals("GET")) {
                    ArrayNode list = ApiJson.MAPPER.createArrayNode();
                    documents.documents().forEach(d -> list.add(ApiJson.state(d)));
                    send(response, 200, list);
                    return;
                }
                expect(method, "POST", path, 1);
                ScoreUpload.Upload upload = ScoreUpload.read(request, scoreFiles, uploadLimit);
                EditorDocument document = documents.open(upload.name(), upload.score());
                send(response, 201, ApiJson.state(document));
                return;
            }
            EditorDocument document = documents.document(path.get(1))
                    .orElseThrow(() -> ApiException.notFound("no open document '" + path.get(1) + "'; open it again"));
            String what = path.size() > 2 ? path.get(2) : "";
            switch (what) {
                case "" -> {
                    expect(method, "GET", path, 2);
                    send(response, 200, ApiJson.state(document));
                }
                case "score" -> {
                    expect(method, "GET", path, 3);
                    sendScore(response, document.score(), null, "musicxml");
                }
                case "export" -> {
                    expect(method, "GET", path, 3);
                    sendScore(response, document.score(), baseName(document.fileName()),
                            requiredParameter(request, "format"));
                }
                case "selection" -> {
                    expect(method, "PUT", path, 3);
                    select(document, jsonBody(request));
                    send(response, 200, ApiJson.state(document));
                }
                case "actions" -> {
                    if (path.size() != 5 || !path.get(4).equals("preview")) {
                        throw ApiException.notFound("use POST " + ROOT + "/documents/ID/actions/ACTION/preview");
                    }
                    expect(method, "POST", path, 5);
                    send(response, 200, preview(document, path.get(3), jsonBody(request)));
                }
                case "apply" -> {
                    expect(method, "POST", path, 3);
                    apply(document, jsonBody(request));
                    send(response, 200, ApiJson.state(document));
                }
                case "undo", "redo" -> {
                    expect(method, "POST", path, 3);
                    boolean done = what.equals("undo") ? document.undo() : document.redo();
                    if (!done) throw new ApiException(ApiException.CONFLICT, "there is nothing to " + what);
                    send(response, 200, ApiJson.state(document));
                }
                default -> throw ApiException.notFound("no API at " + ROOT + "/" + String.join("/", path));
            }
        }
    }

    private ObjectNode continueStateless(HttpServletRequest request) throws ApiException, IOException {
        Map<String, String> options = Query.of(request);
        options.remove("filename");
        Score score = ScoreUpload.read(request, scoreFiles, uploadLimit).score();
        NotationDocument document = new UploadedScore(score);
        ActionPreview preview = runPreview(requireContinueAction(), document, options);
        int addedMeasures = preview.proposals().get(0).edit().inserted().size();
        ObjectNode answer = ApiJson.MAPPER.createObjectNode()
                .put("inputMeasures", score.measureCount())
                .put("addedMeasures", addedMeasures);
        ArrayNode variations = answer.putArray("variations");
        String continuedPart = continuedPart(score);
        for (int v = 0; v < preview.proposals().size(); v++) {
            Proposal proposal = preview.proposals().get(v);
            Score result = proposal.edit().result();
            MeasureRange inserted = proposal.edit().inserted();
            ObjectNode variation = variations.addObject().put("variation", v + 1)
                    .put("seed", proposal.figures().getOrDefault("seed", 0).longValue())
                    .put("key", result.parts().get(0).measures().get(inserted.first()).key().displayName())
                    .put("summary", proposal.summary());
            variation.set("report", ApiJson.figures(proposal.figures()));
            variation.put("musicxml", musicXml(result));
            variation.set("newBars", ApiJson.newBars(result, inserted, continuedPart));
        }
        return answer;
    }

    /**
     * The part a continuation writes, as the service chooses it: among the parts with a pitched note, the first
     * with two staves, else the first.
     */
    private static String continuedPart(Score score) {
        List<org.segue.model.Part> pitched = score.parts().stream().filter(org.segue.model.Part::hasPitchedNotes)
                .toList();
        List<org.segue.model.Part> candidates = pitched.isEmpty() ? score.parts() : pitched;
        return candidates.stream().filter(p -> p.staffCount() == 2).findFirst().orElse(candidates.get(0)).id();
    }

    private ObjectNode preview(EditorDocument document, String actionId, JsonNode body) throws ApiException {
        EditorAction action = action(actionId)
                .orElseThrow(() -> ApiException.notFound("no action '" + actionId + "' is installed"));
        Map<String, String> options = new LinkedHashMap<>();
        if (body != null && !body.isNull()) {
            if (!body.isObject()) throw ApiException.badRequest("the options must be a JSON object");
            body.fields().forEachRemaining(e -> options.put(e.getKey(),
                    e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        ActionPreview preview = runPreview(action, document, options);
        StoredPreview stored = documents.keep(document, action.id(), preview);
        ObjectNode answer = ApiJson.MAPPER.createObjectNode()
                .put("preview", stored.id())
                .put("revision", preview.revision());
        ArrayNode proposals = answer.putArray("proposals");
        for (int i = 0; i < preview.proposals().size(); i++) {
            Proposal proposal = preview.proposals().get(i);
            proposals.add(ApiJson.proposal(i, proposal, musicXml(proposal.edit().result())));
        }
        return answer;
    }

    private ActionPreview runPreview(EditorAction action, NotationDocument document, Map<String, String> options)
            throws ApiException {
        Availability availability = action.availability(document);
        if (!availability.enabled()) {
            throw new ApiException(ApiException.UNAVAILABLE, availability.reason());
        }
        acquire();
        try {
            return action.preview(document, options);
        } catch (ActionException e) {
            int status = switch (e.reason()) {
                case BAD_INPUT -> ApiException.BAD_REQUEST;
                case UNAVAILABLE -> ApiException.UNAVAILABLE;
                case FAILED -> 500;
            };
            throw new ApiException(status, ScoreUpload.oneLine(e.getMessage()), e);
        } finally {
            continuing.release();
        }
    }

    private void acquire() throws ApiException {
        if (continuing.tryAcquire()) return;
        if (waiting.incrementAndGet() > QUEUE_LIMIT) {
            waiting.decrementAndGet();
            throw new ApiException(ApiException.UNAVAILABLE, "Segue is busy: " + CONCURRENT_CONTINUATIONS
                    + " continuations are running and " + QUEUE_LIMIT + " waiting; try again in a few seconds");
        }
        try {
            if (!continuing.tryAcquire(QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiException(ApiException.UNAVAILABLE, "Segue is busy with other continuations; try again "
                        + "in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.UNAVAILABLE, "interrupted while waiting for a turn", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void apply(EditorDocument document, JsonNode body) throws ApiException {
        if (body == null || !body.isObject() || !body.path("preview").isTextual() || !body.path("proposal").isInt()) {
            throw ApiException.badRequest("send {\"preview\": ID, \"proposal\": INDEX}");
        }
        StoredPreview stored = documents.preview(body.get("preview").asText())
                .filter(p -> p.documentId().equals(document.id()))
                .orElseThrow(() -> ApiException.notFound("no preview '" + body.get("preview").asText()
                        + "' for this document; generate it again"));
        int index = body.get("proposal").asInt();
        List<Proposal> proposals = stored.preview().proposals();
        if (index < 0 || index >= proposals.size()) {
            throw ApiException.badRequest("proposal must be in 0.." + (proposals.size() - 1) + ", not " + index);
        }
        try {
            document.apply(proposals.get(index).edit());
        } catch (IllegalStateException e) {
            throw new ApiException(ApiException.CONFLICT, e.getMessage(), e);
        }
    }

    private static void select(EditorDocument document, JsonNode body) throws ApiException {
        if (body == null || body.isNull()) {
            document.select(null);
            return;
        }
        if (!body.path("from").isInt() || !body.path("to").isInt()) {
            throw ApiException.badRequest("send {\"from\": M, \"to\": N} (measures from 1) or null");
        }
        try {
            document.select(new MeasureRange(body.get("from").asInt() - 1, body.get("to").asInt() - 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("selection: " + e.getMessage());
        }
    }

    private ArrayNode actionList(HttpServletRequest request) throws ApiException {
        String id = Query.get(request, "document");
        NotationDocument document = id == null ? null : documents.document(id)
                .orElseThrow(() -> ApiException.notFound("no open document '" + id + "'"));
        ArrayNode list = ApiJson.MAPPER.createArrayNode();
        for (EditorAction action : currentActions()) {
            list.add(ApiJson.action(action, document == null ? Availability.ENABLED
                    : action.availability(document)));
        }
        return list;
    }

    private Optional<EditorAction> action(String id) {
        return currentActions().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private Optional<EditorAction> continueAction() {
        return action(org.segue.ui.internal.action.ContinueAction.ID);
    }

    private EditorAction requireContinueAction() throws ApiException {
        return continueAction().orElseThrow(() -> new ApiException(ApiException.UNAVAILABLE,
                "the continue action is not installed; start Segue's UI bundle"));
    }

    private List<EditorAction> currentActions() {
        List<EditorAction> current = actions;
        return current == null ? List.of() : current;
    }

    private String musicXml(Score score) throws ApiException {
        return new String(encode(score, "musicxml"), StandardCharsets.UTF_8);
    }

    private byte[] encode(Score score, String format) throws ApiException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            scoreFiles.write(score, out, "score." + format);
        } catch (ScoreFileException e) {
            throw new ApiException(ApiException.BAD_REQUEST, ScoreUpload.oneLine(e.getMessage()), e);
        }
        return out.toByteArray();
    }

    /** Writes a score as a file of {@code format}; as a download named after {@code baseName} unless it is null. */
    private void sendScore(HttpServletResponse response, Score score, String baseName, String format)
            throws ApiException, IOException {
        String extension = format.toLowerCase(Locale.ROOT);
        if (!scoreFiles.writableExtensions().contains(extension)) {
            throw ApiException.badRequest("cannot write '" + format + "'; the formats are "
                    + String.join(", ", new TreeSet<>(scoreFiles.writableExtensions())));
        }
        byte[] bytes = encode(score, extension);
        response.setStatus(200);
        response.setContentType(MEDIA_TYPES.getOrDefault(extension, "application/octet-stream"));
        if (baseName != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + baseName + "." + extension + "\"");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static JsonNode jsonBody(HttpServletRequest request) throws ApiException, IOException {
        byte[] bytes = ScoreUpload.body(request, JSON_LIMIT);
        if (bytes.length == 0) return null;
        try {
            return ApiJson.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + ScoreUpload.oneLine(e.getOriginalMessage()));
        }
    }

    private static String requiredParameter(HttpServletRequest request, String name) throws ApiException {
        String value = Query.get(request, name);
        if (value == null || value.isBlank()) throw ApiException.badRequest("missing query parameter '" + name + "'");
        return value.strip();
    }

    /** A file name without its extension and without characters that would break a header. */
    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        base = base.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        return base.isEmpty() ? "score" : base;
    }

    private static void expect(String method, String allowed, List<String> path, int length) throws ApiException {
        if (path.size() != length) throw ApiException.notFound("no API at " + ROOT + "/" + String.join("/", path));
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiException(ApiException.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allowed);
        }
    }

    private static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        sendText(response, status, "application/json", ApiJson.MAPPER.writeValueAsString(body));
    }

    private static void sendText(HttpServletResponse response, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type + ";charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A score sent to the stateless API, as a document the action can read; nothing is ever applied to it. */
    private record UploadedScore(Score score) implements NotationDocument {

        @Override
        public String title() {
            return score.title();
        }

        @Override
        public long revision() {
            return 0;
        }

        @Override
        public Optional<MeasureRange> selection() {
            return Optional.empty();
        }

        @Override
        public void apply(org.segue.ui.ScoreEdit edit) {
            throw new UnsupportedOperationException("a score sent to the API is not edited in place");
        }
    }
}

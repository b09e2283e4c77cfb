package org.segue.ui.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.segue.model.Score;
import org.segue.ui.ActionPreview;

/**
 * The documents open in the reference editor and the previews made for them, held in memory while the framework
 * runs. Both are bounded: past the limits the least recently used are forgotten, so a long session cannot
 * exhaust memory.
 */
@Component(service = OpenDocuments.class)
public class OpenDocuments {

    static final int DOCUMENT_LIMIT = 32;
    static final int PREVIEW_LIMIT = 16;

    /** A preview and the document it was made for. */
    public record StoredPreview(String id, String documentId, String actionId, ActionPreview preview) {
    }

    private final AtomicLong counter = new AtomicLong();
    private final Map<String, EditorDocument> documents = lru(DOCUMENT_LIMIT);
    private final Map<String, StoredPreview> previews = lru(PREVIEW_LIMIT);

    public EditorDocument open(String fileName, Score score) {
        EditorDocument document = new EditorDocument("d" + counter.incrementAndGet(), fileName, score);
        synchronized (documents) {
            documents.put(document.id(), document);
        }
        return document;
    }

    public Optional<EditorDocument> document(String id) {
        synchronized (documents) {
            return Optional.ofNullable(documents.get(id));
        }
    }

    public List<EditorDocument> documents() {
        synchronized (documents) {
            return List.copyOf(documents.values());
        }
    }

    public StoredPreview keep(EditorDocument document, String actionId, ActionPreview preview) {
        StoredPreview stored = new StoredPreview("p" + counter.incrementAndGet(), document.id(), actionId, preview);
        synchronized (previews) {
            previews.put(stored.id(), stored);
        }
        return stored;
    }

    public Optional<StoredPreview> preview(String id) {
        synchronized (previews) {
            return Optional.ofNullable(previews.get(id));
        }
    }

    private static <V> Map<String, V> lru(int limit) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > limit;
            }
        };
    }
}

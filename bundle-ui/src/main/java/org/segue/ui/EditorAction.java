package org.segue.ui;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command a plug-in adds to notation editors, published as an OSGi service (the whiteboard pattern): an editor
 * tracks every {@code EditorAction} service, puts each in the menu that {@link #menuPath()} names, asks
 * {@link #availability} whenever the menu opens, and runs it in two steps: {@link #preview}, then
 * {@link NotationDocument#apply} of the proposal the composer chooses.
 *
 * <p>Registering one with Declarative Services is a class like
 * {@code @Component(service = EditorAction.class) class MyAction implements EditorAction}. Implementations are
 * thread-safe: several documents may preview at once.
 */
@ConsumerType
public interface EditorAction {

    /** A stable identifier, like {@code org.segue.continue}; hosts use it in URLs and key bindings. */
    String id();

    /** The menu item's text, like "Continue this piece…". */
    String label();

    /** The menu the item belongs in, top level first, separated by "/", like "Compose". */
    String menuPath();

    /** The options it takes, in the order a form shows them. */
    List<ActionOption> options();

    /** Whether it can run on {@code document} now; never throws, a missing dependency is a reason. */
    Availability availability(NotationDocument document);

    /**
     * Computes what the action proposes for {@code document} with {@code options}, without changing the
     * document. May take seconds; the host shows progress.
     *
     * @param options values by {@link ActionOption#name()}; a missing or empty value takes the default
     * @throws ActionException when an option is not allowed, the document cannot be worked on, or something the
     *         action needs is missing; the message is one line for the composer
     */
    ActionPreview preview(NotationDocument document, Map<String, String> options) throws ActionException;
}

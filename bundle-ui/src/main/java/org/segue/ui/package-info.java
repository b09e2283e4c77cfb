/**
 * What a notation editor offers to plug-ins, and what a plug-in offers back: the host SPI.
 *
 * <p>An editor implements {@link org.segue.ui.NotationDocument} for each open score and finds plug-in actions as
 * {@link org.segue.ui.EditorAction} services (the whiteboard pattern: every registered action belongs in the menu
 * its {@link org.segue.ui.EditorAction#menuPath()} names). Running an action is two steps: {@code preview} computes
 * proposals without touching the document; the editor shows them, and applying one hands its
 * {@link org.segue.ui.ScoreEdit} to {@link org.segue.ui.NotationDocument#apply}, which makes it one undoable step.
 */
@Export
@Version("1.0.0")
package org.segue.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

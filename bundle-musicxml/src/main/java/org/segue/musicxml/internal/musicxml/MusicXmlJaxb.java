package org.segue.musicxml.internal.musicxml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBException;
import javax.xml.bind.Marshaller;
import javax.xml.bind.Unmarshaller;
import javax.xml.bind.ValidationEvent;
import javax.xml.bind.ValidationEventLocator;

import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;
import org.segue.musicxml.ScoreFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * proxymusic's JAXB binding behind one cached {@link JAXBContext}. Every JAXB call runs with this bundle's class
 * loader as the thread's context class loader: inside Felix the JAXB API finds its implementation through it.
 * Parsing always goes through {@link SecureXml}.
 */
final class MusicXmlJaxb {

    static final String PARTWISE = "score-partwise";
    static final String TIMEWISE = "score-timewise";

    private static final Logger LOG = LoggerFactory.getLogger(MusicXmlJaxb.class);
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
            + "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" "
            + "\"http://www.musicxml.org/dtds/partwise.dtd\">\n";

    private static volatile JAXBContext context;

    private MusicXmlJaxb() {
    }

    /**
     * Reads a MusicXML document: a {@link ScorePartwise} or a {@link ScoreTimewise}.
     *
     * @throws ScoreFileException when the bytes are not well-formed XML, not a MusicXML score, or hold values that
     *         do not fit their MusicXML type
     */
    static Object unmarshal(byte[] xml, String file) throws ScoreFileException {
        String root = rootElement(xml, file);
        Class<?> type = switch (root) {
            case PARTWISE -> ScorePartwise.class;
            case TIMEWISE -> ScoreTimewise.class;
            default -> throw new ScoreFileException(file, null, "is not a MusicXML score: its root element is <" + root
                    + ">, not <score-partwise> or <score-timewise>; open it in a score editor and export MusicXML");
        };
        JAXBContext jaxb = context();
        List<ValidationEvent> badValues = new ArrayList<>();
        try {
            return withBundleClassLoader(() -> {
                Unmarshaller unmarshaller = jaxb.createUnmarshaller();
                unmarshaller.setEventHandler(event -> keepGoing(event, badValues));
                return unmarshaller.unmarshal(SecureXml.source(xml, null), type).getValue();
            });
        } catch (Exception e) {
            if (!badValues.isEmpty()) {
                ValidationEvent first = badValues.get(0);
                throw new ScoreFileException(file, lineOf(first.getLocator()), "a value does not fit its MusicXML "
                        + "type (" + OneLine.of(first.getMessage()) + "); correct it or export the file again", e);
            }
            SAXParseException parse = find(e, SAXParseException.class);
            if (parse != null) throw notWellFormed(file, parse);
            throw new ScoreFileException(file, null, "cannot be read as MusicXML (" + OneLine.of(rootCause(e))
                    + "); export it again from the score editor", e);
        }
    }

    /** Writes a score as UTF-8 MusicXML with the 4.0 partwise DOCTYPE; leaves {@code out} open. */
    static void marshal(ScorePartwise score, OutputStream out, String file) throws ScoreFileException {
        JAXBContext jaxb = context();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(HEADER);
            withBundleClassLoader(() -> {
                Marshaller marshaller = jaxb.createMarshaller();
                marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
                marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
                marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
                marshaller.marshal(score, writer);
                return null;
            });
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new ScoreFileException(file, null, "cannot be written: " + OneLine.of(e), e);
        } catch (Exception e) {
            throw new ScoreFileException(file, null, "the score cannot be turned into MusicXML ("
                    + OneLine.of(rootCause(e)) + ")", e);
        }
    }

    private static String rootElement(byte[] xml, String file) throws ScoreFileException {
        try {
            return SecureXml.rootElement(xml);
        } catch (SecureXml.Refused e) {
            throw new ScoreFileException(file, null, OneLine.of(e), e);
        } catch (SAXParseException e) {
            throw notWellFormed(file, e);
        } catch (SAXException | IOException e) {
            throw new ScoreFileException(file, null, "is not an XML document (" + OneLine.of(e)
                    + "); a MusicXML file starts with <?xml or <score-partwise", e);
        }
    }

    private static ScoreFileException notWellFormed(String file, SAXParseException e) {
        String place = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        String message = OneLine.of(e);
        if (message.contains("JAXP0001") || message.contains("JAXP0002")) { // the JDK's processing limits
            String why = message.contains("JAXP00010006") ? "a MusicXML score is never nested that deeply"
                    : "a MusicXML score needs no such entity declarations";
            return new ScoreFileException(file, place, "exceeds a safety limit of the XML parser (" + message
                    + "); refused: " + why, e);
        }
        return new ScoreFileException(file, place, "is not well-formed XML (" + message
                + "); repair the file or export it again", e);
    }

    /** Go on after unknown elements and the like; stop on fatal errors; remember values that could not be read. */
    private static boolean keepGoing(ValidationEvent event, List<ValidationEvent> badValues) {
        if (event.getSeverity() == ValidationEvent.FATAL_ERROR) return false;
        Throwable linked = event.getLinkedException();
        if (linked instanceof NumberFormatException || linked instanceof IllegalArgumentException) {
            badValues.add(event);
            return false;
        }
        LOG.debug("MusicXML {}: {}", lineOf(event.getLocator()), OneLine.of(event.getMessage()));
        return true;
    }

    private static String lineOf(ValidationEventLocator locator) {
        return locator == null || locator.getLineNumber() < 0 ? null : "line " + locator.getLineNumber();
    }

    /**
     * The cached context, created on first use with this bundle's class loader as context class loader.
     *
     * @throws IllegalStateException when no JAXB implementation can be found: a broken installation, not a bad file
     */
    private static JAXBContext context() {
        JAXBContext c = context;
        if (c != null) return c;
        synchronized (MusicXmlJaxb.class) {
            if (context == null) {
                long start = System.nanoTime();
                try {
                    context = withBundleClassLoader(() -> JAXBContext.newInstance(ObjectFactory.class));
                } catch (Exception e) {
                    throw new IllegalStateException("proxymusic's JAXB context cannot be created; is a JAXB 2.3 "
                            + "runtime available to this bundle? " + e.getMessage(), e);
                }
                LOG.debug("JAXB context for proxymusic created in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            return context;
        }
    }

    private static <T> T withBundleClassLoader(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MusicXmlJaxb.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t instanceof JAXBException jaxb && type.isInstance(jaxb.getLinkedException())) {
                return type.cast(jaxb.getLinkedException());
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}

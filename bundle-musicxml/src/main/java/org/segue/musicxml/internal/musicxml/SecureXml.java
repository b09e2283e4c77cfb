package org.segue.musicxml.internal.musicxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hardened XML parsers for files from anywhere. A DOCTYPE is allowed (MusicXML files carry one) but its DTD is
 * never loaded, external entities are never resolved (references to them are skipped), nothing is fetched from
 * the network or the disk, and internal entity expansion and element depth are bounded (JAXP secure processing
 * plus the limits below). The encoding comes from the byte order mark or the XML declaration, so UTF-16 works.
 */
final class SecureXml {

    /** At most this many entity expansions per document: MusicXML needs none beyond the predefined ones. */
    static final int ENTITY_EXPANSION_LIMIT = 10_000;
    /** At most this many characters from all entities together. */
    static final int TOTAL_ENTITY_SIZE_LIMIT = 1_000_000;
    /** Nesting depth of elements; MusicXML needs about 10. */
    static final int MAX_ELEMENT_DEPTH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(SecureXml.class);
    private static final String JDK_PROPERTIES = "http://www.oracle.com/xml/jaxp/properties/";

    private SecureXml() {
    }

    /** A new namespace-aware, non-validating reader with all of the protections above. */
    static XMLReader newReader() {
        try {
            // the JDK's own parser, whatever a framework or class path offers through the factory lookup
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            setProperty(reader, XMLConstants.ACCESS_EXTERNAL_DTD, "");
            setProperty(reader, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            setProperty(reader, JDK_PROPERTIES + "entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
            setProperty(reader, JDK_PROPERTIES + "totalEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
            setProperty(reader, JDK_PROPERTIES + "maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            // belt and braces: should anything still ask for an external resource, it gets an empty one
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }

    /** A source for JAXB or a schema validator that reads {@code xml} through a {@link #newReader() safe reader}. */
    static SAXSource source(byte[] xml, String systemId) {
        InputSource input = new InputSource(new ByteArrayInputStream(xml));
        input.setSystemId(systemId);
        return new SAXSource(newReader(), input);
    }

    /**
     * The local name of the document's root element, read safely and without parsing the rest.
     *
     * @throws SAXException when the document is not well-formed before its root element (or has none)
     */
    static String rootElement(byte[] xml) throws SAXException, IOException {
        XMLReader reader = newReader();
        RootCatcher catcher = new RootCatcher();
        reader.setContentHandler(catcher);
        reader.setErrorHandler(catcher);
        try {
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FoundRoot found) {
            return catcher.root;
        }
        throw new SAXException("the document has no root element");
    }

    private static void setProperty(XMLReader reader, String name, String value) {
        try {
            reader.setProperty(name, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // secure processing keeps the JDK's own, larger limits in force
            LOG.debug("XML parser does not take property {}: {}", name, e.getMessage());
        }
    }

    /** Thrown to stop parsing once the root element is known. */
    private static final class FoundRoot extends SAXException {
        private static final long serialVersionUID = 1L;

        FoundRoot() {
            super("root element found");
        }
    }

    private static final class RootCatcher extends DefaultHandler {
        String root;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            root = localName == null || localName.isEmpty() ? qName : localName;
            throw new FoundRoot();
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}

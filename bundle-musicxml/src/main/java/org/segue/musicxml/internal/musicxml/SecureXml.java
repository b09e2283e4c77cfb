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
import org.xml.sax.DTDHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hardened XML parsers for files from anywhere. A DOCTYPE is allowed (MusicXML files carry one) but its DTD is
 * never loaded, a document that declares an external entity is refused ({@link Refused}), nothing is fetched from
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
            // a score needs no entity that points outside it: such a declaration is refused, not skipped
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", new ExternalEntityRefuser());
            reader.setDTDHandler(new ExternalEntityRefuser());
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

    /** A document refused for what it declares, not for its syntax. */
    static final class Refused extends SAXException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Refuses every declaration of an external entity (parsed, parameter or unparsed) in the DOCTYPE. */
    private static final class ExternalEntityRefuser implements DeclHandler, DTDHandler {
        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new Refused("declares the external entity '" + name + "'; a MusicXML score needs none, and "
                    + "Segue never reads another file or address for it: remove the declaration or export the "
                    + "file again");
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName)
                throws SAXException {
            externalEntityDecl(name, publicId, systemId);
        }

        @Override
        public void elementDecl(String name, String model) {
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) {
        }

        @Override
        public void internalEntityDecl(String name, String value) {
        }

        @Override
        public void notationDecl(String name, String publicId, String systemId) {
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

package org.segue.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates XML documents against an XSD, offline: imports are resolved through the schema folder's OASIS
 * {@code catalog.xml} ({@code <uri name="..." uri="..."/>} entries) or, failing that, by file name in the same
 * folder; nothing is fetched from the network. Instance documents are parsed without loading their DTD.
 * A copy of bundle-musicxml's test helper (JDK only): the integration tests' class path leaves the bundles out.
 */
final class XsdValidator {

    private final Schema schema;

    private XsdValidator(Schema schema) {
        this.schema = schema;
    }

    /** Compiles {@code schemaFile} of {@code folder}, resolving its imports to files of that folder. */
    static XsdValidator load(Path folder, String schemaFile) throws IOException, SAXException {
        Map<String, Path> catalog = readCatalog(folder);
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(new LocalResolver(folder, catalog));
        return new XsdValidator(factory.newSchema(new StreamSource(folder.resolve(schemaFile).toFile())));
    }

    /** The validation errors of a document, each with its line and column; empty when it is valid. */
    List<String> validate(byte[] xml) throws IOException, SAXException {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        validator.validate(new SAXSource(readerWithoutDtd(), new InputSource(new ByteArrayInputStream(xml))));
        return errors;
    }

    private static XMLReader readerWithoutDtd() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser().getXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** The catalog's {@code <uri name=... uri=...>} and {@code <system systemId=... uri=...>} entries. */
    private static Map<String, Path> readCatalog(Path folder) throws IOException, SAXException {
        Map<String, Path> entries = new HashMap<>();
        Path catalog = folder.resolve("catalog.xml");
        if (!Files.exists(catalog)) return entries;
        XMLReader reader = readerWithoutDtd();
        reader.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                String name = "uri".equals(local) ? attributes.getValue("name")
                        : "system".equals(local) ? attributes.getValue("systemId") : null;
                String target = attributes.getValue("uri");
                if (name != null && target != null) entries.put(name, folder.resolve(target));
            }
        });
        try (InputStream in = Files.newInputStream(catalog)) {
            reader.parse(new InputSource(in));
        }
        return entries;
    }

    /** Resolves schema imports to local files; a reference it cannot resolve locally fails the validation. */
    private record LocalResolver(Path folder, Map<String, Path> catalog) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) return null;
            Path local = catalog.get(systemId);
            if (local == null) local = folder.resolve(Path.of(systemId.replaceAll(".*/", "")).toString());
            if (!Files.isRegularFile(local)) {
                throw new IllegalStateException("schema import " + systemId + " has no local copy in " + folder);
            }
            return new LocalInput(publicId, local.toUri().toString(), baseUri);
        }
    }

    /** An LSInput that the schema parser opens by system id (a file: URI). */
    private record LocalInput(String publicId, String systemId, String baseURI) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public InputStream getByteStream() { return null; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}

package org.segue.musicxml.internal.musicxml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects an XML declaration whose {@code encoding} contradicts the bytes, where the bytes leave no doubt: a file
 * written in UTF-8 that declares UTF-16 (a common exporter slip; the XML parser would stop at the first byte), a
 * UTF-16 file that declares UTF-8 or another single-byte encoding, and a declared encoding that Java does not know
 * on bytes that are valid UTF-8. Everything else is left for the parser to judge.
 */
final class XmlEncoding {

    /** The bytes to parse, and what was corrected (null when nothing was). */
    record Checked(byte[] bytes, String correction) {
    }

    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml\\s[^>]*?\\?>");
    private static final Pattern ENCODING = Pattern.compile("(encoding\\s*=\\s*)([\"'])([^\"']*)\\2");
    /** The declaration is near the start; no more is looked at to find it. */
    private static final int DECLARATION_SEARCH = 512;

    private XmlEncoding() {
    }

    static Checked check(byte[] bytes) {
        Charset sixteen = utf16(bytes);
        if (sixteen != null) return sixteenBitBytes(bytes, sixteen);
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String head = new String(bytes, start, Math.min(DECLARATION_SEARCH, bytes.length - start),
                StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARATION.matcher(head);
        if (!declaration.find()) return new Checked(bytes, null);
        Matcher encoding = ENCODING.matcher(declaration.group());
        if (!encoding.find()) return new Checked(bytes, null);
        String declared = encoding.group(3).trim();
        boolean wide = isWide(declared);
        boolean unknown = !wide && !isSupported(declared);
        if (!wide && !unknown || !isUtf8(bytes, start)) return new Checked(bytes, null);
        String corrected = head.substring(0, declaration.start()) + declaration.group().substring(0, encoding.start())
                + encoding.group(1) + encoding.group(2) + "UTF-8" + encoding.group(2)
                + declaration.group().substring(encoding.end());
        byte[] fixed = concat(bytes, start, corrected.getBytes(StandardCharsets.ISO_8859_1),
                start + declaration.end());
        return new Checked(fixed, "declares encoding=\"" + declared + "\" but is written in UTF-8; read as UTF-8");
    }

    /** Bytes in UTF-16 (with a byte order mark, or starting with a 16-bit '<'): re-encoded as UTF-8 if need be. */
    private static Checked sixteenBitBytes(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Checked(bytes, null); // the parser names the place
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        Matcher declaration = DECLARATION.matcher(text);
        if (!declaration.find()) return new Checked(bytes, null);
        Matcher encoding = ENCODING.matcher(declaration.group());
        if (!encoding.find() || isWide(encoding.group(3).trim())) return new Checked(bytes, null);
        String corrected = text.substring(0, declaration.start()) + declaration.group().substring(0, encoding.start())
                + encoding.group(1) + encoding.group(2) + "UTF-8" + encoding.group(2)
                + declaration.group().substring(encoding.end()) + text.substring(declaration.end());
        return new Checked(corrected.getBytes(StandardCharsets.UTF_8), "declares encoding=\""
                + encoding.group(3).trim() + "\" but is written in UTF-16; read as UTF-16");
    }

    private static Charset utf16(byte[] b) {
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0x00, '<', 0x00, '?')) return StandardCharsets.UTF_16BE;
        if (startsWith(b, 0xFF, 0xFE) && !startsWith(b, 0xFF, 0xFE, 0x00, 0x00)
                || startsWith(b, '<', 0x00, '?', 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Encodings whose characters take two or four bytes, which bytes that start with an ASCII '<' cannot be. */
    private static boolean isWide(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("_", "-");
        return n.startsWith("UTF-16") || n.startsWith("UTF16") || n.startsWith("UTF-32") || n.startsWith("UTF32")
                || n.startsWith("UCS-2") || n.startsWith("UCS-4") || n.startsWith("UCS2") || n.startsWith("UCS4")
                || n.startsWith("ISO-10646-UCS") || n.equals("UNICODE");
    }

    private static boolean isSupported(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static boolean isUtf8(byte[] bytes, int from) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** bytes[0, keep) + middle + bytes[from, end). */
    private static byte[] concat(byte[] bytes, int keep, byte[] middle, int from) {
        byte[] result = new byte[keep + middle.length + bytes.length - from];
        System.arraycopy(bytes, 0, result, 0, keep);
        System.arraycopy(middle, 0, result, keep, middle.length);
        System.arraycopy(bytes, from, result, keep + middle.length, bytes.length - from);
        return result;
    }
}

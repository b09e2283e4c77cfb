package org.segue.core.internal.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the parameters of a network saved by DL4J's {@code ModelSerializer} without DL4J or ND4J: its
 * {@code coefficients.bin} entry is ND4J's binary form of one float row vector (a data buffer of shape
 * information, then a data buffer of floats; each buffer an allocation mode and a data type as modified UTF-8, a
 * length as a long, and the values big-endian). Generation needs nothing more, so it starts without loading ND4J's
 * native libraries, which take seconds.
 */
final class NetworkParameters {

    static final String COEFFICIENTS = "coefficients.bin";

    private NetworkParameters() {
    }

    /** The flattened parameters of the network in {@code networkZip}. */
    static float[] read(byte[] networkZip) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(networkZip))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(COEFFICIENTS)) return coefficients(new DataInputStream(zip));
            }
        }
        throw new IOException("the network has no " + COEFFICIENTS);
    }

    private static float[] coefficients(DataInputStream in) throws IOException {
        in.readUTF(); // allocation mode
        long shapeLength = in.readLong();
        String shapeType = in.readUTF();
        if (!shapeType.equals("LONG") || shapeLength < 1 || shapeLength > 64) {
            throw new IOException(COEFFICIENTS + " does not start with ND4J shape information");
        }
        long[] shape = new long[(int) shapeLength];
        for (int i = 0; i < shape.length; i++) shape[i] = in.readLong();
        long rank = shape[0];
        long elements = 1;
        for (int i = 1; i <= rank && i < shape.length; i++) elements *= shape[i];
        in.readUTF(); // allocation mode
        long length = in.readLong();
        String type = in.readUTF();
        if (!type.equals("FLOAT")) throw new IOException(COEFFICIENTS + " holds " + type + " values, not FLOAT");
        if (length != elements || length > Integer.MAX_VALUE / 4) {
            throw new IOException(COEFFICIENTS + " holds " + length + " values for a shape of " + elements);
        }
        byte[] bytes = new byte[(int) length * 4];
        in.readFully(bytes);
        float[] values = new float[(int) length];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values); // big-endian, as DataOutputStream wrote them
        return values;
    }
}

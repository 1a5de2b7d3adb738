package com.lineguard.query.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** One row of the event store exactly as stored: the bytes an auditor must be able to trust. */
public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String type,
                   String timestamp, String payloadType, String payloadRevision, byte[] metadata, byte[] payload) {

    static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
            + "payloadtype, payloadrevision, metadata, payload";

    static final byte[] GENESIS = new byte[32];

    /**
     * The next link of the hash chain: SHA-256 over the previous link and every stored field of this event, each
     * length-prefixed so that no two different events can produce the same input.
     */
    byte[] link(byte[] previous) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            write(out, previous);
            write(out, eventId);
            write(out, aggregateId);
            out.writeLong(sequence);
            write(out, type);
            write(out, timestamp);
            write(out, payloadType);
            write(out, payloadRevision);
            write(out, metadata);
            write(out, payload);
            return MessageDigest.getInstance("SHA-256").digest(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        write(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}

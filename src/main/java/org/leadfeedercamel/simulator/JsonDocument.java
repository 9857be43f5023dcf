package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One JSON object written with Jackson's streaming generator: both API generations render their answers this way. */
final class JsonDocument {

    private static final JsonFactory JSON = new JsonFactory();

    /** The members of the document's top-level object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonDocument() {
    }

    static byte[] of(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

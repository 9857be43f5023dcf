package org.leadfeedercamel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.leadfeedercamel.config.DataSize;

/**
 * Every answer's body is read through a count, in camel-http's HttpClient (the first element of its exec
 * chain, so outside its decompression: the count is of the bytes the parser gets). Past the limit the
 * connection is dropped rather than drained to the body's end (which a chunked body may never reach), and
 * the read fails with {@link Exceeded}; a body whose Content-Length is past the limit fails at its first
 * read. Closing a body before its end reads the rest through the same count, so that cannot run away either.
 */
final class ResponseSizeLimit implements ExecChainHandler {

    /** The name the interceptor has in the client's exec chain. */
    static final String NAME = "leadfeeder-response-size-limit";

    private final DataSize limit;
    private final String key;

    /** {@code key} is the setting the limit comes from, for the message. */
    ResponseSizeLimit(DataSize limit, String key) {
        this.limit = limit;
        this.key = key;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        if (response.getEntity() != null) {
            response.setEntity(new CountedEntity(response.getEntity(), scope.execRuntime));
        }
        return response;
    }

    /** Reading a body went past the limit; its connection is gone. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** A body whose one content stream counts what is read of it. */
    private final class CountedEntity extends HttpEntityWrapper {

        private final ExecRuntime connection;
        private CountedStream content;

        CountedEntity(HttpEntity entity, ExecRuntime connection) {
            super(entity);
            this.connection = connection;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            if (content == null) {
                content = new CountedStream(super.getContent(), getContentLength(), connection);
            }
            return content;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                in.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            getContent().close(); // the wrapped entity's own close would drain the body to its end, uncounted
        }
    }

    private final class CountedStream extends InputStream {

        private final InputStream in;
        private final long announced;
        private final ExecRuntime connection;
        private final byte[] one = new byte[1];
        private long read;
        private boolean closed;
        /** Why the body was refused, once it was: every later read fails the same way. */
        private String refusal;

        CountedStream(InputStream in, long announced, ExecRuntime connection) {
            this.in = in;
            this.announced = announced;
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (refusal != null) {
                throw new Exceeded(refusal);
            }
            if (announced > limit.bytes()) {
                throw refuse(": Content-Length " + new DataSize(announced));
            }
            // one byte past the limit at most: enough to know the body is larger
            int n = in.read(buffer, offset, (int) Math.min(length, limit.bytes() - read + 1));
            if (n > 0) {
                read += n;
                if (read > limit.bytes()) {
                    throw refuse("");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int count = read(skipped, 0, skipped.length);
            return Math.max(count, 0);
        }

        @Override
        public int available() throws IOException {
            return refusal != null || closed ? 0 : in.available();
        }

        /** Reads what is left through the count, then closes: the connection is kept for the next request when the body ends in time. */
        @Override
        public void close() throws IOException {
            if (closed || refusal != null) {
                return;
            }
            closed = true;
            byte[] rest = new byte[8192];
            while (read(rest, 0, rest.length) >= 0) {
                // discarded
            }
            in.close();
        }

        private Exceeded refuse(String detail) {
            refusal = "larger than " + limit + " (" + key + ")" + detail;
            connection.discardEndpoint(); // dropped, not drained: the server may never end the body
            return new Exceeded(refusal);
        }
    }
}

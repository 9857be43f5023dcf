package org.leadfeedercamel.config;

/** An amount of data, such as how large an answer may be. Megabytes here are mebibytes (1,048,576 bytes). */
public record DataSize(long bytes) {

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a data size is not negative: " + bytes);
        }
    }

    public static DataSize ofMegabytes(long megabytes) {
        return new DataSize(Math.multiplyExact(megabytes, 1024L * 1024));
    }

    /** E.g. {@code 32 MB}, or the bytes when they are no whole number of megabytes. */
    @Override
    public String toString() {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}

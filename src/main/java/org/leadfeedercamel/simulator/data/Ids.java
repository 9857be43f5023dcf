package org.leadfeedercamel.simulator.data;

import java.util.SplittableRandom;

/** Identifiers shaped like Leadfeeder's: time-based UUIDs (version 1) and 22-character base-57 ids. */
final class Ids {

    /** Offset between the UUID epoch (1582-10-15) and the Unix epoch, in milliseconds. */
    private static final long UUID_EPOCH_OFFSET_MS = 12_219_292_800_000L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static final int KIND_VISIT = 0;
    static final int KIND_COMPANY = 1;
    static final int KIND_LOCATION = 2;

    private Ids() {
    }

    /**
     * A version-1 UUID whose timestamp is {@code epochMillis} and whose node field is built from
     * {@code kind}, {@code owner}, {@code group} and {@code serial}, so two generated ids never collide,
     * then scrambled with a per-dataset mask (a bijection) so it looks like a real host's address.
     */
    static String uuidV1(long seed, long epochMillis, int kind, int owner, int group, int serial,
            SplittableRandom random) {
        long ticks = (epochMillis + UUID_EPOCH_OFFSET_MS) * 10_000L + random.nextInt(10_000);
        long timeLow = ticks & 0xFFFF_FFFFL;
        long timeMid = (ticks >>> 32) & 0xFFFFL;
        long timeHigh = ((ticks >>> 48) & 0x0FFFL) | 0x1000L;
        long clockSeq = (random.nextInt(0x4000)) | 0x8000L;
        long node = ((long) (kind & 0x3) << 46) | ((long) (owner & 0xFF) << 38) | ((long) (group & 0x3FFF) << 24)
                | (serial & 0xFF_FFFFL);
        node ^= Seeds.mix(seed, 0x40DEL) & 0xFFFF_FFFF_FFFFL;
        StringBuilder out = new StringBuilder(36);
        hex(out, timeLow, 8).append('-');
        hex(out, timeMid, 4).append('-');
        hex(out, timeHigh, 4).append('-');
        hex(out, clockSeq, 4).append('-');
        hex(out, node, 12);
        return out.toString();
    }

    static String base57(SplittableRandom random) {
        return Vocabulary.chars(random, Vocabulary.BASE57, 22);
    }

    private static StringBuilder hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) ((value >>> shift) & 0xF)]);
        }
        return out;
    }
}

package org.leadfeedercamel.simulator.data;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the dataset seed and a path of coordinates
 * (account, day, visit, purpose), so any record can be regenerated alone, in any order.
 */
final class Seeds {

    private Seeds() {
    }

    static long mix(long seed, long... path) {
        long h = splitMix(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : path) {
            h = splitMix(h ^ part);
        }
        return h;
    }

    static SplittableRandom random(long seed, long... path) {
        return new SplittableRandom(mix(seed, path));
    }

    /** A uniform double in [0, 1) for the given coordinates, without allocating a generator. */
    static double unit(long seed, long... path) {
        return (mix(seed, path) >>> 11) * 0x1.0p-53;
    }

    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

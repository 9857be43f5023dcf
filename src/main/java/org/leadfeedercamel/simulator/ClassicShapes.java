package org.leadfeedercamel.simulator;

/**
 * How the classic API's pages are written beyond the common case: valid but unusual JSON:API shapes,
 * and records no mapping can read, as a client meets them in the wild.
 *
 * @param linkObjects           page links as link objects ({@code "next": {"href": …}}) instead of URL strings
 * @param unmappableVisitsEvery about one visit in this many is served with a {@code visit_length} that is no
 *                              number ({@code "twelve"}), chosen by its id so every read serves the same ones; 0: none
 */
public record ClassicShapes(boolean linkObjects, int unmappableVisitsEvery) {

    public static ClassicShapes plain() {
        return new ClassicShapes(false, 0);
    }

    public ClassicShapes {
        if (unmappableVisitsEvery < 0) {
            throw new IllegalArgumentException("unmappable visits every must not be negative");
        }
    }

    /** Whether the visit with this id is served unmappable. */
    public boolean unmappable(String visitId) {
        return unmappableVisitsEvery > 0 && Math.floorMod(visitId.hashCode(), unmappableVisitsEvery) == 0;
    }
}

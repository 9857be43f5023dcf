package org.leadfeedercamel.simulator.data;

import java.util.List;

/** One slice of an ordered result and the size of the whole result it came from. */
public record Page<T>(int total, List<T> items) {
}

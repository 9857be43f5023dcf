package org.leadfeedercamel.simulator.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * When an account's visits happen: how many fall on each account-local day, and the instant of each,
 * without materialising the visits. Visit {@code i} of a day is the {@code i}-th oldest; instants
 * grow with {@code i}, so "how many have happened by now" is a binary search.
 */
final class AccountTimeline {

    /** Base visits occupy the first 98% of a day; the rest is left for visits that arrive later. */
    private static final double BASE_SHARE_OF_DAY = 0.98;
    private static final long ARRIVAL_SPACING_MS = 1_000L;

    /** Relative traffic per local hour: quiet nights, busy office hours. */
    private static final double[] HOURLY = {1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 10, 12, 13, 12, 10, 7, 5, 4, 3,
        2, 2, 1};
    private static final double[] HOURLY_CDF = cumulative(HOURLY);

    private final long seed;
    private final int accountIndex;
    private final LocalDate firstDay;
    private final int[] counts;
    private final long[] boundaries;

    AccountTimeline(long seed, int accountIndex, ZoneId zone, LocalDate firstDay, LocalDate lastDay,
            long visits, double spread, int busyDays, int busyDayVisits) {
        this.seed = seed;
        this.accountIndex = accountIndex;
        this.firstDay = firstDay;
        int days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
        this.boundaries = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            boundaries[d] = firstDay.plusDays(d).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        this.counts = distribute(visits, days, spread);
        SplittableRandom busy = Seeds.random(seed, accountIndex, 0xB05FL);
        int marked = 0;
        boolean[] isBusy = new boolean[days];
        while (marked < Math.min(busyDays, days)) {
            int d = busy.nextInt(days);
            if (!isBusy[d]) {
                isBusy[d] = true;
                counts[d] = busyDayVisits;
                marked++;
            }
        }
    }

    int days() {
        return counts.length;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return firstDay.plusDays(counts.length - 1L);
    }

    LocalDate day(int dayIndex) {
        return firstDay.plusDays(dayIndex);
    }

    /** Index of {@code date} in this timeline, clamped to [-1, days]. */
    int indexOf(LocalDate date) {
        long index = date.toEpochDay() - firstDay.toEpochDay();
        return (int) Math.max(-1, Math.min(counts.length, index));
    }

    /** The first instant of the day, in the account's zone. */
    long dayStartMillis(int dayIndex) {
        return boundaries[dayIndex];
    }

    /** Visits planned for the day, happened or not. */
    int plannedCount(int dayIndex) {
        return counts[dayIndex];
    }

    /** Visits of the day that started at or before {@code nowMillis}. */
    int happenedCount(int dayIndex, long nowMillis) {
        int n = counts[dayIndex];
        if (n == 0 || boundaries[dayIndex + 1] <= nowMillis) {
            return n;
        }
        if (boundaries[dayIndex] > nowMillis) {
            return 0;
        }
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (startMillis(dayIndex, mid) <= nowMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Start of visit {@code ordinal} of a day; ordinals from the planned count on are later arrivals. */
    long startMillis(int dayIndex, int ordinal) {
        long start = boundaries[dayIndex];
        long length = boundaries[dayIndex + 1] - start;
        int n = counts[dayIndex];
        if (ordinal >= n) {
            long arrival = start + (long) (length * BASE_SHARE_OF_DAY) + (ordinal - n + 1L) * ARRIVAL_SPACING_MS;
            return Math.min(arrival, boundaries[dayIndex + 1] - 1);
        }
        double jitter = Seeds.unit(seed, accountIndex, dayIndex, ordinal, 0x71AEL);
        double position = businessHours((ordinal + jitter) / n);
        return start + (long) (position * BASE_SHARE_OF_DAY * length);
    }

    /** Maps an even spread in [0,1) onto a day shaped by {@link #HOURLY}, keeping the order. */
    private static double businessHours(double p) {
        int hour = 0;
        while (hour < 23 && HOURLY_CDF[hour + 1] <= p) {
            hour++;
        }
        double within = (p - HOURLY_CDF[hour]) / (HOURLY_CDF[hour + 1] - HOURLY_CDF[hour]);
        return (hour + within) / 24.0;
    }

    private int[] distribute(long total, int days, double spread) {
        double[] weights = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            SplittableRandom random = Seeds.random(seed, accountIndex, d, 0xDA7L);
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            int dayOfWeek = firstDay.plusDays(d).getDayOfWeek().getValue();
            double weekday = dayOfWeek >= 6 ? 0.3 : 1.0;
            weights[d] = weekday * Math.exp(spread * gaussian);
            sum += weights[d];
        }
        int[] result = new int[days];
        long assigned = 0;
        double[] remainders = new double[days];
        for (int d = 0; d < days; d++) {
            double exact = total * weights[d] / sum;
            result[d] = (int) Math.floor(exact);
            remainders[d] = exact - result[d];
            assigned += result[d];
        }
        // largest remainders get the visits rounding left over, so the total is exact
        Integer[] order = new Integer[days];
        for (int d = 0; d < days; d++) {
            order[d] = d;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; assigned < total; k++, assigned++) {
            result[order[k % days]]++;
        }
        return result;
    }

    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] cdf = new double[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            cdf[i + 1] = cdf[i] + weights[i] / total;
        }
        cdf[weights.length] = 1.0;
        return cdf;
    }
}

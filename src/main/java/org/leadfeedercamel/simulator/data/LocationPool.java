package org.leadfeedercamel.simulator.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The locations companies and visits point at. Location ids are global, as in the real API. */
final class LocationPool {

    private final List<SimLocation> locations;
    private final Map<String, SimLocation> byId;

    LocationPool(long seed, int size) {
        List<SimLocation> list = new ArrayList<>(size);
        Map<String, SimLocation> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            SplittableRandom random = Seeds.random(seed, 0x10CL, i);
            Vocabulary.City city = Vocabulary.CITIES.get(i % Vocabulary.CITIES.size());
            // both id shapes occur in real payloads
            String id = random.nextBoolean()
                    ? Ids.uuidV1(seed, 1_576_000_000_000L + random.nextInt(1_000_000_000), Ids.KIND_LOCATION, 0, 0, i, random)
                    : Ids.base57(random);
            SimLocation location = new SimLocation(id, city.country(), city.countryCode(), city.region(),
                    city.regionCode(), city.city(), city.stateCode());
            list.add(location);
            index.put(id, location);
        }
        this.locations = Collections.unmodifiableList(list);
        this.byId = index;
    }

    int size() {
        return locations.size();
    }

    SimLocation get(int index) {
        return locations.get(index);
    }

    SimLocation byId(String id) {
        return byId.get(id);
    }

    /** The city a location lies in, for names, phone numbers and legal forms that fit it. */
    Vocabulary.City city(int index) {
        return Vocabulary.CITIES.get(index % Vocabulary.CITIES.size());
    }
}

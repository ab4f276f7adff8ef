package org.onestop.demo.internal;

import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated address register: every postcode has a street, chosen from the postcode so the
 * same question always gets the same answer; postcodes from 5000 up are in Southport.
 */
final class SimulatedAddresses {

    private static final List<String> STREETS = List.of("Mill Lane", "Harbour Street", "Church Road", "Market Square",
            "Station Road", "Canal Walk", "Orchard Way", "Bridge Street");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulatedAddresses() {
    }

    static ObjectNode lookUp(String postcode, String houseNumber) {
        String normal = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        String spaced = normal.length() == 6 ? normal.substring(0, 4) + " " + normal.substring(4) : postcode;
        int digits = normal.length() >= 4 && normal.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(normal.substring(0, 4)) : 0;
        ObjectNode address = JSON.createObjectNode();
        address.put("street", STREETS.get(Math.floorMod(normal.hashCode(), STREETS.size())) + " " + houseNumber);
        address.put("postcode", spaced);
        address.put("municipality", digits >= 5000 ? "southport" : "northfield");
        return address;
    }
}

package org.onestop.portal.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;
import org.onestop.query.QueryServices;
import org.onestop.query.RegistryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Once-only for the address: a section with an address (street, postcode, municipality) offers
 * to find it in the address register from postcode and house number. The look-up goes through
 * the platform's registry queries as the consumer {@code portal}; what it finds only fills in the
 * answers, which the applicant can still change.
 */
@Component
class AddressFinder {

    static final String POSTCODE = "address-finder-postcode";
    static final String HOUSE_NUMBER = "address-finder-house-number";
    static final String ACTION = "find-address";
    private static final List<String> PARTS = List.of("street", "postcode", "municipality");
    private static final Logger log = LoggerFactory.getLogger(AddressFinder.class);

    /** What the page shows of the finder: where it goes, what was typed, and what was found. */
    record View(String field, String postcode, String houseNumber, String found) {
    }

    /** A look-up's result: the errors to show (by input name), or the address found. */
    record Result(Map<String, String> errors, Map<String, String> address, String signature) {
    }

    private final QueryServices queryServices;
    private final RegistryQueries queries;
    private final String provider;
    private final String service;

    AddressFinder(QueryServices queryServices, RegistryQueries queries,
            @Value("${onestop.portal.address-lookup.provider:address-register}") String provider,
            @Value("${onestop.portal.address-lookup.service:address-lookup}") String service) {
        this.queryServices = queryServices;
        this.queries = queries;
        this.provider = provider;
        this.service = service;
    }

    /** The address question of the section the finder fills in, when the section has one and the network offers the look-up. */
    Optional<String> addressField(Section section) {
        Optional<String> field = SectionCheck.leaves(section.fields()).stream()
                .map(Field::name)
                .filter(name -> name.endsWith(".street"))
                .map(name -> name.substring(0, name.length() - ".street".length()))
                .filter(address -> PARTS.stream().allMatch(part -> SectionCheck.leaves(section.fields()).stream()
                        .anyMatch(f -> f.name().equals(address + "." + part))))
                .findFirst();
        return field.isPresent() && queryServices.find(provider, service).isPresent() ? field : Optional.empty();
    }

    Result find(String postcode, String houseNumber) {
        String code = postcode == null ? "" : postcode.strip().toUpperCase(Locale.ROOT);
        String number = houseNumber == null ? "" : houseNumber.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (code.isEmpty()) {
            errors.put(POSTCODE, "Enter a postcode to find the address");
        } else if (!code.matches("^[0-9]{4} ?[A-Z]{2}$")) {
            errors.put(POSTCODE, "Postcode must be like 1234 AB");
        }
        if (number.isEmpty()) {
            errors.put(HOUSE_NUMBER, "Enter a house number to find the address");
        } else if (!number.matches("^[0-9]{1,5}[A-Za-z]{0,4}$")) {
            errors.put(HOUSE_NUMBER, "House number must be a number, like 12 or 12A");
        }
        if (!errors.isEmpty()) {
            return new Result(errors, Map.of(), null);
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode()
                .put("postcode", code.length() == 6 ? code.substring(0, 4) + " " + code.substring(4) : code)
                .put("houseNumber", number);
        try {
            QueryAnswer answer = queries.ask(new QueryCall(QueryAgreement.PORTAL, provider, service, request, null));
            Map<String, String> address = new LinkedHashMap<>();
            for (String part : PARTS) {
                JsonNode value = answer.answer().get(part);
                if (value != null && value.isString()) {
                    address.put(part, value.asString());
                }
            }
            return new Result(Map.of(), address, answer.signature());
        } catch (ErrorResponseException | InvalidInput | NotFound e) {
            log.info("The address look-up failed ({}); the applicant enters the address", e.getMessage());
            return new Result(Map.of(POSTCODE, "The address could not be found just now. Enter the address below, "
                    + "or try again later"), Map.of(), null);
        }
    }
}

package org.onestop.console.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.onestop.cases.StepState;
import org.onestop.catalog.Routing;
import org.onestop.catalog.ServiceStatus;
import org.onestop.exchange.DeliveryState;
import org.onestop.network.GovernanceMode;
import org.onestop.network.Money;
import org.onestop.network.OrganisationKind;
import org.onestop.network.ReceivingMode;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the console words values for people; templates call it as {@code @display}. */
@Component("display")
public final class Display {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** A public key as the console shows it: its identifiers, never its material. */
    public record Key(String kid, String type, String use, String algorithm) {
    }

    private final JsonMapper json;

    Display(JsonMapper json) {
        this.json = json;
    }

    public String kind(OrganisationKind kind) {
        return switch (kind) {
            case PUBLIC_AGENCY -> "Public agency";
            case PRIVATE_PARTNER -> "Private partner";
            case INTERMEDIARY -> "Intermediary";
        };
    }

    public String receiving(ReceivingMode mode) {
        return switch (mode) {
            case PUSH -> "Pushed to its endpoint";
            case PULL -> "Pulls from its feed";
            case INBOX -> "Web inbox";
        };
    }

    public String governance(GovernanceMode mode) {
        return switch (mode) {
            case IN_HOUSE -> "In-house";
            case CONTRACT -> "Contract";
            case PARTNERSHIP -> "Partnership";
        };
    }

    /** "5 days", "1 day 12 hours", "90 minutes"; "Not set" for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "Not set";
        }
        if (duration.isZero()) {
            return "0 minutes";
        }
        List<String> parts = new ArrayList<>();
        add(parts, duration.toDaysPart(), "day");
        add(parts, duration.toHoursPart(), "hour");
        add(parts, duration.toMinutesPart(), "minute");
        if (parts.isEmpty()) {
            add(parts, Math.max(1, duration.toSecondsPart()), "second");
        }
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    /** "€12.50", "£3.00"; "Not set" for none. */
    public String money(Money money) {
        if (money == null) {
            return "Not set";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(money.amount());
    }

    /** "Routed by business.address.municipality: northfield → Northfield Municipality; otherwise …" as lines. */
    public List<String> routes(Routing routing, Map<String, String> organisationNames) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(routing.organisations()).forEach((value, organisation) ->
                lines.add(value + ": " + organisationNames.getOrDefault(organisation, organisation)));
        lines.add("Any other value: " + (routing.otherwise() == null ? "not routed"
                : organisationNames.getOrDefault(routing.otherwise(), routing.otherwise())));
        return lines;
    }

    public String status(ServiceStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Published";
            case RETIRED -> "Retired";
        };
    }

    public String statusColour(ServiceStatus status) {
        return switch (status) {
            case DRAFT -> "govuk-tag--yellow";
            case PUBLISHED -> "govuk-tag--green";
            case RETIRED -> "govuk-tag--grey";
        };
    }

    public String stepState(StepState state) {
        return switch (state) {
            case WAITING -> "Waiting";
            case READY -> "Ready";
            case IN_PROGRESS -> "In progress";
            case CORRECTION_REQUESTED -> "Waiting for the applicant's correction";
            case COMPLETED -> "Completed";
            case REJECTED -> "Rejected";
        };
    }

    public String stepStateColour(StepState state) {
        return switch (state) {
            case WAITING -> "govuk-tag--grey";
            case READY -> "govuk-tag--blue";
            case IN_PROGRESS -> "govuk-tag--light-blue";
            case CORRECTION_REQUESTED -> "govuk-tag--orange";
            case COMPLETED -> "govuk-tag--green";
            case REJECTED -> "govuk-tag--red";
        };
    }

    public String deliveryState(DeliveryState state) {
        return switch (state) {
            case PENDING -> "Pending";
            case IN_FLIGHT -> "In flight";
            case DELIVERED -> "Delivered";
            case DEAD -> "Dead";
        };
    }

    public String deliveryStateColour(DeliveryState state) {
        return switch (state) {
            case PENDING -> "govuk-tag--blue";
            case IN_FLIGHT -> "govuk-tag--light-blue";
            case DELIVERED -> "govuk-tag--green";
            case DEAD -> "govuk-tag--red";
        };
    }

    public String instant(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String validity(LocalDate from, LocalDate to) {
        return to == null ? "From " + day(from) + ", with no end date" : day(from) + " to " + day(to);
    }

    public List<Key> keys(String jwks) {
        List<Key> keys = new ArrayList<>();
        JsonNode set = json.readTree(jwks);
        for (JsonNode key : set.path("keys")) {
            keys.add(new Key(text(key, "kid"), text(key, "kty"), text(key, "use"), text(key, "alg")));
        }
        return keys;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}

package org.onestop.insight;

import java.util.List;
import java.util.Set;

/**
 * A part of a service's applicants that a KPI can be measured for. Each part left null means all.
 *
 * @param channel portal, api, bulk, assisted, or a channel keyed in by staff (paper, phone)
 * @param principal who the application is for: {@code person} or {@code business}
 * @param representation {@code self} (the applicant applied) or {@code intermediary} (an intermediary applied for
 *        them under a mandate)
 */
public record Segment(String channel, String principal, String representation) {

    public static final Segment ALL = new Segment(null, null, null);
    public static final Set<String> PRINCIPALS = Set.of("person", "business");
    public static final Set<String> REPRESENTATIONS = Set.of("self", "intermediary");

    public static Segment orAll(Segment segment) {
        return segment == null ? ALL : segment;
    }

    public boolean all() {
        return channel == null && principal == null && representation == null;
    }

    /** Whether the segment is about who applies (principal or representation), not only about the channel. */
    public boolean byApplicant() {
        return principal != null || representation != null;
    }

    /** Words for the segment, such as: businesses, through an intermediary, portal channel; empty for all. */
    public String label() {
        List<String> parts = new java.util.ArrayList<>();
        if (principal != null) {
            parts.add(principal.equals("business") ? "businesses" : "persons");
        }
        if (representation != null) {
            parts.add(representation.equals("intermediary") ? "through an intermediary" : "applying themselves");
        }
        if (channel != null) {
            parts.add(channel + " channel");
        }
        return String.join(", ", parts);
    }
}

package org.onestop.cases;

import java.time.Instant;
import java.util.List;

/**
 * What the organisation asked the applicant to correct; the reason is the step's.
 *
 * @param fields dotted paths of the form's fields to correct ({@code business.name}); empty when the
 *        organisation named none, and the applicant may then correct every answer the step takes
 */
public record Correction(List<String> fields, Instant askedAt) {

    public Correction {
        fields = List.copyOf(fields);
    }
}

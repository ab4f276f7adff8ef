package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A case is open until every step is completed, a step is rejected, or the applicant withdraws. */
public enum CaseStatus {
    @JsonProperty("open")
    OPEN,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("rejected")
    REJECTED,
    @JsonProperty("withdrawn")
    WITHDRAWN
}

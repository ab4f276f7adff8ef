package org.onestop.mandates;

/** Why an agent may not act for a principal, each with the words a refusal gives. */
public enum MandateRefusal {
    NO_MANDATE("there is no mandate from this principal to this agent"),
    NOT_CONFIRMED("the mandate has not been confirmed by the principal"),
    NOT_YET_VALID("the mandate is not valid yet"),
    EXPIRED("the mandate has expired"),
    OTHER_SERVICE("the mandate does not cover this service"),
    REVOKED("the mandate has been revoked");

    private final String reason;

    MandateRefusal(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

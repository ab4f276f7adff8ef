package org.onestop.mandates;

import java.time.LocalDate;
import java.util.List;

/** The mandates between agents and principals. */
public interface Mandates {

    /**
     * Whether the agent may act for the principal for the service on the day. When no mandate
     * allows it, the refusal is the one of the mandate that came closest (one for this service
     * before one for another).
     */
    MandateDecision check(String agent, String principal, String service, LocalDate day);

    List<Mandate> between(String agent, String principal);
}

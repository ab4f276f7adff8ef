package org.onestop.mandates.internal;

import java.util.Optional;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.mandates.Mandate;

/**
 * Who calls the mandates API and what it may see: a member system sees the mandates it is the
 * agent of; an operator those of its organisation; managers and auditors all of them.
 */
record MandateCaller(String member, StaffMember staff) {

    static MandateCaller current() {
        return new MandateCaller(CurrentCaller.memberOrganisation().orElse(null),
                CurrentCaller.staffMember().orElse(null));
    }

    /** The agent whose mandates the caller sees, or empty when it sees all of them. */
    Optional<String> agentSeen() {
        if (member != null) {
            return Optional.of(member);
        }
        if (staff != null && staff.role() == StaffRole.OPERATOR) {
            return Optional.of(staff.organisation());
        }
        return Optional.empty();
    }

    boolean sees(Mandate mandate) {
        return agentSeen().map(mandate.agent()::equals).orElse(member != null || staff != null);
    }

    boolean isManager() {
        return member == null && staff != null && staff.role() == StaffRole.MANAGER;
    }

    /** The event log's actor: the member's code or the staff member's username. */
    String actor() {
        return member != null ? member : staff == null ? "unknown" : staff.username();
    }
}

package org.onestop.access;

import java.util.Optional;

import org.onestop.access.internal.Callers;

/**
 * Who is calling in the current request: a signed-in staff member, or a member organisation's
 * system authenticated by its signed token.
 */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The signed-in staff member, if the caller is staff. */
    public static Optional<StaffMember> staffMember() {
        return Callers.staffMember();
    }

    /** The calling member organisation's code, if the caller is a member system. */
    public static Optional<String> memberOrganisation() {
        return Callers.memberOrganisation();
    }

    /** The organisation the caller acts for: the member itself, or an operator's organisation. */
    public static Optional<String> organisation() {
        return memberOrganisation().or(() -> staffMember().map(StaffMember::organisation));
    }
}

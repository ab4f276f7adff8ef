package org.onestop.exchange.internal;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.platform.NotFound;

/** Who may act on an organisation's deliveries (replay, pause, resume): a manager, or one of its operators. */
final class DeliveryStaff {

    private DeliveryStaff() {
    }

    /** The signed-in staff member allowed to act for the organisation; anyone else is told it does not exist. */
    static StaffMember actingFor(String organisation, String notFound) {
        StaffMember staff = CurrentCaller.staffMember().orElseThrow(() -> new NotFound(notFound));
        boolean allowed = staff.role() == StaffRole.MANAGER
                || staff.role() == StaffRole.OPERATOR && organisation.equals(staff.organisation());
        if (!allowed) {
            throw new NotFound(notFound);
        }
        return staff;
    }
}

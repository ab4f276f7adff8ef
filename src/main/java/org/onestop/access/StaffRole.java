package org.onestop.access;

/** What a staff member does: manages the network, operates one organisation's back office, or audits. */
public enum StaffRole {
    MANAGER, OPERATOR, AUDITOR
}

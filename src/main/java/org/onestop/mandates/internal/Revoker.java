package org.onestop.mandates.internal;

/** Who ended a mandate: its agent, its principal, or a manager on the principal's behalf. */
enum Revoker {
    AGENT, PRINCIPAL, MANAGER;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

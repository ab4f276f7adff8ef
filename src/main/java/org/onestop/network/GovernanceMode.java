package org.onestop.network;

/** How the orchestrator governs an activity: done in-house, contracted out, or run as a partnership. */
public enum GovernanceMode {
    IN_HOUSE, CONTRACT, PARTNERSHIP
}

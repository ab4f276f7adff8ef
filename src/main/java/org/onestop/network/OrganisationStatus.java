package org.onestop.network;

/** A suspended organisation keeps its history but can neither call the platform nor receive work. */
public enum OrganisationStatus {
    ACTIVE, SUSPENDED
}

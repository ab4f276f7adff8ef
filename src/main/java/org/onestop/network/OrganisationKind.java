package org.onestop.network;

/** What an organisation is to the network. */
public enum OrganisationKind {
    PUBLIC_AGENCY, PRIVATE_PARTNER, INTERMEDIARY
}

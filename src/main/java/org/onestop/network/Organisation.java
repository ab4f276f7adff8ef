package org.onestop.network;

import java.net.URI;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A member of the network.
 *
 * @param endpoint where work is pushed; present exactly when {@code receiving} is {@link ReceivingMode#PUSH}
 * @param jwks the organisation's public keys as a JWK set document (JSON), used to verify what it signs
 */
public record Organisation(String code, String name, OrganisationKind kind, OrganisationStatus status,
        ReceivingMode receiving, URI endpoint, @JsonRawValue String jwks) {

    public Organisation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        status = status == null ? OrganisationStatus.ACTIVE : status;
        Objects.requireNonNull(receiving, "receiving");
        jwks = jwks == null || jwks.isBlank() ? "{\"keys\":[]}" : jwks;
    }

    public boolean active() {
        return status == OrganisationStatus.ACTIVE;
    }
}

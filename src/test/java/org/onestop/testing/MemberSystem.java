package org.onestop.testing;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A member organisation's system as the platform sees it: a registered public key and tokens signed with its private half. */
public final class MemberSystem {

    public static final String AUDIENCE = "https://onestop.test";

    private final String code;
    private final ECKey key;

    private MemberSystem(String code, ECKey key) {
        this.code = code;
        this.key = key;
    }

    /** Registers the organisation's system as {@link #register} does, with its work pushed to {@code endpoint}. */
    public static MemberSystem registerPushedTo(Organisations organisations, String code, OrganisationKind kind, URI endpoint) {
        MemberSystem system = register(organisations, code, kind);
        receiveBy(organisations, code, ReceivingMode.PUSH, endpoint);
        return system;
    }

    /** Changes how an existing organisation receives its work, and where it is pushed. */
    public static void receiveBy(Organisations organisations, String code, ReceivingMode mode, URI endpoint) {
        Organisation o = organisations.find(code).orElseThrow();
        organisations.save(new Organisation(o.code(), o.name(), o.kind(), o.status(), mode, endpoint, o.jwks()));
    }

    /** Registers the organisation (or gives an existing one this key) and returns its system. */
    public static MemberSystem register(Organisations organisations, String code, OrganisationKind kind) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(code + "-key").generate();
            Organisation existing = organisations.find(code).orElse(null);
            organisations.save(new Organisation(code, existing == null ? code : existing.name(),
                    existing == null ? kind : existing.kind(), OrganisationStatus.ACTIVE,
                    existing == null ? ReceivingMode.INBOX : existing.receiving(),
                    existing == null ? null : existing.endpoint(), new JWKSet(key.toPublicJWK()).toString()));
            return new MemberSystem(code, key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String code() {
        return code;
    }

    /** A fresh, single-use token valid for one minute. */
    public String token() {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(code).subject(code).audience(AUDIENCE)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

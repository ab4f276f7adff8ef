package org.onestop.access.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.onestop.access.internal.MemberTokenRefused.Reason;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;

/**
 * Checks a member's bearer token (RFC 7523 style): signed with ES256 or EdDSA by a key in the
 * organisation's registered JWK set, {@code iss = sub = } organisation code, audience the
 * platform, at most five minutes of life, and a {@code jti} used once.
 */
final class MemberTokenVerifier {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final int MAX_JTI_LENGTH = 200;

    private final Organisations organisations;
    private final MemberTokenUses uses;
    private final PlatformAudience audience;
    private final Clock clock;
    private final Cache<KeyUse, Optional<JWSVerifier>> verifiers = Caffeine.newBuilder().maximumSize(1_000).build();

    MemberTokenVerifier(Organisations organisations, MemberTokenUses uses, PlatformAudience audience, Clock clock) {
        this.organisations = organisations;
        this.uses = uses;
        this.audience = audience;
        this.clock = clock;
    }

    MemberAuthentication verify(String token) {
        SignedJWT jwt = parse(token);
        JWTClaimsSet claims = claims(jwt);
        Organisation organisation = organisationOf(claims);
        checkSignature(jwt, verifierOf(organisation, jwt));
        Instant expiresAt = checkTimes(claims);
        checkAudience(claims.getAudience());
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token needs a jti claim (1 to " + MAX_JTI_LENGTH + " characters).");
        }
        if (!uses.firstUse(organisation.code(), jti, expiresAt.plus(CLOCK_SKEW))) {
            throw new MemberTokenRefused(Reason.REPLAYED, "The token was already used (jti " + jti + "); sign a new one for each request.");
        }
        return new MemberAuthentication(organisation.code(), jti);
    }

    private static SignedJWT parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token is longer than " + MAX_TOKEN_LENGTH + " characters.");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
                throw new MemberTokenRefused(Reason.MALFORMED,
                        "The token is signed with " + jwt.getHeader().getAlgorithm() + "; use ES256 or EdDSA.");
            }
            return jwt;
        } catch (ParseException e) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The bearer token is not a signed JWT (JWS compact serialisation).");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token's claims are not a JSON object of JWT claims.");
        }
    }

    private Organisation organisationOf(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        if (issuer == null || !issuer.equals(claims.getSubject())) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token's iss and sub must both be the organisation code.");
        }
        Organisation organisation = organisations.find(issuer).orElseThrow(() ->
                new MemberTokenRefused(Reason.UNKNOWN_ORGANISATION, "No organisation " + issuer + " is registered in the network."));
        if (!organisation.active()) {
            throw new MemberTokenRefused(Reason.SUSPENDED_ORGANISATION, "The organisation " + issuer + " is suspended.");
        }
        return organisation;
    }

    private JWSVerifier verifierOf(Organisation organisation, SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw new MemberTokenRefused(Reason.UNKNOWN_KEY, "The token's header names no key (kid).");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        // keyed by the key set's text: a changed key set (a rotation, a revocation) is never served from the cache
        return verifiers.get(new KeyUse(organisation.jwks(), kid, algorithm.getName()),
                use -> newVerifier(organisation, kid, algorithm)).orElseThrow(() ->
                        new MemberTokenRefused(Reason.BAD_SIGNATURE, "The key " + kid + " does not fit " + algorithm + "."));
    }

    private static Optional<JWSVerifier> newVerifier(Organisation organisation, String kid, JWSAlgorithm algorithm) {
        JWK key;
        try {
            key = JWKSet.parse(organisation.jwks()).getKeyByKeyId(kid);
        } catch (ParseException e) {
            throw new MemberTokenRefused(Reason.UNKNOWN_KEY, "The organisation " + organisation.code() + " has no readable key set.");
        }
        if (key == null) {
            throw new MemberTokenRefused(Reason.UNKNOWN_KEY,
                    "The key " + kid + " is not registered for the organisation " + organisation.code() + ".");
        }
        try {
            return Optional.of(verifierFor(algorithm, key));
        } catch (JOSEException e) {
            return Optional.empty();
        }
    }

    private static void checkSignature(SignedJWT jwt, JWSVerifier verifier) {
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new MemberTokenRefused(Reason.BAD_SIGNATURE,
                    "The signature does not verify with the registered key " + jwt.getHeader().getKeyID() + ".");
        }
    }

    private static JWSVerifier verifierFor(JWSAlgorithm algorithm, JWK key) throws JOSEException {
        if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        if (!JWSAlgorithm.ES256.equals(algorithm) && key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return new Ed25519Verifier(okp.toPublicJWK());
        }
        throw new JOSEException("key " + key.getKeyID() + " does not fit " + algorithm);
    }

    private record KeyUse(String jwks, String kid, String algorithm) {
    }

    private Instant checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token needs an exp claim.");
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        Instant issuedAt = claims.getIssueTime() == null ? now : claims.getIssueTime().toInstant();
        if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw new MemberTokenRefused(Reason.EXPIRED, "The token expired at " + expiresAt + ".");
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))
                || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(CLOCK_SKEW)))) {
            throw new MemberTokenRefused(Reason.MALFORMED, "The token is not valid yet (iat or nbf in the future).");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new MemberTokenRefused(Reason.LIFETIME_TOO_LONG,
                    "The token lives " + Duration.between(issuedAt, expiresAt).toSeconds() + " s; at most "
                            + MAX_LIFETIME.toSeconds() + " s (exp - iat) is accepted.");
        }
        return expiresAt;
    }

    private void checkAudience(List<String> audiences) {
        String expected = audience.url();
        if (audiences == null || audiences.stream().noneMatch(a -> PlatformAudience.normalise(a).equals(expected))) {
            throw new MemberTokenRefused(Reason.WRONG_AUDIENCE, "The token's aud must be " + expected + ".");
        }
    }
}

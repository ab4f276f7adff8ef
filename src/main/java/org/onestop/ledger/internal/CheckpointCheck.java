package org.onestop.ledger.internal;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.onestop.ledger.Checkpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one checkpoint with the published keys only: the JWS verifies under the key its
 * {@code kid} names, and the signed payload says what the checkpoint's fields say.
 */
public final class CheckpointCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckpointCheck() {
    }

    /** The problem with this checkpoint, or empty when its signature and fields agree. */
    public static Optional<String> problem(Checkpoint checkpoint, JWKSet keys) {
        String at = "checkpoint of tree size " + checkpoint.treeSize();
        JWSObject jws;
        try {
            jws = JWSObject.parse(checkpoint.signature());
        } catch (ParseException e) {
            return Optional.of(at + ": the signature is not a compact JWS");
        }
        JWK key = keys.getKeyByKeyId(jws.getHeader().getKeyID());
        if (key == null) {
            return Optional.of(at + ": signed with key '" + jws.getHeader().getKeyID() + "', which is not published");
        }
        try {
            ECKey ecKey = key.toECKey();
            if (!jws.verify(new ECDSAVerifier(ecKey.toECPublicKey()))) {
                return Optional.of(at + ": the signature does not verify");
            }
        } catch (JOSEException | IllegalStateException e) {
            return Optional.of(at + ": the signature cannot be checked (" + e.getMessage() + ")");
        }
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        if (payload.path("treeSize").asLong(-1) != checkpoint.treeSize()
                || !payload.path("rootHash").asString("").equals(checkpoint.rootHash())
                || !payload.path("issuedAt").asString("").equals(checkpoint.issuedAt().toString())) {
            return Optional.of(at + ": the signed tree head " + payload + " differs from the stored one (root "
                    + checkpoint.rootHash() + ")");
        }
        return Optional.empty();
    }
}

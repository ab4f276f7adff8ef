package org.onestop.ledger.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import org.onestop.keys.PlatformKeys;
import org.onestop.ledger.Checkpoint;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Signs tree heads with the platform key: a compact JWS over the JCS JSON of size, root and time. */
@Component
final class CheckpointSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformKeys keys;

    CheckpointSigner(PlatformKeys keys) {
        this.keys = keys;
    }

    Checkpoint sign(long treeSize, byte[] root, Instant issuedAt) {
        String rootHash = TreeHashes.hex(root);
        return new Checkpoint(treeSize, rootHash, issuedAt, keys.sign(payload(treeSize, rootHash, issuedAt)));
    }

    /** The signed payload; verifiers parse it from the JWS rather than trusting the columns beside it. */
    static String payload(long treeSize, String rootHash, Instant issuedAt) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("treeSize", treeSize);
        head.put("rootHash", rootHash);
        head.put("issuedAt", issuedAt.toString());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(head)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("a tree head that Jackson wrote is not JSON to the canonicaliser", e);
        }
    }
}

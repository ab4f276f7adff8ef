package org.onestop.keys.internal;

import java.time.Duration;
import java.util.Map;

import org.onestop.keys.PlatformKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the platform's public keys and lets a manager rotate them (access rules live in {@code access}). */
@RestController
final class PlatformKeysEndpoints {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final PlatformKeys keys;

    PlatformKeysEndpoints(PlatformKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicJwks());
    }

    @PostMapping("/api/v1/platform-keys:rotate")
    Map<String, String> rotate() {
        return Map.of("kid", keys.rotate());
    }
}

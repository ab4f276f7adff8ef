package org.onestop.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.keys.internal.FilePlatformKeys;

class PlatformKeysTests {

    @TempDir
    Path directory;

    private final Clock clock = Clock.systemUTC();

    @Test
    void publishes_no_private_key_parts() throws Exception {
        PlatformKeys keys = new FilePlatformKeys(directory.resolve("keys"), clock);

        JWKSet published = JWKSet.parse(keys.publicJwks());

        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(keys.publicJwks()).doesNotContain("\"d\"");
        assertThat(published.getKeys().get(0).getKeyID()).isEqualTo(keys.currentKeyId());
    }

    @Test
    void a_signature_verifies_against_the_published_key() throws Exception {
        PlatformKeys keys = new FilePlatformKeys(directory.resolve("keys"), clock);

        JWSObject jws = JWSObject.parse(keys.sign("{\"delivery\":\"d-1\"}"));
        JWK published = JWKSet.parse(keys.publicJwks()).getKeyByKeyId(jws.getHeader().getKeyID());

        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jws.verify(new ECDSAVerifier(published.toECKey()))).isTrue();
        assertThat(jws.getPayload().toString()).isEqualTo("{\"delivery\":\"d-1\"}");
    }

    @Test
    void rotation_keeps_the_old_key_published_and_signs_with_the_new_one() throws Exception {
        PlatformKeys keys = new FilePlatformKeys(directory.resolve("keys"), clock);
        String oldKid = keys.currentKeyId();
        String before = keys.sign("before".getBytes(StandardCharsets.UTF_8));

        String newKid = keys.rotate();

        JWKSet published = JWKSet.parse(keys.publicJwks());
        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(keys.currentKeyId());
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(oldKid, newKid);
        JWSObject after = JWSObject.parse(keys.sign("after".getBytes(StandardCharsets.UTF_8)));
        assertThat(after.getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(after.verify(new ECDSAVerifier(published.getKeyByKeyId(newKid).toECKey()))).isTrue();
        JWSObject old = JWSObject.parse(before);
        assertThat(old.verify(new ECDSAVerifier(published.getKeyByKeyId(oldKid).toECKey()))).isTrue();
    }

    @Test
    void the_key_file_is_owner_only_and_survives_a_restart() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        PlatformKeys first = new FilePlatformKeys(directory.resolve("keys"), clock);
        first.rotate();

        Path file = directory.resolve("keys").resolve("platform-jwks.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        PlatformKeys restarted = new FilePlatformKeys(directory.resolve("keys"), clock);
        assertThat(restarted.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(restarted.publicJwks()).isEqualTo(first.publicJwks());
        JWSObject signed = JWSObject.parse(restarted.sign("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.verify(new ECDSAVerifier(JWKSet.parse(first.publicJwks())
                .getKeyByKeyId(first.currentKeyId()).toECKey()))).isTrue();
    }
}

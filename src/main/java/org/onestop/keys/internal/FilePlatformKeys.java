package org.onestop.keys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.onestop.keys.PlatformKeys;

/**
 * Platform keys kept as a JWK set file ({@code keys/platform-jwks.json} under the data
 * directory), readable and writable by the owner only. The last key in the set is the current one.
 */
public final class FilePlatformKeys implements PlatformKeys {

    static final String FILE_NAME = "platform-jwks.json";

    private final Path file;
    private final Clock clock;
    private volatile JWKSet keys;
    /** The current key's header and signer, made once per key rather than once per signature (the signer is thread-safe). */
    private volatile Signing signing;

    private record Signing(String keyId, JWSHeader header, ECDSASigner signer) {
        static Signing with(ECKey key) {
            try {
                ECDSASigner signer = new ECDSASigner(key);
                signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
                return new Signing(key.getKeyID(), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), signer);
            } catch (JOSEException e) {
                throw new PlatformKeyException("cannot sign with platform key " + key.getKeyID(), e);
            }
        }
    }

    public FilePlatformKeys(Path keysDirectory, Clock clock) {
        this.file = keysDirectory.resolve(FILE_NAME);
        this.clock = clock;
        this.keys = Files.exists(file) ? load(file) : createFirst(keysDirectory);
        this.signing = Signing.with(current());
    }

    @Override
    public String sign(byte[] payload) {
        Signing current = signing;
        JWSObject jws = new JWSObject(current.header(), new Payload(payload));
        try {
            jws.sign(current.signer());
        } catch (JOSEException e) {
            throw new PlatformKeyException("could not sign with platform key " + current.keyId(), e);
        }
        return jws.serialize();
    }

    @Override
    public String sign(String json) {
        return sign(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String publicJwks() {
        return keys.toPublicJWKSet().toString();
    }

    @Override
    public synchronized String rotate() {
        List<JWK> all = new ArrayList<>(keys.getKeys());
        ECKey next = generate();
        all.add(next);
        JWKSet rotated = new JWKSet(all);
        write(file, rotated);
        keys = rotated;
        signing = Signing.with(next);
        return next.getKeyID();
    }

    @Override
    public String currentKeyId() {
        return signing.keyId();
    }

    private ECKey current() {
        List<JWK> all = keys.getKeys();
        return all.get(all.size() - 1).toECKey();
    }

    private JWKSet createFirst(Path directory) {
        try {
            createOwnerOnlyDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the platform key directory " + directory, e);
        }
        JWKSet first = new JWKSet(generate());
        write(file, first);
        return first;
    }

    private ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(clock.instant()))
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new PlatformKeyException("could not generate a platform key", e);
        }
    }

    private static JWKSet load(Path file) {
        try {
            JWKSet set = JWKSet.parse(Files.readString(file));
            if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(k -> !(k instanceof ECKey) || !k.isPrivate())) {
                throw new PlatformKeyException("the platform key file " + file + " must hold private EC keys", null);
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform key file " + file, e);
        } catch (ParseException e) {
            throw new PlatformKeyException("the platform key file " + file + " is not a JWK set", e);
        }
    }

    /** Writes a temporary owner-only file next to the target, then moves it into place. */
    private static void write(Path file, JWKSet set) {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            if (posix()) {
                Files.createFile(temporary, ownerOnly("rw-------"));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, set.toString(false));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the platform key file " + file, e);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}

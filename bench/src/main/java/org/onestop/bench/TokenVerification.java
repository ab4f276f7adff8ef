package org.onestop.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;

/**
 * What verifying one member token costs, per algorithm, on this JDK: parse and verify a compact
 * JWS as the platform does for every request.
 *
 * <pre>java -cp bench/target/onestop-bench.jar org.onestop.bench.TokenVerification</pre>
 */
public final class TokenVerification {

    public static void main(String[] args) throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSObject es256 = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"iss\":\"bench\"}"));
        es256.sign(new ECDSASigner(ec));
        JWSObject eddsa = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"iss\":\"bench\"}"));
        eddsa.sign(new Ed25519Signer(ed));
        String es256Text = es256.serialize();
        String eddsaText = eddsa.serialize();
        int n = 2000;
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JWSObject.parse(es256Text).verify(new ECDSAVerifier(ec.toECPublicKey()));
            }
            long es256Micros = (System.nanoTime() - start) / n / 1000;
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JWSObject.parse(eddsaText).verify(new Ed25519Verifier(ed.toPublicJWK()));
            }
            long eddsaMicros = (System.nanoTime() - start) / n / 1000;
            System.out.printf("round %d: ES256 verify %d us, EdDSA verify %d us%n", round, es256Micros, eddsaMicros);
        }
    }
}

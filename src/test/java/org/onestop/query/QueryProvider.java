package org.onestop.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * A register's query endpoint on a random port: answers plain JSON or JSON signed with its own key,
 * after a delay or with an error status, as told; records the queries it got.
 */
public final class QueryProvider implements AutoCloseable {

    /** How it answers now. */
    record Behaviour(int status, String json, boolean signed, Duration delay) {
    }

    private final HttpServer server;
    private final ECKey key;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;

    public QueryProvider(String keyId) {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Behaviour now = behaviour;
            sleep(now.delay());
            byte[] body = (now.signed() ? sign(now.json()) : now.json()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", now.signed() ? "application/jose" : "application/json");
            try {
                exchange.sendResponseHeaders(now.status(), body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException closedByCaller) {
                // the platform gave up waiting
            }
            exchange.close();
        });
        server.start();
        answering(200, "{}");
    }

    /** The endpoint base; the demo's address look-up is at {@code /queries/address-lookup} under it. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/register");
    }

    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public QueryProvider answering(int status, String json) {
        behaviour = new Behaviour(status, json, false, Duration.ZERO);
        return this;
    }

    public QueryProvider answeringSigned(String json) {
        behaviour = new Behaviour(200, json, true, Duration.ZERO);
        return this;
    }

    public QueryProvider answeringAfter(Duration delay, String json) {
        behaviour = new Behaviour(200, json, false, delay);
        return this;
    }

    public List<String> received() {
        return received;
    }

    private String sign(String json) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), new Payload(json));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

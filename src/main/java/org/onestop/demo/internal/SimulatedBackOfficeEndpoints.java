package org.onestop.demo.internal;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.onestop.keys.PlatformKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated back offices' receiving ends: pushed deliveries (a compact JWS by the platform,
 * checked against its published keys like a real receiver would) and the address register's
 * look-up. The bank is busy: it may answer 503 with Retry-After before it takes a delivery.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "onestop.demo.back-offices.enabled", havingValue = "true")
class SimulatedBackOfficeEndpoints {

    static final String BANK = "northbank";
    private static final int MAX_REFUSALS = 2;
    private static final Logger log = LoggerFactory.getLogger(SimulatedBackOfficeEndpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackOffices backOffices;
    private final SimulatedWork work;
    private final PlatformKeys platformKeys;
    private final double bankFailures;
    private final Map<String, Integer> bankRefusals = new ConcurrentHashMap<>();

    SimulatedBackOfficeEndpoints(BackOffices backOffices, SimulatedWork work, PlatformKeys platformKeys,
            @Value("${onestop.demo.back-offices.bank-failures:0.5}") double bankFailures) {
        this.backOffices = backOffices;
        this.work = work;
        this.platformKeys = platformKeys;
        this.bankFailures = bankFailures;
    }

    @PostMapping(BackOffices.PATH + "{organisation}")
    ResponseEntity<Void> receive(@PathVariable String organisation, @RequestBody(required = false) String body) {
        if (!backOffices.simulates(organisation)) {
            return ResponseEntity.notFound().build();
        }
        Optional<JsonNode> delivery = fromPlatform(body);
        if (delivery.isEmpty()) {
            log.warn("Demo back office {}: refused a push whose signature does not verify", organisation);
            return ResponseEntity.badRequest().build();
        }
        String id = delivery.get().path("deliveryId").asString();
        if (BANK.equals(organisation) && busy(id)) {
            log.info("Demo back office {}: busy, answering 503 (Retry-After 1 s) to delivery {}; the platform will retry",
                    organisation, id);
            return ResponseEntity.status(503).header("Retry-After", "1").build();
        }
        work.take(organisation, delivery.get());
        return ResponseEntity.accepted().build();
    }

    @PostMapping(value = BackOffices.PATH + "address-register/queries/address-lookup", produces = "application/jose")
    ResponseEntity<String> lookUpAddress(@RequestBody(required = false) String body) {
        Optional<JsonNode> query = fromPlatform(body);
        if (query.isEmpty() || !backOffices.simulates("address-register")) {
            return ResponseEntity.badRequest().build();
        }
        JsonNode request = query.get().path("request");
        String answer = JSON.writeValueAsString(SimulatedAddresses.lookUp(request.path("postcode").asString(),
                request.path("houseNumber").asString()));
        return ResponseEntity.ok().header("Content-Type", "application/jose").body(backOffices.sign("address-register", answer));
    }

    /** Sometimes, at most twice per delivery, the bank has no time. */
    private boolean busy(String deliveryId) {
        if (bankRefusals.getOrDefault(deliveryId, 0) >= MAX_REFUSALS || ThreadLocalRandom.current().nextDouble() >= bankFailures) {
            return false;
        }
        bankRefusals.merge(deliveryId, 1, Integer::sum);
        return true;
    }

    /** The payload of a JWS the platform signed, if it verifies with one of its published keys. */
    private Optional<JsonNode> fromPlatform(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JWSObject jws = JWSObject.parse(body.strip());
            JWK key = JWKSet.parse(platformKeys.publicJwks()).getKeyByKeyId(jws.getHeader().getKeyID());
            if (!(key instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec))) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(jws.getPayload().toString()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

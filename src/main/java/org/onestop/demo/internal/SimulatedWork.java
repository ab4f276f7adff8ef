package org.onestop.demo.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each simulated back office does with a delivery: after a short while (the bank takes
 * longer), it reports the step completed with realistic output through the real outcome API,
 * signed in as the organisation's own system.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.back-offices.enabled", havingValue = "true")
class SimulatedWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedWork.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackOffices backOffices;
    private final Duration delay;
    private final ScheduledExecutorService clerks = Executors.newScheduledThreadPool(2, work -> {
        Thread thread = new Thread(work, "demo-back-office");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    SimulatedWork(BackOffices backOffices, @Value("${onestop.demo.back-offices.delay:PT0.5S}") Duration delay) {
        this.backOffices = backOffices;
        this.delay = delay;
    }

    /** Takes a delivery on (once, whatever the retries) and schedules its outcome. */
    void take(String organisation, JsonNode delivery) {
        String id = delivery.path("deliveryId").asString();
        if (!taken.add(id)) {
            return;
        }
        String step = delivery.path("step").asString();
        ObjectNode output = output(organisation, step);
        if (output == null) {
            log.info("Demo back office {}: no simulated work for step {}; leaving delivery {} to the console", organisation,
                    step, id);
            return;
        }
        long millis = organisation.equals("northbank") ? delay.toMillis() * 4 : delay.toMillis();
        clerks.schedule(() -> complete(organisation, id, step, output), millis, TimeUnit.MILLISECONDS);
    }

    private void complete(String organisation, String deliveryId, String step, ObjectNode output) {
        // always completed: asking the applicant to correct would leave the demo case waiting for an applicant who never comes
        ObjectNode outcome = JSON.createObjectNode().put("status", "completed");
        outcome.set("output", output);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(backOffices.platform() + "/api/v1/deliveries/" + deliveryId + "/outcome"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + backOffices.token(organisation))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(outcome))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("Demo back office {}: completed {} with {}", organisation, step, output);
            } else {
                log.warn("Demo back office {}: the outcome of delivery {} was refused: HTTP {} {}", organisation, deliveryId,
                        response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            log.warn("Demo back office {}: could not report the outcome of delivery {}: {}", organisation, deliveryId,
                    e.toString());
            taken.remove(deliveryId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Realistic output for the demo's steps; {@code null} for a step the simulators do not know. */
    static ObjectNode output(String organisation, String step) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode output = JSON.createObjectNode();
        switch (step) {
            case "register-company" -> output.put("registryNumber", String.format("%08d", random.nextInt(10_000_000, 100_000_000)));
            case "tax-number" -> output.put("taxNumber", String.format("NL%09dB01", random.nextInt(100_000_000, 1_000_000_000)));
            case "trading-licence" -> output.put("licenceNumber", String.format("%s-%d-%06d",
                    organisation.endsWith("southport") ? "SP" : "NF", 2026, random.nextInt(1, 1_000_000)));
            case "business-account" -> output.put("iban", String.format("NL%02dNBNK%010d", random.nextInt(10, 100),
                    random.nextLong(1_000_000_000L, 10_000_000_000L)));
            default -> {
                return null;
            }
        }
        return output;
    }


    @Override
    public void destroy() {
        clerks.shutdownNow();
    }
}

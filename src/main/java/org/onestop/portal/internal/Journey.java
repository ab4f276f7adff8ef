package org.onestop.portal.internal;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * One applicant's way through one service, kept in the HTTP session: the answers, the pages
 * already saved, and an idempotency key fixed for the whole journey so that a second submit
 * cannot make a second application.
 */
final class Journey implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    final String service;
    final String idempotencyKey = "portal-" + UUID.randomUUID();
    final String principalId = "P-" + HexFormat.of().formatHex(bytes());
    final Answers answers = new Answers();
    final Set<String> saved = new LinkedHashSet<>();
    /** The platform-signed answers of registry queries made for this journey (the address look-up), attributed at submission. */
    final List<String> queryAnswers = new ArrayList<>();
    UUID applicationId;
    String reference;
    /** Shown once on the confirmation page, then forgotten. */
    String accessCode;

    private Journey(String service) {
        this.service = service;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    boolean submitted() {
        return applicationId != null;
    }

    static Journey of(HttpSession session, String service) {
        Journey journey = (Journey) session.getAttribute(key(service));
        if (journey == null) {
            journey = new Journey(service);
            session.setAttribute(key(service), journey);
        }
        return journey;
    }

    static Journey existing(HttpSession session, String service) {
        return (Journey) session.getAttribute(key(service));
    }

    /** Starts again after a submitted application, so that a new journey gets a new key. */
    static Journey fresh(HttpSession session, String service) {
        Journey journey = new Journey(service);
        session.setAttribute(key(service), journey);
        return journey;
    }

    private static String key(String service) {
        return "portal.journey." + service;
    }
}

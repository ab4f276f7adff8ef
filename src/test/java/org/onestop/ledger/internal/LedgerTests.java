package org.onestop.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.onestop.keys.PlatformKeys;
import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.Ledger;
import org.onestop.ledger.LedgerVerifier;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.onestop.testing.ApiClient;
import org.onestop.testing.OneStopTest;
import org.onestop.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The ledger over a real database and real HTTP: events become entries, checkpoints are signed,
 * proofs check out with the RFC 9162 algorithms; and the verifiers, local and remote, name the
 * first bad index when the tables are tampered with directly.
 */
@OneStopTest
class LedgerTests {

    @Value("${local.server.port}")
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    EventLog events;
    @Autowired
    LocalVerification verification;
    @Autowired
    LedgerStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformKeys keys;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;

    @Test
    void every_event_becomes_an_entry_and_its_inclusion_and_consistency_prove_over_the_api() {
        List<UUID> appended = append(25);
        Checkpoint first = ledger.checkpointNow();
        append(12);
        Checkpoint second = ledger.checkpointNow();
        assertThat(second.treeSize()).isEqualTo(first.treeSize() + 12);
        for (UUID id : appended) {
            assertThat(indexOf(id)).isBetween(0L, first.treeSize() - 1);
        }

        ApiClient anyone = ApiClient.anonymous(port);
        JsonNode latest = anyone.get("/api/v1/ledger/checkpoints/latest").json();
        assertThat(latest.path("treeSize").asLong()).isGreaterThanOrEqualTo(second.treeSize());
        JsonNode bySize = anyone.get("/api/v1/ledger/checkpoints/" + first.treeSize()).json();
        assertThat(bySize.path("rootHash").asString()).isEqualTo(first.rootHash());
        assertThat(bySize.path("signature").asString()).isEqualTo(first.signature());

        for (long index = 0; index < second.treeSize(); index++) {
            JsonNode proof = anyone.get("/api/v1/ledger/entries/" + index + "/inclusion?treeSize=" + second.treeSize()).json();
            assertThat(ProofCheck.inclusion(index, second.treeSize(), TreeHashes.fromHex(proof.path("leafHash").asString()),
                    hashes(proof.path("path")), TreeHashes.fromHex(second.rootHash()))).as("entry %d", index).isTrue();
        }
        JsonNode consistency = anyone.get("/api/v1/ledger/consistency?first=" + first.treeSize() + "&second=" + second.treeSize()).json();
        assertThat(ProofCheck.consistency(first.treeSize(), second.treeSize(), TreeHashes.fromHex(first.rootHash()),
                TreeHashes.fromHex(second.rootHash()), hashes(consistency.path("path")))).isTrue();

        ApiClient.Response unknown = anyone.get("/api/v1/ledger/entries/" + second.treeSize() + "/inclusion?treeSize=" + second.treeSize());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(anyone.get("/api/v1/ledger/checkpoints/999999999").status()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/ledger/consistency?first=x&second=2").status()).isEqualTo(400);
        assertThat(anyone.get("/api/v1/ledger/checkpoints?limit=5000").status()).isEqualTo(422);
    }

    @Test
    void the_leaf_is_the_hash_of_the_canonical_json_of_every_column() {
        UUID id = append(1).get(0);
        ledger.catchUp();
        String stored = jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE event_id = ?").param(id).query(String.class).single();
        LeafContent.EventRow row = jdbc.sql("SELECT * FROM event_log WHERE id = ?").param(id)
                .query((rs, n) -> LeafContent.read(rs)).single();
        String canonical = new String(LeafContent.canonical(row), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(canonical).startsWith("{\"actor\":\"tester\",\"applicationId\":null,\"attributes\":{\"n\":0,\"note\":\"ledger test\"},")
                .contains("\"id\":\"" + id + "\"", "\"type\":\"ledger-tested\"").matches(".*\"occurredAt\":\"[0-9T:.-]{26}Z\".*");
        assertThat(stored).isEqualTo(TreeHashes.hex(TreeHashes.leaf(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void the_verifier_names_an_old_event_whose_attribute_was_changed() {
        List<UUID> appended = append(20);
        ledger.checkpointNow();
        assertThat(verification.verify().ok()).isTrue();
        assertNamesTheChangedEvent(verification, appended.get(3));
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void the_verifier_reads_page_after_page_and_names_a_changed_event_pages_in() {
        List<UUID> appended = append(40);
        ledger.checkpointNow();
        // pages of 7 entries: the changed event lies several pages in, and the last page is partial
        LocalVerification inSmallPages = new LocalVerification(jdbc, store, keys,
                TestDatabase.onPostgres() ? new TransactionTemplate(transactionManager) : null, 7);
        Verdict clean = inSmallPages.verify();
        assertThat(clean.ok()).as(clean.report()).isTrue();
        assertThat(clean.entries()).isEqualTo(verification.verify().entries());
        assertNamesTheChangedEvent(inSmallPages, appended.get(31));
    }

    /** Changes an event's attributes behind the ledger's back, checks the verifier names it, and puts them back. */
    private void assertNamesTheChangedEvent(LocalVerification verifier, UUID victim) {
        String original = jdbc.sql("SELECT attributes FROM event_log WHERE id = ?").param(victim).query(String.class).single();
        jdbc.sql("UPDATE event_log SET attributes = CAST(? AS jsonb) WHERE id = ?").params("{\"n\": 99, \"note\": \"ledger test\"}", victim)
                .update();
        try {
            Verdict verdict = verifier.verify();
            assertThat(verdict.badIndex()).isEqualTo(indexOf(victim));
            assertThat(verdict.problem()).contains(victim.toString(), "does not match the leaf hash");
            assertThat(verdict.report()).startsWith("FAILED at index " + indexOf(victim));
        } finally {
            jdbc.sql("UPDATE event_log SET attributes = CAST(? AS jsonb) WHERE id = ?").params(original, victim).update();
        }
    }

    @Test
    void the_verifier_names_a_deleted_event_and_a_deleted_entry() {
        List<UUID> appended = append(20);
        ledger.checkpointNow();
        UUID victim = appended.get(7);
        long index = indexOf(victim);
        Map<String, Object> row = jdbc.sql("SELECT * FROM event_log WHERE id = ?").param(victim).query().singleRow();
        jdbc.sql("DELETE FROM event_log WHERE id = ?").param(victim).update();
        try {
            Verdict verdict = verification.verify();
            assertThat(verdict.badIndex()).isEqualTo(index);
            assertThat(verdict.problem()).contains(victim.toString(), "missing from event_log");
        } finally {
            jdbc.sql("INSERT INTO event_log (id, occurred_at, type, case_id, application_id, step, organisation, channel, actor, attributes) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(row.get("id"), row.get("occurred_at"), row.get("type"), row.get("case_id"), row.get("application_id"),
                            row.get("step"), row.get("organisation"), row.get("channel"), row.get("actor"), row.get("attributes").toString())
                    .update();
        }
        assertThat(verification.verify().ok()).isTrue();

        String leafHash = jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE entry_index = ?").param(index).query(String.class).single();
        jdbc.sql("DELETE FROM ledger_leaf WHERE entry_index = ?").param(index).update();
        try {
            Verdict verdict = verification.verify();
            assertThat(verdict.badIndex()).isEqualTo(index);
            assertThat(verdict.problem()).contains("entry " + index + " is missing from ledger_leaf");
        } finally {
            jdbc.sql("INSERT INTO ledger_leaf (entry_index, event_id, leaf_hash) VALUES (?, ?, ?)").params(index, victim, leafHash).update();
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void the_verifier_names_the_first_of_two_swapped_entries() {
        List<UUID> appended = append(20);
        ledger.checkpointNow();
        UUID a = appended.get(5);
        UUID b = appended.get(11);
        long ia = indexOf(a);
        swap(ia, indexOf(b), a, b);
        try {
            Verdict verdict = verification.verify();
            assertThat(verdict.badIndex()).isEqualTo(ia);
            assertThat(verdict.problem()).contains(b.toString(), "entries were swapped");
        } finally {
            swap(ia, indexOf(a), b, a);
        }
        assertThat(verification.verify().ok()).isTrue();

        // a careful forger swaps the leaf hashes too: the signed root gives it away
        Checkpoint covering = ledger.checkpointNow();
        String ha = leafHash(ia);
        String hb = leafHash(indexOf(b));
        long ib = indexOf(b);
        swap(ia, ib, a, b);
        setLeafHash(ia, hb);
        setLeafHash(ib, ha);
        try {
            Verdict verdict = verification.verify();
            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.badIndex()).isLessThanOrEqualTo(ia);
            assertThat(verdict.problem()).contains("differs from the root recomputed from the events");
        } finally {
            swap(ia, ib, b, a);
            setLeafHash(ia, ha);
            setLeafHash(ib, hb);
        }
        assertThat(covering.treeSize()).isGreaterThan(ib);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void the_verifiers_find_a_replaced_checkpoint() throws Exception {
        append(10);
        Checkpoint earlier = ledger.checkpointNow();
        append(10);
        Checkpoint victim = ledger.checkpointNow();
        assertThat(verification.verify().ok()).isTrue();
        assertThat(new RemoteVerification(base()).verify().ok()).isTrue();
        assertThat(LedgerVerifier.remote(base())).isZero();

        // forged: another key claiming the platform key's id, over another root
        String forgedRoot = TreeHashes.hex(TreeHashes.leaf("forged".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.currentKeyId()).build(),
                new Payload(CheckpointSigner.payload(victim.treeSize(), forgedRoot, victim.issuedAt())));
        forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        jdbc.sql("UPDATE ledger_checkpoint SET root_hash = ?, signature = ? WHERE tree_size = ?")
                .params(forgedRoot, forged.serialize(), victim.treeSize()).update();
        try {
            Verdict local = verification.verify();
            assertThat(local.problem()).contains("checkpoint of tree size " + victim.treeSize(), "signature does not verify");
            assertThat(local.badIndex()).isBetween(earlier.treeSize(), victim.treeSize() - 1);
            Verdict remote = new RemoteVerification(base()).verify();
            assertThat(remote.problem()).contains("checkpoint of tree size " + victim.treeSize(), "signature does not verify");
            assertThat(LedgerVerifier.remote(base())).isEqualTo(1);

            // re-signed with the real key over the wrong root: the signature holds, the root does not
            Checkpoint resigned = new CheckpointSigner(keys).sign(victim.treeSize(), TreeHashes.fromHex(forgedRoot), victim.issuedAt());
            jdbc.sql("UPDATE ledger_checkpoint SET signature = ? WHERE tree_size = ?").params(resigned.signature(), victim.treeSize())
                    .update();
            assertThat(verification.verify().problem()).contains("signed root " + forgedRoot + " differs");
            assertThat(new RemoteVerification(base()).verify().problem())
                    .contains("checkpoint of tree size " + victim.treeSize() + " is not consistent");
        } finally {
            jdbc.sql("UPDATE ledger_checkpoint SET root_hash = ?, signature = ? WHERE tree_size = ?")
                    .params(victim.rootHash(), victim.signature(), victim.treeSize()).update();
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void an_event_slipped_in_behind_the_platforms_back_is_found() {
        append(3);
        ledger.checkpointNow();
        UUID stray = Ids.newId(clock);
        jdbc.sql("INSERT INTO event_log (id, occurred_at, type, attributes) VALUES (?, ?, 'forged', CAST('{}' AS jsonb))")
                .params(stray, java.sql.Timestamp.from(clock.instant())).update();
        try {
            assertThat(verification.verify().problem()).contains(stray.toString(), "neither in the ledger nor queued");
        } finally {
            jdbc.sql("DELETE FROM event_log WHERE id = ?").param(stray).update();
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private List<UUID> append(int count) {
        List<UUID> ids = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID id = Ids.newId(clock);
                events.append(new Event(id, clock.instant().truncatedTo(ChronoUnit.MICROS), "ledger-tested", null, null, null,
                        "ledger-org", null, "tester", Map.of("n", i, "note", "ledger test")));
                ids.add(id);
            }
        });
        ledger.catchUp();
        return ids;
    }

    private long indexOf(UUID eventId) {
        return jdbc.sql("SELECT entry_index FROM ledger_leaf WHERE event_id = ?").param(eventId).query(Long.class).single();
    }

    private String leafHash(long index) {
        return jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE entry_index = ?").param(index).query(String.class).single();
    }

    private void setLeafHash(long index, String hash) {
        jdbc.sql("UPDATE ledger_leaf SET leaf_hash = ? WHERE entry_index = ?").params(hash, index).update();
    }

    /** Entry {@code first} holds event {@code a} and {@code second} holds {@code b}; afterwards the other way round. */
    private void swap(long first, long second, UUID a, UUID b) {
        jdbc.sql("UPDATE ledger_leaf SET event_id = ? WHERE entry_index = ?").params(UUID.randomUUID(), first).update();
        jdbc.sql("UPDATE ledger_leaf SET event_id = ? WHERE entry_index = ?").params(a, second).update();
        jdbc.sql("UPDATE ledger_leaf SET event_id = ? WHERE entry_index = ?").params(b, first).update();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(TreeHashes.fromHex(hash.asString())));
        return hashes;
    }
}

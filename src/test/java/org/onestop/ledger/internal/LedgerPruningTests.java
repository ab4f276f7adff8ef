package org.onestop.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.Ledger;
import org.onestop.ledger.internal.CompactRange.Subtree;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.onestop.testing.ApiClient;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pruning: old events lose their payloads, their leaf hashes stay; the verifiers still pass and
 * name pruned entries as pruned, proofs still work, the archive checks against the signed
 * checkpoints, and a changed kept leaf hash or an unvouched pruned mark is still found. A context
 * of its own (checkpoints only when asked for), since pruning changes what the verifier checks;
 * the tests run in order, each pruning what the one before left. Each takes its cut-off as it
 * starts and dates its recent events at the cut-off, so all the platform wrote before is older.
 */
@OneStopTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"onestop.ledger.checkpoint-interval=PT1H", "onestop.ledger.checkpoint-entries=1000000"})
class LedgerPruningTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    EventLog events;
    @Autowired
    LocalVerification verification;
    @Autowired
    Pruning pruning;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void pruned_entries_keep_their_leaf_hashes_so_the_tree_verifies_and_proves_and_the_archive_checks() throws Exception {
        long markBefore = prunedBelow();
        Instant cutOff = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant old = cutOff.minus(Duration.ofDays(30));
        List<UUID> first = append(12, old);
        Checkpoint covering = ledger.checkpointNow();
        List<UUID> oldButUnsigned = append(3, old);
        List<UUID> recent = append(4, cutOff);
        Checkpoint latest = ledger.checkpointNow();
        Map<UUID, String> leafHashes = new java.util.HashMap<>();
        for (UUID id : first) {
            leafHashes.put(id, leafHashOf(id));
        }

        Path archive = dir.resolve("ledger-archive.jsonl");
        Pruning.Result result = pruning.prune(cutOff, archive);

        // up to the last signed checkpoint whose entries all occurred before the cut-off
        assertThat(result.from()).isEqualTo(markBefore);
        assertThat(result.prunedBelow()).isEqualTo(covering.treeSize());
        assertThat(prunedBelow()).isEqualTo(covering.treeSize());
        assertThat(result.report()).contains("pruned entries " + markBefore + " to " + (covering.treeSize() - 1));
        for (UUID id : first) {
            assertThat(attributes(id)).as("payload of %s", id).isEqualTo("{}");
            assertThat(leafHashOf(id)).isEqualTo(leafHashes.get(id));
        }
        for (UUID id : concat(oldButUnsigned, recent)) {
            assertThat(JSON.readTree(attributes(id)).path("note").asString()).isEqualTo("pruning test");
        }

        // recorded in the ledger itself
        JsonNode recorded = JSON.readTree(jdbc.sql("SELECT attributes FROM event_log WHERE type = 'ledger-pruned' ORDER BY id DESC LIMIT 1")
                .query(String.class).single());
        assertThat(recorded.path("prunedBelow").asLong()).isEqualTo(covering.treeSize());
        assertThat(recorded.path("archive").asString()).isEqualTo("ledger-archive.jsonl");
        UUID pruningEvent = jdbc.sql("SELECT id FROM event_log WHERE type = 'ledger-pruned' ORDER BY id DESC LIMIT 1").query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_leaf WHERE event_id = ?").param(pruningEvent).query(Long.class).single())
                .isEqualTo(1);

        Verdict verdict = verification.verify();
        assertThat(verdict.ok()).as(verdict.report()).isTrue();
        assertThat(verdict.pruned()).isEqualTo(covering.treeSize());
        assertThat(verdict.report()).contains(covering.treeSize() + " of them pruned");
        assertThat(new RemoteVerification("http://localhost:" + port).verify().ok()).isTrue();

        // a pruned entry still proves against the latest checkpoint, with the hash the archive holds
        Checkpoint signed = ledger.latestCheckpoint().orElseThrow();
        long prunedIndex = indexOf(first.get(2));
        JsonNode proof = ApiClient.anonymous(port).get("/api/v1/ledger/entries/" + prunedIndex + "/inclusion?treeSize=" + signed.treeSize())
                .json();
        assertThat(proof.path("leafHash").asString()).isEqualTo(leafHashes.get(first.get(2)));
        List<byte[]> path = new ArrayList<>();
        proof.path("path").forEach(hash -> path.add(TreeHashes.fromHex(hash.asString())));
        assertThat(ProofCheck.inclusion(prunedIndex, signed.treeSize(), TreeHashes.fromHex(proof.path("leafHash").asString()), path,
                TreeHashes.fromHex(signed.rootHash()))).isTrue();

        checkArchive(archive, markBefore, covering);

        // a changed kept leaf hash shows at the signed checkpoint that covers it
        String kept = leafHash(prunedIndex);
        jdbc.sql("UPDATE ledger_leaf SET leaf_hash = ? WHERE entry_index = ?")
                .params(TreeHashes.hex(TreeHashes.leaf("forged".getBytes(StandardCharsets.UTF_8))), prunedIndex).update();
        try {
            Verdict tampered = verification.verify();
            assertThat(tampered.ok()).isFalse();
            assertThat(tampered.badIndex()).isLessThanOrEqualTo(prunedIndex);
            assertThat(tampered.problem()).contains("checkpoint of tree size " + covering.treeSize(), "differs from the root",
                    "are pruned");
        } finally {
            jdbc.sql("UPDATE ledger_leaf SET leaf_hash = ? WHERE entry_index = ?").params(kept, prunedIndex).update();
        }

        // a mark raised behind the platform's back is not vouched for by a ledger-pruned entry
        jdbc.sql("UPDATE ledger_state SET pruned_below = ? WHERE id = 1").param(latest.treeSize()).update();
        try {
            assertThat(verification.verify().problem()).contains("pruned_below is " + latest.treeSize(), "no ledger-pruned event");
        } finally {
            jdbc.sql("UPDATE ledger_state SET pruned_below = ? WHERE id = 1").param(covering.treeSize()).update();
        }

        // above the mark, a changed event is still named as changed
        UUID kept2 = recent.get(1);
        String original = attributes(kept2);
        jdbc.sql("UPDATE event_log SET attributes = CAST(? AS jsonb) WHERE id = ?").params("{\"n\": 99}", kept2).update();
        try {
            Verdict changed = verification.verify();
            assertThat(changed.badIndex()).isEqualTo(indexOf(kept2));
            assertThat(changed.problem()).contains("does not match the leaf hash");
        } finally {
            jdbc.sql("UPDATE event_log SET attributes = CAST(? AS jsonb) WHERE id = ?").params(original, kept2).update();
        }
        assertThat(verification.verify().ok()).isTrue();

        // nothing new to prune: nothing changes
        Pruning.Result again = pruning.prune(cutOff, null);
        assertThat(again.entries()).isZero();
        assertThat(prunedBelow()).isEqualTo(covering.treeSize());
    }

    @Test
    @Order(2)
    void the_command_prunes_and_then_verifies_and_refuses_bad_input() throws Exception {
        Instant cutOff = clock.instant().truncatedTo(ChronoUnit.MICROS);
        append(5, cutOff.minus(Duration.ofDays(10)));
        Checkpoint covering = ledger.checkpointNow();
        append(2, cutOff);
        ledger.checkpointNow();

        assertThat(run("ledger", "prune")).isEqualTo(2);
        assertThat(run("ledger", "prune", "--before", "last tuesday")).isEqualTo(2);
        assertThat(run("ledger", "prune", "--before", "2999-01-01")).isEqualTo(2);
        Path existing = Files.writeString(dir.resolve("taken.jsonl"), "x");
        assertThat(run("ledger", "prune", "--before", "2000-01-01", "--archive", existing.toString())).isEqualTo(2);
        assertThat(Files.readString(existing)).isEqualTo("x");

        Path archive = dir.resolve("by-command.jsonl");
        assertThat(run("ledger", "prune", "--before", cutOff.toString(), "--archive", archive.toString())).isZero();
        assertThat(prunedBelow()).isEqualTo(covering.treeSize());
        assertThat(Files.readAllLines(archive)).isNotEmpty();
        assertThat(run("ledger", "verify")).isZero();
        assertThat(verification.verify().pruned()).isEqualTo(covering.treeSize());
    }

    /** What anyone holding the archive can do: recompute each leaf, fold the tree from the frontier, meet the signed root. */
    private static void checkArchive(Path archive, long from, Checkpoint covering) throws Exception {
        List<String> lines = Files.readAllLines(archive);
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.path("from").asLong()).isEqualTo(from);
        assertThat(header.path("to").asLong()).isEqualTo(covering.treeSize());
        JsonNode last = header.path("checkpoints").get(header.path("checkpoints").size() - 1);
        assertThat(last.path("signature").asString()).isEqualTo(covering.signature());
        List<Subtree> frontier = new ArrayList<>();
        header.path("frontier").forEach(node -> frontier.add(new Subtree(node.path("level").asInt(), node.path("index").asLong(),
                TreeHashes.fromHex(node.path("hash").asString()))));
        CompactRange range = from == 0 ? CompactRange.empty() : CompactRange.resume(from, frontier);
        assertThat(lines).hasSize(1 + (int) (covering.treeSize() - from));
        for (String line : lines.subList(1, lines.size())) {
            JsonNode entry = JSON.readTree(line);
            int start = line.indexOf("\"event\":") + "\"event\":".length();
            byte[] canonical = line.substring(start, line.length() - 1).getBytes(StandardCharsets.UTF_8);
            byte[] leaf = TreeHashes.leaf(canonical);
            assertThat(TreeHashes.hex(leaf)).isEqualTo(entry.path("leafHash").asString());
            assertThat(entry.path("index").asLong()).isEqualTo(range.size());
            range.append(leaf);
        }
        assertThat(TreeHashes.hex(range.root())).isEqualTo(covering.rootHash());
    }

    /** The command as {@code java -jar onestop.jar ledger ...} runs it, over this test's database and keys. */
    private int run(String... args) {
        LedgerCommand command = new LedgerCommand(verification, pruning, clock);
        command.run(new DefaultApplicationArguments(args));
        return command.getExitCode();
    }

    private List<UUID> append(int count, Instant at) {
        List<UUID> ids = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID id = Ids.newId(clock);
                events.append(new Event(id, at, "pruning-tested", null, null, null, "ledger-org", null, "tester",
                        Map.of("n", i, "note", "pruning test")));
                ids.add(id);
            }
        });
        ledger.catchUp();
        return ids;
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long prunedBelow() {
        return jdbc.sql("SELECT pruned_below FROM ledger_state WHERE id = 1").query(Long.class).single();
    }

    private String attributes(UUID id) {
        return JSON.readTree(jdbc.sql("SELECT attributes FROM event_log WHERE id = ?").param(id).query(String.class).single()).toString();
    }

    private long indexOf(UUID eventId) {
        return jdbc.sql("SELECT entry_index FROM ledger_leaf WHERE event_id = ?").param(eventId).query(Long.class).single();
    }

    private String leafHashOf(UUID eventId) {
        return jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE event_id = ?").param(eventId).query(String.class).single();
    }

    private String leafHash(long index) {
        return jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE entry_index = ?").param(index).query(String.class).single();
    }
}

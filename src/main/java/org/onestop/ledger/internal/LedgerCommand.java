package org.onestop.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar onestop.jar ledger verify}: verifies the ledger in the configured database
 * (the remote form, {@code ledger verify --remote URL}, needs no database and runs before Spring
 * starts, see {@link RemoteVerification#run}). {@code ledger prune --before DATE [--archive FILE]}
 * removes the payloads of old events and keeps their leaf hashes (see {@link Pruning}).
 * Exit code 0 when all is good, 1 when something is wrong, 2 on misuse.
 */
@Component
@ConditionalOnProperty(name = "onestop.command", havingValue = "ledger")
class LedgerCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "usage: java -jar onestop.jar ledger verify [--remote URL]\n"
            + "       java -jar onestop.jar ledger prune --before DATE [--archive FILE]   (DATE: 2026-01-31 or 2026-01-31T00:00:00Z)";

    private final LocalVerification verification;
    private final Pruning pruning;
    private final Clock clock;
    private int exitCode;

    LedgerCommand(LocalVerification verification, Pruning pruning, Clock clock) {
        this.verification = verification;
        this.pruning = pruning;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> operands = args.getNonOptionArgs();
        if (operands.size() == 2 && "verify".equals(operands.get(1))) {
            long began = System.nanoTime();
            Verdict verdict = verification.verify();
            (verdict.ok() ? System.out : System.err).println(verdict.report());
            System.out.printf("(verified in %.1f s)%n", (System.nanoTime() - began) / 1e9);
            exitCode = verdict.ok() ? 0 : 1;
        } else if (operands.size() >= 2 && "prune".equals(operands.get(1))) {
            exitCode = prune(args.getSourceArgs());
        } else {
            System.err.println(USAGE);
            exitCode = 2;
        }
    }

    private int prune(String[] source) {
        String before = null;
        String archive = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < source.length; i++) {
            String arg = source[i];
            if (arg.equals("--before") || arg.equals("--archive")) {
                if (i + 1 >= source.length) {
                    return misuse(arg + " needs a value");
                }
                String value = source[++i];
                if (arg.equals("--before")) {
                    before = value;
                } else {
                    archive = value;
                }
            } else if (arg.startsWith("--before=")) {
                before = arg.substring("--before=".length());
            } else if (arg.startsWith("--archive=")) {
                archive = arg.substring("--archive=".length());
            } else if (!arg.startsWith("--")) {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            return misuse("ledger prune takes no operands besides its options");
        }
        if (before == null) {
            return misuse("ledger prune needs --before DATE");
        }
        Instant cutoff;
        try {
            cutoff = before.contains("T") ? Instant.parse(before) : LocalDate.parse(before).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return misuse("--before " + before + " is neither a date (2026-01-31) nor a UTC time (2026-01-31T00:00:00Z)");
        }
        if (cutoff.isAfter(clock.instant())) {
            return misuse("--before " + before + " is in the future");
        }
        Path archiveFile = archive == null ? null : Path.of(archive);
        if (archiveFile != null && Files.exists(archiveFile)) {
            return misuse("the archive " + archive + " exists already; name a new file");
        }
        Pruning.Result result = pruning.prune(cutoff, archiveFile);
        System.out.println(result.report());
        return 0;
    }

    private static int misuse(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        return 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

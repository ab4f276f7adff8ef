package org.onestop.ledger.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar onestop.jar ledger verify}: verifies the ledger in the configured database
 * (the remote form, {@code ledger verify --remote URL}, needs no database and runs before Spring
 * starts, see {@link RemoteVerification#run}). Exit code 0 when all is good, 1 when something is wrong, 2 on misuse.
 */
@Component
@ConditionalOnProperty(name = "onestop.command", havingValue = "ledger")
class LedgerCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "usage: java -jar onestop.jar ledger verify [--remote URL]";

    private final LocalVerification verification;
    private int exitCode;

    LedgerCommand(LocalVerification verification) {
        this.verification = verification;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> operands = args.getNonOptionArgs();
        if (operands.size() != 2 || !"verify".equals(operands.get(1))) {
            System.err.println(USAGE);
            exitCode = 2;
            return;
        }
        Verdict verdict = verification.verify();
        (verdict.ok() ? System.out : System.err).println(verdict.report());
        exitCode = verdict.ok() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

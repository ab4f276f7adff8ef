package org.onestop;

import java.util.Map;
import java.util.Set;

import org.onestop.ledger.LedgerVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneStop: public agencies and private partners co-deliver one integrated digital service.
 * Started plainly it serves the platform; {@code import FILE} and {@code export [FILE]} work on
 * the network definition and exit; {@code ledger verify [--remote URL]} verifies the ledger and exits;
 * {@code ledger prune --before DATE [--archive FILE]} removes old events' payloads, keeping their leaf hashes;
 * {@code generate-history} writes synthetic history and exits.
 */
@SpringBootApplication
@EnableScheduling
public class OneStopApplication {

    private static final Set<String> COMMANDS = Set.of("import", "export", "ledger", "generate-history");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OneStopApplication.class);
        if (args.length == 4 && "ledger".equals(args[0]) && "verify".equals(args[1]) && "--remote".equals(args[2])) {
            // from outside: public API and published keys only, no database, no application context
            System.exit(LedgerVerifier.remote(args[3]));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLogStartupInfo(false);
            // history is generated for the demo network, loaded first on an empty database
            String demo = String.valueOf("generate-history".equals(args[0]));
            application.setDefaultProperties(Map.of("onestop.command", args[0], "onestop.demo.enabled", demo,
                    "spring.main.banner-mode", "off", "logging.level.root", "WARN", "onestop.ledger.appending", "false"));
            ConfigurableApplicationContext context = application.run(args);
            System.exit(SpringApplication.exit(context));
        }
        application.run(args);
    }
}

package org.onestop;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneStop: public agencies and private partners co-deliver one integrated digital service.
 * Started plainly it serves the platform; {@code import FILE} and {@code export [FILE]} work on
 * the network definition and exit; {@code generate-history} writes synthetic history and exits.
 */
@SpringBootApplication
@EnableScheduling
public class OneStopApplication {

    private static final Set<String> COMMANDS = Set.of("import", "export", "generate-history");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OneStopApplication.class);
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLogStartupInfo(false);
            // history is generated for the demo network, loaded first on an empty database
            String demo = String.valueOf("generate-history".equals(args[0]));
            application.setDefaultProperties(Map.of("onestop.command", args[0], "onestop.demo.enabled", demo,
                    "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
            ConfigurableApplicationContext context = application.run(args);
            System.exit(SpringApplication.exit(context));
        }
        application.run(args);
    }
}

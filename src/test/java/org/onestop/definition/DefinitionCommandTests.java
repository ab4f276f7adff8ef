package org.onestop.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.OneStopApplication;
import org.onestop.testing.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar onestop.jar import FILE} and {@code export FILE}, against one database. */
class DefinitionCommandTests {

    @TempDir
    Path dir;

    @Test
    void imports_a_file_and_exports_it_back_from_the_command_line() throws Exception {
        String database = "cli" + System.nanoTime();
        Path input = dir.resolve("network.yaml");
        Files.writeString(input, NetworkDefinitionApiTests.demo());
        Path output = dir.resolve("exported.yaml");

        assertThat(run(database, "import", input.toString())).isZero();
        assertThat(run(database, "export", output.toString())).isZero();

        assertThat(Files.readString(output)).contains("code: start-a-business").contains("code: municipality-southport");
    }

    @Test
    void a_rejected_file_exits_non_zero() throws Exception {
        Path input = dir.resolve("broken.yaml");
        Files.writeString(input, "organisations:\n  - code: Not A Code\n");
        assertThat(run("cli" + System.nanoTime(), "import", input.toString())).isEqualTo(1);
    }

    private static int run(String database, String... args) {
        // command-line arguments outrank application.yml, as ONESTOP_DB_URL would for the real command
        List<String> arguments = new ArrayList<>(List.of(args));
        TestDatabase.properties(database).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OneStopApplication.class)
                .web(WebApplicationType.NONE)
                .properties("onestop.command=" + args[0], "onestop.demo.enabled=false", "onestop.data-dir=target/test-data",
                        "spring.main.banner-mode=off")
                .run(arguments.toArray(String[]::new));
        return SpringApplication.exit(context);
    }
}

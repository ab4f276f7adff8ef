package org.onestop.definition.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.ImportResult;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.platform.InvalidInput;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar onestop.jar import FILE} and {@code export [FILE]}: the network definition
 * from the command line, against the configured database, without starting the web server.
 */
@Component
@ConditionalOnExpression("'${onestop.command:}' matches 'import|export'")
class DefinitionCommand implements ApplicationRunner, ExitCodeGenerator {

    private final NetworkDefinitions definitions;
    private final String command;
    private int exitCode;

    DefinitionCommand(NetworkDefinitions definitions,
            @org.springframework.beans.factory.annotation.Value("${onestop.command}") String command) {
        this.definitions = definitions;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> operands = args.getNonOptionArgs().stream().skip(1).toList();
        PrintStream out = System.out;
        switch (command) {
            case "import" -> {
                if (operands.size() != 1) {
                    fail("usage: java -jar onestop.jar import FILE");
                    return;
                }
                Path file = Path.of(operands.get(0));
                if (!Files.isReadable(file)) {
                    fail("cannot read " + file);
                    return;
                }
                try {
                    ImportResult result = definitions.importText(Files.readString(file, StandardCharsets.UTF_8),
                            formatOf(file.toString()));
                    out.printf("Imported %d organisations, %d agreements, services %s%n", result.organisations(),
                            result.agreements(), result.serviceVersions());
                } catch (InvalidInput e) {
                    System.err.println(e.title() + ":");
                    e.violations().forEach(v -> System.err.println("  " + v));
                    exitCode = 1;
                }
            }
            case "export" -> {
                DefinitionFormat format = operands.isEmpty() ? DefinitionFormat.YAML : formatOf(operands.get(0));
                String text = definitions.exportText(format);
                if (operands.isEmpty()) {
                    out.print(text);
                } else {
                    Files.writeString(Path.of(operands.get(0)), text, StandardCharsets.UTF_8);
                    out.println("Exported the network to " + operands.get(0));
                }
            }
            default -> {
                // another module's command (the application dispatches only the commands it knows)
            }
        }
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 2;
    }

    private static DefinitionFormat formatOf(String name) {
        return name.endsWith(".json") ? DefinitionFormat.JSON : DefinitionFormat.YAML;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

package org.onestop.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the platform where to find it. */
@Component
@ConditionalOnWebApplication
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info("""

                ================================================================
                  OneStop is running at {}
                  Apply:    {}/
                  Console:  {}/console   (sign in at {}/sign-in)
                  API docs: {}/swagger-ui.html
                ================================================================""", base, base, base, base, base);
    }
}

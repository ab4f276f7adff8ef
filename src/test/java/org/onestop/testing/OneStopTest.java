package org.onestop.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-application test: the real server on a random port, over a database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onestop.demo.enabled=false", "onestop.data-dir=target/test-data",
                "onestop.admin.user=" + ApiClient.MANAGER, "onestop.admin.password=" + ApiClient.MANAGER_PASSWORD,
                "spring.security.user.name=" + ApiClient.MANAGER, "spring.security.user.password=" + ApiClient.MANAGER_PASSWORD,
                "spring.security.user.roles=MANAGER", "onestop.base-url=" + MemberSystem.AUDIENCE})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface OneStopTest {
}

package org.onestop.platform;

import org.springframework.context.annotation.Configuration;
import org.webjars.WebJarVersionLocator;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the GOV.UK Frontend fonts and images at {@code /assets/**}, where its stylesheet expects
 * them, together with OneStop's own small static files (in {@code static/assets}). Nothing comes
 * from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/",
                        "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/")
                .setCachePeriod(3600);
    }
}

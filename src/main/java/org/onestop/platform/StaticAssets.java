package org.onestop.platform;

import org.springframework.context.annotation.Configuration;
import org.webjars.WebJarVersionLocator;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the GOV.UK Frontend fonts and images at {@code /assets/**}, where its stylesheet expects
 * them, together with OneStop's own small static files (in {@code static/assets}), and its
 * favicon at {@code /favicon.ico}. Nothing comes from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String govukAssets = "classpath:/META-INF/resources/webjars/govuk-frontend/"
                + new WebJarVersionLocator().version("govuk-frontend") + "/dist/govuk/assets/";
        registry.addResourceHandler("/favicon.ico").addResourceLocations(govukAssets + "images/").setCachePeriod(86400);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/", govukAssets)
                .setCachePeriod(3600);
    }
}

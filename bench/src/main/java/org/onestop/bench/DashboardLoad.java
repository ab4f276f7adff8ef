package org.onestop.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Response times of the performance dashboards and their CSV downloads, signed in as a manager,
 * one request at a time (p50, p95, max over {@code --requests} per page after a warm-up); then the
 * OCEL 2.0 export read to the end, with its size and rate.
 *
 * <pre>java -cp bench/target/onestop-bench.jar org.onestop.bench.DashboardLoad \
 *     --url http://localhost:8090 --user admin --password secret --requests 50</pre>
 */
public final class DashboardLoad {

    private static final List<String> PAGES = List.of(
            "/console/performance?months=12",
            "/console/performance/process?months=12",
            "/console/performance/partners?months=12",
            "/console/performance?months=24",
            "/console/performance/kpis.csv?months=12&period=day",
            "/console/performance/steps.csv?months=12",
            "/console/performance/partners.csv?months=12");

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://localhost:8080");
        int requests = Integer.parseInt(options.getOrDefault("requests", "50"));
        boolean ocel = !"false".equals(options.get("ocel"));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        signIn(http, url, options.getOrDefault("user", "admin"), options.get("password"));

        System.out.printf("%-48s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms", "bytes");
        for (String page : PAGES) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + page)).timeout(Duration.ofMinutes(2)).build();
            for (int i = 0; i < 3; i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), page);
            }
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            long bytes = 0;
            for (int i = 0; i < requests; i++) {
                long began = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                histogram.recordValue((System.nanoTime() - began) / 1_000);
                check(response, page);
                bytes = response.body().length;
            }
            System.out.printf("%-48s %8.1f %8.1f %8.1f %8d%n", page, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(95) / 1000.0, histogram.getMaxValue() / 1000.0, bytes);
        }
        if (ocel) {
            long began = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url + "/console/performance/ocel.json"))
                    .timeout(Duration.ofHours(1)).build(), HttpResponse.BodyHandlers.ofInputStream());
            long first = 0;
            long total = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (total == 0 && read > 0) {
                        first = System.nanoTime();
                    }
                    total += read;
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("OCEL 2.0 export: status %d, %,d bytes in %.1f s (%.1f MB/s), first bytes after %.2f s%n",
                    response.statusCode(), total, seconds, total / 1e6 / seconds, (first - began) / 1e9);
        }
    }

    private static void check(HttpResponse<?> response, String page) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + response.statusCode());
        }
    }

    /** Form sign-in with the page's CSRF token; the session cookie stays in the client's cookie manager. */
    private static void signIn(HttpClient http, String url, String user, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        String form = "username=" + encode(user) + "&password=" + encode(password)
                + (token.find() ? "&_csrf=" + encode(token.group(1)) : "");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

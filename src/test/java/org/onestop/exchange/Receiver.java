package org.onestop.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A back office's receiving system on a random port: answers with the statuses it is told, records what it got. */
public final class Receiver implements AutoCloseable {

    public record Received(String idempotencyKey, String contentType, String body, long atMillis) {
    }

    /** One scripted answer: a status and, optionally, a Retry-After value. */
    public record Answer(int status, String retryAfter) {
        public static Answer of(int status) {
            return new Answer(status, null);
        }
    }

    private final HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer otherwise = Answer.of(200);

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
                    System.currentTimeMillis()));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onestop/work");
    }

    public Receiver answering(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public Receiver otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A WebSocket client for tests: sends requests, waits for their responses, and keeps every pushed message. */
final class TestClient implements AutoCloseable
{
    private static final long WAIT_SECONDS = 10;

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile String closeReason;
    private volatile Short closeCode;

    TestClient(final Vertx vertx, final int port) throws Exception
    {
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 24).setMaxMessageSize(1 << 24));
        // Handlers first: the server may speak before connect() returns (e.g. a connection-limit refusal).
        final ClientWebSocket webSocket = client.webSocket();
        webSocket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
        webSocket.closeHandler(ignored ->
        {
            closeCode = webSocket.closeStatusCode();
            closeReason = String.valueOf(webSocket.closeReason());
        });
        socket = webSocket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
            .await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    WebSocket socket()
    {
        return socket;
    }

    void sendRaw(final String text)
    {
        socket.writeTextMessage(text);
    }

    /** Sends {@code request} with a fresh id and returns its response (pushed messages meanwhile are kept). */
    JsonObject request(final JsonObject request) throws InterruptedException
    {
        final int id = nextId.getAndIncrement();
        socket.writeTextMessage(request.copy().put("id", id).encode());
        return await(message -> Integer.valueOf(id).equals(message.getValue("id")));
    }

    JsonObject ok(final JsonObject request) throws InterruptedException
    {
        final JsonObject response = request(request);
        assertThat(response.getBoolean("ok")).as("response to %s: %s", request, response).isTrue();
        return response.getJsonObject("result");
    }

    void login(final String key) throws InterruptedException
    {
        ok(new JsonObject().put("op", "login").put("key", key));
    }

    /** The first message (seen before or arriving within the wait) matching {@code test}; it is consumed. */
    JsonObject await(final Predicate<JsonObject> test) throws InterruptedException
    {
        for (int i = 0; i < seen.size(); i++)
        {
            if (test.test(seen.get(i)))
            {
                return seen.remove(i);
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            final JsonObject message = inbox.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (message == null)
            {
                throw new AssertionError("no matching message within " + WAIT_SECONDS + " s; unmatched: " + seen);
            }
            if (test.test(message))
            {
                return message;
            }
            seen.add(message);
        }
    }

    /** Every message received so far, consumed. */
    List<JsonObject> drain()
    {
        inbox.drainTo(seen);
        final List<JsonObject> all = new ArrayList<>(seen);
        seen.clear();
        return all;
    }

    /** The close code the server sent, or null (none yet, or the connection ended without a close frame). */
    Short closeCode()
    {
        return closeCode;
    }

    String closeReason()
    {
        return closeReason;
    }

    boolean isClosed()
    {
        return socket.isClosed();
    }

    @Override
    public void close()
    {
        socket.close();
        client.close();
    }
}

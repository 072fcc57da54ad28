package com.offpeak.gateway.e2e;

import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.server.GatewayServer;
import com.offpeak.gateway.ws.Limits;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The real exchange (pipeline, journals, gateway) on a temp data directory and a random loopback port. */
final class TestExchange implements AutoCloseable
{
    private final GatewayServer server;
    private final Vertx clientVertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String adminKey;
    private final AtomicLong idempotencyKeys = new AtomicLong();

    TestExchange(final Path dataDir, final Limits limits) throws Exception
    {
        this(GatewayConfig.defaults(dataDir).withPort(0).withLimits(limits));
    }

    TestExchange(final GatewayConfig config) throws Exception
    {
        server = GatewayServer.start(config);
        adminKey = server.keys().create(999, Role.ADMIN, 0);
    }

    TestExchange(final Path dataDir) throws Exception
    {
        this(dataDir, Limits.defaults());
    }

    GatewayServer server()
    {
        return server;
    }

    /** A trader key for {@code account}, funded with {@code usd} when positive. */
    String trader(final long account, final String usd) throws Exception
    {
        final String key = server.keys().create(account, Role.TRADER, 0);
        if (usd != null)
        {
            final JsonObject body = new JsonObject().put("account", account).put("amount", usd)
                .put("idempotencyKey", idempotencyKeys.incrementAndGet());
            final Response response = post("/api/admin/deposit", adminKey, body.encode());
            if (response.status() != 200)
            {
                throw new IllegalStateException("deposit failed: " + response.body());
            }
        }
        return key;
    }

    String adminKey()
    {
        return adminKey;
    }

    TestClient connect() throws Exception
    {
        return new TestClient(clientVertx, server.port());
    }

    record Response(int status, String body)
    {
        JsonObject json()
        {
            return new JsonObject(body);
        }
    }

    Response get(final String path, final String bearer) throws Exception
    {
        return call("GET", path, bearer, null);
    }

    Response post(final String path, final String bearer, final String body) throws Exception
    {
        return call("POST", path, bearer, body);
    }

    private Response call(final String method, final String path, final String bearer, final String body) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null)
        {
            request.header("Authorization", "Bearer " + bearer);
        }
        final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    @Override
    public void close()
    {
        server.close();
        clientVertx.close();
    }
}

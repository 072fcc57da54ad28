package com.offpeak.gateway.e2e;

import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.server.GatewayServer;
import com.offpeak.gateway.ws.Limits;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The real exchange (pipeline, journals, gateway) on a temp data directory and a random loopback port. */
final class TestExchange implements AutoCloseable
{
    private final GatewayServer server;
    private final Vertx clientVertx = Vertx.vertx();
    private final HttpClient http = clientVertx.createHttpClient();
    private final String adminKey;
    private final AtomicLong idempotencyKeys = new AtomicLong();

    TestExchange(final Path dataDir, final Limits limits) throws Exception
    {
        server = GatewayServer.start(GatewayConfig.defaults(dataDir).withPort(0).withLimits(limits));
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
        return call(HttpMethod.GET, path, bearer, null);
    }

    Response post(final String path, final String bearer, final String body) throws Exception
    {
        return call(HttpMethod.POST, path, bearer, body);
    }

    private Response call(final HttpMethod method, final String path, final String bearer, final String body) throws Exception
    {
        final RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.port()).setURI(path);
        if (bearer != null)
        {
            options.putHeader("Authorization", "Bearer " + bearer);
        }
        return http.request(options)
            .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
            .compose(response -> response.body().map(bytes -> new Response(response.statusCode(), bytes.toString())))
            .await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close()
    {
        server.close();
        clientVertx.close();
    }
}

package com.offpeak.gateway.browser;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol on a Vert.x WebSocket: no
 * Selenium, nothing downloaded. Opens one page, navigates, evaluates expressions.
 */
final class HeadlessChromium implements AutoCloseable
{
    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client;
    private final WebSocket page;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();

    HeadlessChromium() throws Exception
    {
        profile = Files.createTempDirectory("offpeak-chromium-");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--remote-allow-origins=*", "--window-size=1400,900", "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        final URI browser = URI.create(devToolsUrl());
        // Kept in a field: Vert.x closes a client, and its connections, once the client is unreachable.
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20));
        final URI pageUrl = URI.create(firstPage(browser));
        page = client.connect(pageUrl.getPort(), "127.0.0.1", pageUrl.getPath()).await(20, TimeUnit.SECONDS);
        page.textMessageHandler(text ->
        {
            final JsonObject message = new JsonObject(text);
            final CompletableFuture<JsonObject> answer = message.containsKey("id") ? waiting.remove(message.getInteger("id")) : null;
            if (answer != null)
            {
                answer.complete(message);
            }
        });
    }

    static boolean installed()
    {
        return Files.isExecutable(BINARY);
    }

    void navigate(final String url) throws Exception
    {
        call("Page.navigate", new JsonObject().put("url", url));
    }

    /** The value of a JavaScript expression in the page (strings, numbers, booleans). */
    Object evaluate(final String expression) throws Exception
    {
        final JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression).put("returnByValue", true));
        final JsonObject value = result.getJsonObject("result").getJsonObject("result");
        return value.getValue("value");
    }

    /** Polls {@code expression} until it is true; false after {@code seconds}. */
    boolean waitFor(final String expression, final int seconds) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline)
        {
            if (Boolean.TRUE.equals(evaluate(expression)))
            {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private JsonObject call(final String method, final JsonObject params) throws Exception
    {
        final int id = nextId.getAndIncrement();
        final CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        page.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
        final JsonObject response = answer.get(20, TimeUnit.SECONDS);
        if (response.containsKey("error"))
        {
            throw new IllegalStateException(method + " failed: " + response.getJsonObject("error"));
        }
        return response;
    }

    private String devToolsUrl() throws IOException, InterruptedException
    {
        final CompletableFuture<String> url = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = err.readLine()) != null)
                {
                    final Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find())
                    {
                        url.complete(matcher.group(1));
                    }
                }
            }
            catch (final IOException e)
            {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try
        {
            return url.get(30, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("chromium did not start its DevTools endpoint", e);
        }
    }

    private static String firstPage(final URI browser) throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            final String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + browser.getPort() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            final JsonArray targets = new JsonArray(body);
            for (int i = 0; i < targets.size(); i++)
            {
                if ("page".equals(targets.getJsonObject(i).getString("type")))
                {
                    return targets.getJsonObject(i).getString("webSocketDebuggerUrl");
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium opened no page");
    }

    @Override
    public void close() throws Exception
    {
        vertx.close();
        // Chromium's helper processes (network service, renderers) outlive the browser for a moment
        // and keep writing into the profile, so they go first, and the walk tolerates files that vanish.
        final List<ProcessHandle> helpers = process.descendants().toList();
        helpers.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (final ProcessHandle helper : helpers)
        {
            helper.onExit().get(5, TimeUnit.SECONDS);
        }
        Files.walkFileTree(profile, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(final Path file, final IOException e)
            {
                return FileVisitResult.CONTINUE; // gone already
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException e) throws IOException
            {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments under concurrent load, five times over the same data directory: every
 * acknowledged input survives, with the identity its producer gave it, and recovery (snapshot +
 * replay) reaches exactly the state of a clean replay of the journal, with every invariant holding.
 */
class CrashRecoveryTest
{
    private static final int ROUNDS = 5;
    private static final long SEED = 20261125;

    @TempDir
    Path data;

    @Test
    void acknowledgedInputsSurviveSigkill() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final Map<Long, long[]> acknowledged = new ConcurrentHashMap<>();
        for (int round = 1; round <= ROUNDS; round++)
        {
            final int killAfterAcks = 1_500 + random.nextInt(6_000);
            final Round result = runAndKill(round, killAfterAcks, random.nextInt(100));
            assertThat(result.acks.size()).as("seed %d round %d: acknowledged before the kill", SEED, round).isGreaterThan(1_000);
            assertThat(result.inFlight()).as("seed %d round %d: submitted but not acknowledged at the kill", SEED, round).isPositive();
            for (final Map.Entry<Long, Long> ack : result.acks.entrySet())
            {
                acknowledged.put(ack.getValue(), result.submitted.get(ack.getKey()));
            }
            assertRecovered(round, acknowledged);
        }
    }

    private Round runAndKill(final int round, final int killAfterAcks, final int extraMillis) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmFlags()));
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "com.offpeak.cli.Offpeak", "run-pipeline",
            "--data", data.toString(), "--producers", "8", "--seed", Integer.toString(round), "--snapshot-every", "3000"));
        final Process child = new ProcessBuilder(command).redirectError(data.resolveSibling(data.getFileName() + "-child.log").toFile())
            .start();
        final Round result = new Round();
        final Thread reader = new Thread(() -> result.read(child.getInputStream()), "child-stdout");
        reader.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (result.ackCount.get() < killAfterAcks && child.isAlive() && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        Thread.sleep(extraMillis);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        child.waitFor();
        reader.join();
        return result;
    }

    private void assertRecovered(final int round, final Map<Long, long[]> acknowledged) throws Exception
    {
        final long recoveredHash;
        final long recoveredSequence;
        try (Pipeline restarted = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), Load.EXCHANGE))
        {
            recoveredHash = restarted.recovered().stateMachine().stateHash();
            recoveredSequence = restarted.recovered().lastSequence();
            restarted.recovered().stateMachine().validate();
        }
        final long[] identity = new long[2];
        final AtomicInteger found = new AtomicInteger();
        try (JournalReplay clean = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            clean.toEnd((input, output, length) ->
            {
                final long[] expected = acknowledged.get(input.sequence);
                if (expected != null)
                {
                    final boolean cash = !input.type.isEngineCommand();
                    identity[0] = cash ? input.account : input.command.account;
                    identity[1] = cash ? input.idempotencyKey : input.command.clientOrderId;
                    assertThat(identity).as("seed %d round %d: input %d", SEED, round, input.sequence).containsExactly(expected);
                    found.incrementAndGet();
                }
            });
            assertThat(clean.lastSequence()).as("seed %d round %d", SEED, round).isEqualTo(recoveredSequence);
            assertThat(clean.stateMachine().stateHash()).as("seed %d round %d: recovered vs clean replay", SEED, round)
                .isEqualTo(recoveredHash);
        }
        assertThat(found.get()).as("seed %d round %d: acknowledged inputs in the journal", SEED, round).isEqualTo(acknowledged.size());
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 5_000, sequence -> { })).as("seed %d round %d", SEED, round).isNull();
    }

    private static String[] jvmFlags() throws IOException
    {
        try (InputStream in = CrashRecoveryTest.class.getResourceAsStream("/offpeak-jvm.flags"))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
        }
    }

    /** What the child said before it died: submissions by correlation id, acknowledgements as correlation id → sequence. */
    private static final class Round
    {
        final Map<Long, long[]> submitted = new ConcurrentHashMap<>();
        final Map<Long, Long> acks = new ConcurrentHashMap<>();
        final AtomicInteger ackCount = new AtomicInteger();

        void read(final InputStream stdout)
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8)))
            {
                for (String line = lines.readLine(); line != null; line = lines.readLine())
                {
                    final String[] f = line.split(" ");
                    if (f[0].equals("S") && f.length == 4)
                    {
                        submitted.put(Long.parseLong(f[1]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                    }
                    else if (f[0].equals("A") && f.length == 3)
                    {
                        acks.put(Long.parseLong(f[2]), Long.parseLong(f[1]));
                        ackCount.incrementAndGet();
                    }
                }
            }
            catch (final IOException e)
            {
                // the pipe closes when the child is killed
            }
        }

        long inFlight()
        {
            return submitted.keySet().stream().filter(correlation -> !acks.containsKey(correlation)).count();
        }
    }
}

package com.lineguard.bench.alerts;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Part 3: panic button latency, from sending {@code POST /alerts/emergency} to (a) the SSE {@code alert} event on
 * {@code /stream/dispatch} and (b) the Kafka record on {@code safety.alerts.v1}, while a background load of
 * arm + cancel pairs runs open loop at a set rate of commands per second.
 */
final class PanicLatency {

    static final String TOPIC = "safety.alerts.v1";
    private static final int BACKGROUND_CREWS = 2_000;
    private static final int PANIC_CREWS = 50;
    /** Open loop up to this many pairs in flight; beyond it a pair is skipped (and counted), not queued. */
    static final int MAX_PAIRS_IN_FLIGHT = 64;

    record Result(int backgroundTarget, int panics, long panicErrors, Distribution toDispatchStream, Distribution toKafka, int missedStream,
                  int missedKafka, double backgroundRate, long backgroundErrors, long backgroundSkipped,
                  Distribution panicResponse) {
    }

    private final Lineguard lineguard;
    private final String kafkaBootstrap;

    PanicLatency(Lineguard lineguard, String kafkaBootstrap) {
        this.lineguard = lineguard;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    Result run(int panicsPerSecond, int seconds, int backgroundCommandsPerSecond) throws Exception {
        String[] panicTokens = lineguard.crewTokens("bench-panic-", PANIC_CREWS);
        Map<String, Long> seenOnStream = new ConcurrentHashMap<>();
        Map<String, Long> seenOnKafka = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread stream = listenToDispatchStream(seenOnStream, listening);
        Thread kafka = listenToKafka(seenOnKafka, listening);

        Progress.say("panic: warm-up with background load of %d commands/s, 10 s", backgroundCommandsPerSecond);
        Background background = new Background(backgroundCommandsPerSecond);
        background.start();
        Thread.sleep(10_000);
        long backgroundBefore = background.completed.get();
        long backgroundStart = System.nanoTime();

        Progress.say("panic: %d panics/s for %d s under %d commands/s", panicsPerSecond, seconds,
                backgroundCommandsPerSecond);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> responseMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicLong panicErrors = new AtomicLong();
        int panics = panicsPerSecond * seconds;
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(panics);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= panics) {
                return;
            }
            long t0 = System.nanoTime();
            lineguard.sendAsync(lineguard.emergency(panicTokens[i % PANIC_CREWS], i)).thenAccept(raised -> {
                responseMicros.add((System.nanoTime() - t0) / 1000);
                if (raised.ok() && raised.alertId() != null) {
                    sentAt.put(raised.alertId(), t0);
                } else {
                    Progress.firstError(panicErrors, "emergency", raised);
                }
                answered.countDown();
            });
        }, 0, 1_000_000 / panicsPerSecond, TimeUnit.MICROSECONDS);
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        pacer.shutdownNow();
        Thread.sleep(5_000); // the last panics' stream events and Kafka records
        double backgroundRate = (background.completed.get() - backgroundBefore) / ((System.nanoTime() - backgroundStart) / 1e9);
        background.stop();
        listening.set(false);
        stream.interrupt();
        kafka.join(5_000);

        String load = ", " + backgroundCommandsPerSecond + " commands/s";
        return new Result(backgroundCommandsPerSecond, sentAt.size(), panicErrors.get(),
                Distribution.of("SSE alert on /stream/dispatch" + load, latencies(sentAt, seenOnStream)),
                Distribution.of("Kafka record on " + TOPIC + load, latencies(sentAt, seenOnKafka)),
                missing(sentAt, seenOnStream), missing(sentAt, seenOnKafka), backgroundRate, background.errors.get(),
                background.skipped.get(),
                Distribution.of("HTTP answer to POST /alerts/emergency" + load, responseMicros));
    }

    private static List<Long> latencies(Map<String, Long> sentAt, Map<String, Long> seenAt) {
        List<Long> micros = new ArrayList<>();
        sentAt.forEach((alertId, sent) -> {
            Long seen = seenAt.get(alertId);
            if (seen != null) {
                micros.add((seen - sent) / 1000);
            }
        });
        return micros;
    }

    private static int missing(Map<String, Long> sentAt, Map<String, Long> seenAt) {
        List<String> missed = sentAt.keySet().stream().filter(id -> !seenAt.containsKey(id)).toList();
        if (!missed.isEmpty()) {
            Progress.say("not seen: %d, for instance %s", missed.size(), missed.subList(0, Math.min(5, missed.size())));
        }
        return missed.size();
    }

    /** Notes when each emergency first appears on the dispatch stream; returns once the stream is connected. */
    private Thread listenToDispatchStream(Map<String, Long> seenAt, AtomicBoolean listening) throws Exception {
        String token = lineguard.devToken("bench-dispatcher", "dispatcher");
        CountDownLatch connected = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = lineguard.http.send(lineguard.request("/api/v1/stream/dispatch")
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                connected.countDown();
                String event = "";
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (!listening.get()) {
                        break;
                    }
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && event.equals("alert") && line.contains("\"EMERGENCY\"")) {
                        long now = System.nanoTime();
                        seenAt.putIfAbsent(alertId(line), now);
                    } else if (line.isEmpty()) {
                        event = "";
                    }
                }
                response.body().close();
            } catch (Exception e) {
                if (listening.get()) {
                    Progress.say("dispatch stream: %s", e);
                }
            }
        }, "dispatch-stream");
        thread.setDaemon(true);
        thread.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the dispatch stream did not answer in 30 s");
        }
        return thread;
    }

    /** Notes when each emergency's first record arrives on safety.alerts.v1, read from the end of every partition. */
    private Thread listenToKafka(Map<String, Long> seenAt, AtomicBoolean listening) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (record.value() != null && record.value().contains("lineguard.alert.emergency-raised")) {
                            seenAt.putIfAbsent(record.key(), now);
                        }
                    }
                }
            }
        }, "kafka-listener");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String alertId(String dataLine) {
        int at = dataLine.indexOf("\"alertId\"");
        int start = dataLine.indexOf('"', dataLine.indexOf(':', at) + 1) + 1;
        return dataLine.substring(start, dataLine.indexOf('"', start));
    }

    /**
     * Arm + cancel pairs, sent open loop at the set rate of commands per second (none at 0), each pair by one of
     * {@value #BACKGROUND_CREWS} crew members in turn.
     */
    private final class Background {
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final int commandsPerSecond;
        private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger pairs = new AtomicInteger();

        Background(int commandsPerSecond) {
            this.commandsPerSecond = commandsPerSecond;
        }

        void start() throws Exception {
            if (commandsPerSecond == 0) {
                return;
            }
            String[] tokens = lineguard.crewTokens("bench-background-", BACKGROUND_CREWS);
            long pairIntervalMicros = 2_000_000L / commandsPerSecond;
            int maxPairs = 3600 * commandsPerSecond / 2; // an hour's worth at most, whatever happens
            pacer.scheduleAtFixedRate(() -> {
                int pair = pairs.getAndIncrement();
                if (pair >= maxPairs) {
                    return;
                }
                if (inFlight.incrementAndGet() > MAX_PAIRS_IN_FLIGHT) {
                    inFlight.decrementAndGet();
                    skipped.incrementAndGet();
                    return;
                }
                int crew = pair % tokens.length;
                lineguard.sendAsync(lineguard.armTimer(tokens[crew], 3600, crew)).thenCompose(armed -> {
                    completed.incrementAndGet();
                    if (!armed.ok() || armed.alertId() == null) {
                        Progress.firstError(errors, "background arm", armed);
                        return CompletableFuture.<Lineguard.Answer>completedFuture(null);
                    }
                    return lineguard.sendAsync(lineguard.cancel(tokens[crew], armed.alertId()));
                }).thenAccept(cancelled -> {
                    inFlight.decrementAndGet();
                    if (cancelled == null) {
                        return;
                    }
                    completed.incrementAndGet();
                    if (!cancelled.ok()) {
                        Progress.firstError(errors, "background cancel", cancelled);
                    }
                });
            }, 0, pairIntervalMicros, TimeUnit.MICROSECONDS);
        }

        void stop() {
            pacer.shutdownNow();
        }
    }
}

package com.lineguard.standalone.kafka;

import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar lineguard.jar watch <topic> [--bootstrap-servers=host:port]}: prints every message of a topic from
 * its beginning and then as it arrives, one line each ({@code partition:offset key value}), until stopped. It joins no
 * consumer group, so watching never takes messages from the bridge or commits offsets for anybody.
 */
public final class TopicWatch {

    public static final String COMMAND = "watch";
    private static final String BOOTSTRAP_OPTION = "--bootstrap-servers=";

    private TopicWatch() {
    }

    public static void main(String[] args) {
        // No Spring here to configure logging: keep the Kafka client's chatter out of the messages.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String topic = null;
        String bootstrapServers = "localhost:" + OwnKafkaBrokerLauncher.DEFAULT_PORT;
        for (String arg : args) {
            if (arg.startsWith(BOOTSTRAP_OPTION)) {
                bootstrapServers = arg.substring(BOOTSTRAP_OPTION.length());
            } else {
                topic = arg;
            }
        }
        if (topic == null) {
            System.err.println("usage: java -jar lineguard.jar watch <topic> [--bootstrap-servers=host:port]");
            System.exit(2);
        }
        System.exit(watch(topic, bootstrapServers, System.out));
    }

    static int watch(String topic, String bootstrapServers, PrintStream out) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                System.err.println("No topic " + topic + " at " + bootstrapServers);
                return 1;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            System.err.println("Watching " + topic + " at " + bootstrapServers + " (" + assigned.size()
                    + " partitions); Ctrl-C to stop");
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(record.partition() + ":" + record.offset() + " " + record.key() + " " + record.value());
                }
                out.flush();
            }
        }
        return 0;
    }
}

package com.lineguard.standalone.kafka;

import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.lineguard.standalone.cli.LineguardCli;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar lineguard.jar watch <topic> [--bootstrap-servers=host:port]}: prints every message of a topic from
 * its beginning and then as it arrives, one line each ({@code partition:offset key value}), until stopped. It joins no
 * consumer group, so watching never takes messages from the bridge or commits offsets for anybody.
 */
@Command(name = "watch",
        description = "Print every message of a Kafka topic from its beginning, then as it arrives (Ctrl-C to stop).")
public final class TopicWatch implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<topic>", description = "e.g. safety.alerts.v1 or legacy.commands.v1.dlq")
    String topic;

    @Option(names = "--bootstrap-servers", paramLabel = "<host:port>",
            defaultValue = "localhost:" + OwnKafkaBrokerLauncher.DEFAULT_PORT,
            description = "The Kafka cluster (default: ${DEFAULT-VALUE}, standalone's own broker).")
    String bootstrapServers;

    @Override
    public Integer call() {
        // No Spring here to configure logging: keep the Kafka client's chatter out of the messages.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                err.println("No topic " + topic + " at " + bootstrapServers);
                return LineguardCli.USAGE_OR_SERVER_ERROR;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            err.println("Watching " + topic + " at " + bootstrapServers + " (" + assigned.size()
                    + " partitions); Ctrl-C to stop");
            err.flush();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(record.partition() + ":" + record.offset() + " " + record.key() + " " + record.value());
                }
                out.flush();
            }
        }
        return LineguardCli.OK;
    }
}

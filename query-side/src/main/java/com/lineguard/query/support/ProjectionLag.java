package com.lineguard.query.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code lineguard.projection.lag{processor}}: events in the store that a streaming processor has not handled yet,
 * read from the token store, so the figure is the same on every node whichever node runs the processor.
 */
@Component
class ProjectionLag {

    private final EventProcessingConfiguration processing;
    private final ProjectionCatchUp progress;
    private final MeterRegistry meters;

    ProjectionLag(EventProcessingConfiguration processing, ProjectionCatchUp progress, MeterRegistry meters) {
        this.processing = processing;
        this.progress = progress;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerOnePerProcessor() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("lineguard.projection.lag", progress, p -> p.eventsBehind(name))
                        .description("Events not yet handled by the processor")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(meters);
            }
        });
    }
}

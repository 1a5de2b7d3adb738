package com.lineguard.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

/**
 * Safety timers fire from db-scheduler (ADR 0003): durable in the same database as the events, and any node of a
 * cluster may run a due deadline. Axon's own auto-configuration is excluded because its task keeps db-scheduler's
 * default of retrying a failed execution five minutes later; a failed escalation is retried within seconds here.
 */
@Configuration(proxyBeanMethods = false)
public class DurableDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DurableDeadlines.class);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);

    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> axonDeadlineTask(ObjectProvider<DbSchedulerDeadlineManager> deadlineManager) {
        Task<DbSchedulerBinaryDeadlineDetails> axonTask = DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject);
        return Tasks.oneTime(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new RetrySoon<>())
                .execute((instance, context) -> axonTask.execute(instance, context));
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                // db-scheduler's Spring Boot starter starts and stops the scheduler with the context.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // Unlike the command bus and the event processors, a deadline manager hands on no correlation data by itself:
        // without this, what a deadline records would name neither the request behind it nor the deadline.
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return manager;
    }

    /** Axon quietly falls back to an in-memory deadline manager; a safety timer must never live only in memory. */
    @Bean
    ApplicationRunner requireDurableDeadlines(org.axonframework.config.Configuration configuration) {
        return args -> {
            DeadlineManager manager = configuration.deadlineManager();
            if (manager == null || manager instanceof SimpleDeadlineManager) {
                throw new IllegalStateException("No durable DeadlineManager is configured; refusing to start.");
            }
            log.info("Deadlines are durable: {}", manager.getClass().getSimpleName());
        };
    }

    /** Retries after 1, 2, 4 ... seconds, at most {@link #MAX_RETRY_DELAY} apart, for as long as it takes. */
    static final class RetrySoon<T> implements FailureHandler<T> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Duration delay = Duration.ofSeconds(1L << Math.min(failures - 1, 4));
            if (delay.compareTo(MAX_RETRY_DELAY) > 0) {
                delay = MAX_RETRY_DELAY;
            }
            log.warn("Deadline {} failed {} time(s); retrying in {}", complete.getExecution().taskInstance,
                    failures, delay, complete.getCause().orElse(null));
            operations.reschedule(complete, Instant.now().plus(delay));
        }
    }
}

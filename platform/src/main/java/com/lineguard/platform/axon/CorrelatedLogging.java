package com.lineguard.platform.axon;

import com.lineguard.platform.web.CorrelationIdFilter;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the message being handled on the logging context ({@code correlationId}, as the HTTP
 * filter does for requests) for as long as it is handled, so that what an event handler, a saga or a deadline logs
 * can be traced back to the request that started it all. Registered for every event processor, the command bus and
 * the deadline manager ({@link AxonConfiguration}).
 */
public class CorrelatedLogging implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(AxonConfiguration.CORRELATION_ID);
        if (correlationId == null) {
            return chain.proceed();
        }
        // A command handled on an HTTP thread already has the request's id there: put back whatever was there.
        String outer = MDC.get(CorrelationIdFilter.MDC_KEY);
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            if (outer == null) {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            } else {
                MDC.put(CorrelationIdFilter.MDC_KEY, outer);
            }
        }
    }
}

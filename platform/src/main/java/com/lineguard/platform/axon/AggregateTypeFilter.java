package com.lineguard.platform.axon;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Hands {@code @Aggregate(filterEventsByType = true)} on to the aggregate's repository. Axon 4.13's Spring Boot
 * aggregate lookup copies the annotation's other attributes to the {@link SpringAggregateConfigurer} it registers but
 * not this one, so without it an outage id that is really an alert's would load the alert's events into a blank
 * outage instead of being "not found".
 */
class AggregateTypeFilter implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (SpringAggregateConfigurer.class.getName().equals(definition.getBeanClassName())
                    && filtersEventsByType(definition)) {
                definition.getPropertyValues().add("filterEventsByType", true);
            }
        }
    }

    private static boolean filtersEventsByType(BeanDefinition definition) {
        ValueHolder aggregateType = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class);
        if (aggregateType == null || !(aggregateType.getValue() instanceof Class<?> type)) {
            return false;
        }
        Aggregate aggregate = AnnotatedElementUtils.findMergedAnnotation(type, Aggregate.class);
        return aggregate != null && aggregate.filterEventsByType();
    }
}

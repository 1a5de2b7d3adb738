package com.lineguard.contracts.customer;

/**
 * An event that customers are to be told of (already throttled by the outage's rules): it goes to the notification
 * service on {@code customer-notifications.v1} as {@code lineguard.customer.outage-updated}.
 */
public interface CustomerNotification {
}

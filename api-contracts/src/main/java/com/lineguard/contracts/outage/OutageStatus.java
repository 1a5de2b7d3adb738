package com.lineguard.contracts.outage;

/** Where the repair of an outage stands (API.md "Outages"). */
public enum OutageStatus {
    REPORTED, ASSIGNED, EN_ROUTE, ON_SITE, RESTORED, CLOSED;

    /** Customers may still be without power: nobody has reported the supply back. */
    public boolean isBeforeRestoration() {
        return this != RESTORED && this != CLOSED;
    }
}

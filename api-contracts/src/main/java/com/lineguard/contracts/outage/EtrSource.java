package com.lineguard.contracts.outage;

/** Who gave an estimated time of restoration. A person on the job outranks a prediction. */
public enum EtrSource {
    CREW, DISPATCHER, PREDICTED;

    public boolean isHuman() {
        return this != PREDICTED;
    }
}

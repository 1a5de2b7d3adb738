package com.lineguard.query.replay;

/** A projection that can be rebuilt from the event store beside its live read model and switched in. */
public interface Rebuild {

    /** The name of the processor whose read model this rebuilds. */
    String processor();

    /** Rebuilds, reporting progress, and switches the rebuilt read model in; blocks until done. */
    void run(Progress progress) throws Exception;

    /** Where a rebuild stands: the global position reached and the event store's head. */
    interface Progress {
        void at(long position, long head);

        void switching();
    }
}

package org.ventanilla.core.adapter.memory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.ClusterEventsContract;

class MemoryClusterEventsTest implements ClusterEventsContract {

    private MemoryClusterEvents events;

    @BeforeEach
    void createNode() {
        events = MemoryClusterEvents.create();
    }

    @AfterEach
    void closeNode() {
        events.close();
    }

    @Override
    public ClusterEvents node() {
        return events;
    }

    /** One node only: the other node of the contract is this one. */
    @Override
    public ClusterEvents otherNode() {
        return events;
    }

    @Override
    public ClusterEvents newNode() {
        return MemoryClusterEvents.create();
    }
}

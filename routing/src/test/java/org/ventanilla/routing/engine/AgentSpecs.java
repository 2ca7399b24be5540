package org.ventanilla.routing.engine;

import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.model.AgentSpec;

/** Agent profiles used by several tests. */
final class AgentSpecs {

    private AgentSpecs() {
    }

    /** Speaks Spanish and English, chat 2. */
    static AgentSpec bilingual(String id, String... queues) {
        return AgentSpec.builder(id).languages("es", "en").queues(queues).capacity(Channel.CHAT, 2).build();
    }
}

package org.ventanilla.routing.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;

/**
 * The work and the people of the multi-node test, the same on every node (built from one seed): four queues of a city
 * contact center, agents with varied skills, languages and capacities, and items of every channel.
 */
final class ClusterPlan {

    static final List<String> QUEUES = List.of("tramites", "catastro", "impuestos", "movilidad");
    static final List<String> SKILLS = List.of("licencias", "avaluos", "predial", "comparendos");

    final List<QueueSpec> queues = new ArrayList<>();
    final List<AgentSpec> agents = new ArrayList<>();
    final List<EnqueueRequest> items = new ArrayList<>();

    ClusterPlan(int agentCount, int itemCount, long seed) {
        Random random = new Random(seed);
        for (String queue : QUEUES) {
            queues.add(QueueSpec.builder(queue).maxSize(itemCount).build());
        }
        for (int i = 0; i < agentCount; i++) {
            AgentSpec.Builder agent = AgentSpec.builder("agente-" + i).languages("es");
            if (i % 5 == 0) {
                agent.languages("es", "en");
            }
            for (String skill : SKILLS) {
                agent.skill(skill, 3 + random.nextInt(8));
            }
            agent.queues(QUEUES.get(i % QUEUES.size()), QUEUES.get((i + 1 + random.nextInt(3)) % QUEUES.size()));
            agent.capacity(Channel.VOICE, i % 4 == 0 ? 0 : 1);
            agent.capacity(Channel.CHAT, 1 + random.nextInt(3));
            agent.capacity(Channel.EMAIL, 1 + random.nextInt(5));
            agents.add(agent.build());
        }
        for (int i = 0; i < itemCount; i++) {
            int roll = random.nextInt(10);
            Channel channel = roll < 2 ? Channel.VOICE : roll < 7 ? Channel.CHAT : Channel.EMAIL;
            String language = random.nextInt(5) == 0 ? "en" : "es";
            List<SkillRequirement> skills = List.of(new SkillRequirement(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(3)));
            items.add(new EnqueueRequest("item-" + i, QUEUES.get(random.nextInt(QUEUES.size())), channel, "tramites.general", skills,
                    language, random.nextInt(10)));
        }
    }

    /** The node an agent signs in through at the start. */
    static int nodeOf(int agentIndex, int nodes) {
        return agentIndex % nodes;
    }
}

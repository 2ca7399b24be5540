package org.ventanilla.ops;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * The people and the work of {@link ServerClusterIT}, the same in the test and in every server process (built from one
 * run id and one seed): agents of a city contact center with varied skill levels, languages, queue memberships and
 * capacities, and contacts of every live channel for the demo catalog's queues. Every id starts with the run's prefix,
 * so that what one run leaves in Redis can be told from anything else there.
 */
final class ServerClusterPlan {

    /** The demo catalog's queues, with one category of each and the skill its categories ask for. */
    static final List<String> QUEUES = List.of("general", "tramites", "danos-y-servicios", "impuestos", "programas-sociales",
            "juridica");
    private static final Map<String, String> CATEGORY = Map.of("general", "peticion-informacion", "tramites",
            "certificado-residencia", "danos-y-servicios", "alumbrado-publico", "impuestos", "estado-cuenta-predial",
            "programas-sociales", "subsidio-transporte", "juridica", "consulta");
    private static final Map<String, String> SKILL = Map.of("general", "atencion-general", "tramites", "tramites",
            "danos-y-servicios", "servicios-publicos", "impuestos", "impuestos", "programas-sociales", "programas-sociales",
            "juridica", "juridica");
    private static final List<Channel> LIVE_CHANNELS = List.of(Channel.VOICE, Channel.CHAT, Channel.EMAIL);

    /** One agent's profile, as the console would send it at sign-in. */
    record Agent(String id, Map<String, Integer> skills, List<String> languages, List<String> queues, Map<Channel, Integer> capacity) {

        int capacityOf(Channel channel) {
            return capacity.getOrDefault(channel, 0);
        }
    }

    final String prefix;
    final List<Agent> agents = new ArrayList<>();
    final Map<String, Agent> agentsById = new LinkedHashMap<>();
    final List<EnqueueRequest> items = new ArrayList<>();
    final Map<String, EnqueueRequest> itemsById = new LinkedHashMap<>();

    /**
     * @param run    the run's id (letters and digits), the start of every agent and item id
     * @param agents how many agents
     * @param items  how many contacts
     * @param seed   the seed of every random choice
     */
    ServerClusterPlan(String run, int agents, int items, long seed) {
        this.prefix = "sc-" + run + "-";
        Random random = new Random(seed);
        for (int i = 0; i < agents; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            for (String queue : QUEUES) {
                skills.put(SKILL.get(queue), 3 + random.nextInt(8));
            }
            List<String> languages = i % 5 == 0 ? List.of("es", "en") : List.of("es");
            String first = QUEUES.get(i % QUEUES.size());
            String second = QUEUES.get((i + 1 + random.nextInt(QUEUES.size() - 1)) % QUEUES.size());
            Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
            capacity.put(Channel.VOICE, i % 4 == 0 ? 0 : 1);
            capacity.put(Channel.CHAT, 1 + random.nextInt(3));
            capacity.put(Channel.EMAIL, 1 + random.nextInt(5));
            Agent agent = new Agent(prefix + "agente-" + i, skills, languages, List.of(first, second), capacity);
            this.agents.add(agent);
            agentsById.put(agent.id(), agent);
        }
        for (int i = 0; i < items; i++) {
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            int roll = random.nextInt(10);
            Channel channel = roll < 2 ? Channel.VOICE : roll < 7 ? Channel.CHAT : Channel.EMAIL;
            String language = random.nextInt(5) == 0 ? "en" : "es";
            List<SkillRequirement> skills = List.of(new SkillRequirement(SKILL.get(queue), 1 + random.nextInt(3)));
            EnqueueRequest item = new EnqueueRequest(prefix + "item-" + i, queue, channel, CATEGORY.get(queue), skills, language,
                    random.nextInt(10));
            this.items.add(item);
            itemsById.put(item.itemId(), item);
        }
        requireEveryItemServable();
    }

    /** The node an agent signs in through at the start (and the node whose driver sends an item, by its index). */
    static int nodeOf(int index, int nodes) {
        return index % nodes;
    }

    /** Agents, all present, must be able to take every item: otherwise an item would wait forever and the test hang. */
    private void requireEveryItemServable() {
        for (String queue : QUEUES) {
            for (Channel channel : LIVE_CHANNELS) {
                for (String language : List.of("es", "en")) {
                    boolean served = agents.stream().anyMatch(a -> a.queues().contains(queue) && a.capacityOf(channel) > 0
                            && a.languages().contains(language));
                    if (!served) {
                        throw new IllegalStateException("no agent of the plan serves " + channel + " in '" + language
                                + "' for queue '" + queue + "'; change the plan");
                    }
                }
            }
        }
    }
}

package org.ventanilla.routing.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.RelaxationStep;
import org.ventanilla.routing.model.WorkItem;

/** What every {@link LiveState} adapter must do (memory now, Redis later). */
public interface LiveStateContract {

    Instant T0 = Instant.parse("2025-03-04T14:00:00Z");

    /** A fresh, empty live state. */
    LiveState newState();

    private LiveState withQueues() {
        LiveState state = newState();
        state.putQueue(QueueSpec.builder("tramites").build());
        state.putQueue(QueueSpec.builder("catastro").skill("catastro", 1)
                .relax(RelaxationStep.lower(Duration.ofSeconds(30), "avaluos", 3)).build());
        return state;
    }

    private static WorkItem item(String id, String queue, Channel channel, int priority, Instant arrived, SkillRequirement... skills) {
        return new WorkItem(id, queue, channel, "tramites.licencias", List.of(skills), "es", priority, arrived,
                Duration.ofSeconds(20), null);
    }

    private static AgentSpec.Builder agent(String id, String... queues) {
        return AgentSpec.builder(id).languages("es").queues(queues);
    }

    private static void available(LiveState state, AgentSpec spec, Instant at) {
        state.putAgent(spec, at);
        state.setPresence(spec.id(), AgentState.AVAILABLE, null, at);
    }

    private static String assign(LiveState state, AssignTrigger trigger, Instant at) {
        return state.assignNext(trigger, at).map(a -> a.item().id() + "->" + a.agentId()).orElse(null);
    }

    @Test
    default void enqueueIsIdempotentAndRespectsTheSizeLimit() {
        LiveState state = withQueues();

        EnqueueOutcome first = state.enqueue(item("a", "tramites", Channel.CHAT, 5, T0), 2);
        EnqueueOutcome again = state.enqueue(item("a", "tramites", Channel.CHAT, 9, T0.plusSeconds(1)), 2);
        state.enqueue(item("b", "tramites", Channel.CHAT, 5, T0), 2);
        EnqueueOutcome full = state.enqueue(item("c", "tramites", Channel.CHAT, 5, T0), 2);

        assertThat(first.status()).isEqualTo(EnqueueOutcome.Status.ADDED);
        assertThat(again.status()).isEqualTo(EnqueueOutcome.Status.DUPLICATE);
        assertThat(again.item().item().priority()).isEqualTo(5);
        assertThat(full.status()).isEqualTo(EnqueueOutcome.Status.FULL);
        assertThat(full.queued()).isEqualTo(2);
        assertThat(state.item("c")).isEmpty();
        assertThat(state.items()).extracting(live -> live.item().id()).containsExactly("a", "b");
    }

    @Test
    default void anItemGoesToTheBestSkilledFreeAgentAndThenToTheLongestIdle() {
        LiveState state = withQueues();
        available(state, agent("nivel-4", "catastro").skill("catastro", 4).capacity(Channel.CHAT, 1).build(), T0);
        available(state, agent("nivel-9-reciente", "catastro").skill("catastro", 9).capacity(Channel.CHAT, 1).build(),
                T0.plusSeconds(5));
        available(state, agent("nivel-9-antiguo", "catastro").skill("catastro", 9).capacity(Channel.CHAT, 1).build(),
                T0.plusSeconds(2));
        state.enqueue(item("a", "catastro", Channel.CHAT, 5, T0.plusSeconds(10)), 100);
        state.enqueue(item("b", "catastro", Channel.CHAT, 5, T0.plusSeconds(10)), 100);
        state.enqueue(item("c", "catastro", Channel.CHAT, 5, T0.plusSeconds(10)), 100);

        assertThat(assign(state, AssignTrigger.forItem("a"), T0.plusSeconds(10))).isEqualTo("a->nivel-9-antiguo");
        assertThat(assign(state, AssignTrigger.forItem("b"), T0.plusSeconds(10))).isEqualTo("b->nivel-9-reciente");
        assertThat(assign(state, AssignTrigger.forItem("c"), T0.plusSeconds(10))).isEqualTo("c->nivel-4");
        assertThat(state.item("a").orElseThrow().status()).isEqualTo(ItemStatus.OFFERED);
    }

    @Test
    default void aFreeAgentTakesTheMostUrgentItemWithAgeingAcrossItsQueues() {
        LiveState state = withQueues();
        state.putAgent(agent("ana", "tramites", "catastro").skill("catastro", 5).capacity(Channel.VOICE, 1).build(), T0);
        state.enqueue(item("vieja-baja", "tramites", Channel.VOICE, 0, T0), 100);
        state.enqueue(item("nueva-alta", "catastro", Channel.VOICE, 9, T0.plusSeconds(190)), 100);
        state.enqueue(item("media", "tramites", Channel.VOICE, 4, T0.plusSeconds(100)), 100);
        state.setPresence("ana", AgentState.AVAILABLE, null, T0.plusSeconds(190));

        // at 190 s: vieja-baja 0 + 190/20 = 9.5; nueva-alta 9 + 0; media 4 + 90/20 = 8.5
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0.plusSeconds(190))).isEqualTo("vieja-baja->ana");
    }

    @Test
    default void withinOnePriorityTheOldestGoesFirst() {
        LiveState state = withQueues();
        state.putAgent(agent("ana", "tramites").capacity(Channel.CHAT, 5).build(), T0);
        state.enqueue(item("segundo", "tramites", Channel.CHAT, 3, T0.plusSeconds(2)), 100);
        state.enqueue(item("primero", "tramites", Channel.CHAT, 3, T0.plusSeconds(1)), 100);
        state.enqueue(item("tercero", "tramites", Channel.CHAT, 3, T0.plusSeconds(3)), 100);
        state.setPresence("ana", AgentState.AVAILABLE, null, T0.plusSeconds(4));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(state.assignNext(AssignTrigger.forAgent("ana"), T0.plusSeconds(4)).orElseThrow().item().id());
        }
        assertThat(order).containsExactly("primero", "segundo", "tercero");
    }

    @Test
    default void capacityIsPerChannelAndVoiceIsExclusiveBothWays() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.VOICE, 1).capacity(Channel.CHAT, 2).build(), T0);
        state.enqueue(item("chat-1", "tramites", Channel.CHAT, 5, T0), 100);
        state.enqueue(item("chat-2", "tramites", Channel.CHAT, 5, T0), 100);
        state.enqueue(item("chat-3", "tramites", Channel.CHAT, 5, T0), 100);
        state.enqueue(item("voz", "tramites", Channel.VOICE, 9, T0), 100);

        assertThat(assign(state, AssignTrigger.forItem("chat-1"), T0)).isEqualTo("chat-1->ana");
        assertThat(assign(state, AssignTrigger.forItem("voz"), T0)).as("a chat is held").isNull();
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0)).isEqualTo("chat-2->ana");
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0)).as("chat capacity 2").isNull();
        assertThat(state.agent("ana").orElseThrow().load(Channel.CHAT)).isEqualTo(2);

        state.remove("chat-1", T0);
        state.remove("chat-2", T0);
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0)).isEqualTo("voz->ana");
        assertThat(assign(state, AssignTrigger.forItem("chat-3"), T0)).as("a call is held").isNull();
    }

    @Test
    default void aReturnedOfferKeepsItsPlaceAndSkipsTheAgentWhileAnotherIsPresent() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.VOICE, 1).build(), T0);
        state.putAgent(agent("jose", "tramites").capacity(Channel.VOICE, 1).build(), T0);
        state.enqueue(item("primera", "tramites", Channel.VOICE, 5, T0), 100);
        state.enqueue(item("segunda", "tramites", Channel.VOICE, 5, T0.plusSeconds(1)), 100);
        assertThat(assign(state, AssignTrigger.forItem("primera"), T0.plusSeconds(1))).isEqualTo("primera->ana");

        Transition returned = state.returnOffer("primera", "ana", true, T0.plusSeconds(20));

        assertThat(returned.item().status()).isEqualTo(ItemStatus.WAITING);
        assertThat(returned.item().item().arrivedAt()).isEqualTo(T0);
        assertThat(returned.agent().missedOffers()).isEqualTo(1);
        assertThat(assign(state, AssignTrigger.forItem("primera"), T0.plusSeconds(20))).as("ana is the only one present")
                .isEqualTo("primera->ana");
        state.returnOffer("primera", "ana", false, T0.plusSeconds(21));
        state.setPresence("jose", AgentState.AVAILABLE, null, T0.plusSeconds(21));
        state.setPresence("jose", AgentState.AWAY, "pausa", T0.plusSeconds(21));
        state.setPresence("jose", AgentState.AVAILABLE, null, T0.plusSeconds(22));
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0.plusSeconds(22))).as("jose is present now")
                .isEqualTo("segunda->ana");
        assertThat(assign(state, AssignTrigger.forAgent("jose"), T0.plusSeconds(22))).isEqualTo("primera->jose");
    }

    @Test
    default void acceptCompleteAndEndWrapUpMoveTheAgentThroughItsStates() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.VOICE, 1).build(), T0);
        state.enqueue(item("voz", "tramites", Channel.VOICE, 5, T0), 100);
        Assignment offer = state.assignNext(AssignTrigger.forItem("voz"), T0).orElseThrow();
        assertThat(offer.offerId()).isEqualTo("voz#1");
        assertThat(state.agent("ana").orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);

        Transition accepted = state.accept("voz", "ana", T0.plusSeconds(3));
        assertThat(accepted.item().status()).isEqualTo(ItemStatus.ACCEPTED);
        assertThat(accepted.agent().state()).isEqualTo(AgentState.BUSY);
        assertThat(accepted.agent().since()).isEqualTo(T0.plusSeconds(3));

        Transition completed = state.complete("voz", "ana", T0.plusSeconds(60));
        assertThat(completed.agent().state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(completed.agent().load(Channel.VOICE)).isEqualTo(1);

        Transition ended = state.endWrapUp("voz", "ana", T0.plusSeconds(70));
        assertThat(ended.agent().state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(ended.agent().load()).isEmpty();
        assertThat(ended.agent().idleSince()).isEqualTo(T0.plusSeconds(70));
        assertThat(state.item("voz")).isEmpty();
    }

    @Test
    default void changesByTheWrongAgentOrInTheWrongStatusAreRefused() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.VOICE, 1).build(), T0);
        state.putAgent(agent("jose", "tramites").capacity(Channel.VOICE, 1).build(), T0);
        state.enqueue(item("voz", "tramites", Channel.VOICE, 5, T0), 100);

        refused(() -> state.accept("voz", "ana", T0), ErrorCode.CONFLICT);
        state.assignNext(AssignTrigger.forItem("voz"), T0);
        refused(() -> state.accept("voz", "jose", T0), ErrorCode.CONFLICT);
        refused(() -> state.complete("voz", "ana", T0), ErrorCode.CONFLICT);
        refused(() -> state.accept("otra", "ana", T0), ErrorCode.NOT_FOUND);
        refused(() -> state.accept("voz", "nadie", T0), ErrorCode.NOT_FOUND);
        refused(() -> state.enqueue(item("x", "no-existe", Channel.VOICE, 5, T0), 100), ErrorCode.NOT_FOUND);
        refused(() -> state.setPresence("ana", AgentState.BUSY, null, T0), ErrorCode.INVALID_INPUT);
        state.accept("voz", "ana", T0);
        refused(() -> state.setPresence("ana", AgentState.OFFLINE, null, T0), ErrorCode.CONFLICT);
        assertThat(state.agent("ana").orElseThrow().state()).isEqualTo(AgentState.BUSY);
    }

    @Test
    default void removingAnItemFreesTheSlotItHeld() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.CHAT, 1).build(), T0);
        state.enqueue(item("chat", "tramites", Channel.CHAT, 5, T0), 100);
        state.enqueue(item("otro", "tramites", Channel.CHAT, 5, T0.plusSeconds(1)), 100);
        state.assignNext(AssignTrigger.forItem("chat"), T0);
        state.accept("chat", "ana", T0);

        Optional<Transition> removed = state.remove("chat", T0.plusSeconds(5));

        assertThat(removed).get().extracting(t -> t.item().status()).isEqualTo(ItemStatus.ACCEPTED);
        assertThat(removed.get().agent().load()).isEmpty();
        assertThat(state.remove("chat", T0)).isEmpty();
        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0.plusSeconds(5))).isEqualTo("otro->ana");
    }

    @Test
    default void waitingListsTheItemsOfAnArrivalRangeOldestFirst() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.CHAT, 1).build(), T0);
        for (int i = 0; i < 6; i++) {
            state.enqueue(item("chat-" + i, "tramites", Channel.values()[i % 2 == 0 ? 1 : 2], i, T0.plusSeconds(10 * i)), 100);
        }
        state.assignNext(AssignTrigger.forItem("chat-2"), T0.plusSeconds(60));

        assertThat(state.waiting("tramites", null, T0.plusSeconds(30))).extracting(live -> live.item().id())
                .containsExactly("chat-0", "chat-1", "chat-3");
        assertThat(state.waiting("tramites", T0.plusSeconds(10), T0.plusSeconds(40))).extracting(live -> live.item().id())
                .containsExactly("chat-3", "chat-4");
        assertThat(state.waiting("catastro", null, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    default void relaxationLowersARequirementAtItsTime() {
        LiveState state = withQueues();
        available(state, agent("luis", "catastro").skill("catastro", 2).skill("avaluos", 3).capacity(Channel.CHAT, 1).build(), T0);
        state.enqueue(item("avaluo", "catastro", Channel.CHAT, 5, T0, new SkillRequirement("avaluos", 7)), 100);

        assertThat(assign(state, AssignTrigger.forItem("avaluo"), T0.plusSeconds(29))).isNull();
        assertThat(assign(state, AssignTrigger.forAgent("luis"), T0.plusSeconds(29))).isNull();
        assertThat(assign(state, AssignTrigger.forAgent("luis"), T0.plusSeconds(30))).isEqualTo("avaluo->luis");
    }

    @Test
    default void anItemForOneAgentGoesToThatAgentOnly() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.CHAT, 2).build(), T0);
        available(state, agent("pedro").capacity(Channel.CHAT, 2).build(), T0.plusSeconds(1));
        state.enqueue(item("chat", "tramites", Channel.CHAT, 5, T0).forAgent("pedro"), 100);

        assertThat(assign(state, AssignTrigger.forAgent("ana"), T0.plusSeconds(2))).isNull();
        assertThat(assign(state, AssignTrigger.forItem("chat"), T0.plusSeconds(2))).isEqualTo("chat->pedro");

        state.returnOffer("chat", "pedro", false, T0.plusSeconds(3));
        assertThat(state.item("chat").orElseThrow().item().targetAgentId()).isNull();
        assertThat(assign(state, AssignTrigger.forItem("chat"), T0.plusSeconds(3))).isEqualTo("chat->ana");
    }

    @Test
    default void anAgentLeavingAQueueGetsNoMoreOfItsWork() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.CHAT, 2).build(), T0);
        state.putAgent(agent("ana", "catastro").capacity(Channel.CHAT, 2).build(), T0);
        state.enqueue(item("chat", "tramites", Channel.CHAT, 5, T0), 100);

        assertThat(assign(state, AssignTrigger.forItem("chat"), T0)).isNull();
        assertThat(state.agent("ana").orElseThrow().state()).as("the live state is kept").isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    default void concurrentAssignmentsNeverGiveAnItemTwice() throws Exception {
        LiveState state = withQueues();
        int agents = 16;
        int items = 400;
        for (int i = 0; i < agents; i++) {
            available(state, agent("agente-" + i, "tramites").capacity(Channel.CHAT, 50).build(), T0);
        }
        for (int i = 0; i < items; i++) {
            state.enqueue(item("chat-" + i, "tramites", Channel.CHAT, i % 10, T0.plusMillis(i)), items);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<String> given = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String agentId = "agente-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    Optional<Assignment> next;
                    while ((next = state.assignNext(AssignTrigger.forAgent(agentId), T0.plusSeconds(1))).isPresent()) {
                        given.add(next.get().item().id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> distinct = new HashSet<>(given);
        assertThat(given).hasSize(items);
        assertThat(distinct).hasSize(items);
    }

    @Test
    default void enqueueAndAssignOffersAtOnceOrLeavesTheItemWaitingAtItsPlace() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").skill("avaluos", 2).capacity(Channel.CHAT, 1).build(), T0);
        available(state, agent("luis", "tramites").skill("avaluos", 5).capacity(Channel.CHAT, 1).build(), T0);

        Arrival first = state.enqueueAndAssign(item("a", "tramites", Channel.CHAT, 5, T0, new SkillRequirement("avaluos", 1)), 100,
                T0.plusSeconds(1));
        assertThat(first.outcome().status()).isEqualTo(EnqueueOutcome.Status.ADDED);
        assertThat(first.outcome().queued()).isEqualTo(1);
        assertThat(first.offered()).get().satisfies(offer -> {
            assertThat(offer.agentId()).as("best skill level first").isEqualTo("luis");
            assertThat(offer.offerId()).isEqualTo("a#1");
            assertThat(offer.offeredAt()).isEqualTo(T0.plusSeconds(1));
        });
        assertThat(state.item("a").orElseThrow().status()).isEqualTo(ItemStatus.OFFERED);
        assertThat(state.waiting("tramites", null, Instant.MAX)).isEmpty();

        Arrival again = state.enqueueAndAssign(item("a", "tramites", Channel.CHAT, 9, T0), 100, T0.plusSeconds(2));
        assertThat(again.outcome().status()).isEqualTo(EnqueueOutcome.Status.DUPLICATE);
        assertThat(again.offered()).isEmpty();

        Arrival nobody = state.enqueueAndAssign(item("b", "tramites", Channel.CHAT, 5, T0.plusSeconds(2),
                new SkillRequirement("avaluos", 3)), 100, T0.plusSeconds(2));
        assertThat(nobody.offered()).as("luis, the only one skilled enough, is full").isEmpty();
        assertThat(state.waiting("tramites", null, Instant.MAX)).extracting(live -> live.item().id()).containsExactly("b");

        Arrival full = state.enqueueAndAssign(item("c", "tramites", Channel.CHAT, 5, T0), 2, T0.plusSeconds(3));
        assertThat(full.outcome().status()).isEqualTo(EnqueueOutcome.Status.FULL);
        assertThat(full.offered()).isEmpty();
        refused(() -> state.enqueueAndAssign(item("x", "no-existe", Channel.CHAT, 5, T0), 100, T0), ErrorCode.NOT_FOUND);
        assertThat(state.item("a").orElseThrow().agentId()).isEqualTo("luis");
    }

    @Test
    default void completeAndReleaseFreesTheSlotAndMakesTheNextOfferOnlyWithoutWrapUp() {
        LiveState state = withQueues();
        available(state, agent("ana", "tramites").capacity(Channel.CHAT, 1).capacity(Channel.EMAIL, 1).build(), T0);
        state.enqueueAndAssign(item("chat-1", "tramites", Channel.CHAT, 5, T0), 100, T0);
        state.enqueueAndAssign(item("chat-2", "tramites", Channel.CHAT, 5, T0.plusSeconds(1)), 100, T0.plusSeconds(1));
        state.enqueueAndAssign(item("mail-1", "tramites", Channel.EMAIL, 5, T0), 100, T0);
        state.accept("chat-1", "ana", T0.plusSeconds(2));
        state.accept("mail-1", "ana", T0.plusSeconds(2));

        Release chat = state.completeAndRelease("chat-1", "ana", EnumSet.of(Channel.CHAT), T0.plusSeconds(30));
        assertThat(chat.completed().item().status()).isEqualTo(ItemStatus.WRAP_UP);
        assertThat(chat.released()).get().satisfies(ended -> assertThat(ended.agent().idleSince()).isEqualTo(T0.plusSeconds(30)));
        assertThat(state.item("chat-1")).isEmpty();
        assertThat(chat.nextOffer()).get().satisfies(next -> {
            assertThat(next.item().id()).isEqualTo("chat-2");
            assertThat(next.agentId()).isEqualTo("ana");
        });
        assertThat(state.agent("ana").orElseThrow().load(Channel.CHAT)).isEqualTo(1);

        Release mail = state.completeAndRelease("mail-1", "ana", EnumSet.of(Channel.CHAT), T0.plusSeconds(40));
        assertThat(mail.released()).as("email has a wrap-up here").isEmpty();
        assertThat(mail.nextOffer()).isEmpty();
        assertThat(state.item("mail-1").orElseThrow().status()).isEqualTo(ItemStatus.WRAP_UP);
        assertThat(state.agent("ana").orElseThrow().load(Channel.EMAIL)).isEqualTo(1);

        refused(() -> state.completeAndRelease("chat-2", "ana", EnumSet.of(Channel.CHAT), T0), ErrorCode.CONFLICT);
        assertThat(state.item("chat-2").orElseThrow().status()).as("a refused complete changes nothing").isEqualTo(ItemStatus.OFFERED);
        refused(() -> state.completeAndRelease("chat-2", "nadie", EnumSet.of(Channel.CHAT), T0), ErrorCode.NOT_FOUND);
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}

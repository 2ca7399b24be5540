package org.ventanilla.routing.state;

/**
 * The result of a change to one item held by an agent.
 *
 * @param item  the item after the change (for {@link LiveState#remove} and {@link LiveState#endWrapUp}: as it was
 *              just before it left)
 * @param agent the agent concerned after the change, or {@code null} when the item had none
 */
public record Transition(LiveItem item, AgentSnapshot agent) {
}

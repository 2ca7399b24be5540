package org.ventanilla.routing.api;

/**
 * The answer to an {@link EnqueueRequest}.
 *
 * @param itemId    the work item
 * @param duplicate true when routing already knew this item (nothing was changed)
 * @param status    where the item stands now ({@link ItemStatus#OFFERED} when an agent was found at once)
 */
public record EnqueueResult(String itemId, boolean duplicate, ItemStatus status) {
}
